// `kt logs`: kubectl 1.32's flags (parsed the way pflag parses them), then kt's own, which change nothing unless
// given. The work is imported when the command runs.
import { Command, Option } from 'commander';
import { FlagError } from '../../errors.js';
import { parseGoInt } from '../../cli/flags.js';
import type { Registrar } from '../../cli/registry.js';
import { parseGoDuration } from '../../go/duration.js';
import type { LogsFlags } from './options.js';

/** pflag's DurationVar: Go's time.ParseDuration at parse time, errors worded as cobra words them. */
function goDuration(flag: string): (v: string) => string {
  return (v) => {
    try {
      parseGoDuration(v);
    } catch (e) {
      throw new FlagError(`invalid argument "${v}" for "${flag}" flag: ${(e as Error).message}`);
    }
    return v;
  };
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerLogs(program: Command, r: Registrar): void {
  program
    .command('logs')
    .description('Print the logs for a container in a pod or specified resource.')
    .usage('[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]')
    .option('--all-containers', "Get all containers' logs in the pod(s).")
    .option('--all-pods', 'Get logs from all pod(s). Sets prefix to true.')
    .option('-c, --container <name>', 'Print the logs of this container', '')
    .option('-f, --follow', 'Specify if the logs should be streamed.')
    .option('--ignore-errors', 'If watching / following pod logs, allow for any errors that occur to be non-fatal')
    .option('--insecure-skip-tls-verify-backend', 'Skip verifying the identity of the kubelet that logs are requested from.')
    .addOption(new Option('--limit-bytes <n>', 'Maximum bytes of logs to return. Defaults to no limit.').argParser((v) => parseGoInt(v, '--limit-bytes')).default(0))
    .addOption(new Option('--max-log-requests <n>', 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.').argParser((v) => parseGoInt(v, '--max-log-requests')).default(5))
    .addOption(new Option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running').argParser(goDuration('--pod-running-timeout')).default('20s'))
    .option('--prefix', 'Prefix each log line with the log source (pod name and container name)')
    .option('-p, --previous', 'If true, print the logs for the previous instance of the container in a pod if it exists.')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.', '')
    .addOption(new Option('--since <duration>', 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs.').argParser(goDuration('--since')).default('0s'))
    .option('--since-time <time>', 'Only return logs after a specific date (RFC3339). Defaults to all logs.', '')
    .addOption(new Option('--tail <n>', 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.').argParser((v) => parseGoInt(v, '--tail')).default(-1))
    .option('--timestamps', 'Include timestamps on each line in the log output')
    // kt's own (beyond kubectl 1.32); only --resume is on by default (it changes nothing unless a stream drops).
    .option('--live', 'With -f and a selector or TYPE/NAME: follow pods that appear later, drop pods that go away, follow restarted containers again, resume dropped streams.')
    .option('--resume', 'With -f: resume a dropped stream from its last timestamp, with no line lost or repeated. --resume=false ends as kubectl does.', true)
    .option('--previous-on-restart', 'With --live: when a container restarts, print the lines of the instance that died that were not yet shown.')
    .option('--include <regex>', 'Print only lines matching this regular expression (repeatable).', collect)
    .option('--exclude <regex>', 'Drop lines matching this regular expression (repeatable).', collect)
    .option('--highlight <regex>', 'Highlight matches of this regular expression (repeatable; colour output only).', collect)
    .option('--match <regex>', 'Read only pods whose name matches this regular expression.')
    .option('--color <when>', 'Colour pod prefixes and highlights: auto (a terminal without NO_COLOR), always or never.', 'auto')
    .option('-o, --output <format>', "Output format: 'json' prints one record per line (timestamp, namespace, pod, container, message).", '')
    .option('--wait-for <regex>', 'Exit 0 as soon as a line matches; non-zero on --timeout or when the containers end first.')
    .option('--timeout <duration>', 'With --wait-for: how long to wait (a Go duration, e.g. 2m).', '')
    .option('--explain', 'Print the kubectl command that gives the same answer (on stderr, before the output).')
    .allowExcessArguments()
    .action(function (this: Command) {
      const args = [...this.args];
      const flags = this.opts<LogsFlags>();
      r.run(this, async (ctx) => (await import('./run.js')).runLogs(ctx, flags, args));
    });
}
