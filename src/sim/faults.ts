// Fault injection for the simulated cluster: rules, settable from tests (`startSim({ faults })`, `sim.faults.add`)
// and from the command line (`kt sim --fault …`), that make matching requests misbehave the way real API servers,
// proxies and kubelets do — throttling, transient errors, slowness, RBAC, expired watches, cut or rotated streams.
// The server consults them once per request (server.ts `handle`); everything else about a request is unchanged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Status } from '../k8s/types.js';

export type FaultAction =
  /** Answer with this HTTP status and a Status body (`retryAfter` adds a `Retry-After` header, in seconds). */
  | { kind: 'status'; code: number; retryAfter?: number; message?: string; reason?: string }
  /** Wait before answering normally. */
  | { kind: 'delay'; ms: number }
  /** RBAC: `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "default"`. */
  | { kind: 'forbidden'; user?: string }
  /** 401 Unauthorized, as the apiserver answers a bad or expired token. */
  | { kind: 'unauthorized' }
  /** Close the connection without any answer (a proxy reset, a dying apiserver: client-go sees EOF). */
  | { kind: 'reset' }
  /**
   * For streams (log follows, watches): answer normally, then end the response once `afterLines` lines were written
   * or `afterMs` passed. `cut` destroys the socket (no chunked terminator: a dropped stream); `rotate` ends it
   * cleanly while the container keeps running (kubelet log rotation, an idle timeout); `gone` (watches) sends an
   * ERROR event with a 410 Expired Status and forgets the store's history, so resuming from the old
   * resourceVersion is refused too.
   */
  | { kind: 'cut' | 'rotate' | 'gone'; afterLines?: number; afterMs?: number };

export interface FaultRule {
  /**
   * Which request paths: a glob where `*` matches within one path segment and `**` across segments
   * (`/api/v1/namespaces/*\/pods`, `**\/log`), or a RegExp tested against the path. Default: every path.
   */
  path?: string | RegExp;
  /** Only this method (GET, PATCH…). */
  method?: string;
  /** Only watch requests (`true`), or only non-watch requests (`false`). */
  watch?: boolean;
  /** Leave the first `skip` matching requests alone. */
  skip?: number;
  /** Apply to this many matching requests (after `skip`), then stop; default: every one. */
  times?: number;
  action: FaultAction;
}

/** A rule as added, with how many requests it has seen and hit. */
export interface ActiveFault {
  readonly rule: FaultRule;
  /** Matching requests seen so far. */
  seen: number;
  /** Requests the fault was applied to. */
  hits: number;
}

/** What the server does with a request after consulting the faults. */
export type FaultOutcome = 'handled' | 'continue';

/** What a fault needs from the cluster. */
export interface FaultTarget {
  /** Forget watch history (etcd compaction), so old resourceVersions get 410. */
  compact(): void;
  currentRevision(): number;
  oldestRevision(): number;
}

export class Faults {
  private readonly active: ActiveFault[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    for (const r of rules) this.add(r);
  }

  /** Adds a rule; returns its live counters. Earlier rules win when several match. */
  add(rule: FaultRule): ActiveFault {
    const a: ActiveFault = { rule, seen: 0, hits: 0 };
    this.active.push(a);
    return a;
  }

  clear(): void {
    this.active.length = 0;
  }

  get rules(): readonly ActiveFault[] {
    return this.active;
  }

  /** The first rule that applies to this request (counting it), or undefined. */
  match(method: string, path: string, query: URLSearchParams): ActiveFault | undefined {
    const isWatch = query.get('watch') === 'true' || query.get('watch') === '1';
    for (const a of this.active) {
      const r = a.rule;
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.watch !== undefined && r.watch !== isWatch) continue;
      if (r.path !== undefined && !pathMatches(r.path, path)) continue;
      a.seen++;
      if (a.seen <= (r.skip ?? 0)) continue;
      if (r.times !== undefined && a.hits >= r.times) continue;
      a.hits++;
      return a;
    }
    return undefined;
  }

  /**
   * Applies the matching fault, if any. 'handled': the response is taken care of; 'continue': serve the request
   * as usual (after a delay, or with the response wrapped to end early).
   */
  async apply(req: IncomingMessage, res: ServerResponse, target: FaultTarget): Promise<FaultOutcome> {
    if (this.active.length === 0) return 'continue';
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const fault = this.match(method, path, url.searchParams);
    if (!fault) return 'continue';
    const a = fault.rule.action;
    switch (a.kind) {
      case 'delay':
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, a.ms);
          // A client that gives up (a timeout) closes the connection; stop waiting and never answer.
          res.once('close', () => {
            clearTimeout(t);
            resolve();
          });
        });
        return res.destroyed || res.writableEnded ? 'handled' : 'continue';
      case 'status': {
        const status = statusFor(a.code, a.reason, a.message);
        sendStatus(res, status, a.retryAfter !== undefined ? { 'Retry-After': String(a.retryAfter) } : {});
        return 'handled';
      }
      case 'unauthorized':
        sendStatus(res, statusFor(401, 'Unauthorized', 'Unauthorized'));
        return 'handled';
      case 'forbidden':
        sendStatus(res, forbiddenStatus(method, path, url.searchParams, a.user ?? 'jane'));
        return 'handled';
      case 'reset':
        req.socket.destroy();
        return 'handled';
      case 'cut':
      case 'rotate':
      case 'gone':
        endEarly(res, a, target);
        return 'continue';
    }
  }
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  const re = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(path);
}

