// `kt triage`'s report: the model behind `-o json|yaml` and the text form (src/print/triage.ts). Pure data.
import type { CoreEvent } from '../k8s/types.js';
import { REPORT_API_VERSION, type PodUsage, type Termination } from './top.js';

export interface ContainerReport {
  name: string;
  type: 'init' | 'regular' | 'ephemeral';
  image?: string;
  ready: boolean;
  /** `Running`, `Waiting`, `Terminated`. */
  state: string;
  reason?: string;
  message?: string;
  since?: string;
  restarts: number;
  lastTermination?: Termination & { startedAt?: string };
}

export interface LogTail {
  container: string;
  previous: boolean;
  lines: string[];
  /** Why the log could not be read. */
  error?: string;
}

export interface NodeReport {
  name: string;
  ready: string;
  reason?: string;
  message?: string;
  /** Conditions other than Ready that are True (MemoryPressure…). */
  pressure: string[];
}

export interface PodReport {
  namespace: string;
  name: string;
  cause: string;
  healthy: boolean;
  verdict: string;
  phase: string;
  /** The owner chain, outermost first: `Deployment/checkout`, `ReplicaSet/checkout-6f8b9c7d5`. */
  owners: string[];
  conditions: { type: string; status: string; reason?: string; message?: string }[];
  containers: ContainerReport[];
  /** Warning events across the owner chain, the pod and its node, oldest first, each once. */
  events: CoreEvent[];
  usage?: PodUsage;
  node?: NodeReport;
  logs: LogTail[];
}

export interface TriageReport {
  apiVersion: string;
  kind: 'TriageReport';
  /** What was asked about: `pod/x`, `deployment/web`, `-l app=web`, `--all-namespaces --unhealthy`. */
  target: string;
  healthy: boolean;
  verdict: string;
  pods: PodReport[];
}

/** The report over the pods shown; `examined` counts every pod looked at (more than shown with --unhealthy). */
export function triageReport(target: string, pods: PodReport[], examined = pods.length): TriageReport {
  const unhealthy = pods.filter((p) => !p.healthy);
  let verdict: string;
  if (examined === 0) verdict = 'NoPods: no pods to triage';
  else if (unhealthy.length === 0) verdict = pods.length === 1 && examined === 1 ? pods[0]!.verdict : `Healthy: ${examined} pod${examined === 1 ? '' : 's'}, none unhealthy`;
  else if (examined === 1) verdict = unhealthy[0]!.verdict;
  else if (unhealthy.length === 1) verdict = `${unhealthy[0]!.verdict} (1 of ${examined} pods unhealthy)`;
  else {
    const counts = new Map<string, number>();
    for (const p of unhealthy) counts.set(p.cause, (counts.get(p.cause) ?? 0) + 1);
    verdict = `Unhealthy: ${unhealthy.length} of ${examined} pods (${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')})`;
  }
  return { apiVersion: REPORT_API_VERSION, kind: 'TriageReport', target, healthy: unhealthy.length === 0 && examined > 0, verdict, pods };
}
