// go-yaml v2's encoder and its libyaml-derived emitter (encode.go, emitterc.go), for the values JSON decodes to:
// the style go-yaml asks for (plain when the text reads back as a string under YAML 1.1 — "yes", "on", "1:20" and
// timestamps do not —, literal for text with newlines, double-quoted otherwise) and the emitter's fallbacks (plain →
// single → double, literal → double), folding long scalars at column 80, block sequences not indented under their
// key, keys in go-yaml's order and `? ` keys over 128 bytes. A port rather than the `yaml` package: its quoting and
// folding rules differ in many corners, and this loads faster.

import { formatGoFloatG, isGoMap } from './fmt.js';
import { resolveYamlPlain } from './yaml-resolve.js';
import { yamlKeyLess } from './yaml-sort.js';

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

/**
 * The YAML document go-yaml v2 writes for `root`. `text` maps every string (keys and values) before it is emitted:
 * the caller's chance to apply what a round trip through another format did to it.
 */
export function emitYAML(root: unknown, text: (s: string) => string = (s) => s): string {
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
    } else if (isGoMap(v)) {
      emitMapping(v);
    } else {
      const [scalar, requested] = scalarOf(v, text);
      const chars = codePoints(scalar);
      emitScalar(scalar, chars, requested, analyzeScalar(chars));
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
    for (const k of raws) texts.set(k, text(k));
    const keyText = (k: string): string => texts.get(k) ?? k;
    const keys = raws.sort((a, b) => (yamlKeyLess(keyText(a), keyText(b)) ? -1 : yamlKeyLess(keyText(b), keyText(a)) ? 1 : 0));
    if (keys.length === 0) {
      writeIndicator('{', true, true, false);
      writeIndicator('}', false, false, false);
      return;
    }
    increaseIndent(false, false);
    for (const raw of keys) {
      writeIndent();
      const key = keyText(raw);
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

// The scalar text and the style go-yaml's encoder asks for.
function scalarOf(v: unknown, text: (s: string) => string): [string, Style] {
  if (v === null || v === undefined) return ['null', 'plain'];
  if (typeof v === 'boolean') return [v ? 'true' : 'false', 'plain'];
  if (typeof v === 'number') return [yamlNumber(v), 'plain'];
  if (typeof v === 'string') {
    const s = text(v);
    return [s, stringStyle(s)];
  }
  return ['null', 'plain'];
}

// A number as go-yaml holds it after decoding JSON digits: integers fitting int64/uint64 stay integers; everything
// else is a float64, printed with %g.
function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n === 0 ? 0 : n);
  return formatGoFloatG(n);
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
