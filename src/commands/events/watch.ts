// `kt events -w`. The first request is always kubectl's runWatch: no list first, one watch, the server's initial
// ADDED events in arrival order, DELETED and non-Event objects skipped, each event flushed on its own.
//
// By default (kt's --reconnect) the watch survives: a dropped or closed stream is watched again from the last
// resourceVersion seen, a 410 Gone relists and prints only the events that are new or changed, and no event is
// printed twice; a note on stderr says what happened. With --reconnect=false it is kubectl's exactly: however the
// stream ends — closed, cut or expired — the command ends with exit code 0. Ctrl-C ends either with 1.
import type { KubeClient } from '../../client/api.js';
import { DeadlineError } from '../../client/errors.js';
import { watch, watchNoticeText } from '../../client/watch.js';
import type { IO } from '../../cli/io.js';
import { interruptSignal } from '../../cli/interrupt.js';
import { ExitError } from '../../errors.js';
import { sortEvents } from '../../print/events.js';
import { RESOURCE_TYPES, collectionPath } from '../../k8s/resources.js';
import type { CoreEvent } from '../../k8s/types.js';
import { EventSink, type SinkOptions } from './sink.js';

const EVENTS = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'events')!;

export interface WatchEventsOptions extends SinkOptions {
  namespace: string;
  /** The involvedObject field selector of --for ('' for none). */
  fieldSelector: string;
  reconnect: boolean;
  /** Which events to print (--types, --since). */
  wanted: (e: CoreEvent) => boolean;
}

export interface WatchRunOptions {
  /** Replaces Ctrl-C handling (tests). */
  signal?: AbortSignal;
  /** Waits before reconnecting (tests make it instant). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const isEvent = (o: CoreEvent | undefined): o is CoreEvent => !!o && (o.kind === 'Event' || o.kind === undefined) && 'involvedObject' in o;

export async function watchEvents(o: WatchEventsOptions, client: KubeClient, io: IO, options: WatchRunOptions = {}): Promise<void> {
  const interrupt = options.signal ? { signal: options.signal, release: () => {} } : interruptSignal();
  try {
    const sink = new EventSink(o, io);
    const result = await watch<CoreEvent>(client, {
      path: collectionPath(EVENTS, o.allNamespaces ? undefined : o.namespace),
      ...(o.fieldSelector ? { fieldSelector: o.fieldSelector } : {}),
      from: { resourceVersion: '' },
      firstWatch: 'plain',
      watchQuery: { limit: 500 },
      reconnect: o.reconnect,
      relist: o.reconnect,
      // A relist's new and changed events come oldest first, as a list prints them.
      order: sortEvents,
      onEvent: (c) => {
        if (c.type !== 'DELETED' && isEvent(c.object) && o.wanted(c.object)) sink.printOne(c.object);
      },
      onNotice: (n) => io.err.write(`kt: ${watchNoticeText(n)}\n`),
      signal: interrupt.signal,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    if (interrupt.signal.aborted) throw new ExitError(1);
    // kubectl ignores how its watch ended. A surviving watch ends only on what retrying cannot mend, and says
    // so — except --request-timeout running out, the user's own limit, which ends it quietly as in kubectl.
    if (o.reconnect && result.kind === 'error' && !(result.error instanceof DeadlineError)) throw result.error;
  } finally {
    interrupt.release();
  }
}
