// Kubernetes resource.Quantity (k8s.io/apimachinery/pkg/api/resource, as vendored by kubectl 1.32), exact.
//
// Go keeps a quantity either as an int64Amount (int64 value × 10^scale) or as an inf.Dec (big unscaled ×
// 10^-scale), and a few results depend on which one it is: Value()/MilliValue() round negative values
// differently in each, and overflow wraps int64 the way Go does. So this class records the representation
// Go would have chosen, not just the rational value, and every operation follows the Go code path.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export class QuantityError extends Error {
  override name = 'QuantityError';
}

const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const NANO = -9;
const MILLI = -3;
/**
 * Largest power of ten this port will materialise. Go would grind through any size (or run out of memory);
 * nothing real comes close, and refusing keeps hostile input from hanging the CLI.
 */
const MAX_RESCALE_DIGITS = 4096;

const int64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const int32 = (v: number): number => (v | 0); // Go's int32 arithmetic wraps
const fitsInt64 = (v: bigint): boolean => v >= MIN_INT64 && v <= MAX_INT64;
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

function pow10(n: number): bigint {
  if (n > MAX_RESCALE_DIGITS) throw new QuantityError(`quantity out of supported range (10^${n})`);
  return 10n ** BigInt(n);
}

function digitCount(v: bigint): number {
  return v === 0n ? 0 : abs(v).toString().length;
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function suffixFor(table: Readonly<Record<string, number>>, exponent: number): string | undefined {
  for (const [s, e] of Object.entries(table)) if (e === exponent) return s;
  return undefined;
}

/** suffixer.interpret. */
function interpretSuffix(s: string): Suffix | undefined {
  const dec = DECIMAL_SUFFIXES[s];
  if (dec !== undefined && Object.hasOwn(DECIMAL_SUFFIXES, s)) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[s];
  if (bin !== undefined && Object.hasOwn(BINARY_SUFFIXES, s)) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    // strconv.ParseInt(…, 10, 64), then int32(parsed): an exponent past int32 silently wraps in Go.
    const digits = s.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) return undefined;
    const parsed = BigInt(digits);
    if (!fitsInt64(parsed)) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

interface Split {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString: a permissive scanner; the suffix is validated afterwards. */
function splitQuantity(str: string): Split {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  // Only a sign and zeros (or nothing): zero, even for "-" or "+".
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  let num = str.slice(pos, i);
  pos = i;
  if (num === '') num = '0';

  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    denom = str.slice(pos, i);
    pos = i;
  }
  const value = str.slice(0, pos);

  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i] ?? '')) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  throw new QuantityError(ERR_FORMAT);
}

/** inf.Dec.SetString on the numeric part: optional sign, digits with at most one '.', at least one digit. */
function parseDecimal(value: string): { unscaled: bigint; infScale: number } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value);
  if (!m) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined; // "no digits read"
  const unscaled = BigInt(int + frac || '0');
  return { unscaled: m[1] === '-' ? -unscaled : unscaled, infScale: frac.length };
}

/** Go's positiveScaleInt64: value × 10^scale as int64; on overflow ok is false and value is what Go returns. */
function positiveScaleInt64(base: bigint, scale: number): [bigint, boolean] {
  if (scale === 0) return [base, true];
  if (scale === 1 || scale === 2 || scale === 3 || scale === 6 || scale === 9) {
    // The direct multiplications return the wrapped product alongside ok=false.
    if (base === 0n || base === 1n) return [base * 10n ** BigInt(scale), true];
    if (base === MIN_INT64) return [0n, false];
    const exact = base * 10n ** BigInt(scale);
    return [int64(exact), fitsInt64(exact)];
  }
  if (base === 0n) return [0n, true];
  let value = base;
  for (let i = 0; i < scale; i++) {
    // The step-by-step loop reports overflow as (0, false); it ends within 19 steps for non-zero values.
    if (value === MIN_INT64) return [0n, false];
    value *= 10n;
    if (!fitsInt64(value)) return [0n, false];
  }
  return [value, true];
}

/** Go's negativeScaleInt64: divides by 10^scale, rounding away from zero when inexact. */
function negativeScaleInt64(base: bigint, scale: number): [bigint, boolean] {
  if (scale === 0) return [base, true];
  let value = base;
  let fraction = false;
  for (let i = 0; i < scale; i++) {
    if (!fraction && value % 10n !== 0n) fraction = true;
    value /= 10n;
    if (value === 0n) {
      if (fraction) return [base > 0n ? 1n : -1n, false];
      return [0n, true];
    }
  }
  if (fraction) value = base > 0n ? value + 1n : value - 1n;
  return [value, !fraction];
}

