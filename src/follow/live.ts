// Following that keeps up with the cluster (kt's --live): pods that appear later are followed, pods that go away
// are dropped, and a container that restarts is followed again after a marker line — optionally preceded by the
// lines of the instance that died that were not shown yet. Every stream resumes after drops (resume.ts).
// Pods arrive through an injected watch; nothing here knows about the API client or the command line.
import { resumable, resumeNotice, type ResumeState } from './resume.js';
import type { LineTransform, LogQuery, OpenLog, Sink, StreamSpec } from './types.js';
import { containerStatus } from '../k8s/pod.js';
import { wholeLines } from './consume.js';

/** The slice of a pod the follower reads. */
export interface LivePod {
  metadata?: { name?: string; namespace?: string; uid?: string; deletionTimestamp?: string };
  status?: {
    containerStatuses?: LiveContainerStatus[];
    initContainerStatuses?: LiveContainerStatus[];
    ephemeralContainerStatuses?: LiveContainerStatus[];
  };
}

export interface LiveContainerStatus {
  name: string;
  containerID?: string;
  restartCount?: number;
  state?: { running?: unknown; waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number; finishedAt?: string } };
  lastState?: { terminated?: { reason?: string; exitCode?: number; finishedAt?: string } };
}

export interface PodEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  pod: LivePod;
}

export interface LiveOptions {
  open: OpenLog;
  sink: Sink;
  /** Writes one output line for a stream; the caller's prefix/filters/JSON live here. Lines carry server timestamps. */
  transform: LineTransform;
  /** Lists then watches the pods to follow, calling `onEvent` for each change, until `signal` aborts. */
  watchPods: (onEvent: (e: PodEvent) => void, signal: AbortSignal) => Promise<void>;
  /** The containers to follow in a pod (in order). */
  containersOf: (pod: LivePod) => string[];
  /** Which pods to follow (e.g. a --match regex); all when absent. */
  accept?: (pod: LivePod) => boolean;
  /** The spec (prefix, base query) for a pod's container. */
  specFor: (pod: LivePod, container: string) => StreamSpec;
  /** The current pod from the server (after a stream ends); undefined when it is gone. */
  getPod: (namespace: string, name: string) => Promise<LivePod | undefined>;
  previousOnRestart: boolean;
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Pod arrivals and departures (`+ pod/x`, `- pod/x`), e.g. to stderr. */
  notice: (line: string) => void;
  /** How many lines of a dead instance to show when none of it was shown before. */
  previousTail?: number;
  /**
   * At most this many container streams at once (--max-log-requests); a pod that would exceed it waits, with a
   * notice, until a followed pod goes away.
   */
  maxStreams?: number;
}

function statusOf(pod: LivePod | undefined, container: string): LiveContainerStatus | undefined {
  return containerStatus(pod, container);
}

const keyOf = (pod: LivePod): string => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;

