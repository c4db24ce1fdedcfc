// The one place kt speaks HTTP to an API server: requests, retries, streaming, error text and -v logging. What each
// request carries (TLS, proxy, credentials) comes from connection.ts.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { createRequire } from 'node:module';
import { sleep } from '../util/sleep.js';
import { formatGoDuration } from '../go/duration.js';
import { klogPrefix } from '../go/klog.js';
import { goQueryEscape } from '../go/url.js';
import { Connection } from './connection.js';
import type { PreparedRequest } from './connection.js';
import { CredentialError } from './exec-credential.js';
import { proxyFromEnvironment } from './proxy.js';
import type { ResolvedConfig } from './kubeconfig/index.js';
import { ApiError, ConnectionError, DeadlineError, statusFromHttp } from './errors.js';
import type { Status } from '../k8s/types.js';
import { KtError } from '../errors.js';

/**
 * Node's built-ins through require: an ESM import of node:http builds a facade of every export, which loads
 * Node's own undici for the WebSocket getter (~7 ms of start-up for nothing).
 */
const requireBuiltin = createRequire(import.meta.url);
function builtin<T>(name: string): T {
  return requireBuiltin(name) as T;
}

export interface TransportOptions {
  /** Whole-request timeout in ms; 0 = none (kubectl's --request-timeout=0). */
  requestTimeoutMs: number;
  /** klog verbosity (-v). */
  verbosity: number;
  /** Where -v lines go (stderr). */
  log: (line: string) => void;
  /** Clock for -v timestamps and latencies. */
  now?: () => number;
  userAgent?: string;
  /** The environment for HTTPS_PROXY / NO_PROXY (default: the process's). */
  env?: Record<string, string | undefined>;
  /** Where an exec credential plugin's stderr goes as it runs (kubectl passes it through); default: kt's stderr. */
  stderr?: (text: string) => void;
  /** Whether kt's stdin is a terminal, for an interactive exec plugin (default: fd 0 is a TTY). */
  stdinIsTerminal?: () => boolean;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
}

/** Go's url.Values.Encode: keys sorted, values percent-encoded the same way. */
export function encodeQuery(query: HttpRequest['query']): string {
  const entries = Object.entries(query ?? {}).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([k, v]) => `${goQueryEscape(k)}=${goQueryEscape(String(v))}`).join('&');
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Go's words for the certificate failures Node reports by code. */
const TLS_ERRORS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
};

/** What client-go says when --request-timeout runs out while it waits to retry. */
const RATE_LIMITER_DEADLINE = 'client rate limiter Wait returned an error: context deadline exceeded';

/** client-go's limit on retries of one request (rest.Request's maxRetries). */
export const MAX_RETRIES = 10;
/** kt's own retries of an idempotent read that failed with a 5xx and no Retry-After (client-go gives up at once). */
export const MAX_BACKOFF_RETRIES = 3;
const BACKOFF_BASE_MS = 250;

/**
 * How long to wait before retrying a failed response, or undefined to give up. As client-go: a 429 or 5xx with an
 * integer Retry-After waits that many seconds, for any verb. Beyond it, for GET only: a 500/502/503/504 without
 * Retry-After backs off exponentially (250ms, 500ms, 1s) for a few attempts.
 */
