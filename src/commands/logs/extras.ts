// kt's flags beyond kubectl 1.32, compiled into plain values for the follow core. With none given, everything
// here is inert and `kt logs` behaves exactly as kubectl does — but for --resume, on by default, which changes
// nothing until a followed stream drops.
import { colorsFor, parseColorMode, type Colors } from '../../print/color.js';
import type { IO } from '../../cli/io.js';
import { KtError } from '../../errors.js';
import { parseGoDuration } from '../../go/duration.js';
import type { LogsFlags } from './options.js';

export interface Extras {
  live: boolean;
  resume: boolean;
  previousOnRestart: boolean;
  match: RegExp | undefined;
  include: RegExp[];
  exclude: RegExp[];
  highlight: RegExp[];
  color: Colors;
  json: boolean;
  waitFor: RegExp | undefined;
  /** --timeout in ms (0 = none). */
  timeoutMs: number;
  /** Whether a line-level feature beyond kubectl is in play (then lines go through a transform). Colour alone is not; nor is --resume, which hands on the bytes kubectl would print. */
  any: boolean;
}

function regex(flag: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (e) {
    throw new KtError(`invalid ${flag} regular expression ${JSON.stringify(source)}: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}

/** --color: auto colours a terminal unless NO_COLOR is set (print/color.ts has the rules). */
export function colorEnabled(when: string, io: IO): Colors {
  return colorsFor(parseColorMode(when), io.out, io.env);
}

export function compileExtras(flags: LogsFlags, io: IO): Extras {
  if (flags.output !== '' && flags.output !== 'json') {
    throw new KtError(`unable to match a printer suitable for the output format "${flags.output}", allowed formats are: json`);
  }
  let timeoutMs = 0;
  if (flags.timeout !== '') {
    try {
      timeoutMs = Number(parseGoDuration(flags.timeout) / 1_000_000n);
    } catch (e) {
      throw new KtError(`invalid --timeout: ${(e as Error).message}`);
    }
    if (flags.waitFor === '') throw new KtError('--timeout needs --wait-for');
  }
  const e: Extras = {
    live: flags.live === true,
    resume: flags.resume === true || flags.live === true,
    previousOnRestart: flags.previousOnRestart === true,
    match: flags.match !== '' ? regex('--match', flags.match) : undefined,
    include: (flags.include ?? []).map((s) => regex('--include', s)),
    exclude: (flags.exclude ?? []).map((s) => regex('--exclude', s)),
    highlight: (flags.highlight ?? []).map((s) => regex('--highlight', s)),
    color: colorEnabled(flags.color, io),
    json: flags.output === 'json',
    waitFor: flags.waitFor !== '' ? regex('--wait-for', flags.waitFor) : undefined,
    timeoutMs,
    any: false,
  };
  // --previous-on-restart matters only with --live (it may come from the config file), so it alone changes nothing.
  e.any = e.live || e.match !== undefined || e.include.length + e.exclude.length + e.highlight.length > 0 || e.json || e.waitFor !== undefined;
  return e;
}
