// `kt top pod|node`: flag definitions (kubectl 1.32's), loaded at start-up; the work is imported when it runs.
import type { Command } from 'commander';
import { ExitError, UsageError } from '../../errors.js';
import type { Registrar } from '../../cli/registry.js';
import type { TopNodeFlags, TopPodFlags } from './options.js';

export function registerTop(program: Command, r: Registrar): void {
  const top = program
    .command('top')
    .description('Display resource (CPU/memory) usage.')
    .allowExcessArguments()
    .action(function (this: Command) {
      const [unknown] = this.args;
      r.run(this, async () => {
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
    .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
    .option('--containers', 'If present, print usage of containers within a pod.')
    .option('--field-selector <selector>', 'Selector (field query) to filter on.', '')
    .option('--no-headers', 'If present, print output without headers.')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on.', '')
    .option('--sort-by <field>', "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.", '')
    .option('--sum', 'Print the sum of the resource usage')
    .option('--use-protocol-buffers', 'Enables using protocol-buffers to access Metrics API.', true)
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      const flags = this.opts<TopPodFlags>();
      r.run(this, async (ctx) => (await import('./pod.js')).topPod(ctx, flags, args));
    });
  const node = top
    .command('node')
    .aliases(['nodes', 'no'])
    .description('Display resource (CPU/memory) usage of nodes.')
    .usage('[NAME | -l label] [options]')
    .option('--no-headers', 'If present, print output without headers.')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on.', '')
    .option('--show-capacity', 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.')
    .option('--sort-by <field>', "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.", '')
    .option('--use-protocol-buffers', 'Enables using protocol-buffers to access Metrics API.', true)
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      const flags = this.opts<TopNodeFlags>();
      r.run(this, async (ctx) => (await import('./node.js')).topNode(ctx, flags, args));
    });
  // kt's own flags, the same on both: kubectl top has none of them, so its defaults stay as they are.
  for (const cmd of [pod, node]) addKtExtras(cmd);
}

function addKtExtras(cmd: Command): void {
  cmd
    .option('-o, --output <format>', 'kt: print the metrics as json, yaml, name, jsonpath=TEMPLATE or jsonpath-as-json=TEMPLATE (computed values included).')
    .option('--resources', 'kt: show usage beside requests and limits (with percentages), restarts and the last termination.')
    .option('-w, --watch [interval]', 'kt: refresh every interval (default 2s): in place on a terminal, appended when piped.')
    .option('--color <when>', 'kt: colour rows above 90% of a limit: auto (terminals only, not with NO_COLOR), always or never.', 'auto')
    .option('--explain', 'kt: print the kubectl commands that give the same answer (on stderr, before the output).');
}
