// kt's API client: typed, narrow operations over the one Transport. Commands depend on the small interfaces at
// the bottom (MetricsSource, PodReader…), never on this class, so tests can hand them fakes.
import { podSelectorOf, type TargetName } from '../k8s/target.js';
import type { IncomingMessage } from 'node:http';
import { RESOURCE_TYPES, collectionPath, groupVersion, objectPath, type ResourceType } from '../k8s/resources.js';
import type { CoreEvent, KubeList, KubeObject, Node, NodeMetrics, Pod, PodLogOptions, PodMetrics } from '../k8s/types.js';
import { KtError } from '../errors.js';
import { ApiError, statusFromHttp } from './errors.js';
import type { HttpRequest, Transport } from './transport.js';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Page size; every page is fetched. */
  limit?: number;
  /** The first page's resourceVersion ('0': whatever the apiserver's watch cache holds, as informers list). */
  resourceVersion?: string;
}

export type { PodLogOptions };

interface APIGroupList {
  groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion?: { version: string } }[];
}

interface APIResourceList {
  groupVersion: string;
  resources: { name: string; singularName?: string; namespaced: boolean; kind: string; shortNames?: string[]; verbs: string[] }[];
}

function selectorQuery(o: ListOptions): Record<string, string | undefined> {
  return { labelSelector: o.labelSelector || undefined, fieldSelector: o.fieldSelector || undefined };
}

const METRICS_GV = 'metrics.k8s.io/v1beta1';
const type = (group: string, resource: string): ResourceType => RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource)!;
const PODS = type('', 'pods');
const NODES = type('', 'nodes');
const EVENTS = type('', 'events');
const NAMESPACES = type('', 'namespaces');
const POD_METRICS = type('metrics.k8s.io', 'pods');
const NODE_METRICS = type('metrics.k8s.io', 'nodes');

export class KubeClient implements MetricsSource, PodReader, NodeReader, EventSource {
  private groups: Promise<APIGroupList> | undefined;

  constructor(readonly transport: Transport) {}

  get<T>(path: string, query?: HttpRequest['query']): Promise<T> {
    return this.transport.json<T>({ path, ...(query ? { query } : {}) });
  }

  /** Lists a collection, following `continue` tokens until the list is complete. */
  async listAll<T extends KubeObject>(path: string, options: ListOptions = {}): Promise<KubeList<T>> {
    let cont: string | undefined;
    let result: KubeList<T> | undefined;
    do {
      // A continue token carries the list's resourceVersion; the first page names it.
      const page: KubeList<T> = await this.get<KubeList<T>>(path, { ...selectorQuery(options), limit: options.limit, continue: cont, resourceVersion: cont ? undefined : options.resourceVersion });
      if (result) result.items.push(...(page.items ?? []));
      else result = { ...page, items: page.items ?? [] };
      cont = page.metadata?.continue || undefined;
    } while (cont);
    if (result.metadata) delete result.metadata.continue;
    return result;
  }

  /**
   * Discovery, as kubectl's cached discovery client does it (/api, then /apis). Its failures carry client-go's
   * generic wording for the HTTP code rather than the server's message, as kubectl prints them.
   */
  serverGroups(): Promise<APIGroupList> {
    this.groups ??= (async () => {
      try {
        await this.get<unknown>('/api');
        return await this.get<APIGroupList>('/apis');
      } catch (e) {
        if (e instanceof ApiError) throw new ApiError(statusFromHttp(e.httpCode, e.status.message ?? ''), e.httpCode);
        throw e;
      }
    })();
    return this.groups;
  }

  async hasGroupVersion(gv: string): Promise<boolean> {
    const [group, version] = gv.split('/');
    const groups = await this.serverGroups();
    return groups.groups.some((g) => g.name === group && g.versions.some((v) => v.version === version));
  }

  hasMetricsAPI(): Promise<boolean> {
    return this.hasGroupVersion(METRICS_GV);
  }

  listPodMetrics(namespace: string | undefined, options: ListOptions): Promise<KubeList<PodMetrics>> {
    return this.get(collectionPath(POD_METRICS, namespace), selectorQuery(options));
  }

  getPodMetrics(namespace: string, name: string): Promise<PodMetrics> {
    return this.get(objectPath(POD_METRICS, namespace, name));
  }

  listNodeMetrics(options: ListOptions): Promise<KubeList<NodeMetrics>> {
    return this.get(collectionPath(NODE_METRICS), selectorQuery(options));
  }

  getNodeMetrics(name: string): Promise<NodeMetrics> {
    return this.get(objectPath(NODE_METRICS, undefined, name));
  }

  listPods(namespace: string | undefined, options: ListOptions = {}): Promise<KubeList<Pod>> {
    return this.listAll<Pod>(collectionPath(PODS, namespace), options);
  }

  getPod(namespace: string, name: string): Promise<Pod> {
    return this.get(objectPath(PODS, namespace, name));
  }

  listNodes(options: ListOptions = {}): Promise<KubeList<Node>> {
    return this.listAll<Node>(collectionPath(NODES), options);
  }

  getNode(name: string): Promise<Node> {
    return this.get(objectPath(NODES, undefined, name));
  }

  listNamespaces(options: ListOptions = {}): Promise<KubeList<KubeObject>> {
    return this.listAll<KubeObject>(collectionPath(NAMESPACES), options);
  }

  listEvents(namespace: string | undefined, options: ListOptions = {}): Promise<KubeList<CoreEvent>> {
    return this.listAll<CoreEvent>(collectionPath(EVENTS, namespace), { limit: 500, ...options });
  }

