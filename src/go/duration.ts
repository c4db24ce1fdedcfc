// Durations as kubectl prints and parses them: apimachinery's HumanDuration/ShortHumanDuration (AGE, LAST
// SEEN), Go's time.ParseDuration and Duration.String (--since, --request-timeout), and kubectl's
// --request-timeout rule. Go durations are int64 nanoseconds, so bigint nanoseconds are used throughout.

const NS_PER_MS = 1_000_000n;
const SECOND = 1_000_000_000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;
const MAX_DURATION = (1n << 63n) - 1n;
const MIN_DURATION = -(1n << 63n);
const UINT63 = 1n << 63n;

/**
 * Milliseconds → nanoseconds, saturating at the int64 range the way time.Time.Sub does. The integer part
 * is converted exactly (ms × 1e6 in floating point would already be off by hundreds of ns near 2^53).
 */
function msToNs(ms: number): bigint {
  if (ms === Infinity) return MAX_DURATION;
  if (ms === -Infinity) return MIN_DURATION;
  const whole = Math.trunc(ms);
  const ns = BigInt(whole) * NS_PER_MS + BigInt(Math.trunc((ms - whole) * 1e6));
  if (ns > MAX_DURATION) return MAX_DURATION;
  if (ns < MIN_DURATION) return MIN_DURATION;
  return ns;
}

/** apimachinery duration.HumanDuration (AGE / LAST SEEN): see spec §3.4; input is milliseconds (may be negative). */
export function humanDuration(ms: number): string {
  // NaN cannot come out of Go's time arithmetic; an unparsable timestamp is the likely cause, so say so.
  if (Number.isNaN(ms)) return '<invalid>';
  const d = msToNs(ms);
  // int(d.Seconds()) truncates toward zero; -1s is tolerated as clock skew.
  const seconds = d / SECOND;
  if (seconds < -1n) return '<invalid>';
  if (seconds < 0n) return '0s';
  if (seconds < 120n) return `${seconds}s`;
  const minutes = d / MINUTE;
  if (minutes < 10n) {
    const s = seconds % 60n;
    return s === 0n ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180n) return `${minutes}m`;
  const hours = d / HOUR;
  if (hours < 8n) {
    const m = minutes % 60n;
    return m === 0n ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48n) return `${hours}h`;
  const days = hours / 24n;
  if (hours < 24n * 8n) {
    const h = hours % 24n;
    return h === 0n ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24n * 365n * 2n) return `${days}d`;
  const years = days / 365n;
  if (hours < 24n * 365n * 8n) {
    const dy = days % 365n;
    return dy === 0n ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Go's Duration.Minutes()/Hours(): whole units plus the remainder as a float64 fraction. */
function unitsFloat(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

/** apimachinery duration.ShortHumanDuration: one unit only. */
export function shortHumanDuration(ms: number): string {
  if (Number.isNaN(ms)) return '<invalid>';
  const d = msToNs(ms);
  const seconds = d / SECOND;
  if (seconds < -1n) return '<invalid>';
  if (seconds < 0n) return '0s';
  if (seconds < 60n) return `${seconds}s`;
  const minutes = Math.trunc(unitsFloat(d, MINUTE));
  if (minutes < 60) return `${minutes}m`;
  const hoursF = unitsFloat(d, HOUR);
  const hours = Math.trunc(hoursF);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  // Go divides the float hours here, not the integer ones.
  return `${Math.trunc(hoursF / 24 / 365)}y`;
}

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

/**
 * The time package's own quote (not strconv.Quote): ASCII below 0x20 and every non-ASCII character are
 * written as \x escapes of their UTF-8 bytes, '"' and '\' get a backslash, everything else is kept.
 */
function goTimeQuote(s: string): string {
  const encoder = new TextEncoder();
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of encoder.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Go time.ParseDuration, strict; returns nanoseconds as bigint; errors carry Go's exact text, e.g.
 * `time: missing unit in duration "90"`, `time: invalid duration "abc"`, `time: unknown unit "d" in duration "1d"`.
 */
export function parseGoDuration(s: string): bigint {
  const orig = s;
  const invalid = (): GoDurationError => new GoDurationError(`time: invalid duration ${goTimeQuote(orig)}`);
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
    if (u === 0) throw new GoDurationError(`time: missing unit in duration ${goTimeQuote(orig)}`);
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(orig)}`);
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
  if (/^[+-]?[0-9]+$/.test(s)) {
    const i = BigInt(s);
    if (i >= 0n && i <= MAX_DURATION) return BigInt.asIntN(64, i * SECOND);
  }
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
