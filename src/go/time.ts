// Go's time.Parse(time.RFC3339, …) and Time.Format in UTC, in nanoseconds since the epoch (bigint: Go keeps
// nanoseconds, and year-1 times do not fit a double's 53 bits). One parser for every timestamp kt reads: --since-time,
// metav1.Time and MicroTime fields, kubelet log timestamps, the sim's sinceTime. Errors carry Go's exact texts:
//   parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"
//   parsing time "2024-13-01T00:00:00Z": month out of range
//   parsing time "2024-01-01T00:00:00.5+02:00x": extra text: "x"
// As in Go, a fractional second is accepted after the seconds even though the layout has none, a one-digit hour
// is accepted, and a zone offset of 24 hours passes.

import { timeQuote } from './quote.js';

const LAYOUT = '2006-01-02T15:04:05Z07:00';
const NS_PER_SECOND = 1_000_000_000n;

export class GoTimeError extends Error {
  override name = 'GoTimeError';
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year; Date.UTC maps years 0–99 to 1900–1999). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function toNanos(year: number, month: number, day: number, hour: number, min: number, sec: number, nsec: number, offsetSec: number): bigint {
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - offsetSec;
  return BigInt(seconds) * NS_PER_SECOND + BigInt(nsec);
}

/** Up to nine digits of a fraction, as nanoseconds (Go ignores the digits past nine). */
function fractionNanos(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < from + 9; i++) n = n * 10 + (i < to ? s.charCodeAt(i) - 48 : 0);
  return n;
}

const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Go's parseUint in the fast path: `len` digits at `from`, within [min, max]; -1 otherwise. */
function num(s: string, from: number, len: number, min: number, max: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) {
    const d = digitAt(s, i);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v < min || v > max ? -1 : v;
}

/** Go's fast path (parseRFC3339 in format_rfc3339.go): the strict form every server writes; undefined otherwise. */
function parseStrict(s: string): bigint | undefined {
  if (s.length < 20) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return undefined;
  const year = num(s, 0, 4, 0, 9999);
  const month = num(s, 5, 2, 1, 12);
  if (year < 0 || month < 0) return undefined;
  const day = num(s, 8, 2, 1, daysIn(month, year));
  const hour = num(s, 11, 2, 0, 23);
  const min = num(s, 14, 2, 0, 59);
  const sec = num(s, 17, 2, 0, 59);
  if (day < 0 || hour < 0 || min < 0 || sec < 0) return undefined;
  let i = 19;
  let nsec = 0;
  if (s[i] === '.' && digitAt(s, i + 1) >= 0) {
    let n = i + 1;
    while (digitAt(s, n) >= 0) n++;
    nsec = fractionNanos(s, i + 1, n);
    i = n;
  }
  const rest = s.length - i;
  if (rest === 1 && s[i] === 'Z') return toNanos(year, month, day, hour, min, sec, nsec, 0);
  if (rest !== 6 || (s[i] !== '+' && s[i] !== '-') || s[i + 3] !== ':') return undefined;
  const hh = num(s, i + 1, 2, 0, 23);
  const mm = num(s, i + 4, 2, 0, 59);
  if (hh < 0 || mm < 0) return undefined;
  const offset = (hh * 60 + mm) * 60 * (s[i] === '-' ? -1 : 1);
  return toNanos(year, month, day, hour, min, sec, nsec, offset);
}

/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (digitAt(s, 0) < 0) return undefined;
  if (digitAt(s, 1) < 0) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Go's general parser walking the RFC3339 layout: the lenient forms, and the errors. */
