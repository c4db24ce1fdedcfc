// Go's encoding/json encoder (Marshal, MarshalIndent) over decoded JSON values: Go's HTML-safe string escapes,
// Go's number text, and either a map's sorted keys or a struct's field order.

import { Float64 } from './fmt.js';
import { toWellFormed } from './quote.js';
import { compareStrings } from './strings.js';

/** json.RawMessage: JSON text written as it is (kt's own callers only hand it well-formed, compact JSON). */
export class RawMessage {
  constructor(readonly text: string) {}
}

const HTML_UNSAFE = /[<>&\u2028\u2029]/;
const HTML_UNSAFE_ALL = /[<>&\u2028\u2029]/g;

/**
 * A string as encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes (Go's HTML-safe default),
 * ill-formed UTF-16 as U+FFFD, control characters as JSON.stringify writes them (which is Go's set since Go 1.22).
 */
export function goJsonString(s: string): string {
  const q = JSON.stringify(toWellFormed(s));
  return HTML_UNSAFE.test(q) ? q.replace(HTML_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : q;
}

export interface MarshalOptions {
  /** MarshalIndent's indent; '' is Marshal (compact). */
  indent?: string;
  /**
   * Objects are Go maps (keys sorted, the default) or Go structs (keys in the object's order: a struct's field order).
   * JavaScript puts integer-like keys first in any object; no struct field is named like that.
   */
  keyOrder?: 'sorted' | 'struct';
}

/** json.Marshal / json.MarshalIndent(v, "", indent). Objects and Maps are Go maps (or structs, see keyOrder);
 * undefined members are left out, as omitempty does. */
export function marshalGoJSON(value: unknown, options: MarshalOptions = {}): string {
  const parts: string[] = [];
  write(parts, value, options.indent ?? '', options.keyOrder !== 'struct', '\n');
  return parts.join('');
}

function write(out: string[], v: unknown, indent: string, sorted: boolean, nl: string): void {
  if (v === null || v === undefined) {
    out.push('null');
  } else if (typeof v === 'string') {
    out.push(goJsonString(v));
  } else if (typeof v === 'number') {
    // Go's float encoder switches to exponents below 1e-6 and from 1e21, as JavaScript's does.
    out.push(Number.isFinite(v) ? JSON.stringify(v) : 'null');
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (v instanceof Float64) {
    out.push(Number.isFinite(v.value) ? JSON.stringify(v.value) : 'null');
  } else if (v instanceof RawMessage) {
    out.push(v.text);
  } else if (v instanceof Map) {
    // A JavaScript Map is a Go map whatever the key order asked for: keys sorted.
    writeObject(out, [...(v as Map<string, unknown>).keys()].sort(compareStrings), (k) => (v as Map<string, unknown>).get(k), indent, sorted, nl);
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
      write(out, v[i], indent, sorted, inner);
    }
    out.push(indent === '' ? ']' : `${nl}]`);
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    writeObject(out, sorted ? Object.keys(o).sort(compareStrings) : Object.keys(o), (k) => o[k], indent, sorted, nl);
  } else {
    out.push('null');
  }
}

function writeObject(out: string[], all: readonly string[], get: (k: string) => unknown, indent: string, sorted: boolean, nl: string): void {
  const keys = all.filter((k) => get(k) !== undefined);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const inner = indent === '' ? '' : nl + indent;
  out.push('{');
  keys.forEach((k, i) => {
    if (i > 0) out.push(',');
    out.push(inner, goJsonString(k), indent === '' ? ':' : ': ');
    write(out, get(k), indent, sorted, inner);
  });
  out.push(indent === '' ? '}' : `${nl}}`);
}
