// `kt events`: the command, its flags from the table in flags.ts, loaded at start-up; the work is imported when
// the command runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { EVENTS_FLAGS } from './flags.js';

export function registerEvents(program: Command, r: Registrar): void {
  const events = program
    .command('events')
    .description('List events.')
    .usage('[(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]')
    .allowExcessArguments()
    .action(function (this: Command) {
      r.run(this, EVENTS_FLAGS, async (ctx, flags) => (await import('./run.js')).events(ctx, flags));
    });
  addFlags(events, EVENTS_FLAGS);
  setArgCompletion(events, ['none']);
}
