// YAML → JSON values, as sigs.k8s.io/yaml does it with its go-yaml v2 fork, for the kubeconfig and for an exec
// credential plugin's output: YAML 1.1 plain scalars through the shared go-yaml resolver, JSON numbers kept as Go
// writes them, Go's map key order, and go-yaml's error wording.
import { RawMessage } from './json.js';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { goBase64Decode } from './base64.js';
import { resolveYamlPlain } from './yaml-resolve.js';

/** A decoding failure whose message is Go's text (the caller adds its own prefix). */
export class DecodeError extends Error {}

/** A JSON number as Go's encoder writes it; NaN and infinities cannot be written and fail the YAML→JSON step. */
export class GoNumber extends RawMessage {}
export type JV = string | boolean | null | GoNumber | JV[] | Map<string, JV>;

// YAML → JSON, as sigs.k8s.io/yaml does with its go-yaml v2 fork: YAML 1.1 plain scalars (yes/no/on/off/y/n are
// booleans, 0x/0o/0b/leading-0 integers), timestamps stay strings, duplicate keys: the last wins, only the first
// document counts, `<<` merges. Syntax errors are mapped onto go-yaml's wording where the two parsers agree on
// the kind of mistake; the line numbers follow go-yaml's quirk (scanner errors 1-based, parser errors 0-based,
// none on the first line).

export function yamlToJson(text: string): JV {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const docs = parseAllDocuments(src, { schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return null;
  const first = doc.errors[0];
  if (first) throw new DecodeError(`yaml: ${goYamlMessage(src, first.code, first.message, first.pos[0])}`);
  const value = yamlNodeToJson(doc.contents, doc, new Set());
  const bad = firstNonFinite(value);
  if (bad !== undefined) throw new DecodeError(`json: unsupported value: ${bad}`);
  return value;
}

function goYamlMessage(src: string, code: string, message: string, pos: number): string {
  const lineOf = (p: number): number => src.slice(0, Math.max(0, p)).split('\n').length - 1;
  const scanner = (p: number, msg: string): string => (lineOf(p) !== 0 ? `line ${lineOf(p) + 1}: ${msg}` : msg);
  const parser = (p: number, msg: string): string => (lineOf(p) !== 0 ? `line ${lineOf(p)}: ${msg}` : msg);
  const nextColon = (): number => {
    const m = /:(?=[ \t\r\n]|$)/.exec(src.slice(pos));
    return m ? pos + m.index : -1;
  };
  const at = src[pos];
  switch (code) {
    case 'TAB_AS_INDENT':
      return scanner(pos, 'found a tab character that violates indentation');
    case 'BAD_SCALAR_START':
      return scanner(pos, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const colon = nextColon();
      if (colon >= 0) return scanner(colon, 'mapping values are not allowed in this context');
      return parser(pos, 'did not find expected key');
    }
    case 'MISSING_CHAR':
      if (/quote/.test(message)) return scanner(src.length, 'found unexpected end of stream');
      if (/Flow map/.test(message)) return parser(pos, "did not find expected ',' or '}'");
      if (/Flow sequence/.test(message)) return parser(pos, "did not find expected ',' or ']'");
      return parser(pos, 'did not find expected key');
    case 'BAD_INDENT': {
      const endOfInput = at === undefined || at === '\n' || at === '\r';
      if (/^Flow sequence/.test(message)) return parser(pos, endOfInput ? "did not find expected ',' or ']'" : 'did not find expected node content');
      if (/^Flow map/.test(message)) return parser(pos, endOfInput ? "did not find expected ',' or '}'" : 'did not find expected node content');
      // An item at a wrong indentation: after a sequence item go-yaml wants another '-', after a key another key.
      const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
      const indent = (src.slice(lineStart).match(/^ */)?.[0] ?? '').length;
      const previous = src.slice(0, Math.max(0, lineStart - 1)).split('\n').reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      const previousIndent = (previous?.match(/^ */)?.[0] ?? '').length;
      if (previous !== undefined && previousIndent === indent && previous.trimStart().startsWith('-')) return parser(pos, "did not find expected '-' indicator");
      return parser(pos, 'did not find expected key');
    }
    case 'UNEXPECTED_TOKEN':
      return parser(pos, 'did not find expected key');
    default:
      // No go-yaml equivalent known: keep the yaml library's own description.
      return parser(pos, message.replace(/ at line \d+, column \d+[\s\S]*$/, ''));
  }
}

const YAML_TAG = 'tag:yaml.org,2002:';

function yamlNodeToJson(node: unknown, doc: Document, stack: Set<unknown>): JV {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new DecodeError(`yaml: unknown anchor '${node.source}' referenced`);
    if (stack.has(target)) throw new DecodeError(`yaml: anchor '${node.source}' value contains itself`);
    return yamlNodeToJson(target, doc, stack);
  }
  if (isScalar(node)) return scalarToJson(String(node.value ?? ''), node.type === 'PLAIN', node.tag);
  if (isSeq(node)) {
    stack.add(node);
    const out = node.items.map((item) => yamlNodeToJson(item, doc, stack));
    stack.delete(node);
    return out;
  }
  if (isMap(node)) {
    stack.add(node);
    const out = new Map<string, JV>();
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (isScalar(key) && key.type === 'PLAIN' && !key.tag && String(key.value) === '<<') {
        mergeInto(out, pair.value, doc, stack);
        continue;
      }
      out.set(mapKey(yamlNodeToJson(key, doc, stack)), yamlNodeToJson(pair.value, doc, stack));
    }
    stack.delete(node);
    return out;
  }
  return null;
}

