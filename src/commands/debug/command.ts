// `kt debug`: the command, its flags from the table in flags.ts, loaded at start-up; the work is imported when it
// runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { DEBUG_FLAGS } from './flags.js';

export function registerDebug(program: Command, r: Registrar): void {
  const debug = program
    .command('debug')
    .description('Create debugging sessions for troubleshooting workloads and nodes.')
    .usage('(POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const all = [...this.args];
      r.run(this, DEBUG_FLAGS, async (ctx, flags) => {
        // commander's operands include the words after `--`; kubectl splits them off (ArgsLenAtDash).
        const after = [...ctx.argsAfterDash];
        const targetNames = all.slice(0, all.length - after.length);
        await (await import('./run.js')).debug(ctx, flags, targetNames, after);
      });
    });
  addFlags(debug, DEBUG_FLAGS);
  setArgCompletion(debug, ['podOrNode', 'none']);
}
