// `kt debug`: kubectl 1.32's flags, loaded at start-up; the work is imported when it runs.
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';
import type { DebugFlags } from './options.js';
import { parseStringToString } from '../../cli/flags.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Words after `--` on the command line (kubectl's ArgsLenAtDash split). */
function wordsAfterDash(cmd: Command): string[] {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const raw = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  const dash = raw.indexOf('--');
  return dash < 0 ? [] : raw.slice(dash + 1);
}

export function registerDebug(program: Command, r: Registrar): void {
  program
    .command('debug')
    .description('Create debugging sessions for troubleshooting workloads and nodes.')
    .usage('(POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]')
    .option('-f, --filename <file>', 'identifying the resource to debug', collect)
    .option('--arguments-only', 'If specified, everything after -- will be passed to the new container as Args instead of Command.')
    .option('--attach', "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true.")
    .option('-c, --container <name>', 'Container name to use for debug container.')
    .option('--copy-to <name>', 'Create a copy of the target Pod with this name.')
    .option('--custom <file>', 'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.')
    .option('--env <key=value>', 'Environment variables to set in the container.', parseStringToString('--env'))
    .option('--image <image>', 'Container image to use for debug container.')
    .option('--image-pull-policy <policy>', 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.')
    .option('--keep-annotations', "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')")
    .option('--keep-init-containers', "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')", true)
    .option('--keep-labels', "If true, keep the original pod labels.(This flag only works when used with '--copy-to')")
    .option('--keep-liveness', "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')")
    .option('--keep-readiness', "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')")
    .option('--keep-startup', "If true, keep the original startup probes.(This flag only works when used with '--copy-to')")
    .option('--profile <profile>', 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin". kt\'s default is "general" (kubectl 1.32\'s is the deprecated "legacy").')
    .option('-q, --quiet', 'If true, suppress informational messages.')
    .option('--replace', "When used with '--copy-to', delete the original Pod.")
    .option('--same-node', "When used with '--copy-to', schedule the copy of target Pod on the same node.")
    .option('--set-image <name=image>', "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works.", parseStringToString('--set-image'))
    .option('--share-processes', "When used with '--copy-to', enable process namespace sharing in the copy.", true)
    .option('-i, --stdin', 'Keep stdin open on the container(s) in the pod, even if nothing is attached.')
    .option('--target <container>', 'When using an ephemeral container, target processes in this container name.')
    .option('-t, --tty', 'Allocate a TTY for the debugging container.')
    .option('--cleanup', 'kt: list and delete the pods kt debug created (copies and node debuggers) and list the ephemeral containers it added.')
    .option('-A, --all-namespaces', 'kt: with --cleanup, look in every namespace.')
    .option('--explain', 'kt: print the kubectl command that does the same (kt does nothing else).')
    .allowExcessArguments()
    .action(function (this: Command) {
      const after = wordsAfterDash(this);
      const all = [...this.args];
      const targetNames = all.slice(0, all.length - after.length);
      const flags = this.opts<DebugFlags>();
      r.run(this, async (ctx) => (await import('./run.js')).debug(ctx, flags, targetNames, after));
    });
}
