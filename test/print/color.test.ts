// kt's one colour system: when to colour (--color, a terminal, NO_COLOR, FORCE_COLOR and its levels, TERM) and the
// exact escape sequences each style writes.
import { describe, expect, it } from 'vitest';
import { colorLevel, colors, colorsFor, forcedColorLevel, NO_COLORS, parseColorMode, type ColorMode } from '../../src/print/color.js';
import { FlagError } from '../../src/errors.js';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe('colorLevel', () => {
  it.each<[ColorMode, { isTTY: boolean }, Record<string, string>, number]>([
    // --color=never: nothing, whatever the environment says.
    ['never', TTY, {}, 0],
    ['never', TTY, { FORCE_COLOR: '3' }, 0],
    // --color=always: even a pipe, even with NO_COLOR; at FORCE_COLOR's level when it names one.
    ['always', PIPE, {}, 1],
    ['always', PIPE, { NO_COLOR: '1' }, 1],
    ['always', PIPE, { FORCE_COLOR: '2' }, 2],
    ['always', PIPE, { FORCE_COLOR: '0' }, 1],
    ['always', TTY, { TERM: 'dumb' }, 1],
    // --color=auto: a terminal only...
    ['auto', TTY, {}, 1],
    ['auto', PIPE, {}, 0],
    ['auto', TTY, { TERM: 'dumb' }, 0],
    ['auto', TTY, { TERM: 'xterm-256color' }, 2],
    ['auto', TTY, { COLORTERM: 'truecolor' }, 3],
    // ...unless NO_COLOR (any non-empty value) says no...
    ['auto', TTY, { NO_COLOR: '1' }, 0],
    ['auto', TTY, { NO_COLOR: '' }, 1],
    // ...and FORCE_COLOR decides when set, a pipe included, over NO_COLOR (as Node and chalk read it).
    ['auto', PIPE, { FORCE_COLOR: '1' }, 1],
    ['auto', PIPE, { FORCE_COLOR: '' }, 1],
    ['auto', PIPE, { FORCE_COLOR: 'true' }, 1],
    ['auto', PIPE, { FORCE_COLOR: '2' }, 2],
    ['auto', PIPE, { FORCE_COLOR: '3' }, 3],
    ['auto', PIPE, { FORCE_COLOR: '9' }, 3],
    ['auto', TTY, { FORCE_COLOR: '0' }, 0],
    ['auto', TTY, { FORCE_COLOR: 'false' }, 0],
    ['auto', PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' }, 1],
    // A FORCE_COLOR that is not a level is ignored.
    ['auto', PIPE, { FORCE_COLOR: 'yes' }, 0],
    ['auto', TTY, { FORCE_COLOR: '-1' }, 1],
  ])('--color=%s on %o with %o → level %d', (mode, stream, env, level) => {
    expect(colorLevel(mode, stream, env)).toBe(level);
  });

  it('FORCE_COLOR levels', () => {
    expect([undefined, '', 'true', 'false', '0', '1', '2', '3', '4', 'x'].map((v) => forcedColorLevel(v === undefined ? {} : { FORCE_COLOR: v }))).toEqual([undefined, 1, 1, 0, 0, 1, 2, 3, 3, undefined]);
  });

  it('--color accepts auto, always and never only, worded as pflag words it', () => {
    expect(parseColorMode('always')).toBe('always');
    expect(() => parseColorMode('sometimes')).toThrow(new FlagError('invalid argument "sometimes" for "--color" flag: must be auto, always or never'));
  });
});

describe('escape sequences', () => {
  const c = colors(1);
  it('tones: warning yellow, hot and unhealthy red, healthy green', () => {
    expect(c.tone('warning', 'W')).toBe('\x1b[33mW\x1b[39m');
    expect(c.tone('hot', 'H')).toBe('\x1b[31mH\x1b[39m');
    expect(c.tone('unhealthy', 'U')).toBe('\x1b[31mU\x1b[39m');
    expect(c.tone('healthy', 'G')).toBe('\x1b[32mG\x1b[39m');
  });
  it('verdicts are bold as well; highlights bold red', () => {
    expect(c.verdict('Healthy', true)).toBe('\x1b[32m\x1b[1mHealthy\x1b[22m\x1b[39m');
    expect(c.verdict('OOMKilled', false)).toBe('\x1b[31m\x1b[1mOOMKilled\x1b[22m\x1b[39m');
    expect(c.highlight('error')).toBe('\x1b[31m\x1b[1merror\x1b[22m\x1b[39m');
  });
  it('lines: each line in its tone, empty lines and lines without a tone left plain', () => {
    expect(c.lines('a   b\nc   d\n\ne   f\n', [undefined, 'warning', 'warning', 'hot'])).toBe('a   b\n\x1b[33mc   d\x1b[39m\n\n\x1b[31me   f\x1b[39m\n');
  });
  it('pod prefixes: the pod in one colour, the container in another, stable across runs', () => {
    expect(c.podPrefix('web-1', 'nginx')).toBe('\x1b[91m[pod/web-1/\x1b[39m\x1b[34mnginx\x1b[39m\x1b[91m]\x1b[39m ');
    expect(c.podPrefix('web-1', 'nginx')).toBe(colors(1).podPrefix('web-1', 'nginx'));
    expect(c.podPrefix('web-2', 'nginx')).not.toBe(c.podPrefix('web-1', 'nginx'));
  });
  it('the basic colours kt uses print the same codes at levels 1, 2 and 3', () => {
    for (const level of [2, 3] as const) {
      expect(colors(level).tone('warning', 'W')).toBe('\x1b[33mW\x1b[39m');
      expect(colors(level).podPrefix('web-1', 'nginx')).toBe(c.podPrefix('web-1', 'nginx'));
    }
  });
  it('level 0 writes no escape code at all', () => {
    for (const plain of [NO_COLORS, colorsFor('auto', PIPE, {}), colorsFor('never', TTY, { FORCE_COLOR: '3' })]) {
      expect(plain.enabled).toBe(false);
      expect([plain.tone('warning', 'W'), plain.verdict('V', true), plain.highlight('h'), plain.podPrefix('p', 'c'), plain.lines('a\nb', ['hot', 'hot'])]).toEqual(['W', 'V', 'h', '[pod/p/c] ', 'a\nb']);
    }
  });
});
