// A log stream that survives being dropped. The server is asked for timestamps; when the stream ends while the
// container still runs (an EOF from a proxy, a reset, log rotation), it is reopened from the last timestamp seen
// and lines already delivered are skipped — so no line is lost and none repeats.
import { streamErrorMessage } from '../client/errors.js';
import { lines } from './consume.js';
import type { LogBody, LogQuery, OpenLog } from './types.js';

/** `2026-11-25T10:00:00.123456789Z msg` → nanoseconds since the epoch (bigint), or undefined. */
export function timestampKey(ts: string): bigint | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(ts);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/**
 * The sinceTime to resume from: the last line's second, in UTC. A kubelet prints timestamps in the offset the
 * runtime wrote (`…T19:00:05.5+09:00`); cutting the text at 19 characters would ask from nine hours later.
 */
export function resumeSinceTime(lastTs: string): string | undefined {
  const key = timestampKey(lastTs);
  if (key === undefined) return undefined;
  return `${new Date(Number(key / 1_000_000_000n) * 1000).toISOString().slice(0, 19)}Z`;
}

/** A timestamped line's timestamp and where its text starts (bytes), or undefined for a line without one. */
export function timestampPrefix(line: Uint8Array): { ts: string; textStart: number } | undefined {
  // RFC3339Nano with an offset is at most 35 characters.
  const sp = line.subarray(0, 40).indexOf(32);
  if (sp <= 0) return undefined;
  const ts = Buffer.from(line.buffer, line.byteOffset, sp).toString('latin1');
  return timestampKey(ts) === undefined ? undefined : { ts, textStart: sp + 1 };
}

/** Splits a timestamped line (`<RFC3339Nano> <text>`) into its timestamp and the text. */
export function splitTimestamp(line: string): { ts: string; text: string } | undefined {
  const sp = line.indexOf(' ');
  if (sp <= 0) return undefined;
  const ts = line.slice(0, sp);
  return timestampKey(ts) === undefined ? undefined : { ts, text: line.slice(sp + 1) };
}

export interface ResumeOptions {
  open: OpenLog;
  namespace: string;
  pod: string;
  /** The first request; `timestamps` is forced on, and later requests use `sinceTime` instead of tail/since. */
  query: LogQuery;
  signal: AbortSignal;
  /** Asked after the stream ends: is the same container instance still running (so the end was a drop)? */
  stillRunning: () => Promise<boolean>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told about each resume (for -v style diagnostics); optional. */
  onResume?: (attempt: number, fromTs: string | undefined, cause: string) => void;
  /** Where to start instead of query's tail/since: skip lines up to and including this many at this timestamp. */
  after?: { ts: string; count: number };
}

/** The note (for stderr) that a stream is being resumed. */
export function resumeNotice(pod: string, container: string, attempt: number, fromTs: string | undefined, cause: string): string {
  return `kt: resuming pod/${pod}/${container} after ${cause} from ${fromTs ?? 'the start'} (attempt ${attempt})\n`;
}

/** The progress a resumable stream has made, readable by its owner (for resuming again later, e.g. on restart). */
export interface ResumeState {
  lastTs: string | undefined;
  /** How many lines carried exactly `lastTs` (timestamps can repeat; those lines must not repeat). */
  countAtLast: number;
}

/**
 * Yields whole timestamped lines (each `<ts> <text>\n`, the bytes as the server sent them), resuming after drops.
 * An unterminated last line is held back until the end is known to be final, since a cut may have split it.
 */
export function resumable(o: ResumeOptions, state: ResumeState = { lastTs: o.after?.ts, countAtLast: o.after?.count ?? 0 }): AsyncGenerator<Buffer> & { state: ResumeState } {
  const gen = (async function* (): AsyncGenerator<Buffer> {
    let attempt = 0;
    let first = o.after === undefined;
    for (;;) {
      const query: LogQuery = first
        ? { ...o.query, timestamps: true }
        : (() => {
            const q: LogQuery = { ...o.query, timestamps: true };
            delete q.tailLines;
            delete q.sinceSeconds;
            delete q.sinceTime;
            delete q.limitBytes;
            // sinceTime has whole seconds on the wire: ask from the second of the last line, then skip what was seen.
            if (state.lastTs) q.sinceTime = resumeSinceTime(state.lastTs);
            return q;
          })();
      first = false;
      const lastKey = state.lastTs ? timestampKey(state.lastTs) : undefined;
      let skipAtLast = state.countAtLast;
      let progressed = false;
      let held: Buffer | undefined;
      let cause = 'EOF';
      let body: LogBody | undefined;
      try {
        body = await o.open(o.namespace, o.pod, query, o.signal);
        for await (const line of lines(body)) {
          if (line[line.length - 1] !== 10) {
            held = line;
            continue;
          }
          const parts = timestampPrefix(line);
          if (parts && lastKey !== undefined) {
            const key = timestampKey(parts.ts)!;
            if (key < lastKey) continue;
            if (key === lastKey && skipAtLast > 0) {
              skipAtLast--;
              continue;
            }
          }
          if (parts) {
            if (parts.ts === state.lastTs) state.countAtLast++;
            else {
              state.lastTs = parts.ts;
              state.countAtLast = 1;
            }
          }
          progressed = true;
          yield line;
        }
      } catch (e) {
        if (o.signal.aborted) return;
        body?.destroy();
        // Errors before the stream opened (the server's answer) are not drops: they go to the caller.
        if (!body) throw e;
        // --request-timeout running out is the user's limit, not a drop: it ends the follow as it ends kubectl's.
        if ((e as Error).name === 'DeadlineError') throw e;
        cause = streamErrorMessage(e) || 'stream error';
      }
      if (o.signal.aborted) return;
      const running = await o.stillRunning().catch(() => false);
      if (!running) {
        if (held !== undefined) yield held;
        return;
      }
      attempt = progressed ? 1 : attempt + 1;
      o.onResume?.(attempt, state.lastTs, cause);
      // Back off only when reopening brings nothing new.
      if (attempt > 1) await o.sleep(Math.min(5000, 250 * 2 ** (attempt - 2)), o.signal);
      if (o.signal.aborted) return;
    }
  })();
  return Object.assign(gen, { state });
}
