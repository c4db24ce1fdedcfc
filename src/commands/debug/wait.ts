// Waiting for a debug container to run, as kubectl's waitForContainer does (watchtools.UntilWithSync: an informer
// on the one pod): list it by field selector from the watch cache, then watch it from the list's resourceVersion —
// never polling — until the container is running or has terminated. The informer's watch survives drops and
// relists after 410 Gone; a pod that is deleted meanwhile is NotFound.
import type { KubeClient } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import { watch } from '../../client/watch.js';
import type { Pod } from '../../k8s/types.js';
import { containerStatus } from '../../k8s/pod.js';

export { containerStatus };

export interface WaitHooks {
  /** A waiting container's message (kubectl prints `Warning: container C: MESSAGE`). */
  onWaitingMessage?: (message: string) => void;
  signal?: AbortSignal;
}

/** What kubectl's condition function decides for one pod: done, or keep waiting. */
function isDone(pod: Pod, container: string, hooks: WaitHooks): boolean {
  const s = containerStatus(pod, container);
  if (!s) return false;
  if (s.state?.running || s.state?.terminated) return true;
  if (s.state?.waiting?.message) hooks.onWaitingMessage?.(s.state.waiting.message);
  return false;
}

function podGone(): ApiError {
  return new ApiError({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'pods "" not found', details: { kind: 'pods' } }, 404);
}

/** Resolves with the pod once `container` runs or has terminated; no timeout, as in kubectl. */
export async function waitForContainer(client: KubeClient, namespace: string, podName: string, container: string, hooks: WaitHooks = {}): Promise<Pod> {
  let result: Pod | undefined;
  let gone = false;
  const ended = await watch<Pod>(client, {
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
    fieldSelector: `metadata.name=${podName}`,
    onEvent: (c) => {
      if (c.type === 'DELETED') {
        gone = true;
        return 'stop';
      }
      if (!isDone(c.object, container, hooks)) return;
      result = c.object;
      return 'stop';
    },
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  if (result) return result;
  if (gone) throw podGone();
  if (ended.kind === 'error') throw ended.error;
  throw hooks.signal?.reason instanceof Error ? hooks.signal.reason : new Error('interrupted');
}
