// `kt top pod`: kubectl's RunTopPod — discovery, the metrics API, the pod API only to explain an empty answer —
// plus kt's -o, --resources and --watch views of the same data.
import type { MetricsSource, PodReader } from '../../client/api.js';
import { KtError } from '../../errors.js';
import { formatGoDuration } from '../../go/duration.js';
import { formatExplain } from '../../cli/explain.js';
import { printObject } from '../../print/output.js';
import { printPodMetrics } from '../../print/top.js';
import { podUsageList } from '../../report/top.js';
import { printPodResources } from '../../print/top-resources.js';
import { parseFieldSelector, parseLabelSelector, SelectorError } from '../../k8s/selector.js';
import type { Pod, PodMetrics } from '../../k8s/types.js';
import type { CommandContext } from '../../cli/registry.js';
import type { IO } from '../../cli/io.js';
import { openSession } from '../../cli/session.js';
import { completeTopPod, validateTopPod, type TopPodFlags, type TopPodOptions } from './options.js';
import { render, watchedReaders, type Frame } from './render.js';

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

/** One look at the metrics, kubectl's way; `out` is what kubectl prints on stdout, `err` its stderr notice. */
export async function topPodFrame(o: TopPodOptions, metrics: MetricsSource, pods: PodReader, io: IO): Promise<Frame> {
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
    return { out: '', err: o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n` };
  }
  const { extras } = o;
  if (!extras.output && !extras.resources) {
    return { out: printPodMetrics(items, { containers: o.containers, withNamespace: o.allNamespaces, noHeaders: o.noHeaders, sortBy: o.sortBy, sum: o.sum }) };
  }
  let podObjects: Pod[] = [];
  if (extras.resources) {
    podObjects = o.resourceName !== '' ? [await pods.getPod(o.namespace, o.resourceName)] : (await pods.listPods(o.allNamespaces ? undefined : o.namespace, selectors)).items;
  }
  const report = podUsageList(items, podObjects, { sortBy: o.sortBy, withNamespace: o.allNamespaces, sum: o.sum, resources: extras.resources });
  // -o name: kubectl's `pod/NAME` lines, in table order.
  if (extras.output) return { out: extras.output.kind === 'name' ? report.items.map((i) => `pod/${i.name}\n`).join('') : printObject(report, extras.output) };
  const table = printPodResources(report, { containers: o.containers, withNamespace: o.allNamespaces, noHeaders: o.noHeaders }, io.now());
  return { out: table.text, hot: table.hot };
}

export async function topPod(ctx: CommandContext, flags: TopPodFlags, args: readonly string[]): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  try {
    const o = completeTopPod(flags, args, session.namespace);
    validateTopPod(o);
    if (flags.explain) ctx.io.err.write(formatExplain((await import('./explain.js')).explainTopPod(flags, o.resourceName ? [o.resourceName] : [], ctx), ctx.globals));
    const client = await session.client();
    await render(ctx.io, o.extras.color, o.extras.watchMs, (watching) => {
      const pods = watching ? watchedReaders(client, watching) : client;
      return () => topPodFrame(o, client, pods, ctx.io);
    });
  } finally {
    await session.close();
  }
}
