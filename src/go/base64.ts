// Go's encoding/base64 decoders, with Go's error texts and offsets (kubeconfig `*-data` fields, PEM bodies, JWTs).

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type GoBase64Result = { bytes: Uint8Array } | { error: string };

const corrupt = (at: number): { error: string } => ({ error: `illegal base64 data at input byte ${at}` });
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;

/**
 * encoding/base64.StdEncoding.DecodeString: padding required, CR/LF ignored, anything else reports
 * `illegal base64 data at input byte N` with Go's offsets.
 */
export function goBase64Decode(s: string): GoBase64Result {
  return decode(Buffer.from(s, 'utf8'), STD_ALPHABET, true);
}

/** encoding/base64.RawURLEncoding.DecodeString: the URL alphabet, no padding (a JWT's segments). */
export function goBase64RawUrlDecode(s: string): GoBase64Result {
  return decode(Buffer.from(s, 'utf8'), URL_ALPHABET, false);
}

function decode(src: Buffer, alphabet: string, padded: boolean): GoBase64Result {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum = readQuantum(src, si, alphabet, padded);
    if ('error' in quantum) return quantum;
    si = quantum.next;
    if (quantum.length === 0) break;
    const [a = 0, b = 0, c = 0, d = 0] = quantum.values;
    const val = (a << 18) | (b << 12) | (c << 6) | d;
    out.push(...[(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff].slice(0, quantum.length - 1));
    if (quantum.trailingAt >= 0) return corrupt(quantum.trailingAt);
    if (quantum.length < 4) break;
  }
  return { bytes: Uint8Array.from(out) };
}

interface Quantum {
  values: number[];
  /** How many of the four characters carried data (4 unless padding or the end came first). */
  length: number;
  next: number;
  /** Where data follows the padding (an error once the quantum is written out), or -1. */
  trailingAt: number;
}

/** Go's decodeQuantum: up to four characters from `si`, skipping newlines, with padding handled as Go does. */
function readQuantum(src: Buffer, start: number, alphabet: string, padded: boolean): Quantum | { error: string } {
  const values: number[] = [];
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { values, length: 0, next: si, trailingAt: -1 };
      if (j === 1 || padded) return corrupt(si - j);
      return { values, length: j, next: si, trailingAt: -1 };
    }
    const ch = src[si] ?? 0;
    si++;
    const value = ch < 128 ? alphabet.indexOf(String.fromCharCode(ch)) : -1;
    if (value >= 0) {
      values[j] = value;
      continue;
    }
    if (isNewline(ch)) {
      j--;
      continue;
    }
    if (ch !== 0x3d || !padded) return corrupt(si - 1);
    // padding
    if (j === 0 || j === 1) return corrupt(si - 1);
    if (j === 2) {
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return corrupt(src.length);
      if (src[si] !== 0x3d) return corrupt(si - 1);
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    return { values, length: j, next: si, trailingAt: si < src.length ? si : -1 };
  }
  return { values, length: 4, next: si, trailingAt: -1 };
}
