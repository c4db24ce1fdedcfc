// `kt events` options, kubectl's way (EventsFlags → ToOptions → Validate → Run): the pure parts live here.
import { FlagError, KtError } from '../../errors.js';
import { parseGoDuration, GoDurationError } from '../../go/duration.js';
import type { EventsFlags } from './flags.js';

export type { EventsFlags } from './flags.js';

/** `--for TYPE/NAME` split as kubectl's decodeResourceTypeName splits it (before the type is resolved). */
export interface ForArg {
  resource: string;
  name: string;
}

/**
 * kubectl: no slash is "not found" (→ `--for must be in resource/name form`), more than one slash is an error of
 * its own. Returns undefined for an empty --for.
 */
export function splitForArg(value: string): ForArg | undefined {
  if (value === '') return undefined;
  if (!value.includes('/')) throw new KtError('--for must be in resource/name form');
  const seg = value.split('/');
  if (seg.length !== 2) throw new KtError('arguments in resource/name form may not have more than one slash');
  return { resource: seg[0]!, name: seg[1]! };
}

/** kubectl's Validate: every --types value is Normal or Warning, ignoring case. */
export function validateTypes(types: readonly string[]): void {
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KtError('valid --types are Normal or Warning');
  }
}

/** kubectl's filteredEventType: no --types lets everything through; otherwise a case-insensitive match. */
export function typeFilter(types: readonly string[]): (type: string | undefined) => boolean {
  if (types.length === 0) return () => true;
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  return (type) => wanted.has((type ?? '').toLowerCase());
}

/** kt's --since: a Go duration, worded as cobra words a bad duration flag. Returns milliseconds ('' is unset). */
export function parseSince(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const ns = parseGoDuration(value);
    if (ns < 0n) throw new FlagError(`invalid argument "${value}" for "--since" flag: must not be negative`);
    return Number(ns / 1_000_000n);
  } catch (e) {
    if (e instanceof GoDurationError) throw new FlagError(`invalid argument "${value}" for "--since" flag: ${e.message}`);
    throw e;
  }
}

export { parseColorMode as parseColor } from '../../print/color.js';

/**
 * The --related combinations kt can honour (checked before any request, like kubectl's Validate). --reconnect is
 * on by default and only matters with --watch, so it combines with anything.
 */
export function validateExtensions(flags: Pick<EventsFlags, 'related' | 'for' | 'watch'>): void {
  if (flags.related && flags.for === '') throw new KtError('--related requires --for TYPE/NAME');
  if (flags.related && flags.watch) throw new KtError('--related cannot be combined with --watch');
}
