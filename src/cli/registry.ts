// How a command plugs into the program. Each command has a light `command.ts` (its commander definition from its
// flag table in `flags.ts`, loaded at start-up) and heavier modules its action imports lazily.
import type { Command } from 'commander';
import type { FlagTable, FlagValues } from './flag-table.js';
import type { IO } from './io.js';
import type { GlobalFlags } from './session.js';

export interface CommandContext {
  io: IO;
  globals: GlobalFlags;
  /** `kt top pod` (or `kubectl triage top pod` when run as a kubectl plugin). */
  commandPath: string;
  /**
   * Which flags the user set, by key (`allNamespaces`): on the command line (kubectl's `cmd.Flag(x).Changed`) or
   * in the config file, which stands for the command line (so `--explain` spells those back too).
   */
  changed: ReadonlySet<string>;
  /** The words after `--` (kubectl's ArgsLenAtDash split). */
  argsAfterDash: readonly string[];
}

export interface Registrar {
  io: IO;
  /** `kt`, or `kubectl triage` when run as a kubectl plugin. */
  root: string;
  /**
   * Called from a commander action: records the work to run once parsing has finished. `table` is the command's
   * flag table; the job receives its typed values (command line, then config file, then the table's defaults).
   */
  run<T extends FlagTable>(cmd: Command, table: T, job: (ctx: CommandContext, flags: FlagValues<T>) => Promise<void>): void;
}

/**
 * What completion offers for a command's positional arguments, one entry per position (the last repeats): names
 * from the cluster (completed by cli/complete.ts) or a lazy list.
 */
export type ArgSource =
  | 'pods'
  | 'nodes'
  /** POD or node/NAME. */
  | 'podOrNode'
  /** The containers of the pod named by the first argument. */
  | 'containersOfArg0'
  | 'none'
  /** POD, or TYPE/NAME for these kinds (any of kubectl's names for them). */
  | { readonly podOrTypeName: readonly string[] }
  | (() => Promise<readonly string[]>);

const argSources = new WeakMap<Command, readonly ArgSource[]>();

export function setArgCompletion(cmd: Command, sources: readonly ArgSource[]): Command {
  argSources.set(cmd, sources);
  return cmd;
}

export function argSourcesOf(cmd: Command): readonly ArgSource[] {
  return argSources.get(cmd) ?? [];
}

/** The command's path below the root (`top pod`); '' for the root. */
export function subPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function pathOf(cmd: Command, root: string): string {
  return [root, subPath(cmd)].filter((s) => s !== '').join(' ');
}
