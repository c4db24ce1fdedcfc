// `kt events --explain`: the kubectl events command with the same kubectl flags; --related becomes one
// `kubectl events --for` per related object (Node events live in the "default" namespace); the rest are notes.
import type { KubeClient } from '../../client/api.js';
import type { CommandContext } from '../../cli/registry.js';
import { kubectlFlagWords, kubectlWords, type ExplainLine } from '../../cli/explain.js';
import type { ResourceType } from '../../k8s/resources.js';
import { EVENTS_FLAGS, type EventsFlags } from './flags.js';

export async function explainEvents(
  flags: EventsFlags,
  ctx: Pick<CommandContext, 'globals' | 'changed'>,
  related?: { client: KubeClient; namespace: string; type: ResourceType; name: string },
): Promise<ExplainLine[]> {
  const lines: ExplainLine[] = [];
  const words = kubectlFlagWords(EVENTS_FLAGS, flags, ctx.changed);
  if (related) {
    const { relatedObjects } = await import('../../client/related.js');
    const rest = words.filter((w) => !w.startsWith('--for='));
    for (const o of await relatedObjects(related.client, related.namespace, related.type, related.name)) {
      lines.push({ command: [...kubectlWords(ctx.globals, false), 'events', '-n', o.namespace ?? 'default', `--for=${o.kind.toLowerCase()}/${o.name}`, ...rest] });
    }
    lines.push({ note: '--related: kubectl events --for names one object, so it takes one command per object' });
  } else {
    lines.push({ command: [...kubectlWords(ctx.globals), 'events', ...words] });
  }
  if (flags.since) lines.push({ note: `--since ${flags.since}: kubectl events has no --since (kubernetes/kubectl#977): read LAST SEEN, newest last` });
  if (flags.watch && flags.reconnect) lines.push({ note: 'kubectl events -w ends when the stream drops or expires, where kt reconnects and relists (--reconnect=false does not): run it again' });
  return lines;
}
