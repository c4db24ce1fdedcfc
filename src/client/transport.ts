// The one place kt speaks HTTP to an API server. client-node supplies what it does faithfully — credentials
// (tokens, client certificates, exec plugins, auth providers) and TLS options — while requests, streaming, error
// text and -v logging are ours, because client-node's versions crash on aborted streams and lose server errors.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { ResolvedConfig } from './kubeconfig.js';
import { ApiError, ConnectionError, statusFromHttp } from './errors.js';
import type { Status } from '../k8s/types.js';

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

function goQueryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/** klog's header: `I1125 10:27:08.052963   26449 file.go:560] `. */
function klogPrefix(now: number): string {
  const d = new Date(now);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `I${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000 ${String(process.pid).padStart(7)} round_trippers.go:560] `;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Never print a credential: bearer tokens and basic auth are masked at every -v level. */
export function maskHeader(name: string, value: string): string {
  if (name.toLowerCase() === 'authorization') return value.replace(/^(Bearer|Basic)\s+.*$/i, '$1 <masked>');
  return value;
}

export class Transport {
  private prepared: Promise<RequestOptions> | undefined;
  private readonly now: () => number;
  readonly server: URL;

  constructor(readonly config: ResolvedConfig, readonly options: TransportOptions) {
    this.now = options.now ?? Date.now;
    this.server = new URL(config.cluster.server);
  }

  /** host:port as kubectl names it in connection errors. */
  get hostPort(): string {
    const port = this.server.port || (this.server.protocol === 'https:' ? '443' : '80');
    return `${this.server.hostname.includes(':') ? `[${this.server.hostname}]` : this.server.hostname}:${port}`;
  }

  /** Credentials and TLS settings, computed once (an exec plugin runs once per process, as in kubectl). */
  private base(): Promise<RequestOptions> {
    this.prepared ??= (async () => {
      const { KubeConfig } = await import('./client-node.js');
      const { toClientNodeOptions } = await import('./kubeconfig.js');
      const kc = new KubeConfig();
      const options = toClientNodeOptions(this.config) as { clusters: { skipTLSVerify?: boolean }[] };
      // client-node refuses plain http:// unless told to skip TLS checks; there is no TLS to check on http.
      if (this.server.protocol === 'http:') for (const c of options.clusters) c.skipTLSVerify = true;
      kc.loadFromOptions(options);
      const opts: RequestOptions & { headers: Record<string, string> } = { headers: {} };
      await kc.applyToHTTPSOptions(opts);
      return opts;
    })();
    return this.prepared;
  }

  private logLine(text: string): void {
    this.options.log(`${klogPrefix(this.now())}${text}`);
  }

  /** Sends a request and resolves with the response once its headers arrive; non-2xx answers become ApiError. */
  async open(req: HttpRequest): Promise<IncomingMessage> {
    const base = await this.base();
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
    const mod = this.server.protocol === 'https:' ? await import('node:https') : await import('node:http');
    const signals = [req.signal, this.options.requestTimeoutMs > 0 ? AbortSignal.timeout(this.options.requestTimeoutMs) : undefined].filter((s): s is AbortSignal => !!s);
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      let request: ClientRequest;
      try {
        request = mod.request(url, { ...base, method, headers, ...(signal ? { signal } : {}) }, resolve);
      } catch (e) {
        reject(this.connectionError(e));
        return;
      }
      request.on('error', (e) => reject(this.connectionError(e, req.signal?.aborted)));
      request.end(body);
    });
    const code = res.statusCode ?? 0;
    if (v >= 6) this.logLine(`${method} ${url} ${code} ${STATUS_TEXT[code] ?? ''} in ${this.now() - started} milliseconds`);
    if (v >= 8) {
      this.logLine('Response Headers:');
      for (const [k, val] of Object.entries(res.headers)) this.logLine(`    ${k}: ${String(val)}`);
    }
    if (code >= 200 && code < 300) return res;
    const text = await readAll(res);
    if (v >= 8) this.logLine(`Response Body: ${text.slice(0, 10240)}`);
    throw new ApiError(parseStatus(text, code), code);
  }

  /**
   * What a WebSocket to the API server needs (`kt debug` attaches over one): the ws:// or wss:// URL of `path` and
   * the same credentials and TLS options as every other request.
   */
  async wsOptions(path: string, query: HttpRequest['query']): Promise<{ url: string; options: RequestOptions & { headers: Record<string, string> } }> {
    const base = await this.base();
    const qs = encodeQuery(query);
    const url = `${this.server.protocol === 'https:' ? 'wss:' : 'ws:'}//${this.server.host}${this.server.pathname.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
    const headers = { ...(base.headers as Record<string, string>), 'User-Agent': this.options.userAgent ?? 'kt/0.1.0' };
    if (this.options.verbosity >= 6) this.logLine(`GET ${url.replace(/^ws/, 'http')} (websocket)`);
    return { url, options: { ...base, headers } };
  }

  /** A request whose whole JSON body is wanted. */
  async json<T>(req: HttpRequest): Promise<T> {
    const res = await this.open(req);
    const text = await readAll(res);
    if (this.options.verbosity >= 8) this.logLine(`Response Body: ${text.slice(0, 10240)}`);
    return JSON.parse(text) as T;
  }

  private connectionError(e: unknown, aborted = false): Error {
    if (aborted) return e instanceof Error ? e : new Error(String(e));
    const err = e as NodeJS.ErrnoException;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return new ConnectionError(this.hostPort, false, `Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)`);
    }
    if (err.code === 'ECONNREFUSED') {
      return new ConnectionError(this.hostPort, true, `The connection to the server ${this.hostPort} was refused - did you specify the right host or port?`);
    }
    const detail = err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
      ? `dial tcp: lookup ${this.server.hostname}: no such host`
      : err.message;
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
