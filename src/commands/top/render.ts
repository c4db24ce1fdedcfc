// Printing a top view once, or again every interval with --watch: redrawn in place on a terminal, appended
// (one table after another) when piped. With --watch the pods and nodes a frame lists are kept current by watches
// (listed once, then changed by events) instead of listed again every interval; the metrics are fetched for every
// frame, since metrics.k8s.io serves no watch (its numbers are computed by metrics-server on each request).
import type { KubeClient, ListOptions, NodeReader, PodReader } from '../../client/api.js';
import { WatchedList } from '../../client/watch.js';
import { collectionPath, RESOURCE_TYPES } from '../../k8s/resources.js';
import type { KubeList, KubeObject, Node, Pod } from '../../k8s/types.js';
import type { IO } from '../../cli/io.js';
import { sleep } from '../../util/sleep.js';
import { interruptSignal, InterruptedError, unlessInterrupted } from '../../cli/interrupt.js';
import { CLEAR_SCREEN, colorsFor, type ColorMode } from '../../print/color.js';

export interface Frame {
  out: string;
  err?: string;
  /** Per line of `out`: over 90 % of a limit (painted red on a terminal). */
  hot?: boolean[];
}

export function paintFrame(frame: Frame, color: ColorMode, io: IO): string {
  if (!frame.hot) return frame.out;
  return colorsFor(color, io.out, io.env).lines(frame.out, frame.hot.map((h) => (h ? 'hot' : undefined)));
}

/**
 * Prints one frame, or one every `watchMs` until Ctrl-C. `frames` builds the frame function once; with --watch it
 * is given the signal that ends the watch (for watchedReaders).
 */
export async function render(io: IO, color: ColorMode, watchMs: number | undefined, frames: (watching: AbortSignal | undefined) => () => Promise<Frame>): Promise<void> {
  if (watchMs === undefined) {
    const f = await frames(undefined)();
    if (f.err) io.err.write(f.err);
    io.out.write(paintFrame(f, color, io));
    return;
  }
  const interrupt = interruptSignal();
  const frame = frames(interrupt.signal);
  try {
    while (!interrupt.signal.aborted) {
      // A slow server must not hold Ctrl-C up: the frame is abandoned, and the process ends.
      const f = await unlessInterrupted(frame(), interrupt);
      const text = paintFrame(f, color, io);
      if (io.out.isTTY) io.out.write(`${CLEAR_SCREEN}${text}`);
      else io.out.write(`${text}\n`);
      if (f.err) io.err.write(f.err);
      await sleep(watchMs, interrupt.signal);
    }
  } catch (e) {
    if (!(e instanceof InterruptedError)) throw e;
  } finally {
    interrupt.release();
  }
}

const PODS = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'pods')!;
const NODES = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'nodes')!;

/**
 * Pods and nodes for a watching top: each list a frame asks for is listed once and then kept by a watch. A watch
 * that ends for good (e.g. RBAC grants list but not watch) falls back to listing for every frame.
 */
export function watchedReaders(client: KubeClient, signal: AbortSignal): PodReader & NodeReader {
  const lists = new Map<string, WatchedList<KubeObject>>();
  const listed = async <T extends KubeObject>(path: string, options: ListOptions, fallback: () => Promise<KubeList<T>>): Promise<KubeList<T>> => {
    const key = JSON.stringify([path, options.labelSelector ?? '', options.fieldSelector ?? '']);
    let list = lists.get(key);
    if (!list) {
      list = new WatchedList(client, { path, ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}), ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}), signal });
      lists.set(key, list);
    }
    if (list.ended) return fallback();
    await list.synced;
    return list.list() as KubeList<T>;
  };
  return {
    listPods: (namespace, options = {}) => listed<Pod>(collectionPath(PODS, namespace), options, () => client.listPods(namespace, options)),
    getPod: (namespace, name) => client.getPod(namespace, name),
    listNodes: (options = {}) => listed<Node>(collectionPath(NODES), options, () => client.listNodes(options)),
    getNode: (name) => client.getNode(name),
  };
}
