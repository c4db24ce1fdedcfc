// `kt debug --explain`: the plain kubectl command that does what this kt debug does — for CKA practice, where
// only kubectl is at hand. The kubectl flags the user set are spelled back from the flag table; `-i`/`-t` keep
// kubectl's short `-it`, and the profile is always spelled out, since kt's default differs from kubectl 1.32's.
import { DEMO_NOTE, kubectlFlagWords, kubectlWords } from '../../cli/explain.js';
import type { CommandContext } from '../../cli/registry.js';
import { shellLine } from '../../print/shell.js';
import { DEBUG_FLAGS, type DebugFlags } from './flags.js';
import type { DebugOptions } from './options.js';

export function explainCommand(o: DebugOptions, flags: DebugFlags, ctx: Pick<CommandContext, 'globals' | 'changed'>): string {
  const words = [...kubectlWords(ctx.globals), 'debug', ...o.targetNames];
  if (o.interactive && o.tty) words.push('-it');
  else if (o.interactive) words.push('-i');
  else if (o.tty) words.push('-t');
  words.push(...kubectlFlagWords(DEBUG_FLAGS, flags, ctx.changed, ['stdin', 'tty', 'profile']), `--profile=${o.profile}`);
  if (o.args.length > 0) words.push('--', ...o.args);
  // Under --demo a last `# ` line says that kubectl needs `kt sim` (the caller ends the text with a newline).
  return shellLine(words) + (ctx.globals.demo ? `\n${DEMO_NOTE}` : '');
}
