// kubectl's -o json|yaml|name|jsonpath printers (cli-runtime pkg/printers, kubectl 1.32), as pure functions.
//
// -o yaml is a port of what kubectl actually runs: sigs.k8s.io/yaml marshals to JSON, re-reads that JSON with
// go-yaml v2 and emits it with go-yaml v2's libyaml-derived emitter. The emitter below reproduces that emitter's
// decisions (YAML 1.1 resolution — "yes", "on", "1:20", timestamps are quoted —, plain/single/double/literal style
// fallbacks, folding long scalars at column 80, natural key order, `? ` keys over 128 bytes) rather than using the
// `yaml` package: its quoting and folding rules differ in many corners, and a ~400-line emitter loads faster than
// that library.

import { resolveYamlPlain } from '../go/yaml-resolve.js';
import { KtError } from '../errors.js';
import { goQuote, toWellFormed } from '../go/quote.js';
import { compareGo, compileJsonPath, formatGoFloatG, marshalGoJSON } from './jsonpath.js';

export type OutputFormat =
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJSON: boolean; allowMissingKeys?: boolean };

export interface PrintOptions {
  /** --show-managed-fields; without it -o json/yaml drop metadata.managedFields (of each item, for a list). */
  showManagedFields?: boolean;
}

/** kubectl -o json: 4-space indent, sorted keys, Go's HTML-safe escapes, trailing newline; a list is printed as
 * given (callers build kubectl's `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`). */
export function printJSON(obj: unknown): string {
  return `${marshalGoJSON(obj, '    ')}\n`;
}

/** kubectl -o yaml for one object. A caller printing several objects with one printer puts `---\n` before every
 * object after the first, as kubectl's YAMLPrinter does. Throws `yaml: control characters are not allowed` where
 * kubectl fails the same way (strings holding U+007F–U+009F other than U+0085, or U+FFFE/U+FFFF). */
export function printYAML(obj: unknown): string {
  return emitYAML(obj);
}

/** kubectl -o name: `<lowercased kind>[.<group>]/<name>` per object — kubectl uses the Kind, not the resource name
 * (`pod/web-1`, `deployment.apps/web`, `endpoints/x`, `podmetrics.metrics.k8s.io/x`); the group comes from
 * apiVersion. An object with an `items` array is a list: one line per item. */
export function printName(obj: unknown): string {
  if (isRecord(obj) && Array.isArray(obj.items)) return obj.items.map((item) => printName(item)).join('');
  const gvk = groupVersionKind(obj);
  if (gvk === undefined) throw new KtError(MISSING_KIND);
  const meta = isRecord(obj) && isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '<unknown>';
  const kind = (gvk.kind === '' ? '<unknown>' : gvk.kind).toLowerCase();
  return gvk.group === '' || gvk.kind === '' ? `${kind}/${name}\n` : `${kind}.${gvk.group}/${name}\n`;
}

const MISSING_KIND = 'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type';

function groupVersionKind(obj: unknown): { group: string; kind: string } | undefined {
  if (!isRecord(obj)) return undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const parts = apiVersion === '' ? [] : apiVersion.split('/');
  // An unparseable apiVersion (a/b/c) makes the whole GVK empty in apimachinery.
  if (parts.length > 2) return undefined;
  const group = parts.length === 2 ? (parts[0] ?? '') : '';
  if (kind === '' && apiVersion === '') return undefined;
  return { group, kind };
}

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'] as const;
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface ParseOutputOptions {
  /** The --template flag; kubectl uses it when -o is a bare `jsonpath`/`jsonpath-as-json`/`jsonpath-file`. */
  template?: string;
  /** Reads a jsonpath-file; without it jsonpath-file is refused. */
  readFile?: (path: string) => string;
  /** --allow-missing-template-keys (kubectl's default: true). */
  allowMissingKeys?: boolean;
}

