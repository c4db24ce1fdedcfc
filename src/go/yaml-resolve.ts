// go-yaml v2's resolve() for an untagged plain scalar (what sigs.k8s.io/yaml, and so kubectl, runs): the decoder uses
// it to read `yes`, `0x1F` or `.inf` as a bool, int or float, and the encoder asks it whether a string would read
// back as a string (if not, the string is quoted).
import { parseGoInteger } from './strconv.js';

export type YamlScalar =
  | { kind: 'str' }
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  /** NaN and ±Infinity included (`.nan`, `-.inf`). */
  | { kind: 'float'; value: number }
  /**
   * A timestamp. Decoding into interface{} keeps it a string (go-yaml v2's backward-compatible choice), so only the
   * encoder cares: such a string must be quoted.
   */
  | { kind: 'timestamp' };

const WORDS: Record<string, YamlScalar> = {};
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS[w] = { kind: 'bool', value: true };
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS[w] = { kind: 'bool', value: false };
for (const w of ['', '~', 'null', 'Null', 'NULL']) WORDS[w] = { kind: 'null' };
for (const w of ['.nan', '.NaN', '.NAN']) WORDS[w] = { kind: 'float', value: NaN };
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS[w] = { kind: 'float', value: Infinity };
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS[w] = { kind: 'float', value: -Infinity };

const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** go-yaml v2 resolve("", text) for a plain (unquoted, untagged) scalar. */
export function resolveYamlPlain(text: string): YamlScalar {
  const c = text[0] ?? '';
  const hint = text === '' ? 'M' : c >= '0' && c <= '9' ? 'D' : c === '+' || c === '-' ? 'S' : c === '.' ? '.' : 'yYnNtTfFoO~'.includes(c) ? 'M' : '';
  if (hint === '') return { kind: 'str' };
  const word = Object.hasOwn(WORDS, text) ? WORDS[text] : undefined;
  if (word) return word;
  if (hint === 'M') return { kind: 'str' };
  if (hint === '.') {
    const f = Number(text);
    return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text) && Number.isFinite(f) ? { kind: 'float', value: f } : { kind: 'str' };
  }
  if (isYamlTimestamp(text)) return { kind: 'timestamp' };
  const plain = text.replaceAll('_', '');
  const asInt = parseGoInteger(plain, true) ?? parseGoInteger(plain, false);
  if (asInt !== undefined) return { kind: 'int', value: asInt };
  if (FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { kind: 'float', value: f };
  }
  // go-yaml's own binary forms, whose digits may carry a sign after the prefix (`0b-101`).
  if (plain.startsWith('0b')) {
    const v = parseGoInteger(plain.slice(2), true, 2) ?? parseGoInteger(plain.slice(2), false, 2);
    if (v !== undefined) return { kind: 'int', value: v };
  } else if (plain.startsWith('-0b')) {
    const v = parseGoInteger(`-${plain.slice(3)}`, true, 2);
    if (v !== undefined) return { kind: 'int', value: v };
  }
  return { kind: 'str' };
}

const TS_T = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d\d):(\d\d))$/;
const TS_SPACE = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/;
const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** go-yaml v2 parseTimestamp: Go's time.Parse with its four layouts, including its range checks. */
function isYamlTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m = TS_T.exec(s) ?? TS_SPACE.exec(s) ?? TS_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return false;
  if (m[4] !== undefined && (Number(m[4]) >= 24 || Number(m[5]) >= 60 || Number(m[6]) >= 60)) return false;
  if (m[7] !== undefined && (Number(m[7]) > 24 || Number(m[8]) > 60)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  return day >= 1 && day <= days;
}
