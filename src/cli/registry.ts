// How a command plugs into the program. Each command has a light `command.ts` (its commander definition,
// loaded at start-up) and heavier modules its action imports lazily.
import type { Command } from 'commander';
import type { IO } from './io.js';
import type { GlobalFlags } from './session.js';

export interface CommandContext {
  io: IO;
  globals: GlobalFlags;
  /** `kt top pod` (or `kubectl triage top pod` when run as a plugin). */
  commandPath: string;
  /** Which flags the user set, by attribute name (kubectl's `cmd.Flag(x).Changed`). */
  changed: ReadonlySet<string>;
}

export interface Registrar {
  io: IO;
  /** `kt`, or `kubectl triage` when run as a kubectl plugin. */
  root: string;
  /**
   * Called from a commander action: records the work to run once parsing has finished, with a context that knows
   * the command's path (for `See '… -h'` hints) and which flags were set.
   */
  run(cmd: Command, job: (ctx: CommandContext) => Promise<void>): void;
}

export function pathOf(cmd: Command, root: string): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return [root, ...names].join(' ');
}
