// kubectl's JSONPath template language (client-go util/jsonpath, as shipped in kubectl 1.32), plus the Go value
// formatting it depends on (encoding/json, fmt %v / %#v, strconv.Quote).
//
// This is a small evaluator of its own rather than a wrapper around jsonpath-plus: kubectl's dialect is a template
// language (literal text, {range}/{end}, quoted literals, results joined by spaces) whose edge cases — when a missing
// key is an error, what an out-of-range index says, which values a filter may compare, that ['a.b'] splits on the
// dot — all follow client-go's parser and walker, not standard JSONPath. Mapping jsonpath-plus results back onto
// those rules would cost more code than the walker itself, and would not load faster.
//
// Where Go iterates a map (the `*` wildcard and `..` recursive descent) the order is random in kubectl; here keys
// are visited in sorted (Go byte) order, which is one of the orders kubectl can print.

import { goQuote, isGoPrint, toWellFormed } from '../go/quote.js';
import { KtError } from '../errors.js';

/** A JSONPath template that failed to parse or execute. `message` is kubectl's full wording; `reason` is the
 * engine's own error (e.g. `nope is not found`), for callers such as custom-columns that word errors differently. */
export class JsonPathError extends KtError {
  override name = 'JsonPathError';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys; kubectl defaults it to true for -o jsonpath. */
  allowMissingKeys?: boolean;
}

export interface CompiledJsonPath {
  /** The -o jsonpath output for one object (no trailing newline is added, as in kubectl). */
  execute(data: unknown): string;
  /** The -o jsonpath-as-json output: each result group as an indented JSON array, one per line. */
  executeAsJSON(data: unknown): string;
}

/** Parses a template; throws JsonPathError worded as kubectl's `error parsing jsonpath <template>, <why>`. */
export function compileJsonPath(template: string, options: JsonPathOptions = {}): CompiledJsonPath {
  let root: ListNode;
  try {
    root = parseTemplate(template);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    throw new JsonPathError(`error parsing jsonpath ${template}, ${e.message}`, e.message);
  }
  const allowMissingKeys = options.allowMissingKeys ?? true;
  const run = (data: unknown, asJSON: boolean): string => {
    let groups: Slot[][];
    try {
      groups = findAll(root, data, allowMissingKeys);
    } catch (e) {
      if (!(e instanceof ExecError)) throw e;
      throw new JsonPathError(executionMessage(template, e.message, data), e.message);
    }
    let out = '';
    for (const group of groups) out += asJSON ? printGroupAsJSON(group) : printGroup(group);
    return out;
  };
  return { execute: (data) => run(data, false), executeAsJSON: (data) => run(data, true) };
}

