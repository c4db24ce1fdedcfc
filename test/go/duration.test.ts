import { describe, expect, it } from 'vitest';
import {
  GoDurationError,
  formatGoDuration,
  parseGoDuration,
  parseRequestTimeout,
  parseRequestTimeoutNs,
  roundToSeconds,
} from '../../src/go/duration.js';

const NS = 1n;
const US = 1_000n;
const MS = 1_000_000n;
const SEC = 1_000_000_000n;
const MIN = 60n * SEC;
const HOUR = 60n * MIN;
const MAX = (1n << 63n) - 1n;
const MIN_DURATION = -(1n << 63n);

const TIMEOUT_ERROR =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

describe('parseGoDuration', () => {
  // Checked against kubectl 1.32 (--request-timeout echoes Duration.String() in the discovery URL).
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['+0', 0n],
    ['0s', 0n],
    ['-0s', 0n],
    ['0.0s', 0n],
    ['1ns', NS],
    ['1us', US],
    ['1\u00b5s', US],
    ['1\u03bcs', US],
    ['5ms', 5n * MS],
    ['300ms', 300n * MS],
    ['1.5s', 1500n * MS],
    ['.5s', 500n * MS],
    ['-.5s', -500n * MS],
    ['1.s', SEC],
    ['000001s', SEC],
    ['-5s', -5n * SEC],
    ['+1.5s', 1500n * MS],
    ['1.5m', 90n * SEC],
    ['1h30m', 90n * MIN],
    ['1.5h', 90n * MIN],
    ['1h0.5m', HOUR + 30n * SEC],
    ['1h1h', 2n * HOUR],
    ['1ms1ms', 2n * MS],
    ['0.5us', 500n],
    ['0.5ns', 0n],
    ['0.1ns', 0n],
    ['1.9ns', 1n],
    ['1.0000000009s', SEC],
    ['59.9999999999s', 59999999999n],
    ['1.99999999999999999999999999s', 2n * SEC],
    ['0.00000000000000000000001s', 0n],
    // The fraction goes through float64, exactly as in Go.
    ['0.333333333333h', 19n * MIN + 59999999998n],
    ['1.2345678912345h', HOUR + 14n * MIN + 4444408444n],
    ['2.5h3.25m1.125s4ms5us6ns', 2n * HOUR + 33n * MIN + 16129005006n],
    ['123456789.123456789s', 123456789123456789n],
    ['10m12.301514947s', 612301514947n],
    ['2562047h', 2562047n * HOUR],
    ['9223372036854775807ns', MAX],
    ['2562047h47m16.854775807s', MAX],
    ['-9223372036854775808ns', MIN_DURATION],
    // Go sums in a uint64 that wraps at 2^64.
    ['9223372036854775808ns9223372036854775808ns', 0n],
  ])('%j → %s ns', (input, expected) => {
    expect(parseGoDuration(input)).toBe(expected);
  });

  // Messages checked against `kubectl logs x --since=<input>` (kubectl 1.32).
  it.each([
    ['90', 'time: missing unit in duration "90"'],
    ['-5', 'time: missing unit in duration "-5"'],
    ['00', 'time: missing unit in duration "00"'],
    ['1.1', 'time: missing unit in duration "1.1"'],
    ['5.', 'time: missing unit in duration "5."'],
    ['.5.', 'time: missing unit in duration ".5."'],
    ['1s.5', 'time: missing unit in duration "1s.5"'],
    ['abc', 'time: invalid duration "abc"'],
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['+', 'time: invalid duration "+"'],
    ['.', 'time: invalid duration "."'],
    ['.s', 'time: invalid duration ".s"'],
    ['--1s', 'time: invalid duration "--1s"'],
    [' 5', 'time: invalid duration " 5"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1.5x', 'time: unknown unit "x" in duration "1.5x"'],
    ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
    ['1e', 'time: unknown unit "e" in duration "1e"'],
    ['1h-1m', 'time: unknown unit "h-" in duration "1h-1m"'],
    ['1h 2m', 'time: unknown unit "h " in duration "1h 2m"'],
    ['1 s', 'time: unknown unit " s" in duration "1 s"'],
    ['1.5H', 'time: unknown unit "H" in duration "1.5H"'],
    ['1MS', 'time: unknown unit "MS" in duration "1MS"'],
    // Overflow.
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
    ['5000000h', 'time: invalid duration "5000000h"'],
    ['2562047h47m16.854775808s', 'time: invalid duration "2562047h47m16.854775808s"'],
    ['18446744073709551616ns', 'time: invalid duration "18446744073709551616ns"'],
    ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
    ['4611686018427387904ns4611686018427387904ns', 'time: invalid duration "4611686018427387904ns4611686018427387904ns"'],
    // The time package quotes with \x escapes for control and non-ASCII bytes (not strconv.Quote).
    ['\u00e9', 'time: invalid duration "\\xc3\\xa9"'],
    ['a\tb', 'time: invalid duration "a\\x09b"'],
    ['\u0001', 'time: invalid duration "\\x01"'],
    ['a"b', 'time: invalid duration "a\\"b"'],
    ['a\\b', 'time: invalid duration "a\\\\b"'],
    ['1"', 'time: unknown unit "\\"" in duration "1\\""'],
    ['1\u015f', 'time: unknown unit "\\xc5\\x9f" in duration "1\\xc5\\x9f"'],
    ['1\u20ac', 'time: unknown unit "\\xe2\\x82\\xac" in duration "1\\xe2\\x82\\xac"'],
    ['1\u{1F600}', 'time: unknown unit "\\xf0\\x9f\\x98\\x80" in duration "1\\xf0\\x9f\\x98\\x80"'],
    // DEL is ASCII and printed raw.
    ['1\u007f', 'time: unknown unit "\u007f" in duration "1\u007f"'],
  ])('%j → %s', (input, message) => {
    let caught: unknown;
    try {
      parseGoDuration(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoDurationError);
    expect((caught as Error).message).toBe(message);
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [999n, '999ns'],
    [500n, '500ns'],
    [US, '1\u00b5s'],
    [1500n, '1.5\u00b5s'],
    [100n * US, '100\u00b5s'],
    [999999n, '999.999\u00b5s'],
    [MS, '1ms'],
    [3600n * US, '3.6ms'],
    [300n * MS, '300ms'],
    [500n * MS, '500ms'],
    [-500n * MS, '-500ms'],
    [-775808000n, '-775.808ms'],
    [SEC, '1s'],
    [-SEC, '-1s'],
    [1500n * MS, '1.5s'],
    [-1500n * MS, '-1.5s'],
    [-5n * SEC, '-5s'],
    [SEC + 1n, '1.000000001s'],
    [59999999999n, '59.999999999s'],
    [90n * SEC, '1m30s'],
    [5n * MIN, '5m0s'],
    [HOUR, '1h0m0s'],
    [90n * MIN, '1h30m0s'],
    [HOUR + 30n * SEC, '1h0m30s'],
    [24n * HOUR, '24h0m0s'],
    [612301514947n, '10m12.301514947s'],
    [19n * MIN + 59999999998n, '19m59.999999998s'],
    [123456789123456789n, '34293h33m9.123456789s'],
    [MAX, '2562047h47m16.854775807s'],
    [MIN_DURATION, '-2562047h47m16.854775808s'],
    [-9223372036709551616n, '-2562047h47m16.709551616s'],
  ])('%s ns → %s', (ns, expected) => {
    expect(formatGoDuration(ns)).toBe(expected);
  });
});

