// Label and field selectors: parsed with the apimachinery grammar (so kt rejects what kubectl rejects, with the
// same words) and matched the same way (the simulated cluster filters with them).

export class SelectorError extends Error {
  override name = 'SelectorError';
}

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

type TokenKind = 'id' | 'in' | 'notin' | '=' | '==' | '!=' | '!' | ',' | '(' | ')' | 'gt' | 'lt' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (SPECIAL.has(c)) {
      const two = input.slice(i, i + 2);
      if (two === '==' || two === '!=') {
        tokens.push({ kind: two, text: two });
        i += 2;
        continue;
      }
      const kind: TokenKind = c === '>' ? 'gt' : c === '<' ? 'lt' : (c as TokenKind);
      tokens.push({ kind, text: c });
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && !SPECIAL.has(input[j]!) && !' \t\n\r'.includes(input[j]!)) j++;
    const word = input.slice(i, j);
    tokens.push({ kind: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', text: word });
    i = j;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkValue(key: string, value: string, index: number): void {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    throw new SelectorError(
      `unable to parse requirement: values[${index}][${key}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}

/** Parses a label selector (`app=web,tier in (a,b),!legacy`); an empty string selects everything. */
export function parseLabelSelector(input: string): Requirement[] {
  const tokens = lex(input);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const found = (t: Token): string => t.text;
  const requirements: Requirement[] = [];
  if (peek().kind === 'end') return requirements;
  for (;;) {
    let negated = false;
    if (peek().kind === '!') {
      next();
      negated = true;
    }
    const keyToken = next();
    if (keyToken.kind !== 'id') {
      throw new SelectorError(`unable to parse requirement: found '${found(keyToken)}', expected: identifier`);
    }
    const key = keyToken.text;
    if (negated) {
      requirements.push({ key, op: '!', values: [] });
    } else {
      const opToken = peek();
      if (opToken.kind === ',' || opToken.kind === 'end') {
        requirements.push({ key, op: 'exists', values: [] });
      } else {
        next();
        switch (opToken.kind) {
          case '=':
          case '==':
          case '!=':
          case 'gt':
          case 'lt': {
            const v = peek();
            let value = '';
            if (v.kind === 'id') {
              value = next().text;
            } else if (v.kind !== ',' && v.kind !== 'end') {
              throw new SelectorError(`unable to parse requirement: found '${found(v)}', expected: identifier`);
            }
            if (opToken.kind === 'gt' || opToken.kind === 'lt') {
              if (!/^-?\d+$/.test(value)) {
                throw new SelectorError(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
              }
            } else {
              checkValue(key, value, 0);
            }
            requirements.push({ key, op: opToken.kind, values: [value] });
            break;
          }
          case 'in':
          case 'notin': {
            const open = next();
            if (open.kind !== '(') {
              throw new SelectorError(`unable to parse requirement: found '${found(open)}', expected: '('`);
            }
            const values: string[] = [];
            for (;;) {
              const v = peek();
              if (v.kind === 'id') {
                values.push(next().text);
              } else if (v.kind === ',' || v.kind === ')') {
                values.push('');
              } else {
                throw new SelectorError(`unable to parse requirement: found '${found(v)}', expected: ',', ')' or identifier`);
              }
              const sep = next();
              if (sep.kind === ')') break;
              if (sep.kind !== ',') {
                throw new SelectorError(`unable to parse requirement: found '${found(sep)}', expected: ',' or ')'`);
              }
            }
            values.forEach((v, i) => checkValue(key, v, i));
            requirements.push({ key, op: opToken.kind, values });
            break;
          }
          default:
            throw new SelectorError(
              `unable to parse requirement: found '${found(opToken)}', expected: in, notin, =, ==, !=, gt, lt`,
            );
        }
      }
    }
    const sep = next();
    if (sep.kind === 'end') break;
    if (sep.kind !== ',') {
      throw new SelectorError(`found '${found(sep)}', expected: ',' or 'end of string'`);
    }
    if (peek().kind === 'end') {
      throw new SelectorError(`found '', expected: identifier after ','`);
    }
  }
  return requirements;
}

export function matchesLabels(requirements: readonly Requirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  return requirements.every((r) => {
    const has = Object.hasOwn(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case '==':
      case 'in':
        return has && r.values.includes(v!);
      case '!=':
      case 'notin':
        return !has || !r.values.includes(v!);
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = BigInt(v!);
        const bound = BigInt(r.values[0]!);
        return r.op === 'gt' ? n > bound : n < bound;
      }
    }
  });
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Splits on separators that are not escaped with a backslash, the way fields.ParseSelector does. */
function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1]!;
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

function unescapeFieldValue(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

/** Escapes a field selector value (`\`, `,` and `=`), as kubectl does for `events --for`. */
export function escapeFieldValue(v: string): string {
  return v.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** Parses a field selector (`metadata.name=x,status.phase!=Running`). */
export function parseFieldSelector(input: string): FieldRequirement[] {
  if (input.trim() === '') return [];
  return splitUnescaped(input, ',').map((term) => {
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(term);
    if (!m) throw new SelectorError(`invalid selector: '${input}'; can't understand '${term}'`);
    return { field: m[1]!.trim(), op: m[2] === '!=' ? '!=' : '=', value: unescapeFieldValue(m[3]!) };
  });
}

/** Matches a field selector against the flat field set an object exposes (see fieldsOf in the sim). */
export function matchesFields(requirements: readonly FieldRequirement[], fields: Readonly<Record<string, string>>): boolean {
  return requirements.every((r) => {
    const v = fields[r.field] ?? '';
    return r.op === '=' ? v === r.value : v !== r.value;
  });
}

/** The field selector kubectl sends for --for: kind, apiVersion, name, in that order. */
export function involvedObjectSelector(kind: string, apiVersion: string, name: string): string {
  return [`involvedObject.kind=${escapeFieldValue(kind)}`, `involvedObject.apiVersion=${escapeFieldValue(apiVersion)}`, `involvedObject.name=${escapeFieldValue(name)}`].join(',');
}
