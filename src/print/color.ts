// Colour only where a person is looking: a TTY, unless NO_COLOR is set or --color says otherwise. Escape codes
// are added after alignment, so they never count toward a column's width.
import { FlagError } from '../errors.js';

export type ColorMode = 'auto' | 'always' | 'never';

/** --color's value, checked as pflag checks a flag value (every command words the error the same way). */
export function parseColorMode(value: string): ColorMode {
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new FlagError(`invalid argument "${value}" for "--color" flag: must be auto, always or never`);
}

export function useColor(mode: ColorMode, isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY === true;
}

const CODES = { red: [31, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22], cyan: [36, 39], green: [32, 39], magenta: [35, 39], blue: [34, 39] } as const;
export type Style = keyof typeof CODES;

export function paint(style: Style, text: string): string {
  const [on, off] = CODES[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/** Paints whole lines of an aligned table: `styles[i]` for line i (undefined leaves it plain). */
export function paintLines(text: string, styles: readonly (Style | undefined)[]): string {
  const lines = text.split('\n');
  return lines.map((l, i) => (styles[i] && l !== '' ? paint(styles[i]!, l) : l)).join('\n');
}
