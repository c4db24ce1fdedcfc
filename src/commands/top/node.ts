// `kt top node`: kubectl's RunTopNode — node metrics, then the nodes for allocatable (or capacity) — plus kt's
// -o, --resources and --watch views.
import type { MetricsSource, NodeReader, PodReader } from '../../client/api.js';
import { KtError } from '../../errors.js';
import { formatExplain } from '../../cli/explain.js';
import { printObject } from '../../print/output.js';
import { printNodeMetrics } from '../../print/top.js';
import { nodeUsageList } from '../../report/top.js';
import { printNodeResources } from '../../print/top-resources.js';
import type { Node, NodeMetrics, ResourceList } from '../../k8s/types.js';
import type { CommandContext } from '../../cli/registry.js';
import { openSession } from '../../cli/session.js';
import { completeTopNode, validateTopNode, type TopNodeFlags, type TopNodeOptions } from './options.js';
import { checkSelectors } from './pod.js';
import { render, watchedReaders, type Frame } from './render.js';

export async function topNodeFrame(o: TopNodeOptions, metrics: MetricsSource, nodes: NodeReader, pods: PodReader): Promise<Frame> {
  checkSelectors(o.labelSelector);
  if (!(await metrics.hasMetricsAPI())) throw new KtError('Metrics API not available');
  const items: NodeMetrics[] = o.resourceName !== ''
    ? [await metrics.getNodeMetrics(o.resourceName)]
    : (await metrics.listNodeMetrics({ labelSelector: o.labelSelector })).items;
  if (items.length === 0) throw new KtError('metrics not available yet');
  const nodeList: Node[] = o.resourceName !== '' ? [await nodes.getNode(o.resourceName)] : (await nodes.listNodes({ labelSelector: o.labelSelector })).items;
  const { extras } = o;
  if (!extras.output && !extras.resources) {
    const available = new Map<string, ResourceList | undefined>();
    for (const n of nodeList) available.set(n.metadata?.name ?? '', o.showCapacity ? n.status?.capacity : n.status?.allocatable);
    return { out: printNodeMetrics(items, available, { noHeaders: o.noHeaders, sortBy: o.sortBy }) };
  }
  const podObjects = extras.resources ? (await pods.listPods(undefined)).items : undefined;
  const report = nodeUsageList(items, nodeList, podObjects, { sortBy: o.sortBy, showCapacity: o.showCapacity });
  if (extras.output) return { out: extras.output.kind === 'name' ? report.items.map((i) => `node/${i.name}\n`).join('') : printObject(report, extras.output) };
  const table = printNodeResources(report, o.noHeaders);
  return { out: table.text, hot: table.hot };
}

export async function topNode(ctx: CommandContext, flags: TopNodeFlags, args: readonly string[]): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io, false);
  try {
    const o = completeTopNode(flags, args);
    validateTopNode(o);
    if (flags.explain) ctx.io.err.write(formatExplain((await import('./explain.js')).explainTopNode(flags, o.resourceName ? [o.resourceName] : [], ctx), ctx.globals));
    const client = await session.client();
    await render(ctx.io, o.extras.color, o.extras.watchMs, (watching) => {
      const readers = watching ? watchedReaders(client, watching) : client;
      return () => topNodeFrame(o, client, readers, readers);
    });
  } finally {
    await session.close();
  }
}
