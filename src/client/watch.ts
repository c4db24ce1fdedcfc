// One watch for every command, as client-go's reflector and RetryWatcher do it: list (every page), watch from the
// list's resourceVersion, watch again from the last resourceVersion seen when the connection drops or the server
// ends the watch, relist on 410 Gone and deliver only what changed meanwhile, bookmarks that move the
// resourceVersion on without reaching the caller, a stop signal, and a result that says how it ended. Options turn
// each of these off where a command must do exactly what kubectl does (`kubectl events -w`: one plain watch).
import type { IncomingMessage } from 'node:http';
import { formatGoDuration } from '../go/duration.js';
import type { KubeList, KubeObject, Status } from '../k8s/types.js';
import { sleep as sleepFor } from '../util/sleep.js';
import type { KubeClient } from './api.js';
import { ApiError, DeadlineError, streamErrorMessage } from './errors.js';
import type { HttpRequest } from './transport.js';

/** An event as the apiserver sends it: one JSON object a line. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** A change handed to the caller: read from the watch stream, or worked out from a list. */
export interface WatchChange<T extends KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
  /** 'list': from the first list or a relist after 410 Gone (the difference from what was delivered before). */
  origin: 'list' | 'watch';
}

/** How a watch ended. Only the first request's failure is thrown (the server's answer, as for every API call). */
export type WatchResult =
  /** `onEvent` returned 'stop'. */
  | { kind: 'stopped' }
  /** The signal aborted. */
  | { kind: 'aborted' }
  /** The server ended the watch and reconnecting is off. */
  | { kind: 'closed'; resourceVersion: string }
  /** 410 Gone (an ERROR event carrying a 410 Status, or an HTTP 410) and relisting is off. */
  | { kind: 'expired'; resourceVersion: string }
  /** The connection failed and reconnecting is off, or a failure retrying cannot mend (401, 403, --request-timeout). */
  | { kind: 'error'; error: Error; resourceVersion: string };

/** What happened to a watch that carries on; for notes on stderr (watchNoticeText words them). */
export type WatchNotice =
  | { kind: 'dropped'; error: Error; resourceVersion: string }
  | { kind: 'closed'; resourceVersion: string }
  | { kind: 'expired'; resourceVersion: string }
  | { kind: 'relist-failed'; error: Error };

export interface WatchOptions<T extends KubeObject> {
  /** The collection, e.g. `/api/v1/namespaces/shop/pods`. */
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * 'list' (the default): list first and deliver every item as ADDED, then watch from the list's resourceVersion.
   * `{ resourceVersion }`: watch straight away from it; '' lets the server send its current state as ADDED
   * events first (`kubectl events -w`).
   */
  from?: 'list' | { resourceVersion: string };
  /** The first list's resourceVersion: '0' (the default, as a reflector: served from the watch cache) or ''. */
  listResourceVersion?: string;
  /**
   * 'reflector' (the default): every watch asks for bookmarks and a server-side timeout, as client-go's reflector
   * does. 'plain': the first watch request carries only the selectors, `watchQuery` and the resourceVersion
   * (kubectl's own watches); watches after a reconnect are the reflector's.
   */
  firstWatch?: 'reflector' | 'plain';
  /** Added to every watch request (kubectl events -w sends limit=500). */
  watchQuery?: HttpRequest['query'];
  /** Watch again from the last resourceVersion when the stream drops or the server ends it (default true). */
  reconnect?: boolean;
  /** Relist on 410 Gone and deliver the difference (default true). */
  relist?: boolean;
  /** The order a list's items are delivered in (default: the server's). */
  order?: (items: T[]) => T[];
  /** Each change, each object version once. Returning 'stop' ends the watch (result `stopped`). */
  onEvent: (change: WatchChange<T>) => 'stop' | void;
  /** After the first list and after every relist: what was delivered is the whole collection. */
  onSynced?: () => void;
  onNotice?: (notice: WatchNotice) => void;
  signal?: AbortSignal;
  /** Waits before reconnecting (tests may replace it). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Picks the server-side timeout (client-go: 5 to 10 minutes at random). */
  random?: () => number;
}

/** What a watch needs from the client: its transport and paged lists. */
export type WatchClient = Pick<KubeClient, 'transport' | 'listAll'>;