export function retryDelayMs(method: string, code: number, retryAfter: string | string[] | undefined, attempt: number): number | undefined {
  if (code !== 429 && code < 500) return undefined;
  if (attempt >= MAX_RETRIES) return undefined;
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  if (header !== undefined && /^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  if (method === 'GET' && [500, 502, 503, 504].includes(code) && attempt < MAX_BACKOFF_RETRIES) return BACKOFF_BASE_MS * 2 ** attempt;
  return undefined;
}

/** A dropped connection before any answer (client-go's IsProbableEOF / IsConnectionReset): worth retrying a GET. */
function isProbableEOF(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException;
  return err?.code === 'ECONNRESET' || err?.code === 'EPIPE' || err?.message === 'socket hang up';
}

const guarded = new WeakSet<object>();
/**
 * A kept-alive socket outlives its request; when a follow is aborted (Ctrl-C, --wait-for matched) the socket is
 * destroyed with an AbortError after the request has let go of it. The request and response report that error;
 * this listener only keeps it from crashing the process as an unhandled 'error' event.
 */
function guardSocket(socket: import('node:net').Socket): void {
  if (guarded.has(socket)) return;
  guarded.add(socket);
  socket.on('error', () => {});
}


/** Never print a credential: bearer tokens and basic auth are masked at every -v level. */
export function maskHeader(name: string, value: string): string {
  if (name.toLowerCase() === 'authorization') return value.replace(/^(Bearer|Basic)\s+.*$/i, '$1 <masked>');
  return value;
}

export class Transport {
  private conn: Connection | undefined;
  private readonly now: () => number;
  readonly server: URL;

  constructor(config: ResolvedConfig, readonly options: TransportOptions) {
    this.now = options.now ?? Date.now;
    this.server = new URL(config.cluster.server);
    // kubectl takes HTTPS_PROXY / NO_PROXY from the environment when the kubeconfig names no proxy-url.
    const proxy = config.cluster.proxyUrl === undefined ? proxyFromEnvironment(this.server, options.env ?? process.env) : undefined;
    this.config = proxy ? { ...config, cluster: { ...config.cluster, proxyUrl: proxy } } : config;
  }

  readonly config: ResolvedConfig;

  /** host:port as kubectl names it in connection errors. */
  get hostPort(): string {
    const port = this.server.port || (this.server.protocol === 'https:' ? '443' : '80');
    return `${this.server.hostname.includes(':') ? `[${this.server.hostname}]` : this.server.hostname}:${port}`;
  }

  /** TLS, proxy and credentials, set up once (an exec plugin's credentials are then cached for the process). */
  private connection(): Connection {
    this.conn ??= new Connection(this.config, this.server, {
      env: this.options.env ?? process.env,
      stdinIsTerminal: this.options.stdinIsTerminal ?? (() => builtin<typeof import('node:tty')>('node:tty').isatty(0)),
      ...(this.options.stderr ? { stderr: this.options.stderr } : {}),
      now: this.now,
    });
    return this.conn;
  }

  /** One request's options; a credential that cannot be had fails as kubectl's does (`getting credentials: …`). */
  private async prepare(): Promise<PreparedRequest> {
    const connection = this.connection();
    try {
      return await connection.prepare();
    } catch (e) {
      if (e instanceof CredentialError) throw new ConnectionError(this.hostPort, false, `Unable to connect to the server: getting credentials: ${e.message}`);
      if (e instanceof KtError) throw e;
      throw new ConnectionError(this.hostPort, false, `Unable to connect to the server: ${(e as Error).message}`);
    }
  }

  /** client-go refreshes an exec credential the server refused; a failure to do so is only logged. */
  private async refreshAfterUnauthorized(prepared: PreparedRequest): Promise<void> {
    try {
      await this.connection().unauthorized(prepared);
    } catch (e) {
      this.options.log(`E${klogPrefix(this.now(), 'exec.go:385').slice(1)}refreshing credentials: ${(e as Error).message}`);
    }
  }

  private logLine(text: string): void {
    this.options.log(`${klogPrefix(this.now(), 'round_trippers.go:560')}${text}`);
  }

  /** Sends a request and resolves with the response once its headers arrive; non-2xx answers become ApiError. */
  async open(req: HttpRequest): Promise<IncomingMessage> {
    const prepared = await this.prepare();
    const base = prepared.options;
    const qs = encodeQuery(req.query);
    const path = `${this.server.pathname.replace(/\/$/, '')}${req.path}${qs ? `?${qs}` : ''}`;
    const url = `${this.server.origin}${path}`;
    const method = req.method ?? 'GET';
    const body = req.body === undefined ? undefined : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
    const headers: Record<string, string> = {
      ...(base.headers as Record<string, string>),
      Accept: req.accept ?? 'application/json, */*',
      'User-Agent': this.options.userAgent ?? 'kt/0.1.0',
    };
    if (body) {
      headers['Content-Type'] = req.contentType ?? 'application/json';
      headers['Content-Length'] = String(body.length);
    }
    const started = this.now();
    const v = this.options.verbosity;
    if (v >= 9) {
      const hs = Object.entries(headers).map(([k, val]) => ` -H "${k}: ${maskHeader(k, val)}"`).join('');
      this.logLine(`curl -v -X${method}${hs} '${url}'`);
    }
    if (v >= 7) {
      this.logLine(`${method} ${url}`);
      this.logLine('Request Headers:');
      for (const [k, val] of Object.entries(headers)) this.logLine(`    ${k}: ${maskHeader(k, val)}`);
    }
    const mod = this.server.protocol === 'https:' ? builtin<typeof import('node:https')>('node:https') : builtin<typeof import('node:http')>('node:http');
    // --request-timeout bounds the whole request: every attempt, the waits between them and reading the body.
    const timeoutMs = this.options.requestTimeoutMs;
    const deadline = new AbortController();
    const timer = timeoutMs > 0 ? setTimeout(() => deadline.abort(), timeoutMs) : undefined;
    const clear = (): void => {
      if (timer) clearTimeout(timer);
    };
    const timedOut = (): Error => this.connectionError(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
    const signals = [req.signal, deadline.signal].filter((s): s is AbortSignal => !!s);
    const signal = AbortSignal.any(signals);
    for (let attempt = 0; ; attempt++) {
      let res: IncomingMessage;
      try {
        res = await new Promise<IncomingMessage>((resolve, reject) => {
          let request: ClientRequest;
          try {
            request = mod.request(url, { ...base, method, headers, signal }, resolve);
          } catch (e) {
            reject(this.connectionError(e));
            return;
          }
          request.on('error', (e) => reject(req.signal?.aborted ? e : deadline.signal.aborted ? timedOut() : e));
          request.on('socket', guardSocket);
          request.end(body);
        });
      } catch (e) {
        if (!req.signal?.aborted && !deadline.signal.aborted && method === 'GET' && isProbableEOF(e) && attempt < MAX_RETRIES) {
          // client-go answers a dropped GET as if the server had said `Retry-After: 1`.
          await this.waitToRetry(1000, attempt, url, signals);
          if (deadline.signal.aborted) {
            clear();
            throw new KtError(`${RATE_LIMITER_DEADLINE} - error from a previous attempt: EOF`);
          }
          if (!req.signal?.aborted) continue;
        }
        clear();
        throw e instanceof ConnectionError || req.signal?.aborted ? e : this.connectionError(e);
      }
      const code = res.statusCode ?? 0;
      if (v >= 6) this.logLine(`${method} ${url} ${code} ${STATUS_TEXT[code] ?? ''} in ${this.now() - started} milliseconds`);
      if (v >= 8) {
        this.logLine('Response Headers:');
        for (const [k, val] of Object.entries(res.headers)) this.logLine(`    ${k}: ${String(val)}`);
      }
      if (code >= 200 && code < 300) {
        if (timer) {
          // After the headers, the deadline ends the body (a follow, a watch, a slow list) with Go's error.
          const onDeadline = (): void => void res.destroy(new DeadlineError());
          deadline.signal.addEventListener('abort', onDeadline, { once: true });
          res.once('close', () => {
            clear();
            deadline.signal.removeEventListener('abort', onDeadline);
          });
        }
        return res;
      }
      let text: string;
      try {
        text = await readAll(res);
      } catch (e) {
        clear();
        throw deadline.signal.aborted ? timedOut() : e;
      }
      if (v >= 8) this.logLine(`Response Body: ${text.slice(0, 10240)}`);
      if (code === 401) await this.refreshAfterUnauthorized(prepared);
      const wait = req.signal?.aborted ? undefined : retryDelayMs(method, code, res.headers['retry-after'], attempt);
      if (wait !== undefined) {
        await this.waitToRetry(wait, attempt, url, signals);
        if (deadline.signal.aborted) {
          clear();
          throw new KtError(RATE_LIMITER_DEADLINE);
        }
        if (!req.signal?.aborted) continue;
      }
      clear();
      throw new ApiError(parseStatus(text, code), code);
    }
  }

  /** Waits before attempt `attempt + 1`, logged at -v=4 in client-go's words. */
  private async waitToRetry(ms: number, attempt: number, url: string, signals: readonly AbortSignal[]): Promise<void> {
    await sleep(ms, AbortSignal.any([...signals]));
    if (this.options.verbosity >= 4 && !signals.some((s) => s.aborted)) {
      this.options.log(`${klogPrefix(this.now(), 'with_retry.go:234')}Got a Retry-After ${formatGoDuration(BigInt(Math.round(ms)) * 1_000_000n)} response for attempt ${attempt + 1} to ${url}`);
    }
  }

  /**
   * What a WebSocket to the API server needs (`kt debug` attaches over one): the ws:// or wss:// URL of `path` and
   * the same credentials and TLS options as every other request.
   */
  async wsOptions(path: string, query: HttpRequest['query']): Promise<{ url: string; options: RequestOptions & { headers: Record<string, string> } }> {
    const base = (await this.prepare()).options;
    const qs = encodeQuery(query);
    const url = `${this.server.protocol === 'https:' ? 'wss:' : 'ws:'}//${this.server.host}${this.server.pathname.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
    const headers = { ...(base.headers as Record<string, string>), 'User-Agent': this.options.userAgent ?? 'kt/0.1.0' };
    if (this.options.verbosity >= 6) this.logLine(`GET ${url.replace(/^ws/, 'http')} (websocket)`);
    return { url, options: { ...base, headers } };
  }

  /** A request whose whole JSON body is wanted. */
  async json<T>(req: HttpRequest): Promise<T> {
    const res = await this.open(req);
    let text: string;
    try {
      text = await readAll(res);
    } catch (e) {
      if (e instanceof DeadlineError) throw new ConnectionError(this.hostPort, false, 'Unable to connect to the server: net/http: request canceled (Client.Timeout or context cancellation while reading body)');
      throw e;
    }
    if (this.options.verbosity >= 8) this.logLine(`Response Body: ${text.slice(0, 10240)}`);
    return JSON.parse(text) as T;
  }

  private connectionError(e: unknown): Error {
    const err = e as NodeJS.ErrnoException;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return new ConnectionError(this.hostPort, false, `Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)`);
    }
    if (err.code === 'ECONNREFUSED') {
      return new ConnectionError(this.hostPort, true, `The connection to the server ${this.hostPort} was refused - did you specify the right host or port?`);
    }
    const detail = err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
      ? `dial tcp: lookup ${this.server.hostname}: no such host`
      : isProbableEOF(err) ? 'EOF' : (TLS_ERRORS[err.code ?? ''] ?? err.message);
    return new ConnectionError(this.hostPort, false, `Unable to connect to the server: ${detail}`);
  }
}

export async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseStatus(text: string, code: number): Status {
  try {
    const parsed = JSON.parse(text) as Status;
    if (parsed && parsed.kind === 'Status') return parsed;
  } catch {
    // not JSON: fall through to client-go's generic wording
  }
  return statusFromHttp(code, text);
}
