// `kt triage`: what it reads from the cluster for one pod — the owner chain, the node, metrics, Warning events
// across the chain, the tails of logs — and the pod's report built from them.
import type { KubeClient } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import { sortEvents } from '../../print/events.js';
import { podUsageList, type PodUsage } from '../../report/top.js';
import type { ContainerReport, LogTail, NodeReport, PodReport } from '../../report/triage.js';
import { RESOURCE_TYPES } from '../../k8s/resources.js';
import type { ContainerStatus, CoreEvent, KubeObject, Node, Pod } from '../../k8s/types.js';
import { eventsAbout, type Involved } from '../../client/related.js';
import { diagnose } from './diagnose.js';

export const LOG_TAIL = 10;

/** The pod's controllers, outermost first (Deployment, ReplicaSet), followed through controller ownerReferences. */
export async function ownerChain(client: KubeClient, pod: Pod): Promise<Involved[]> {
  const namespace = pod.metadata?.namespace ?? '';
  const chain: Involved[] = [];
  let current: KubeObject = pod;
  for (let depth = 0; depth < 3; depth++) {
    const ref = (current.metadata?.ownerReferences ?? []).find((r) => r.controller) ?? current.metadata?.ownerReferences?.[0];
    if (!ref?.kind || !ref.name) break;
    chain.unshift({ kind: ref.kind, name: ref.name, namespace });
    const type = RESOURCE_TYPES.find((t) => t.kind === ref.kind && t.namespaced && t.group !== 'metrics.k8s.io');
    if (!type) break;
    try {
      current = await client.getObject(type, namespace, ref.name);
    } catch (e) {
      if (e instanceof ApiError && e.httpCode === 404) break;
      throw e;
    }
  }
  return chain;
}

async function readLog(client: KubeClient, pod: Pod, container: string, previous: boolean): Promise<LogTail> {
  try {
    const res = await client.streamPodLog(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', { container, previous, tailLines: LOG_TAIL });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return { container, previous, lines: text === '' ? [] : text.replace(/\n$/, '').split('\n') };
  } catch (e) {
    return { container, previous, lines: [], error: e instanceof ApiError ? (e.status.message ?? `HTTP ${e.httpCode}`) : (e as Error).message };
  }
}

async function podMetrics(client: KubeClient, pod: Pod): Promise<PodUsage | undefined> {
  if (!pod.spec?.nodeName || pod.status?.phase !== 'Running') return undefined;
  try {
    if (!(await client.hasMetricsAPI())) return undefined;
    const m = await client.getPodMetrics(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
    return podUsageList([m], [pod], { sortBy: '', withNamespace: false, sum: false, resources: true }).items[0];
  } catch (e) {
    if (e instanceof ApiError && e.httpCode === 404) return undefined;
    throw e;
  }
}

async function nodeOf(client: KubeClient, pod: Pod): Promise<Node | undefined> {
  if (!pod.spec?.nodeName) return undefined;
  try {
    return await client.getNode(pod.spec.nodeName);
  } catch (e) {
    if (e instanceof ApiError && e.httpCode === 404) return undefined;
    throw e;
  }
}

function containerReport(s: ContainerStatus | undefined, name: string, type: ContainerReport['type'], image: string | undefined): ContainerReport {
  const st = s?.state ?? {};
  const r: ContainerReport = { name, type, ...(image ? { image } : {}), ready: s?.ready === true, state: 'Waiting', restarts: s?.restartCount ?? 0 };
  if (st.running) {
    r.state = 'Running';
    if (st.running.startedAt) r.since = st.running.startedAt;
  } else if (st.terminated) {
    r.state = 'Terminated';
    if (st.terminated.reason) r.reason = st.terminated.reason;
    if (st.terminated.finishedAt) r.since = st.terminated.finishedAt;
  } else if (st.waiting) {
    if (st.waiting.reason) r.reason = st.waiting.reason;
    if (st.waiting.message) r.message = st.waiting.message;
  }
  const t = s?.lastState?.terminated;
  if (t) {
    r.lastTermination = {
      reason: t.reason ?? (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`),
      exitCode: t.exitCode ?? 0,
      ...(t.startedAt ? { startedAt: t.startedAt } : {}),
      ...(t.finishedAt ? { finishedAt: t.finishedAt } : {}),
    };
  }
  return r;
}

function nodeReport(node: Node): NodeReport {
  const conds = node.status?.conditions ?? [];
  const ready = conds.find((c) => c.type === 'Ready');
  return {
    name: node.metadata?.name ?? '',
    ready: ready?.status ?? 'Unknown',
    ...(ready?.reason ? { reason: ready.reason } : {}),
    ...(ready?.message ? { message: ready.message } : {}),
    pressure: conds.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type),
  };
}

/** Everything `kt triage` says about one pod. */
export async function triagePod(client: KubeClient, pod: Pod, now: number): Promise<PodReport> {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const [owners, node, usage] = await Promise.all([ownerChain(client, pod), nodeOf(client, pod), podMetrics(client, pod)]);
  const involved: Involved[] = [...owners, { kind: 'Pod', name, namespace }];
  if (pod.spec?.nodeName) involved.push({ kind: 'Node', name: pod.spec.nodeName, namespace: undefined });
  const events: CoreEvent[] = sortEvents((await eventsAbout(client, namespace, involved)).filter((e) => e.type === 'Warning'));
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  const find = (list: ContainerStatus[] | undefined, n: string): ContainerStatus | undefined => list?.find((s) => s.name === n);
  const containers: ContainerReport[] = [
    ...(spec.initContainers ?? []).map((c) => containerReport(find(st.initContainerStatuses, c.name), c.name, 'init', c.image)),
    ...(spec.containers ?? []).map((c) => containerReport(find(st.containerStatuses, c.name), c.name, 'regular', c.image)),
    ...(spec.ephemeralContainers ?? []).map((c) => containerReport(find(st.ephemeralContainerStatuses, c.name), c.name, 'ephemeral', c.image)),
  ];
  // Logs: the previous instance of every restarted container, and the current one of every container that has run.
  const logs: LogTail[] = [];
  for (const c of containers.filter((x) => x.type !== 'ephemeral')) {
    if (c.restarts > 0) logs.push(await readLog(client, pod, c.name, true));
    if (c.state === 'Running' || (c.state === 'Terminated' && c.type === 'regular')) logs.push(await readLog(client, pod, c.name, false));
  }
  const d = diagnose({ pod, node, usage, events, now });
  return {
    namespace,
    name,
    cause: d.cause,
    healthy: d.healthy,
    verdict: d.verdict,
    phase: st.phase ?? 'Unknown',
    owners: owners.map((o) => `${o.kind}/${o.name}`),
    conditions: (st.conditions ?? []).map((c) => ({ type: c.type, status: c.status, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) })),
    containers,
    events,
    ...(usage ? { usage } : {}),
    ...(node ? { node: nodeReport(node) } : {}),
    logs,
  };
}