/** How one watch response ended. */
type StreamEnd = { kind: 'closed' } | { kind: 'dropped'; error: Error } | { kind: 'expired' } | { kind: 'aborted' } | { kind: 'stopped' };

/** Page size of every list, as client-go's pager (kubectl's --chunk-size default). */
const PAGE = 500;
/** client-go's reflector: watches time out on the server after 5 to 10 minutes, then are opened again. */
const MIN_WATCH_TIMEOUT_S = 300;
/** A watch that outlives its server-side timeout by this much is taken for a dead connection. */
const STALL_GRACE_MS = 30_000;

const keyOf = (o: KubeObject): string => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const isNumeric = (rv: string): boolean => /^\d+$/.test(rv);

/** The later of two resourceVersions: etcd's are numbers; an opaque one is taken as the newer. */
function laterRV(current: string, next: string | undefined): string {
  if (!next) return current;
  if (current !== '' && isNumeric(current) && isNumeric(next)) return BigInt(next) > BigInt(current) ? next : current;
  return next;
}

/** Is `next` a version after `known`? (A replayed event is not.) */
function isNewer(next: string | undefined, known: string | undefined): boolean {
  if (!next || !known) return true;
  if (isNumeric(next) && isNumeric(known)) return BigInt(next) > BigInt(known);
  return next !== known;
}

/** Failures a new request may mend: the network, a server that is busy or restarting. */
function retryable(e: Error): boolean {
  if (e instanceof DeadlineError) return false;
  if (e instanceof ApiError) return e.httpCode === 408 || e.httpCode === 429 || e.httpCode >= 500;
  return true;
}

/** Reconnect delay: at once after a watch that delivered something, then 250 ms doubling to 5 s. */
function backoffMs(failures: number): number {
  return failures <= 1 ? 0 : Math.min(5000, 250 * 2 ** Math.min(failures - 2, 5));
}

/** A note for stderr about a watch that carries on. */
export function watchNoticeText(n: WatchNotice): string {
  const from = (rv: string): string => `resourceVersion ${rv === '' ? '""' : rv}`;
  switch (n.kind) {
    case 'dropped':
      return `watch dropped (${n.error.message}); reconnecting from ${from(n.resourceVersion)}`;
    case 'closed':
      return `watch closed; reconnecting from ${from(n.resourceVersion)}`;
    case 'expired':
      return `watch expired (410 Gone) at ${from(n.resourceVersion)}; relisting`;
    case 'relist-failed':
      return `relist failed (${n.error.message}); retrying`;
  }
}

/**
 * Reads one watch response (newline-delimited JSON) and hands each event to `handle` until it returns an end or
 * the stream ends: cleanly (`closed`), cut mid-event or undecodable (`dropped`), or by the signal (`aborted`).
 */
async function readWatchStream<T extends KubeObject>(res: IncomingMessage, handle: (e: WatchEvent<T>) => StreamEnd | undefined, signal: AbortSignal): Promise<StreamEnd> {
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of res) {
      // Lines are split as bytes, so a character cut between two chunks is decoded whole.
      const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
        const line = buf.toString('utf8', start, nl).trim();
        start = nl + 1;
        if (line === '') continue;
        let event: WatchEvent<T>;
        try {
          event = JSON.parse(line) as WatchEvent<T>;
        } catch (e) {
          return { kind: 'dropped', error: new Error(`unable to decode an event from the watch stream: ${(e as Error).message}`) };
        }
        const end = handle(event);
        if (end) return end;
      }
      carry = Buffer.from(buf.subarray(start));
    }
  } catch (e) {
    if (signal.aborted) return { kind: 'aborted' };
    if (e instanceof DeadlineError) return { kind: 'dropped', error: e };
    return { kind: 'dropped', error: new Error(streamErrorMessage(e)) };
  } finally {
    res.destroy();
  }
  if (signal.aborted) return { kind: 'aborted' };
  // A stream that ends inside an event was cut, not closed.
  if (carry.toString('utf8').trim() !== '') return { kind: 'dropped', error: new Error('unexpected EOF') };
  return { kind: 'closed' };
}

