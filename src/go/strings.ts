// Go's string order and strings.TrimSpace, where JavaScript's differ: Go compares UTF-8 bytes (so code points,
// not UTF-16 units), and unicode.IsSpace is not JavaScript's \s (it has U+0085 and lacks U+FEFF).

/** Go's `a < b` for strings as a comparator: UTF-8 byte order, which is code point order. */
export function compareStrings(a: string, b: string): number {
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

/** unicode.IsSpace's set. */
const SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.includes(s[a]!)) a++;
  while (b > a && SPACE.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}
