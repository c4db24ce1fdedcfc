// `kt debug --cleanup [-A]`: delete the pods kt debug created (copies and node debuggers carry kt's label) and
// list the ephemeral containers debug sessions left behind — Kubernetes cannot remove those (k/k#101609).
import type { KubeClient } from '../../client/api.js';
import type { IO } from '../../cli/io.js';
import { CREATED_BY_LABEL, type DebugOptions } from './options.js';

export async function cleanup(client: KubeClient, o: DebugOptions, io: IO): Promise<void> {
  const ns = o.allNamespaces ? undefined : o.namespace;
  const created = (await client.listPods(ns, { labelSelector: CREATED_BY_LABEL })).items;
  for (const p of created) {
    await client.deletePod(p.metadata?.namespace ?? o.namespace, p.metadata?.name ?? '');
    io.out.write(`pod "${p.metadata?.name}" deleted${o.allNamespaces ? ` from ${p.metadata?.namespace} namespace` : ''}\n`);
  }
  const withEphemeral = (await client.listPods(ns)).items.filter((p) => (p.spec?.ephemeralContainers ?? []).length > 0);
  for (const p of withEphemeral) {
    const statuses = p.status?.ephemeralContainerStatuses ?? [];
    const names = (p.spec?.ephemeralContainers ?? []).map((c) => {
      const s = statuses.find((x) => x.name === c.name)?.state;
      const state = s?.running ? 'running' : s?.terminated ? `terminated, exit ${s.terminated.exitCode ?? 0}` : 'waiting';
      return `${c.name} (${state})`;
    });
    const where = o.allNamespaces ? `${p.metadata?.namespace}/` : '';
    io.out.write(`pod/${where}${p.metadata?.name} keeps ephemeral containers ${names.join(', ')}: they cannot be removed (kubernetes/kubernetes#101609); delete the pod to get rid of them\n`);
  }
  if (created.length === 0 && withEphemeral.length === 0) {
    io.err.write(o.allNamespaces ? 'No debug pods or ephemeral containers found\n' : `No debug pods or ephemeral containers found in ${o.namespace} namespace.\n`);
  }
}
