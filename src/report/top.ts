// kt top's model: usage summed from metrics, and beyond kubectl the `-o json|yaml` records and the data of the
// `--resources` tables (usage beside requests and limits, restarts and the last termination). Pure: metrics, pods
// and nodes in, data out; src/print/top.ts and src/print/top-resources.ts print it.
import type { Container, ContainerStatus, Node, NodeMetrics, Pod, PodMetrics, ResourceList } from '../k8s/types.js';
import { formatCpuMillis, formatMemoryMi, Quantity } from '../k8s/quantity.js';
import { parseKubeTime } from '../k8s/time.js';
import { goSort } from '../go/sort.js';

export type SortBy = '' | 'cpu' | 'memory';
export const MEASURED = ['cpu', 'memory'] as const;
export type Measured = (typeof MEASURED)[number];
export type Usage = Partial<Record<Measured, Quantity>>;

/** The resources kubectl top measures, parsed from a metrics ResourceList (absent ones left out). */
export function usageOf(list: ResourceList | undefined): Usage {
  const u: Usage = {};
  for (const r of MEASURED) {
    const v = list?.[r];
    if (v !== undefined) u[r] = Quantity.parse(v);
  }
  return u;
}

/** The sum of several usages, both resources always present (zero when absent). */
export function sumUsage(usages: readonly Usage[]): Record<Measured, Quantity> {
  const total = { cpu: Quantity.zero(), memory: Quantity.zero() };
  for (const u of usages) for (const r of MEASURED) if (u[r]) total[r] = total[r].add(u[r]);
  return total;
}

/** A pod's usage: the sum of its containers. */
export function podUsage(m: PodMetrics): Record<Measured, Quantity> {
  return sumUsage((m.containers ?? []).map((c) => usageOf(c.usage)));
}

export const REPORT_API_VERSION = 'kubetriage.dev/v1';

export interface Amount {
  /** kubectl's cell: `948m`, `567Mi`. */
  usage: string;
  /** Exact value: millicores for CPU, bytes for memory. */
  value: number;
}

export interface Budget {
  request?: string;
  limit?: string;
  /** Usage as a percentage of the request / limit, truncated like kubectl's percentages. */
  requestPercent?: number;
  limitPercent?: number;
}

export interface Termination {
  reason: string;
  exitCode: number;
  finishedAt?: string;
}

export interface ContainerUsage {
  name: string;
  cpu: Amount & Budget;
  memory: Amount & Budget;
  restarts?: number;
  lastTermination?: Termination;
}

export interface PodUsage {
  namespace: string;
  name: string;
  timestamp?: string;
  window?: string;
  cpu: Amount & Budget;
  memory: Amount & Budget;
  containers: ContainerUsage[];
  restarts?: number;
  lastTermination?: Termination & { container: string };
}

export interface PodUsageList {
  apiVersion: string;
  kind: 'PodUsageList';
  items: PodUsage[];
  total?: { cpu: Amount; memory: Amount };
}

function amount(resource: 'cpu' | 'memory', q: Quantity): Amount {
  return resource === 'cpu' ? { usage: formatCpuMillis(q), value: Number(q.milliValue()) } : { usage: formatMemoryMi(q), value: Number(q.value()) };
}

function pct(used: Quantity, of: Quantity): number | undefined {
  const d = Number(of.milliValue());
  if (d === 0) return undefined;
  return Math.trunc((Number(used.milliValue()) / d) * 100);
}

function sumResources(containers: readonly Container[], kind: 'requests' | 'limits', resource: string): Quantity | undefined {
  let total: Quantity | undefined;
  for (const c of containers) {
    const v = c.resources?.[kind]?.[resource];
    if (v !== undefined) total = (total ?? Quantity.zero()).add(Quantity.parse(v));
  }
  return total;
}

function budget(used: Quantity, request: Quantity | undefined, limit: Quantity | undefined): Budget {
  const b: Budget = {};
  if (request) {
    b.request = request.toString();
    const p = pct(used, request);
    if (p !== undefined) b.requestPercent = p;
  }
  if (limit) {
    b.limit = limit.toString();
    const p = pct(used, limit);
    if (p !== undefined) b.limitPercent = p;
  }
  return b;
}

