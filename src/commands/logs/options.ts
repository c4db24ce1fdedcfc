// `kt logs` options, kubectl's way: complete (arguments, then flags that need parsing) → validate (pure) → run.
import { KtError, UsageError } from '../../errors.js';
import { parseGoDuration, roundToSeconds } from '../../go/duration.js';
import { formatRFC3339Seconds, parseRFC3339 } from '../../go/time.js';
import type { LogsFlags } from './flags.js';

export type { LogsFlags } from './flags.js';

export const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** The pods/log query kubectl builds from the flags (its ToLogOptions); `container` is filled per pod. */
export interface BaseQuery {
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  insecureSkipTLSVerifyBackend: boolean;
  sinceTime?: string;
  sinceSeconds?: number;
  limitBytes?: number;
  tailLines?: number;
}

export interface LogsOptions {
  resourceArg: string;
  /** `logs POD CONTAINER`: the arguments as given (kubectl's o.Resources). */
  args: readonly string[];
  selector: string;
  containerSpecified: boolean;
  allContainers: boolean;
  allPods: boolean;
  prefix: boolean;
  follow: boolean;
  ignoreErrors: boolean;
  maxLogRequests: number;
  podRunningTimeoutMs: number;
  /** The rounded --since in seconds (0 when unset). */
  sinceNs: bigint;
  sinceTimeText: string;
  limitBytes: number;
  query: BaseQuery;
}

/** Step 1 of kubectl's Complete: the positional arguments. */
export function completeArgs(flags: LogsFlags, args: readonly string[]): { resourceArg: string; container: string } {
  switch (args.length) {
    case 0:
      if (flags.selector === '') throw new UsageError(LOGS_USAGE);
      return { resourceArg: '', container: flags.container };
    case 1:
      if (flags.selector !== '') throw new UsageError('only a selector (-l) or a POD name is allowed');
      return { resourceArg: args[0]!, container: flags.container };
    case 2:
      return { resourceArg: args[0]!, container: args[1]! };
    default:
      throw new UsageError(LOGS_USAGE);
  }
}

/** The rest of Complete that needs no server: --pod-running-timeout, then the log options (--since-time parsing). */
export function completeLogs(flags: LogsFlags, args: readonly string[], changed: ReadonlySet<string>): LogsOptions {
  const { resourceArg, container } = completeArgs(flags, args);
  const timeoutNs = parseGoDuration(flags.podRunningTimeout);
  if (timeoutNs <= 0n) throw new KtError('--pod-running-timeout must be higher than zero');
  const query: BaseQuery = {
    container,
    follow: flags.follow === true,
    previous: flags.previous === true,
    timestamps: flags.timestamps === true,
    insecureSkipTLSVerifyBackend: flags.insecureSkipTlsVerifyBackend === true,
  };
  if (flags.sinceTime !== '') {
    try {
      query.sinceTime = formatRFC3339Seconds(parseRFC3339(flags.sinceTime));
    } catch (e) {
      throw new KtError((e as Error).message);
    }
  }
  if (flags.limitBytes !== 0) query.limitBytes = flags.limitBytes;
  const sinceNs = parseGoDuration(flags.since);
  if (sinceNs !== 0n) query.sinceSeconds = Number(roundToSeconds(sinceNs) / 1_000_000_000n);
  if (flags.selector !== '' && flags.tail === -1 && !changed.has('tail')) query.tailLines = 10;
  else if (flags.tail !== -1) query.tailLines = flags.tail;
  return {
    resourceArg,
    args,
    selector: flags.selector,
    containerSpecified: changed.has('container'),
    allContainers: flags.allContainers === true,
    allPods: flags.allPods === true,
    prefix: flags.prefix === true || flags.allPods === true,
    follow: flags.follow === true,
    ignoreErrors: flags.ignoreErrors === true,
    maxLogRequests: flags.maxLogRequests,
    podRunningTimeoutMs: Number(timeoutNs / 1_000_000n),
    sinceNs,
    sinceTimeText: flags.sinceTime,
    limitBytes: flags.limitBytes,
    query,
  };
}

/** kubectl's Validate, in its order. */
export function validateLogs(o: LogsOptions): void {
  if (o.sinceTimeText !== '' && o.sinceNs !== 0n) throw new KtError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (o.allContainers && o.query.container !== '') {
    throw new KtError(`--all-containers=true should not be specified with container name ${o.query.container}`);
  }
  if (o.containerSpecified && o.args.length === 2) throw new KtError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (o.limitBytes < 0) throw new KtError('--limit-bytes must be greater than 0');
  if (o.query.sinceSeconds !== undefined && o.query.sinceSeconds < 0) throw new KtError('--since must be greater than 0');
  if (o.query.tailLines !== undefined && o.query.tailLines < -1) throw new KtError('--tail must be greater than or equal to -1');
}
