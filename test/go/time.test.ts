// Go's time.Parse(time.RFC3339, …) and Time.Format in UTC: the fast path every server's timestamps take, the
// general parser's lenient forms and its exact error texts, and formatting at three precisions.
import { describe, expect, it } from 'vitest';
import { formatRFC3339, GoTimeError, parseRFC3339, parseRFC3339Nano, tryParseRFC3339 } from '../../src/go/time.js';

const LAYOUT = '"2006-01-02T15:04:05Z07:00"';
const ns = (iso: string, nanos = 0n): bigint => BigInt(Date.parse(iso)) * 1_000_000n + nanos;

describe('parseRFC3339Nano', () => {
  it.each([
    ['2026-11-25T10:00:00Z', ns('2026-11-25T10:00:00Z')],
    ['2026-11-25T10:00:00.123456789Z', ns('2026-11-25T10:00:00Z', 123_456_789n)],
    ['2026-11-25T10:00:00.5Z', ns('2026-11-25T10:00:00Z', 500_000_000n)],
    ['2026-11-25T19:00:05.5+09:00', ns('2026-11-25T10:00:05Z', 500_000_000n)],
    ['2026-11-25T05:30:00-04:30', ns('2026-11-25T10:00:00Z')],
    ['1969-12-31T23:59:59.999999999Z', -1n],
    ['0001-01-01T00:00:00Z', -62135596800_000_000_000n],
    ['9999-12-31T23:59:59Z', 253402300799_000_000_000n],
    ['2024-02-29T12:00:00Z', ns('2024-02-29T12:00:00Z')],
    // Go's general parser, past the fast path: a one-digit hour, a comma, digits past nine, a 24-hour offset.
    ['2024-01-01T1:02:03Z', ns('2024-01-01T01:02:03Z')],
    ['2024-01-01T00:00:00,25Z', ns('2024-01-01T00:00:00Z', 250_000_000n)],
    ['2024-01-01T00:00:00.1234567891Z', ns('2024-01-01T00:00:00Z', 123_456_789n)],
    ['2024-01-02T00:00:00+24:00', ns('2024-01-01T00:00:00Z')],
  ])('%s', (value, expected) => {
    expect(parseRFC3339Nano(value)).toBe(expected);
    expect(tryParseRFC3339(value)).toBe(expected);
  });

  it('counts years below 100 as themselves (Date.UTC would make 0050 into 1950)', () => {
    const d = new Date(0);
    d.setUTCFullYear(50, 2, 1);
    expect(parseRFC3339Nano('0050-03-01T00:00:00Z')).toBe(BigInt(d.getTime()) * 1_000_000n);
  });

  it.each([
    ['yesterday', `parsing time "yesterday" as ${LAYOUT}: cannot parse "yesterday" as "2006"`],
    ['', `parsing time "" as ${LAYOUT}: cannot parse "" as "2006"`],
    ['2024-1-01T00:00:00Z', `parsing time "2024-1-01T00:00:00Z" as ${LAYOUT}: cannot parse "1-01T00:00:00Z" as "01"`],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-45T00:00:00Z', 'parsing time "2024-01-45T00:00:00Z": day out of range'],
    ['2024-01-01T24:00:00Z', 'parsing time "2024-01-01T24:00:00Z": hour out of range'],
    ['2024-01-01T00:60:00Z', 'parsing time "2024-01-01T00:60:00Z": minute out of range'],
    ['2024-01-01T00:00:60Z', 'parsing time "2024-01-01T00:00:60Z": second out of range'],
    ['2024-01-01t00:00:00Z', `parsing time "2024-01-01t00:00:00Z" as ${LAYOUT}: cannot parse "t00:00:00Z" as "T"`],
    ['2024-01-01T00:00:00z', `parsing time "2024-01-01T00:00:00z" as ${LAYOUT}: cannot parse "z" as "Z07:00"`],
    ['2024-01-01T00:00:00', `parsing time "2024-01-01T00:00:00" as ${LAYOUT}: cannot parse "" as "Z07:00"`],
    ['2024-01-01T00:00:00+0200', `parsing time "2024-01-01T00:00:00+0200" as ${LAYOUT}: cannot parse "+0200" as "Z07:00"`],
    ['2024-01-01T00:00:00+25:00', 'parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range'],
    ['2024-01-01T00:00:00.5+02:00x', 'parsing time "2024-01-01T00:00:00.5+02:00x": extra text: "x"'],
    ['2024-01-01T00:00:00Zé', 'parsing time "2024-01-01T00:00:00Z\\xc3\\xa9": extra text: "\\xc3\\xa9"'],
  ])('%j is refused with Go\'s words', (value, message) => {
    expect(() => parseRFC3339Nano(value)).toThrow(new GoTimeError(message));
    expect(tryParseRFC3339(value)).toBeUndefined();
  });
});

describe('parseRFC3339 (milliseconds)', () => {
  it('floors below a millisecond, before the epoch too', () => {
    expect(parseRFC3339('2024-08-30T06:00:00.1239+02:00')).toBe(Date.UTC(2024, 7, 30, 4, 0, 0, 123));
    expect(parseRFC3339('1969-12-31T23:59:59.9999Z')).toBe(-1);
  });
});

describe('formatRFC3339', () => {
  const t = ns('2026-11-25T10:00:05Z', 120_000_000n);
  it('writes UTC with whole seconds, six digits, or up to nine without trailing zeros', () => {
    expect(formatRFC3339(t)).toBe('2026-11-25T10:00:05Z');
    expect(formatRFC3339(t, 'micro')).toBe('2026-11-25T10:00:05.120000Z');
    expect(formatRFC3339(t, 'nano')).toBe('2026-11-25T10:00:05.12Z');
    expect(formatRFC3339(ns('2026-11-25T10:00:05Z'), 'nano')).toBe('2026-11-25T10:00:05Z');
  });
  it('truncates toward the past, before the epoch and at year 1', () => {
    expect(formatRFC3339(-1n, 'micro')).toBe('1969-12-31T23:59:59.999999Z');
    expect(formatRFC3339(-1n)).toBe('1969-12-31T23:59:59Z');
    expect(formatRFC3339(-62135596800_000_000_000n + 1_500n, 'micro')).toBe('0001-01-01T00:00:00.000001Z');
  });
  it('round-trips what it parses', () => {
    for (const s of ['0001-01-01T00:00:00Z', '0050-03-01T12:34:56.000000001Z', '2000-02-29T23:59:59.999999999Z', '9999-12-31T23:59:59.5Z']) {
      expect(formatRFC3339(parseRFC3339Nano(s), 'nano')).toBe(s);
    }
  });
});
