// `kt debug --explain`: the plain kubectl command that does what this kt debug does — for CKA practice, where
// only kubectl is at hand. kt's default profile differs from kubectl 1.32's, so the profile is always spelled out.
import { DEMO_NOTE } from '../../cli/explain.js';
import type { CommandContext } from '../../cli/registry.js';
import { shellQuote } from '../../print/shell.js';
import type { DebugOptions } from './options.js';

export { shellQuote };

export function explainCommand(o: DebugOptions, ctx: Pick<CommandContext, 'globals' | 'changed'>): string {
  const words: string[] = ['kubectl'];
  const g = ctx.globals;
  if (g.context) words.push(`--context=${g.context}`);
  if (g.namespace) words.push('-n', g.namespace);
  words.push('debug', ...o.targetNames);
  for (const f of o.filenames) words.push('-f', f);
  if (o.interactive && o.tty) words.push('-it');
  else if (o.interactive) words.push('-i');
  else if (o.tty) words.push('-t');
  if (o.attachChanged) words.push(`--attach=${o.attach}`);
  if (o.image) words.push(`--image=${o.image}`);
  if (o.container) words.push('-c', o.container);
  if (o.targetContainer) words.push(`--target=${o.targetContainer}`);
  if (o.copyTo) words.push(`--copy-to=${o.copyTo}`);
  if (o.replace) words.push('--replace');
  if (o.sameNode) words.push('--same-node');
  if (o.setImages.size > 0) words.push(`--set-image=${[...o.setImages].map(([k, v]) => `${k}=${v}`).join(',')}`);
  if (o.shareProcesses !== undefined) words.push(`--share-processes=${o.shareProcesses}`);
  for (const [flag, on] of [['keep-labels', o.keep.labels], ['keep-annotations', o.keep.annotations], ['keep-liveness', o.keep.liveness], ['keep-readiness', o.keep.readiness], ['keep-startup', o.keep.startup]] as const) {
    if (on) words.push(`--${flag}`);
  }
  if (!o.keep.initContainers) words.push('--keep-init-containers=false');
  for (const e of o.env) words.push(`--env=${e.name}=${e.value}`);
  if (o.pullPolicy) words.push(`--image-pull-policy=${o.pullPolicy}`);
  words.push(`--profile=${o.profile}`);
  if (o.customFile) words.push(`--custom=${o.customFile}`);
  if (o.quiet) words.push('-q');
  if (o.argsOnly) words.push('--arguments-only');
  if (o.args.length > 0) words.push('--', ...o.args);
  // Under --demo a last `# ` line says that kubectl needs `kt sim` (the caller ends the text with a newline).
  return words.map(shellQuote).join(' ') + (g.demo ? `\n${DEMO_NOTE}` : '');
}
