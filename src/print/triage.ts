// `kt triage`'s text report: the verdict first, then one section per pod. Pure: the report and the clock in, text
// out. The tables reuse kt's other printers (the events table, top's --resources table).
import { TabWriter } from '../go/tabwriter.js';
import { timeSince } from '../k8s/time.js';
import { REPORT_API_VERSION } from '../report/top.js';
import type { ContainerReport, PodReport, TriageReport } from '../report/triage.js';
import type { Colors } from './color.js';
import { EventTablePrinter } from './events.js';
import { printPodResources } from './top-resources.js';

const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : `${by}${l}`))
    .join('\n');

function containerTable(cs: readonly ContainerReport[], now: number): string {
  const w = new TabWriter();
  w.write('CONTAINER\tSTATE\tREADY\tRESTARTS\tLAST TERMINATION\n');
  for (const c of cs) {
    const state = `${c.state}${c.reason ? ` (${c.reason})` : ''}${c.since ? ` ${timeSince(c.since, now)}` : ''}`;
    const t = c.lastTermination;
    const last = t ? `${t.reason} (exit ${t.exitCode})${t.finishedAt ? ` ${timeSince(t.finishedAt, now)} ago` : ''}` : '-';
    w.write(`${c.type === 'regular' ? '' : `${c.type}:`}${c.name}\t${state}\t${c.ready}\t${c.restarts}\t${last}\n`);
  }
  return w.flush();
}

function printPod(p: PodReport, now: number, color: Colors): string {
  const out: string[] = [];
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
export function printTriage(r: TriageReport, now: number, color: Colors): string {
  const parts = [`${color.verdict(r.verdict, r.healthy)}\n`];
  for (const p of r.pods) {
    parts.push('\n');
    if (r.pods.length > 1) parts.push(`${color.tone(p.healthy ? 'healthy' : 'unhealthy', p.verdict)}\n`);
    parts.push(printPod(p, now, color));
  }
  return parts.join('');
}
