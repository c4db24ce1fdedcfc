// Reading a set of log streams the way kubectl 1.32 does: one after another, or — when following more than one —
// all at once with whole lines interleaved. Bytes are copied through untouched unless a prefix or a line transform
// needs lines, so memory stays flat whatever the log size.
import { streamErrorMessage } from '../client/errors.js';
import { SinkClosedError, type LineTransform, type LogBody, type OpenLog, type Sink, type StreamSpec } from './types.js';

export interface ConsumeOptions {
  open: OpenLog;
  sink: Sink;
  /** Several streams are read at once (kubectl: -f with more than one stream). */
  parallel: boolean;
  /** A failed stream becomes the line `error: <message>` on the output instead of ending everything. */
  ignoreErrors: boolean;
  signal: AbortSignal;
  /** Per-line rewriting (filters, JSON records); undefined copies bytes through. */
  transform?: LineTransform;
}

/** The lines of a chunk of whole lines (each keeping its '\n'). */
export function* wholeLines(chunk: Buffer): Generator<Buffer> {
  for (let start = 0; start < chunk.length; ) {
    const nl = chunk.indexOf(10, start);
    const end = nl < 0 ? chunk.length : nl + 1;
    yield chunk.subarray(start, end);
    start = end;
  }
}

/**
 * Re-cuts a byte stream at line ends: every chunk is whole lines, except an unterminated last line, which comes
 * alone and last.
 */
export async function* lineChunks(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  for await (const chunk of body) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = undefined;
    }
    const lastNl = buf.lastIndexOf(10);
    if (lastNl < buf.length - 1) carry = Buffer.from(buf.subarray(lastNl + 1));
    if (lastNl >= 0) yield buf.subarray(0, lastNl + 1);
  }
  if (carry && carry.length > 0) yield carry;
}

/** Splits a byte stream into lines (each keeping its '\n'; a last unterminated line comes out at the end). */
export async function* lines(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const chunk of lineChunks(body)) yield* wholeLines(chunk);
}

/** Serialises writes from concurrent streams so lines never interleave mid-way and back-pressure holds for all. */
function serialSink(sink: Sink): Sink {
  let tail: Promise<void> = Promise.resolve();
  return {
    write(data) {
      const next = tail.then(() => sink.write(data));
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

async function copyStream(spec: StreamSpec, body: LogBody, sink: Sink, transform: LineTransform | undefined, wholeLines: boolean): Promise<void> {
  if (!transform && spec.prefix === '' && !wholeLines) {
    for await (const chunk of body) await sink.write(chunk);
    return;
  }
  const prefix = spec.prefix === '' ? undefined : Buffer.from(spec.prefix, 'utf8');
  for await (const line of lines(body)) {
    if (transform) {
      const hasNl = line[line.length - 1] === 10;
      const text = line.toString('utf8', 0, hasNl ? line.length - 1 : line.length);
      const out = transform(text, spec);
      if (out !== undefined) await sink.write(out);
      continue;
    }
    await sink.write(prefix ? Buffer.concat([prefix, line]) : line);
  }
}

async function readOne(spec: StreamSpec, o: ConsumeOptions, sink: Sink, wholeLines: boolean): Promise<void> {
  let body: LogBody | undefined;
  try {
    body = await o.open(spec.namespace, spec.pod, spec.query, o.signal);
    await copyStream(spec, body, sink, o.transform, wholeLines);
  } catch (e) {
    body?.destroy();
    if (e instanceof SinkClosedError || o.signal.aborted) throw e;
    if (!o.ignoreErrors) throw body ? new Error(streamErrorMessage(e)) : e;
    await sink.write(`error: ${body ? streamErrorMessage(e) : (e as Error).message}\n`);
  }
}

/** Reads every stream; resolves when all have ended, rejects with the first error kubectl would stop on. */
export async function consume(specs: readonly StreamSpec[], o: ConsumeOptions): Promise<void> {
  if (!o.parallel) {
    for (const spec of specs) await readOne(spec, o, o.sink, false);
    return;
  }
  const sink = serialSink(o.sink);
  const inner = new AbortController();
  const onAbort = (): void => inner.abort();
  o.signal.addEventListener('abort', onAbort, { once: true });
  const opts = { ...o, signal: inner.signal };
  try {
    await Promise.all(
      specs.map((s) =>
        readOne(s, opts, sink, true).catch((e: unknown) => {
          inner.abort();
          throw e;
        }),
      ),
    );
  } finally {
    o.signal.removeEventListener('abort', onAbort);
  }
}