const REASONS: Record<number, [string, string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'Unauthorized'],
  403: ['Forbidden', 'forbidden'],
  404: ['NotFound', 'the server could not find the requested resource'],
  408: ['Timeout', 'request timed out'],
  410: ['Expired', 'the resourceVersion is too old'],
  429: ['TooManyRequests', 'Too many requests, please try again later.'],
  500: ['InternalError', 'Internal error occurred: etcdserver: request timed out'],
  502: ['', 'bad gateway'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

function statusFor(code: number, reason?: string, message?: string): Status {
  const [r, m] = REASONS[code] ?? ['', `the server responded with the status code ${code}`];
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: message ?? m, reason: reason ?? r, code };
  if (status.reason === '') delete (status as { reason?: string }).reason;
  return status as Status;
}

function sendStatus(res: ServerResponse, status: Status, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(status);
  res.writeHead(status.code ?? 500, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The verb the apiserver's authorizer sees for a request (RequestInfo). */
function verbOf(method: string, hasName: boolean, watch: boolean): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return watch ? 'watch' : hasName ? 'get' : 'list';
  }
}

/** The apiserver's RBAC denial for a request: the resource, verb, group and scope, worded as it words them. */
export function forbiddenStatus(method: string, path: string, query: URLSearchParams, user: string): Status {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let rest: string[] | undefined;
  if (parts[0] === 'api' && parts.length >= 2) rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1]!;
    rest = parts.slice(3);
  }
  const watch = query.get('watch') === 'true' || query.get('watch') === '1';
  if (!rest || rest.length === 0) {
    const verb = method === 'GET' ? 'get' : method.toLowerCase();
    return { ...statusFor(403, 'Forbidden', `forbidden: User "${user}" cannot ${verb} path "${path}"`), details: {} } as Status;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name, sub] = rest;
  const verb = verbOf(method, name !== undefined, watch);
  const qualified = group === '' ? resource : `${resource}.${group}`;
  const subject = name !== undefined ? `${qualified} "${name}"` : qualified;
  const scope = namespace !== undefined ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${sub ? `${resource}/${sub}` : resource}" in API group "${group}" ${scope}`;
  const details: NonNullable<Status['details']> = { ...(name !== undefined ? { name } : {}), ...(group !== '' ? { group } : {}), kind: resource };
  return { ...statusFor(403, 'Forbidden', message), details };
}

