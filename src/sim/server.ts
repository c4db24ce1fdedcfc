// The simulated cluster's HTTP API: enough of the real apiserver (discovery, CRUD, watch, pods/log,
// ephemeral containers, metrics.k8s.io, server-side tables) that kt and real kubectl both work against it.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { RESOURCE_TYPES, groupVersion, type ResourceType } from '../k8s/resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector, SelectorError } from '../k8s/selector.js';
import type { Container, KubeObject, Pod } from '../k8s/types.js';
import { typeOf, type SimCluster } from './cluster.js';
import { serveWatch } from './watch.js';
import { firstAtOrAfter, kubeletTimestamp, type LineSource, type LogLine } from './logs.js';
import { applyJsonPatch, strategicMerge } from './patch.js';
import { attachRoute, handleAttachUpgrade } from './attach.js';
import { alreadyExists, badRequest, methodNotAllowed, notFound, notFoundPath, StatusError, unauthorized, unsupportedMediaType } from './status.js';
import { toTable, type IncludeObject } from './table.js';
import type { Faults } from './faults.js';
import { containerStatus } from '../k8s/pod.js';
import { GoTimeError, parseRFC3339 } from '../go/time.js';

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Bearer token required on every request; requests without it get 401. */
  token?: string;
  tls?: { key: string; cert: string };
  /** Called with every request (method, path and query) — tests use it to assert what a client sent. */
  onRequest?: (req: { method: string; url: string; headers: IncomingMessage['headers'] }) => void;
  /** Fault injection (faults.ts): consulted once per request, before anything else. */
  faults?: Faults;
}

