// Waiting for a debug container to run, as kubectl's waitForContainer does: list the pod by field selector, then
// watch it from the list's resourceVersion (never polling), until the container is running or has terminated.
import type { KubeClient, WatchEvent } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import type { KubeList, Pod } from '../../k8s/types.js';
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
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  const fieldSelector = `metadata.name=${podName}`;
  for (;;) {
    const list = await client.get<KubeList<Pod>>(path, { fieldSelector, limit: 500, resourceVersion: '0' });
    const listed = list.items[0];
    if (listed && isDone(listed, container, hooks)) return listed;
    let rv = list.metadata?.resourceVersion ?? '';
    let result: Pod | undefined;
    let failure: Error | undefined;
    let expired = false;
    const controller = new AbortController();
    const signal = hooks.signal ? AbortSignal.any([hooks.signal, controller.signal]) : controller.signal;
    // A watch the server ends (a timeout) is resumed from the last resourceVersion seen; an expired one re-lists.
    while (!result && !failure && !expired) {
      if (hooks.signal?.aborted) throw hooks.signal.reason instanceof Error ? hooks.signal.reason : new Error('interrupted');
      await client.watch<Pod>(path, { fieldSelector, resourceVersion: rv, allowWatchBookmarks: true }, (e: WatchEvent<Pod>) => {
        if (result || failure) return;
        if (e.type === 'ERROR') {
          const status = e.object as unknown as { code?: number };
          if (status.code === 410) expired = true;
          else failure = new ApiError(e.object as never, status.code ?? 500);
          controller.abort();
          return;
        }
        rv = e.object.metadata?.resourceVersion ?? rv;
        if (e.type === 'BOOKMARK') return;
        if (e.type === 'DELETED') {
          failure = podGone();
          controller.abort();
          return;
        }
        if (isDone(e.object, container, hooks)) {
          result = e.object;
          controller.abort();
        }
      }, signal);
    }
    if (failure) throw failure;
    if (result) return result;
  }
}
