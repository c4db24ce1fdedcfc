// Which pods and containers `kt logs` reads, decided as kubectl 1.32 decides it (polymorphichelpers
// logsForObject, podutils.ByLogging, podcmd): pure functions over pod objects, so they are unit-testable.
import type { Pod } from '../../k8s/types.js';
import { KtError } from '../../errors.js';


/** kubectl logs' words in its errors about an object it cannot find pods for. */
export const LOGS_ACTION = 'get the logs from';
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Where a container is declared; kubectl orders --all-containers init → regular → ephemeral. */
export type ContainerKind = 'init' | 'regular' | 'ephemeral';

export interface LogTarget {
  pod: Pod;
  container: string;
  kind: ContainerKind;
}

const time = (t: string | undefined): number => (t ? Date.parse(t) : 0);

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: Pod): number {
  const c = (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True');
  return time(c?.lastTransitionTime);
}

/** Go's afterOrZero(t1, t2): a zero time counts as the latest. */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

function maxRestarts(p: Pod): [number, number] {
  let regular = 0;
  for (const s of p.status?.containerStatuses ?? []) regular = Math.max(regular, s.restartCount ?? 0);
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c['restartPolicy'] === 'Always').map((c) => c.name));
  let sidecar = 0;
  for (const s of p.status?.initContainerStatuses ?? []) if (sidecars.has(s.name)) sidecar = Math.max(sidecar, s.restartCount ?? 0);
  return [regular, sidecar];
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging's Less: the best pod to read logs from first. */
export function byLoggingLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  // Go's map lookup gives 0 for phases missing from the map (Succeeded, Failed), the same as Running.
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isReady(a);
  const rb = isReady(b);
  if (ra !== rb) return ra;
  if (ra && rb && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  const [ia, sa] = maxRestarts(a);
  const [ib, sb] = maxRestarts(b);
  if (ia !== ib) return ia > ib;
  if (sa !== sb) return sa > sb;
  const ca = time(a.metadata?.creationTimestamp);
  const cb = time(b.metadata?.creationTimestamp);
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/**
 * sort.Sort(ByLogging(pods)). Go uses insertion sort for 12 or fewer elements (stable); a stable sort gives the
 * same result there and one of Go's valid orders beyond.
 */
export function sortByLogging(pods: readonly Pod[]): Pod[] {
  const out = [...pods];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && byLoggingLess(out[j]!, out[j - 1]!); j--) [out[j], out[j - 1]] = [out[j - 1]!, out[j]!];
  }
  return out;
}

export function findContainer(pod: Pod, name: string): ContainerKind | undefined {
  if ((pod.spec?.containers ?? []).some((c) => c.name === name)) return 'regular';
  if ((pod.spec?.initContainers ?? []).some((c) => c.name === name)) return 'init';
  if ((pod.spec?.ephemeralContainers ?? []).some((c) => c.name === name)) return 'ephemeral';
  return undefined;
}

/** podcmd.AllContainerNames: regular, then ephemeral ` (ephem)`, then init ` (init)`. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

export interface ContainerChoice {
  /** -c or the inline CONTAINER argument ('' when neither). */
  container: string;
  allContainers: boolean;
  /** --all-pods silences the "Defaulted container" notice. */
  allPods: boolean;
}

/**
 * The containers read for one pod, in kubectl's order, with its stderr notices written through `warn`.
 * Throws `container X is not valid for pod P` for a name the pod does not have.
 */
export function containersFor(pod: Pod, choice: ContainerChoice, warn: (line: string) => void): LogTarget[] {
  const name = pod.metadata?.name ?? '';
  if (choice.allContainers) {
    return [
      ...(pod.spec?.initContainers ?? []).map((c) => ({ pod, container: c.name, kind: 'init' as const })),
      ...(pod.spec?.containers ?? []).map((c) => ({ pod, container: c.name, kind: 'regular' as const })),
      ...(pod.spec?.ephemeralContainers ?? []).map((c) => ({ pod, container: c.name, kind: 'ephemeral' as const })),
    ];
  }
  let container = choice.container;
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? '';
  if (container === '' && annotated !== '') {
    if (findContainer(pod, annotated)) container = annotated;
    else warn(`Default container name "${annotated}" not found in pod ${name}\n`);
  }
  if (container === '') {
    const containers = pod.spec?.containers ?? [];
    if (containers.length === 0) throw new KtError(`pod ${pod.metadata?.namespace}/${name} does not have any containers`);
    container = containers[0]!.name;
    if ((containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0) && !choice.allPods) {
      warn(`Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`);
    }
  }
  const kind = findContainer(pod, container);
  if (!kind) throw new KtError(`container ${container} is not valid for pod ${name}`);
  return [{ pod, container, kind }];
}
