// The resuming opener (src/follow/client.ts) on its own: a stream that drops is reopened from its last timestamp,
// and the reader gets exactly the bytes a stream that never dropped would have given it — invalid UTF-8, a last
// line without a newline, timestamps taken off (or kept for --timestamps) — each line once.
import { describe, expect, it } from 'vitest';
import type { KubeClient } from '../../src/client/api.js';
import { resumingOpener } from '../../src/follow/client.js';
import type { LogBody, LogQuery, OpenLog } from '../../src/follow/types.js';
import type { Pod } from '../../src/k8s/types.js';

const running: Pod = { metadata: { name: 'p', namespace: 'ns' }, status: { containerStatuses: [{ name: 'c', containerID: 'cid-1', state: { running: {} } }] } };
const stopped: Pod = { metadata: { name: 'p', namespace: 'ns' }, status: { containerStatuses: [{ name: 'c', containerID: 'cid-1', state: { terminated: { exitCode: 0 } } }] } };

/** A log body that yields these chunks, then ends — or fails as a cut connection does. */
function body(chunks: Buffer[], cut: boolean): LogBody {
  return {
    async *[Symbol.asyncIterator]() {
      for (const c of chunks) yield c;
      if (cut) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    },
    destroy: () => {},
  };
}

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

async function readAll(b: LogBody): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of b) out.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(out);
}

describe('resumingOpener', () => {
  const TS1 = '2026-01-01T10:00:00.100000000Z';
  const TS2 = '2026-01-01T10:00:00.200000000Z';
  const TS3 = '2026-01-01T10:00:01.000000000Z';

  function scenario(): { open: OpenLog; queries: LogQuery[]; client: KubeClient; notes: string[] } {
    const queries: LogQuery[] = [];
    // After the drop the container still runs; after the second stream ends it has stopped.
    const pods = [running, stopped];
    const client = { getPod: async () => pods.shift() ?? stopped } as unknown as KubeClient;
    const open: OpenLog = async (_ns, _pod, query) => {
      queries.push(query);
      // First: two lines (the second with bytes that are not UTF-8), then the connection drops. Second: the
      // second line again (sinceTime has whole seconds), then a last line without a newline, then the end.
      return queries.length === 1
        ? body([bytes(`${TS1} a\n${TS2} b`), bytes([0xff, 0xfe, 0x0a])], true)
        : body([bytes(`${TS2} b`, [0xff, 0xfe], `\n${TS3} c`)], false);
    };
    return { open, queries, client, notes: [] };
  }

  it('reopens a dropped stream from its last second and hands on kubectl\'s bytes, each line once', async () => {
    const s = scenario();
    const opener = resumingOpener(s.client, s.open, { resume: new Map([['ns/p/c', 'cid-1']]), keepTimestamps: false, notice: (l) => void s.notes.push(l) });
    const out = await readAll(await opener('ns', 'p', { container: 'c', follow: true, tailLines: 10 }, new AbortController().signal));
    expect(out.equals(bytes('a\nb', [0xff, 0xfe], '\nc'))).toBe(true);
    expect(s.queries).toEqual([
      { container: 'c', follow: true, tailLines: 10, timestamps: true },
      { container: 'c', follow: true, timestamps: true, sinceTime: '2026-01-01T10:00:00Z' },
    ]);
    expect(s.notes).toEqual([`kt: resuming pod/p/c after unexpected EOF from ${TS2} (attempt 1)\n`]);
  });

  it('keeps the timestamps when they were asked for', async () => {
    const s = scenario();
    const opener = resumingOpener(s.client, s.open, { resume: new Map([['ns/p/c', 'cid-1']]), keepTimestamps: true, notice: () => {} });
    const out = await readAll(await opener('ns', 'p', { container: 'c', follow: true, timestamps: true }, new AbortController().signal));
    expect(out.equals(bytes(`${TS1} a\n${TS2} b`, [0xff, 0xfe], `\n${TS3} c`))).toBe(true);
  });

  it('opens a stream it is not asked to resume as it is', async () => {
    const queries: LogQuery[] = [];
    const open: OpenLog = async (_ns, _pod, query) => (queries.push(query), body([bytes('plain\n')], false));
    const opener = resumingOpener({} as KubeClient, open, { resume: new Map(), keepTimestamps: false, notice: () => {} });
    expect((await readAll(await opener('ns', 'p', { container: 'c', follow: true }, new AbortController().signal))).toString()).toBe('plain\n');
    expect(queries).toEqual([{ container: 'c', follow: true }]);
  });
});