/** Lists, then watches; see the file's head. Resolves with how the watch ended. */
export async function watch<T extends KubeObject>(client: WatchClient, o: WatchOptions<T>): Promise<WatchResult> {
  const signal = o.signal ?? new AbortController().signal;
  const reconnect = o.reconnect ?? true;
  const relist = o.relist ?? true;
  const sleep = o.sleep ?? sleepFor;
  const random = o.random ?? Math.random;
  const from = o.from ?? 'list';
  /** What the caller has been given, by namespace/name: the object as last delivered. */
  let known = new Map<string, T>();
  /** `known` is the whole collection (so a DELETED for an object not in it is a replay). */
  let complete = from === 'list' || from.resourceVersion === '';
  let rv = from === 'list' ? '' : from.resourceVersion;
  let failures = 0;
  let progressed = false;
  const deliver = (change: WatchChange<T>): boolean => o.onEvent(change) === 'stop';

  /** Lists every page and delivers the difference from `known`; true when the caller said stop. */
  const list = async (resourceVersion: string): Promise<boolean> => {
    const listed: KubeList<T> = await client.listAll<T>(o.path, {
      ...(o.labelSelector ? { labelSelector: o.labelSelector } : {}),
      ...(o.fieldSelector ? { fieldSelector: o.fieldSelector } : {}),
      limit: PAGE,
      ...(resourceVersion !== '' ? { resourceVersion } : {}),
    });
    // List items come without kind and apiVersion; give them the ones watch events carry.
    const kind = listed.kind?.replace(/List$/, '');
    const items = listed.items.map((i) => (i.kind || !kind ? i : ({ kind, apiVersion: listed.apiVersion, ...i } as T)));
    const fresh = new Map<string, T>();
    for (const item of o.order ? o.order(items) : items) {
      const key = keyOf(item);
      fresh.set(key, item);
      const before = known.get(key);
      if (!before) {
        if (deliver({ type: 'ADDED', object: item, origin: 'list' })) return true;
      } else if (before.metadata?.uid && item.metadata?.uid && before.metadata.uid !== item.metadata.uid) {
        // Deleted and created again under the same name while the watch was away.
        if (deliver({ type: 'DELETED', object: before, origin: 'list' })) return true;
        if (deliver({ type: 'ADDED', object: item, origin: 'list' })) return true;
      } else if (before.metadata?.resourceVersion !== item.metadata?.resourceVersion) {
        if (deliver({ type: 'MODIFIED', object: item, origin: 'list' })) return true;
      }
    }
    for (const [key, before] of known) {
      if (!fresh.has(key) && deliver({ type: 'DELETED', object: before, origin: 'list' })) return true;
    }
    known = fresh;
    complete = true;
    rv = listed.metadata?.resourceVersion || rv;
    o.onSynced?.();
    return false;
  };

  const onWire = (e: WatchEvent<T>): StreamEnd | undefined => {
    if (e.type === 'ERROR') {
      const status = (e.object ?? {}) as Status;
      return status.code === 410 ? { kind: 'expired' } : { kind: 'dropped', error: new ApiError(status, status.code ?? 500) };
    }
    const objectRV = e.object?.metadata?.resourceVersion;
    rv = laterRV(rv, objectRV);
    progressed = true;
    if (e.type === 'BOOKMARK' || !e.object) return undefined;
    const key = keyOf(e.object);
    const before = known.get(key);
    if (e.type === 'DELETED') {
      if (!before && complete) return undefined; // already delivered, by a relist
      known.delete(key);
    } else {
      if (before && !isNewer(objectRV, before.metadata?.resourceVersion)) return undefined; // a replay
      known.set(key, e.object);
    }
    return deliver({ type: e.type, object: e.object, origin: 'watch' }) ? { kind: 'stopped' } : undefined;
  };

  /** Relists until it succeeds (or cannot); undefined to carry on watching. */
  const relistUntilDone = async (): Promise<WatchResult | undefined> => {
    for (;;) {
      try {
        return (await list('')) ? { kind: 'stopped' } : undefined;
      } catch (e) {
        if (signal.aborted) return { kind: 'aborted' };
        if (!retryable(e as Error)) return { kind: 'error', error: e as Error, resourceVersion: rv };
        o.onNotice?.({ kind: 'relist-failed', error: e as Error });
        await sleep(Math.max(250, backoffMs(++failures)), signal);
        if (signal.aborted) return { kind: 'aborted' };
      }
    }
  };

  if (from === 'list') {
    try {
      if (await list(o.listResourceVersion ?? '0')) return { kind: 'stopped' };
    } catch (e) {
      if (signal.aborted) return { kind: 'aborted' };
      throw e;
    }
  }
  let first = true;
  for (;;) {
    if (signal.aborted) return { kind: 'aborted' };
    const plain = first && o.firstWatch === 'plain';
    const timeoutSeconds = plain ? undefined : Math.floor(MIN_WATCH_TIMEOUT_S * (1 + random()));
    const query: HttpRequest['query'] = {
      ...o.watchQuery,
      labelSelector: o.labelSelector || undefined,
      fieldSelector: o.fieldSelector || undefined,
      resourceVersion: rv || undefined,
      allowWatchBookmarks: plain ? undefined : true,
      timeoutSeconds,
      timeout: timeoutSeconds === undefined ? undefined : formatGoDuration(BigInt(timeoutSeconds) * 1_000_000_000n),
      watch: true,
    };
    // A connection that stays silent past the server's own timeout is dead (no FIN ever came): drop it.
    const connection = new AbortController();
    const stall = timeoutSeconds === undefined ? undefined : setTimeout(() => connection.abort(), timeoutSeconds * 1000 + STALL_GRACE_MS);
    const both = AbortSignal.any([signal, connection.signal]);
    const isFirstRequest = first && from !== 'list';
    first = false;
    progressed = false;
    let end: StreamEnd;
    try {
      const res = await client.transport.open({ path: o.path, query, signal: both });
      end = await readWatchStream(res, onWire, both);
    } catch (e) {
      if (signal.aborted) return { kind: 'aborted' };
      if (isFirstRequest) throw e;
      end = e instanceof ApiError && e.httpCode === 410 ? { kind: 'expired' } : { kind: 'dropped', error: e as Error };
    } finally {
      if (stall) clearTimeout(stall);
    }
    if (end.kind === 'aborted') {
      if (signal.aborted) return { kind: 'aborted' };
      end = { kind: 'dropped', error: new Error(`no answer within the watch's timeout of ${timeoutSeconds}s`) };
    }
    if (end.kind === 'stopped') return { kind: 'stopped' };
    if (progressed) failures = 0;
    if (end.kind === 'expired') {
      if (!relist) return { kind: 'expired', resourceVersion: rv };
      o.onNotice?.({ kind: 'expired', resourceVersion: rv });
      const relisted = await relistUntilDone();
      if (relisted) return relisted;
      continue;
    }
    if (end.kind === 'closed') {
      if (!reconnect) return { kind: 'closed', resourceVersion: rv };
      o.onNotice?.({ kind: 'closed', resourceVersion: rv });
    } else {
      if (!reconnect || !retryable(end.error)) return { kind: 'error', error: end.error, resourceVersion: rv };
      o.onNotice?.({ kind: 'dropped', error: end.error, resourceVersion: rv });
    }
    await sleep(backoffMs(++failures), signal);
  }
}

