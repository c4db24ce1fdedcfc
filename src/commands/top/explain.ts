// `kt top --explain`: the kubectl commands that give the same numbers; kt's own flags become notes or the
// kubectl command that shows the same thing (requests and limits: describe).
import type { CommandContext } from '../../cli/registry.js';
import { kubectlFlagWords, kubectlWords, type ExplainLine } from '../../cli/explain.js';
import { TOP_NODE_FLAGS, TOP_POD_FLAGS, type TopNodeFlags, type TopPodFlags } from './flags.js';

function extras(flags: TopPodFlags | TopNodeFlags, changed: ReadonlySet<string>, command: string): ExplainLine[] {
  const notes: ExplainLine[] = [];
  if (changed.has('output')) notes.push({ note: `kubectl top has no -o (kubernetes/kubectl#1534): read the table ${command} prints` });
  if (changed.has('watch')) notes.push({ note: `kubectl top has no --watch: run it again (e.g. watch -n 2 ${command})` });
  return notes;
}

export function explainTopPod(flags: TopPodFlags, args: readonly string[], ctx: Pick<CommandContext, 'globals' | 'changed'>): ExplainLine[] {
  const base = kubectlWords(ctx.globals);
  const top = [...base, 'top', 'pod', ...args, ...kubectlFlagWords(TOP_POD_FLAGS, flags, ctx.changed)];
  const lines: ExplainLine[] = [{ command: top }];
  if (flags.resources) {
    // describe shows each container's Requests, Limits, Restart Count and Last State.
    if (args.length > 0) lines.push({ command: [...base, 'describe', 'pod', ...args] });
    else lines.push({ command: [...base, 'describe', 'pods', ...(flags.allNamespaces ? ['--all-namespaces'] : []), ...(flags.selector ? ['--selector', flags.selector] : [])] });
  }
  return [...lines, ...extras(flags, ctx.changed, 'kubectl top pod')];
}

export function explainTopNode(flags: TopNodeFlags, args: readonly string[], ctx: Pick<CommandContext, 'globals' | 'changed'>): ExplainLine[] {
  const base = kubectlWords(ctx.globals, false);
  const lines: ExplainLine[] = [{ command: [...base, 'top', 'node', ...args, ...kubectlFlagWords(TOP_NODE_FLAGS, flags, ctx.changed)] }];
  // describe node's "Allocated resources" section: the requests and limits of the pods scheduled there.
  if (flags.resources) lines.push({ command: [...base, 'describe', 'nodes', ...args, ...(flags.selector ? ['--selector', flags.selector] : [])] });
  return [...lines, ...extras(flags, ctx.changed, 'kubectl top node')];
}
