// `kt drill`: CKA practice against a background sim — start (pose a task), check (verify the answer from the
// sim's state), stop, list. Flag definitions only; the work is imported when it runs.
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';
import type { DrillFlags } from './run.js';

export function registerDrill(program: Command, r: Registrar): void {
  const drill = program
    .command('drill')
    .description('CKA practice: kt starts a simulated cluster and poses a task, you answer with kubectl, kt checks.')
    .option('--dir <dir>', 'Where the drill keeps its kubeconfig, answer file and state (default: $KT_DRILL_DIR, else ~/.kt/drill).');
  const dirOf = (cmd: Command): DrillFlags => ({ ...drill.opts<DrillFlags>(), ...cmd.opts<DrillFlags>() });
  drill
    .command('list')
    .description('List the practice tasks.')
    .action(function (this: Command) {
      r.run(this, async (ctx) => (await import('./run.js')).drillList(ctx));
    });
  drill
    .command('start')
    .description('Start a practice cluster in the background (replacing a running one) and pose TASK (default: the first).')
    .usage('[TASK]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      const flags = dirOf(this);
      r.run(this, async (ctx) => (await import('./run.js')).drillStart(ctx, flags, args));
    });
  drill
    .command('check')
    .description('Check the answer against the practice cluster: exit 0 when right, 2 when not.')
    .action(function (this: Command) {
      const flags = dirOf(this);
      r.run(this, async (ctx) => (await import('./run.js')).drillCheck(ctx, flags));
    });
  drill
    .command('stop')
    .description('Stop the practice cluster.')
    .action(function (this: Command) {
      const flags = dirOf(this);
      r.run(this, async (ctx) => (await import('./run.js')).drillStop(ctx, flags));
    });
}
