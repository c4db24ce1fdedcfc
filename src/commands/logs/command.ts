// `kt logs`: the command, its flags from the table in flags.ts (parsed the way pflag parses them). The work is
// imported when the command runs.
import type { Command } from 'commander';
import { addFlags } from '../../cli/flags.js';
import { setArgCompletion, type Registrar } from '../../cli/registry.js';
import { LOGS_FLAGS } from './flags.js';

/** The kinds kubectl logs takes as TYPE/NAME (completion offers their names). */
const LOG_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Service', 'ReplicationController'];

export function registerLogs(program: Command, r: Registrar): void {
  const logs = program
    .command('logs')
    .description('Print the logs for a container in a pod or specified resource.')
    .usage('[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      r.run(this, LOGS_FLAGS, async (ctx, flags) => (await import('./run.js')).runLogs(ctx, flags, args));
    });
  addFlags(logs, LOGS_FLAGS);
  setArgCompletion(logs, [{ podOrTypeName: LOG_KINDS }, 'containersOfArg0', 'none']);
}
