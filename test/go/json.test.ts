// Go's encoding/json encoder over decoded JSON: map keys sorted or struct order kept, HTML-safe escapes, Go's
// control-character escapes, float64 literals and raw messages.
import { describe, expect, it } from 'vitest';
import { Float64 } from '../../src/go/fmt.js';
import { goJsonString, marshalGoJSON, RawMessage } from '../../src/go/json.js';

describe('goJsonString', () => {
  it('escapes <, >, &, U+2028 and U+2029 as Go does by default', () => {
    expect(goJsonString('<a href="x">&\u2028\u2029</a>')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028\\u2029\\u003c/a\\u003e"');
  });
  it('writes control characters as Go 1.22+ does and replaces lone surrogates', () => {
    expect(goJsonString('\u0000\b\f\n\r\t\u001f\u007f')).toBe('"\\u0000\\b\\f\\n\\r\\t\\u001f\u007f"');
    expect(goJsonString('a\ud800b')).toBe('"a\ufffdb"');
  });
});

describe('marshalGoJSON', () => {
  const value = { b: 1, a: [1, 'x', null, true], c: {}, d: [], e: undefined, f: { z: 1, y: 2 } };
  it('Marshal: compact, map keys sorted, undefined members left out', () => {
    expect(marshalGoJSON(value)).toBe('{"a":[1,"x",null,true],"b":1,"c":{},"d":[],"f":{"y":2,"z":1}}');
  });
  it('MarshalIndent', () => {
    expect(marshalGoJSON({ b: [1], a: { c: 'x' } }, { indent: '  ' })).toBe('{\n  "a": {\n    "c": "x"\n  },\n  "b": [\n    1\n  ]\n}');
  });
  it('struct order keeps the keys as given', () => {
    expect(marshalGoJSON({ kind: 'Event', apiVersion: 'v1', metadata: {} }, { keyOrder: 'struct' })).toBe('{"kind":"Event","apiVersion":"v1","metadata":{}}');
  });
  it('numbers: Go switches to exponents below 1e-6 and from 1e21; a float64 literal and raw JSON as they are', () => {
    expect(marshalGoJSON([0.000001, 0.0000001, 1e20, 1e21, -0, 1.5, new Float64(2), new RawMessage('{"x":1}')])).toBe('[0.000001,1e-7,100000000000000000000,1e+21,0,1.5,2,{"x":1}]');
  });
  it('a Map is a Go map: keys sorted, in struct order too', () => {
    const m = new Map<string, unknown>([['b', 1], ['a', new Map([['y', 'x']])], ['c', undefined]]);
    expect(marshalGoJSON(m)).toBe('{"a":{"y":"x"},"b":1}');
    expect(marshalGoJSON({ z: m, a: 1 }, { keyOrder: 'struct' })).toBe('{"z":{"a":{"y":"x"},"b":1},"a":1}');
  });
  it('sorts keys by code point, not UTF-16 unit', () => {
    expect(marshalGoJSON({ '😀': 1, '\uffff': 2, a: 3 })).toBe('{"a":3,"\uffff":2,"😀":1}');
  });
});
