// Go's string order and strings.TrimSpace.
import { describe, expect, it } from 'vitest';
import { compareStrings, trimSpace } from '../../src/go/strings.js';

describe('compareStrings', () => {
  it('orders by code point (UTF-8 bytes), astral characters after U+E000–U+FFFF', () => {
    const words = ['b', 'a', 'B', 'aa', '', '\uffff', '😀', '\ue000', 'é'];
    expect([...words].sort(compareStrings)).toEqual(['', 'B', 'a', 'aa', 'b', 'é', '\ue000', '\uffff', '😀']);
  });
});

describe('trimSpace', () => {
  it('trims what Go trims (U+0085, U+3000), not what it keeps (U+FEFF)', () => {
    expect(trimSpace('\u0085\t x \n\u3000')).toBe('x');
    expect(trimSpace('\ufeffx')).toBe('\ufeffx');
    expect(trimSpace(' \u00a0 ')).toBe('');
  });
});
