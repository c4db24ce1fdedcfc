// The simulated apiserver's watch: the initial state or the changes since a resourceVersion, then every change
// as it happens, as the watch cache serves them — objects entering or leaving the selector as ADDED or DELETED,
// 410 Gone for a resourceVersion older than the store's history, bookmarks for watches that ask for them (about
// once a minute, before the watch's own timeout, and after sendInitialEvents' initial state), and the end at
// timeoutSeconds.
import type { ServerResponse } from 'node:http';
import { groupVersion, type ResourceType } from '../k8s/resources.js';
import type { KubeObject } from '../k8s/types.js';
import type { SimCluster } from './cluster.js';
import type { StoredEvent } from './store.js';

export interface WatchRequest {
  type: ResourceType;
  /** undefined: every namespace (or a cluster-scoped type). */
  namespace: string | undefined;
  /** The request's label and field selectors. */
  matches: (o: KubeObject) => boolean;
  /** An object as it goes on the wire (typed, or as a Table). */
  encode: (o: KubeObject) => unknown;
  query: URLSearchParams;
}

export function serveWatch(cluster: SimCluster, res: ServerResponse, w: WatchRequest): void {
  const q = w.query;
  const inScope = (o: KubeObject): boolean => (w.namespace === undefined || o.metadata?.namespace === w.namespace) && w.matches(o);
  const rvParam = q.get('resourceVersion') ?? '';
  const bookmarks = q.get('allowWatchBookmarks') === 'true' || q.get('allowWatchBookmarks') === '1';
  const initialEvents = q.get('sendInitialEvents') === 'true';
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // The apiserver answers a watch at once; clients wait for the headers before they wait for events.
  res.flushHeaders();
  const send = (type: string, obj: KubeObject): void => void res.write(`${JSON.stringify({ type, object: w.encode(obj) })}\n`);
  // A bookmark, as the watch cache sends one: an object of the watched kind carrying only the latest
  // resourceVersion (and, after sendInitialEvents' initial state, the annotation that marks its end).
  const bookmark = (initialEventsEnd: boolean): void => {
    if (res.writableEnded || res.destroyed) return;
    const metadata = { resourceVersion: String(cluster.store.currentRevision), ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}) };
    res.write(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: w.type.kind, apiVersion: groupVersion(w.type), metadata } })}\n`);
  };
  // An object that starts or stops matching the selector is ADDED or DELETED.
  const deliver = (e: StoredEvent): void => {
    const now = inScope(e.object);
    const before = e.type === 'MODIFIED' && e.previous ? inScope(e.previous) : now;
    if (e.type === 'MODIFIED' && now !== before) send(now ? 'ADDED' : 'DELETED', e.object);
    else if (now) send(e.type, e.object);
  };
  if (initialEvents || rvParam === '' || rvParam === '0') {
    for (const o of cluster.store.list(w.type, w.namespace)) if (w.matches(o)) send('ADDED', o);
    if (initialEvents && bookmarks) bookmark(true);
  } else {
    const changes = cluster.store.changesSince(w.type, Number(rvParam));
    if (!changes) {
      res.end(`${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rvParam} (${cluster.store.oldestRevision})`, reason: 'Expired', code: 410 } })}\n`);
      return;
    }
    for (const c of changes) deliver(c);
  }
  const unsubscribe = cluster.store.subscribe(w.type, deliver);
  const timers: NodeJS.Timeout[] = [];
  const timeout = Number(q.get('timeoutSeconds') ?? '0');
  if (timeout > 0) timers.push(setTimeout(() => res.end(), timeout * 1000));
  const now = (): void => bookmark(false);
  if (bookmarks) {
    // The watch cache's rule: about once a minute, and at least once shortly before the watch's own timeout.
    timers.push(setInterval(now, cluster.bookmarkIntervalMs));
    if (timeout > 2) timers.push(setTimeout(now, (timeout - 2) * 1000));
    cluster.bookmarkers.add(now);
  }
  res.on('close', () => {
    unsubscribe();
    cluster.bookmarkers.delete(now);
    for (const t of timers) clearTimeout(t);
  });
}
