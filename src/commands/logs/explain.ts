// `kt logs --explain`: the kubectl logs command with the same kubectl flags; kt's own flags become notes saying
// how to get the same with kubectl (grep for --include, -p for what --previous-on-restart shows…).
import type { CommandContext } from '../../cli/registry.js';
import { kubectlFlagWords, kubectlWords, type ExplainLine } from '../../cli/explain.js';
import { LOGS_FLAGS, type LogsFlags } from './flags.js';

export function explainLogs(flags: LogsFlags, args: readonly string[], ctx: Pick<CommandContext, 'globals' | 'changed'>): ExplainLine[] {
  const lines: ExplainLine[] = [{ command: [...kubectlWords(ctx.globals), 'logs', ...args, ...kubectlFlagWords(LOGS_FLAGS, flags, ctx.changed)] }];
  const note = (text: string): void => void lines.push({ note: text });
  if (flags.live) note('kubectl logs -f does not pick up pods that start later (--live): run it again for new pods');
  if (flags.follow && flags.resume && !flags.live) note('kubectl logs -f ends at a dropped stream, which kt resumes (--resume=false does not): run it again with --since-time=<last timestamp>');
  if (flags.previousOnRestart) note('after a restart, kubectl logs --previous shows the instance that died (--previous-on-restart)');
  for (const r of flags.include ?? []) note(`--include: pipe through grep -E '${r}'`);
  for (const r of flags.exclude ?? []) note(`--exclude: pipe through grep -vE '${r}'`);
  if (flags.match) note(`--match: name the pods, or list them with kubectl get pods | grep -E '${flags.match}'`);
  if (flags.output) note('-o json: kubectl has none; --timestamps --prefix gives the time and source of each line');
  if (flags.waitFor) note(`--wait-for: kubectl logs -f … | grep -m1 -E '${flags.waitFor}'`);
  return lines;
}
