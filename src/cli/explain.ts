// `--explain` (top, logs, events, triage): the plain kubectl commands that give the same answer, printed on stderr
// before kt's own output, so stdout stays clean for pipes. Each line is a runnable command; `# ` lines are notes
// (what kubectl cannot do). `kt debug --explain` prints its one command on stdout and does nothing else.
import type { GlobalFlags } from './session.js';
import { shellLine } from '../print/shell.js';

export type ExplainLine = { command: string[] } | { note: string };

/** `kubectl` and the global flags that change where it points (the connection flags kubectl shares with kt). */
export function kubectlWords(g: GlobalFlags, namespaced = true): string[] {
  const words = ['kubectl'];
  if (g.kubeconfig) words.push(`--kubeconfig=${g.kubeconfig}`);
  if (g.context) words.push(`--context=${g.context}`);
  if (g.cluster) words.push(`--cluster=${g.cluster}`);
  if (g.user) words.push(`--user=${g.user}`);
  if (g.server) words.push(`--server=${g.server}`);
  if (g.insecureSkipTlsVerify) words.push('--insecure-skip-tls-verify');
  if (namespaced && g.namespace) words.push('-n', g.namespace);
  return words;
}

/** The last line of every explanation under `--demo`: the commands need a cluster kubectl can reach. */
export const DEMO_NOTE = '# (--demo runs against an in-process cluster: start `kt sim` to run these with kubectl)';

export function formatExplain(lines: readonly ExplainLine[], g: GlobalFlags): string {
  const out = lines.map((l) => ('command' in l ? shellLine(l.command) : `# ${l.note}`));
  if (g.demo) out.push(DEMO_NOTE);
  return out.map((l) => `${l}\n`).join('');
}

export { kubectlFlagWords } from './flag-table.js';
