// Scale scenarios for benchmarks: `scale:pods=5000,events=5000,nodes=20` builds a cluster of that size in memory,
// with metrics for every pod and node, deterministic names and values, and no files to read.
import type { KubeObject } from '../k8s/types.js';
import { formatTime, type Scenario } from './scenario.js';

export interface ScaleSpec {
  pods: number;
  events: number;
  nodes: number;
  namespaces: number;
  containers: number;
  /** One pod, `ns-0/big-log`, whose container `app` has a log of this many MiB (0: none). */
  logMiB: number;
  /** Pods `ns-0/follow-NNNN` (label bench=follow), finished, each with `logLines` lines of log. */
  logPods: number;
  logLines: number;
}

export function parseScaleSpec(text: string): ScaleSpec {
  const spec: ScaleSpec = { pods: 1000, events: 1000, nodes: 10, namespaces: 10, containers: 2, logMiB: 0, logPods: 0, logLines: 2000 };
  for (const part of text.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined || !(k in spec) || !/^\d+$/.test(v)) throw new Error(`scale scenario: bad setting "${part}" (use pods=N,events=N,nodes=N,namespaces=N,containers=N)`);
    spec[k as keyof ScaleSpec] = Number(v);
  }
  return spec;
}

/** A deterministic pseudo-random sequence, so every run of a benchmark sees the same cluster. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function scaleScenario(spec: ScaleSpec, now: number): Scenario {
  const rnd = lcg(42);
  const objects: KubeObject[] = [];
  const t = (agoMs: number, micro = false): string => formatTime(now - agoMs, micro);
  for (let n = 0; n < spec.namespaces; n++) objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}`, creationTimestamp: t(86_400_000 * 30) }, status: { phase: 'Active' } });
  for (let n = 0; n < spec.nodes; n++) {
    const name = `node-${String(n).padStart(3, '0')}`;
    objects.push({
      apiVersion: 'v1', kind: 'Node', metadata: { name, creationTimestamp: t(86_400_000 * 60), labels: { 'kubernetes.io/hostname': name } },
      status: { capacity: { cpu: '32', memory: '128Gi', pods: '250' }, allocatable: { cpu: '31750m', memory: '125Gi', pods: '250' }, conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.4' } },
    });
    objects.push({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name }, timestamp: t(0), window: '20s', usage: { cpu: `${Math.floor(rnd() * 30e9)}n`, memory: `${Math.floor(rnd() * 120e6)}Ki` } });
  }
  for (let i = 0; i < spec.pods; i++) {
    const namespace = `ns-${i % spec.namespaces}`;
    const name = `app-${String(i).padStart(6, '0')}-${Math.floor(rnd() * 1e6).toString(36)}`;
    const labels = { app: `app-${i % 50}`, tier: i % 2 ? 'web' : 'worker' };
    const containers = Array.from({ length: spec.containers }, (_, c) => ({ name: `c${c}`, image: 'busybox:1.37', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } } }));
    objects.push({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, creationTimestamp: t(3_600_000 + i * 1000) },
      spec: { nodeName: `node-${String(i % spec.nodes).padStart(3, '0')}`, containers },
      status: { phase: 'Running', startTime: t(3_600_000), containerStatuses: containers.map((c) => ({ name: c.name, ready: true, started: true, restartCount: 0, image: c.image, imageID: '', containerID: `containerd://${i}-${c.name}`, state: { running: { startedAt: t(3_600_000) } } })) },
    });
    objects.push({
      apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name, namespace, labels }, timestamp: t(0), window: '15s',
      containers: containers.map((c) => ({ name: c.name, usage: { cpu: `${Math.floor(rnd() * 5e8)}n`, memory: `${Math.floor(rnd() * 400_000)}Ki` } })),
    });
  }
  const reasons = [['Normal', 'Pulled'], ['Normal', 'Started'], ['Warning', 'BackOff'], ['Warning', 'Unhealthy'], ['Normal', 'Scheduled']] as const;
  for (let i = 0; i < spec.events; i++) {
    const [type, reason] = reasons[i % reasons.length]!;
    const namespace = `ns-${i % spec.namespaces}`;
    const agoMs = Math.floor(rnd() * 3_600_000);
    const count = 1 + Math.floor(rnd() * 5);
    objects.push({
      apiVersion: 'v1', kind: 'Event', metadata: { name: `evt-${i}.${(i * 2654435761 >>> 0).toString(16)}`, namespace, creationTimestamp: t(agoMs + 60_000) },
      involvedObject: { kind: 'Pod', namespace, name: `app-${String(i % Math.max(1, spec.pods)).padStart(6, '0')}`, apiVersion: 'v1' },
      reason, message: `${reason} event number ${i} for the benchmark`, source: { component: 'kubelet', host: 'node-000' },
      firstTimestamp: t(agoMs + 60_000 * count), lastTimestamp: t(agoMs), count, type,
    });
  }
  const logs: Scenario['logs'] = [];
  const finished = (name: string, labels: Record<string, string>): KubeObject => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns-0', labels, creationTimestamp: t(7_200_000) },
    spec: { nodeName: 'node-000', restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.37' }] },
    status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'busybox:1.37', imageID: '', containerID: `containerd://${name}`, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t(7_200_000), finishedAt: t(60_000) } } }] },
  });
  if (spec.logMiB > 0) {
    objects.push(finished('big-log', { bench: 'big-log' }));
    // The generated lines average ~110 bytes.
    const count = Math.ceil((spec.logMiB * 2 ** 20) / 110);
    logs.push({ kind: 'ContainerLog', metadata: { namespace: 'ns-0', name: 'big-log' }, container: 'app', generate: { count, every: '1ms' } });
  }
  for (let p = 0; p < spec.logPods; p++) {
    const name = `follow-${String(p).padStart(4, '0')}`;
    objects.push(finished(name, { bench: 'follow' }));
    logs.push({ kind: 'ContainerLog', metadata: { namespace: 'ns-0', name }, container: 'app', generate: { count: spec.logLines, every: '10ms', text: `${name} line {i} level=info msg="tick"` } });
  }
  return { name: `scale`, description: `${spec.pods} pods, ${spec.events} events, ${spec.nodes} nodes`, objects, logs };
}
