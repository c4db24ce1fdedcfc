// `kt events`: the flag table — kubectl 1.32's flags, then kt's own (behind flags of their own; --reconnect is on
// by default: a watch survives drops and 410 Gone; --reconnect=false ends as kubectl's does).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

export const EVENTS_FLAGS = [
  { name: 'all-namespaces', short: 'A', type: 'bool', kubectl: true, help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true, kubectl: true, help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'chunk-size', type: 'int', default: 500, kubectl: true, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. (kubectl accepts and ignores it for events: every list asks for 500 at a time.)' },
  { name: 'for', type: 'string', kubectl: true, complete: 'typeName', help: 'Filter events to only those pertaining to the specified resource.' },
  { name: 'no-headers', type: 'bool', kubectl: true, help: "When using the default output format, don't print headers." },
  { name: 'output', short: 'o', type: 'string', kubectl: true, values: ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file='], help: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'show-managed-fields', type: 'bool', kubectl: true, help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', kubectl: true, complete: 'files', help: 'Template string or path to template file to use when -o=jsonpath, -o=jsonpath-file.' },
  { name: 'types', type: 'csv', kubectl: true, values: ['Normal', 'Warning'], help: 'Output only events of given types (Normal, Warning; a comma list or repeated).' },
  { name: 'watch', short: 'w', type: 'bool', kubectl: true, help: 'After listing the requested events, watch for more events.' },
  // kt's own, beyond kubectl.
  { name: 'since', type: 'string', kubectl: false, complete: 'none', help: 'only events last seen within this duration (e.g. 10m, 1h30m).' },
  { name: 'related', type: 'bool', kubectl: false, help: "with --for, also the events of related objects (a Deployment: its ReplicaSets, their Pods and those Pods' Nodes), merged and deduplicated." },
  { name: 'reconnect', type: 'bool', default: true, kubectl: false, help: 'with --watch, survive the connection: relist and resume on 410 Gone, reconnect from the last resourceVersion when the stream drops, never printing an event twice (on by default; --reconnect=false ends the watch as kubectl does).' },
  { name: 'color', type: 'enum', values: ['auto', 'always', 'never'], default: 'auto', kubectl: false, help: 'colour Warning rows: auto (a terminal without NO_COLOR), always or never.' },
  { name: 'explain', type: 'bool', kubectl: false, help: 'print the kubectl commands that give the same answer (on stderr, before the output).' },
] as const satisfies FlagTable;

export type EventsFlags = FlagValues<typeof EVENTS_FLAGS>;
