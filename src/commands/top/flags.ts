// `kt top pod|node`: the flag tables (kubectl 1.32's flags, then kt's own, which kubectl top has none of).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

const SORT_BY = ['cpu', 'memory'] as const;

/** kt's own flags, the same on both commands. */
const TOP_EXTRA_FLAGS = [
  { name: 'output', short: 'o', type: 'string', kubectl: false, values: ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json='], help: 'print the metrics as json, yaml, name, jsonpath=TEMPLATE or jsonpath-as-json=TEMPLATE (computed values included).' },
  { name: 'resources', type: 'bool', kubectl: false, help: 'show usage beside requests and limits (with percentages), restarts and the last termination.' },
  { name: 'watch', short: 'w', type: 'optional', noOptDefault: '2s', kubectl: false, help: 'refresh every interval (default 2s): in place on a terminal, appended when piped.' },
  { name: 'color', type: 'enum', values: ['auto', 'always', 'never'], default: 'auto', kubectl: false, help: 'colour rows above 90% of a limit: auto (terminals only, not with NO_COLOR), always or never.' },
  { name: 'explain', type: 'bool', kubectl: false, help: 'print the kubectl commands that give the same answer (on stderr, before the output).' },
] as const satisfies FlagTable;

export const TOP_POD_FLAGS = [
  { name: 'all-namespaces', short: 'A', type: 'bool', kubectl: true, help: 'If present, list the requested object(s) across all namespaces.' },
  { name: 'containers', type: 'bool', kubectl: true, help: 'If present, print usage of containers within a pod.' },
  { name: 'field-selector', type: 'string', kubectl: true, complete: 'none', help: 'Selector (field query) to filter on.' },
  { name: 'no-headers', type: 'bool', kubectl: true, help: 'If present, print output without headers.' },
  { name: 'selector', short: 'l', type: 'string', kubectl: true, complete: 'none', help: 'Selector (label query) to filter on.' },
  { name: 'sort-by', type: 'string', kubectl: true, values: SORT_BY, help: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
  { name: 'sum', type: 'bool', kubectl: true, help: 'Print the sum of the resource usage' },
  { name: 'use-protocol-buffers', type: 'bool', default: true, kubectl: true, help: 'Enables using protocol-buffers to access Metrics API.' },
  ...TOP_EXTRA_FLAGS,
] as const satisfies FlagTable;

export const TOP_NODE_FLAGS = [
  { name: 'no-headers', type: 'bool', kubectl: true, help: 'If present, print output without headers.' },
  { name: 'selector', short: 'l', type: 'string', kubectl: true, complete: 'none', help: 'Selector (label query) to filter on.' },
  { name: 'show-capacity', type: 'bool', kubectl: true, help: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
  { name: 'sort-by', type: 'string', kubectl: true, values: SORT_BY, help: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
  { name: 'use-protocol-buffers', type: 'bool', default: true, kubectl: true, help: 'Enables using protocol-buffers to access Metrics API.' },
  ...TOP_EXTRA_FLAGS,
] as const satisfies FlagTable;

export type TopExtraFlags = FlagValues<typeof TOP_EXTRA_FLAGS>;
export type TopPodFlags = FlagValues<typeof TOP_POD_FLAGS>;
export type TopNodeFlags = FlagValues<typeof TOP_NODE_FLAGS>;
