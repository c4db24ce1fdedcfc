// The events printer with an injected clock: LAST SEEN, the sort key, the table across flushes, the typed view.
import { describe, expect, it } from 'vitest';
import { escapeTerminal, eventInterval, EventTablePrinter, sortEvents } from '../../src/print/events.js';
import { marshalStructJSON, toTypedEvent, toTypedEventList } from '../../src/print/events-typed.js';
import type { CoreEvent } from '../../src/k8s/types.js';
import { colors } from '../../src/print/color.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (ms: number, micro = false): string => {
  const iso = new Date(NOW - ms).toISOString();
  return micro ? `${iso.slice(0, 23)}000Z` : `${iso.slice(0, 19)}Z`;
};
const M = 60_000;
const H = 60 * M;

const ev = (name: string, fields: Partial<CoreEvent> = {}): CoreEvent => ({
  metadata: { name, namespace: 'ns' },
  involvedObject: { kind: 'Pod', name: 'p' },
  type: 'Normal',
  reason: 'R',
  message: 'm',
  ...fields,
});

describe('eventInterval (LAST SEEN)', () => {
  it('a single event shows its first time, not its last', () => {
    expect(eventInterval(ev('a', { firstTimestamp: ago(2 * H), lastTimestamp: ago(15 * M), count: 1 }), NOW)).toBe('120m');
  });
  it('count > 1 shows last (xN over first)', () => {
    expect(eventInterval(ev('a', { firstTimestamp: ago(3 * H + 20 * M), lastTimestamp: ago(3 * M), count: 42 }), NOW)).toBe('3m (x42 over 3h20m)');
  });
  it('eventTime wins over firstTimestamp for "first"', () => {
    expect(eventInterval(ev('a', { eventTime: ago(52 * M, true), firstTimestamp: ago(2 * H) }), NOW)).toBe('52m');
  });
  it('a series shows lastObservedTime and the series count, even with count set', () => {
    expect(eventInterval(ev('a', { eventTime: ago(45 * M, true), series: { count: 4, lastObservedTime: ago(4 * M + 1000, true) }, count: 9 }), NOW)).toBe('4m1s (x4 over 45m)');
  });
  it('zero and null timestamps print <unknown>', () => {
    expect(eventInterval(ev('a', {}), NOW)).toBe('<unknown>');
    expect(eventInterval(ev('a', { series: { count: 2 }, eventTime: ago(40 * M, true) }), NOW)).toBe('<unknown> (x2 over 40m)');
    expect(eventInterval(ev('a', { series: { count: 3, lastObservedTime: ago(12 * M, true) } }), NOW)).toBe('12m (x3 over <unknown>)');
    expect(eventInterval(ev('a', { firstTimestamp: '0001-01-01T00:00:00Z' }), NOW)).toBe('<unknown>');
  });
  it('times in the future by more than a second are <invalid>; up to a second is 0s', () => {
    expect(eventInterval(ev('a', { firstTimestamp: new Date(NOW + 5000).toISOString() }), NOW)).toBe('<invalid>');
    expect(eventInterval(ev('a', { firstTimestamp: new Date(NOW + 500).toISOString() }), NOW)).toBe('0s');
  });
  it('a time older than Go can subtract saturates at 292 years', () => {
    expect(eventInterval(ev('a', { eventTime: '0001-01-01T00:00:00.000001Z' }), NOW)).toBe('292y');
  });
});

describe('sortEvents', () => {
  it('sorts by series.lastObservedTime, else lastTimestamp, else eventTime; zero times first', () => {
    const list = [
      ev('series', { series: { count: 2, lastObservedTime: ago(5 * M, true) }, lastTimestamp: ago(1 * M) }),
      ev('last', { lastTimestamp: ago(10 * M), eventTime: ago(1 * M, true) }),
      ev('eventTime', { eventTime: ago(20 * M, true) }),
      ev('nothing'),
      ev('series-without-time', { series: { count: 1 }, lastTimestamp: ago(30 * M) }),
    ];
    expect(sortEvents(list).map((e) => e.metadata?.name)).toEqual(['nothing', 'series-without-time', 'eventTime', 'last', 'series']);
  });
  it('orders by microseconds within one millisecond', () => {
    const list = [ev('b', { eventTime: '2001-02-03T04:05:06.000002Z' }), ev('a', { eventTime: '2001-02-03T04:05:06.000001Z' })];
    expect(sortEvents(list).map((e) => e.metadata?.name)).toEqual(['a', 'b']);
  });
  it('keeps ties in place for 12 or fewer (insertion sort) and leaves them where pdqsort does beyond', () => {
    const small = Array.from({ length: 12 }, (_, i) => ev(`e${i}`, { lastTimestamp: ago(M) }));
    expect(sortEvents([...small]).map((e) => e.metadata?.name)).toEqual(small.map((e) => e.metadata?.name));
    // 20 events at three times, interleaved: the order of equal ones is pdqsort's. Expected order from kubectl 1.32
    // `events -o jsonpath` on the same events (re-checked live in kubectl.recheck.test.ts).
    const big = Array.from({ length: 20 }, (_, i) => ev(`e${String(i).padStart(2, '0')}`, { lastTimestamp: ago((((i * 7) % 3) + 1) * M) }));
    expect(sortEvents([...big]).map((e) => e.metadata?.name).join(' ')).toBe('e08 e17 e02 e14 e11 e05 e10 e16 e19 e01 e07 e04 e13 e12 e03 e15 e00 e09 e18 e06');
  });
});

