// Go's ways of quoting and cleaning strings (strconv.Quote, the time package's quote, unicode.IsPrint, invalid
// UTF-16 → U+FFFD), shared by the printers, the Go time and duration parsers and the kubeconfig loader.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Go replaces invalid UTF-16/UTF-8 with U+FFFD when it encodes JSON. */
export function toWellFormed(s: string): string {
  return /[\ud800-\udfff]/.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s;
}

/** strconv.Quote: Go's %q of a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of toWellFormed(s)) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (isGoPrint(ch)) out += ch;
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp === 9) out += '\\t';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrint(ch: string): boolean {
  return ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

/**
 * The time package's own quote (not strconv.Quote), in its parse errors: ASCII below 0x20 and every non-ASCII
 * character as \x escapes of their UTF-8 bytes, `"` and `\` with a backslash, everything else kept.
 */
export function timeQuote(s: string): string {
  const encoder = new TextEncoder();
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of encoder.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return `${out}"`;
}
