// The simulated cluster's state and behaviour: objects, logs, metrics and the little lifecycle a real cluster
// has (scheduling created pods, starting ephemeral containers, restarting containers). Tests drive it through
// the methods below; the HTTP server (server.ts) only reads and writes through it.
import { RESOURCE_TYPES, type ResourceType } from '../k8s/resources.js';
import type { ContainerStatus, KubeObject, Pod } from '../k8s/types.js';
import { LogBook, SyntheticLog, type LogLine } from './logs.js';
import { ObjectStore } from './store.js';
import { containerStatus } from '../k8s/pod.js';
import { formatTime, parseRelative, type ContainerLogDoc, type LogSpec, type Scenario } from './scenario.js';

export interface SimOptions {
  /** No log lines or metrics appear over time; tests add them explicitly. */
  frozen?: boolean;
  /** Clock for timestamps the sim writes. */
  now?: () => number;
  /** How long a created pod or ephemeral container takes to start (ms). */
  startDelayMs?: number;
}

export function resourceType(group: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource);
}

export function typeOf(group: string, resource: string): ResourceType {
  const t = resourceType(group, resource);
  if (!t) throw new Error(`sim: unknown resource ${group}/${resource}`);
  return t;
}

const PODS = typeOf('', 'pods');
const EVENTS = typeOf('', 'events');

/** The sim's logs, where a container whose log ends (`terminate`) is also shown as stopped in its pod's status. */
class ClusterLogBook extends LogBook {
  constructor(private readonly stopped: (namespace: string, pod: string, container: string) => void) {
    super();
  }

  override terminate(namespace: string, pod: string, container: string): void {
    // As on a node: the container exits, then the kubelet ends its log streams — a client that looks at the pod
    // after its stream ended sees it terminated.
    this.stopped(namespace, pod, container);
    super.terminate(namespace, pod, container);
  }
}

export class SimCluster {
  readonly store: ObjectStore;
  readonly logs: LogBook = new ClusterLogBook((namespace, pod, container) => this.containerStopped(namespace, pod, container));
  readonly now: () => number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly startDelayMs: number;
  /**
   * How often a watch that asked for bookmarks (allowWatchBookmarks=true) gets one: the apiserver's watch cache
   * sends them about once a minute. Tests shorten it.
   */
  bookmarkIntervalMs = 60_000;
  /** Every open watch that asked for bookmarks: sends it one now. */
  readonly bookmarkers = new Set<() => void>();

  constructor(readonly options: SimOptions = {}) {
    this.now = options.now ?? Date.now;
    this.store = new ObjectStore(this.now);
    this.startDelayMs = options.startDelayMs ?? 200;
  }

  load(scenario: Scenario): void {
    for (const obj of scenario.objects) {
      const t = typeForObject(obj);
      if (t.namespaced) obj.metadata!.namespace ??= 'default';
      this.store.create(t, obj);
    }
    const now = this.now();
    for (const doc of scenario.logs) {
      const ns = doc.metadata.namespace ?? 'default';
      const current = doc.generate ? generatedLog(doc.generate, now) : expandLog(doc.current, now);
      this.logs.setLines(ns, doc.metadata.name, doc.container, current, doc.previous ? expandLog(doc.previous, now) : undefined);
      if (doc.live && !this.options.frozen && doc.live.lines.length > 0) {
        let i = 0;
        const lines = doc.live.lines;
        this.every(parseRelative(doc.live.every ?? '2s'), () => {
          this.appendLog(ns, doc.metadata.name, doc.container, lines[i++ % lines.length]!);
        });
      }
    }
  }

  private every(ms: number, fn: () => void): void {
    const t = setInterval(fn, ms);
    t.unref();
    this.timers.add(t);
  }

  /** Sends every watch that asked for bookmarks one now, as the interval would (tests use it to pick the moment). */
  sendBookmarks(): void {
    for (const send of this.bookmarkers) send();
  }

  after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  getPod(namespace: string, name: string): Pod | undefined {
    return this.store.get(PODS, namespace, name) as Pod | undefined;
  }

  appendLog(namespace: string, pod: string, container: string, text: string): LogLine {
    return this.logs.append(namespace, pod, container, text, this.now());
  }

  addObject(obj: KubeObject): KubeObject {
    const t = typeForObject(obj);
    if (t.namespaced) obj.metadata!.namespace ??= 'default';
    return this.store.create(t, obj);
  }

  addEvent(event: KubeObject): KubeObject {
    return this.store.create(EVENTS, event);
  }

  /** A new pod: scheduled at once onto its node (or the first Ready node), its containers running shortly after. */
  createPod(pod: Pod): Pod {
    const created = this.store.create(PODS, pod) as Pod;
    created.status ??= {};
    created.status.phase ??= 'Pending';
    this.after(this.startDelayMs, () => this.startPod(created.metadata!.namespace!, created.metadata!.name!));
    return created;
  }

