// What every request to one API server carries, as client-go's transport.New builds it: TLS (the CA, the client
// certificate, --insecure-skip-tls-verify, tls-server-name), the proxy, and the credentials — a bearer token, basic
// auth, impersonation, an exec plugin's token or certificate, an auth provider's token. Connections are kept alive,
// so discovery and the request share one TCP and TLS handshake.
import type { Agent as HttpAgent, RequestOptions } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { createRequire } from 'node:module';
import { authProviderFor } from './auth-provider.js';
import type { TokenSource } from './auth-provider.js';
import { execAuthenticator } from './exec-credential.js';
import type { ExecAuthenticator, ExecCredentials, ExecPluginOptions } from './exec-credential.js';
import type { ResolvedConfig } from './kubeconfig/types.js';
import { proxyAgent } from './proxy-agent.js';

const requireBuiltin = createRequire(import.meta.url);
function builtin<T>(name: string): T {
  return requireBuiltin(name) as T;
}

/** One request's options, and the exec credentials it carries (to refresh them when the server refuses them). */
export interface PreparedRequest {
  options: RequestOptions & { headers: Record<string, string> };
  execCredentials?: ExecCredentials;
}

interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized?: boolean;
  servername?: string;
}

export class Connection {
  private readonly tls: TlsMaterial;
  private readonly staticHeaders: Record<string, string>;
  private readonly exec: ExecAuthenticator | undefined;
  private readonly provider: TokenSource | undefined;
  private agent: HttpAgent | HttpsAgent | undefined;
  /** The agent for the exec certificate it was made with: a new certificate needs new connections. */
  private execAgent: { cert: Buffer; agent: HttpAgent | HttpsAgent } | undefined;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly server: URL,
    plugin: ExecPluginOptions,
  ) {
    this.tls = server.protocol === 'https:' ? tlsMaterial(config) : {};
    this.staticHeaders = staticHeaders(config);
    this.exec = execAuthenticator(config, plugin);
    this.provider = authProviderFor(config, plugin.now);
  }

  /** The options for the next request; runs the exec plugin or the auth provider when their token is due. */
  async prepare(): Promise<PreparedRequest> {
    const headers = { ...this.staticHeaders };
    if (this.provider && headers['Authorization'] === undefined) headers['Authorization'] = `Bearer ${await this.provider.token()}`;
    if (!this.exec || headers['Authorization'] !== undefined) return { options: { headers, ...this.tls, agent: this.sharedAgent() } };
    const creds = await this.exec.credentials();
    if (creds.token !== undefined) headers['Authorization'] = `Bearer ${creds.token}`;
    const agent = creds.cert && creds.key ? this.certAgent(creds.cert, creds.key) : this.sharedAgent();
    const tls = creds.cert && creds.key ? { ...this.tls, cert: creds.cert, key: creds.key } : this.tls;
    return { options: { headers, ...tls, agent }, execCredentials: creds };
  }

  /** The server answered 401: an exec plugin's credentials are refreshed for the requests that follow. */
  async unauthorized(prepared: PreparedRequest): Promise<void> {
    if (this.exec && prepared.execCredentials) await this.exec.unauthorized(prepared.execCredentials);
  }

  private sharedAgent(): HttpAgent | HttpsAgent {
    this.agent ??= this.newAgent(this.tls);
    return this.agent;
  }

  private certAgent(cert: Buffer, key: Buffer): HttpAgent | HttpsAgent {
    if (this.execAgent?.cert.equals(cert)) return this.execAgent.agent;
    this.execAgent?.agent.destroy();
    this.execAgent = { cert, agent: this.newAgent({ ...this.tls, cert, key }) };
    return this.execAgent.agent;
  }

  private newAgent(tls: TlsMaterial): HttpAgent | HttpsAgent {
    const secure = this.server.protocol === 'https:';
    const proxy = this.config.cluster.proxyUrl;
    if (proxy !== undefined) return proxyAgent(proxy, secure, { ...tls, keepAlive: true });
    if (!secure) return new (builtin<typeof import('node:http')>('node:http').Agent)({ keepAlive: true });
    return new (builtin<typeof import('node:https')>('node:https').Agent)({ ...tls, keepAlive: true });
  }
}

/** The CA, the client certificate and key (data or files), and the verification settings. */
function tlsMaterial(config: ResolvedConfig): TlsMaterial {
  const { cluster: c, user: u } = config;
  const { readFileSync } = builtin<typeof import('node:fs')>('node:fs');
  const material = (data: string | undefined, file: string | undefined): Buffer | undefined =>
    data ? Buffer.from(data, 'base64') : file ? readFileSync(file) : undefined;
  const ca = material(c.caData, c.caFile);
  const cert = material(u.certData, u.certFile);
  const key = material(u.keyData, u.keyFile);
  return {
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(c.skipTLSVerify ? { rejectUnauthorized: false } : {}),
    ...(c.tlsServerName ? { servername: c.tlsServerName } : {}),
  };
}

/** The headers that never change: the bearer token or basic auth, and impersonation. */
function staticHeaders(config: ResolvedConfig): Record<string, string> {
  const u = config.user;
  const headers: Record<string, string> = {};
  if (u.token) headers['Authorization'] = `Bearer ${u.token}`;
  else if (u.username !== undefined) headers['Authorization'] = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
  if (u.impersonateUser !== undefined) headers['Impersonate-User'] = u.impersonateUser;
  return headers;
}
