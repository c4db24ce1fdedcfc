// Go's durations: time.ParseDuration, Duration.String and Duration.Round (--since, --request-timeout), and
// client-go's --request-timeout rule built on them. Go durations are int64 nanoseconds, so bigint nanoseconds are
// used throughout. Kubernetes' own human-readable ages (HumanDuration) are in src/k8s/duration.ts.

import { parseGoInteger } from './strconv.js';
import { timeQuote } from './quote.js';

/** time.Second, time.Minute, time.Hour in nanoseconds, and the range of a time.Duration (int64). */
export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;
export const MAX_DURATION = (1n << 63n) - 1n;
export const MIN_DURATION = -(1n << 63n);
const UINT63 = 1n << 63n;

export class GoDurationError extends Error {
  override name = 'GoDurationError';
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Go time.ParseDuration, strict; returns nanoseconds as bigint; errors carry Go's exact text, e.g.
 * `time: missing unit in duration "90"`, `time: invalid duration "abc"`, `time: unknown unit "d" in duration "1d"`.
 */
export function parseGoDuration(s: string): bigint {
  const orig = s;
  const invalid = (): GoDurationError => new GoDurationError(`time: invalid duration ${timeQuote(orig)}`);
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();

  // Go accumulates in a uint64; sums may reach 2^63 (for "-9223372036854775808ns") and, like Go, wrap at 2^64.
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();

    // Integer part: Go's leadingInt rejects anything past 2^63.
    let i = 0;
    let v = 0n;
    while (i < s.length && isDigit(s[i])) {
      if (v > UINT63 / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > UINT63) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);

    // Fraction: digits past what fits are ignored (leadingFraction stops accumulating precision).
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && isDigit(s[j])) {
        if (!overflow) {
          if (f > (UINT63 - 1n) / 10n) {
            overflow = true;
          } else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > UINT63) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid(); // no digits, e.g. ".s"

    // Unit: everything up to the next '.' or digit.
    let u = 0;
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++;
    if (u === 0) throw new GoDurationError(`time: missing unit in duration ${timeQuote(orig)}`);
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}`);
    }
    if (v > UINT63 / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 (exact enough for ns of an hour) and truncates.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > UINT63) throw invalid();
    }
    d = BigInt.asUintN(64, d + v);
    if (d > UINT63) throw invalid();
  }
  if (neg) return BigInt.asIntN(64, -d);
  if (d > MAX_DURATION) throw invalid();
  return d;
}

/** Go's fmtFrac: ".ddd" of v / 10^prec without trailing zeros (nothing when zero), and the integer part. */
function fraction(v: bigint, prec: number): [string, bigint] {
  const div = 10n ** BigInt(prec);
  const frac = (v % div).toString().padStart(prec, '0').replace(/0+$/, '');
  return [frac === '' ? '' : `.${frac}`, v / div];
}

/** Go's Duration.String(): "1h30m0s", "300ms", "1.5µs", "0s", "-1s", "10m12.301514947s". */
export function formatGoDuration(ns: bigint): string {
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u === 0n) return '0s';
  if (u < SECOND) {
    // Below a second the unit shrinks so the number keeps a leading non-zero digit.
    if (u < 1_000n) return `${sign}${u}ns`;
    if (u < 1_000_000n) {
      const [frac, int] = fraction(u, 3);
      return `${sign}${int}${frac}\u00b5s`;
    }
    const [frac, int] = fraction(u, 6);
    return `${sign}${int}${frac}ms`;
  }
  const [frac, totalSeconds] = fraction(u, 9);
  let out = `${totalSeconds % 60n}${frac}s`;
  const totalMinutes = totalSeconds / 60n;
  if (totalMinutes > 0n) {
    out = `${totalMinutes % 60n}m${out}`;
    // Hours are the largest unit: days vary in length.
    const hours = totalMinutes / 60n;
    if (hours > 0n) out = `${hours}h${out}`;
  }
  return sign + out;
}

/** Round to whole seconds like Go's Duration.Round(time.Second) (half away from zero, saturating) — kubectl's --since. */
export function roundToSeconds(ns: bigint): bigint {
  const r = ns % SECOND; // sign of ns, like Go's %
  if (ns < 0n) {
    const mag = -r;
    if (mag + mag < SECOND) return ns + mag;
    const down = ns - SECOND + mag;
    return down < MIN_DURATION ? MIN_DURATION : down;
  }
  if (r + r < SECOND) return ns - r;
  const up = ns + SECOND - r;
  return up > MAX_DURATION ? MAX_DURATION : up;
}

const TIMEOUT_ERROR =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/**
 * client-go's clientcmd.ParseTimeout, in nanoseconds (empty means unset, 0): a non-negative int64 (strconv.ParseInt syntax, so "+5"
 * and "007" count) is seconds, multiplied with int64 wrap-around exactly as Go does (so huge values come out
 * negative); anything else must be a Go duration, negative ones included ("-5s" is accepted; "-5" is not).
 * Discovery requests carry `?timeout=${formatGoDuration(result)}` when the result is non-zero.
 */
export function parseRequestTimeoutNs(s: string): bigint {
  // client-go only parses the flag when it is non-empty: --request-timeout= means no timeout.
  if (s === '') return 0n;
  const i = parseGoInteger(s, true, 10);
  if (i !== undefined && i >= 0n) return BigInt.asIntN(64, i * SECOND);
  try {
    return parseGoDuration(s);
  } catch (e) {
    if (e instanceof GoDurationError) throw new Error(TIMEOUT_ERROR);
    throw e;
  }
}

/**
 * kubectl's --request-timeout: a bare integer is seconds, otherwise a Go duration; returns milliseconds (0 = none).
 * The value may be negative or fractional ("-5s", "1500ns"): Go's http.Client applies a timeout only when it is
 * positive. Throws kubectl's error text (without the "error: " prefix) on bad input.
 */
export function parseRequestTimeout(s: string): number {
  return Number(parseRequestTimeoutNs(s)) / 1e6;
}
