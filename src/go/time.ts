// Go's time.Parse for kubectl's --since-time (layout RFC3339), with Go's exact error texts:
//   parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"
//   parsing time "2024-13-01T00:00:00Z": month out of range
//   parsing time "2024-01-01T00:00:00.5+02:00x": extra text: "x"
// A fractional second is accepted after the seconds even though the layout has none, as Go does.

const LAYOUT = '2006-01-02T15:04:05Z07:00';

export class GoTimeError extends Error {
  override name = 'GoTimeError';
}

/** The time package's quote: non-ASCII and control bytes as \x escapes, `"` and `\` escaped. */
function quote(s: string): string {
  const enc = new TextEncoder();
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) for (const b of enc.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Parses `value` as Go's time.Parse(time.RFC3339, value) does; returns epoch milliseconds (sub-ms dropped). */
export function parseRFC3339(value: string): number {
  const cannot = (valueElem: string, layoutElem: string): GoTimeError =>
    new GoTimeError(`parsing time ${quote(value)} as ${quote(LAYOUT)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`);
  const range = (what: string): GoTimeError => new GoTimeError(`parsing time ${quote(value)}: ${what} out of range`);
  let v = value;
  const skip = (lit: string): void => {
    if (v[0] !== lit) throw cannot(v, lit);
    v = v.slice(1);
  };
  // 2006
  if (v.length < 4 || !isDigit(v, 0) || !/^\d{4}$/.test(v.slice(0, 4))) throw cannot(v, '2006');
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  skip('-');
  let hold = v;
  let r = getnum(v, true);
  if (!r) throw cannot(hold, '01');
  const month = r[0];
  v = r[1];
  if (month <= 0 || month > 12) throw range('month');
  skip('-');
  hold = v;
  r = getnum(v, true);
  if (!r) throw cannot(hold, '02');
  const day = r[0];
  v = r[1];
  skip('T');
  hold = v;
  r = getnum(v, false);
  if (!r) throw cannot(hold, '15');
  const hour = r[0];
  v = r[1];
  if (hour >= 24) throw range('hour');
  skip(':');
  hold = v;
  r = getnum(v, true);
  if (!r) throw cannot(hold, '04');
  const min = r[0];
  v = r[1];
  if (min >= 60) throw range('minute');
  skip(':');
  hold = v;
  r = getnum(v, true);
  if (!r) throw cannot(hold, '05');
  const sec = r[0];
  v = r[1];
  if (sec >= 60) throw range('second');
  let nsec = 0;
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
    let n = 2;
    while (isDigit(v, n)) n++;
    const digits = v.slice(1, Math.min(n, 10));
    nsec = Number(digits.padEnd(9, '0'));
    v = v.slice(n);
  }
  // Z07:00
  hold = v;
  let offsetSec = 0;
  if (v[0] === 'Z') {
    v = v.slice(1);
  } else {
    if (v.length < 6 || v[3] !== ':') throw cannot(hold, 'Z07:00');
    const sign = v[0];
    const hh = getnum(v.slice(1, 3), true);
    const mm = getnum(v.slice(4, 6), true);
    v = v.slice(6);
    if (!hh || !mm || (sign !== '+' && sign !== '-')) throw cannot(hold, 'Z07:00');
    if (hh[0] > 24) throw range('time zone offset hour');
    if (mm[0] > 60) throw range('time zone offset minute');
    offsetSec = (hh[0] * 60 + mm[0]) * 60 * (sign === '-' ? -1 : 1);
  }
  if (v.length > 0) throw new GoTimeError(`parsing time ${quote(value)}: extra text: ${quote(v)}`);
  if (day < 1 || day > daysIn(month, year)) throw range('day');
  return Date.UTC(year, month - 1, day, hour, min, sec) - offsetSec * 1000 + Math.floor(nsec / 1e6);
}

/** metav1.Time on the wire: RFC3339 in UTC, whole seconds. */
export function formatRFC3339Seconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
