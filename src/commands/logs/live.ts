// `kt logs -f --live`: wires the live follower (src/follow/live.ts) to the cluster — a list+watch of the pods a
// selector or workload matches, container choice as kubectl makes it (without its notices), and kt's line format.
import type { IO } from '../../cli/io.js';
import type { KubeClient } from '../../client/api.js';
import { selectorOf } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import { KtError } from '../../errors.js';
import { lineTransform, prefixFor } from '../../follow/format.js';
import { followLive, type LivePod, type PodEvent } from '../../follow/live.js';
import type { Sink } from '../../follow/types.js';
import type { KubeObject, Pod } from '../../k8s/types.js';
import type { ResourceType } from '../../k8s/resources.js';
import type { Extras } from './extras.js';
import type { LogsOptions } from './options.js';
import { containersFor, sortByLogging } from './pods.js';
import { openerFor } from './run.js';
import { sleep } from '../../util/sleep.js';

export interface LiveArgs {
  client: KubeClient;
  o: LogsOptions;
  x: Extras;
  resolved: { kind: 'list'; pods: Pod[] } | { kind: 'object'; type: ResourceType; object: KubeObject };
  namespace: string;
  io: IO;
  sink: Sink;
  signal: AbortSignal;
  verbose: (line: string) => void;
}

export async function runLive(a: LiveArgs): Promise<void> {
  const { client, o, x } = a;
  let namespace = a.namespace;
  let selector = o.selector;
  if (a.resolved.kind === 'object') {
    try {
      selector = selectorOf(a.resolved.type, a.resolved.object);
    } catch (e) {
      throw new KtError((e as Error).message);
    }
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
      // list, then watch from the list's resourceVersion; a watch the server closes is resumed (or re-listed).
      let known = new Map<string, Pod>();
      while (!signal.aborted) {
        const list = await client.listPods(namespace, selector ? { labelSelector: selector } : {});
        const next = new Map<string, Pod>();
        for (const p of sortByLogging(list.items)) {
          next.set(p.metadata?.name ?? '', p);
          onEvent({ type: known.has(p.metadata?.name ?? '') ? 'MODIFIED' : 'ADDED', pod: p });
        }
        for (const [name, p] of known) if (!next.has(name)) onEvent({ type: 'DELETED', pod: p });
        known = next;
        let rv = list.metadata?.resourceVersion;
        try {
          await client.watch<Pod>(
            `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
            { labelSelector: selector || undefined, resourceVersion: rv || undefined, allowWatchBookmarks: undefined },
            (ev) => {
              if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') return;
              const name = ev.object.metadata?.name ?? '';
              rv = ev.object.metadata?.resourceVersion ?? rv;
              if (ev.type === 'DELETED') known.delete(name);
              else known.set(name, ev.object);
              onEvent({ type: ev.type, pod: ev.object });
            },
            signal,
          );
        } catch (e) {
          if (signal.aborted) return;
          a.verbose(`kt: pod watch ended (${(e as Error).message}); listing again\n`);
        }
        if (!signal.aborted) await sleep(500, signal);
      }
    },
  });
}
