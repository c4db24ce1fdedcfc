// Go's fmt verbs over decoded JSON values, as kubectl's printers and error messages show them: %v, %#v, %T, %#U,
// and strconv.FormatFloat(f, 'g', -1, 64). Decoded JSON is what apimachinery's unstructured decoder yields:
// objects are map[string]interface{}, arrays []interface{}, integral numbers int64 and the others float64.

import { goQuote, isGoPrint } from './quote.js';
import { compareStrings } from './strings.js';

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;

/** A float64 that stays one when integral (a `2.0` literal in a template); a plain number is an int64 if it can be. */
export class Float64 {
  constructor(readonly value: number) {}
}

/** Whether a JSON number decodes as a Go int64 (apimachinery keeps integers as int64, the rest as float64). */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n < INT64_LIMIT;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v and %#v of a float64: the shortest digits, as %e
 * when the exponent is < -4 or >= 6 (1500000.5 → 1.5000005e+06, 0.00001 → 1e-05). */
export function formatGoFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const [mant = '', expStr = '0'] = Math.abs(f).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  let s: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp);
    s = `${digits[0] ?? ''}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  } else {
    const dp = exp + 1;
    if (dp <= 0) s = `0.${'0'.repeat(-dp)}${digits}`;
    else if (dp >= digits.length) s = digits + '0'.repeat(dp - digits.length);
    else s = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  }
  return neg ? `-${s}` : s;
}

/** %v of a decoded JSON number: an int64 in decimal, a float64 as %g. */
export function formatGoNumber(n: number | Float64): string {
  if (n instanceof Float64) return formatGoFloatG(n.value);
  return isGoInt(n) ? String(n === 0 ? 0 : n) : formatGoFloatG(n);
}

/** A decoded JSON object (Go's map[string]interface{}): not null, an array or a float64 literal. */
export function isGoMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Float64);
}

const sortedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).sort(compareStrings);

/** fmt %v: `<nil>`, `map[a:1 b:[x y]]`, strings bare. */
export function formatGoV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v instanceof Float64) return formatGoNumber(v);
  if (Array.isArray(v)) return `[${v.map(formatGoV).join(' ')}]`;
  if (isGoMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${formatGoV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** fmt %#v: `map[string]interface {}{"a":1}`, `[]interface {}{"x"}`, `interface {}(nil)` inside a container and
 * `<nil>` at the top. */
export function formatGoSharpV(v: unknown, top = true): string {
  if (v === null || v === undefined) return top ? '<nil>' : 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || v instanceof Float64) return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => formatGoSharpV(x, false)).join(', ')}}`;
  if (isGoMap(v)) {
    const keys = sortedKeys(v).filter((k) => v[k] !== undefined);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${formatGoSharpV(v[k], false)}`).join(', ')}}`;
  }
  return String(v);
}

/** fmt %T (reflect's Type.String()) of a decoded JSON value. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Float64) return 'float64';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** fmt %#U of one character: `U+0021 '!'`, or `U+0007` for one that is not printable. */
export function formatGoSharpU(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(ch) ? `${hex} '${ch}'` : hex;
}