// kubectl's printer adds a Go-syntax dump of the object to execution errors; the trailing "\n\n\n" is theirs too.
function executionMessage(template: string, reason: string, data: unknown): string {
  return (
    `error executing jsonpath ${goQuote(template)}: Error executing template: ${reason}. ` +
    `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data === undefined ? null : data, true)}\n\n\n`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Parser (client-go util/jsonpath/parser.go semantics; error texts are kubectl's)

type Node =
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
interface ListNode {
  t: 'list';
  nodes: Node[];
}
interface Param {
  known: boolean;
  value: number;
  derived: boolean;
}

class ParseError extends Error {}

const EOF = '';

function parseTemplate(input: string): ListNode {
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
        throw new ParseError(`unrecognized character in action: ${goUnicodeSharp(r)}`);
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
    const i = goAtoi(value);
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
        const n = goAtoi(v);
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

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;

// strconv.Atoi on a 64-bit platform.
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= INT64_MIN && n < INT64_LIMIT ? n : undefined;
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

// ---------------------------------------------------------------------------------------------------------------
// Evaluator (client-go util/jsonpath/jsonpath.go semantics)

// A slot holds what a Go reflect.Value would: a JSON value (null = a nil interface inside a map or slice), a float
// literal from the template, or INVALID for the zero reflect.Value (a nil root, e.g. inside an empty range).
const INVALID: unique symbol = Symbol('invalid');
type Slot = unknown;

/** A float literal from the template ({1.0}, @.x==2.5): a Go float64 even when integral. */
class GoFloat {
  constructor(readonly value: number) {}
}

class ExecError extends Error {}

interface RangeState {
  allowMissingKeys: boolean;
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEndNode: number;
}

function findAll(root: ListNode, data: unknown, allowMissingKeys: boolean): Slot[][] {
  const st: RangeState = { allowMissingKeys, beginRange: 0, inRange: 0, endRange: 0, lastEndNode: -1 };
  return findResults(st, root.nodes, 0, toRoot(data));
}

function toRoot(v: unknown): Slot {
  return v === null || v === undefined ? INVALID : v;
}

// client-go's FindResults: {range} re-runs the following nodes once per result until its {end}; the same counters
// decide where a block ends, so unbalanced templates behave as in kubectl.
function findResults(st: RangeState, nodes: Node[], from: number, data: Slot): Slot[][] {
  const cur = [data];
  const full: Slot[][] = [];
  for (let i = from; i < nodes.length; i++) {
    const results = walk(st, cur, nodes[i] as Node);
    if (st.endRange > 0 && st.endRange <= st.inRange) {
      st.endRange--;
      st.lastEndNode = i;
      break;
    }
    if (st.beginRange > 0) {
      st.beginRange--;
      st.inRange++;
      if (results.length > 0) {
        for (const v of results) full.push(...findResults(st, nodes, i + 1, toRoot(v)));
      } else {
        // Still walk the block so the position advances to its {end}; errors inside still count.
        findResults(st, nodes, i + 1, INVALID);
      }
      st.inRange--;
      for (let k = i + 1; k < nodes.length; k++) {
        if (k === st.lastEndNode) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(results);
  }
  return full;
}

function walk(st: RangeState, input: Slot[], node: Node): Slot[] {
  switch (node.t) {
    case 'list':
      return evalList(st, input, node);
    case 'text':
      return [node.text];
    case 'field':
      return evalField(st, input, node.name);
    case 'array':
      return evalArray(input, node.params);
    case 'filter':
      return evalFilter(st, input, node);
    case 'int':
      return input.map(() => node.value);
    case 'float':
      return input.map(() => new GoFloat(node.value));
    case 'bool':
      return input.map(() => node.value);
    case 'wildcard':
      return input.flatMap((v) => children(v) ?? []);
    case 'recursive':
      return evalRecursive(input);
    case 'union':
      return node.lists.flatMap((l) => evalList(st, input, l));
    case 'ident':
      return evalIdentifier(st, input, node.name);
  }
}

function evalList(st: RangeState, input: Slot[], list: ListNode): Slot[] {
  let cur = input;
  for (const n of list.nodes) cur = walk(st, cur, n);
  return cur;
}

function evalIdentifier(st: RangeState, input: Slot[], name: string): Slot[] {
  if (name === 'range') {
    st.beginRange++;
    return input;
  }
  if (name === 'end') {
    if (st.inRange > 0) {
      st.endRange++;
      return [];
    }
    throw new ExecError('not in range, nothing to end');
  }
  throw new ExecError(`unrecognized identifier ${name}`);
}

const isNil = (v: Slot): boolean => v === null || v === undefined;
const isMap = (v: Slot): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

function evalField(st: RangeState, input: Slot[], name: string): Slot[] {
  const results: Slot[] = [];
  if (input.length === 0) return results;
  for (const v of input) {
    if (isMap(v) && Object.hasOwn(v, name)) results.push(v[name]);
  }
  if (results.length === 0 && !st.allowMissingKeys) throw new ExecError(`${name} is not found`);
  return results;
}

function evalArray(input: Slot[], params: readonly [Param, Param, Param]): Slot[] {
  const result: Slot[] = [];
  for (const v of input) {
    if (isNil(v)) continue;
    if (!Array.isArray(v)) throw new ExecError(`${goTypeName(v)} is not array or slice`);
    const len = v.length;
    let p0 = params[0].known ? params[0].value : 0;
    if (p0 < 0) p0 += len;
    let p1 = params[1].known ? params[1].value : len;
    if (p1 < 0 || (p1 === 0 && params[1].derived)) p1 += len;
    if (p1 === p0) return result; // a zero-length selection ends the whole evaluation, as in client-go
    if (p0 >= len || p0 < 0) throw new ExecError(`array index out of bounds: index ${p0}, length ${len}`);
    if (p1 > len || p1 < 0) throw new ExecError(`array index out of bounds: index ${p1 - 1}, length ${len}`);
    if (p0 > p1) throw new ExecError(`starting index ${p0} is greater than ending index ${p1}`);
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new ExecError('step must be > 0');
      step = params[2].value;
    }
    for (let i = p0; i < p1; i += step) result.push(v[i]);
  }
  return result;
}

// What Go's reflection would enumerate under a value: map values, slice elements, or a string's bytes.
function children(v: Slot): Slot[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  return undefined;
}

function evalRecursive(input: Slot[]): Slot[] {
  const result: Slot[] = [];
  for (const v of input) {
    const kids = children(v);
    if (kids !== undefined && kids.length > 0) {
      result.push(v);
      result.push(...evalRecursive(kids));
    }
  }
  return result;
}

function evalFilter(st: RangeState, input: Slot[], node: Extract<Node, { t: 'filter' }>): Slot[] {
  const results: Slot[] = [];
  for (const v of input) {
    if (!Array.isArray(v)) {
      const shown = v === INVALID ? '<invalid reflect.Value>' : goV(v);
      throw new ExecError(`${shown} is not array or slice and cannot be filtered`);
    }
    for (const item of v) {
      const temp = [item];
      if (node.op === 'exists') {
        // Errors on the left (a missing key when keys are required) just mean "does not exist".
        let lefts: Slot[] = [];
        try {
          lefts = evalList(st, temp, node.left);
        } catch (e) {
          if (!(e instanceof ExecError)) throw e;
        }
        if (lefts.length > 0) results.push(item);
        continue;
      }
      const lefts = evalList(st, temp, node.left);
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new ExecError('can only compare one element at a time');
      const rights = evalList(st, temp, node.right);
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new ExecError('can only compare one element at a time');
      if (compare(node.op, lefts[0], rights[0])) results.push(item);
    }
  }
  return results;
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Slot): BasicKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  throw new ExecError('invalid type for comparison');
}

function numOf(v: Slot): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

// text/template's eq/lt semantics: both sides must be the same basic kind (all Go ints are one kind).
function goEqual(a: Slot, b: Slot): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new ExecError('incompatible types for comparison');
  if (ka === 'int' || ka === 'float') return numOf(a) === numOf(b);
  return a === b;
}

function goLess(a: Slot, b: Slot): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new ExecError('incompatible types for comparison');
  if (ka === 'bool') throw new ExecError('invalid type for comparison');
  if (ka === 'string') return compareGo(a as string, b as string) < 0;
  return numOf(a) < numOf(b);
}

function compare(op: string, a: Slot, b: Slot): boolean {
  switch (op) {
    case '==':
      return goEqual(a, b);
    case '!=':
      return !goEqual(a, b);
    case '<':
      return goLess(a, b);
    case '<=':
      return goLess(a, b) || goEqual(a, b);
    case '>':
      return !(goLess(a, b) || goEqual(a, b));
    case '>=':
      return !goLess(a, b);
    default:
      throw new ExecError(`unrecognized filter operator ${op}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Printing results

function printGroup(group: Slot[]): string {
  let out = '';
  for (let i = 0; i < group.length; i++) {
    const v = group[i];
    out += Array.isArray(v) || isMap(v) ? marshalGoJSON(v) : goText(v);
    if (i !== group.length - 1) out += ' ';
  }
  return out;
}

function printGroupAsJSON(group: Slot[]): string {
  return marshalGoJSON(group.map((v) => (v === INVALID ? null : v)), '    ') + '\n';
}

// fmt.Fprint of a scalar result.
function goText(v: Slot): string {
  if (v === INVALID) return '<no value>';
  if (isNil(v)) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumberV(v);
  if (v instanceof GoFloat) return formatGoFloatG(v.value);
  return String(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Go value formatting shared with the -o json/yaml printers.

/** Whether a JSON number would decode as a Go int64 (apimachinery keeps integers as int64, the rest as float64). */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n < INT64_LIMIT;
}

// fmt %v of a JSON number: int64 in decimal, float64 as %g.
function goNumberV(n: number): string {
  return isGoInt(n) ? String(n === 0 ? 0 : n) : formatGoFloatG(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v: shortest digits, switching to %e when the exponent
 * is < -4 or >= 6 (so 1500000.5 → 1.5000005e+06, 0.00001 → 1e-05). */
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

/** Go's string order (UTF-8 bytes, i.e. code points), used for sorted map keys. */
export function compareGo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Order UTF-16 units by code point: surrogates (astral planes) sort after U+E000–U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort(compareGo);
}

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;
const HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function goJSONString(s: string): string {
  const q = JSON.stringify(toWellFormed(s));
  return /[<>&\u2028\u2029]/.test(q) ? q.replace(HTML_UNSAFE, (c) => HTML_ESCAPES[c] ?? c) : q;
}

/** encoding/json Marshal (indent '' = compact) / MarshalIndent: sorted keys, HTML-safe escapes, Go number text. */
export function marshalGoJSON(value: unknown, indent = ''): string {
  const parts: string[] = [];
  writeJSON(parts, value, indent, '\n');
  return parts.join('');
}

function writeJSON(out: string[], v: unknown, indent: string, nl: string): void {
  if (v === null || v === undefined || v === INVALID) {
    out.push('null');
  } else if (typeof v === 'string') {
    out.push(goJSONString(v));
  } else if (typeof v === 'number') {
    out.push(Number.isFinite(v) ? JSON.stringify(v) : 'null');
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (v instanceof GoFloat) {
    out.push(JSON.stringify(v.value));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = indent === '' ? '' : nl + indent;
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      out.push(inner);
      writeJSON(out, v[i] === undefined ? null : v[i], indent, inner);
    }
    out.push(indent === '' ? ']' : `${nl}]`);
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = sortedKeys(o).filter((k) => o[k] !== undefined);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = indent === '' ? '' : nl + indent;
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(inner, goJSONString(k), indent === '' ? ':' : ': ');
      writeJSON(out, o[k], indent, inner);
    });
    out.push(indent === '' ? '}' : `${nl}}`);
  } else {
    out.push('null');
  }
}

function goTypeName(v: Slot): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (v instanceof GoFloat) return 'float64';
  if (v === INVALID) return '<invalid reflect.Value>';
  return 'map[string]interface {}';
}

// fmt %v, as used in client-go's filter error.
function goV(v: Slot): string {
  if (isNil(v)) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumberV(v);
  if (v instanceof GoFloat) return formatGoFloatG(v.value);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v)
    .map((k) => `${k}:${goV(v[k])}`)
    .join(' ')}]`;
  return String(v);
}

// fmt %#v of decoded JSON (map[string]interface {} and friends), as in kubectl's jsonpath debug dump.
function goSharpV(v: Slot, top = false): string {
  if (isNil(v)) return top ? '<nil>' : 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumberV(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoFloat) return formatGoFloatG(v.value);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x)).join(', ')}}`;
  if (isMap(v)) {
    const keys = sortedKeys(v).filter((k) => v[k] !== undefined);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
  }
  return String(v);
}


// fmt %#U: U+0021 '!'
function goUnicodeSharp(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(ch) ? `${hex} '${ch}'` : hex;
}
