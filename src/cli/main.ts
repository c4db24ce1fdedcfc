// kt's command line: one commander program with kubectl's global flags; each command's module is imported only
// when that command runs, so `kt --version` never loads the client layer.
import { Command, CommanderError } from 'commander';
import { FlagError, KtError, UsageError } from '../errors.js';
import { keyOf, UNSET, valuesOf, type FlagSpec, type FlagTable, type FlagValue } from './flag-table.js';
import { addFlags, booleanFlags, commandLineValue, normalizeBooleanFlags, tableOf } from './flags.js';
import { GLOBAL_FLAGS, globalFlags } from './global-flags.js';
import { handleError } from './handle-error.js';
import { processIO, type IO } from './io.js';
import { pathOf, subPath, type CommandContext, type Registrar } from './registry.js';
import { unknownRootCommand } from './unknown-command.js';
import { registerTop } from '../commands/top/command.js';
import { registerSim } from '../commands/sim/command.js';
import { registerLogs } from '../commands/logs/command.js';
import { registerEvents } from '../commands/events/command.js';
import { registerDebug } from '../commands/debug/command.js';
import { registerMeta } from '../commands/meta/command.js';
import { installHelp } from './help.js';
import { registerTriage } from '../commands/triage/command.js';
import { registerDrill } from '../commands/drill/command.js';

export const VERSION = '0.1.0';

/** A commander failure, with the command path cobra would name in its `See '…'` line. */
class ParseFailure extends Error {
  constructor(readonly error: CommanderError, readonly commandPath: string) {
    super(error.message);
  }
}

export type { CommandContext } from './registry.js';

/** What main hands a recorded job once parsing is done. */
export interface ParsedLine {
  /** The words after `--`. */
  argsAfterDash: readonly string[];
}

/** Every command's own flag table by path below the root (`top pod`; '' is the root's, the globals). */
function commandTables(program: Command): Map<string, FlagTable> {
  const tables = new Map<string, FlagTable>();
  const walk = (c: Command): void => {
    tables.set(subPath(c), tableOf(c));
    c.commands.forEach(walk);
  };
  walk(program);
  return tables;
}

export function buildProgram(io: IO, root: string, run: (job: (line: ParsedLine) => Promise<void>, commandPath: string) => void): Command {
  const program = new Command(root)
    .description('kt: kubectl top, logs, events and debug, byte for byte, and then further.')
    .version(VERSION, '--version', 'Print the kt version and exit.')
    .allowExcessArguments()
    .configureOutput({ writeOut: (t) => io.out.write(t), writeErr: (t) => io.err.write(t), outputError: () => {} });
  addFlags(program, GLOBAL_FLAGS);

  const registrar: Registrar = {
    io,
    root,
    run(cmd, table, job) {
      const commandPath = pathOf(cmd, root);
      run(async (line) => {
        // Each flag: the command line, else the config file (checked through the table), else the table's default.
        const { loadConfig } = await import('./config.js');
        const config = await loadConfig(io, subPath(cmd), commandTables(program));
        const reader = (changed: Set<string>) => (spec: FlagSpec): FlagValue | typeof UNSET => {
          const given = commandLineValue(cmd, spec) ?? config?.valueOf(spec);
          if (!given) return UNSET;
          changed.add(keyOf(spec.name));
          return given.value;
        };
        const globalsChanged = new Set<string>();
        const globals = globalFlags(valuesOf(GLOBAL_FLAGS, reader(globalsChanged)), globalsChanged);
        const changed = new Set<string>();
        const flags = valuesOf(table, reader(changed));
        const ctx: CommandContext = { io, globals, commandPath, changed, argsAfterDash: line.argsAfterDash };
        await job(ctx, flags);
      }, commandPath);
    },
  };
  registerTop(program, registrar);
  registerLogs(program, registrar);
  registerEvents(program, registrar);
  registerDebug(program, registrar);
  registerTriage(program, registrar);
  registerDrill(program, registrar);
  registerSim(program, registrar);
  registerMeta(program, registrar, VERSION);
  installHelp(program, root);
  return program;
}

function flagName(display: string, argv: readonly string[]): string {
  // commander names an option by its whole flags string ("-l, --selector <selector>"); cobra by what was typed.
  const m = /^(?:-(\w), )?(--[\w-]+)/.exec(display);
  if (!m) return display;
  const [, short, long] = m;
  if (short && !argv.some((a) => a === long || a.startsWith(`${long}=`))) return `'${short}' in -${short}`;
  return long!;
}

function translate(err: CommanderError, argv: readonly string[], program: Command, root: string): Error {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      if (/^-[^-]/.test(quoted)) return new FlagError(`unknown shorthand flag: '${quoted[1]}' in ${quoted}`);
      return new FlagError(`unknown flag: ${quoted.split('=')[0]}`);
    case 'commander.optionMissingArgument':
      return new FlagError(`flag needs an argument: ${flagName(quoted, argv)}`);
    case 'commander.unknownCommand':
      return new UsageError(`unknown command "${quoted}"`);
    case 'kt.unknownRootCommand':
      return unknownRootCommand(quoted, argv, program, root);
    case 'commander.invalidArgument': {
      return new FlagError(err.message.replace(/^error: /, ''));
    }
    default:
      return new FlagError(err.message.replace(/^error: /, ''));
  }
}

/** The command an argv names, found before parsing (its flags decide how `-f=x` reads; errors name its path). */
function commandNamed(program: Command, argv: readonly string[]): Command {
  let cmd = program;
  for (const a of argv) {
    if (a === '--') break;
    if (a.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) continue;
    cmd = sub;
  }
  return cmd;
}

/** Runs kt with the given arguments; resolves with the exit code. */
export async function main(argv: readonly string[], io: IO = processIO(), root = 'kt'): Promise<number> {
  let job: ((line: ParsedLine) => Promise<void>) | undefined;
  let failedPath = root;
  const program = buildProgram(io, root, (j, path) => {
    job = j;
    failedPath = path;
  });
  const setOverride = (cmd: Command): void => {
    cmd.exitOverride((e) => {
      throw new ParseFailure(e, pathOf(cmd, root));
    });
    cmd.commands.forEach(setOverride);
  };
  setOverride(program);
  try {
    if (argv.length === 0) {
      io.out.write(program.helpInformation());
      return 0;
    }
    // Shell completion (cobra's protocol); quiet whatever happens.
    if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
      try {
        return await (await import('./complete.js')).complete(program, argv.slice(1), io, argv[0] === '__complete');
      } catch {
        io.out.write(':1\n');
        return 0;
      }
    }
    const normalized = normalizeBooleanFlags(argv, booleanFlags(commandNamed(program, argv)));
    await program.parseAsync([...normalized], { from: 'user' });
    const dash = normalized.indexOf('--');
    if (job) await job({ argsAfterDash: dash < 0 ? [] : normalized.slice(dash + 1) });
    return 0;
  } catch (e) {
    if (e instanceof ParseFailure) {
      if (e.error.code === 'commander.helpDisplayed' || e.error.code === 'commander.version' || e.error.code === 'commander.help') return 0;
      failedPath = e.commandPath;
      const error = e.error.code === 'commander.unknownCommand' && e.commandPath === root ? new CommanderError(1, 'kt.unknownRootCommand', e.error.message) : e.error;
      return handleError(translate(error, argv, program, root), { commandPath: failedPath }, io);
    }
    if (e instanceof FlagError && !job) return handleError(e, { commandPath: pathOf(commandNamed(program, argv), root) }, io);
    return handleError(e, { commandPath: failedPath }, io);
  }
}
