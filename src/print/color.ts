// kt's one colour system, and the only place escape codes come from: every coloured row, cell, prefix and highlight
// is styled here, through chalk. kt decides whether to colour from the stream and environment a command was given
// (never from chalk's own look at process.stdout) and builds a chalk of that level. Printers align first and
// colour after, so escape codes never count toward a column's width.
//
// The decision, for --color=auto: FORCE_COLOR (as Node and chalk read it: 0 off, 1–3 a level, '' or 'true' 1)
// decides when set, even for a pipe; otherwise NO_COLOR (any non-empty value) turns colour off; otherwise only a
// terminal is coloured (not TERM=dumb), at the level TERM and COLORTERM announce. --color=always colours anything,
// at FORCE_COLOR's level when it names one; --color=never never does.
import { Chalk, type ChalkInstance } from 'chalk';
import { FlagError } from '../errors.js';

export type ColorMode = 'auto' | 'always' | 'never';

/** chalk's levels: 0 none, 1 the 16 basic colours, 2 256 colours, 3 truecolor. kt uses only basic colours. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** --color's value, checked as pflag checks a flag value (every command words the error the same way). */
export function parseColorMode(value: string): ColorMode {
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new FlagError(`invalid argument "${value}" for "--color" flag: must be auto, always or never`);
}

type Env = Readonly<Record<string, string | undefined>>;

/** FORCE_COLOR's level, or undefined when it is unset or not a level. */
export function forcedColorLevel(env: Env): ColorLevel | undefined {
  const v = env['FORCE_COLOR'];
  if (v === undefined) return undefined;
  if (v === '' || v === 'true') return 1;
  if (v === 'false') return 0;
  if (!/^[0-9]+$/.test(v)) return undefined;
  return Math.min(Number(v), 3) as ColorLevel;
}

/** The level a terminal announces: truecolor through COLORTERM, 256 colours through TERM, else the basic 16. */
function terminalLevel(env: Env): ColorLevel {
  const colorterm = env['COLORTERM'] ?? '';
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  return /-256(?:color)?$/i.test(env['TERM'] ?? '') ? 2 : 1;
}

/** Whether and how much to colour output written to `stream` (see the rules at the top of this file). */
export function colorLevel(mode: ColorMode, stream: { isTTY?: boolean | undefined }, env: Env): ColorLevel {
  if (mode === 'never') return 0;
  const forced = forcedColorLevel(env);
  if (mode === 'always') return forced !== undefined && forced > 0 ? forced : 1;
  if (forced !== undefined) return forced;
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return 0;
  if (stream.isTTY !== true || env['TERM'] === 'dumb') return 0;
  return terminalLevel(env);
}

/** What a line or word is coloured for. */
export type Tone = 'warning' | 'hot' | 'healthy' | 'unhealthy';

/** kt's styles at one colour level; at level 0 every method returns its text unchanged. */
export interface Colors {
  readonly level: ColorLevel;
  /** A level above 0: callers may skip work that only colour needs. */
  readonly enabled: boolean;
  /** Text in a tone's colour: Warning events yellow, usage over a limit red, verdicts green or red. */
  tone(tone: Tone, text: string): string;
  /** An aligned table, line i in `tones[i]` (undefined and empty lines stay plain). */
  lines(text: string, tones: readonly (Tone | undefined)[]): string;
  /** triage's headline verdict: bold, green when healthy, red when not. */
  verdict(text: string, healthy: boolean): string;
  /** A --highlight match: bold red. */
  highlight(text: string): string;
  /** `[pod/P/C] `, the pod part in a colour of its own and the container a shade apart. */
  podPrefix(pod: string, container: string): string;
}

// The 16 basic colours (level 1 and up print the same codes for them), in the order pods are given them.
const POD_PALETTE = ['cyan', 'yellow', 'green', 'magenta', 'blue', 'red', 'cyanBright', 'yellowBright', 'greenBright', 'magentaBright', 'blueBright', 'redBright'] as const;

// FNV-1a: a pod keeps its colour from one run to the next.
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function toneStyle(chalk: ChalkInstance, tone: Tone): ChalkInstance {
  return tone === 'warning' ? chalk.yellow : tone === 'healthy' ? chalk.green : chalk.red;
}

/** kt's styles at `level`. */
export function colors(level: ColorLevel): Colors {
  const chalk = new Chalk({ level });
  const tone = (t: Tone, text: string): string => toneStyle(chalk, t)(text);
  return {
    level,
    enabled: level > 0,
    tone,
    lines: (text, tones) => {
      if (level === 0) return text;
      return text
        .split('\n')
        .map((line, i) => {
          const t = tones[i];
          return t !== undefined && line !== '' ? tone(t, line) : line;
        })
        .join('\n');
    },
    verdict: (text, healthy) => (healthy ? chalk.green : chalk.red).bold(text),
    highlight: (text) => chalk.red.bold(text),
    podPrefix: (pod, container) => {
      const podStyle = chalk[POD_PALETTE[hash(pod) % POD_PALETTE.length]!];
      const containerStyle = chalk[POD_PALETTE[(hash(pod) + 1 + (hash(container) % (POD_PALETTE.length - 1))) % POD_PALETTE.length]!];
      return `${podStyle(`[pod/${pod}/`)}${containerStyle(container)}${podStyle(']')} `;
    },
  };
}

/** No colour at all. */
export const NO_COLORS: Colors = colors(0);

/** Cursor home and clear screen: how `top --watch` redraws in place on a terminal (not colour, but an escape too). */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** The styles for output written to `stream`, as `mode` and the environment decide. */
export function colorsFor(mode: ColorMode, stream: { isTTY?: boolean | undefined }, env: Env): Colors {
  return colors(colorLevel(mode, stream, env));
}