function parseLayout(value: string): bigint {
  const cannot = (valueElem: string, layoutElem: string): GoTimeError =>
    new GoTimeError(`parsing time ${timeQuote(value)} as ${timeQuote(LAYOUT)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
  const range = (what: string): GoTimeError => new GoTimeError(`parsing time ${timeQuote(value)}: ${what} out of range`);
  let v = value;
  const skip = (lit: string): void => {
    if (v[0] !== lit) throw cannot(v, lit);
    v = v.slice(1);
  };
  const field = (layoutElem: string, fixed: boolean): number => {
    const r = getnum(v, fixed);
    if (!r) throw cannot(v, layoutElem);
    v = r[1];
    return r[0];
  };
  if (!/^\d{4}/.test(v)) throw cannot(v, '2006');
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  skip('-');
  const month = field('01', true);
  if (month <= 0 || month > 12) throw range('month');
  skip('-');
  // Any two digits pass here; the day is checked against the month once everything is parsed, as Go does.
  const day = field('02', true);
  skip('T');
  const hour = field('15', false);
  if (hour >= 24) throw range('hour');
  skip(':');
  const min = field('04', true);
  if (min >= 60) throw range('minute');
  skip(':');
  const sec = field('05', true);
  if (sec >= 60) throw range('second');
  let nsec = 0;
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && digitAt(v, 1) >= 0) {
    let n = 2;
    while (digitAt(v, n) >= 0) n++;
    nsec = fractionNanos(v, 1, n);
    v = v.slice(n);
  }
  // Z07:00
  const zone = v;
  let offsetSec = 0;
  if (v[0] === 'Z') {
    v = v.slice(1);
  } else {
    if (v.length < 6 || v[3] !== ':') throw cannot(zone, 'Z07:00');
    const sign = v[0];
    const hh = getnum(v.slice(1, 3), true);
    const mm = getnum(v.slice(4, 6), true);
    v = v.slice(6);
    if (!hh || !mm || (sign !== '+' && sign !== '-')) throw cannot(zone, 'Z07:00');
    if (hh[0] > 24) throw range('time zone offset hour');
    if (mm[0] > 60) throw range('time zone offset minute');
    offsetSec = (hh[0] * 60 + mm[0]) * 60 * (sign === '-' ? -1 : 1);
  }
  if (v.length > 0) throw new GoTimeError(`parsing time ${timeQuote(value)}: extra text: ${timeQuote(v)}`);
  if (day < 1 || day > daysIn(month, year)) throw range('day');
  return toNanos(year, month, day, hour, min, sec, nsec, offsetSec);
}

/** time.Parse(time.RFC3339, value) as nanoseconds since the epoch; throws GoTimeError with Go's text. */
export function parseRFC3339Nano(value: string): bigint {
  return parseStrict(value) ?? parseLayout(value);
}

/** parseRFC3339Nano, or undefined where Go returns an error. */
export function tryParseRFC3339(value: string): bigint | undefined {
  const strict = parseStrict(value);
  if (strict !== undefined) return strict;
  try {
    return parseLayout(value);
  } catch (e) {
    if (e instanceof GoTimeError) return undefined;
    throw e;
  }
}

/** time.Parse(time.RFC3339, value) in epoch milliseconds (below a millisecond dropped); throws GoTimeError. */
export function parseRFC3339(value: string): number {
  const ns = parseRFC3339Nano(value);
  const ms = ns / 1_000_000n;
  return Number(ns < 0n && ms * 1_000_000n !== ns ? ms - 1n : ms);
}

/** How many fractional digits a layout writes: none (RFC3339), six (metav1's RFC3339Micro, `.000000`) or up to nine
 * with trailing zeros cut (RFC3339Nano, `.999999999`). */
export type Fraction = 'none' | 'micro' | 'nano';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Time.UTC().Format(layout) for nanoseconds since the epoch: `2006-01-02T15:04:05Z`, with the fraction asked for. */
export function formatRFC3339(ns: bigint, fraction: Fraction = 'none'): string {
  let sec = ns / NS_PER_SECOND;
  let frac = ns % NS_PER_SECOND;
  if (frac < 0n) {
    sec -= 1n;
    frac += NS_PER_SECOND;
  }
  const s = Number(sec);
  const days = Math.floor(s / 86400);
  const tod = s - days * 86400;
  const [year, month, day] = civilFromDays(days);
  // Go writes the year with at least four digits, a sign when negative.
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  let text = `${y}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(tod / 3600), 2)}:${pad(Math.floor(tod / 60) % 60, 2)}:${pad(tod % 60, 2)}`;
  if (fraction === 'micro') text += `.${String(frac / 1000n).padStart(6, '0')}`;
  else if (fraction === 'nano' && frac !== 0n) text += `.${String(frac).padStart(9, '0').replace(/0+$/, '')}`;
  return `${text}Z`;
}

/** metav1.Time on the wire, from epoch milliseconds: RFC3339 in UTC, whole seconds. */
export function formatRFC3339Seconds(ms: number): string {
  return formatRFC3339(BigInt(Math.floor(ms / 1000)) * NS_PER_SECOND);
}
