// Go's fmt verbs over decoded JSON (what kubectl's JSONPath errors and debug dumps print).
import { describe, expect, it } from 'vitest';
import { Float64, formatGoFloatG, formatGoNumber, formatGoSharpU, formatGoSharpV, formatGoV, goTypeName, isGoInt } from '../../src/go/fmt.js';

describe('formatGoFloatG (strconv.FormatFloat(f, \'g\', -1, 64))', () => {
  it.each([
    [1500000.5, '1.5000005e+06'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [100000, '100000'],
    [1e6, '1e+06'],
    [123456789, '1.23456789e+08'],
    [1e21, '1e+21'],
    [1.5e-300, '1.5e-300'],
    [-2.5, '-2.5'],
    [-0, '-0'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%d → %s', (f, text) => {
    expect(formatGoFloatG(f)).toBe(text);
  });
});

describe('numbers as decoded JSON', () => {
  it('integral numbers within int64 are int64; the rest and float64 literals are %g', () => {
    expect(isGoInt(2 ** 62)).toBe(true);
    expect(isGoInt(2 ** 63)).toBe(false);
    expect(formatGoNumber(1e6)).toBe('1000000');
    expect(formatGoNumber(new Float64(1e6))).toBe('1e+06');
    expect(formatGoNumber(2 ** 63)).toBe('9.223372036854776e+18');
  });
});

describe('%v, %#v, %T, %#U', () => {
  const value = { b: [1, 'x', new Float64(2)], a: null, c: true };
  it('%v', () => {
    expect(formatGoV(value)).toBe('map[a:<nil> b:[1 x 2] c:true]');
    expect(formatGoV('s')).toBe('s');
  });
  it('%#v', () => {
    expect(formatGoSharpV(value)).toBe('map[string]interface {}{"a":interface {}(nil), "b":[]interface {}{1, "x", 2}, "c":true}');
    expect(formatGoSharpV(null)).toBe('<nil>');
    expect(formatGoSharpV('a"b')).toBe('"a\\"b"');
  });
  it('%T', () => {
    expect([null, 's', true, 1, 1.5, new Float64(1), [], {}].map(goTypeName)).toEqual(['<nil>', 'string', 'bool', 'int64', 'float64', 'float64', '[]interface {}', 'map[string]interface {}']);
  });
  it('%#U', () => {
    expect(formatGoSharpU('!')).toBe("U+0021 '!'");
    expect(formatGoSharpU('\x07')).toBe('U+0007');
    expect(formatGoSharpU('😀')).toBe("U+1F600 '😀'");
  });
});