/**
 * Go's scaledValue for the inf.Dec representation. Its fast path truncates toward zero and then adds one, so
 * an inexact negative value comes out one above its ceiling (-1.5 → 0); the big-number path uses Euclidean
 * division and gets the true ceiling. Both wrap to int64 like Go.
 */
function decScaledValue(unscaled: bigint, infScale: number, newInfScale: number): bigint {
  const dif = infScale - newInfScale;
  if (dif === 0) return int64(unscaled);
  if (dif < 0) {
    // int64(math.Pow10(n)) is exact up to 10^18; beyond that the float does not fit and amd64 (the platform
    // the released kubectl binaries most commonly run on) yields math.MinInt64.
    const factor = -dif <= 18 ? 10n ** BigInt(-dif) : MIN_INT64;
    return int64(int64(unscaled) * factor);
  }
  if (unscaled < MAX_INT64 && dif < 19) {
    const u = int64(unscaled);
    const divisor = 10n ** BigInt(dif);
    const result = u / divisor;
    return u % divisor !== 0n ? result + 1n : result;
  }
  if (unscaled === 0n) return 0n;
  if (dif > digitCount(unscaled)) {
    // |unscaled| < 10^dif: the floor is 0 or -1 with a non-zero remainder, so Go returns floor + 1.
    return unscaled > 0n ? 1n : 0n;
  }
  const divisor = 10n ** BigInt(dif);
  let q = unscaled / divisor;
  const r = unscaled % divisor;
  if (r !== 0n && unscaled < 0n) q -= 1n;
  return r !== 0n ? int64(int64(q) + 1n) : int64(q);
}

/** math.Pow10, reproduced so that AsApproximateFloat64 rounds exactly like Go. */
const POW10_TAB: readonly number[] = Array.from({ length: 32 }, (_, i) => Number(`1e${i}`));
const POW10_POS32: readonly number[] = [1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288];
const POW10_NEG32: readonly number[] = [1e-0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320];
function goPow10(n: number): number {
  if (n >= 0 && n <= 308) return (POW10_POS32[Math.floor(n / 32)] ?? Infinity) * (POW10_TAB[n % 32] ?? Infinity);
  if (n >= -323 && n <= 0) return (POW10_NEG32[Math.floor(-n / 32)] ?? 0) / (POW10_TAB[-n % 32] ?? 1);
  return n > 0 ? Infinity : 0;
}

/** Removes factors of `base` from |v|: returns [v / base^times, times]. */
function removeFactors(v: bigint, base: bigint): [bigint, number] {
  let times = 0;
  if (v === 0n) return [v, 0];
  while (v % base === 0n) {
    v /= base;
    times++;
  }
  return [v, times];
}

export class Quantity {
  readonly format: QuantityFormat;
  /** true: Go's int64Amount (value × 10^exp); false: inf.Dec (unscaled × 10^exp, with inf scale = -exp). */
  readonly #isInt: boolean;
  readonly #unscaled: bigint;
  readonly #exp: number;
  /** The string Go caches at parse time when the input is already in canonical form (it may keep "+1"). */
  readonly #s: string | undefined;

  private constructor(isInt: boolean, unscaled: bigint, exp: number, format: QuantityFormat, s?: string) {
    this.#isInt = isInt;
    this.#unscaled = unscaled;
    this.#exp = exp;
    this.format = format;
    this.#s = s;
  }

  /** resource.ParseQuantity. Note: it does not trim whitespace (UnmarshalJSON trims before calling it). */
  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityError(ERR_FORMAT);
    if (str === '0') return new Quantity(true, 0n, 0, 'DecimalSI', str);

    const { positive, value, num, denom, suffix } = splitQuantity(str);
    const suf = interpretSuffix(suffix);
    if (suf === undefined) throw new QuantityError(ERR_SUFFIX);
    let { format } = suf;
    const { base, exponent } = suf;

