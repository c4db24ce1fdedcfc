// A kubeconfig user's auth-provider, as kubectl 1.32 has them: `oidc` (client-go's plugin/pkg/client/auth/oidc: the
// id-token while its JWT has not expired, else a refresh through the issuer's token endpoint, the new tokens written
// back to the kubeconfig file), and the removal notices of `gcp` and `azure`. Errors are client-go's text.
import { createRequire } from 'node:module';
import { parseDocument } from 'yaml';
import { KtError } from '../errors.js';
import { goBase64Decode, goBase64RawUrlDecode } from '../go/base64.js';
import { goJsonSyntaxError } from '../go/json-syntax.js';
import { goQuote } from '../go/quote.js';
import type { ResolvedConfig } from './kubeconfig/types.js';

const requireBuiltin = createRequire(import.meta.url);
function builtin<T>(name: string): T {
  return requireBuiltin(name) as T;
}

const REMOVED: Record<string, string> = {
  gcp: 'The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
  azure: 'The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\nSee https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details',
};

/** client-go refreshes an id-token this long before it expires. */
const EXPIRY_DELTA_MS = 10_000;

/** A bearer token from an auth provider; `token()` fails with an Error whose message kubectl prints after `Unable to connect to the server: `. */
export interface TokenSource {
  token(): Promise<string>;
}

/** The provider of `config.user.authProvider`, or kubectl's error (at client creation) for one it cannot use. */
export function authProviderFor(config: ResolvedConfig, now: () => number): TokenSource | undefined {
  const provider = config.user.authProvider;
  if (!provider) return undefined;
  const removed = REMOVED[provider.name];
  if (removed !== undefined) throw new KtError(removed);
  if (provider.name !== 'oidc') throw new KtError(`no Auth Provider found for name ${goQuote(provider.name)}`);
  const cfg = provider.config;
  if (!cfg['idp-issuer-url']) throw new KtError('Must provide idp-issuer-url');
  if (!cfg['client-id']) throw new KtError('Must provide client-id');
  let ca: Buffer | undefined;
  if (cfg['idp-certificate-authority-data']) {
    const decoded = goBase64Decode(cfg['idp-certificate-authority-data']);
    if ('error' in decoded) throw new KtError(decoded.error);
    ca = Buffer.from(decoded.bytes);
  } else if (cfg['idp-certificate-authority']) {
    ca = builtin<typeof import('node:fs')>('node:fs').readFileSync(cfg['idp-certificate-authority']);
  }
  return new OidcTokenSource({ ...cfg }, ca, now, (next) => persist(config, next));
}

class OidcTokenSource implements TokenSource {
  private pending: Promise<string> | undefined;

  constructor(
    private cfg: Record<string, string>,
    private readonly ca: Buffer | undefined,
    private readonly now: () => number,
    private readonly save: (cfg: Record<string, string>) => void,
  ) {}

