// `kt logs`: the flag table — kubectl 1.32's flags, then kt's own, which change nothing unless given (but
// --resume, on by default: a dropped stream is resumed; --resume=false stops there as kubectl does).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

export const LOGS_FLAGS = [
  { name: 'all-containers', type: 'bool', kubectl: true, help: "Get all containers' logs in the pod(s)." },
  { name: 'all-pods', type: 'bool', kubectl: true, help: 'Get logs from all pod(s). Sets prefix to true.' },
  { name: 'container', short: 'c', type: 'string', kubectl: true, complete: 'containers', help: 'Print the logs of this container' },
  { name: 'follow', short: 'f', type: 'bool', kubectl: true, help: 'Specify if the logs should be streamed.' },
  { name: 'ignore-errors', type: 'bool', kubectl: true, help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool', kubectl: true, help: 'Skip verifying the identity of the kubelet that logs are requested from.' },
  { name: 'limit-bytes', type: 'int', default: 0, kubectl: true, help: 'Maximum bytes of logs to return. Defaults to no limit.' },
  { name: 'max-log-requests', type: 'int', default: 5, kubectl: true, help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
  { name: 'pod-running-timeout', type: 'duration', default: '20s', kubectl: true, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  { name: 'prefix', type: 'bool', kubectl: true, help: 'Prefix each log line with the log source (pod name and container name)' },
  { name: 'previous', short: 'p', type: 'bool', kubectl: true, help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
  { name: 'selector', short: 'l', type: 'string', kubectl: true, complete: 'none', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
  { name: 'since', type: 'duration', default: '0s', kubectl: true, help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs.' },
  { name: 'since-time', type: 'string', kubectl: true, complete: 'none', help: 'Only return logs after a specific date (RFC3339). Defaults to all logs.' },
  { name: 'tail', type: 'int', default: -1, kubectl: true, help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
  { name: 'timestamps', type: 'bool', kubectl: true, help: 'Include timestamps on each line in the log output' },
  // kt's own (beyond kubectl 1.32).
  { name: 'live', type: 'bool', kubectl: false, help: 'with -f and a selector or TYPE/NAME: follow pods that appear later, drop pods that go away, follow restarted containers again, resume dropped streams.' },
  { name: 'resume', type: 'bool', default: true, kubectl: false, help: 'with -f: resume a dropped stream from its last timestamp, with no line lost or repeated (on by default; --resume=false stops at a drop with kubectl\'s "unexpected EOF").' },
  { name: 'previous-on-restart', type: 'bool', kubectl: false, help: 'with --live: when a container restarts, print the lines of the instance that died that were not yet shown.' },
  { name: 'include', type: 'array', kubectl: false, complete: 'none', help: 'print only lines matching this regular expression (repeatable).' },
  { name: 'exclude', type: 'array', kubectl: false, complete: 'none', help: 'drop lines matching this regular expression (repeatable).' },
  { name: 'highlight', type: 'array', kubectl: false, complete: 'none', help: 'highlight matches of this regular expression (repeatable; colour output only).' },
  { name: 'match', type: 'string', kubectl: false, complete: 'none', help: 'read only pods whose name matches this regular expression.' },
  { name: 'color', type: 'enum', values: ['auto', 'always', 'never'], default: 'auto', kubectl: false, help: 'colour pod prefixes and highlights: auto (a terminal without NO_COLOR), always or never.' },
  { name: 'output', short: 'o', type: 'string', kubectl: false, values: ['json'], help: "output format: 'json' prints one record per line (timestamp, namespace, pod, container, message)." },
  { name: 'wait-for', type: 'string', kubectl: false, complete: 'none', help: 'exit 0 as soon as a line matches; non-zero on --timeout or when the containers end first.' },
  { name: 'timeout', type: 'string', kubectl: false, complete: 'none', help: 'with --wait-for: how long to wait (a Go duration, e.g. 2m).' },
  { name: 'explain', type: 'bool', kubectl: false, help: 'print the kubectl command that gives the same answer (on stderr, before the output).' },
] as const satisfies FlagTable;

export type LogsFlags = FlagValues<typeof LOGS_FLAGS>;