    // Fast path: the value fits an int64Amount exactly.
    let precision = 0;
    let scale = 0;
    let mantissa = 1n;
    if (format === 'BinarySI') {
      if (exponent >= 0 && denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        // Go: 15 - len(num) - int32(float32(exponent)*3/10) - 1; exponent is a multiple of 10 here.
        precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (num.length + denom.length);
    }
    if (precision >= 0) {
      scale = int32(scale - denom.length);
      if (scale >= NANO) {
        const shifted = num + denom;
        const parsed = BigInt(shifted);
        if (!fitsInt64(parsed)) throw new QuantityError(ERR_NUMERIC);
        const product = parsed * mantissa;
        if (fitsInt64(product)) {
          const result = positive ? product : -product;
          // Go keeps the input string when it is already canonical, judged on the digits alone: so the
          // sign, leading zeros and the exponent letter case of the input survive ("+1", "010", "1E3").
          let canonical: boolean;
          if (format === 'BinarySI') canonical = exponent % 10 === 0 && (parsed & 7n) !== 0n;
          else canonical = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
          return new Quantity(true, result, scale, format, canonical ? str : undefined);
        }
      }
    }

    // Slow path: arbitrary precision, rounded up to a whole nano.
    const dec = parseDecimal(value);
    if (dec === undefined) throw new QuantityError(ERR_NUMERIC);
    let { unscaled, infScale } = dec;
    if (base === 10) infScale = int32(infScale - exponent);
    else unscaled *= 1n << BigInt(exponent);

    const negative = unscaled < 0n;
    unscaled = abs(unscaled);
    if (unscaled !== 0n) {
      // Round(amount, 9, RoundUp): rescales to exactly 9 decimals, rounding away from zero.
      if (infScale < 9) {
        unscaled *= pow10(9 - infScale);
      } else if (infScale > 9) {
        const shift = infScale - 9;
        if (shift > digitCount(unscaled)) {
          unscaled = 1n;
        } else {
          const divisor = pow10(shift);
          const q = unscaled / divisor;
          unscaled = unscaled % divisor === 0n ? q : q + 1n;
        }
      }
      infScale = 9;
    }
    // BinarySI (only) is capped at the largest int64.
    if (format === 'BinarySI' && Quantity.#cmpMagnitude(unscaled, -infScale, MAX_INT64, 0) > 0) {
      unscaled = MAX_INT64;
      infScale = 0;
    }
    if (format === 'BinarySI' && unscaled !== 0n && Quantity.#cmpMagnitude(unscaled, -infScale, 1n, 0) < 0) {
      format = 'DecimalSI';
    }
    return new Quantity(false, negative ? -unscaled : unscaled, -infScale, format);
  }

  /** resource.MustParse("0"): what kubectl starts its sums from. */
  static zero(): Quantity {
    return new Quantity(true, 0n, 0, 'DecimalSI', '0');
  }

  /** resource.NewMilliQuantity(m, format). */
  static fromMilli(m: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    if (!fitsInt64(m)) throw new RangeError(`quantity: ${m} does not fit in an int64`);
    return new Quantity(true, m, MILLI, format);
  }

  /** resource.NewQuantity(v, format). */
  static fromValue(v: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    if (!fitsInt64(v)) throw new RangeError(`quantity: ${v} does not fit in an int64`);
    return new Quantity(true, v, 0, format);
  }

  isZero(): boolean {
    return this.#unscaled === 0n;
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.#unscaled === 0n ? 0 : this.#unscaled < 0n ? -1 : 1;
  }

  /** Quantity.Add (returns a new value). A zero receiver takes the other operand's format. */
  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    if (this.#isInt && other.#isInt) {
      const sum = Quantity.#addInt64(this.#unscaled, this.#exp, other.#unscaled, other.#exp);
      if (sum !== undefined) return new Quantity(true, sum[0], sum[1], format);
    }
    // inf.Dec.Add: both operands are brought to the larger inf scale (the smaller exponent).
    const exp = Math.min(this.#exp, other.#exp);
    const a = this.#unscaled * pow10(this.#exp - exp);
    const b = other.#unscaled * pow10(other.#exp - exp);
    return new Quantity(false, a + b, exp, format);
  }

