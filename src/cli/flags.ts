// Flag parsing in kubectl's (pflag's) manner on top of commander: booleans accept `--x=false`, values are checked
// with Go's parsers, and parse errors carry cobra's wording.
import { FlagError } from '../errors.js';
import { readCsvLine } from '../go/csv.js';

/** pflag's strconv.ParseBool. */
export function parseGoBool(value: string, flag: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
}

/** pflag's strconv.ParseInt for int flags. */
export function parseGoInt(value: string, flag: string): number {
  if (!/^[+-]?\d+$/.test(value)) {
    throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": value out of range`);
  }
  return n;
}

/**
 * Rewrites `--flag=true|false` for boolean flags into what commander understands (`--flag` / `--no-flag`),
 * validating the value as pflag would. `booleans` maps long names to their display form (`-A, --all-namespaces`).
 * Everything after `--` is left alone.
 */
export function normalizeBooleanFlags(argv: readonly string[], booleans: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    const shortM = /^-([A-Za-z])=(.*)$/s.exec(arg);
    const long = m ? m[1]! : shortM ? [...booleans.entries()].find(([, display]) => display.startsWith(`-${shortM[1]}, `))?.[0] : undefined;
    if (long !== undefined && booleans.has(long)) {
      const value = (m ?? shortM)![2]!;
      const negative = long.startsWith('no-') ? `--${long.slice(3)}` : `--no-${long}`; // --no-headers=false → --headers
      out.push(parseGoBool(value, booleans.get(long)!) ? `--${long}` : negative);
    } else if (shortM) {
      // pflag reads `-v=7` as `-v 7`; commander would take "=7" as the value.
      out.push(`-${shortM[1]}`, shortM[2]!);
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** pflag's stringToString: comma-separated (CSV) `k=v` pairs, accumulated over repeated flags. */
export function parseStringToString(flag: string): (value: string, previous: Map<string, string> | undefined) => Map<string, string> {
  return (value, previous) => {
    const map = new Map(previous ?? []);
    for (const pair of readCsvLine(value)) {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new FlagError(`invalid argument "${value}" for "${flag}" flag: ${pair} must be formatted as key=value`);
      map.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return map;
  };
}
