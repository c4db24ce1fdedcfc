// kt top's `--resources` tables (beyond kubectl): usage beside requests and limits, restarts and the last
// termination for pods; usage and the requests and limits of the pods scheduled there for nodes. Each returns the
// aligned text and, per line, whether it is over a limit (painted after alignment by the caller).
import { TabWriter } from '../go/tabwriter.js';
import { timeSince } from '../k8s/time.js';
import { overLimit, type Amount, type Budget, type ContainerUsage, type NodeUsageList, type PodUsage, type PodUsageList, type Termination } from '../report/top.js';

function cell(a: Amount & Budget, which: 'request' | 'limit'): string {
  const v = which === 'request' ? a.request : a.limit;
  const p = which === 'request' ? a.requestPercent : a.limitPercent;
  if (v === undefined) return '-';
  return p === undefined ? v : `${v} (${p}%)`;
}

function lastTerminationCell(t: Termination | undefined, now: number): string {
  if (!t) return '-';
  const ago = t.finishedAt ? ` ${timeSince(t.finishedAt, now)} ago` : '';
  return `${t.reason} (exit ${t.exitCode})${ago}`;
}

/** The `--resources` table; returns the text and, per line, whether it is over a limit (for colouring). */
export function printPodResources(list: PodUsageList, o: { containers: boolean; withNamespace: boolean; noHeaders: boolean }, now: number): { text: string; hot: boolean[] } {
  const w = new TabWriter();
  const hot: boolean[] = [];
  if (!o.noHeaders) {
    w.write(`${o.withNamespace ? 'NAMESPACE\t' : ''}${o.containers ? 'POD\t' : ''}NAME\tCPU(cores)\tCPU REQUEST\tCPU LIMIT\tMEMORY(bytes)\tMEMORY REQUEST\tMEMORY LIMIT\tRESTARTS\tLAST TERMINATION\n`);
    hot.push(false);
  }
  for (const p of list.items) {
    const ns = o.withNamespace ? `${p.namespace}\t` : '';
    const rows: (ContainerUsage | PodUsage)[] = o.containers ? p.containers : [p];
    for (const r of rows) {
      const pod = o.containers ? `${p.name}\t` : '';
      w.write(`${ns}${pod}${r.name}\t${r.cpu.usage}\t${cell(r.cpu, 'request')}\t${cell(r.cpu, 'limit')}\t${r.memory.usage}\t${cell(r.memory, 'request')}\t${cell(r.memory, 'limit')}\t${r.restarts ?? 0}\t${lastTerminationCell(r.lastTermination, now)}\n`);
      hot.push(overLimit(r.cpu) || overLimit(r.memory));
    }
  }
  if (list.total) {
    // --sum: kubectl's total under the usage columns, ruled off as in its plain table.
    const lead = `${o.withNamespace ? '\t' : ''}${o.containers ? '\t' : ''}\t`;
    w.write(`${lead}________\t\t\t________\n`);
    w.write(`${lead}${list.total.cpu.usage}\t\t\t${list.total.memory.usage}\n`);
    hot.push(false, false);
  }
  return { text: w.flush(), hot };
}

/** The node `--resources` table: usage, and the requests and limits of the pods scheduled there, against allocatable. */
export function printNodeResources(list: NodeUsageList, noHeaders: boolean): { text: string; hot: boolean[] } {
  const w = new TabWriter();
  const hot: boolean[] = [];
  if (!noHeaders) {
    w.write('NAME\tCPU(cores)\tCPU(%)\tCPU REQUESTS\tCPU LIMITS\tMEMORY(bytes)\tMEMORY(%)\tMEMORY REQUESTS\tMEMORY LIMITS\tPODS\n');
    hot.push(false);
  }
  const pc = (p: number | undefined): string => (p === undefined ? '-' : `${p}%`);
  const withPct = (v: string | undefined, p: number | undefined): string => (v === undefined ? '-' : p === undefined ? v : `${v} (${p}%)`);
  for (const n of list.items) {
    if (!n.metricsAvailable || !n.cpu || !n.memory) {
      w.write(`${n.name}\t<unknown>\t<unknown>\t-\t-\t<unknown>\t<unknown>\t-\t-\t-\n`);
      hot.push(false);
      continue;
    }
    w.write(`${n.name}\t${n.cpu.usage}\t${pc(n.cpu.percent)}\t${withPct(n.cpu.requests, n.cpu.requestsPercent)}\t${withPct(n.cpu.limits, n.cpu.limitsPercent)}\t${n.memory.usage}\t${pc(n.memory.percent)}\t${withPct(n.memory.requests, n.memory.requestsPercent)}\t${withPct(n.memory.limits, n.memory.limitsPercent)}\t${n.pods ?? '-'}\n`);
    hot.push((n.cpu.percent ?? 0) > 90 || (n.memory.percent ?? 0) > 90);
  }
  return { text: w.flush(), hot };
}
