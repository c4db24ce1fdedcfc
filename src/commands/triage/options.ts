// `kt triage` options: complete (arguments and flags) → validate (pure) → run.
import { KtError, UsageError } from '../../errors.js';
import { parseColorMode, type ColorMode } from '../../print/color.js';
import { parseOutputFormat, type OutputFormat } from '../../print/output.js';
import type { TriageFlags } from './flags.js';

export type { TriageFlags } from './flags.js';

export interface TriageOptions {
  /** POD or TYPE/NAME; '' with -l or -A. */
  target: string;
  selector: string;
  namespace: string;
  allNamespaces: boolean;
  unhealthyOnly: boolean;
  output: OutputFormat | undefined;
  color: ColorMode;
  explain: boolean;
}

/** Exit codes, for CI: 0 every pod healthy, 2 at least one unhealthy (1 stays kt's error code). */
export const EXIT_UNHEALTHY = 2;

export { TRIAGE_KINDS } from './flags.js';

export function completeTriage(flags: TriageFlags, args: readonly string[], namespace: string): TriageOptions {
  if (args.length > 1) throw new UsageError('triage takes one POD or TYPE/NAME');
  const color: ColorMode = parseColorMode(flags.color);
  return {
    target: args[0] ?? '',
    selector: flags.selector,
    namespace,
    allNamespaces: flags.allNamespaces === true,
    unhealthyOnly: flags.unhealthy === true,
    output: flags.output === '' ? undefined : parseOutputFormat(flags.output, ['json', 'yaml']),
    color,
    explain: flags.explain === true,
  };
}

export function validateTriage(o: TriageOptions): void {
  if (o.target === '' && o.selector === '' && !(o.allNamespaces && o.unhealthyOnly)) {
    throw new UsageError('name a POD or TYPE/NAME, or use -l SELECTOR, or -A --unhealthy');
  }
  if (o.target !== '' && (o.selector !== '' || o.allNamespaces)) throw new KtError('a POD or TYPE/NAME cannot be combined with -l or -A');
}