/** go-yaml v2 map merge: the merged map's keys overwrite what is there; in a list, earlier maps win. */
function mergeInto(out: Map<string, JV>, value: unknown, doc: Document, stack: Set<unknown>): void {
  const fail = (): never => {
    throw new DecodeError('yaml: map merge requires map or sequence of maps as the value');
  };
  const target = isAlias(value) ? value.resolve(doc) : value;
  if (isMap(target)) {
    const m = yamlNodeToJson(value, doc, stack) as Map<string, JV>;
    for (const [k, v] of m) out.set(k, v);
    return;
  }
  if (!isSeq(target)) return fail();
  for (const item of [...target.items].reverse()) {
    const t = isAlias(item) ? item.resolve(doc) : item;
    if (!isMap(t)) return fail();
    const m = yamlNodeToJson(item, doc, stack) as Map<string, JV>;
    for (const [k, v] of m) out.set(k, v);
  }
}

function mapKey(v: JV): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoNumber) return v.text;
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return JSON.stringify(toPlainJson(v));
}

function toPlainJson(v: JV): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlainJson(x)]));
  if (Array.isArray(v)) return v.map(toPlainJson);
  if (v instanceof GoNumber) return Number(v.text);
  return v;
}

function scalarToJson(text: string, plain: boolean, tag: string | undefined): JV {
  if (tag === undefined) return plain ? resolvePlain(text).value : text;
  // A local tag (`!foo`) is not resolved: the scalar stays a string.
  if (!tag.startsWith(YAML_TAG)) return text;
  const want = tag.slice(YAML_TAG.length);
  if (want === 'str') return text;
  if (want === 'binary') {
    const decoded = goBase64Decode(text.replace(/\s+/g, ''));
    if ('error' in decoded) throw new DecodeError('yaml: !!binary value contains invalid base64 data');
    return Buffer.from(decoded.bytes).toString('utf8');
  }
  const resolved = resolvePlain(text);
  if (want === 'int' || want === 'float' || want === 'bool' || want === 'null') {
    const ok = resolved.kind === want || (want === 'float' && resolved.kind === 'int');
    if (!ok) throw new DecodeError(`yaml: cannot decode !!${resolved.kind} \`${text}\` as a !!${want}`);
  }
  return resolved.value;
}

type Resolved = { kind: 'str' | 'int' | 'float' | 'bool' | 'null'; value: JV };

/** go-yaml v2's resolve() for an untagged plain scalar, as the decoder turns it into a value. */
function resolvePlain(text: string): Resolved {
  const r = resolveYamlPlain(text);
  switch (r.kind) {
    case 'null':
      return { kind: 'null', value: null };
    case 'bool':
      return { kind: 'bool', value: r.value };
    case 'int':
      return { kind: 'int', value: new GoNumber(r.value.toString()) };
    case 'float':
      return { kind: 'float', value: goFloat(r.value) };
    default:
      // A timestamp decoded into interface{} stays a string.
      return { kind: 'str', value: text };
  }
}

/** A float64 the way encoding/json writes it. */
function goFloat(f: number): GoNumber {
  if (Number.isNaN(f)) return new GoNumber('NaN');
  if (!Number.isFinite(f)) return new GoNumber(f > 0 ? '+Inf' : '-Inf');
  return new GoNumber(String(f));
}

/** json.Marshal walks maps in sorted key order and stops at the first NaN or infinity. */
function firstNonFinite(v: JV): string | undefined {
  if (v instanceof GoNumber) return v.text === 'NaN' || v.text === '+Inf' || v.text === '-Inf' ? v.text : undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
  } else if (v instanceof Map) {
    for (const [, x] of sortedEntries(v)) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** Go sorts map keys bytewise (UTF-8). */
export function sortedEntries(m: Map<string, JV>): [string, JV][] {
  return [...m].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
