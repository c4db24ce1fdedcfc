// `kt debug`: the flag table — kubectl 1.32's flags, then kt's own.
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

const KEEP = "(This flag only works when used with '--copy-to')";

export const DEBUG_FLAGS = [
  { name: 'arguments-only', type: 'bool', kubectl: true, help: 'If specified, everything after -- will be passed to the new container as Args instead of Command.' },
  { name: 'attach', type: 'bool', kubectl: true, help: "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true." },
  { name: 'container', short: 'c', type: 'string', kubectl: true, complete: 'none', help: 'Container name to use for debug container.' },
  { name: 'copy-to', type: 'string', kubectl: true, complete: 'none', help: 'Create a copy of the target Pod with this name.' },
  { name: 'custom', type: 'string', kubectl: true, complete: 'files', help: 'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.' },
  { name: 'env', type: 'stringToString', kubectl: true, help: 'Environment variables to set in the container.' },
  { name: 'filename', short: 'f', type: 'csv', kubectl: true, complete: 'files', help: 'identifying the resource to debug' },
  { name: 'image', type: 'string', kubectl: true, complete: 'none', help: 'Container image to use for debug container.' },
  { name: 'image-pull-policy', type: 'string', kubectl: true, values: ['Always', 'IfNotPresent', 'Never'], help: 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.' },
  { name: 'keep-annotations', type: 'bool', kubectl: true, help: `If true, keep the original pod annotations.${KEEP}` },
  { name: 'keep-init-containers', type: 'bool', default: true, kubectl: true, help: `Run the init containers for the pod. Defaults to true.${KEEP}` },
  { name: 'keep-labels', type: 'bool', kubectl: true, help: `If true, keep the original pod labels.${KEEP}` },
  { name: 'keep-liveness', type: 'bool', kubectl: true, help: `If true, keep the original pod liveness probes.${KEEP}` },
  { name: 'keep-readiness', type: 'bool', kubectl: true, help: `If true, keep the original pod readiness probes.${KEEP}` },
  { name: 'keep-startup', type: 'bool', kubectl: true, help: `If true, keep the original startup probes.${KEEP}` },
  { name: 'profile', type: 'string', default: 'general', kubectl: true, values: ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'], help: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin". kt\'s default is "general" (kubectl 1.32\'s is the deprecated "legacy").' },
  { name: 'quiet', short: 'q', type: 'bool', kubectl: true, help: 'If true, suppress informational messages.' },
  { name: 'replace', type: 'bool', kubectl: true, help: "When used with '--copy-to', delete the original Pod." },
  { name: 'same-node', type: 'bool', kubectl: true, help: "When used with '--copy-to', schedule the copy of target Pod on the same node." },
  { name: 'set-image', type: 'stringToString', kubectl: true, help: "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works." },
  { name: 'share-processes', type: 'bool', default: true, kubectl: true, help: "When used with '--copy-to', enable process namespace sharing in the copy." },
  { name: 'stdin', short: 'i', type: 'bool', kubectl: true, help: 'Keep stdin open on the container(s) in the pod, even if nothing is attached.' },
  { name: 'target', type: 'string', kubectl: true, complete: 'containers', help: 'When using an ephemeral container, target processes in this container name.' },
  { name: 'tty', short: 't', type: 'bool', kubectl: true, help: 'Allocate a TTY for the debugging container.' },
  // kt's own.
  { name: 'cleanup', type: 'bool', kubectl: false, help: 'list and delete the pods kt debug created (copies and node debuggers) and list the ephemeral containers it added.' },
  { name: 'all-namespaces', short: 'A', type: 'bool', kubectl: false, help: 'with --cleanup, look in every namespace.' },
  { name: 'explain', type: 'bool', kubectl: false, help: 'print the kubectl command that does the same (kt does nothing else).' },
] as const satisfies FlagTable;

export type DebugFlags = FlagValues<typeof DEBUG_FLAGS>;
