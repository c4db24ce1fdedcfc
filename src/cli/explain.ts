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

export function formatExplain(lines: readonly ExplainLine[], g: GlobalFlags): string {
  const out = lines.map((l) => ('command' in l ? shellLine(l.command) : `# ${l.note}`));
  if (g.demo) out.push('# (--demo runs against an in-process cluster: start `kt sim` to run these with kubectl)');
  return out.map((l) => `${l}\n`).join('');
}

/**
 * The kubectl flags a user set, spelled back as kubectl words: `names` maps commander's attribute name to the
 * flag (`allContainers` → `--all-containers`); booleans become `--flag` or `--flag=false`, lists a comma list.
 */
export function flagWords(values: object, changed: ReadonlySet<string>, names: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  for (const [attr, flag] of Object.entries(names)) {
    if (!changed.has(attr)) continue;
    const v = (values as Record<string, unknown>)[attr];
    if (attr === 'headers') words.push(v === false ? '--no-headers' : '--no-headers=false');
    else if (v === true) words.push(flag);
    else if (v === false) words.push(`${flag}=false`);
    else if (Array.isArray(v)) words.push(`${flag}=${v.join(',')}`);
    else if (v !== undefined) words.push(`${flag}=${String(v)}`);
  }
  return words;
}
