// `kt drill`: the flag table (one flag, on `drill` itself, read by every subcommand).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

export const DRILL_FLAGS = [
  { name: 'dir', type: 'string', kubectl: false, complete: 'files', help: 'Where the drill keeps its kubeconfig, answer file and state (default: $KT_DRILL_DIR, else ~/.kt/drill).' },
] as const satisfies FlagTable;

export type DrillFlags = FlagValues<typeof DRILL_FLAGS>;
