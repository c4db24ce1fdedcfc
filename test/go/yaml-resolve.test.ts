// go-yaml v2's plain-scalar resolution, shared by the kubeconfig decoder and the -o yaml encoder.
import { describe, expect, it } from 'vitest';
import { resolveYamlPlain } from '../../src/go/yaml-resolve.js';
import { parseGoInteger } from '../../src/go/strconv.js';

describe('resolveYamlPlain', () => {
  it.each([
    ['hello', { kind: 'str' }],
    ['', { kind: 'null' }],
    ['~', { kind: 'null' }],
    ['Off', { kind: 'bool', value: false }],
    ['yes', { kind: 'bool', value: true }],
    ['tRue', { kind: 'str' }],
    ['0x1F', { kind: 'int', value: 31n }],
    ['017', { kind: 'int', value: 15n }],
    ['0o17', { kind: 'int', value: 15n }],
    ['1_000', { kind: 'int', value: 1000n }],
    ['-9223372036854775808', { kind: 'int', value: -(2n ** 63n) }],
    ['18446744073709551615', { kind: 'int', value: 2n ** 64n - 1n }],
    ['0b-101', { kind: 'int', value: -5n }],
    ['-0b11', { kind: 'int', value: -3n }],
    ['1e3', { kind: 'float', value: 1000 }],
    ['.5', { kind: 'float', value: 0.5 }],
    ['-.inf', { kind: 'float', value: -Infinity }],
    ['1e400', { kind: 'str' }],
    ['2024-02-29', { kind: 'timestamp' }],
    ['2023-02-29', { kind: 'str' }],
    ['2024-01-01T10:00:00Z', { kind: 'timestamp' }],
    ['<<', { kind: 'str' }],
    ['1.2.3', { kind: 'str' }],
  ])('%j', (text, want) => {
    expect(resolveYamlPlain(text)).toEqual(want);
  });

  it('reads .nan as NaN', () => {
    const r = resolveYamlPlain('.NaN');
    expect(r.kind === 'float' && Number.isNaN(r.value)).toBe(true);
  });
});

describe('parseGoInteger', () => {
  it('is strconv.ParseInt/ParseUint with base 0 and explicit bases', () => {
    expect(parseGoInteger('9223372036854775808', true)).toBeUndefined();
    expect(parseGoInteger('9223372036854775808', false)).toBe(2n ** 63n);
    expect(parseGoInteger('-1', false)).toBeUndefined();
    expect(parseGoInteger('08', true)).toBeUndefined();
    expect(parseGoInteger('+101', true, 2)).toBe(5n);
    expect(parseGoInteger('ff', true, 16)).toBe(255n);
    expect(parseGoInteger('0x', true)).toBeUndefined();
  });
});
