// The evaluator of kubectl's JSONPath templates (client-go util/jsonpath/jsonpath.go, as shipped in kubectl 1.32):
// a parsed template walked over decoded JSON, giving one group of results per action. Error texts are kubectl's.
//
// Where Go iterates a map (the `*` wildcard and `..` recursive descent) the order is random in kubectl; here keys
// are visited in sorted (Go byte) order, which is one of the orders kubectl can print.

import { Float64, formatGoV, goTypeName, isGoInt, isGoMap } from '../go/fmt.js';
import { compareStrings } from '../go/strings.js';
import type { ListNode, Node, Param } from './jsonpath-parse.js';

// A slot holds what a Go reflect.Value would: a JSON value (null = a nil interface inside a map or slice), a float
// literal from the template, or INVALID for the zero reflect.Value (a nil root, e.g. inside an empty range).
export const INVALID: unique symbol = Symbol('invalid');
export type Slot = unknown;

/** An execution error; its message is client-go's reason. */
export class ExecError extends Error {}

interface RangeState {
  allowMissingKeys: boolean;
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEndNode: number;
}

/** Every action's results, in template order ({range} blocks repeated per element). */
export function findAll(root: ListNode, data: unknown, allowMissingKeys: boolean): Slot[][] {
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
      return input.map(() => new Float64(node.value));
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

function evalField(st: RangeState, input: Slot[], name: string): Slot[] {
  const results: Slot[] = [];
  if (input.length === 0) return results;
  for (const v of input) {
    if (isGoMap(v) && Object.hasOwn(v, name)) results.push(v[name]);
  }
  if (results.length === 0 && !st.allowMissingKeys) throw new ExecError(`${name} is not found`);
  return results;
}

function evalArray(input: Slot[], params: readonly [Param, Param, Param]): Slot[] {
  const result: Slot[] = [];
  for (const v of input) {
    if (isNil(v)) continue;
    if (!Array.isArray(v)) throw new ExecError(`${v === INVALID ? '<invalid reflect.Value>' : goTypeName(v)} is not array or slice`);
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
  if (isGoMap(v)) return Object.keys(v).sort(compareStrings).map((k) => v[k]);
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
      const shown = v === INVALID ? '<invalid reflect.Value>' : formatGoV(v);
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
  if (v instanceof Float64) return 'float';
  throw new ExecError('invalid type for comparison');
}

function numOf(v: Slot): number {
  return v instanceof Float64 ? v.value : (v as number);
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
  if (ka === 'string') return compareStrings(a as string, b as string) < 0;
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