/** Parses an -o value as kubectl's PrintFlags would. `allowed` is the command's format list, printed sorted in the
 * error (e.g. `unable to match a printer suitable for the output format "wide", allowed formats are: …`). Table
 * formats (wide, custom-columns…) are the caller's to handle before calling; go-template formats are not
 * supported by kt. A jsonpath template is parsed here, so template errors surface with kubectl's wording. */
export function parseOutputFormat(
  value: string,
  allowed: readonly string[],
  options: ParseOutputOptions = {},
): OutputFormat {
  const noPrinter = (): KtError =>
    new KtError(
      `unable to match a printer suitable for the output format ${goQuote(value)}, allowed formats are: ${[
        ...allowed,
      ]
        .sort(compareGo)
        .join(',')}`,
    );
  const isAllowed = (f: string): boolean => allowed.includes(f);
  const lower = value.toLowerCase();
  if ((lower === 'json' || lower === 'yaml' || lower === 'name') && isAllowed(lower)) return { kind: lower };

  const flagTemplate = options.template ?? '';
  let format = value;
  let template = flagTemplate;
  if (flagTemplate === '') {
    for (const f of [...JSONPATH_FORMATS, ...TEMPLATE_FORMATS]) {
      if (value.startsWith(`${f}=`)) {
        format = f;
        template = value.slice(f.length + 1);
        break;
      }
    }
  }
  if (TEMPLATE_FORMATS.includes(format) && isAllowed(format)) {
    throw new KtError(`output format ${JSON.stringify(format)} (Go templates) is not supported by kt`);
  }
  if (!(JSONPATH_FORMATS as readonly string[]).includes(format) || !isAllowed(format)) throw noPrinter();
  if (template === '') throw new KtError('template format specified but no template given');
  if (format === 'jsonpath-file') {
    if (options.readFile === undefined) throw new KtError('jsonpath-file is not supported here');
    try {
      template = options.readFile(template);
    } catch (e) {
      throw new KtError(`error reading --template ${template}, ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  compileJsonPath(template); // throws kubectl's "error parsing jsonpath …"
  const out: OutputFormat = { kind: 'jsonpath', template, asJSON: format === 'jsonpath-as-json' };
  if (options.allowMissingKeys !== undefined) out.allowMissingKeys = options.allowMissingKeys;
  return out;
}

/** Prints one object (or kubectl's List wrapper) in the given format, as kubectl's printer for it would. */
export function printObject(obj: unknown, format: OutputFormat, options: PrintOptions = {}): string {
  switch (format.kind) {
    case 'json':
    case 'yaml': {
      if (groupVersionKind(obj) === undefined) throw new KtError(MISSING_KIND);
      const shown = options.showManagedFields === true ? obj : omitManagedFields(obj);
      return format.kind === 'json' ? printJSON(shown) : printYAML(shown);
    }
    case 'name':
      return printName(obj);
    case 'jsonpath': {
      const compiled = compileJsonPath(format.template, { allowMissingKeys: format.allowMissingKeys ?? true });
      return format.asJSON ? compiled.executeAsJSON(obj) : compiled.execute(obj);
    }
  }
}

/** kubectl's OmitManagedFieldsPrinter: a copy without metadata.managedFields, on each item of a list. */
export function omitManagedFields(obj: unknown): unknown {
  if (!isRecord(obj)) return obj;
  if (Array.isArray(obj.items)) return { ...obj, items: obj.items.map(stripManagedFields) };
  return stripManagedFields(obj);
}

function stripManagedFields(obj: unknown): unknown {
  if (!isRecord(obj) || !isRecord(obj.metadata) || !Object.hasOwn(obj.metadata, 'managedFields')) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------------------
// YAML: JSON → go-yaml v2 round trip

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

type Style = 'plain' | 'single' | 'double' | 'literal';

// A scalar as code points: the string itself when it has no surrogate pairs (so indexing it is per code point),
// spread into an array otherwise. Avoids an array per scalar on large outputs.
type Chars = string | readonly string[];

function codePoints(s: string): Chars {
  return /[\ud800-\udfff]/.test(s) ? Array.from(s) : s;
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function emitYAML(root: unknown): string {
  // Emitter state, named after libyaml's. Output is collected in chunks and joined once: appending to one string
  // leaves long rope chains for the GC on big lists.
  const out: string[] = [];
  let column = 0;
  let whitespace = true;
  let indention = true;
  let indent = -1;
  const indents: number[] = [];
  let mappingContext = false;
  let simpleKeyContext = false;

  const put = (s: string): void => {
    out.push(s);
    column += 1;
  };
  const putBreak = (): void => {
    out.push('\n');
    column = 0;
  };
  const writeBreak = (ch: string): void => {
    if (ch === '\n') {
      putBreak();
    } else {
      out.push(ch);
      column = 0;
    }
  };
  const writeIndent = (): void => {
    const ind = indent < 0 ? 0 : indent;
    if (!indention || column > ind || (column === ind && !whitespace)) putBreak();
    if (column < ind) {
      out.push(' '.repeat(ind - column));
      column = ind;
    }
    whitespace = true;
    indention = true;
  };
  const writeIndicator = (ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void => {
    if (needWhitespace && !whitespace) put(' ');
    out.push(ind);
    column += ind.length;
    whitespace = isWhitespace;
    indention = indention && isIndention;
  };
  const increaseIndent = (flow: boolean, indentless: boolean): void => {
    indents.push(indent);
    if (indent < 0) indent = flow ? BEST_INDENT : 0;
    else if (!indentless) indent += BEST_INDENT;
  };
  const popIndent = (): void => {
    indent = indents.pop() ?? -1;
  };

  const emitNode = (v: unknown, mapping: boolean, simpleKey: boolean): void => {
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (Array.isArray(v)) {
      emitSequence(v);
    } else if (isRecord(v)) {
      emitMapping(v);
    } else {
      const [text, requested] = scalarOf(v);
      const chars = codePoints(text);
      emitScalar(text, chars, requested, analyzeScalar(chars));
    }
  };

  const emitSequence = (items: unknown[]): void => {
    if (items.length === 0) {
      writeIndicator('[', true, true, false);
      writeIndicator(']', false, false, false);
      return;
    }
    increaseIndent(false, mappingContext && !indention);
    for (const item of items) {
      writeIndent();
      writeIndicator('-', true, false, true);
      emitNode(item === undefined ? null : item, false, false);
    }
    popIndent();
  };

  const emitMapping = (map: Record<string, unknown>): void => {
    const raws = Object.keys(map).filter((k) => map[k] !== undefined);
    const texts = new Map<string, string>();
    for (const k of raws) texts.set(k, yamlString(k));
    const text = (k: string): string => texts.get(k) ?? k;
    const keys = raws.sort((a, b) => (keyLess(text(a), text(b)) ? -1 : keyLess(text(b), text(a)) ? 1 : 0));
    if (keys.length === 0) {
      writeIndicator('{', true, true, false);
      writeIndicator('}', false, false, false);
      return;
    }
    increaseIndent(false, false);
    for (const raw of keys) {
      writeIndent();
      const key = text(raw);
      const chars = codePoints(key);
      const analysis = analyzeScalar(chars);
      const requested = stringStyle(key);
      if (!analysis.multiline && utf8Length(key) <= 128) {
        mappingContext = true;
        simpleKeyContext = true;
        emitScalar(key, chars, requested, analysis);
        writeIndicator(':', false, false, false);
      } else {
        writeIndicator('?', true, false, true);
        mappingContext = true;
        simpleKeyContext = false;
        emitScalar(key, chars, requested, analysis);
        writeIndent();
        writeIndicator(':', true, false, true);
      }
      emitNode(map[raw], true, false);
    }
    popIndent();
  };

  const emitScalar = (text: string, chars: Chars, requested: Style, a: Analysis): void => {
    let style = requested;
    if (simpleKeyContext && a.multiline) style = 'double';
    // Everything is block context: the only flow collections JSON data yields are the empty [] and {}.
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (chars.length === 0 && simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKeyContext)) style = 'double';

    increaseIndent(true, false);
    const allowBreaks = !simpleKeyContext;
    if (style === 'plain') writePlain(text, chars, allowBreaks);
    else if (style === 'single') writeSingle(chars, allowBreaks);
    else if (style === 'double') writeDouble(chars, allowBreaks);
    else writeLiteral(chars);
    popIndent();
  };

  const writePlain = (text: string, chars: Chars, allowBreaks: boolean): void => {
    if (!whitespace) put(' ');
    // A plain scalar has no line breaks; it can only fold at a space once past the width.
    if (!allowBreaks || column + chars.length <= BEST_WIDTH + 1) {
      out.push(text);
      column += chars.length;
      whitespace = false;
      indention = false;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && chars[i + 1] !== ' ') writeIndent();
        else put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') putBreak();
        writeBreak(ch);
        indention = true;
        breaks = true;
      } else {
        if (breaks) writeIndent();
        put(ch);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
  };

  const writeSingle = (chars: Chars, allowBreaks: boolean): void => {
    writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ')
          writeIndent();
        else put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') putBreak();
        writeBreak(ch);
        indention = true;
        breaks = true;
      } else {
        if (breaks) writeIndent();
        if (ch === "'") put("'");
        put(ch);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  };

  const writeDouble = (chars: Chars, allowBreaks: boolean): void => {
    // libyaml's is_bom() looks at the start of the value, not the current character: a leading BOM escapes all.
    const bom = chars[0] === '\ufeff';
    let spaces = false;
    writeIndicator('"', true, false, false);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (bom || !isPrintable(ch) || isBreak(ch) || ch === '"' || ch === '\\') {
        put('\\');
        const esc = DOUBLE_ESCAPES[ch];
        if (esc !== undefined) {
          put(esc);
        } else {
          const cp = ch.codePointAt(0) as number;
          const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          put(letter);
          for (const d of cp.toString(16).toUpperCase().padStart(width, '0')) put(d);
        }
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          writeIndent();
          if (chars[i + 1] === ' ') put('\\');
        } else {
          put(ch);
        }
        spaces = true;
      } else {
        put(ch);
        spaces = false;
      }
    }
    writeIndicator('"', false, false, false);
    whitespace = false;
    indention = false;
  };

  const writeLiteral = (chars: Chars): void => {
    writeIndicator('|', true, false, false);
    const first = chars[0];
    if (first === ' ' || (first !== undefined && isBreak(first))) writeIndicator(String(BEST_INDENT), false, false, false);
    const last = chars[chars.length - 1];
    let chomp = '';
    if (last === undefined || !isBreak(last)) chomp = '-';
    else if (chars.length === 1 || isBreak(chars[chars.length - 2] as string)) chomp = '+';
    if (chomp !== '') writeIndicator(chomp, false, false, false);
    putBreak();
    indention = true;
    whitespace = true;
    let breaks = true;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (isBreak(ch)) {
        writeBreak(ch);
        indention = true;
        breaks = true;
      } else {
        if (breaks) writeIndent();
        put(ch);
        indention = false;
        breaks = false;
      }
    }
  };

  emitNode(root === undefined ? null : root, false, false);
  writeIndent(); // implicit document end
  return out.join('');
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

// libyaml's is_printable: LF, printable ASCII, U+00A0–U+D7FF, U+E000–U+FFFD except the BOM; nothing astral.
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// yaml_emitter_analyze_scalar, over code points.
function analyzeScalar(chars: Chars): Analysis {
  if (chars.length === 0) {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const head = `${chars[0] ?? ''}${chars[1] ?? ''}${chars[2] ?? ''}`;
  if (head === '---' || head === '...') blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const nextCh = chars[i + 1];
    const followedByWhitespace = nextCh === undefined || nextCh === ' ' || nextCh === '\t';
    if (i === 0) {
      switch (ch) {
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case "'":
        case '"':
        case '%':
        case '@':
        case '`':
          blockIndicators = true;
          break;
        case '?':
        case ':':
        case '-':
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(ch)) specialCharacters = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || ch === '\0' || isBreak(ch);
  }

  const a: Analysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators) {
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  return a;
}

// The scalar text and the style go-yaml's encoder asks for, after the JSON round trip.
function scalarOf(v: unknown): [string, Style] {
  if (v === null || v === undefined) return ['null', 'plain'];
  if (typeof v === 'boolean') return [v ? 'true' : 'false', 'plain'];
  if (typeof v === 'number') return [yamlNumber(v), 'plain'];
  if (typeof v === 'string') {
    const s = yamlString(v);
    return [s, stringStyle(s)];
  }
  return ['null', 'plain'];
}

// JSON digits re-read by go-yaml: integers fitting int64/uint64 stay integers; everything else is a float64
// printed with %g.
function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n === 0 ? 0 : n);
  return formatGoFloatG(n);
}

