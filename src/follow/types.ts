// The log-following core's vocabulary. Nothing here knows about the command line or the API client: callers hand
// in compiled values (RegExps, numbers), a way to open a log stream, a clock and output sinks.
import type { PodLogOptions } from '../k8s/types.js';

/** pods/log query parameters, as the API names them; the container is always named (kubectl always resolves one). */
export type LogQuery = PodLogOptions & { container: string };

/** One container's log to read. */
export interface StreamSpec {
  namespace: string;
  pod: string;
  container: string;
  /** Text put before every line (kubectl's `[pod/P/C] `), '' for none. */
  prefix: string;
  query: LogQuery;
}

/** A readable log body: bytes in arrival order; `destroy` releases it early. */
export interface LogBody extends AsyncIterable<Uint8Array | string> {
  destroy(error?: Error): void;
}

/** Opens a container's log; rejects with the server's error (its message is what kubectl prints). */
export type OpenLog = (namespace: string, pod: string, query: LogQuery, signal: AbortSignal) => Promise<LogBody>;

/** Where output goes. A write resolves once the destination can take more (back-pressure). */
export interface Sink {
  write(data: string | Uint8Array): Promise<void>;
}

/** The output ended under us (a closed pipe: `kt logs … | head`). The command ends quietly. */
export class SinkClosedError extends Error {
  override name = 'SinkClosedError';
}

/** Turns one log line (without its newline) into output text, or undefined to drop it. */
export type LineTransform = (line: string, source: StreamSpec) => string | undefined;
