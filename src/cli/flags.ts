// The flag tables on commander, through its public API only: each table row becomes a commander Option, parsed
// the way pflag parses it — booleans accept `--x=false` (rewritten before commander sees it), values are checked
// with Go's parsers when given, and errors carry cobra's wording. Commander keeps no defaults: a flag not on the
// command line comes from the config file or the table (cli/config.ts, valuesOf).
import { Option, type Command } from 'commander';
import { checkValue, displayName, helpOf, parseGoBool, parseValue, type FlagSpec, type FlagTable, type FlagValue } from './flag-table.js';

/** The spec behind each commander option kt made, and the table behind each command. */
const specOfOption = new WeakMap<Option, FlagSpec>();
const tableOfCommand = new WeakMap<Command, FlagTable>();

export function specOf(o: Option): FlagSpec | undefined {
  return specOfOption.get(o);
}

/** The flags a command declares itself (not its parents'). */
export function tableOf(cmd: Command): FlagTable {
  return tableOfCommand.get(cmd) ?? [];
}

/** `--no-headers` is a flag of its own in kubectl (a boolean named for what it turns off); commander negates it. */
const negatedName = (spec: FlagSpec): boolean => spec.name.startsWith('no-');

function optionFor(spec: FlagSpec, table: FlagTable): Option {
  const names = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  const arg = spec.type === 'optional' ? ' [value]' : spec.type === 'bool' ? '' : ' <value>';
  const o = new Option(`${names}${arg}`, helpOf(spec, table));
  if (spec.type !== 'bool' && spec.type !== 'optional') o.argParser((text: string, previous: FlagValue) => parseValue(spec, text, previous));
  specOfOption.set(o, spec);
  return o;
}

/**
 * Declares a table's flags on a command. Each boolean also gets a hidden opposite (`--no-x`, or `--headers` for
 * `--no-headers`) so normalizeBooleanFlags can express `--x=false` in words commander understands.
 */
export function addFlags(cmd: Command, table: FlagTable): Command {
  tableOfCommand.set(cmd, table);
  for (const spec of table) {
    cmd.addOption(optionFor(spec, table));
    if (spec.type === 'bool') cmd.addOption(new Option(negatedName(spec) ? `--${spec.name.slice(3)}` : `--no-${spec.name}`).hideHelp());
  }
  return cmd;
}

/**
 * The boolean flags a command accepts (its own and its parents'), by long name, with pflag's display name
 * (`-A, --all-namespaces`): `-f=x` is a boolean for logs and a file name for debug.
 */
export function booleanFlags(cmd: Command): Map<string, string> {
  const into = new Map<string, string>();
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const spec of tableOf(c)) if (spec.type === 'bool' && !into.has(spec.name)) into.set(spec.name, displayName(spec));
  }
  return into;
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

/** The commander option (on `cmd` or a parent) that carries a spec. */
function ownerOf(cmd: Command, spec: FlagSpec): { owner: Command; option: Option } | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const option = c.options.find((o) => specOfOption.get(o) === spec);
    if (option) return { owner: c, option };
  }
  return undefined;
}

/** The value the command line gave a flag, or undefined when it did not give one (kubectl's `Changed`). */
export function commandLineValue(cmd: Command, spec: FlagSpec): { value: FlagValue } | undefined {
  const found = ownerOf(cmd, spec);
  if (!found) return undefined;
  const attr = found.option.attributeName();
  if (found.owner.getOptionValueSource(attr) !== 'cli') return undefined;
  const raw: unknown = found.owner.getOptionValue(attr);
  if (spec.type === 'bool') return { value: negatedName(spec) ? raw === false : raw === true };
  if (spec.type === 'optional') return { value: raw === true ? spec.noOptDefault : checkValue(spec, raw) };
  return { value: checkValue(spec, raw) };
}