/**
 * A collection kept current by a watch, as client-go's informer store: read `list()` once `synced` has resolved.
 * When the watch ends for good (`ended` is set), the copy is stale and callers should list from the API again.
 */
export class WatchedList<T extends KubeObject> {
  private readonly objects = new Map<string, T>();
  /** Resolves after the first list; rejects with its error when it failed. */
  readonly synced: Promise<void>;
  ended: WatchResult | Error | undefined;

  constructor(client: WatchClient, o: Pick<WatchOptions<T>, 'path' | 'labelSelector' | 'fieldSelector' | 'signal' | 'onNotice'>) {
    let resolve: () => void = () => {};
    let reject: (e: unknown) => void = () => {};
    this.synced = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    this.synced.catch(() => {}); // the reader awaits it; a failure nobody reads is not an unhandled rejection
    watch<T>(client, {
      ...o,
      onEvent: (c) => {
        if (c.type === 'DELETED') this.objects.delete(keyOf(c.object));
        else this.objects.set(keyOf(c.object), c.object);
      },
      onSynced: () => resolve(),
    }).then(
      (r) => {
        this.ended = r;
        reject(new Error(`watch of ${o.path} ended before its first list (${r.kind})`));
      },
      (e: unknown) => {
        this.ended = e as Error;
        reject(e);
      },
    );
  }

  /** The objects, in the apiserver's list order (namespace, then name). */
  list(): KubeList<T> {
    const items = [...this.objects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return { items };
  }
}
