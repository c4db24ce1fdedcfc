// Errors from the API server and the network, carrying what kubectl needs to word them.
import type { Status } from '../k8s/types.js';

/** A non-2xx answer from the API server; `status` is its metav1.Status (or one built from the HTTP code). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: Status, readonly httpCode: number) {
    super(status.message ?? `the server responded with status ${httpCode}`);
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

/** The request never got an answer: refused, reset, DNS, TLS, timeout. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(readonly host: string, readonly refused: boolean, message: string) {
    super(message);
  }
}

/**
 * `--request-timeout` ran out after the response began (a slow body, a long follow or watch): Go's
 * `context deadline exceeded`. Streams fail with it; it is never a drop to resume from.
 */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
  readonly code = 'KT_DEADLINE';
  constructor() {
    super('context deadline exceeded');
  }
}

/** Builds the Status client-go invents when a server's error body is not a Status. */
export function statusFromHttp(code: number, body: string): Status {
  const reasons: Record<number, [string, string]> = {
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', 'the server does not allow access to the requested resource'],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    409: ['Conflict', 'the server reported a conflict'],
    410: ['Expired', 'the server has asked for the client to provide credentials'],
    415: ['UnsupportedMediaType', 'the server responded with the status code 415 but did not return more information'],
    422: ['Invalid', 'the server rejected our request due to an error in our request'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    500: ['InternalError', 'an error on the server ("' + body.trim() + '") has prevented the request from succeeding'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
    504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
  };
  const [reason, message] = reasons[code] ?? ['', `an error on the server ("${body.trim()}") has prevented the request from succeeding`];
  return { kind: 'Status', status: 'Failure', code, reason, message };
}

/** What kubectl shows for a stream (a log, a watch) that broke mid-way: Go's io.ErrUnexpectedEOF. */
export function streamErrorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'ECONNRESET' || err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.message === 'aborted')) return 'unexpected EOF';
  return err instanceof Error ? err.message : String(e);
}
