// kt's command line: one commander program with kubectl's global flags; each command's module is imported only
// when that command runs, so `kt --version` never loads the client layer.
import { Command, CommanderError, Option } from 'commander';
import { FlagError, KtError, UsageError } from '../errors.js';
import { normalizeBooleanFlags, parseGoInt } from './flags.js';
import { handleError } from './handle-error.js';
import { processIO, type IO } from './io.js';
import type { GlobalFlags } from './session.js';
import { pathOf, type CommandContext, type Registrar } from './registry.js';
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

/** Every boolean flag of every command, for `--flag=false` handling. */
function booleanFlags(cmd: Command, into = new Map<string, string>()): Map<string, string> {
  for (const o of cmd.options) {
    if (o.long && !o.negate && !o.required && !o.optional) into.set(o.long.slice(2), o.flags);
    // A flag kubectl itself spells `--no-x` (`--no-headers`) is a boolean too: `--no-headers=false` is valid.
    else if (o.long && o.negate && !o.hidden) into.set(o.long.slice(2), o.flags);
  }
  for (const c of cmd.commands) booleanFlags(c, into);
  return into;
}

/** Adds `--no-x` (hidden) beside each boolean `--x` so `--x=false` can be expressed, on every command. */
function addNegationsDeep(cmd: Command): void {
  const longs = new Set(cmd.options.map((o) => o.long));
  for (const o of [...cmd.options]) {
    if (o.long && !o.negate && !o.required && !o.optional && o.long !== '--help' && !longs.has(`--no-${o.long.slice(2)}`)) {
      cmd.addOption(new Option(`--no-${o.long.slice(2)}`).hideHelp());
    }
    // `--no-headers=false` becomes the hidden positive `--headers`.
    if (o.long && o.negate && !o.hidden && !longs.has(`--${o.long.slice(5)}`)) {
      cmd.addOption(new Option(`--${o.long.slice(5)}`).hideHelp().default(o.defaultValue ?? true));
    }
  }
  cmd.commands.forEach(addNegationsDeep);
}

function changedFlags(cmd: Command): Set<string> {
  const set = new Set<string>();
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const o of c.options) {
      const key = o.attributeName();
      if (c.getOptionValueSource(key) === 'cli') set.add(key);
    }
  }
  return set;
}

export function buildProgram(io: IO, root: string, run: (job: () => Promise<void>, commandPath: string) => void): Command {
  const program = new Command(root)
    .description('kt: kubectl top, logs, events and debug, byte for byte, and then further.')
    .version(VERSION, '--version', 'Print the kt version and exit.')
    .option('--kubeconfig <path>', 'Path to the kubeconfig file to use for CLI requests.')
    .option('--context <name>', 'The name of the kubeconfig context to use')
    .option('--cluster <name>', 'The name of the kubeconfig cluster to use')
    .option('--user <name>', 'The name of the kubeconfig user to use')
    .option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request')
    .option('-s, --server <url>', 'The address and port of the Kubernetes API server')
    .option('--token <token>', 'Bearer token for authentication to the API server')
    .option('--insecure-skip-tls-verify', "If true, the server's certificate will not be checked for validity.")
    .option('--request-timeout <duration>', 'The length of time to wait before giving up on a single server request (0 = no timeout).', '0')
    .addOption(new Option('-v, --v <level>', 'number for the log level verbosity').argParser((v) => parseGoInt(v, '-v, --v')).default(0))
    .option('--demo', 'Run the command against an in-process simulated cluster (the demo scenario).')
    .allowExcessArguments()
    .configureOutput({ writeOut: (t) => io.out.write(t), writeErr: (t) => io.err.write(t), outputError: () => {} });

  const registrar: Registrar = {
    io,
    root,
    run(cmd, job) {
      const ctx: CommandContext = { io, globals: program.opts<GlobalFlags>(), commandPath: pathOf(cmd, root), changed: changedFlags(cmd) };
      // Defaults from the config file fill in flags the command line did not set (the same option objects).
      run(async () => {
        await (await import('./config.js')).applyConfig(cmd, io);
        await job(ctx);
      }, ctx.commandPath);
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
  addNegationsDeep(program);
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
      return new KtError(`unknown command "${quoted}" for "${root}"${suggestions(quoted, program)}`);
    case 'commander.invalidArgument': {
      return new FlagError(err.message.replace(/^error: /, ''));
    }
    default:
      return new FlagError(err.message.replace(/^error: /, ''));
  }
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** cobra's "Did you mean this?": commands within two edits of what was typed, or starting with it. */
function suggestions(typed: string, program: Command): string {
  const names = program.commands
    .filter((c) => levenshtein(typed, c.name()) <= 2 || c.name().toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name());
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

/** The command an argv names (for errors raised while its flags are still being parsed). */
function guessPath(program: Command, argv: readonly string[], root: string): string {
  let cmd = program;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) continue;
    cmd = sub;
  }
  return pathOf(cmd, root);
}

/** Runs kt with the given arguments; resolves with the exit code. */
export async function main(argv: readonly string[], io: IO = processIO(), root = 'kt'): Promise<number> {
  let job: (() => Promise<void>) | undefined;
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
    const normalized = normalizeBooleanFlags(argv, booleanFlags(program));
    await program.parseAsync([...normalized], { from: 'user' });
    if (job) await job();
    return 0;
  } catch (e) {
    if (e instanceof ParseFailure) {
      if (e.error.code === 'commander.helpDisplayed' || e.error.code === 'commander.version' || e.error.code === 'commander.help') return 0;
      failedPath = e.commandPath;
      const error = e.error.code === 'commander.unknownCommand' && e.commandPath === root ? new CommanderError(1, 'kt.unknownRootCommand', e.error.message) : e.error;
      return handleError(translate(error, argv, program, root), { commandPath: failedPath }, io);
    }
    if (e instanceof FlagError && !job) return handleError(e, { commandPath: guessPath(program, argv, root) }, io);
    return handleError(e, { commandPath: failedPath }, io);
  }
}
