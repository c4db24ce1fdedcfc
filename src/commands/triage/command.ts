// `kt triage`: the command, its flags from the table in flags.ts, loaded at start-up; the work is imported when
// the command runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { TRIAGE_FLAGS, TRIAGE_KINDS } from './flags.js';

export function registerTriage(program: Command, r: Registrar): void {
  const triage = program
    .command('triage')
    .description('One incident report for a pod or workload: a verdict naming the cause, then state, events, logs and usage. Exit 0 healthy, 2 unhealthy, 1 on error.')
    .usage('(POD | TYPE/NAME | -l selector | -A --unhealthy) [options]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, TRIAGE_FLAGS, async (ctx, flags) => (await import('./run.js')).triage(ctx, flags, args));
    });
  addFlags(triage, TRIAGE_FLAGS);
  setArgCompletion(triage, [{ podOrTypeName: TRIAGE_KINDS }, 'none']);
}
