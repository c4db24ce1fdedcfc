// The resolved REST config (client_config.go's ClientConfig and transport.New's checks): the namespace, the server
// URL, and the credentials kubectl would send, in kubectl's order so that the first error is kubectl's.
import nodePath from 'node:path';
import { KtError } from '../../errors.js';
import { goFileErrorText, goNotExistText } from '../../go/os.js';
import { goQuote } from '../../go/quote.js';
import type { Loaded } from './load.js';
import { OverriddenConfig, overridesFromFlags } from './overrides.js';
import { caPoolError, keyPairError } from './tls.js';
import type { AuthInfo, Cluster, ConnectionFlags, FileReader, KubeconfigEnv, ResolvedConfig } from './types.js';
import { confirmUsable, openCheck } from './validate.js';

/** Reads a file the REST config needs, failing with Go's os error text. */
type ReadRequired = (p: string) => string;

export function buildClientConfig(loaded: Loaded, flags: ConnectionFlags, env: KubeconfigEnv, fs: FileReader, cwd: string, namespaceFirst: boolean): ResolvedConfig {
  const cfg = loaded.config;
  const defaultServer = (env.KUBERNETES_MASTER ?? '') !== '' ? (env.KUBERNETES_MASTER ?? '') : 'http://localhost:8080';
  const view = new OverriddenConfig(cfg, overridesFromFlags(flags), defaultServer);
  const { namespace, auth: a, cluster: c } = lookUp(view, openCheck(fs, cwd), namespaceFirst);
  const readRequired: ReadRequired = (p) => {
    let text: string | undefined;
    try {
      text = fs.readFile(nodePath.resolve(cwd, p));
    } catch (e) {
      throw new KtError(goFileErrorText(e, p));
    }
    if (text === undefined) throw new KtError(goNotExistText(p));
    return text;
  };

  const server = normalizeServer(c.server);
  const user: ResolvedConfig['user'] = { name: view.authInfoName().name, ...impersonation(a) };
  // getUserIdentificationPartialConfig: credentials only for https servers.
  const promptForCredentials = server.tls ? addCredentials(user, a, c, readRequired, fs, cwd) : false;
  if (server.error) throw new KtError(server.error);
  for (const key of ['certFile', 'keyFile', 'tokenFile'] as const) {
    const p = user[key];
    if (p !== undefined) user[key] = nodePath.resolve(cwd, p);
  }

  const { name: ctxName } = view.contextName();
  const result: ResolvedConfig = {
    contextName: ctxName === '' ? undefined : ctxName,
    namespace,
    namespaceFromFlag: view.ov.context.namespace !== '',
    cluster: resolvedCluster(view.clusterName().name, server.url, c, cwd),
    user,
    files: loaded.files,
    empty: cfg.clusters.size === 0 && cfg.users.size === 0 && cfg.contexts.size === 0 && cfg.currentContext === '' && !cfg.hasOther,
  };
  if (user.authProvider && a.origin !== undefined) result.authProviderFile = nodePath.resolve(cwd, a.origin);
  if (promptForCredentials) result.promptForCredentials = true;
  if (loaded.configNotFound !== undefined) result.configNotFound = loaded.configNotFound;
  return result;
}

/** kubectl's Complete: Namespace() first (a -n flag skips its validation), then ClientConfig()'s lookups. */
function lookUp(view: OverriddenConfig, open: ReturnType<typeof openCheck>, namespaceFirst: boolean): { namespace: string; auth: AuthInfo; cluster: Cluster } {
  let namespace: string | undefined;
  if (view.ov.context.namespace !== '') namespace = view.ov.context.namespace;
  else if (namespaceFirst) {
    confirmUsable(view, open);
    namespace = view.context().value.namespace || 'default';
  }
  const auth = view.authInfo();
  if (auth.error) throw new KtError(auth.error);
  const context = view.context();
  if (context.error) throw new KtError(context.error);
  const cluster = view.cluster();
  if (cluster.error) throw new KtError(cluster.error);
  confirmUsable(view, open);
  return { namespace: namespace ?? (context.value.namespace || 'default'), auth: auth.value, cluster: cluster.value };
}

function impersonation(a: AuthInfo): Partial<ResolvedConfig['user']> {
  if (a.as === '') return {};
  return {
    impersonateUser: a.as,
    ...(a.asUid !== '' ? { impersonateUid: a.asUid } : {}),
    ...(a.asGroups.length > 0 ? { impersonateGroups: a.asGroups } : {}),
    ...(Object.keys(a.asUserExtra).length > 0 ? { impersonateUserExtra: a.asUserExtra } : {}),
  };
}

/**
 * The credentials an https request carries, written into `user`; returns whether kubectl would prompt for them
 * (nothing identifies the user). transport.New's order: the bearer token, the TLS material, then the auth checks.
 */
