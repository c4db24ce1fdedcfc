// `kt logs`: flag definitions (being written; see issue 4).
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';

export function registerLogs(program: Command, r: Registrar): void {
  void r;
  program.command('logs').description('Print the logs for a container in a pod.').allowExcessArguments();
}
