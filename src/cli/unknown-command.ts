// A first word that names no kt command: a kubectl verb kt does not have gets one line pointing at kubectl (with
// the same words); anything else gets cobra's `unknown command "x" for "kt"` with its "Did you mean this?".
import type { Command } from 'commander';
import { KtError } from '../errors.js';
import { shellLine } from '../print/shell.js';
import { GLOBAL_FLAGS } from './global-flags.js';

/** kubectl 1.32's commands that kt does not have (kt's own top, logs, events, debug, completion, version, options). */
const KUBECTL_ONLY = new Set([
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'port-forward', 'proxy', 'cp', 'auth', 'attach',
  'exec', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'api-resources',
  'api-versions', 'config', 'plugin', 'alpha',
]);

/** kt's own global switches (`--demo`), which kubectl would refuse. */
const KT_ONLY_BOOLEANS = GLOBAL_FLAGS.filter((f) => !f.kubectl && f.type === 'bool').map((f) => `--${f.name}`);

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** cobra's "Did you mean this?": commands within two edits of what was typed, or starting with it. */
function suggestions(typed: string, program: Command): string {
  const names = program.commands
    .filter((c) => levenshtein(typed, c.name()) <= 2 || c.name().toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name());
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

/** The error for `kt WORD …` when WORD is no kt command; `argv` is the whole command line after the root. */
export function unknownRootCommand(word: string, argv: readonly string[], program: Command, root: string): KtError {
  if (KUBECTL_ONLY.has(word)) {
    const words = argv.filter((a) => !KT_ONLY_BOOLEANS.some((f) => a === f || a.startsWith(`${f}=`)));
    // kubectl cannot reach the in-process demo cluster; `kt sim` serves the same one on a port, with a kubeconfig.
    const demo = words.length < argv.length ? ' (against `kt sim`: --demo is kt\'s own)' : '';
    return new KtError(`kt does not do "${word}"; use kubectl: ${shellLine(['kubectl', ...words])}${demo}`);
  }
  return new KtError(`unknown command "${word}" for "${root}"${suggestions(word, program)}`);
}
