// `kt triage`'s judgement: from a pod, its node, its metrics and its events, the one-line verdict naming the cause.
// Pure (the clock is passed in), so each unhealthy pattern is testable without a cluster.
import type { ContainerStatus, CoreEvent, Node, Pod } from '../../k8s/types.js';
import type { PodUsage } from '../../report/top.js';
import { humanDuration } from '../../k8s/duration.js';

/** What is wrong, as a short stable word (`-o json` consumers switch on it). */
export type Cause =
  | 'Healthy'
  | 'Completed'
  | 'OOMKilled'
  | 'CrashLoopBackOff'
  | 'Unschedulable'
  | 'ImagePullBackOff'
  | 'NodeNotReady'
  | 'Failed'
  | 'ContainerWaiting'
  | 'NotReady'
  | 'Pending';

export interface Diagnosis {
  cause: Cause;
  healthy: boolean;
  /** The verdict line: `CrashLoopBackOff: OOMKilled 4× in 52m; memory limit 512Mi, last usage 509Mi`. */
  verdict: string;
}

export interface DiagnoseInput {
  pod: Pod;
  node?: Node | undefined;
  usage?: PodUsage | undefined;
  /** Warning events about the pod and its chain (for the scheduler's and kubelet's own words). */
  events: readonly CoreEvent[];
  now: number;
}

const ago = (ts: string | undefined, now: number): string => (ts ? humanDuration(now - Date.parse(ts)) : '?');