  token(): Promise<string> {
    this.pending ??= this.idToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async idToken(): Promise<string> {
    const current = this.cfg['id-token'];
    if (current && this.now() + EXPIRY_DELTA_MS < jwtExpiry(current)) return current;
    const refreshToken = this.cfg['refresh-token'];
    if (!refreshToken) throw new Error('No valid id-token, and cannot refresh without refresh-token');
    const tokenUrl = await this.tokenEndpoint();
    const answer = await this.refresh(tokenUrl, refreshToken);
    const idToken = answer['id_token'];
    if (typeof idToken !== 'string') {
      throw new Error('token response did not contain an id_token, either the scope "openid" wasn\'t requested upon login, or the provider doesn\'t support id_tokens as part of the refresh response');
    }
    const next: Record<string, string> = { ...this.cfg, 'id-token': idToken };
    const rotated = answer['refresh_token'];
    if (typeof rotated === 'string' && rotated !== '' && rotated !== refreshToken) next['refresh-token'] = rotated;
    try {
      this.save(next);
    } catch (e) {
      throw new Error(`could not persist new tokens: ${(e as Error).message}`);
    }
    this.cfg = next;
    return idToken;
  }

  private async tokenEndpoint(): Promise<string> {
    const wellKnown = `${(this.cfg['idp-issuer-url'] ?? '').replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await this.fetch(wellKnown, 'GET');
    if (res.status !== 200) {
      const body = res.body.length > 80 ? `${res.body.slice(0, 80)}...` : res.body;
      throw new Error(`oidc: failed to query metadata endpoint ${res.status} ${res.statusText}: ${goQuote(body)}`);
    }
    const syntax = goJsonSyntaxError(res.body);
    if (syntax !== undefined) throw new Error(`oidc: failed to decode provider discovery object: ${syntax}`);
    const endpoint = (JSON.parse(res.body) as { token_endpoint?: unknown }).token_endpoint;
    if (typeof endpoint !== 'string' || endpoint === '') throw new Error("oidc: discovery object doesn't contain a token_endpoint");
    return endpoint;
  }

  /** oauth2's refresh grant, the client authenticating with HTTP basic auth. */
  private async refresh(tokenUrl: string, refreshToken: string): Promise<Record<string, unknown>> {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
    const client = `${encodeURIComponent(this.cfg['client-id'] ?? '')}:${encodeURIComponent(this.cfg['client-secret'] ?? '')}`;
    const res = await this.fetch(tokenUrl, 'POST', form, { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(client).toString('base64')}` });
    if (res.status < 200 || res.status > 299) throw new Error(`failed to refresh token: oauth2: cannot fetch token: ${res.status} ${res.statusText}\nResponse: ${res.body}`);
    try {
      return JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      throw new Error(`failed to refresh token: oauth2: cannot parse json: ${goJsonSyntaxError(res.body) ?? 'invalid JSON'}`);
    }
  }

  private fetch(url: string, method: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; statusText: string; body: string }> {
    const target = new URL(url);
    const mod = target.protocol === 'https:' ? builtin<typeof import('node:https')>('node:https') : builtin<typeof import('node:http')>('node:http');
    return new Promise((resolve, reject) => {
      const req = mod.request(target, { method, headers, ...(this.ca ? { ca: this.ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', (e) => reject(new Error(`${method === 'GET' ? 'Get' : 'Post'} ${goQuote(url)}: ${e.message}`)));
      req.end(body);
    });
  }
}

/** The JWT's `exp` in epoch ms, or client-go's error for a token that is not a JWT. */
function jwtExpiry(idToken: string): number {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new Error('ID Token is not a valid JWT');
  const payload = goBase64RawUrlDecode(parts[1] ?? '');
  if ('error' in payload) throw new Error(payload.error);
  const text = Buffer.from(payload.bytes).toString('utf8');
  const syntax = goJsonSyntaxError(text);
  if (syntax !== undefined) throw new Error(`parsing claims: ${syntax}`);
  const exp = (JSON.parse(text) as { exp?: unknown }).exp;
  return typeof exp === 'number' ? Math.trunc(exp) * 1000 : -Infinity;
}

/**
 * Writes refreshed tokens into the user's auth-provider config in the kubeconfig file that defines the user, as
 * kubectl's persister does (kt edits those values in place and keeps the rest of the file as it was).
 */
function persist(config: ResolvedConfig, next: Record<string, string>): void {
  const file = config.authProviderFile;
  if (file === undefined) return;
  const fs = builtin<typeof import('node:fs')>('node:fs');
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  const users = doc.get('users', true) as { items?: unknown[] } | undefined;
  const index = (users?.items ?? []).findIndex((u) => (u as { get?: (k: string) => unknown }).get?.('name') === config.user.name);
  if (index < 0) return;
  for (const [key, value] of Object.entries(next)) doc.setIn(['users', index, 'user', 'auth-provider', 'config', key], value);
  fs.writeFileSync(file, doc.toString());
}
