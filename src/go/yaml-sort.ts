// go-yaml v2's map key order (sorter.go), which kubectl's -o yaml shows: letters after other runes, runs of digits
// compared as numbers ("a2" < "a10"), otherwise code point order.

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
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