  /** Opens a pod's log stream; the caller reads (and may abort) the body. */
  streamPodLog(namespace: string, pod: string, options: PodLogOptions, signal?: AbortSignal): Promise<IncomingMessage> {
    const query: HttpRequest['query'] = {
      container: options.container,
      follow: options.follow || undefined,
      insecureSkipTLSVerifyBackend: options.insecureSkipTLSVerifyBackend || undefined,
      limitBytes: options.limitBytes,
      previous: options.previous || undefined,
      sinceSeconds: options.sinceSeconds,
      sinceTime: options.sinceTime,
      tailLines: options.tailLines,
      timestamps: options.timestamps || undefined,
    };
    return this.transport.open({ path: `${objectPath(PODS, namespace, pod)}/log`, query, ...(signal ? { signal } : {}) });
  }

  /** Adds ephemeral containers with the strategic merge patch kubectl sends. */
  patchEphemeralContainers(namespace: string, pod: string, patch: unknown): Promise<Pod> {
    return this.transport.json<Pod>({ method: 'PATCH', path: `${objectPath(PODS, namespace, pod)}/ephemeralcontainers`, body: patch, contentType: 'application/strategic-merge-patch+json' });
  }

  createPod(namespace: string, pod: Pod): Promise<Pod> {
    return this.transport.json<Pod>({ method: 'POST', path: collectionPath(PODS, namespace), body: pod });
  }

  deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<Pod> {
    return this.transport.json<Pod>({ method: 'DELETE', path: objectPath(PODS, namespace, name), ...(gracePeriodSeconds !== undefined ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds } } : {}) });
  }

  /** Gets any object by type and name (a workload, a service…). */
  getObject(type: ResourceType, namespace: string, name: string): Promise<KubeObject> {
    return this.get(objectPath(type, type.namespaced ? namespace : undefined, name));
  }

  /**
   * The object a command-line target names (kubectl's resource builder): its type through discovery — a bare name
   * is a pod — and the object itself. An unknown type is kubectl's `error: the server doesn't have a resource type`.
   */
  async getTarget(namespace: string, target: TargetName): Promise<{ type: ResourceType; object: KubeObject }> {
    const type = await this.targetType(target);
    return { type, object: await this.getObject(type, namespace, target.name) };
  }

  /** A target's type alone (a bare name is a pod), for checks made before anything is fetched. */
  async targetType(target: TargetName): Promise<ResourceType> {
    if (target.resource === undefined) return PODS;
    try {
      return await this.resolveType(target.resource);
    } catch (e) {
      throw e instanceof ApiError && e.reason === 'NoResourceMatch' ? new KtError(e.message) : e;
    }
  }

  /**
   * The pods behind a target: the pod itself, or those its workload's or service's selector matches. `action` words
   * kubectl's error for an object without a selector (`get the logs from`).
   */
  async podsFor(namespace: string, target: TargetName, action: string): Promise<{ type: ResourceType; object: KubeObject; pods: Pod[] }> {
    const { type, object } = await this.getTarget(namespace, target);
    if (type.kind === 'Pod') return { type, object, pods: [object as Pod] };
    const pods = (await this.listPods(namespace, { labelSelector: podSelectorOf(type, object, action) })).items;
    return { type, object, pods };
  }

  /** Resolves a kubectl resource name (`deploy`, `pods`, `deployment.apps`) through discovery. */
  async resolveType(name: string): Promise<ResourceType> {
    const lower = name.toLowerCase();
    const [res, ...groupParts] = lower.split('.');
    const group = groupParts.join('.');
    const known = RESOURCE_TYPES.filter((t) => t.kind !== 'PodMetrics' && t.kind !== 'NodeMetrics' && !(t.group === 'events.k8s.io'));
    const match = known.find((t) => (group === '' || t.group === group) && (t.resource === res || t.singular === res || t.shortNames.includes(res!) || t.kind.toLowerCase() === res));
    if (match && (await this.serves(match))) return match;
    throw new ApiError({ kind: 'Status', reason: 'NoResourceMatch', message: `the server doesn't have a resource type "${name}"` }, 0);
  }

  private async serves(t: ResourceType): Promise<boolean> {
    try {
      const list = await this.get<APIResourceList>(t.group === '' ? `/api/${t.version}` : `/apis/${groupVersion(t)}`);
      return list.resources.some((r) => r.name === t.resource);
    } catch (e) {
      if (e instanceof ApiError && e.httpCode === 404) return false;
      throw e;
    }
  }
}

/** What `top` needs. */
export interface MetricsSource {
  hasMetricsAPI(): Promise<boolean>;
  listPodMetrics(namespace: string | undefined, options: ListOptions): Promise<KubeList<PodMetrics>>;
  getPodMetrics(namespace: string, name: string): Promise<PodMetrics>;
  listNodeMetrics(options: ListOptions): Promise<KubeList<NodeMetrics>>;
  getNodeMetrics(name: string): Promise<NodeMetrics>;
}

export interface PodReader {
  listPods(namespace: string | undefined, options?: ListOptions): Promise<KubeList<Pod>>;
  getPod(namespace: string, name: string): Promise<Pod>;
}

export interface NodeReader {
  listNodes(options?: ListOptions): Promise<KubeList<Node>>;
  getNode(name: string): Promise<Node>;
}

export interface EventSource {
  listEvents(namespace: string | undefined, options?: ListOptions): Promise<KubeList<CoreEvent>>;
}
