// The follow core over kt's API client: KubeClient as the core's way to open a log, and an opener whose streams
// resume after drops (kt's --resume, on by default) while looking to the reader exactly like the plain ones.
import type { KubeClient } from '../client/api.js';
import { containerStatus } from '../k8s/pod.js';
import { sleep } from '../util/sleep.js';
import { resumable, resumeNotice, stripTimestamps } from './resume.js';
import type { LogBody, OpenLog } from './types.js';

/** The follow core's way to open a log, over kt's client. */
export function openerFor(client: KubeClient): OpenLog {
  return async (namespace, pod, query, signal) => {
    const res = await client.streamPodLog(namespace, pod, query, signal);
    return res as unknown as LogBody;
  };
}

/** Is this container instance (by containerID) still running? A stream that ended while it is was dropped. */
export function instanceRunning(client: KubeClient, namespace: string, pod: string, container: string, containerID: string | undefined): () => Promise<boolean> {
  return async () => {
    const p = await client.getPod(namespace, pod);
    const st = containerStatus(p, container);
    return !!st?.state?.running && (containerID === undefined || st.containerID === containerID);
  };
}

export interface ResumingOptions {
  /** The streams to resume, by `namespace/pod/container`, with the container instance followed; others open plainly. */
  resume: ReadonlyMap<string, string | undefined>;
  /**
   * Keep the server's timestamps on the lines (--timestamps, or a line format that needs them). Otherwise they
   * are taken off again, byte for byte, and the stream reads as one asked for without timestamps.
   */
  keepTimestamps: boolean;
  /** A note for each resume (stderr). */
  notice: (line: string) => void;
}

/** Wraps an opener so the streams named in `o.resume` resume after drops. */
export function resumingOpener(client: KubeClient, open: OpenLog, o: ResumingOptions): OpenLog {
  return async (namespace, pod, query, signal) => {
    const key = `${namespace}/${pod}/${query.container}`;
    if (!o.resume.has(key)) return open(namespace, pod, query, signal);
    const gen = resumable({
      open,
      namespace,
      pod,
      query,
      signal,
      stillRunning: instanceRunning(client, namespace, pod, query.container, o.resume.get(key)),
      sleep,
      onResume: (attempt, ts, cause) => o.notice(resumeNotice(pod, query.container, attempt, ts, cause)),
    });
    const shape = (chunk: Buffer): Buffer => (o.keepTimestamps ? chunk : stripTimestamps(chunk));
    // The first request's errors (the server's answer) surface here, as kubectl's would.
    const first = await gen.next();
    let pending: IteratorResult<Buffer> | undefined = first;
    const body: LogBody = {
      async *[Symbol.asyncIterator]() {
        if (pending && !pending.done) yield shape(pending.value);
        pending = undefined;
        for (;;) {
          const r = await gen.next();
          if (r.done) return;
          yield shape(r.value);
        }
      },
      destroy: () => void gen.return(undefined),
    };
    return body;
  };
}
