// `kt top pod|node`: the commands, their flags from the tables in flags.ts, loaded at start-up; the work is
// imported when it runs.
import type { Command } from 'commander';
import { ExitError, UsageError } from '../../errors.js';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { TOP_NODE_FLAGS, TOP_POD_FLAGS } from './flags.js';

export function registerTop(program: Command, r: Registrar): void {
  const top = program
    .command('top')
    .description('Display resource (CPU/memory) usage.')
    .allowExcessArguments()
    .action(function (this: Command) {
      const [unknown] = this.args;
      r.run(this, [], async () => {
        if (unknown !== undefined) throw new UsageError(`unknown command "${unknown}"`);
        // kubectl prints the help of `top` to stderr and fails when no resource is named.
        r.io.err.write(top.helpInformation());
        throw new ExitError(1);
      });
    });
  const pod = top
    .command('pod')
    .aliases(['pods', 'po'])
    .description('Display resource (CPU/memory) usage of pods.')
    .usage('[NAME | -l label] [options]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, TOP_POD_FLAGS, async (ctx, flags) => (await import('./pod.js')).topPod(ctx, flags, args));
    });
  addFlags(pod, TOP_POD_FLAGS);
  setArgCompletion(pod, ['pods', 'none']);
  const node = top
    .command('node')
    .aliases(['nodes', 'no'])
    .description('Display resource (CPU/memory) usage of nodes.')
    .usage('[NAME | -l label] [options]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, TOP_NODE_FLAGS, async (ctx, flags) => (await import('./node.js')).topNode(ctx, flags, args));
    });
  addFlags(node, TOP_NODE_FLAGS);
  setArgCompletion(node, ['nodes', 'none']);
}