// A string as go-yaml reads it back from Go's JSON: invalid UTF-16 became U+FFFD; U+0085 is the only line break
// Go leaves unescaped, so the YAML double-quoted scanner folds it (with the spaces around it) like a newline.
function yamlString(s: string): string {
  let t = toWellFormed(s);
  if (/[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.test(t)) throw new KtError('yaml: control characters are not allowed');
  if (t.includes('\u0085')) {
    t = t.replace(/ *\u0085((?: *\u0085)*) */g, (_m, more: string) => {
      const extra = more.split('\u0085').length - 1;
      return extra === 0 ? ' ' : '\n'.repeat(extra);
    });
  }
  return t;
}

// go-yaml v2 encoder.stringv: literal for text with newlines, plain when it would read back as a string,
// double-quoted otherwise.
function stringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  return resolvesToString(s) && !isBase60Float(s) ? 'plain' : 'double';
}

// go-yaml v2 encoder.stringv: would this plain scalar read back as a string?
function resolvesToString(s: string): boolean {
  return resolveYamlPlain(s).kind === 'str';
}

function isBase60Float(s: string): boolean {
  return /^[-+0-9]/.test(s) && s.includes(':') && /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

// go-yaml v2 keyList.Less for string keys: letters after other runes, digit runs compared as numbers.
function keyLess(a: string, b: string): boolean {
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return asciiKeyLess(a, b);
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return cp(ac) < cp(bc);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigitRune(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigitRune(ar[ai] as string); ai++) an = an * 10 + (cp(ar[ai] as string) - 48);
    let bi = i;
    for (; bi < br.length && isDigitRune(br[bi] as string); bi++) bn = bn * 10 + (cp(br[bi] as string) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(ac) < cp(bc);
  }
  return ar.length < br.length;
}

// keyLess for ASCII strings without per-rune allocations (label and field names nearly always are ASCII).
function asciiKeyLess(a: string, b: string): boolean {
  const isL = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const isD = (c: number): boolean => c >= 48 && c <= 57;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const al = isL(x);
    const bl = isL(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === 48 || y === 48) {
      for (let j = i - 1; j >= 0 && isD(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== 48) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < a.length && isD(a.charCodeAt(ai)); ai++) an = an * 10 + (a.charCodeAt(ai) - 48);
    let bi = i;
    for (; bi < b.length && isD(b.charCodeAt(bi)); bi++) bn = bn * 10 + (b.charCodeAt(bi) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return a.length < b.length;
}

const cp = (ch: string): number => ch.codePointAt(0) as number;
const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);
const isDigitRune = (ch: string): boolean => /^\p{Nd}$/u.test(ch);
