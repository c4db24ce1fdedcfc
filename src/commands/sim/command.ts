// `kt sim`: the command and its flags from the table in flags.ts; the simulated cluster itself loads only when this
// command runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import type { Registrar } from '../../cli/registry.js';
import { SIM_FLAGS } from './flags.js';

export function registerSim(program: Command, r: Registrar): void {
  const sim = program
    .command('sim')
    .description('Serve a simulated cluster that kt and real kubectl can talk to.')
    .action(function (this: Command) {
      r.run(this, SIM_FLAGS, async (ctx, flags) => (await import('./run.js')).runSim(ctx, flags));
    });
  addFlags(sim, SIM_FLAGS);
}
