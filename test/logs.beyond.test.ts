// kt logs' own flags (beyond kubectl 1.32): line filters, JSON records, colour rules, --match, --wait-for. Plus unit
// tests of the pure pieces (Go's RFC3339 parser, pod choice, resume bookkeeping).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { parseRFC3339 } from '../src/go/time.js';
import { sortByLogging } from '../src/commands/logs/pods.js';
import { splitTimestamp, timestampKey } from '../src/follow/resume.js';
import { prefixFor } from '../src/follow/format.js';
import { colors } from '../src/print/color.js';
import type { Pod } from '../src/k8s/types.js';

describe('kt logs beyond kubectl', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('--include and --exclude filter lines (prefixes kept)', async () => {
    const r = await runKt(['logs', '-n', 'shop', 'deploy/web', '--all-pods', '--include', 'GET', '--exclude', 'favicon|healthz'], t.env);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '[pod/web-7d9c6b5f4-kx2vq/nginx] 10.244.1.30 - - "GET /api/cart HTTP/1.1" 200 512 "-" "checkout/2.4.1"',
        '[pod/web-7d9c6b5f4-kx2vq/nginx] 10.244.0.1 - - "GET /products?q=caf%C3%A9 HTTP/1.1" 200 4096 "-" "Mozilla/5.0"',
        '[pod/web-7d9c6b5f4-zt8mn/nginx] 10.244.0.1 - - "GET / HTTP/1.1" 200 612 "-" "curl/8.5.0"',
        '',
      ].join('\n'),
    });
  });

  it('-o json prints one record per line with the server timestamp', async () => {
    const r = await runKt(['logs', 'hello-unicode', '-o', 'json', '--tail=1'], t.env);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as Record<string, string>;
    expect(rec).toMatchObject({ namespace: 'default', pod: 'hello-unicode', container: 'hello', message: 'tab\tseparated\tfields' });
    expect(rec['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('colours prefixes and highlights only when asked or on a terminal without NO_COLOR', async () => {
    const plain = await runKt(['logs', 'hello-unicode', '--prefix', '--highlight', 'wörld', '--tail=3'], t.env);
    expect(plain.stdout).not.toContain('\x1b[');
    const always = await runKt(['logs', 'hello-unicode', '--prefix', '--highlight', 'wörld', '--color=always', '--tail=3'], t.env);
    expect(always.stdout).toContain('\x1b[31m\x1b[1mwörld\x1b[22m\x1b[39m');
    expect(always.stdout.startsWith(prefixFor('hello-unicode', 'hello', colors(1)))).toBe(true);
    const bad = await runKt(['logs', 'hello-unicode', '--color=sometimes'], t.env);
    expect(bad).toEqual({ code: 1, stdout: '', stderr: 'error: invalid argument "sometimes" for "--color" flag: must be auto, always or never\nSee \'kt logs --help\' for usage.\n' });
  });

  it('--match keeps only pods whose name matches', async () => {
    const r = await runKt(['logs', '-n', 'shop', '-l', 'app=web', '--prefix', '--match', 'zt8', '--tail=1'], t.env);
    expect(r.stdout).toBe('[pod/web-7d9c6b5f4-zt8mn/nginx] 10.244.0.1 - - "GET /favicon.ico HTTP/1.1" 404 153 "-" "Mozilla/5.0"\n');
  });

  it('--wait-for: exit 0 at the first match, nothing printed after it', async () => {
    const r = await runKt(['logs', 'hello-unicode', '--wait-for', 'こんにちは'], t.env);
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'héllo wörld — ünïcødé ✓\nこんにちは世界 🌍\n' });
  });

  it('--wait-for: says why when the container ended first, and when time ran out', async () => {
    const ended = await runKt(['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--wait-for', 'ready'], t.env);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toBe('error: the log ended before a line matched /ready/: pod/checkout-6f8b9c7d5-p4x7w/app terminated (OOMKilled, exit code 137)\n');
    const timedOut = await runKt(['logs', '-f', 'hello-unicode', '--wait-for', 'never', '--timeout=500ms'], t.env);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toBe('error: timed out after 500ms waiting for a line matching /never/\n');
  });

  it('rejects bad regular expressions and formats with clear errors', async () => {
    expect(await runKt(['logs', 'hello-unicode', '--include', '('], t.env)).toEqual({ code: 1, stdout: '', stderr: 'error: invalid --include regular expression "(": /(/: Unterminated group\n' });
    expect((await runKt(['logs', 'hello-unicode', '-o', 'yaml'], t.env)).stderr).toBe('error: unable to match a printer suitable for the output format "yaml", allowed formats are: json\n');
  });
});

describe('Go RFC3339 parsing (--since-time)', () => {
  it('accepts what Go accepts', () => {
    expect(parseRFC3339('2024-08-30T06:00:00.123+02:00')).toBe(Date.UTC(2024, 7, 30, 4, 0, 0, 123));
    expect(parseRFC3339('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseRFC3339('2024-01-01T1:02:03Z')).toBe(Date.UTC(2024, 0, 1, 1, 2, 3));
  });
  it.each([
    ['yesterday', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-01', 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2024-01-01T00:00:00', 'parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-01-01T24:00:00Z', 'parsing time "2024-01-01T24:00:00Z": hour out of range'],
    ['2024-01-01T00:00:00.5+02:00x', 'parsing time "2024-01-01T00:00:00.5+02:00x": extra text: "x"'],
  ])('%s', (input, message) => {
    expect(() => parseRFC3339(input)).toThrow(message);
  });
});

describe('pod choice (podutils.ByLogging)', () => {
  const pod = (name: string, extra: Partial<Pod['status']> & { node?: string; created?: string } = {}): Pod => ({
    metadata: { name, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z' },
    spec: { ...(extra.node !== undefined ? { nodeName: extra.node } : { nodeName: 'n' }), containers: [{ name: 'c' }] },
    status: { phase: extra.phase ?? 'Running', ...(extra.conditions ? { conditions: extra.conditions } : {}), ...(extra.containerStatuses ? { containerStatuses: extra.containerStatuses } : {}) },
  });
  it('prefers scheduled, running, ready-longest, most restarted, oldest', () => {
    const pods = [
      pod('unscheduled', { node: '' }),
      pod('pending', { phase: 'Pending' }),
      pod('unknown', { phase: 'Unknown' }),
      pod('ready-new', { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-02T00:00:00Z' }] }),
      pod('ready-old', { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] }),
      pod('restarts', { containerStatuses: [{ name: 'c', restartCount: 3 }] }),
      pod('older', { created: '2025-01-01T00:00:00Z' }),
      pod('succeeded', { phase: 'Succeeded' }),
    ];
    expect(sortByLogging(pods).map((p) => p.metadata?.name)).toEqual(['ready-old', 'ready-new', 'restarts', 'older', 'succeeded', 'unknown', 'pending', 'unscheduled']);
  });
});

describe('resume bookkeeping', () => {
  it('orders kubelet timestamps to the nanosecond', () => {
    expect(timestampKey('2026-11-25T10:00:00.000000002Z')! > timestampKey('2026-11-25T10:00:00.000000001Z')!).toBe(true);
    expect(timestampKey('2026-11-25T10:00:00.5Z')).toBe(timestampKey('2026-11-25T10:00:00.500000000Z'));
    expect(splitTimestamp('2026-11-25T10:00:00.1Z hello world')).toEqual({ ts: '2026-11-25T10:00:00.1Z', text: 'hello world' });
    expect(splitTimestamp('no timestamp here')).toBeUndefined();
  });
});
