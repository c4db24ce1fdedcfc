// `kt events -w`. By default exactly kubectl's runWatch: no list first, one watch request, the server's initial
// ADDED events in arrival order, DELETED and non-Event objects (a 410's Status) skipped, each event flushed on its
// own; the stream ending — closed, cut or expired — ends the command with exit code 0, Ctrl-C with 1.
//
// With --reconnect (kt's) the watch survives: a dropped or closed stream is reopened from the last
// resourceVersion seen, a 410 Gone relists and resumes from the list's resourceVersion, and an event already
// printed at the same resourceVersion is never printed again.
import { sleep as sleepUntil } from '../../util/sleep.js';
import type { IncomingMessage } from 'node:http';
import type { KubeClient, WatchEvent } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import type { IO } from '../../cli/io.js';
import { ExitError } from '../../errors.js';
import { sortEvents } from '../../print/events.js';
import { RESOURCE_TYPES, collectionPath } from '../../k8s/resources.js';
import type { CoreEvent, KubeObject, Status } from '../../k8s/types.js';
import { interruptSignal, sinceFilter, type EventsOptions } from './run.js';
import { typeFilter } from './options.js';
import { EventSink } from './sink.js';

const EVENTS = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'events')!;

/** Why a watch stream ended. */
type End = { kind: 'closed' } | { kind: 'dropped'; error: Error } | { kind: 'expired' } | { kind: 'aborted' };

/**
 * Opens one watch and feeds its events to `onEvent` until the stream ends. Errors before the stream opens (HTTP
 * errors, refused connections) are thrown; what happens after is reported as the End.
 */
export async function streamWatch(
  client: KubeClient,
  namespace: string | undefined,
  query: Record<string, string | number | boolean | undefined>,
  onEvent: (e: WatchEvent<KubeObject>) => 'stop' | void,
  signal: AbortSignal,
): Promise<End> {
  const connection = new AbortController();
  const both = AbortSignal.any([signal, connection.signal]);
  let res: IncomingMessage;
  try {
    res = await client.transport.open({ path: collectionPath(EVENTS, namespace), query: { ...query, watch: true }, signal: both });
  } catch (e) {
    if (signal.aborted) return { kind: 'aborted' };
    throw e;
  }
  let buffered = '';
  let stopped = false;
  const deliver = (line: string): void => {
    if (stopped || line.trim() === '') return;
    let parsed: WatchEvent<KubeObject>;
    try {
      parsed = JSON.parse(line) as WatchEvent<KubeObject>;
    } catch {
      return; // client-go's decoder would end the watch; a half line here only happens on a cut stream
    }
    if (onEvent(parsed) === 'stop') {
      stopped = true;
      connection.abort();
    }
  };
  try {
    for await (const chunk of res) {
      buffered += (chunk as Buffer).toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        deliver(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (stopped) break;
      }
      if (stopped) break;
    }
  } catch (e) {
    if (signal.aborted) return { kind: 'aborted' };
    if (!stopped) return { kind: 'dropped', error: e as Error };
  } finally {
    res.destroy();
  }
  if (signal.aborted) return { kind: 'aborted' };
  if (stopped) return { kind: 'expired' };
  // A stream that ends without its final newline was cut mid-event.
  if (buffered.trim() !== '') return { kind: 'dropped', error: new Error('unexpected EOF') };
  return { kind: 'closed' };
}

const isEvent = (o: KubeObject | undefined): o is CoreEvent => !!o && (o.kind === 'Event' || o.kind === undefined) && 'involvedObject' in o;

