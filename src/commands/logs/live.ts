// `kt logs -f --live`: wires the live follower (src/follow/live.ts) to the cluster — a list+watch of the pods a
// selector or workload matches, container choice as kubectl makes it (without its notices), and kt's line format.
import type { IO } from '../../cli/io.js';
import type { KubeClient } from '../../client/api.js';
import { podSelectorOf } from '../../k8s/target.js';
import { ApiError } from '../../client/errors.js';
import { KtError } from '../../errors.js';
import { lineTransform, prefixFor } from '../../follow/format.js';
import { followLive, type LivePod, type PodEvent } from '../../follow/live.js';
import type { Sink } from '../../follow/types.js';
import type { KubeObject, Pod } from '../../k8s/types.js';
import { RESOURCE_TYPES, collectionPath, type ResourceType } from '../../k8s/resources.js';
import type { Extras } from './extras.js';
import type { LogsOptions } from './options.js';
import { containersFor, LOGS_ACTION, sortByLogging } from './pods.js';
import { openerFor } from '../../follow/client.js';
import { watch, watchNoticeText } from '../../client/watch.js';
import { sleep } from '../../util/sleep.js';

const PODS = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'pods')!;

export interface LiveArgs {
  client: KubeClient;
  o: LogsOptions;
  x: Extras;
  resolved: { kind: 'list'; pods: Pod[] } | { kind: 'object'; type: ResourceType; object: KubeObject };
  namespace: string;
  io: IO;
  sink: Sink;
  signal: AbortSignal;
}

export async function runLive(a: LiveArgs): Promise<void> {
  const { client, o, x } = a;
  let namespace = a.namespace;
  let selector = o.selector;
  if (a.resolved.kind === 'object') {
    selector = podSelectorOf(a.resolved.type, a.resolved.object, LOGS_ACTION);
    namespace = a.resolved.object.metadata?.namespace ?? namespace;
  }
  const choice = { container: o.query.container, allContainers: o.allContainers, allPods: true };
  const transform = lineTransform({
    include: x.include,
    exclude: x.exclude,
    highlight: x.highlight,
    color: x.color,
    json: x.json,
    serverTimestamps: true,
    showTimestamps: o.query.timestamps,
  })!;
  await followLive({
    open: openerFor(client),
    sink: a.sink,
    transform,
    signal: a.signal,
    sleep,
    previousOnRestart: x.previousOnRestart,
    maxStreams: o.maxLogRequests,
    notice: (line) => a.io.err.write(line),
    ...(x.match ? { accept: (p: LivePod) => x.match!.test(p.metadata?.name ?? '') } : {}),
    containersOf: (pod) => {
      try {
        return containersFor(pod as Pod, choice, () => undefined).map((t) => t.container);
      } catch (e) {
        a.io.err.write(`kt: ${(e as Error).message}\n`);
        return [];
      }
    },
    specFor: (pod, container) => ({
      namespace: pod.metadata?.namespace ?? namespace,
      pod: pod.metadata?.name ?? '',
      container,
      prefix: prefixFor(pod.metadata?.name ?? '', container, x.color),
      query: { ...o.query, container, follow: true, timestamps: true },
    }),
    getPod: async (ns, name) => {
      try {
        return await client.getPod(ns, name);
      } catch (e) {
        if (e instanceof ApiError && e.httpCode === 404) return undefined;
        throw e;
      }
    },
    watchPods: async (onEvent: (e: PodEvent) => void, signal: AbortSignal) => {
      // A reflector's list and watch: it survives drops, relists after 410 Gone and reports only real changes.
      const ended = await watch<Pod>(client, {
        path: collectionPath(PODS, namespace),
        ...(selector ? { labelSelector: selector } : {}),
        order: sortByLogging,
        onEvent: (c) => onEvent({ type: c.type, pod: c.object }),
        onNotice: (n) => a.io.err.write(`kt: pod ${watchNoticeText(n)}\n`),
        signal,
      });
      if (ended.kind === 'error') throw ended.error;
    },
  });
}