/** The node's Ready condition, `True` when there is no node to ask about. */
export function nodeReady(node: Node | undefined): { status: string; reason?: string; message?: string } {
  const c = node?.status?.conditions?.find((x) => x.type === 'Ready');
  if (!node) return { status: 'True' };
  if (!c) return { status: 'Unknown' };
  return { status: c.status, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
}

const PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

/** `0/3 nodes are available: …` without the preemption post-script. */
function schedulerWords(message: string): string {
  return message.replace(/\s*preemption:.*$/s, '').replace(/\.$/, '');
}

/** Why an image pull failed, in the kubelet's words, short: `not found`, `unauthorized`, or the whole message. */
function pullFailure(events: readonly CoreEvent[], container: string): string | undefined {
  const failed = events.find((e) => e.reason === 'Failed' && (e.involvedObject?.fieldPath ?? '').includes(`{${container}}`) && /pull/i.test(e.message ?? ''));
  if (!failed?.message) return undefined;
  const m = /desc = (.*)$/.exec(failed.message);
  const tail = m ? m[1]! : failed.message;
  const short = /: ([^:]+)$/.exec(tail);
  return short ? short[1]!.trim() : tail;
}

function memoryNote(usage: PodUsage | undefined, container: string): string {
  const c = usage?.containers.find((x) => x.name === container);
  if (!c) return '';
  const parts: string[] = [];
  if (c.memory.limit) parts.push(`memory limit ${c.memory.limit}`);
  parts.push(`last usage ${c.memory.usage}`);
  return `; ${parts.join(', ')}`;
}

function statuses(pod: Pod): { s: ContainerStatus; init: boolean }[] {
  return [...(pod.status?.initContainerStatuses ?? []).map((s) => ({ s, init: true })), ...(pod.status?.containerStatuses ?? []).map((s) => ({ s, init: false }))];
}

export function diagnose({ pod, node, usage, events, now }: DiagnoseInput): Diagnosis {
  const bad = (cause: Cause, verdict: string): Diagnosis => ({ cause, healthy: false, verdict });
  const phase = pod.status?.phase ?? 'Unknown';
  const conditions = pod.status?.conditions ?? [];
  const scheduled = conditions.find((c) => c.type === 'PodScheduled');
  const podAge = ago(pod.status?.startTime ?? pod.metadata?.creationTimestamp, now);

  if (phase === 'Succeeded') return { cause: 'Completed', healthy: true, verdict: `Completed: every container exited 0 (${ago(pod.metadata?.creationTimestamp, now)} ago)` };

  if (!pod.spec?.nodeName && scheduled?.status === 'False') {
    const why = scheduled.message ?? events.find((e) => e.reason === 'FailedScheduling')?.message ?? scheduled.reason ?? 'no node fits';
    const requests = (pod.spec?.containers ?? []).map((c) => c.resources?.requests).filter((r) => r && Object.keys(r).length > 0);
    const asked = requests.length > 0 ? `; requests ${requests.map((r) => Object.entries(r!).map(([k, v]) => `${k} ${v}`).join(', ')).join('; ')}` : '';
    return bad('Unschedulable', `Pending: unschedulable for ${ago(scheduled.lastTransitionTime, now)}: ${schedulerWords(why)}${asked}`);
  }

  const ready = nodeReady(node);
  if (node && ready.status !== 'True') {
    const status = ready.status === 'Unknown' ? 'NotReady (status Unknown)' : 'NotReady';
    const since = node.status?.conditions?.find((c) => c.type === 'Ready') as { lastTransitionTime?: string } | undefined;
    const why = ready.message ? `: ${ready.message.replace(/\.$/, '')}` : ready.reason ? `: ${ready.reason}` : '';
    const podState = pod.status?.reason ? `; pod ${phase} (${pod.status.reason})` : `; pod ${phase}`;
    return bad('NodeNotReady', `NodeNotReady: node ${node.metadata?.name} is ${status} for ${ago(since?.lastTransitionTime, now)}${why}${podState}`);
  }

  for (const { s, init } of statuses(pod)) {
    const waiting = s.state?.waiting;
    const last = s.lastState?.terminated;
    const label = `${init ? 'init container' : 'container'} ${s.name}`;
    if (waiting && PULL_REASONS.has(waiting.reason ?? '')) {
      const image = (init ? pod.spec?.initContainers : pod.spec?.containers)?.find((c) => c.name === s.name)?.image ?? s.image ?? '?';
      const why = pullFailure(events, s.name);
      return bad('ImagePullBackOff', `${waiting.reason}: ${label} cannot pull image "${image}"${why ? ` (${why})` : ''}`);
    }
    if (waiting?.reason === 'CrashLoopBackOff') {
      const restarts = s.restartCount ?? 0;
      if (last?.reason === 'OOMKilled') return bad('OOMKilled', `CrashLoopBackOff: OOMKilled ${restarts}× in ${podAge}${memoryNote(usage, s.name)}`);
      const how = last ? `exit code ${last.exitCode ?? '?'}${last.reason ? ` (${last.reason})` : ''}` : 'exits';
      return bad('CrashLoopBackOff', `CrashLoopBackOff: ${label} ${how}, ${restarts}× in ${podAge}`);
    }
    if (waiting && waiting.reason !== 'PodInitializing' && waiting.reason !== 'ContainerCreating') {
      return bad('ContainerWaiting', `${waiting.reason ?? 'Waiting'}: ${label}${waiting.message ? `: ${waiting.message}` : ''}`);
    }
  }

  if (phase === 'Failed') {
    const t = statuses(pod).map(({ s }) => ({ s, t: s.state?.terminated })).find((x) => x.t && (x.t.exitCode ?? 0) !== 0);
    if (t?.t) return bad('Failed', `Failed: container ${t.s.name} exited with code ${t.t.exitCode ?? '?'}${t.t.reason ? ` (${t.t.reason})` : ''} ${ago(t.t.finishedAt, now)} ago`);
    return bad('Failed', `Failed${pod.status?.reason ? `: ${pod.status.reason}` : ''}${pod.status?.message ? `: ${pod.status.message}` : ''}`);
  }
  if (phase === 'Pending') return bad('Pending', `Pending for ${podAge}${pod.status?.message ? `: ${pod.status.message}` : ''}`);

  const readyCond = conditions.find((c) => c.type === 'Ready');
  const regular = pod.status?.containerStatuses ?? [];
  const readyCount = regular.filter((s) => s.ready).length;
  if (phase !== 'Running' || (readyCond && readyCond.status !== 'True')) {
    const why = readyCond?.message ?? readyCond?.reason ?? pod.status?.reason ?? phase;
    return bad('NotReady', `NotReady: ${readyCount}/${regular.length} containers ready (${why})`);
  }
  const restarts = regular.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  const note = restarts > 0 ? `, ${restarts} restart${restarts === 1 ? '' : 's'}` : '';
  return { cause: 'Healthy', healthy: true, verdict: `Healthy: Running, ${readyCount}/${regular.length} containers ready${note}` };
}