export async function watchEvents(o: EventsOptions, client: KubeClient, io: IO, options: WatchRunOptions = {}): Promise<void> {
  const interrupt = options.signal ? { signal: options.signal, release: () => {} } : interruptSignal();
  try {
    const sink = new EventSink(o, io);
    const byType = typeFilter(o.filterTypes);
    const recent = sinceFilter(o.sinceMs, io.now());
    const namespace = o.allNamespaces ? undefined : o.namespace;
    const query = { fieldSelector: o.fieldSelector || undefined, limit: 500 };
    const wanted = (e: CoreEvent): boolean => byType(e.type) && recent(e);
    if (!o.reconnect) {
      await streamWatch(client, namespace, query, (ev) => {
        if (ev.type === 'DELETED' || !isEvent(ev.object)) return;
        if (wanted(ev.object)) sink.printOne(ev.object);
      }, interrupt.signal);
    } else {
      await survivingWatch(client, namespace, query, wanted, sink, io, interrupt.signal, options);
    }
    if (interrupt.signal.aborted) throw new ExitError(1);
  } finally {
    interrupt.release();
  }
}

export interface WatchRunOptions {
  /** Replaces Ctrl-C handling (tests). */
  signal?: AbortSignal;
  /** Waits before reconnecting (tests make it instant). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}


/** The larger of two resourceVersions when both are numbers (etcd's are); otherwise the newer one seen. */
function laterRV(current: string | undefined, next: string | undefined): string | undefined {
  if (!next) return current;
  if (!current) return next;
  if (/^\d+$/.test(current) && /^\d+$/.test(next)) return BigInt(next) > BigInt(current) ? next : current;
  return next;
}

async function survivingWatch(
  client: KubeClient,
  namespace: string | undefined,
  query: Record<string, string | number | undefined>,
  wanted: (e: CoreEvent) => boolean,
  sink: EventSink,
  io: IO,
  signal: AbortSignal,
  options: WatchRunOptions,
): Promise<void> {
  const sleep = options.sleep ?? sleepUntil;
  /** What has been printed: object identity → the resourceVersion printed. */
  const printed = new Map<string, string>();
  const keyOf = (e: CoreEvent): string => e.metadata?.uid || `${e.metadata?.namespace ?? ''}/${e.metadata?.name ?? ''}`;
  const show = (e: CoreEvent): void => {
    const key = keyOf(e);
    const rv = e.metadata?.resourceVersion ?? '';
    if (rv !== '' && printed.get(key) === rv) return;
    printed.set(key, rv);
    if (wanted(e)) sink.printOne(e);
  };
  const notice = (text: string): void => io.err.write(`kt: ${text}\n`);
  let rv: string | undefined;
  let failures = 0;
  let connected = false;
  for (;;) {
    let end: End;
    try {
      end = await streamWatch(client, namespace, { ...query, resourceVersion: rv, allowWatchBookmarks: rv ? true : undefined }, (ev) => {
        if (ev.type === 'ERROR') {
          const status = ev.object as Status;
          return status.code === 410 ? 'stop' : undefined;
        }
        rv = laterRV(rv, ev.object?.metadata?.resourceVersion);
        failures = 0;
        if (ev.type === 'BOOKMARK' || ev.type === 'DELETED' || !isEvent(ev.object)) return;
        show(ev.object);
      }, signal);
      connected = true;
    } catch (e) {
      if (e instanceof ApiError && e.httpCode === 410) end = { kind: 'expired' };
      else if (!connected && e instanceof ApiError) throw e; // the first request failing is the answer
      else end = { kind: 'dropped', error: e as Error };
    }
    if (end.kind === 'aborted' || signal.aborted) return;
    if (end.kind === 'expired') {
      notice(`watch expired (410 Gone) at resourceVersion ${rv ?? '""'}; relisting`);
      const list = await client.listEvents(namespace, { fieldSelector: query.fieldSelector as string | undefined });
      for (const e of sortEvents(list.items)) show(e);
      rv = list.metadata?.resourceVersion || rv;
      continue;
    }
    failures++;
    const delay = Math.min(5000, 250 * 2 ** Math.min(failures - 1, 5));
    notice(`watch ${end.kind === 'closed' ? 'closed' : `dropped (${end.error.message})`}; reconnecting from resourceVersion ${rv ?? '""'}`);
    await sleep(failures === 1 ? 0 : delay, signal);
    if (signal.aborted) return;
  }
}
