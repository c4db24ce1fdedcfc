// Go's strconv integer parsing, exact to 64 bits (BigInt): what go-yaml and encoding/json accept as an integer.

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * strconv.ParseInt(s, base, 64) (`signed`) or strconv.ParseUint(s, base, 64). Base 0 reads the prefix: 0x, 0o, 0b, or
 * a leading 0 for octal. Returns undefined where Go returns an error (syntax or range).
 */
export function parseGoInteger(s: string, signed: boolean, base: 0 | 2 | 8 | 10 | 16 = 0): bigint | undefined {
  let body = s;
  let negative = false;
  if (signed && (body[0] === '+' || body[0] === '-')) {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') return undefined;
  let digits = body;
  let radix: number = base;
  if (base === 0) {
    radix = 10;
    if (body[0] === '0' && body.length > 1) {
      const p = (body[1] ?? '').toLowerCase();
      if (p === 'x' || p === 'o' || p === 'b') {
        radix = p === 'x' ? 16 : p === 'o' ? 8 : 2;
        digits = body.slice(2);
      } else {
        radix = 8;
        digits = body.slice(1);
      }
    }
  }
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const magnitude = BigInt(`${prefix}${digits}`);
  if (signed) {
    const v = negative ? -magnitude : magnitude;
    return v < INT64_MIN || v > INT64_MAX ? undefined : v;
  }
  return magnitude > UINT64_MAX ? undefined : magnitude;
}

/** strconv.Atoi on a 64-bit platform; undefined where Go returns an error. */
export function atoi(s: string): number | undefined {
  const v = parseGoInteger(s, true, 10);
  return v === undefined ? undefined : Number(v);
}
