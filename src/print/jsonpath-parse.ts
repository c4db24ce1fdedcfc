// The parser of kubectl's JSONPath templates (client-go util/jsonpath/parser.go, as shipped in kubectl 1.32): a
// template becomes literal text and one node list per {…} action. Error texts are kubectl's.

import { formatGoSharpU } from '../go/fmt.js';
import { atoi } from '../go/strconv.js';

export type Node =
  | ListNode
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: ListNode; right: ListNode; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: ListNode[] }
  | { t: 'ident'; name: string };
export interface ListNode {
  t: 'list';
  nodes: Node[];
}
export interface Param {
  known: boolean;
  value: number;
  derived: boolean;
}

export class ParseError extends Error {}

const EOF = '';

/** Parses a whole template; throws ParseError with client-go's reason (`unclosed action`, …). */
export function parseTemplate(input: string): ListNode {
  const root: ListNode = { t: 'list', nodes: [] };
  let pos = 0;
  let start = 0;
  let width = 0;

  const next = (): string => {
    if (pos >= input.length) {
      width = 0;
      return EOF;
    }
    const cp = input.codePointAt(pos) as number;
    const ch = String.fromCodePoint(cp);
    width = ch.length;
    pos += width;
    return ch;
  };
  const backup = (): void => {
    pos -= width;
  };
  const peek = (): string => {
    const r = next();
    backup();
    return r;
  };
  const consume = (): string => {
    const v = input.slice(start, pos);
    start = pos;
    return v;
  };

  // Text outside braces is literal; each {…} becomes one list of nodes.
  for (;;) {
    const open = input.indexOf('{', pos);
    if (open < 0) {
      pos = input.length;
      if (pos > start) root.nodes.push({ t: 'text', text: consume() });
      return root;
    }
    pos = open;
    if (pos > start) root.nodes.push({ t: 'text', text: consume() });
    pos += 1;
    consume();
    const action: ListNode = { t: 'list', nodes: [] };
    root.nodes.push(action);
    parseInsideAction(action);
  }

  function parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (input.startsWith('}', pos)) {
        pos += 1;
        consume();
        return;
      }
      if (input.startsWith('[?(', pos)) {
        parseFilter(cur);
        continue;
      }
      if (input.startsWith('..', pos)) {
        parseRecursive(cur);
        continue;
      }
      const r = next();
      if (r === EOF || r === '\r' || r === '\n') throw new ParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        consume();
      } else if (r === '[') {
        parseArray(cur);
      } else if (r === '"' || r === "'") {
        parseQuote(cur, r);
      } else if (r === '.') {
        parseField(cur);
      } else if (r === '+' || r === '-' || isDigit(r)) {
        backup();
        parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        backup();
        parseIdentifier(cur);
      } else {
        throw new ParseError(`unrecognized character in action: ${formatGoSharpU(r)}`);
      }
    }
  }

  function parseIdentifier(cur: ListNode): void {
    for (;;) {
      if (isTerminator(next())) {
        backup();
        break;
      }
    }
    const value = consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' });
    else cur.nodes.push({ t: 'ident', name: value });
  }

  function parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.t === 'recursive') throw new ParseError('invalid multiple recursive descent');
    pos += 2;
    consume();
    cur.nodes.push({ t: 'recursive' });
    if (isAlphaNumeric(peek())) parseField(cur);
  }

  function parseNumber(cur: ListNode): void {
    const r = peek();
    if (r === '+' || r === '-') next();
    for (;;) {
      const c = next();
      if (c !== '.' && !isDigit(c)) {
        backup();
        break;
      }
    }
    const value = consume();
    const i = atoi(value);
    if (i !== undefined) {
      cur.nodes.push({ t: 'int', value: i });
      return;
    }
    if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ t: 'float', value: Number(value) });
      return;
    }
    throw new ParseError(`cannot parse number ${value}`);
  }

  function parseArray(cur: ListNode): void {
    for (;;) {
      const r = next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated array');
      if (r === ']') break;
    }
    let text = consume().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ t: 'union', lists: parts.map((p) => parseAction(`[${trimSpaces(p)}]`)) });
      return;
    }
    // ['key'] is sugar for .key — dots inside still split the path, as in kubectl.
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1] ?? ''}`).nodes);
      return;
    }
    const m = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const params: [Param, Param, Param] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      const p = params[i] as Param;
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') continue;
        const n = atoi(v);
        if (n === undefined) throw new ParseError(`array index ${v} is not a number`);
        p.known = true;
        p.value = n;
      } else if (i === 1) {
        // A single index [n] selects [n, n+1); Derived lets [-1] mean the last element.
        p.known = true;
        p.value = params[0].value + 1;
        p.derived = true;
      }
    }
    cur.nodes.push({ t: 'array', params });
  }

  function parseFilter(cur: ListNode): void {
    pos += 3;
    consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (input[pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (next() !== ']') throw new ParseError('unclosed array expect ]');
    const text = consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/.exec(text);
    if (!m) {
      cur.nodes.push({ t: 'filter', left: parseAction(text), right: { t: 'list', nodes: [] }, op: 'exists' });
    } else {
      const left = parseAction(m[1] ?? '');
      const right = parseAction(m[3] ?? '');
      cur.nodes.push({ t: 'filter', left, right, op: m[2] ?? '' });
    }
  }

  function parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated quoted string');
      if (r === quote && input[pos - 2] !== '\\') break;
    }
    const value = consume();
    const s = unquoteExtend(value);
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ t: 'text', text: s });
  }

  function parseField(cur: ListNode): void {
    consume();
    for (;;) {
      const r = next();
      if (r === '\\') {
        next();
      } else if (isTerminator(r)) {
        backup();
        break;
      }
    }
    const value = consume();
    if (value === '*') cur.nodes.push({ t: 'wildcard' });
    else cur.nodes.push({ t: 'field', name: value.replaceAll('\\', '') });
  }
}

// Sub-expressions (filter sides, union members, ['key']) are parsed as a template "{text}" whose first action is
// kept, exactly like client-go's parseAction.
function parseAction(text: string): ListNode {
  const first = parseTemplate(`{${text}}`).nodes[0];
  return first !== undefined && first.t === 'list' ? first : { t: 'list', nodes: [] };
}

function isTerminator(r: string): boolean {
  switch (r) {
    case EOF:
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '.':
    case ',':
    case '[':
    case ']':
    case '$':
    case '@':
    case '{':
    case '}':
      return true;
    default:
      return false;
  }
}

function isDigit(r: string): boolean {
  return r !== EOF && /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || (r !== EOF && /^[\p{L}\p{Nd}]$/u.test(r));
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

// UnquoteExtend: strconv.Unquote that also accepts single-quoted strings of any length.
function unquoteExtend(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const quote = s[0];
  if (quote !== s[n - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      out += ch;
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case "'":
      case '"':
        if (e !== quote) return undefined;
        out += e;
        break;
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i, i + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
        const v = parseInt(hex, 16);
        i += len;
        // \x yields a byte in Go; bytes >= 0x80 cannot be kept apart from runes in a JS string.
        if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))) return undefined;
        out += String.fromCodePoint(v);
        break;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        const oct = body.slice(i - 1, i + 2);
        if (!/^[0-7]{3}$/.test(oct)) return undefined;
        const v = parseInt(oct, 8);
        if (v > 255) return undefined;
        i += 2;
        out += String.fromCodePoint(v);
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}
