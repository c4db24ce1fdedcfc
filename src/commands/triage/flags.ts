// `kt triage`: the flag table (kt's own command, so every flag is kt's).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

export const TRIAGE_FLAGS = [
  { name: 'selector', short: 'l', type: 'string', kubectl: false, complete: 'none', help: 'Triage the pods this label selector matches.' },
  { name: 'all-namespaces', short: 'A', type: 'bool', kubectl: false, help: 'With --unhealthy (or -l): look in every namespace.' },
  { name: 'unhealthy', type: 'bool', kubectl: false, help: 'Report only the pods that are not healthy.' },
  { name: 'output', short: 'o', type: 'string', kubectl: false, values: ['json', 'yaml'], help: 'Print the report as json or yaml (a TriageReport).' },
  { name: 'color', type: 'enum', values: ['auto', 'always', 'never'], default: 'auto', kubectl: false, help: 'Colour the verdicts: auto (a terminal without NO_COLOR), always or never.' },
  { name: 'explain', type: 'bool', kubectl: false, help: 'Print the plain kubectl commands that give the same answers (on stderr, before the report).' },
] as const satisfies FlagTable;

export type TriageFlags = FlagValues<typeof TRIAGE_FLAGS>;

/** The kinds kt triage takes as TYPE/NAME (completion offers their names). */
export const TRIAGE_KINDS: readonly string[] = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'];
