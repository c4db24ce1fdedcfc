// Resuming a dropped log stream asks the server for lines since the last one's second, in UTC, whatever offset
// the kubelet printed the timestamp in, and delivers each line once however the bytes arrive.
import { describe, expect, it } from 'vitest';
import { resumable, resumeSinceTime, stripTimestamps, timestampKey } from '../../src/follow/resume.js';
import type { LogBody, LogQuery, OpenLog } from '../../src/follow/types.js';

describe('resume from a timestamp', () => {
  it.each([
    ['2026-11-25T10:00:05.123456789Z', '2026-11-25T10:00:05Z'],
    ['2026-11-25T19:00:05.5+09:00', '2026-11-25T10:00:05Z'],
    ['2026-11-25T04:30:59.999999999-05:30', '2026-11-25T10:00:59Z'],
    ['2026-11-25T10:00:05Z', '2026-11-25T10:00:05Z'],
  ])('%s → sinceTime %s', (ts, want) => {
    expect(resumeSinceTime(ts)).toBe(want);
  });

  it('orders timestamps in different offsets by the instant they name', () => {
    expect(timestampKey('2026-11-25T19:00:05.000000001+09:00')! > timestampKey('2026-11-25T10:00:05Z')!).toBe(true);
    expect(resumeSinceTime('not a time')).toBeUndefined();
  });
});

describe('resumable: each line once across drops, whatever the chunks', () => {
  const T = (s: number, ns: number): string => `2026-11-25T10:00:0${s}.${String(ns).padStart(9, '0')}Z`;
  /** A body that yields the chunks, then ends — or fails as a cut connection does. */
  const body = (chunks: string[], cut: boolean): LogBody => ({
    async *[Symbol.asyncIterator]() {
      for (const c of chunks) yield Buffer.from(c);
      if (cut) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    },
    destroy: () => {},
  });

  it('skips what was delivered, also lines sharing the last timestamp, and holds a cut half line back', async () => {
    // Three lines at one instant (timestamps can repeat); the connection drops after two and a half lines.
    const a = `${T(1, 5)} a\n`;
    const b = `${T(1, 5)} b\n`;
    const c = `${T(1, 5)} c\n`;
    const d = `${T(2, 0)} d\n`;
    const streams = [
      body([a.slice(0, 10), a.slice(10) + b, c.slice(0, 12)], true),
      // Reopened from the second: it all comes again, in other chunks, then the container has stopped.
      body([a + b.slice(0, 3), b.slice(3) + c + d.slice(0, 40), d.slice(40)], false),
    ];
    const queries: LogQuery[] = [];
    const open: OpenLog = async (_ns, _pod, query) => (queries.push(query), streams.shift()!);
    let running = true;
    const gen = resumable({ open, namespace: 'n', pod: 'p', query: { container: 'c', follow: true }, signal: new AbortController().signal, stillRunning: async () => ((running = !running), !running), sleep: async () => {} });
    const out: string[] = [];
    for await (const chunk of gen) out.push(chunk.toString());
    expect(out.join('')).toBe(a + b + c + d);
    expect(queries[1]).toEqual({ container: 'c', follow: true, timestamps: true, sinceTime: '2026-11-25T10:00:01Z' });
    expect(gen.state).toEqual({ lastTs: T(2, 0), countAtLast: 1 });
  });

  it('takes the timestamps off byte for byte', () => {
    const line = Buffer.concat([Buffer.from(`${T(1, 5)} caf`), Buffer.from([0xc3, 0xff]), Buffer.from(`\nno stamp here\n${T(2, 0)} \n`)]);
    expect(stripTimestamps(line).equals(Buffer.concat([Buffer.from('caf'), Buffer.from([0xc3, 0xff]), Buffer.from('\nno stamp here\n\n')]))).toBe(true);
  });
});