  private startPod(namespace: string, name: string): void {
    const pod = this.getPod(namespace, name);
    if (!pod || pod.status?.phase !== 'Pending') return;
    const startedAt = formatTime(this.now(), false);
    pod.spec ??= {};
    pod.spec.nodeName ??= this.firstReadyNode();
    pod.status = {
      ...pod.status,
      phase: 'Running',
      startTime: startedAt,
      podIP: pod.status?.podIP ?? '10.244.0.200',
      containerStatuses: (pod.spec.containers ?? []).map((c) => runningStatus(c.name, c.image, startedAt)),
    };
    this.store.update(PODS, pod);
  }

  private firstReadyNode(): string | undefined {
    const nodes = this.store.list(typeOf('', 'nodes'));
    const ready = nodes.find((n) => JSON.stringify((n as { status?: { conditions?: unknown } }).status?.conditions ?? []).includes('"type":"Ready","status":"True"'));
    return (ready ?? nodes[0])?.metadata?.name;
  }

  /** After an ephemeral-container patch: new containers wait, then run, as the kubelet would make them. */
  startEphemeralContainers(namespace: string, name: string): void {
    const pod = this.getPod(namespace, name);
    if (!pod) return;
    const statuses = (pod.status ??= {}).ephemeralContainerStatuses ??= [];
    const fresh = (pod.spec?.ephemeralContainers ?? []).filter((c) => !statuses.some((s) => s.name === c.name));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      statuses.push({ name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } });
    }
    this.store.update(PODS, pod);
    this.after(this.startDelayMs, () => {
      const p = this.getPod(namespace, name);
      if (!p) return;
      const startedAt = formatTime(this.now(), false);
      for (const s of p.status?.ephemeralContainerStatuses ?? []) {
        if (fresh.some((c) => c.name === s.name)) Object.assign(s, runningStatus(s.name, s.image, startedAt), { ready: false });
      }
      this.store.update(PODS, p);
    });
  }

  /** The container dies and the kubelet starts it again: restartCount grows, lastState records the death. */
  restartContainer(namespace: string, podName: string, container: string, reason = 'Error', exitCode = 1): void {
    const pod = this.getPod(namespace, podName);
    const status = pod?.status?.containerStatuses?.find((s) => s.name === container);
    if (!pod || !status) throw new Error(`sim: no container ${namespace}/${podName}/${container}`);
    const at = formatTime(this.now(), false);
    status.lastState = { terminated: { exitCode, reason, startedAt: status.state?.running?.startedAt ?? at, finishedAt: at } };
    status.restartCount = (status.restartCount ?? 0) + 1;
    status.state = { running: { startedAt: at } };
    status.containerID = containerId(`${namespace}/${podName}/${container}#${status.restartCount}`);
    this.logs.restart(namespace, podName, container);
    this.store.update(PODS, pod);
  }

  /** The container exited by itself (exit code 0): its status says terminated, Completed. */
  private containerStopped(namespace: string, podName: string, container: string): void {
    const pod = this.getPod(namespace, podName);
    const status = containerStatus(pod, container);
    if (!pod || !status?.state?.running) return;
    const at = formatTime(this.now(), false);
    status.state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: status.state.running.startedAt ?? at, finishedAt: at } };
    status.ready = false;
    status.started = false;
    this.store.update(PODS, pod);
  }

  deletePod(namespace: string, name: string): void {
    this.store.delete(PODS, namespace, name);
    this.logs.forget(namespace, name);
  }
}

export function typeForObject(obj: KubeObject): ResourceType {
  const [group, version] = (obj.apiVersion ?? 'v1').includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion ?? 'v1'];
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.version === version && r.kind === obj.kind);
  if (!t) throw new Error(`sim: unsupported kind ${obj.apiVersion}/${obj.kind} (${obj.metadata?.name})`);
  return t;
}

function containerId(seed: string): string {
  let h = 0n;
  for (const ch of seed) h = (h * 131n + BigInt(ch.codePointAt(0)!)) % (1n << 64n);
  return `containerd://${h.toString(16).padStart(16, '0').repeat(4)}`;
}

function runningStatus(name: string, image: string | undefined, startedAt: string): ContainerStatus {
  return {
    name,
    image: image ?? '',
    imageID: '',
    containerID: containerId(`${name}@${startedAt}`),
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt } },
  };
}

export const DEFAULT_GENERATED_LINE = 'level=info msg="handled request" method=GET path=/api/items/{i} status=200 bytes=4096 duration=12ms';

function generatedLog(g: NonNullable<ContainerLogDoc['generate']>, now: number): SyntheticLog {
  const every = g.every ? parseRelative(g.every) : 10;
  const start = g.start?.startsWith('ago:') ? now - parseRelative(g.start.slice(4)) : now - every * g.count;
  const [head, tail] = (g.text ?? DEFAULT_GENERATED_LINE).split('{i}') as [string, string | undefined];
  return new SyntheticLog(g.count, start, every, tail === undefined ? () => head : (i) => `${head}${i}${tail}`);
}

function expandLog(spec: LogSpec | undefined, now: number): LogLine[] {
  const lines = spec?.lines ?? [];
  const every = parseRelative(spec?.every ?? '1s');
  const start = spec?.start?.startsWith('ago:') ? now - parseRelative(spec.start.slice(4)) : now - every * lines.length;
  return lines.map((text, i) => ({ ms: start + i * every, subNs: i % 1000, text }));
}