  /** int64Amount.Add; undefined where Go falls back to inf.Dec because of int64 overflow. */
  static #addInt64(av: bigint, as: number, bv: bigint, bs: number): [bigint, number] | undefined {
    if (bv === 0n) return [av, as];
    if (av === 0n) return [bv, bs];
    let sum: bigint;
    let scale: number;
    if (as === bs) {
      sum = av + bv;
      scale = as;
    } else if (as > bs) {
      const [c, ok] = positiveScaleInt64(av, as - bs);
      if (!ok) return undefined;
      sum = c + bv;
      scale = bs;
    } else {
      const [c, ok] = positiveScaleInt64(bv, bs - as);
      if (!ok) return undefined;
      sum = av + c;
      scale = as;
    }
    return fitsInt64(sum) ? [sum, scale] : undefined;
  }

  /** Compares |a|×10^ea with |b|×10^eb without materialising huge powers of ten. */
  static #cmpMagnitude(a: bigint, ea: number, b: bigint, eb: number): number {
    a = abs(a);
    b = abs(b);
    if (a === 0n || b === 0n) return a === b ? 0 : a === 0n ? -1 : 1;
    const ma = digitCount(a) + ea;
    const mb = digitCount(b) + eb;
    if (ma !== mb) return ma < mb ? -1 : 1;
    // Same order of magnitude, so the exponents differ by less than the digit counts: cheap to align.
    const e = Math.min(ea, eb);
    const x = a * 10n ** BigInt(ea - e);
    const y = b * 10n ** BigInt(eb - e);
    return x === y ? 0 : x < y ? -1 : 1;
  }

  /** Quantity.Cmp: exact comparison of the values (formats are ignored). */
  cmp(other: Quantity): number {
    const sa = this.sign();
    const sb = other.sign();
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    return sa * Quantity.#cmpMagnitude(this.#unscaled, this.#exp, other.#unscaled, other.#exp);
  }

  /** Quantity.ScaledValue: Go's rounding and int64 overflow behaviour for each representation. */
  #scaledValue(scale: number): bigint {
    if (this.#isInt) {
      const [v] =
        this.#exp < scale
          ? negativeScaleInt64(this.#unscaled, scale - this.#exp)
          : positiveScaleInt64(this.#unscaled, this.#exp - scale);
      return v;
    }
    return decScaledValue(this.#unscaled, -this.#exp, -scale);
  }

  /**
   * Quantity.MilliValue: ceil(q × 1000) for positive values. For negative values Go's answer depends on the
   * internal representation: away from zero for int64 amounts (-1.5m → -2), one above the ceiling on the
   * inf.Dec fast path (-1.5n → 0 after ×1000 rounding); see decScaledValue.
   */
  milliValue(): bigint {
    return this.#scaledValue(MILLI);
  }

  /** Quantity.Value: ceil(q) for positive values, same negative caveats as milliValue(). */
  value(): bigint {
    return this.#scaledValue(0);
  }

  /** Quantity.AsApproximateFloat64. */
  toNumber(): number {
    const base = Number(this.#unscaled);
    if (this.#exp === 0) return base;
    return base * goPow10(this.#exp);
  }

  /** Quantity.String: the cached input when it was canonical, else the canonical form. */
  toString(): string {
    if (this.#s !== undefined) return this.#s;
    if (this.isZero()) return '0';

    let format = this.format;
    if (format === 'BinarySI') {
      const small = Quantity.#cmpMagnitude(this.#unscaled, this.#exp, 1024n, 0) < 0;
      // BinarySI only shows whole numbers of at least 1Ki; anything else would need rounding.
      if (small || !this.#isWhole()) format = 'DecimalSI';
    }

    if (format === 'BinarySI') {
      // The value is whole here, so this is exact.
      const whole = this.#exp >= 0 ? this.#unscaled * pow10(this.#exp) : this.#unscaled / pow10(-this.#exp);
      const [amount, times] = removeFactors(whole, 1024n);
      // Only Ki…Ei exist; 2^0 and anything past Ei get no suffix at all (as in Go).
      return `${amount}${suffixFor(BINARY_SUFFIXES, times * 10) ?? ''}`;
    }

    // AsCanonicalBytes: strip factors of ten, then lower the exponent to a multiple of three.
    let [amount, times] = removeFactors(this.#unscaled, 10n);
    let exponent = this.#exp + times;
    const rem = exponent % 3;
    if (rem !== 0) {
      const down = rem > 0 ? rem : rem + 3;
      amount *= 10n ** BigInt(down);
      exponent -= down;
    }
    if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
    // Exponents without a decimal SI suffix (above E) lose their suffix entirely, as in Go.
    return `${amount}${suffixFor(DECIMAL_SUFFIXES, exponent) ?? ''}`;
  }

  /** Whether the value is an integer (Go: AsScale(0) is exact). */
  #isWhole(): boolean {
    if (this.#exp >= 0) return true;
    const [, times] = removeFactors(this.#unscaled, 10n);
    return times >= -this.#exp;
  }
}

export function parseQuantity(s: string): Quantity {
  return Quantity.parse(s);
}

/** kubectl top's CPU cell: `${MilliValue()}m`. */
export function formatCpuMillis(q: Quantity): string {
  return `${q.milliValue()}m`;
}

/** kubectl top's memory cell: `${Value() / 2^20}Mi`, with Go's truncating int64 division. */
export function formatMemoryMi(q: Quantity): string {
  return `${q.value() / 1048576n}Mi`;
}
