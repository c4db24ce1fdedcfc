// `kt version`: the flag table (kubectl's two flags).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

export const VERSION_FLAGS = [
  { name: 'client', type: 'bool', kubectl: true, help: 'If true, shows client version only (no server required).' },
  { name: 'output', short: 'o', type: 'string', kubectl: true, values: ['yaml', 'json'], help: "One of 'yaml' or 'json'." },
] as const satisfies FlagTable;

export type VersionFlags = FlagValues<typeof VERSION_FLAGS>;
