// `kt top node`: kubectl's RunTopNode — node metrics, then the nodes for allocatable (or capacity).
import type { MetricsSource, NodeReader } from '../../client/api.js';
import { KtError } from '../../errors.js';
import { printNodeMetrics } from '../../format/top.js';
import type { Node, NodeMetrics, ResourceList } from '../../k8s/types.js';
import type { CommandContext } from '../../cli/registry.js';
import type { IO } from '../../cli/io.js';
import { openSession } from '../../cli/session.js';
import { completeTopNode, validateTopNode, type TopNodeFlags, type TopNodeOptions } from './options.js';
import { checkSelectors } from './pod.js';

export async function runTopNode(o: TopNodeOptions, metrics: MetricsSource, nodes: NodeReader, io: IO): Promise<void> {
  checkSelectors(o.labelSelector);
  if (!(await metrics.hasMetricsAPI())) throw new KtError('Metrics API not available');
  const items: NodeMetrics[] = o.resourceName !== ''
    ? [await metrics.getNodeMetrics(o.resourceName)]
    : (await metrics.listNodeMetrics({ labelSelector: o.labelSelector })).items;
  if (items.length === 0) throw new KtError('metrics not available yet');
  const nodeList: Node[] = o.resourceName !== '' ? [await nodes.getNode(o.resourceName)] : (await nodes.listNodes({ labelSelector: o.labelSelector })).items;
  const available = new Map<string, ResourceList | undefined>();
  for (const n of nodeList) available.set(n.metadata?.name ?? '', o.showCapacity ? n.status?.capacity : n.status?.allocatable);
  io.out.write(printNodeMetrics(items, available, { noHeaders: o.noHeaders, sortBy: o.sortBy }));
}

export async function topNode(ctx: CommandContext, flags: TopNodeFlags, args: readonly string[]): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  try {
    const o = completeTopNode(flags, args);
    validateTopNode(o);
    const client = await session.client();
    await runTopNode(o, client, client, ctx.io);
  } finally {
    await session.close();
  }
}
