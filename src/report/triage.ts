// `kt triage`'s report: the model behind `-o json|yaml` and its text form. Pure: the report and the clock in, text
// out. The tables reuse kt's other printers (the events table, top's --resources table).
import type { CoreEvent } from '../k8s/types.js';
import { paint } from '../print/color.js';
import { humanDuration } from '../k8s/duration.js';
import { EventTablePrinter } from '../print/events.js';
import { printPodResources, REPORT_API_VERSION, type PodUsage, type Termination } from './top.js';
import { TabWriter } from '../go/tabwriter.js';

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

const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : `${by}${l}`))
    .join('\n');

function containerTable(cs: readonly ContainerReport[], now: number): string {
  const w = new TabWriter();
  w.write('CONTAINER\tSTATE\tREADY\tRESTARTS\tLAST TERMINATION\n');
  for (const c of cs) {
    const state = `${c.state}${c.reason ? ` (${c.reason})` : ''}${c.since ? ` ${humanDuration(now - Date.parse(c.since))}` : ''}`;
    const t = c.lastTermination;
    const last = t ? `${t.reason} (exit ${t.exitCode})${t.finishedAt ? ` ${humanDuration(now - Date.parse(t.finishedAt))} ago` : ''}` : '-';
    w.write(`${c.type === 'regular' ? '' : `${c.type}:`}${c.name}\t${state}\t${c.ready}\t${c.restarts}\t${last}\n`);
  }
  return w.flush();
}

function printPod(p: PodReport, now: number, color: boolean, withVerdict: boolean): string {
  const out: string[] = [];
  const verdict = (text: string, healthy: boolean): string => (color ? paint(healthy ? 'green' : 'red', text) : text);
  if (withVerdict) out.push(`${verdict(p.verdict, p.healthy)}\n`);
  out.push(`Pod:         ${p.namespace}/${p.name}${p.owners.length ? ` (${p.owners.join(' → ')})` : ''}\n`);
  out.push(`Phase:       ${p.phase}\n`);
  const conds = p.conditions.map((c) => `${c.type}=${c.status}${c.reason || c.message ? ` (${[c.reason, c.message].filter(Boolean).join(': ')})` : ''}`);
  out.push(`Conditions:  ${conds.length ? conds.join('\n             ') : '<none>'}\n`);
  if (p.node) {
    const extra = [p.node.reason, p.node.message].filter(Boolean).join(': ');
    const pressure = p.node.pressure.length ? `; ${p.node.pressure.join(', ')}` : '';
    out.push(`Node:        ${p.node.name} Ready=${p.node.ready}${extra ? ` (${extra})` : ''}${pressure}\n`);
  } else out.push('Node:        <none>\n');
  out.push('\n', indent(containerTable(p.containers, now)));
  out.push('\nWarning events (owner chain, pod and node):\n');
  out.push(p.events.length ? indent(new EventTablePrinter({ allNamespaces: false, noHeaders: false, color }).print(p.events, now)) : '  <none>\n');
  out.push('\nUsage:\n');
  out.push(p.usage ? indent(printPodResources({ apiVersion: REPORT_API_VERSION, kind: 'PodUsageList', items: [p.usage] }, { containers: true, withNamespace: false, noHeaders: false }, now).text) : '  <no metrics>\n');
  for (const l of p.logs) {
    out.push(`\nLog of ${l.container} (${l.previous ? 'previous instance' : 'current instance'}, last ${l.lines.length} lines):\n`);
    if (l.error) out.push(`  <${l.error}>\n`);
    else out.push(l.lines.length ? l.lines.map((x) => `  ${x}\n`).join('') : '  <empty>\n');
  }
  return out.join('');
}

/** The text report: the verdict first, then one section per pod. */
export function printTriage(r: TriageReport, now: number, color: boolean): string {
  const paintV = (text: string): string => (color ? paint(r.healthy ? 'green' : 'red', paint('bold', text)) : text);
  const parts = [`${paintV(r.verdict)}\n`];
  for (const p of r.pods) {
    parts.push('\n');
    if (r.pods.length > 1) parts.push(`${color ? paint(p.healthy ? 'green' : 'red', p.verdict) : p.verdict}\n`);
    parts.push(printPod(p, now, color, false));
  }
  return parts.join('');
}
