// `kt drill`: CKA practice against a background sim — start (pose a task), check (verify the answer from the
// sim's state), stop, list. The commands and the table's one flag (`--dir`, on `drill`, read by each
// subcommand); the work is imported when it runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { DRILL_FLAGS } from './flags.js';

/** The task names, for completion (the tasks module loads only then). */
const taskNames = async (): Promise<string[]> => (await import('./tasks.js')).TASKS.map((t) => t.name);

export function registerDrill(program: Command, r: Registrar): void {
  const drill = program
    .command('drill')
    .description('CKA practice: kt starts a simulated cluster and poses a task, you answer with kubectl, kt checks.');
  addFlags(drill, DRILL_FLAGS);
  drill
    .command('list')
    .description('List the practice tasks.')
    .action(function (this: Command) {
      r.run(this, DRILL_FLAGS, async (ctx) => (await import('./run.js')).drillList(ctx));
    });
  const start = drill
    .command('start')
    .description('Start a practice cluster in the background (replacing a running one) and pose TASK (default: the first).')
    .usage('[TASK]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, DRILL_FLAGS, async (ctx, flags) => (await import('./run.js')).drillStart(ctx, flags, args));
    });
  setArgCompletion(start, [taskNames, 'none']);
  drill
    .command('check')
    .description('Check the answer against the practice cluster: exit 0 when right, 2 when not.')
    .action(function (this: Command) {
      r.run(this, DRILL_FLAGS, async (ctx, flags) => (await import('./run.js')).drillCheck(ctx, flags));
    });
  drill
    .command('stop')
    .description('Stop the practice cluster.')
    .action(function (this: Command) {
      r.run(this, DRILL_FLAGS, async (ctx, flags) => (await import('./run.js')).drillStop(ctx, flags));
    });
}
