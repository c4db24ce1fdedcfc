// `kt events`: flag definitions (being written; see issue 5).
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';

export function registerEvents(program: Command, r: Registrar): void {
  void r;
  program.command('events').description('List events.').allowExcessArguments();
}
