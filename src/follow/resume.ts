// A log stream that survives being dropped. The server is asked for timestamps; when the stream ends while the
// container still runs (an EOF from a proxy, a reset, log rotation), it is reopened from the last timestamp seen
// and lines already delivered are skipped — so no line is lost and none repeats.
import { streamErrorMessage } from '../client/errors.js';
import { formatRFC3339, tryParseRFC3339 } from '../go/time.js';
import { lineChunks } from './consume.js';
import type { LogBody, LogQuery, OpenLog } from './types.js';

/** A kubelet timestamp (`2026-11-25T10:00:00.123456789Z`) → nanoseconds since the epoch (bigint), or undefined. */
export function timestampKey(ts: string): bigint | undefined {
  return tryParseRFC3339(ts);
}

/**
 * The sinceTime to resume from: the last line's second, in UTC. A kubelet prints timestamps in the offset the
 * runtime wrote (`…T19:00:05.5+09:00`); cutting the text at 19 characters would ask from nine hours later.
 */
export function resumeSinceTime(lastTs: string): string | undefined {
  const key = timestampKey(lastTs);
  return key === undefined ? undefined : formatRFC3339(key);
}

/**
 * Where a timestamped line's stamp ends (the index of the space after it), judged by its shape
 * (`2026-01-01T10:00:00`, a fraction, `Z` or an offset): cheap enough for every line of a large log. -1: none.
 */
function stampEnd(buf: Buffer, start: number, end: number): number {
  if (end - start < 21 || buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d || buf[start + 10] !== 0x54 || buf[start + 13] !== 0x3a || buf[start + 16] !== 0x3a) return -1;
  const sp = buf.indexOf(0x20, start + 19);
  // RFC3339Nano with an offset is at most 35 characters.
  return sp < 0 || sp >= end || sp - start > 35 ? -1 : sp;
}

/** A line's timestamp, or undefined for a line without one. */
function stampOf(buf: Buffer, start: number, end: number): string | undefined {
  const sp = stampEnd(buf, start, end);
  return sp < 0 ? undefined : buf.toString('latin1', start, sp);
}

/** Takes the timestamps kt asked the server for off every line of a chunk of whole lines, byte for byte. */
export function stripTimestamps(chunk: Buffer): Buffer {
  const out = Buffer.allocUnsafe(chunk.length);
  let n = 0;
  for (let start = 0; start < chunk.length; ) {
    const nl = chunk.indexOf(10, start);
    const end = nl < 0 ? chunk.length : nl + 1;
    const sp = stampEnd(chunk, start, end);
    n += chunk.copy(out, n, sp < 0 ? start : sp + 1, end);
    start = end;
  }
  return out.subarray(0, n);
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
 * Yields chunks of whole timestamped lines (each `<ts> <text>\n`, the bytes as the server sent them), resuming
 * after drops. Lines are looked at one by one only where a resumed stream repeats what was delivered; otherwise a
 * chunk passes as it came, and only its last lines are read (for where to resume from). An unterminated last line
 * is held back until the end is known to be final, since a cut may have split it.
 */
export function resumable(o: ResumeOptions, state: ResumeState = { lastTs: o.after?.ts, countAtLast: o.after?.count ?? 0 }): AsyncGenerator<Buffer> & { state: ResumeState } {
  /** Notes the last line of a chunk (and how many before it share its timestamp) as where to resume from. */
  /** Where the line that ends at `end` starts. */
  const lineStart = (buf: Buffer, end: number): number => (end < 2 ? 0 : buf.lastIndexOf(10, end - 2) + 1);
  const record = (whole: Buffer): void => {
    let end = whole.length;
    let start = lineStart(whole, end);
    const ts = stampOf(whole, start, end);
    if (ts === undefined) return;
    let count = 1;
    for (;;) {
      if (start === 0) {
        // Every line of the chunk has this timestamp: the count goes on from the chunk before.
        if (ts === state.lastTs) count += state.countAtLast;
        break;
      }
      end = start;
      start = lineStart(whole, end);
      if (stampOf(whole, start, end) !== ts) break;
      count++;
    }
    state.lastTs = ts;
    state.countAtLast = count;
  };

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
      /** Lines up to the last one delivered are being skipped (a resumed stream starts at that line's second). */
      let skipping = lastKey !== undefined;
      /** The offset of the first line in `whole` not delivered before; ends the skipping. */
      const firstNew = (whole: Buffer): number => {
        for (let start = 0; start < whole.length; ) {
          const end = whole.indexOf(10, start) + 1;
          const ts = stampOf(whole, start, end);
          const key = ts === undefined ? undefined : timestampKey(ts);
          if (key !== undefined && (key < lastKey! || (key === lastKey && skipAtLast > 0))) {
            if (key === lastKey) skipAtLast--;
            start = end;
            continue;
          }
          skipping = false;
          return start;
        }
        return whole.length;
      };
      let progressed = false;
      let held: Buffer | undefined;
      let cause = 'EOF';
      let body: LogBody | undefined;
      try {
        body = await o.open(o.namespace, o.pod, query, o.signal);
        for await (let whole of lineChunks(body)) {
          if (whole[whole.length - 1] !== 10) {
            held = whole; // the last, unterminated line
            continue;
          }
          if (skipping) whole = whole.subarray(firstNew(whole));
          if (whole.length === 0) continue;
          record(whole);
          progressed = true;
          yield whole;
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
