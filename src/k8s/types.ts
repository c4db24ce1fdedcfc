// The slices of Kubernetes objects kt reads. Objects stay raw JSON (so -o json/yaml print every field the server
// sent); these interfaces only describe the fields kt's logic looks at. Every field is optional, as on the wire.

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generateName?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion?: string; kind?: string; name?: string; uid?: string; controller?: boolean }[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

export type ResourceList = Record<string, string>;

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  resources?: { requests?: ResourceList; limits?: ResourceList };
  stdin?: boolean;
  tty?: boolean;
  targetContainerName?: string;
  [field: string]: unknown;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; signal?: number };
}

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  imageID?: string;
  containerID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: Container[];
    initContainers?: Container[];
    ephemeralContainers?: Container[];
    restartPolicy?: string;
    [field: string]: unknown;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    startTime?: string;
    podIP?: string;
    hostIP?: string;
    conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    ephemeralContainerStatuses?: ContainerStatus[];
    [field: string]: unknown;
  };
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] };
  status?: {
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: { type: string; status: string; reason?: string; message?: string; lastHeartbeatTime?: string }[];
    nodeInfo?: { kubeletVersion?: string; [field: string]: unknown };
    addresses?: { type: string; address: string }[];
    [field: string]: unknown;
  };
}

export interface ContainerMetrics {
  name: string;
  usage: ResourceList;
}

export interface PodMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  containers?: ContainerMetrics[];
}

export interface NodeMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  usage?: ResourceList;
}

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  fieldPath?: string;
}

export interface CoreEvent extends KubeObject {
  involvedObject?: ObjectReference;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  action?: string;
  reportingComponent?: string;
  reportingInstance?: string;
  related?: ObjectReference;
}

/** A metav1.Status, as the apiserver sends it with every error. */
export interface Status {
  kind?: 'Status';
  apiVersion?: string;
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[]; retryAfterSeconds?: number };
}

/** pods/log query parameters (PodLogOptions), as the API names them. */
export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  sinceSeconds?: number;
  /** RFC3339, UTC. */
  sinceTime?: string;
  tailLines?: number;
  timestamps?: boolean;
  limitBytes?: number;
  insecureSkipTLSVerifyBackend?: boolean;
}
