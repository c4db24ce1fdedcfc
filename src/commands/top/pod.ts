// `kt top pod`: kubectl's RunTopPod — discovery, the metrics API, the pod API only to explain an empty answer.
import type { MetricsSource, PodReader } from '../../client/api.js';
import { KtError } from '../../errors.js';
import { formatGoDuration } from '../../format/duration.js';
import { printPodMetrics } from '../../format/top.js';
import { parseFieldSelector, parseLabelSelector, SelectorError } from '../../k8s/selector.js';
import type { Pod, PodMetrics } from '../../k8s/types.js';
import type { CommandContext } from '../../cli/registry.js';
import type { IO } from '../../cli/io.js';
import { openSession } from '../../cli/session.js';
import { completeTopPod, validateTopPod, type TopPodFlags, type TopPodOptions } from './options.js';

/** Pods younger than this may not have metrics yet (kubectl's metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

export function checkSelectors(labelSelector: string, fieldSelector?: string): void {
  try {
    parseLabelSelector(labelSelector);
    if (fieldSelector !== undefined) parseFieldSelector(fieldSelector);
  } catch (e) {
    if (e instanceof SelectorError) throw new KtError(e.message);
    throw e;
  }
}

function checkPodAge(pod: Pod, now: number): void {
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '');
  const ageMs = now - created;
  if (ageMs > METRICS_CREATION_DELAY_MS) {
    const ns = BigInt(Math.round(ageMs)) * 1_000_000n;
    throw new KtError(`Metrics not available for pod ${pod.metadata?.namespace}/${pod.metadata?.name}, age: ${formatGoDuration(ns)}`);
  }
}

export async function runTopPod(o: TopPodOptions, metrics: MetricsSource, pods: PodReader, io: IO): Promise<void> {
  checkSelectors(o.labelSelector, o.fieldSelector);
  if (!(await metrics.hasMetricsAPI())) throw new KtError('Metrics API not available');
  const selectors = { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector };
  let items: PodMetrics[];
  if (o.resourceName !== '') {
    items = [await metrics.getPodMetrics(o.namespace, o.resourceName)];
  } else {
    items = (await metrics.listPodMetrics(o.allNamespaces ? undefined : o.namespace, selectors)).items;
  }
  if (items.length === 0) {
    // Explain the empty answer. kubectl asks in the context namespace even with -A; so do we.
    if (o.resourceName !== '') {
      checkPodAge(await pods.getPod(o.namespace, o.resourceName), io.now());
      throw new KtError('metrics not available yet');
    }
    const list = await pods.listPods(o.namespace, selectors);
    if (list.items.length > 0) {
      for (const p of list.items) checkPodAge(p, io.now());
      throw new KtError('metrics not available yet');
    }
    io.err.write(o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`);
    return;
  }
  io.out.write(printPodMetrics(items, { containers: o.containers, withNamespace: o.allNamespaces, noHeaders: o.noHeaders, sortBy: o.sortBy, sum: o.sum }));
}

export async function topPod(ctx: CommandContext, flags: TopPodFlags, args: readonly string[]): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  try {
    const o = completeTopPod(flags, args, session.namespace);
    validateTopPod(o);
    const client = await session.client();
    await runTopPod(o, client, client, ctx.io);
  } finally {
    await session.close();
  }
}