describe('EventTablePrinter', () => {
  const rows = [ev('a', { firstTimestamp: ago(6 * 24 * H), involvedObject: { kind: 'Deployment', name: 'web' }, reason: 'ScalingReplicaSet', message: 'Scaled up' })];
  it('prints the header, Kind/name and the trimmed message, without trailing spaces', () => {
    const p = new EventTablePrinter({ allNamespaces: false, noHeaders: false });
    expect(p.print(rows, NOW)).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n' + '6d          Normal   ScalingReplicaSet   Deployment/web   Scaled up\n',
    );
  });
  it('puts NAMESPACE first with -A and leaves it unescaped', () => {
    const p = new EventTablePrinter({ allNamespaces: true, noHeaders: true });
    expect(p.print([ev('a', { metadata: { namespace: 'n\x1bs' }, firstTimestamp: ago(M * 30) })], NOW)).toBe('n\x1bs   30m   Normal   R     Pod/p   m\n');
  });
  it('escapes ESC and CR in type, reason, object and message; trims with Go\'s TrimSpace', () => {
    const p = new EventTablePrinter({ allNamespaces: false, noHeaders: true });
    const out = p.print([ev('a', { type: 'W\x1b', reason: 'R\r', involvedObject: { kind: 'K\x1b', name: 'n\r' }, message: '\u0085 a\x1b[0m\rb \ufeff', firstTimestamp: ago(20 * M) })], NOW);
    expect(out).toBe('20m   W^[   R\\r   K^[/n\\r   a^[[0m\\rb \ufeff\n');
  });
  it('prints the header once across flushes and never narrows a column (watch)', () => {
    const p = new EventTablePrinter({ allNamespaces: false, noHeaders: false });
    const first = p.print([ev('a', { firstTimestamp: ago(20 * M), reason: 'LongerReason' })], NOW);
    const second = p.print([ev('b', { firstTimestamp: ago(20 * M), reason: 'X' })], NOW);
    expect(first.split('\n')[0]).toBe('LAST SEEN   TYPE     REASON         OBJECT   MESSAGE');
    expect(second).toBe('20m         Normal   X              Pod/p    m\n');
  });
  it('colours Warning rows only when asked, after alignment', () => {
    const p = new EventTablePrinter({ allNamespaces: false, noHeaders: false, color: colors(1) });
    const out = p.print([ev('a', { type: 'Warning', firstTimestamp: ago(20 * M) }), ev('b', { firstTimestamp: ago(20 * M) })], NOW);
    const lines = out.split('\n');
    expect(lines[0]).not.toContain('\x1b');
    expect(lines[1]).toBe('\x1b[33m20m         Warning   R        Pod/p    m\x1b[39m');
    expect(lines[2]).not.toContain('\x1b');
  });
});

describe('the typed view (-o json|yaml)', () => {
  it('follows the core/v1 Event struct: order, omitempty, nulls, always-present fields', () => {
    const typed = toTypedEvent({
      metadata: { name: 'x', namespace: 'ns', creationTimestamp: '2026-01-01T00:00:00Z', labels: { b: '2', a: '1' } },
      involvedObject: { name: 'p', kind: 'Pod' },
      message: 'm',
      type: 'Normal',
      count: 0,
      extra: 'dropped',
    } as CoreEvent);
    expect(Object.keys(typed)).toEqual(['kind', 'apiVersion', 'metadata', 'involvedObject', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'type', 'eventTime', 'reportingComponent', 'reportingInstance']);
    expect(typed['involvedObject']).toEqual({ kind: 'Pod', name: 'p' });
    expect(Object.keys(typed['involvedObject'] as object)).toEqual(['kind', 'name']);
    expect(Object.keys((typed['metadata'] as { labels: object }).labels)).toEqual(['a', 'b']);
    expect(typed['source']).toEqual({});
    expect(typed['eventTime']).toBeNull();
  });
  it('drops managedFields unless asked', () => {
    const e = { metadata: { name: 'x', managedFields: [{ manager: 'm' }] } } as unknown as CoreEvent;
    expect((toTypedEvent(e)['metadata'] as Record<string, unknown>)['managedFields']).toBeUndefined();
    expect((toTypedEvent(e, true)['metadata'] as Record<string, unknown>)['managedFields']).toEqual([{ manager: 'm' }]);
  });
  it('wraps items in kubectl\'s EventList', () => {
    expect(Object.keys(toTypedEventList([]))).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
  });
  it('marshals like encoding/json: 4-space indent, HTML-safe escapes, U+2028', () => {
    expect(marshalStructJSON({ b: '<a> & \u2028', a: {}, c: [] })).toBe('{\n    "b": "\\u003ca\\u003e \\u0026 \\u2028",\n    "a": {},\n    "c": []\n}\n');
  });
});

describe('helpers', () => {
  it('escapeTerminal', () => {
    expect(escapeTerminal('\x1b[1m\r')).toBe('^[[1m\\r');
  });
});
