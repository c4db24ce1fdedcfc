// `kt triage`: flag definitions, loaded at start-up; the work is imported when the command runs.
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';
import type { TriageFlags } from './options.js';

export function registerTriage(program: Command, r: Registrar): void {
  program
    .command('triage')
    .description('One incident report for a pod or workload: a verdict naming the cause, then state, events, logs and usage. Exit 0 healthy, 2 unhealthy, 1 on error.')
    .usage('(POD | TYPE/NAME | -l selector | -A --unhealthy) [options]')
    .option('-l, --selector <selector>', 'Triage the pods this label selector matches.', '')
    .option('-A, --all-namespaces', 'With --unhealthy (or -l): look in every namespace.')
    .option('--unhealthy', 'Report only the pods that are not healthy.')
    .option('-o, --output <format>', 'Print the report as json or yaml (a TriageReport).', '')
    .option('--color <when>', 'Colour the verdicts: auto (a terminal without NO_COLOR), always or never.', 'auto')
    .option('--explain', 'Print the plain kubectl commands that give the same answers (on stderr, before the report).')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      const flags = this.opts<TriageFlags>();
      r.run(this, async (ctx) => (await import('./run.js')).triage(ctx, flags, args));
    });
}