export interface RunningSim {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const SIM_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export async function serve(cluster: SimCluster, options: ServeOptions = {}): Promise<RunningSim> {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    options.onRequest?.({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    handle(cluster, options, req, res).catch((err: unknown) => {
      if (err instanceof StatusError) sendJSON(res, err.code, err.status);
      else sendJSON(res, 500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(err), reason: 'InternalError', code: 500 });
    });
  };
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  server.on('upgrade', (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    // Upgrades (WebSocket, SPDY) are only for pods/NAME/attach; attach.ts answers them.
    options.onRequest?.({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const target = attachRoute(new URL(req.url ?? '/', 'http://sim').pathname);
    const authorized = options.token === undefined || req.headers.authorization === `Bearer ${options.token}`;
    if (!target || !authorized) {
      socket.end(`HTTP/1.1 ${authorized ? '404 Not Found' : '401 Unauthorized'}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    handleAttachUpgrade(cluster, req, socket, head, target).catch(() => socket.destroy());
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on(options.tls ? 'secureConnection' : 'connection', (s: import('node:net').Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    // An IPv6 address is bracketed in a URL (`http://[::1]:8080`).
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendJSON(res: ServerResponse, code: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function readJSON(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = await readBody(req);
  if (type === 'application/vnd.kubernetes.protobuf') {
    const { decodeKubeProtobuf } = await import('./protobuf.js');
    try {
      return decodeKubeProtobuf(body);
    } catch (e) {
      throw badRequest(`error decoding request body: ${(e as Error).message}`);
    }
  }
  if (type.includes('protobuf')) throw unsupportedMediaType(type);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw badRequest(`error decoding request body: ${(e as Error).message}`);
  }
}

interface Route {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Splits `/api/v1/namespaces/ns/pods/name/log` into its parts; undefined for paths that are not resources. */
function route(path: string): Route | undefined | 'discovery' {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1]!;
    rest = parts.slice(3);
    if (!RESOURCE_TYPES.some((t) => t.group === group && t.version === parts[2])) return undefined;
  } else {
    return 'discovery';
  }
  if (rest.length === 0) return 'discovery';
  const find = (resource: string): ResourceType | undefined => RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = find(rest[2]!);
    if (!type || !type.namespaced) return undefined;
    return { type, namespace: rest[1]!, ...(rest[3] !== undefined ? { name: rest[3] } : {}), ...(rest[4] !== undefined ? { subresource: rest[4] } : {}) };
  }
  const type = find(rest[0]!);
  if (!type) return undefined;
  return { type, ...(rest[1] !== undefined ? { name: rest[1] } : {}), ...(rest[2] !== undefined ? { subresource: rest[2] } : {}) };
}

async function handle(cluster: SimCluster, options: ServeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (options.faults && (await options.faults.apply(req, res, { compact: () => cluster.store.compact(), currentRevision: () => cluster.store.currentRevision, oldestRevision: () => cluster.store.oldestRevision })) === 'handled') return;
  if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) throw unauthorized();
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/version') return sendJSON(res, 200, SIM_VERSION);
  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  const r = route(path);
  if (r === 'discovery') {
    const doc = discovery(path, req.headers.host ?? '');
    if (!doc) throw notFoundPath();
    return sendJSON(res, 200, doc);
  }
  if (!r) throw notFoundPath();
  const q = url.searchParams;
  if (r.subresource === 'log' && r.type.resource === 'pods' && method === 'GET') return podLog(cluster, r, q, res);
  if (r.subresource === 'ephemeralcontainers' && r.type.resource === 'pods') {
    if (method === 'GET') return sendJSON(res, 200, getObject(cluster, r));
    if (method === 'PATCH') return patchEphemeral(cluster, r, req, res);
    throw methodNotAllowed();
  }
  if (r.subresource === 'attach' && r.type.resource === 'pods') throw badRequest('Upgrade request required');
  if (r.subresource !== undefined) throw notFoundPath();
  if (r.name === undefined) {
    if (method === 'GET') return q.get('watch') === 'true' || q.get('watch') === '1' ? watch(cluster, r, q, req, res) : list(cluster, r, q, req, res);
    if (method === 'POST') return create(cluster, r, req, res);
    throw methodNotAllowed();
  }
  if (method === 'GET') return sendJSON(res, 200, getObject(cluster, r));
  if (method === 'DELETE') return remove(cluster, r, res);
  if (method === 'PATCH') return patchObject(cluster, r, req, res);
  throw methodNotAllowed();
}

function qualified(type: ResourceType): string {
  return type.group === '' ? type.resource : `${type.kind === 'PodMetrics' ? 'podmetrics' : type.kind === 'NodeMetrics' ? 'nodemetrics' : type.resource}.${type.group}`;
}

function getObject(cluster: SimCluster, r: Route): KubeObject {
  const obj = cluster.store.get(r.type, r.type.namespaced ? r.namespace : undefined, r.name!);
  if (!obj) {
    // metrics-server names a missing pod "namespace/name".
    const shown = r.type.group === 'metrics.k8s.io' && r.namespace ? `${r.namespace}/${r.name}` : r.name!;
    throw notFound(qualified(r.type), shown, r.type.group === 'metrics.k8s.io' ? qualified(r.type).split('.')[0] : r.type.resource);
  }
  return withTypeMeta(r.type, obj);
}

function withTypeMeta(type: ResourceType, obj: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return { kind: type.kind, apiVersion: groupVersion(type), ...rest };
}

/** The fields a field selector can use, as the apiserver's field-label conversion functions expose them. */
function fieldsOf(type: ResourceType, obj: KubeObject): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (type.namespaced) fields['metadata.namespace'] = obj.metadata?.namespace ?? '';
  const o = obj as Record<string, Record<string, unknown> | undefined>;
  if (type.kind === 'Pod') {
    Object.assign(fields, {
      'spec.nodeName': String(o['spec']?.['nodeName'] ?? ''),
      'spec.restartPolicy': String(o['spec']?.['restartPolicy'] ?? ''),
      'spec.schedulerName': String(o['spec']?.['schedulerName'] ?? ''),
      'spec.serviceAccountName': String(o['spec']?.['serviceAccountName'] ?? ''),
      'status.phase': String(o['status']?.['phase'] ?? ''),
      'status.podIP': String(o['status']?.['podIP'] ?? ''),
      'status.nominatedNodeName': String(o['status']?.['nominatedNodeName'] ?? ''),
    });
  } else if (type.kind === 'Event' && type.group === '') {
    const io = (o['involvedObject'] ?? {}) as Record<string, unknown>;
    for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) fields[`involvedObject.${k}`] = String(io[k] ?? '');
    fields['reason'] = String(obj['reason'] ?? '');
    fields['reportingComponent'] = String(obj['reportingComponent'] ?? '');
    fields['source'] = String((obj['source'] as { component?: string } | undefined)?.component ?? '');
    fields['type'] = String(obj['type'] ?? '');
  } else if (type.kind === 'Node') {
    fields['spec.unschedulable'] = String(o['spec']?.['unschedulable'] ?? false);
  } else if (type.kind === 'Namespace') {
    fields['status.phase'] = String(o['status']?.['phase'] ?? 'Active');
  }
  return fields;
}

interface Filter {
  matches(obj: KubeObject): boolean;
}

function filterFrom(type: ResourceType, q: URLSearchParams): Filter {
  try {
    const labels = parseLabelSelector(q.get('labelSelector') ?? '');
    const fieldReqs = parseFieldSelector(q.get('fieldSelector') ?? '');
    for (const f of fieldReqs) {
      const supported = fieldsOf(type, { metadata: {} });
      if (!(f.field in supported)) throw badRequest(`field label not supported: ${f.field}`);
    }
    return { matches: (obj) => matchesLabels(labels, obj.metadata?.labels) && matchesFields(fieldReqs, fieldsOf(type, obj)) };
  } catch (e) {
    if (e instanceof SelectorError) throw badRequest(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

function listKind(type: ResourceType): string {
  return `${type.kind}List`;
}

function wantsTable(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('as=Table');
}

function list(cluster: SimCluster, r: Route, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  const filter = filterFrom(r.type, q);
  const all = cluster.store.list(r.type, r.type.namespaced ? r.namespace : undefined).filter((o) => filter.matches(o));
  const rv = String(cluster.store.currentRevision);
  // Paging: the continue token carries the offset and the list's resourceVersion, as an opaque base64 string.
  let offset = 0;
  const cont = q.get('continue');
  if (cont) {
    try {
      offset = (JSON.parse(Buffer.from(cont, 'base64').toString('utf8')) as { o: number }).o;
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
    }
  }
  const limit = Number(q.get('limit') ?? '0');
  const end = limit > 0 ? Math.min(all.length, offset + limit) : all.length;
  const page = all.slice(offset, end);
  const next = end < all.length ? Buffer.from(JSON.stringify({ o: end, rv })).toString('base64') : undefined;
  if (wantsTable(req)) {
    const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
    sendJSON(res, 200, toTable(r.type.kind, page, cluster.now(), rv, include, next));
    return;
  }
  const metadata: Record<string, unknown> = { resourceVersion: rv };
  if (next) {
    metadata['continue'] = next;
    metadata['remainingItemCount'] = all.length - end;
  }
  // List items carry no kind/apiVersion on the wire; the list does.
  const items = page.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
  sendJSON(res, 200, { kind: listKind(r.type), apiVersion: groupVersion(r.type), metadata, items });
}

function watch(cluster: SimCluster, r: Route, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  const filter = filterFrom(r.type, q);
  const table = wantsTable(req);
  serveWatch(cluster, res, {
    type: r.type,
    namespace: r.type.namespaced ? r.namespace : undefined,
    matches: (o) => filter.matches(o),
    encode: (obj) => (table ? toTable(r.type.kind, [obj], cluster.now(), obj.metadata?.resourceVersion ?? '', 'Metadata') : withTypeMeta(r.type, obj)),
    query: q,
  });
}

async function create(cluster: SimCluster, r: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const obj = (await readJSON(req)) as KubeObject;
  const meta = (obj.metadata ??= {});
  if (r.type.namespaced) meta.namespace = r.namespace ?? meta.namespace ?? 'default';
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${Math.random().toString(36).slice(2, 7)}`;
  if (!meta.name) throw badRequest(`${r.type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
  if (cluster.store.get(r.type, meta.namespace, meta.name)) throw alreadyExists(qualified(r.type), meta.name);
  const created = r.type.kind === 'Pod' ? cluster.createPod(obj as Pod) : cluster.addObject(obj);
  sendJSON(res, 201, withTypeMeta(r.type, created));
}

function remove(cluster: SimCluster, r: Route, res: ServerResponse): void {
  const obj = getObject(cluster, r);
  if (r.type.kind === 'Pod') cluster.deletePod(r.namespace!, r.name!);
  else cluster.store.delete(r.type, r.namespace, r.name!);
  sendJSON(res, 200, obj);
}

async function patchBody(req: IncomingMessage, target: KubeObject): Promise<KubeObject> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = await readJSON(req);
  if (type === 'application/json-patch+json') return applyJsonPatch(target, body);
  if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json') {
    return strategicMerge(target, body, type === 'application/strategic-merge-patch+json');
  }
  throw unsupportedMediaType(type);
}

async function patchObject(cluster: SimCluster, r: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const current = getObject(cluster, r);
  const patched = await patchBody(req, structuredClone(current));
  patched.metadata = { ...patched.metadata, name: current.metadata!.name!, ...(current.metadata?.namespace ? { namespace: current.metadata.namespace } : {}) };
  sendJSON(res, 200, withTypeMeta(r.type, cluster.store.update(r.type, patched)));
}

/** Container fields an ephemeral container may not set, in the API's field order. */
const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;

/** Go's notion of a non-zero field after JSON decoding: present and not empty. */
function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).some(isSet);
  return true;
}

async function patchEphemeral(cluster: SimCluster, r: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const current = getObject(cluster, r) as Pod;
  const patched = (await patchBody(req, structuredClone(current))) as Pod;
  // Only spec.ephemeralContainers may change through this subresource; existing ones are immutable.
  const before = current.spec?.ephemeralContainers ?? [];
  const after = patched.spec?.ephemeralContainers ?? [];
  // The apiserver's field errors: the message names each, and details.causes lists them (kubectl prints those).
  const invalid = (field: string, detail: string, reason: string): StatusError =>
    new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Invalid', code: 422,
      message: `Pod "${r.name}" is invalid: ${field}: ${detail}`,
      details: { name: r.name!, kind: 'Pod', causes: [{ reason, message: detail, field }] } });
  for (const old of before) {
    const now = after.find((c) => c.name === old.name);
    if (!now || JSON.stringify(now) !== JSON.stringify(old)) {
      throw invalid('spec.ephemeralContainers', `Forbidden: existing ephemeral containers "${old.name}" may not be changed`, 'FieldValueForbidden');
    }
  }
  const names = new Set<string>([...(current.spec?.containers ?? []), ...(current.spec?.initContainers ?? [])].map((c) => c.name));
  after.forEach((c: Container, i) => {
    if (names.has(c.name)) throw invalid(`spec.ephemeralContainers[${i}].name`, `Duplicate value: "${c.name}"`, 'FieldValueDuplicate');
    names.add(c.name);
  });
  // The apiserver's allow-list: ephemeral containers may not carry ports, resources, probes, lifecycle hooks or
  // restart and resize policies (a zero value is allowed: kubectl always sends `resources: {}`).
  const causes: { reason: string; message: string; field: string }[] = [];
  after.forEach((c: Container, i) => {
    if (before.some((b) => b.name === c.name)) return;
    for (const field of EPHEMERAL_FORBIDDEN) if (isSet(c[field])) causes.push({ reason: 'FieldValueForbidden', message: 'Forbidden: cannot be set for an Ephemeral Container', field: `spec.ephemeralContainers[${i}].${field}` });
  });
  if (causes.length > 0) {
    const listed = causes.map((c) => `${c.field}: ${c.message}`);
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Invalid', code: 422,
      message: `Pod "${r.name}" is invalid: ${listed.length === 1 ? listed[0] : `[${listed.join(', ')}]`}`,
      details: { name: r.name!, kind: 'Pod', causes } });
  }
  const pod = cluster.getPod(r.namespace!, r.name!)!;
  (pod.spec ??= {}).ephemeralContainers = after.map((c) => ({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...c }));
  cluster.store.update(r.type, pod);
  cluster.startEphemeralContainers(r.namespace!, r.name!);
  sendJSON(res, 200, withTypeMeta(r.type, cluster.getPod(r.namespace!, r.name!)!));
}

