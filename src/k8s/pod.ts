// Looking things up in a pod. Names are unique across a pod's regular, init and ephemeral containers, so one
// search over all three lists finds any of them.
import type { Container } from './types.js';

interface WithStatuses<S extends { name: string }> {
  status?: { containerStatuses?: S[]; initContainerStatuses?: S[]; ephemeralContainerStatuses?: S[] } | undefined;
}

/** The status of a regular, init or ephemeral container, by name. */
export function containerStatus<S extends { name: string }>(pod: WithStatuses<S> | undefined, name: string): S | undefined {
  const s = pod?.status;
  for (const list of [s?.containerStatuses, s?.initContainerStatuses, s?.ephemeralContainerStatuses]) {
    const found = (list ?? []).find((c) => c.name === name);
    if (found) return found;
  }
  return undefined;
}

interface WithContainers {
  spec?: { containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[] } | undefined;
}

/** A regular, init or ephemeral container's spec, by name. */
export function podContainer(pod: WithContainers | undefined, name: string): Container | undefined {
  const s = pod?.spec;
  return [...(s?.containers ?? []), ...(s?.initContainers ?? []), ...(s?.ephemeralContainers ?? [])].find((c) => c.name === name);
}