/** A pod being followed: its latest state and a way to wait for the next change. */
class Tracked {
  pod: LivePod;
  gone = false;
  /** How many container streams this pod holds (counted against --max-log-requests). */
  streams = 0;
  readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  constructor(pod: LivePod) {
    this.pod = pod;
  }
  update(pod: LivePod): void {
    this.pod = pod;
    this.wake();
  }
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
  changed(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** A marker for a restart: container, reason, exit code and time. */
export function restartMarker(container: string, st: LiveContainerStatus): string {
  const t = st.lastState?.terminated;
  return `--- container ${container} restarted (restart ${st.restartCount ?? '?'}): ${t?.reason ?? 'Unknown'}, exit code ${t?.exitCode ?? '?'}, at ${t?.finishedAt ?? 'an unknown time'} ---`;
}

export async function followLive(o: LiveOptions): Promise<void> {
  const tracked = new Map<string, Tracked>();
  const tails: Promise<void>[] = [];
  const inner = new AbortController();
  const all = AbortSignal.any([o.signal, inner.signal]);
  const failure: { error?: unknown } = {};

  const write = async (spec: StreamSpec, raw: Buffer): Promise<void> => {
    const line = raw.toString('utf8');
    const out = o.transform(line.endsWith('\n') ? line.slice(0, -1) : line, spec);
    if (out !== undefined) await o.sink.write(out);
  };

  const followContainer = async (t: Tracked, container: string): Promise<void> => {
    const signal = AbortSignal.any([all, t.controller.signal]);
    let instance: string | undefined;
    let state: ResumeState | undefined;
    let first = true;
    const ns = t.pod.metadata?.namespace ?? '';
    const name = t.pod.metadata?.name ?? '';
    while (!signal.aborted && !t.gone) {
      const st = statusOf(t.pod, container);
      const id = st?.containerID;
      const hasLog = !!st && !!id && (!!st.state?.running || !!st.state?.terminated || !!st.lastState?.terminated);
      if (!hasLog || id === instance) {
        await t.changed(signal);
        continue;
      }
      const spec = o.specFor(t.pod, container);
      if (instance !== undefined && st) {
        // The instance we followed died and another took its place.
        await o.sink.write(`${spec.prefix}${restartMarker(container, st)}\n`);
        if (o.previousOnRestart) {
          const prev: LogQuery = { container, previous: true, timestamps: true };
          if (!state?.lastTs) prev.tailLines = o.previousTail ?? 10;
          const gen = resumable({
            open: o.open, namespace: ns, pod: name, query: prev, signal, stillRunning: async () => false, sleep: o.sleep,
            ...(state?.lastTs ? { after: { ts: state.lastTs, count: state.countAtLast } } : {}),
          });
          try {
            for await (const chunk of gen) for (const line of wholeLines(chunk)) await write(spec, line);
          } catch {
            // the previous instance's log may already be gone; the marker said what happened
          }
        }
      }
      instance = id;
      const query: LogQuery = first ? { ...spec.query, follow: true, timestamps: true } : { container, follow: true, timestamps: true };
      first = false;
      const gen = resumable({
        open: o.open,
        namespace: ns,
        pod: name,
        query,
        signal,
        sleep: o.sleep,
        onResume: (attempt, ts, cause) => o.notice(resumeNotice(name, container, attempt, ts, cause)),
        stillRunning: async () => {
          const p = await o.getPod(ns, name);
          if (!p) return false;
          t.update(p);
          const now = statusOf(p, container);
          return !!now?.state?.running && now.containerID === id;
        },
      });
      state = gen.state;
      try {
        for await (const chunk of gen) for (const line of wholeLines(chunk)) await write(spec, line);
      } catch (e) {
        if (signal.aborted) return;
        if ((e as Error).name === 'SinkClosedError') throw e;
        await o.sink.write(`${spec.prefix}--- ${(e as Error).message} ---\n`);
        await t.changed(signal);
      }
    }
  };

  let streams = 0;
  const waiting = new Map<string, LivePod>();
  const add = (pod: LivePod): void => {
    const containers = o.containersOf(pod);
    if (o.maxStreams !== undefined && streams > 0 && streams + containers.length > o.maxStreams) {
      if (!waiting.has(keyOf(pod))) o.notice(`kt: pod/${pod.metadata?.name} waits: already following ${streams} log streams (--max-log-requests=${o.maxStreams})\n`);
      waiting.set(keyOf(pod), pod);
      return;
    }
    streams += containers.length;
    const t = new Tracked(pod);
    t.streams = containers.length;
    tracked.set(keyOf(pod), t);
    o.notice(`+ pod/${pod.metadata?.name}\n`);
    for (const c of containers) {
      tails.push(
        followContainer(t, c).catch((e: unknown) => {
          if (all.aborted) return;
          failure.error ??= e;
          inner.abort();
        }),
      );
    }
  };

  const watching = o
    .watchPods((e) => {
      const key = keyOf(e.pod);
      const t = tracked.get(key);
      if (e.type === 'DELETED') {
        waiting.delete(key);
        if (t) {
          t.gone = true;
          tracked.delete(key);
          t.controller.abort();
          t.wake();
          streams -= t.streams;
          o.notice(`- pod/${e.pod.metadata?.name}\n`);
          // Room freed: start the pods that were waiting, oldest first.
          for (const [k, pod] of [...waiting]) {
            waiting.delete(k);
            add(pod);
          }
        }
        return;
      }
      if (t) t.update(e.pod);
      else if (waiting.has(key)) waiting.set(key, e.pod);
      else if (!o.accept || o.accept(e.pod)) add(e.pod);
    }, all)
    .catch((e: unknown) => {
      if (!all.aborted) failure.error ??= e;
    });
  await watching;
  // The watch only ends when aborted (or failed): stop every tail and wait for them to let go.
  for (const t of tracked.values()) t.controller.abort();
  await Promise.allSettled(tails);
  if (failure.error) throw failure.error;
}