/** Wraps a streaming response so that it ends (cleanly, cut, or with a 410 ERROR event) at the chosen point. */
function endEarly(res: ServerResponse, a: Extract<FaultAction, { afterLines?: number }>, target: FaultTarget): void {
  // The response's own write and end, kept before they are wrapped.
  const write = res.write.bind(res) as (chunk: string | Buffer) => boolean;
  const end = res.end.bind(res) as (chunk?: string) => ServerResponse;
  let lines = 0;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (): void => {
    if (done || res.destroyed || res.writableEnded) return;
    done = true;
    if (timer) clearTimeout(timer);
    if (a.kind === 'cut') {
      // No terminating chunk: the client sees the connection drop mid-stream.
      res.socket?.destroy();
    } else if (a.kind === 'gone') {
      const rv = target.currentRevision();
      target.compact();
      const status = statusFor(410, 'Expired', `too old resource version: ${rv} (${target.oldestRevision()})`);
      if (!res.headersSent) sendStatus(res, status);
      else end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    } else {
      end();
    }
  };
  // The request's own writes pass through until the limit; after it, nothing more reaches the client.
  res.write = ((chunk: string | Buffer): boolean => {
    if (done) return true;
    if (a.afterLines === undefined) return write(chunk);
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let out = '';
    for (const piece of text.split(/(?<=\n)/)) {
      if (lines >= a.afterLines) break;
      out += piece;
      if (piece.endsWith('\n')) lines++;
    }
    const ok = out === '' ? true : write(out);
    if (lines >= a.afterLines) setImmediate(finish);
    return ok;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown): ServerResponse => {
    if (done) return res;
    // A response that ends on its own first (a short log, a list) ends as usual.
    if (chunk !== undefined && typeof chunk !== 'function') res.write(chunk as string);
    if (done) return res;
    done = true;
    if (timer) clearTimeout(timer);
    return end();
  }) as ServerResponse['end'];
  if (a.afterLines === 0) setImmediate(finish);
  else if (a.afterMs !== undefined) timer = setTimeout(finish, a.afterMs);
  res.once('close', () => {
    done = true;
    if (timer) clearTimeout(timer);
  });
}

/**
 * `kt sim --fault` syntax: comma-separated key=value pairs, one action and where it applies, e.g.
 * `status=429,retry-after=1,times=2,path=/api/v1/namespaces/*\/pods`, `delay=3s`, `forbidden,user=jane`,
 * `cut,after-lines=3,path=**\/log`, `rotate,after-ms=500`, `gone,after-ms=200,watch=true`, `reset,times=1`.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const rule: Partial<FaultRule> = {};
  let action: FaultAction | undefined;
  const opts: Record<string, string> = {};
  const fail = (why: string): never => {
    throw new Error(`invalid fault "${spec}": ${why}`);
  };
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === '') continue;
    opts[key] = value;
  }
  const int = (k: string): number | undefined => {
    if (opts[k] === undefined) return undefined;
    if (!/^\d+$/.test(opts[k])) fail(`${k} must be a non-negative integer`);
    return Number(opts[k]);
  };
  const ms = (k: string): number | undefined => {
    const v = opts[k];
    if (v === undefined) return undefined;
    const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v);
    if (!m) return fail(`${k} must be a duration such as 500ms, 2s or 1m`);
    return Number(m[1]) * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 1);
  };
  const stream = { ...(int('after-lines') !== undefined ? { afterLines: int('after-lines')! } : {}), ...(ms('after-ms') !== undefined ? { afterMs: ms('after-ms')! } : {}) };
  if ('status' in opts) {
    const code = int('status');
    if (code === undefined || code < 100 || code > 599) fail('status must be an HTTP status code');
    action = { kind: 'status', code: code!, ...(int('retry-after') !== undefined ? { retryAfter: int('retry-after')! } : {}), ...(opts['message'] ? { message: opts['message'] } : {}), ...(opts['reason'] ? { reason: opts['reason'] } : {}) };
  } else if ('delay' in opts) action = { kind: 'delay', ms: ms('delay')! };
  else if ('forbidden' in opts) action = { kind: 'forbidden', ...(opts['user'] ? { user: opts['user'] } : {}) };
  else if ('unauthorized' in opts) action = { kind: 'unauthorized' };
  else if ('reset' in opts) action = { kind: 'reset' };
  else if ('cut' in opts) action = { kind: 'cut', ...stream };
  else if ('rotate' in opts) action = { kind: 'rotate', ...stream };
  else if ('gone' in opts) action = { kind: 'gone', ...stream };
  if (!action) return fail('no action (status=N, delay=D, forbidden, unauthorized, reset, cut, rotate or gone)');
  const known = new Set(['status', 'retry-after', 'message', 'reason', 'delay', 'forbidden', 'user', 'unauthorized', 'reset', 'cut', 'rotate', 'gone', 'after-lines', 'after-ms', 'path', 'method', 'watch', 'skip', 'times']);
  for (const k of Object.keys(opts)) if (!known.has(k)) fail(`unknown key "${k}"`);
  if (opts['path']) rule.path = opts['path'];
  if (opts['method']) rule.method = opts['method'].toUpperCase();
  if (opts['watch'] !== undefined) rule.watch = opts['watch'] !== 'false';
  if (int('skip') !== undefined) rule.skip = int('skip')!;
  if (int('times') !== undefined) rule.times = int('times')!;
  return { ...rule, action: action! };
}