function addCredentials(user: ResolvedConfig['user'], a: AuthInfo, c: Cluster, readRequired: ReadRequired, fs: FileReader, cwd: string): boolean {
  const { bearer, bearerFile } = a.token !== '' ? { bearer: a.token, bearerFile: a.tokenFile } : a.tokenFile !== '' ? { bearer: readRequired(a.tokenFile), bearerFile: a.tokenFile } : { bearer: '', bearerFile: '' };
  const hasCert = a.clientCertificate !== '' || (a.clientCertificateData?.length ?? 0) > 0;
  const hasKey = a.clientKey !== '' || (a.clientKeyData?.length ?? 0) > 0;
  const prompt = !(a.username !== '' || hasCert || bearer !== '' || a.authProvider !== undefined || a.exec !== undefined);
  checkTlsMaterial(a, c, hasCert && hasKey, readRequired);
  const hasBasicAuth = a.username !== '';
  const hasTokenAuth = bearer !== '' || bearerFile !== '';
  if (hasBasicAuth && hasTokenAuth) throw new KtError('username/password or bearer token may be set, but not both');

  // The token sent: a readable, non-empty token file wins over the static token (client-go's file token source).
  let token = bearer;
  if (bearerFile !== '') {
    try {
      const fresh = fs.readFile(nodePath.resolve(cwd, bearerFile))?.trim();
      if (fresh) token = fresh;
    } catch {
      // unreadable: the static token stays
    }
    user.tokenFile = bearerFile;
  }
  if (token !== '') user.token = token;
  if (hasCert) {
    if (a.clientCertificate !== '') user.certFile = a.clientCertificate;
    if (a.clientCertificateData?.length) user.certData = Buffer.from(a.clientCertificateData).toString('base64');
    if (a.clientKey !== '') user.keyFile = a.clientKey;
    if (a.clientKeyData?.length) user.keyData = Buffer.from(a.clientKeyData).toString('base64');
  }
  if (hasBasicAuth) {
    user.username = a.username;
    user.password = a.password;
  }
  // An exec plugin runs only when nothing else authenticates; an auth provider only without a token or basic auth.
  if (a.exec && !hasTokenAuth && !hasBasicAuth && !(hasCert && hasKey)) {
    const e = a.exec;
    user.exec = {
      apiVersion: e.apiVersion,
      command: e.command,
      args: e.args ?? [],
      env: e.env ?? [],
      ...(e.installHint !== '' ? { installHint: e.installHint } : {}),
      provideClusterInfo: e.provideClusterInfo,
      interactiveMode: e.interactiveMode,
    };
  }
  if (a.authProvider && !hasTokenAuth && !hasBasicAuth) user.authProvider = { name: a.authProvider.name, config: { ...a.authProvider.config } };
  return prompt;
}

/** transport.New's TLS config: the CA pool, then the client key pair, each as crypto/tls would judge it. */
function checkTlsMaterial(a: AuthInfo, c: Cluster, hasKeyPair: boolean, readRequired: ReadRequired): void {
  if ((c.caFile !== '' || (c.caData?.length ?? 0) > 0) && c.insecure) throw new KtError('specifying a root certificates file with the insecure flag is not allowed');
  const material = (data: Uint8Array | undefined, file: string): Buffer | undefined => {
    if (data && data.length > 0) return Buffer.from(data);
    return file === '' ? undefined : Buffer.from(readRequired(file));
  };
  const caBytes = material(c.caData, c.caFile);
  if (caBytes) {
    const err = caPoolError(caBytes);
    if (err) throw new KtError(`unable to load root certificates: ${err}`);
  }
  if (hasKeyPair) {
    const err = keyPairError(material(a.clientCertificateData, a.clientCertificate) ?? Buffer.alloc(0), material(a.clientKeyData, a.clientKey) ?? Buffer.alloc(0));
    if (err) throw new KtError(err);
  }
}

function resolvedCluster(name: string, server: string, c: Cluster, cwd: string): ResolvedConfig['cluster'] {
  const out: ResolvedConfig['cluster'] = { name, server, skipTLSVerify: c.insecure };
  if (c.caData?.length) out.caData = Buffer.from(c.caData).toString('base64');
  if (c.caFile !== '') out.caFile = nodePath.resolve(cwd, c.caFile);
  if (c.tlsServerName !== '') out.tlsServerName = c.tlsServerName;
  if (c.proxyUrl !== '') out.proxyUrl = c.proxyUrl;
  if (c.disableCompression) out.disableCompression = true;
  if (c.execExtension !== undefined) out.execExtension = c.execExtension;
  return out;
}

/**
 * The URL kubectl talks to: client-go strips the query of a URL with a path (ParseRequestURI, where `#` is part of
 * the path), and treats a host without scheme as http:// (IsConfigTransportTLS runs before any TLS setting is
 * merged). A scheme-less host with a path is an error at client creation.
 */
function normalizeServer(host: string): { url: string; tls: boolean; error?: string } {
  let h = host;
  const req = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(h);
  if (req && (req[3] ?? '').length > 1) h = `${req[1] ?? ''}:${req[2] ?? ''}${(req[3] ?? '').replace(/#/g, '%23')}`;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)([^?#]*)/.exec(h);
  if (m && (m[2] ?? '').replace(/^.*@/, '') !== '') {
    const scheme = (m[1] ?? '').toLowerCase();
    return { url: `${scheme}://${m[2] ?? ''}${(m[3] ?? '').replace(/\/+$/, '')}`, tls: scheme === 'https' };
  }
  const withScheme = /^http:\/\/([^/?#]*)([^?#]*)/.exec(`http://${h}`);
  const path = withScheme?.[2] ?? '';
  const url = `http://${withScheme?.[1] ?? ''}${path.replace(/\/+$/, '')}`;
  if (path !== '' && path !== '/') return { url, tls: false, error: `host must be a URL or a host:port pair: ${goQuote(host)}` };
  return { url, tls: false };
}
