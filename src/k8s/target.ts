// The objects a command names on its command line — `POD`, `TYPE/NAME` (`deploy/web`, `svc/web`, `node/a`) — as
// kubectl's resource builder splits them, and the label selector that leads from a workload to its pods. The
// commands differ only in their words (`cannot get the logs from …`), so those are passed in.
import { KtError } from '../errors.js';
import type { ResourceType } from './resources.js';
import type { KubeObject } from './types.js';

/** A command-line target split at its slash: `resource` is undefined for a bare name (a pod, to every command). */
export interface TargetName {
  resource: string | undefined;
  name: string;
}

/** The resource builder's checks of a TYPE/NAME argument, before anything is fetched. */
export function splitTarget(arg: string): TargetName {
  const slash = arg.indexOf('/');
  if (slash < 0) return { resource: undefined, name: arg };
  const parts = arg.split('/');
  if (parts.length > 2) throw new KtError('arguments in resource/name form may not have more than one slash');
  if (parts[0] === '' || parts[1] === '') throw new KtError('arguments in resource/name form must have a single resource and name');
  return { resource: parts[0]!, name: parts[1]! };
}

/** The kinds whose pods a label selector finds. */
const WORKLOADS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'];

/**
 * The label selector (as a string) from a workload's spec.selector (matchLabels and matchExpressions) or a service's
 * or replication controller's map. `action` is the command's words in kubectl's error, e.g. `get the logs from`:
 * `cannot get the logs from *v1.Service: invalid service 'x': Service is defined without a selector`.
 */
export function podSelectorOf(type: ResourceType, object: KubeObject, action: string): string {
  const sel = ((object['spec'] ?? {}) as { selector?: Record<string, unknown> | null }).selector;
  if (type.kind === 'Service' || type.kind === 'ReplicationController') {
    const map = (sel ?? {}) as Record<string, string>;
    if (Object.keys(map).length === 0) {
      throw new KtError(`cannot ${action} *v1.${type.kind}: invalid service '${object.metadata?.name}': Service is defined without a selector`);
    }
    return Object.entries(map)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  if (!WORKLOADS.includes(type.kind)) throw new KtError(`cannot ${action} *v1.${type.kind}: selector for *v1.${type.kind} not implemented`);
  const ls = (sel ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const parts = Object.entries(ls.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
    else if (op === 'exists') parts.push(e.key);
    else if (op === 'doesnotexist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
