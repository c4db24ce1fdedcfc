// kubectl top's printer (kubectl pkg/metricsutil): pure functions from metrics to the exact text kubectl prints,
// trailing spaces included (every cell is tab-terminated).
import type { ContainerMetrics, NodeMetrics, PodMetrics, ResourceList } from '../k8s/types.js';
import { goSort } from '../go/sort.js';
import { formatCpuMillis, formatMemoryMi, Quantity } from '../k8s/quantity.js';
import { TabWriter } from '../go/tabwriter.js';
import { MEASURED, sumUsage, usageOf, type Measured, type SortBy, type Usage } from '../report/top.js';

function formatUsage(resource: Measured, q: Quantity): string {
  return resource === 'cpu' ? formatCpuMillis(q) : formatMemoryMi(q);
}

/** `int64(float64(used.MilliValue()) / float64(avail.MilliValue()) * 100)`, with Go's amd64 conversion of ±Inf/NaN. */
export function percent(used: Quantity, available: Quantity): string {
  const f = (Number(used.milliValue()) / Number(available.milliValue())) * 100;
  if (!Number.isFinite(f)) return '-9223372036854775808%';
  return `${Math.trunc(f)}%`;
}

function cells(name: string, usage: Usage, available?: ResourceList): string {
  let line = `${name}\t`;
  const avail = usageOf(available);
  // A missing usage prints as zero; a missing allocatable drops the % cell, so the row is shorter (as kubectl).
  for (const r of MEASURED) {
    const u = usage[r] ?? Quantity.zero();
    line += `${formatUsage(r, u)}\t`;
    const a = avail[r];
    if (a) line += `${percent(u, a)}\t`;
  }
  return `${line}\n`;
}

export interface PodPrintOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: SortBy;
  sum: boolean;
}

/**
 * The number kubectl's sorter compares (MilliValue for cpu, Value for memory), computed once per row rather than
 * on each of the n·log n comparisons.
 */
function sortKey(sortBy: SortBy, u: Usage): bigint {
  if (sortBy === 'cpu') return (u.cpu ?? Quantity.zero()).milliValue();
  if (sortBy === 'memory') return (u.memory ?? Quantity.zero()).value();
  return 0n;
}

export function printPodMetrics(metrics: readonly PodMetrics[], o: PodPrintOptions): string {
  if (metrics.length === 0) return '';
  const w = new TabWriter();
  let columns = 3;
  if (!o.noHeaders) {
    let header = '';
    if (o.withNamespace) {
      header += 'NAMESPACE\t';
      columns++;
    }
    if (o.containers) {
      header += 'POD\t';
      columns++;
    }
    w.write(`${header}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`);
  }
  const rows = metrics.map((m) => {
    const containers = (m.containers ?? []).map((c) => ({ c, u: usageOf(c.usage) }));
    const usage = sumUsage(containers.map(({ u }) => u));
    return { m, usage, containers, key: sortKey(o.sortBy, usage) };
  });
  const byUsage = o.sortBy === 'cpu' || o.sortBy === 'memory';
  goSort(rows, (a, b) => {
    if (byUsage) return a.key > b.key;
    const an = a.m.metadata?.namespace ?? '';
    const bn = b.m.metadata?.namespace ?? '';
    if (o.withNamespace && an !== bn) return an < bn;
    return (a.m.metadata?.name ?? '') < (b.m.metadata?.name ?? '');
  });
  for (const { m, usage, containers: parsed } of rows) {
    const ns = o.withNamespace ? `${m.metadata?.namespace ?? ''}\t` : '';
    if (o.containers) {
      const containers: { c: ContainerMetrics; u: Usage; key: bigint }[] = parsed.map((p) => ({ ...p, key: sortKey(o.sortBy, p.u) }));
      goSort(containers, (a, b) => (byUsage ? a.key > b.key : a.c.name < b.c.name));
      for (const { c, u } of containers) w.write(`${ns}${m.metadata?.name ?? ''}\t${cells(c.name, u)}`);
    } else {
      w.write(`${ns}${cells(m.metadata?.name ?? '', usage)}`);
    }
  }
  if (o.sum) {
    const total = { cpu: Quantity.zero(), memory: Quantity.zero() };
    for (const { usage } of rows) for (const r of MEASURED) total[r] = total[r].add(usage[r]);
    w.write(`${'\t'.repeat(columns - 2)}________\t________\t\n`);
    w.write(`${'\t'.repeat(columns - 3)}${cells('', total)}`);
  }
  return w.flush();
}

export interface NodePrintOptions {
  noHeaders: boolean;
  sortBy: SortBy;
}

/**
 * `available` maps node name → allocatable (or capacity); nodes in it without metrics are printed as
 * `<unknown>` rows after the others, by name (kubectl prints them in Go's random map order).
 */
export function printNodeMetrics(metrics: readonly NodeMetrics[], available: ReadonlyMap<string, ResourceList | undefined>, o: NodePrintOptions): string {
  if (metrics.length === 0) return '';
  const w = new TabWriter();
  const rows = metrics.map((m) => {
    const usage = usageOf(m.usage);
    return { m, usage, key: sortKey(o.sortBy, usage) };
  });
  const byUsage = o.sortBy === 'cpu' || o.sortBy === 'memory';
  goSort(rows, (a, b) => (byUsage ? a.key > b.key : (a.m.metadata?.name ?? '') < (b.m.metadata?.name ?? '')));
  if (!o.noHeaders) w.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n');
  const missing = new Map(available);
  for (const { m, usage } of rows) {
    const name = m.metadata?.name ?? '';
    w.write(cells(name, usage, available.get(name) ?? undefined));
    missing.delete(name);
  }
  for (const name of [...missing.keys()].sort()) w.write(`${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`);
  return w.flush();
}
