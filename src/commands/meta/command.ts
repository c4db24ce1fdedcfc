// The commands around the others, as kubectl has them: `completion`, `version` and `options`. Their flags (the
// table in flags.ts) load at start-up; the work (and the client layer, for `version`) is imported when they run.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { VERSION_FLAGS } from './flags.js';

export function registerMeta(program: Command, r: Registrar, version: string): void {
  const completion = program
    .command('completion')
    .description('Output shell completion code for the specified shell (bash, zsh, fish, or powershell).')
    .usage('SHELL')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, [], async (ctx) => {
        const { SHELLS, completionScript } = await import('../../cli/completion-scripts.js');
        if (args.length === 0) throw new UsageError('Shell not specified.');
        if (args.length > 1) throw new UsageError('Too many arguments. Expected only the shell type.');
        const shell = SHELLS.find((s) => s === args[0]);
        if (!shell) throw new UsageError(`Unsupported shell type "${args[0]}".`);
        // As a kubectl plugin, kubectl completes `kubectl triage …` itself through kubectl_complete-triage.
        const prog = r.root === 'kt' ? 'kt' : r.root.replace(' ', '-');
        ctx.io.out.write(completionScript(shell, prog));
      });
    });
  setArgCompletion(completion, [async () => (await import('../../cli/completion-scripts.js')).SHELLS, 'none']);
  const versionCmd = program
    .command('version')
    .description('Print the client and server version information.')
    .action(function (this: Command) {
      r.run(this, VERSION_FLAGS, async (ctx, flags) => (await import('./version.js')).runVersion(ctx, flags, version));
    });
  addFlags(versionCmd, VERSION_FLAGS);
  program
    .command('options')
    .description('Print the list of flags inherited by all commands.')
    .action(function (this: Command) {
      r.run(this, [], async (ctx) => {
        const { formatGlobalOptions } = await import('../../cli/help.js');
        ctx.io.out.write(formatGlobalOptions(program));
      });
    });
}
