// Server-side printing (meta.k8s.io/v1 Table), which `kubectl get` asks for: the columns and cells the real
// apiserver computes, so `kubectl get pods -A` against the sim reads like a real cluster.
import { humanDuration } from '../k8s/duration.js';
import type { CoreEvent, KubeObject, Node, Pod } from '../k8s/types.js';

interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
}

type Cell = string | number;
interface Printer {
  columns: Column[];
  cells(obj: KubeObject, now: number): Cell[];
}

function age(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  return humanDuration(now - Date.parse(ts));
}

const nameCol: Column = { name: 'Name', type: 'string', format: 'name' };
const ageCol: Column = { name: 'Age', type: 'string' };

/** kubectl's pod STATUS: the phase, overridden by init progress, waiting and terminated reasons. */
export function podStatusReason(pod: Pod): { reason: string; ready: number; total: number; restarts: number; lastRestart?: number } {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || '';
  let restarts = 0;
  let ready = 0;
  let lastRestart: number | undefined;
  const noteRestart = (finishedAt?: string): void => {
    const t = finishedAt ? Date.parse(finishedAt) : NaN;
    if (!Number.isNaN(t) && (lastRestart === undefined || t > lastRestart)) lastRestart = t;
  };
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? 0;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    noteRestart(c.lastState?.terminated?.finishedAt);
    const t = c.state?.terminated;
    const w = c.state?.waiting;
    if (t && t.exitCode === 0) continue;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode ?? 0}`;
    else if (w?.reason && w.reason !== 'PodInitializing') reason = `Init:${w.reason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  const initialized = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false;
  if (!initializing || initialized) {
    restarts = 0;
    let hasRunning = false;
    const cs = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += c.restartCount ?? 0;
      noteRestart(c.lastState?.terminated?.finishedAt);
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { reason, ready, total: pod.spec?.containers?.length ?? 0, restarts, ...(lastRestart !== undefined ? { lastRestart } : {}) };
}

const printers: Record<string, Printer> = {
  Pod: {
    columns: [
      nameCol,
      { name: 'Ready', type: 'string' },
      { name: 'Status', type: 'string' },
      { name: 'Restarts', type: 'string' },
      ageCol,
      { name: 'IP', type: 'string', priority: 1 },
      { name: 'Node', type: 'string', priority: 1 },
      { name: 'Nominated Node', type: 'string', priority: 1 },
      { name: 'Readiness Gates', type: 'string', priority: 1 },
    ],
    cells(obj, now) {
      const pod = obj as Pod;
      const s = podStatusReason(pod);
      const restarts = s.restarts !== 0 && s.lastRestart !== undefined ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
      return [pod.metadata?.name ?? '', `${s.ready}/${s.total}`, s.reason, restarts, age(pod.metadata?.creationTimestamp, now),
        pod.status?.podIP || '<none>', pod.spec?.nodeName || '<none>', '<none>', '<none>'];
    },
  },
  Node: {
    columns: [nameCol, { name: 'Status', type: 'string' }, { name: 'Roles', type: 'string' }, ageCol, { name: 'Version', type: 'string' },
      { name: 'Internal-IP', type: 'string', priority: 1 }, { name: 'External-IP', type: 'string', priority: 1 }],
    cells(obj, now) {
      const node = obj as Node;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
      if (node.spec?.unschedulable) status += ',SchedulingDisabled';
      const roles = Object.keys(node.metadata?.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.slice(24)).sort();
      const addr = (type: string): string => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
      return [node.metadata?.name ?? '', status, roles.join(',') || '<none>', age(node.metadata?.creationTimestamp, now),
        node.status?.nodeInfo?.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP')];
    },
  },
  Namespace: {
    columns: [nameCol, { name: 'Status', type: 'string' }, ageCol],
    cells: (obj, now) => [obj.metadata?.name ?? '', String((obj['status'] as { phase?: string } | undefined)?.phase ?? 'Active'), age(obj.metadata?.creationTimestamp, now)],
  },
  Event: {
    columns: [{ name: 'Last Seen', type: 'string' }, { name: 'Type', type: 'string' }, { name: 'Reason', type: 'string' },
      { name: 'Object', type: 'string' }, { name: 'Message', type: 'string' }],
    cells(obj, now) {
      const e = obj as CoreEvent;
      const first = e.firstTimestamp || e.eventTime;
      const last = e.series?.lastObservedTime || e.lastTimestamp || first;
      const io = e.involvedObject ?? {};
      const object = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase();
      const message = (e.message ?? '').trim();
      const cut = message.search(/[\n\r\f]/);
      return [age(last, now), e.type ?? '', e.reason ?? '', object, cut >= 0 ? `${message.slice(0, cut)}...` : message];
    },
  },
  Deployment: {
    columns: [nameCol, { name: 'Ready', type: 'string' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, ageCol],
    cells(obj, now) {
      const spec = (obj['spec'] ?? {}) as { replicas?: number };
      const st = (obj['status'] ?? {}) as { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
      return [obj.metadata?.name ?? '', `${st.readyReplicas ?? 0}/${spec.replicas ?? 1}`, st.updatedReplicas ?? 0, st.availableReplicas ?? 0, age(obj.metadata?.creationTimestamp, now)];
    },
  },
  ReplicaSet: {
    columns: [nameCol, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, ageCol],
    cells(obj, now) {
      const spec = (obj['spec'] ?? {}) as { replicas?: number };
      const st = (obj['status'] ?? {}) as { replicas?: number; readyReplicas?: number };
      return [obj.metadata?.name ?? '', spec.replicas ?? 1, st.replicas ?? 0, st.readyReplicas ?? 0, age(obj.metadata?.creationTimestamp, now)];
    },
  },
};

const defaultPrinter: Printer = { columns: [nameCol, ageCol], cells: (obj, now) => [obj.metadata?.name ?? '', age(obj.metadata?.creationTimestamp, now)] };

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function toTable(kind: string, items: KubeObject[], now: number, resourceVersion: string, include: IncludeObject, continueToken?: string): unknown {
  const p = printers[kind] ?? defaultPrinter;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion, ...(continueToken ? { continue: continueToken } : {}) },
    columnDefinitions: p.columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: items.map((obj) => ({
      cells: p.cells(obj, now),
      object:
        include === 'None' ? undefined
        : include === 'Object' ? obj
        : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
    })),
  };
}
