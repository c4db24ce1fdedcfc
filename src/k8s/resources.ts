// The resource types kt and its simulated cluster know, with kubectl's names for them. Both the sim's discovery
// documents and kt's TYPE/NAME resolution read this one table, so the two can never disagree about a short name.

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  resource: string; // plural, as in URLs
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: readonly string[];
  verbs: readonly string[];
  /** Subresources served under this resource (pods/log, pods/ephemeralcontainers, …). */
  subresources?: readonly string[];
  categories?: readonly string[];
}

const readVerbs = ['get', 'list', 'watch'] as const;
const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: allVerbs },
  { group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false, shortNames: ['no'], verbs: allVerbs },
  {
    group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], verbs: allVerbs,
    subresources: ['log', 'ephemeralcontainers', 'attach', 'status', 'exec'], categories: ['all'],
  },
  { group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], verbs: allVerbs },
  { group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], verbs: allVerbs, categories: ['all'] },
  { group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], verbs: allVerbs, categories: ['all'] },
  { group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], verbs: allVerbs },
  { group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], verbs: allVerbs, categories: ['all'] },
  { group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], verbs: allVerbs, categories: ['all'] },
  { group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], verbs: allVerbs, categories: ['all'] },
  { group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], verbs: allVerbs, categories: ['all'] },
  { group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', kind: 'Job', namespaced: true, shortNames: [], verbs: allVerbs, categories: ['all'] },
  { group: 'events.k8s.io', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], verbs: allVerbs },
  { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false, shortNames: [], verbs: readVerbs },
  { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', singular: '', kind: 'PodMetrics', namespaced: true, shortNames: [], verbs: readVerbs },
];

export function groupVersion(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group === '' ? t.version : `${t.group}/${t.version}`;
}

/** The URL path of a collection (namespace undefined = all namespaces, or a cluster-scoped type). */
export function collectionPath(t: ResourceType, namespace?: string): string {
  const base = t.group === '' ? `/api/${t.version}` : `/apis/${t.group}/${t.version}`;
  return t.namespaced && namespace !== undefined
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${t.resource}`
    : `${base}/${t.resource}`;
}

export function objectPath(t: ResourceType, namespace: string | undefined, name: string): string {
  return `${collectionPath(t, namespace)}/${encodeURIComponent(name)}`;
}
