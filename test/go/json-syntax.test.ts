// encoding/json's syntax errors (scanner.go), as Go prints them for `json.Unmarshal` of each input.
import { describe, expect, it } from 'vitest';
import { goJsonSyntaxError } from '../../src/go/json-syntax.js';

describe('goJsonSyntaxError', () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{bad', "invalid character 'b' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['nul', 'unexpected end of JSON input'],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['"\x01"', "invalid character '\\x01' in string literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ['01', "invalid character '1' after top-level value"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['{"a":1}}', "invalid character '}' after top-level value"],
  ])('%j: %s', (input, message) => {
    expect(goJsonSyntaxError(input)).toBe(message);
  });

  it.each([['{}'], [' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9"]} '], ['0'], ['"plain"']])('%j is valid', (input) => {
    expect(goJsonSyntaxError(input)).toBeUndefined();
  });
});