function termination(s: ContainerStatus | undefined): Termination | undefined {
  const t = s?.lastState?.terminated ?? s?.state?.terminated;
  if (!t) return undefined;
  return { reason: t.reason ?? (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`), exitCode: t.exitCode ?? 0, ...(t.finishedAt ? { finishedAt: t.finishedAt } : {}) };
}

export interface ReportOptions {
  sortBy: SortBy;
  withNamespace: boolean;
  sum: boolean;
  /** Include requests, limits, restarts and terminations (needs `pods`). */
  resources: boolean;
}

/** The `-o json|yaml` model of `kt top pod`, in the same order as the table. */
export function podUsageList(metrics: readonly PodMetrics[], pods: readonly Pod[], o: ReportOptions): PodUsageList {
  const byKey = new Map(pods.map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, p]));
  const rows = metrics.map((m) => ({ m, usage: podUsage(m) }));
  goSort(rows, (a, b) => {
    if (o.sortBy === 'cpu') return a.usage.cpu.milliValue() > b.usage.cpu.milliValue();
    if (o.sortBy === 'memory') return a.usage.memory.value() > b.usage.memory.value();
    const an = a.m.metadata?.namespace ?? '';
    const bn = b.m.metadata?.namespace ?? '';
    if (o.withNamespace && an !== bn) return an < bn;
    return (a.m.metadata?.name ?? '') < (b.m.metadata?.name ?? '');
  });
  const items = rows.map(({ m, usage }): PodUsage => {
    const pod = o.resources ? byKey.get(`${m.metadata?.namespace}/${m.metadata?.name}`) : undefined;
    const specs = pod?.spec?.containers ?? [];
    const statuses = pod?.status?.containerStatuses ?? [];
    const containers = (m.containers ?? []).map((c): ContainerUsage => {
      const cpu = Quantity.parse(c.usage['cpu'] ?? '0');
      const memory = Quantity.parse(c.usage['memory'] ?? '0');
      const spec = specs.find((s) => s.name === c.name);
      const status = statuses.find((s) => s.name === c.name);
      const cu: ContainerUsage = { name: c.name, cpu: amount('cpu', cpu), memory: amount('memory', memory) };
      if (o.resources) {
        Object.assign(cu.cpu, budget(cpu, sumResources(spec ? [spec] : [], 'requests', 'cpu'), sumResources(spec ? [spec] : [], 'limits', 'cpu')));
        Object.assign(cu.memory, budget(memory, sumResources(spec ? [spec] : [], 'requests', 'memory'), sumResources(spec ? [spec] : [], 'limits', 'memory')));
        cu.restarts = status?.restartCount ?? 0;
        const t = termination(status);
        if (t) cu.lastTermination = t;
      }
      return cu;
    });
    const item: PodUsage = {
      namespace: m.metadata?.namespace ?? '',
      name: m.metadata?.name ?? '',
      ...(m.timestamp ? { timestamp: m.timestamp } : {}),
      ...(m.window ? { window: m.window } : {}),
      cpu: amount('cpu', usage.cpu),
      memory: amount('memory', usage.memory),
      containers,
    };
    if (o.resources) {
      // Limits only add up when every container has one; otherwise the pod as a whole is unbounded.
      const allLimited = (r: string): boolean => specs.length > 0 && specs.every((s) => s.resources?.limits?.[r] !== undefined);
      Object.assign(item.cpu, budget(usage.cpu, sumResources(specs, 'requests', 'cpu'), allLimited('cpu') ? sumResources(specs, 'limits', 'cpu') : undefined));
      Object.assign(item.memory, budget(usage.memory, sumResources(specs, 'requests', 'memory'), allLimited('memory') ? sumResources(specs, 'limits', 'memory') : undefined));
      item.restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
      // The most recent termination of any container.
      let last: { name: string; t: Termination; at: bigint } | undefined;
      for (const s of statuses) {
        const t = termination(s);
        if (!t?.finishedAt) continue;
        const at = parseKubeTime(t.finishedAt);
        if (!last || at > last.at) last = { name: s.name, t, at };
      }
      if (last) item.lastTermination = { ...last.t, container: last.name };
    }
    return item;
  });
  const list: PodUsageList = { apiVersion: REPORT_API_VERSION, kind: 'PodUsageList', items };
  if (o.sum) {
    const cpu = rows.reduce((q, r) => q.add(r.usage.cpu), Quantity.zero());
    const memory = rows.reduce((q, r) => q.add(r.usage.memory), Quantity.zero());
    list.total = { cpu: amount('cpu', cpu), memory: amount('memory', memory) };
  }
  return list;
}

export interface NodeUsage {
  name: string;
  metricsAvailable: boolean;
  cpu?: Amount & { allocatable?: string; percent?: number; requests?: string; requestsPercent?: number; limits?: string; limitsPercent?: number };
  memory?: Amount & { allocatable?: string; percent?: number; requests?: string; requestsPercent?: number; limits?: string; limitsPercent?: number };
  pods?: number;
}

export interface NodeUsageList {
  apiVersion: string;
  kind: 'NodeUsageList';
  items: NodeUsage[];
}

/** The `-o json|yaml` model of `kt top node` (and the data of its `--resources` table). */
export function nodeUsageList(metrics: readonly NodeMetrics[], nodes: readonly Node[], pods: readonly Pod[] | undefined, o: { sortBy: SortBy; showCapacity: boolean }): NodeUsageList {
  const rows = metrics.map((m) => ({ m, cpu: Quantity.parse(m.usage?.['cpu'] ?? '0'), memory: Quantity.parse(m.usage?.['memory'] ?? '0') }));
  goSort(rows, (a, b) => (o.sortBy === 'cpu' ? a.cpu.milliValue() > b.cpu.milliValue() : o.sortBy === 'memory' ? a.memory.value() > b.memory.value() : (a.m.metadata?.name ?? '') < (b.m.metadata?.name ?? '')));
  const nodeByName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const items: NodeUsage[] = rows.map(({ m, cpu, memory }) => {
    const name = m.metadata?.name ?? '';
    const node = nodeByName.get(name);
    const avail: ResourceList | undefined = o.showCapacity ? node?.status?.capacity : node?.status?.allocatable;
    const onNode = pods?.filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const detail = (resource: 'cpu' | 'memory', used: Quantity): NodeUsage['cpu'] => {
      const a = amount(resource, used) as NonNullable<NodeUsage['cpu']>;
      const total = avail?.[resource] !== undefined ? Quantity.parse(avail[resource]!) : undefined;
      if (total) {
        a.allocatable = total.toString();
        const p = pct(used, total);
        if (p !== undefined) a.percent = p;
      }
      if (onNode) {
        const containers = onNode.flatMap((p) => p.spec?.containers ?? []);
        const req = sumResources(containers, 'requests', resource) ?? Quantity.zero();
        const lim = sumResources(containers, 'limits', resource) ?? Quantity.zero();
        a.requests = req.toString();
        a.limits = lim.toString();
        if (total) {
          const rp = pct(req, total);
          const lp = pct(lim, total);
          if (rp !== undefined) a.requestsPercent = rp;
          if (lp !== undefined) a.limitsPercent = lp;
        }
      }
      return a;
    };
    return { name, metricsAvailable: true, cpu: detail('cpu', cpu), memory: detail('memory', memory), ...(onNode ? { pods: onNode.length } : {}) };
  });
  const seen = new Set(items.map((i) => i.name));
  for (const n of [...nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    if (!seen.has(n.metadata?.name ?? '')) items.push({ name: n.metadata?.name ?? '', metricsAvailable: false });
  }
  return { apiVersion: REPORT_API_VERSION, kind: 'NodeUsageList', items };
}

/** Whether a row's usage is above 90 % of a limit: shown in red on a terminal. */
export function overLimit(a: Budget): boolean {
  return (a.limitPercent ?? 0) > 90;
}