function containerNames(pod: Pod): { regular: string[]; init: string[]; ephemeral: string[] } {
  return {
    regular: (pod.spec?.containers ?? []).map((c) => c.name),
    init: (pod.spec?.initContainers ?? []).map((c) => c.name),
    ephemeral: (pod.spec?.ephemeralContainers ?? []).map((c) => c.name),
  };
}

/** GET pods/NAME/log: the apiserver's validation, then the kubelet's, then the log itself. */
function podLog(cluster: SimCluster, r: Route, q: URLSearchParams, res: ServerResponse): void {
  const pod = getObject(cluster, r) as Pod;
  const podName = r.name!;
  const names = containerNames(pod);
  let container = q.get('container') ?? '';
  if (container === '') {
    if (names.regular.length === 1 && names.init.length === 0 && names.ephemeral.length === 0) container = names.regular[0]!;
    else {
      let msg = `a container name must be specified for pod ${podName}, choose one of: [${names.regular.join(' ')}]`;
      if (names.init.length > 0) msg += ` or one of the init containers: [${names.init.join(' ')}]`;
      if (names.ephemeral.length > 0) msg += ` or one of the ephemeral containers: [${names.ephemeral.join(' ')}]`;
      throw badRequest(msg);
    }
  }
  if (![...names.regular, ...names.init, ...names.ephemeral].includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${podName}`);
  }
  for (const p of ['tailLines', 'limitBytes', 'sinceSeconds']) {
    const v = q.get(p);
    if (v !== null && !/^-?\d+$/.test(v)) throw badRequest(`${p}: Invalid value: "${v}": must be an integer`);
  }
  // An unscheduled pod has no kubelet to ask: the apiserver answers with an empty body.
  if (!pod.spec?.nodeName) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end();
    return;
  }
  const previous = q.get('previous') === 'true';
  const status = containerStatus(pod, container);
  const quoted = `container "${container}" in pod "${podName}"`;
  if (!status) throw badRequest(`${quoted} is not available`);
  let useLast: boolean;
  if (previous) {
    if (!status.lastState?.terminated) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    useLast = true;
  } else if (status.state?.running || status.state?.terminated) {
    useLast = false;
  } else if (status.lastState?.terminated) {
    useLast = true; // CrashLoopBackOff: the kubelet serves the instance that last died
  } else if (status.state?.waiting) {
    const reason = status.state.waiting.reason ?? '';
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw badRequest(`${quoted} is waiting to start: ${why}`);
  } else {
    throw badRequest(`${quoted} is waiting to start - no logs yet`);
  }
  // Lines are in time order, so --since and --tail narrow an index range; nothing is copied (logs can be huge).
  const lines: LineSource = cluster.logs.lines(r.namespace!, podName, container, useLast) ?? [];
  const now = cluster.now();
  const sinceSeconds = q.get('sinceSeconds');
  const sinceTime = q.get('sinceTime');
  let from = 0;
  const to = lines.length;
  if (sinceSeconds !== null) from = firstAtOrAfter(lines, now - Number(sinceSeconds) * 1000);
  else if (sinceTime !== null) {
    let t: number;
    try {
      t = parseRFC3339(sinceTime);
    } catch (e) {
      if (e instanceof GoTimeError) throw badRequest(e.message);
      throw e;
    }
    from = firstAtOrAfter(lines, t);
  }
  const tail = q.get('tailLines');
  if (tail !== null && Number(tail) >= 0) from = Math.max(from, to - Number(tail));
  const timestamps = q.get('timestamps') === 'true';
  const render = (l: LogLine): string => (timestamps ? `${kubeletTimestamp(l)} ${l.text}\n` : `${l.text}\n`);
  const limitParam = q.get('limitBytes');
  let budget = limitParam !== null && Number(limitParam) > 0 ? Number(limitParam) : Infinity;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  // A kubelet answers at once, even when there is nothing to send yet (an empty log being followed).
  res.flushHeaders();
  const write = (text: string): boolean => {
    if (budget === Infinity) return res.write(text);
    const buf = Buffer.from(text, 'utf8');
    const part = buf.subarray(0, Math.max(0, Math.min(buf.length, budget)));
    budget -= part.length;
    if (part.length > 0) res.write(part);
    return budget > 0;
  };
  // Large logs go out in batches that respect back-pressure, as a kubelet stream would.
  let i = from;
  const follow = q.get('follow') === 'true' && !useLast && !!status.state?.running;
  const pump = (): void => {
    while (i < to) {
      let chunk = '';
      const stop = Math.min(to, i + 512);
      for (; i < stop; i++) chunk += render(lines.at(i)!);
      if (!write(chunk)) {
        if (budget <= 0) {
          res.end();
          return;
        }
        res.once('drain', pump);
        return;
      }
    }
    if (!follow) {
      res.end();
      return;
    }
    const unsubscribe = cluster.logs.subscribe(r.namespace!, podName, container, (e) => {
      if (e.kind === 'line' && e.line) {
        if (!write(render(e.line)) && budget <= 0) {
          unsubscribe();
          res.end();
        }
      } else if (e.kind === 'cut') {
        unsubscribe();
        res.socket?.destroy();
      } else {
        unsubscribe();
        res.end();
      }
    });
    res.on('close', unsubscribe);
  };
  pump();
}

function apiResource(t: ResourceType, name: string, sub?: string): Record<string, unknown> {
  const r: Record<string, unknown> = {
    name: sub ? `${name}/${sub}` : name,
    singularName: sub ? '' : t.singular,
    namespaced: t.namespaced,
    kind: sub === 'log' ? 'Pod' : sub === 'ephemeralcontainers' ? 'Pod' : sub === 'attach' || sub === 'exec' ? 'PodAttachOptions' : t.kind,
    verbs: sub === 'log' ? ['get'] : sub === 'ephemeralcontainers' ? ['get', 'patch', 'update'] : sub ? ['create', 'get'] : [...t.verbs],
  };
  if (!sub && t.shortNames.length > 0) r['shortNames'] = [...t.shortNames];
  if (!sub && t.categories) r['categories'] = [...t.categories];
  return r;
}

/** Discovery documents: /api, /api/v1, /apis, /apis/GROUP, /apis/GROUP/VERSION. */
function discovery(path: string, host: string): unknown {
  if (path === '/api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] };
  }
  const groups = [...new Set(RESOURCE_TYPES.filter((t) => t.group !== '').map((t) => t.group))];
  const groupDoc = (g: string): Record<string, unknown> => {
    const versions = [...new Set(RESOURCE_TYPES.filter((t) => t.group === g).map((t) => t.version))];
    const vs = versions.map((v) => ({ groupVersion: `${g}/${v}`, version: v }));
    return { name: g, versions: vs, preferredVersion: vs[0] };
  };
  if (path === '/apis') return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupDoc) };
  const m = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  const gv = path === '/api/v1' ? { group: '', version: 'v1' } : m && m[2] ? { group: m[1]!, version: m[2] } : undefined;
  if (m && !m[2]) return groups.includes(m[1]!) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(m[1]!) } : undefined;
  if (!gv) return undefined;
  const types = RESOURCE_TYPES.filter((t) => t.group === gv.group && t.version === gv.version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [apiResource(t, t.resource), ...(t.subresources ?? []).map((s) => apiResource(t, t.resource, s))]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(gv), resources };
}

export { typeOf };