describe('roundToSeconds', () => {
  it.each([
    [0n, 0n],
    [300n * MS, 0n],
    [499999999n, 0n],
    [500n * MS, SEC],
    [1500n * MS, 2n * SEC],
    [2500n * MS, 3n * SEC],
    [90n * MIN, 90n * MIN],
    [-300n * MS, 0n],
    [-499999999n, 0n],
    [-500n * MS, -SEC],
    [-1500n * MS, -2n * SEC],
    [-1400n * MS, -SEC],
    // Saturates instead of overflowing, like Go.
    [MAX, MAX],
    [MAX - 854775807n, MAX - 854775807n],
    [MIN_DURATION, MIN_DURATION],
    [MIN_DURATION + 854775808n, MIN_DURATION + 854775808n],
  ])('%s → %s', (ns, expected) => {
    expect(roundToSeconds(ns)).toBe(expected);
  });
});

describe('parseRequestTimeout', () => {
  // Checked against kubectl 1.32 `--request-timeout=<input> get pods` (the discovery URL carries
  // ?timeout=<Duration.String()>, or the default 32s when the parsed timeout is zero).
  it.each([
    ['', 0, 0n],
    ['0', 0, 0n],
    ['00', 0, 0n],
    ['-0', 0, 0n],
    ['0s', 0, 0n],
    ['0.5ns', 0, 0n],
    ['5', 5000, 5n * SEC],
    ['+5', 5000, 5n * SEC],
    ['5ms', 5, 5n * MS],
    ['1.5s', 1500, 1500n * MS],
    ['.5s', 500, 500n * MS],
    ['1h30m', 5_400_000, 90n * MIN],
    ['1.5h', 5_400_000, 90n * MIN],
    ['1.5\u00b5s', 0.0015, 1500n],
    // Negative durations are accepted (a negative bare integer is not).
    ['-5s', -5000, -5n * SEC],
    ['-.5s', -500, -500n * MS],
    // Bare seconds are multiplied with int64 wrap-around, as in Go.
    ['9223372036854775807', -1000, -SEC],
    ['9223372036854', -775.808, -775808000n],
    ['9223372037', -9223372036709.553, -9223372036709551616n],
  ])('%j → %d ms', (input, ms, ns) => {
    expect(parseRequestTimeout(input)).toBe(ms);
    expect(parseRequestTimeoutNs(input)).toBe(ns);
  });

  it('the wrapped value prints like kubectl shows it', () => {
    expect(formatGoDuration(parseRequestTimeoutNs('9223372037'))).toBe('-2562047h47m16.709551616s');
    expect(formatGoDuration(parseRequestTimeoutNs('9223372036854'))).toBe('-775.808ms');
  });

  it.each(['abc', '-5', '1.1', '5.', '1e3', ' 5', '5 ', '9223372036854775808', '1d', '2562048h', '-'])(
    '%j is rejected with kubectl\'s message',
    (input) => {
      expect(() => parseRequestTimeout(input)).toThrow(TIMEOUT_ERROR);
      try {
        parseRequestTimeout(input);
      } catch (e) {
        expect((e as Error).message).toBe(TIMEOUT_ERROR);
        expect(e).not.toBeInstanceOf(GoDurationError);
      }
    },
  );
});
