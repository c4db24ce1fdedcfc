// Kubeconfig loading, merging and flag overrides, the way kubectl v1.32 (client-go tools/clientcmd) does them.
// Pure data handling: no HTTP, no client-node at import time, file reads go through an injectable FileReader.
//
// Pipeline, in kubectl's order (each step's errors are kubectl's exact text, captured from kubectl.1.32):
//   1. choose files   --kubeconfig (must exist) | KUBECONFIG (split, dedup, missing skipped) | $HOME/.kube/config
//   2. load each      YAML (go-yaml v2 semantics) → JSON → v1.Config (Go encoding/json semantics, first error wins)
//   3. merge          map entries: first file that names an entry wins (no field merging); current-context likewise
//   4. resolve paths  relative certificate-authority / client-certificate / client-key / tokenFile / exec command
//                     (only when it contains a slash) against the absolute directory of the file that defined them
//   5. overrides      --context/--cluster/--user/-n/-s/--token/--insecure-skip-tls-verify/…, validation (ConfirmUsable)
//   6. REST config    server normalisation, credentials only for https servers, token file read, prompt detection
//
// Data conventions of ResolvedConfig:
//   - caData / certData / keyData hold standard base64 (re-encoded from the decoded bytes, so whitespace is gone),
//     which is what client-node's loadFromOptions expects.
//   - server always has a scheme (kubectl treats a scheme-less host as http://), no query, no fragment and no
//     trailing slash: append `/api/...` directly.
//   - user credentials are empty for http:// servers: kubectl sends none there (only impersonation headers).
//   - token is the bearer token kubectl would send: a readable, non-empty tokenFile wins over token (and over
//     --token), as client-go's file token source does. exec / authProvider are dropped when kubectl would not run
//     them (exec: any token, basic auth or client certificate+key present; authProvider: any token or basic auth).
import { resolveYamlPlain } from '../go/yaml-resolve.js';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import nodeFs from 'node:fs';
import nodePath from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { KtError, RawError } from '../errors.js';
import { goQuote } from '../go/quote.js';

// ─── Public API ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface ConnectionFlags {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  insecureSkipTlsVerify?: boolean;
  /** --tls-server-name */
  tlsServerName?: string;
  /** --certificate-authority (relative to the working directory, as kubectl reads it) */
  certificateAuthority?: string;
  /** --client-certificate */
  clientCertificate?: string;
  /** --client-key */
  clientKey?: string;
  /** --as */
  as?: string;
  /** --as-group (repeatable) */
  asGroups?: string[];
  /** --as-uid */
  asUid?: string;
  /** --username */
  username?: string;
  /** --password */
  password?: string;
}

export interface KubeconfigEnv {
  KUBECONFIG?: string | undefined;
  HOME?: string | undefined;
  /** kubectl's default server when the chosen cluster has none (client-go's legacy KUBERNETES_MASTER). */
  KUBERNETES_MASTER?: string | undefined;
}

export interface FileReader {
  /**
   * The file's text, or undefined when it does not exist (ENOENT). Any other failure throws; give the error a
   * Node-style `code` ('EISDIR', 'EACCES', 'ENOTDIR', …) and kt words it as Go does (`read <p>: is a directory`)
   * with the path as kubectl shows it. An error without a code is shown by its message.
   */
  readFile(path: string): string | undefined;
}

export interface ResolveOptions {
  /** Base for relative paths (KUBECONFIG entries, --kubeconfig, flag file paths). Default: process.cwd(). */
  cwd?: string;
  /**
   * kubectl commands that read the namespace before building the client (top pod, logs, events, get, debug) run
   * clientcmd's ConfirmUsable first, which changes a few error texts (`--context zzz` → `Error in configuration:
   * context was not found…` instead of `context "zzz" does not exist`). `kubectl top node` does not. Default: true.
   */
  namespaceFirst?: boolean;
}

/** Everything needed to talk to one cluster, after kubectl's merge and flag overrides. */
export interface ResolvedConfig {
  contextName: string | undefined;
  /** flag → context namespace → "default" */
  namespace: string;
  namespaceFromFlag: boolean;
  cluster: {
    name: string;
    server: string;
    caData?: string;
    caFile?: string;
    skipTLSVerify: boolean;
    tlsServerName?: string;
    proxyUrl?: string;
    disableCompression?: boolean;
  };
  user: {
    name: string;
    token?: string;
    tokenFile?: string;
    certData?: string;
    certFile?: string;
    keyData?: string;
    keyFile?: string;
    username?: string;
    password?: string;
    exec?: unknown;
    authProvider?: unknown;
    impersonateUser?: string;
    impersonateUid?: string;
    impersonateGroups?: string[];
    impersonateUserExtra?: Record<string, string[]>;
  };
  /** Paths of the kubeconfig files actually read (for -v logs), as kubectl names them. */
  files: string[];
  /** True when no file set anything: kubectl then talks to http://localhost:8080 (already in cluster.server). */
  empty: boolean;
  /**
   * True when kubectl would prompt (https server, nothing identifies the user): it prints `Please enter Username: `
   * on stdout and reads a word from stdin (EOF → `error: EOF`), then `Please enter Password: ` which needs a
   * terminal (otherwise `error: error reading input for Password`).
   */
  promptForCredentials?: boolean;
  /** `Config not found: a, b` — kubectl logs this at -v≥1 when every KUBECONFIG entry is missing. */
  configNotFound?: string;
}

export const defaultFileReader: FileReader = {
  readFile(p: string): string | undefined {
    try {
      return nodeFs.readFileSync(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
};

/** A failed read as Go's os error text (`os.ReadFile(p)`), naming the path as the caller shows it. */
export function goFileErrorText(err: unknown, p: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  const reason: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'file name too long',
  };
  if (code === 'EISDIR') return `read ${p}: is a directory`;
  if (typeof code === 'string' && reason[code]) return `open ${p}: ${reason[code]}`;
  return err instanceof Error ? err.message : String(err);
}

export function resolveConfig(
  flags: ConnectionFlags,
  env: KubeconfigEnv,
  fsReader: FileReader = defaultFileReader,
  options: ResolveOptions = {},
): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadKubeconfig(flags, env, fsReader, cwd);
  resolveLocalPaths(loaded.config, cwd);
  return buildClientConfig(loaded, flags, env, fsReader, cwd, options.namespaceFirst ?? true);
}

/** Convert to the options object client-node's KubeConfig.loadFromOptions() accepts. */
export function toClientNodeOptions(cfg: ResolvedConfig): {
  clusters: unknown[];
  users: unknown[];
  contexts: unknown[];
  currentContext: string;
} {
  const clusterName = cfg.cluster.name || 'kt-cluster';
  const userName = cfg.user.name || 'kt-user';
  const contextName = cfg.contextName || 'kt-context';
  const c = cfg.cluster;
  const u = cfg.user;
  const cluster = {
    name: clusterName,
    server: c.server,
    skipTLSVerify: c.skipTLSVerify,
    ...(c.caData !== undefined ? { caData: c.caData } : {}),
    ...(c.caFile !== undefined ? { caFile: c.caFile } : {}),
    ...(c.tlsServerName !== undefined ? { tlsServerName: c.tlsServerName } : {}),
    ...(c.proxyUrl !== undefined ? { proxyUrl: c.proxyUrl } : {}),
  };
  const user = {
    name: userName,
    ...(u.token !== undefined ? { token: u.token } : {}),
    ...(u.certData !== undefined ? { certData: u.certData } : {}),
    ...(u.certFile !== undefined ? { certFile: u.certFile } : {}),
    ...(u.keyData !== undefined ? { keyData: u.keyData } : {}),
    ...(u.keyFile !== undefined ? { keyFile: u.keyFile } : {}),
    ...(u.username !== undefined ? { username: u.username } : {}),
    ...(u.password !== undefined ? { password: u.password } : {}),
    ...(u.exec !== undefined ? { exec: u.exec } : {}),
    ...(u.authProvider !== undefined ? { authProvider: u.authProvider } : {}),
    ...(u.impersonateUser !== undefined ? { impersonateUser: u.impersonateUser } : {}),
  };
  const context = { name: contextName, cluster: clusterName, user: userName, namespace: cfg.namespace };
  return { clusters: [cluster], users: [user], contexts: [context], currentContext: contextName };
}

// ─── Internal model (client-go's internal clientcmdapi types) ────────────────────────────────────────────────────

interface ExecEnv {
  name: string;
  value: string;
}
interface ExecConfig {
  command: string;
  args: string[] | undefined;
  env: ExecEnv[] | undefined;
  apiVersion: string;
  installHint: string;
  provideClusterInfo: boolean;
  interactiveMode: string;
}
interface AuthProvider {
  name: string;
  config: Record<string, string>;
}
interface Cluster {
  server: string;
  tlsServerName: string;
  insecure: boolean;
  caFile: string;
  caData: Uint8Array | undefined;
  proxyUrl: string;
  disableCompression: boolean;
  origin: string | undefined;
}
interface AuthInfo {
  clientCertificate: string;
  clientCertificateData: Uint8Array | undefined;
  clientKey: string;
  clientKeyData: Uint8Array | undefined;
  token: string;
  tokenFile: string;
  as: string;
  asUid: string;
  asGroups: string[];
  asUserExtra: Record<string, string[]>;
  username: string;
  password: string;
  authProvider: AuthProvider | undefined;
  exec: ExecConfig | undefined;
  origin: string | undefined;
}
interface Context {
  cluster: string;
  user: string;
  namespace: string;
}
interface Config {
  clusters: Map<string, Cluster>;
  users: Map<string, AuthInfo>;
  contexts: Map<string, Context>;
  currentContext: string;
  hasOther: boolean;
}

function emptyCluster(): Cluster {
  return { server: '', tlsServerName: '', insecure: false, caFile: '', caData: undefined, proxyUrl: '', disableCompression: false, origin: undefined };
}
function emptyAuthInfo(): AuthInfo {
  return {
    clientCertificate: '', clientCertificateData: undefined, clientKey: '', clientKeyData: undefined, token: '', tokenFile: '',
    as: '', asUid: '', asGroups: [], asUserExtra: {}, username: '', password: '', authProvider: undefined, exec: undefined, origin: undefined,
  };
}

// ─── 1–3. Loading rules and merge (loader.go) ────────────────────────────────────────────────────────────────────

interface Loaded {
  config: Config;
  files: string[];
  configNotFound: string | undefined;
}

function loadKubeconfig(flags: ConnectionFlags, env: KubeconfigEnv, fs: FileReader, cwd: string): Loaded {
  const explicit = flags.kubeconfig ?? '';
  let candidates: string[];
  let warnIfAllMissing = false;
  if (explicit !== '') {
    // Only this file; it must exist (os.Stat before anything else).
    if (!exists(fs, nodePath.resolve(cwd, explicit))) throw new KtError(`stat ${explicit}: no such file or directory`);
    candidates = [explicit];
  } else if ((env.KUBECONFIG ?? '') !== '') {
    candidates = [...new Set((env.KUBECONFIG ?? '').split(nodePath.delimiter))];
    warnIfAllMissing = true;
  } else {
    // filepath.Join(homedir, ".kube", "config"): an unset or empty HOME gives the relative ".kube/config".
    candidates = [nodePath.join(env.HOME ?? '', '.kube', 'config')];
  }

  const errors: string[] = [];
  const missing: string[] = [];
  const configs: Config[] = [];
  const files: string[] = [];
  for (const file of candidates) {
    if (file === '') continue;
    let text: string | undefined;
    try {
      text = fs.readFile(nodePath.resolve(cwd, file));
    } catch (e) {
      errors.push(`error loading config file "${file}": ${goFileErrorText(e, file)}`);
      continue;
    }
    if (text === undefined) {
      missing.push(file);
      continue;
    }
    try {
      configs.push(parseKubeconfig(text, file));
      files.push(file);
    } catch (e) {
      if (!(e instanceof LoadError)) throw e;
      errors.push(`error loading config file "${file}": ${e.message}`);
    }
  }
  // utilerrors.NewAggregate: one error prints as `error: <msg>`, several print one per line with no prefix.
  if (errors.length === 1) throw new KtError(errors[0] ?? '');
  if (errors.length > 1) throw new RawError(errors.join('\n'));

  const config: Config = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '', hasOther: false };
  for (const c of configs) {
    for (const [k, v] of c.clusters) if (!config.clusters.has(k)) config.clusters.set(k, v);
    for (const [k, v] of c.users) if (!config.users.has(k)) config.users.set(k, v);
    for (const [k, v] of c.contexts) if (!config.contexts.has(k)) config.contexts.set(k, v);
    if (config.currentContext === '') config.currentContext = c.currentContext;
    config.hasOther ||= c.hasOther;
  }
  const configNotFound = warnIfAllMissing && missing.length > 0 && configs.length === 0 ? `Config not found: ${missing.join(', ')}` : undefined;
  return { config, files, configNotFound };
}

function exists(fs: FileReader, p: string): boolean {
  try {
    return fs.readFile(p) !== undefined;
  } catch {
    return true; // it exists but cannot be read (a directory, permissions): os.Stat succeeds
  }
}

/** ResolveLocalPaths: relative file references become absolute, against the defining file's directory. */
function resolveLocalPaths(config: Config, cwd: string): void {
  const fix = (p: string, base: string): string => (p === '' || nodePath.isAbsolute(p) ? p : nodePath.join(base, p));
  for (const c of config.clusters.values()) {
    if (c.origin === undefined) continue;
    const base = nodePath.resolve(cwd, nodePath.dirname(c.origin));
    c.caFile = fix(c.caFile, base);
  }
  for (const a of config.users.values()) {
    if (a.origin === undefined) continue;
    const base = nodePath.resolve(cwd, nodePath.dirname(a.origin));
    a.clientCertificate = fix(a.clientCertificate, base);
    a.clientKey = fix(a.clientKey, base);
    a.tokenFile = fix(a.tokenFile, base);
    // Only resolve an exec command that is not looked up on PATH.
    if (a.exec && a.exec.command.includes(nodePath.sep)) a.exec.command = fix(a.exec.command, base);
  }
}

// ─── 5–6. Overrides, validation and the REST config (client_config.go, validation.go) ────────────────────────────

interface Overrides {
  currentContext: string;
  context: Context;
  cluster: { server: string; tlsServerName: string; caFile: string; insecure: boolean };
  auth: { clientCertificate: string; clientKey: string; token: string; as: string; asUid: string; asGroups: string[]; username: string; password: string };
}

interface ConfigError {
  message: string;
  contextNotFound?: boolean;
}

function buildClientConfig(loaded: Loaded, flags: ConnectionFlags, env: KubeconfigEnv, fs: FileReader, cwd: string, namespaceFirst: boolean): ResolvedConfig {
  const cfg = loaded.config;
  const ov: Overrides = {
    currentContext: flags.context ?? '',
    context: { cluster: flags.cluster ?? '', user: flags.user ?? '', namespace: flags.namespace ?? '' },
    cluster: { server: flags.server ?? '', tlsServerName: flags.tlsServerName ?? '', caFile: flags.certificateAuthority ?? '', insecure: flags.insecureSkipTlsVerify ?? false },
    auth: {
      clientCertificate: flags.clientCertificate ?? '', clientKey: flags.clientKey ?? '', token: flags.token ?? '', as: flags.as ?? '',
      asUid: flags.asUid ?? '', asGroups: flags.asGroups ?? [], username: flags.username ?? '', password: flags.password ?? '',
    },
  };
  const defaultServer = (env.KUBERNETES_MASTER ?? '') !== '' ? (env.KUBERNETES_MASTER ?? '') : 'http://localhost:8080';

  const contextName = (): { name: string; required: boolean } =>
    ov.currentContext !== '' ? { name: ov.currentContext, required: true } : { name: cfg.currentContext, required: false };

  const getContext = (): { value: Context; error?: string } => {
    const { name, required } = contextName();
    const found = cfg.contexts.get(name);
    if (!found && required) return { value: { cluster: '', user: '', namespace: '' }, error: `context ${goQuote(name)} does not exist` };
    const merged: Context = { cluster: found?.cluster ?? '', user: found?.user ?? '', namespace: found?.namespace ?? '' };
    if (ov.context.cluster !== '') merged.cluster = ov.context.cluster;
    if (ov.context.user !== '') merged.user = ov.context.user;
    if (ov.context.namespace !== '') merged.namespace = ov.context.namespace;
    return { value: merged };
  };

  const authInfoName = (): { name: string; required: boolean } =>
    ov.context.user !== '' ? { name: ov.context.user, required: true } : { name: getContext().value.user, required: false };

  const getAuthInfo = (): { value: AuthInfo; error?: string } => {
    const { name, required } = authInfoName();
    const found = cfg.users.get(name);
    if (!found && required) return { value: emptyAuthInfo(), error: `auth info ${goQuote(name)} does not exist` };
    const merged: AuthInfo = found ? { ...found, exec: found.exec ? { ...found.exec } : undefined } : emptyAuthInfo();
    const a = ov.auth;
    if (a.clientCertificate !== '') merged.clientCertificate = a.clientCertificate;
    if (a.clientKey !== '') merged.clientKey = a.clientKey;
    if (a.token !== '') merged.token = a.token;
    if (a.as !== '') merged.as = a.as;
    if (a.asUid !== '') merged.asUid = a.asUid;
    if (a.asGroups.length > 0) merged.asGroups = a.asGroups;
    if (a.username !== '') merged.username = a.username;
    if (a.password !== '') merged.password = a.password;
    return { value: merged };
  };

  const clusterName = (): { name: string; required: boolean } =>
    ov.context.cluster !== '' ? { name: ov.context.cluster, required: true } : { name: getContext().value.cluster, required: false };

  /** undefined value = the zero Cluster{} client-go hands to validation after a lookup error. */
  const getCluster = (): { value: Cluster; error?: string } => {
    const { name, required } = clusterName();
    const found = cfg.clusters.get(name);
    if (!found && required) return { value: emptyCluster(), error: `cluster ${goQuote(name)} does not exist` };
    const merged: Cluster = { ...emptyCluster(), server: defaultServer };
    if (found) {
      if (found.server !== '') merged.server = found.server;
      if (found.tlsServerName !== '') merged.tlsServerName = found.tlsServerName;
      if (found.insecure) merged.insecure = true;
      if (found.caFile !== '') merged.caFile = found.caFile;
      if (found.caData && found.caData.length > 0) merged.caData = found.caData;
      if (found.proxyUrl !== '') merged.proxyUrl = found.proxyUrl;
      if (found.disableCompression) merged.disableCompression = true;
    }
    const c = ov.cluster;
    if (c.server !== '') merged.server = c.server;
    if (c.tlsServerName !== '') merged.tlsServerName = c.tlsServerName;
    if (c.caFile !== '') merged.caFile = c.caFile;
    if (c.insecure) merged.insecure = true;
    // --insecure-skip-tls-verify or --certificate-authority replace the kubeconfig's whole CA/insecure choice.
    if (c.insecure || c.caFile !== '') {
      merged.insecure = c.insecure;
      merged.caFile = c.caFile;
      merged.caData = undefined;
    }
    // --server (or --tls-server-name) drops the kubeconfig's tls-server-name unless the flag gives one.
    if (c.tlsServerName !== '' || c.server !== '') merged.tlsServerName = c.tlsServerName;
    return { value: merged };
  };

  const openError = (p: string): string | undefined => {
    try {
      if (fs.readFile(nodePath.resolve(cwd, p)) === undefined) return `open ${p}: no such file or directory`;
    } catch (e) {
      if ((e as { code?: unknown }).code === 'EISDIR') return undefined; // os.Open succeeds on a directory
      return goFileErrorText(e, p);
    }
    return undefined;
  };

  const validateAuthInfo = (name: string, a: AuthInfo): ConfigError[] => {
    const errs: string[] = [];
    const methods: string[] = [];
    if (a.token !== '') methods.push('token');
    if (a.username !== '' || a.password !== '') methods.push('basicAuth');
    const hasCertData = (a.clientCertificateData?.length ?? 0) > 0;
    const hasKeyData = (a.clientKeyData?.length ?? 0) > 0;
    if (a.clientCertificate !== '' || hasCertData) {
      if (a.clientCertificate !== '' && hasCertData) errs.push(`client-cert-data and client-cert are both specified for ${name}. client-cert-data will override.`);
      if (a.clientKey !== '' && hasKeyData) errs.push(`client-key-data and client-key are both specified for ${name}; client-key-data will override`);
      if (a.clientKey === '' && !hasKeyData) errs.push(`client-key-data or client-key must be specified for ${name} to use the clientCert authentication method.`);
      if (a.clientCertificate !== '') {
        const err = openError(a.clientCertificate);
        if (err) errs.push(`unable to read client-cert ${a.clientCertificate} for ${name} due to ${err}`);
      }
      if (a.clientKey !== '') {
        const err = openError(a.clientKey);
        if (err) errs.push(`unable to read client-key ${a.clientKey} for ${name} due to ${err}`);
      }
    }
    if (a.exec) {
      if (a.authProvider) errs.push(`authProvider cannot be provided in combination with an exec plugin for ${name}`);
      if (a.exec.command === '') errs.push(`command must be specified for ${name} to use exec authentication plugin`);
      if (a.exec.apiVersion === '') errs.push(`apiVersion must be specified for ${name} to use exec authentication plugin`);
      for (const v of a.exec.env ?? []) if (v.name === '') errs.push(`env variable name must be specified for ${name} to use exec authentication plugin`);
      const mode = a.exec.interactiveMode;
      if (mode === '') errs.push(`interactiveMode must be specified for ${name} to use exec authentication plugin`);
      else if (mode !== 'Never' && mode !== 'IfAvailable' && mode !== 'Always') errs.push(`invalid interactiveMode for ${name}: ${goQuote(mode)}`);
    }
    if (methods.length > 1) errs.push(`more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`);
    if ((a.asUid !== '' || a.asGroups.length > 0 || Object.keys(a.asUserExtra).length > 0) && a.as === '') {
      errs.push(`requesting uid, groups or user-extra for ${name} without impersonating a user`);
    }
    return errs.map((message) => ({ message }));
  };

  const validateClusterInfo = (name: string, c: Cluster): ConfigError[] => {
    const errs: string[] = [];
    if (c.server === '') errs.push(name === '' ? 'default cluster has no server defined' : `no server found for cluster ${goQuote(name)}`);
    if (c.proxyUrl !== '') {
      const err = proxyUrlError(c.proxyUrl);
      if (err) errs.push(`invalid 'proxy-url' ${goQuote(c.proxyUrl)} for cluster ${goQuote(name)}: ${err}`);
    }
    const hasCaData = (c.caData?.length ?? 0) > 0;
    if (c.caFile !== '' && hasCaData) errs.push(`certificate-authority-data and certificate-authority are both specified for ${name}. certificate-authority-data will override.`);
    if (c.caFile !== '') {
      const err = openError(c.caFile);
      if (err) errs.push(`unable to read certificate-authority ${c.caFile} for ${name} due to ${err}`);
    }
    return errs.map((message) => ({ message }));
  };

  const confirmUsable = (): void => {
    const errs: ConfigError[] = [];
    const ctx = ov.currentContext !== '' ? ov.currentContext : cfg.currentContext;
    if (ctx !== '' && !cfg.contexts.has(ctx)) errs.push({ message: `context was not found for specified context: ${ctx}`, contextNotFound: true });
    errs.push(...validateAuthInfo(authInfoName().name, getAuthInfo().value));
    errs.push(...validateClusterInfo(clusterName().name, getCluster().value));
    if (errs.length === 0) return;
    // kubectl's CheckErr: a lone context-not-found error is a configuration error, any other lone error is plain.
    const [only] = errs;
    if (errs.length === 1 && only) {
      if (only.contextNotFound) throw new RawError(`Error in configuration: ${only.message}`);
      throw new KtError(only.message);
    }
    throw new RawError(`Error in configuration: \n${errs.map((e) => `* ${e.message}`).join('\n')}`);
  };

  // kubectl's Complete: Namespace() first (a -n flag skips its validation), then ClientConfig().
  let namespace: string | undefined;
  if (ov.context.namespace !== '') namespace = ov.context.namespace;
  else if (namespaceFirst) {
    confirmUsable();
    namespace = getContext().value.namespace || 'default';
  }
  const auth = getAuthInfo();
  if (auth.error) throw new KtError(auth.error);
  const context = getContext();
  if (context.error) throw new KtError(context.error);
  const cluster = getCluster();
  if (cluster.error) throw new KtError(cluster.error);
  confirmUsable();
  namespace ??= context.value.namespace || 'default';

  const server = normalizeServer(cluster.value.server);
  const c = cluster.value;
  const a = auth.value;
  const user: ResolvedConfig['user'] = { name: authInfoName().name };
  if (a.as !== '') {
    user.impersonateUser = a.as;
    if (a.asUid !== '') user.impersonateUid = a.asUid;
    if (a.asGroups.length > 0) user.impersonateGroups = a.asGroups;
    if (Object.keys(a.asUserExtra).length > 0) user.impersonateUserExtra = a.asUserExtra;
  }
  let promptForCredentials = false;
  if (server.tls) {
    // getUserIdentificationPartialConfig: only for https servers.
    let bearer = '';
    let bearerFile = '';
    if (a.token !== '') {
      bearer = a.token;
      bearerFile = a.tokenFile;
    } else if (a.tokenFile !== '') {
      let text: string | undefined;
      try {
        text = fs.readFile(nodePath.resolve(cwd, a.tokenFile));
      } catch (e) {
        throw new KtError(goFileErrorText(e, a.tokenFile));
      }
      if (text === undefined) throw new KtError(`open ${a.tokenFile}: no such file or directory`);
      bearer = text;
      bearerFile = a.tokenFile;
    }
    const hasCert = a.clientCertificate !== '' || (a.clientCertificateData?.length ?? 0) > 0;
    const hasKey = a.clientKey !== '' || (a.clientKeyData?.length ?? 0) > 0;
    const basic = a.username !== '' || a.password !== '';
    promptForCredentials = !(a.username !== '' || hasCert || bearer !== '' || a.authProvider !== undefined || a.exec !== undefined);

    // transport.New: TLS config first (CA pool, then the client key pair), then the auth round trippers.
    if ((c.caFile !== '' || (c.caData?.length ?? 0) > 0) && c.insecure) throw new KtError('specifying a root certificates file with the insecure flag is not allowed');
    const material = (data: Uint8Array | undefined, file: string): Buffer | undefined => {
      if (data && data.length > 0) return Buffer.from(data);
      if (file === '') return undefined;
      try {
        const text = fs.readFile(nodePath.resolve(cwd, file));
        if (text === undefined) throw new KtError(`open ${file}: no such file or directory`);
        return Buffer.from(text);
      } catch (e) {
        if (e instanceof KtError) throw e;
        throw new KtError(goFileErrorText(e, file));
      }
    };
    const caBytes = material(c.caData, c.caFile);
    if (caBytes) {
      const err = caPoolError(caBytes);
      if (err) throw new KtError(`unable to load root certificates: ${err}`);
    }
    if (hasCert && hasKey) {
      const err = keyPairError(material(a.clientCertificateData, a.clientCertificate) ?? Buffer.alloc(0), material(a.clientKeyData, a.clientKey) ?? Buffer.alloc(0));
      if (err) throw new KtError(err);
    }
    const hasBasicAuth = basic && a.username !== '';
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
  }
  if (server.error) throw new KtError(server.error);

  const resolvedCluster: ResolvedConfig['cluster'] = { name: clusterName().name, server: server.url, skipTLSVerify: c.insecure };
  if (c.caData?.length) resolvedCluster.caData = Buffer.from(c.caData).toString('base64');
  if (c.caFile !== '') resolvedCluster.caFile = nodePath.resolve(cwd, c.caFile);
  if (c.tlsServerName !== '') resolvedCluster.tlsServerName = c.tlsServerName;
  if (c.proxyUrl !== '') resolvedCluster.proxyUrl = c.proxyUrl;
  if (c.disableCompression) resolvedCluster.disableCompression = true;
  if (user.certFile !== undefined) user.certFile = nodePath.resolve(cwd, user.certFile);
  if (user.keyFile !== undefined) user.keyFile = nodePath.resolve(cwd, user.keyFile);
  if (user.tokenFile !== undefined) user.tokenFile = nodePath.resolve(cwd, user.tokenFile);

  const { name: ctxName } = contextName();
  const result: ResolvedConfig = {
    contextName: ctxName === '' ? undefined : ctxName,
    namespace,
    namespaceFromFlag: ov.context.namespace !== '',
    cluster: resolvedCluster,
    user,
    files: loaded.files,
    empty: cfg.clusters.size === 0 && cfg.users.size === 0 && cfg.contexts.size === 0 && cfg.currentContext === '' && !cfg.hasOther,
  };
  if (promptForCredentials) result.promptForCredentials = true;
  if (loaded.configNotFound !== undefined) result.configNotFound = loaded.configNotFound;
  return result;
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

// ─── TLS material, as crypto/x509 and crypto/tls judge it ───────────────────────────────────────────────────────

interface PemBlock {
  type: string;
  der: Buffer;
}

/** encoding/pem.Decode: the next block (junk before it skipped) and what follows it, or undefined. */
function pemDecode(text: string): { block: PemBlock; rest: string } | undefined {
  const re = /(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t]*\r?\n([\s\S]*?)(?:^|\n)-----END \1-----[ \t]*(?:\r?\n|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const decoded = goBase64Decode((m[2] ?? '').replace(/[ \t]/g, ''));
    if ('error' in decoded) {
      re.lastIndex = m.index + 1;
      continue;
    }
    return { block: { type: m[1] ?? '', der: Buffer.from(decoded.bytes) }, rest: text.slice(m.index + m[0].length) };
  }
  return undefined;
}

function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (let next = pemDecode(text); next; next = pemDecode(next.rest)) out.push(next.block);
  return out;
}

function parsesAsCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

/** transport's rootCertPool: AppendCertsFromPEM, and client-go's explanation when it finds nothing usable. */
function caPoolError(data: Buffer): string | undefined {
  const text = data.toString('latin1');
  if (pemBlocks(text).some((b) => b.type === 'CERTIFICATE' && parsesAsCertificate(b.der))) return undefined;
  let rest = text;
  while (rest.length > 0) {
    const next = pemDecode(rest);
    if (!next) return 'unable to parse bytes as PEM block';
    rest = next.rest;
    if (next.block.type === 'CERTIFICATE' && !parsesAsCertificate(next.block.der)) return 'failed to parse certificate: x509: malformed certificate';
  }
  return 'no valid certificate authority data seen';
}

/** tls.X509KeyPair's checks and wording. */
function keyPairError(certPem: Buffer, keyPem: Buffer): string | undefined {
  const certBlocks = pemBlocks(certPem.toString('latin1'));
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && (skipped[0] ?? '').endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  const skipped: string[] = [];
  let key: PemBlock | undefined;
  for (const b of pemBlocks(keyPem.toString('latin1'))) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) {
      key = b;
      break;
    }
    skipped.push(b.type);
  }
  if (!key) {
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input';
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certs[0]?.der ?? Buffer.alloc(0));
  } catch {
    return 'x509: malformed certificate';
  }
  let publicDer: Buffer;
  try {
    const pem = `-----BEGIN ${key.type}-----\n${key.der.toString('base64')}\n-----END ${key.type}-----\n`;
    publicDer = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  } catch {
    return 'tls: failed to parse private key';
  }
  if (!leaf.publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer)) return 'tls: private key does not match public key';
  return undefined;
}

/** parseProxyURL: url.Parse must succeed and the scheme must be http, https or socks5. */
function proxyUrlError(proxy: string): string | undefined {
  if (goUrlParseFails(proxy)) return `could not parse: ${proxy}`;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(proxy);
  const scheme = (m?.[1] ?? '').toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'socks5') return undefined;
  return `unsupported scheme ${goQuote(scheme)}, must be http, https, or socks5`;
}

function goUrlParseFails(s: string): boolean {
  if (/[\x00-\x1f\x7f]/.test(s)) return true;
  if (s.startsWith(':')) return true; // missing protocol scheme
  const noFrag = s.replace(/#.*$/, '');
  if (/%(?![0-9a-fA-F]{2})/.test(noFrag)) return true; // invalid URL escape
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?]*)/.exec(noFrag);
  if (m) {
    const hostPort = (m[1] ?? '').replace(/^.*@/, '');
    if (hostPort.startsWith('[')) {
      const close = hostPort.indexOf(']');
      if (close < 0) return true;
      const rest = hostPort.slice(close + 1);
      if (rest !== '' && !/^:\d*$/.test(rest)) return true;
    } else {
      const colon = hostPort.lastIndexOf(':');
      if (colon >= 0 && !/^\d*$/.test(hostPort.slice(colon + 1))) return true;
    }
    return false;
  }
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(noFrag)) {
    const firstSegment = noFrag.split(/[/?]/)[0] ?? '';
    if (firstSegment.includes(':')) return true; // first path segment in URL cannot contain colon
  }
  return false;
}

// ─── 2. Parsing one file: YAML → JSON → v1.Config → internal ─────────────────────────────────────────────────────

/** A load failure; its message follows `error loading config file "<f>": `. */
class LoadError extends Error {}

/** A JSON number as Go's encoder writes it; NaN and infinities cannot be written and fail the YAML→JSON step. */
class GoNumber {
  constructor(readonly text: string) {}
}
type JV = string | boolean | null | GoNumber | JV[] | Map<string, JV>;

function parseKubeconfig(text: string, origin: string): Config {
  if (text.length === 0) return { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '', hasOther: false };
  const json = yamlToJson(text);
  checkVersionKind(json);
  const st: DecodeState = {};
  const raw = decodeValue(json, CONFIG_SCHEMA, { struct: undefined, path: [] }, st);
  if (st.error !== undefined) throw new LoadError(st.error);
  return convertConfig((raw ?? {}) as RawObject, origin);
}

// YAML → JSON, as sigs.k8s.io/yaml does with its go-yaml v2 fork: YAML 1.1 plain scalars (yes/no/on/off/y/n are
// booleans, 0x/0o/0b/leading-0 integers), timestamps stay strings, duplicate keys: the last wins, only the first
// document counts, `<<` merges. Syntax errors are mapped onto go-yaml's wording where the two parsers agree on
// the kind of mistake; the line numbers follow go-yaml's quirk (scanner errors 1-based, parser errors 0-based,
// none on the first line).

function yamlToJson(text: string): JV {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const docs = parseAllDocuments(src, { schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return null;
  const first = doc.errors[0];
  if (first) throw new LoadError(`yaml: ${goYamlMessage(src, first.code, first.message, first.pos[0])}`);
  const value = yamlNodeToJson(doc.contents, doc, new Set());
  const bad = firstNonFinite(value);
  if (bad !== undefined) throw new LoadError(`json: unsupported value: ${bad}`);
  return value;
}

function goYamlMessage(src: string, code: string, message: string, pos: number): string {
  const lineOf = (p: number): number => src.slice(0, Math.max(0, p)).split('\n').length - 1;
  const scanner = (p: number, msg: string): string => (lineOf(p) !== 0 ? `line ${lineOf(p) + 1}: ${msg}` : msg);
  const parser = (p: number, msg: string): string => (lineOf(p) !== 0 ? `line ${lineOf(p)}: ${msg}` : msg);
  const nextColon = (): number => {
    const m = /:(?=[ \t\r\n]|$)/.exec(src.slice(pos));
    return m ? pos + m.index : -1;
  };
  const at = src[pos];
  switch (code) {
    case 'TAB_AS_INDENT':
      return scanner(pos, 'found a tab character that violates indentation');
    case 'BAD_SCALAR_START':
      return scanner(pos, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const colon = nextColon();
      if (colon >= 0) return scanner(colon, 'mapping values are not allowed in this context');
      return parser(pos, 'did not find expected key');
    }
    case 'MISSING_CHAR':
      if (/quote/.test(message)) return scanner(src.length, 'found unexpected end of stream');
      if (/Flow map/.test(message)) return parser(pos, "did not find expected ',' or '}'");
      if (/Flow sequence/.test(message)) return parser(pos, "did not find expected ',' or ']'");
      return parser(pos, 'did not find expected key');
    case 'BAD_INDENT': {
      const endOfInput = at === undefined || at === '\n' || at === '\r';
      if (/^Flow sequence/.test(message)) return parser(pos, endOfInput ? "did not find expected ',' or ']'" : 'did not find expected node content');
      if (/^Flow map/.test(message)) return parser(pos, endOfInput ? "did not find expected ',' or '}'" : 'did not find expected node content');
      // An item at a wrong indentation: after a sequence item go-yaml wants another '-', after a key another key.
      const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
      const indent = (src.slice(lineStart).match(/^ */)?.[0] ?? '').length;
      const previous = src.slice(0, Math.max(0, lineStart - 1)).split('\n').reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      const previousIndent = (previous?.match(/^ */)?.[0] ?? '').length;
      if (previous !== undefined && previousIndent === indent && previous.trimStart().startsWith('-')) return parser(pos, "did not find expected '-' indicator");
      return parser(pos, 'did not find expected key');
    }
    case 'UNEXPECTED_TOKEN':
      return parser(pos, 'did not find expected key');
    default:
      // No go-yaml equivalent known: keep the yaml library's own description.
      return parser(pos, message.replace(/ at line \d+, column \d+[\s\S]*$/, ''));
  }
}

const YAML_TAG = 'tag:yaml.org,2002:';

function yamlNodeToJson(node: unknown, doc: Document, stack: Set<unknown>): JV {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new LoadError(`yaml: unknown anchor '${node.source}' referenced`);
    if (stack.has(target)) throw new LoadError(`yaml: anchor '${node.source}' value contains itself`);
    return yamlNodeToJson(target, doc, stack);
  }
  if (isScalar(node)) return scalarToJson(String(node.value ?? ''), node.type === 'PLAIN', node.tag);
  if (isSeq(node)) {
    stack.add(node);
    const out = node.items.map((item) => yamlNodeToJson(item, doc, stack));
    stack.delete(node);
    return out;
  }
  if (isMap(node)) {
    stack.add(node);
    const out = new Map<string, JV>();
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (isScalar(key) && key.type === 'PLAIN' && !key.tag && String(key.value) === '<<') {
        mergeInto(out, pair.value, doc, stack);
        continue;
      }
      out.set(mapKey(yamlNodeToJson(key, doc, stack)), yamlNodeToJson(pair.value, doc, stack));
    }
    stack.delete(node);
    return out;
  }
  return null;
}

/** go-yaml v2 map merge: the merged map's keys overwrite what is there; in a list, earlier maps win. */
function mergeInto(out: Map<string, JV>, value: unknown, doc: Document, stack: Set<unknown>): void {
  const fail = (): never => {
    throw new LoadError('yaml: map merge requires map or sequence of maps as the value');
  };
  const target = isAlias(value) ? value.resolve(doc) : value;
  if (isMap(target)) {
    const m = yamlNodeToJson(value, doc, stack) as Map<string, JV>;
    for (const [k, v] of m) out.set(k, v);
    return;
  }
  if (!isSeq(target)) return fail();
  for (const item of [...target.items].reverse()) {
    const t = isAlias(item) ? item.resolve(doc) : item;
    if (!isMap(t)) return fail();
    const m = yamlNodeToJson(item, doc, stack) as Map<string, JV>;
    for (const [k, v] of m) out.set(k, v);
  }
}

function mapKey(v: JV): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoNumber) return v.text;
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return JSON.stringify(toPlainJson(v));
}

function toPlainJson(v: JV): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlainJson(x)]));
  if (Array.isArray(v)) return v.map(toPlainJson);
  if (v instanceof GoNumber) return Number(v.text);
  return v;
}

function scalarToJson(text: string, plain: boolean, tag: string | undefined): JV {
  if (tag === undefined) return plain ? resolvePlain(text).value : text;
  // A local tag (`!foo`) is not resolved: the scalar stays a string.
  if (!tag.startsWith(YAML_TAG)) return text;
  const want = tag.slice(YAML_TAG.length);
  if (want === 'str') return text;
  if (want === 'binary') {
    const decoded = goBase64Decode(text.replace(/\s+/g, ''));
    if ('error' in decoded) throw new LoadError('yaml: !!binary value contains invalid base64 data');
    return Buffer.from(decoded.bytes).toString('utf8');
  }
  const resolved = resolvePlain(text);
  if (want === 'int' || want === 'float' || want === 'bool' || want === 'null') {
    const ok = resolved.kind === want || (want === 'float' && resolved.kind === 'int');
    if (!ok) throw new LoadError(`yaml: cannot decode !!${resolved.kind} \`${text}\` as a !!${want}`);
  }
  return resolved.value;
}

type Resolved = { kind: 'str' | 'int' | 'float' | 'bool' | 'null'; value: JV };

/** go-yaml v2's resolve() for an untagged plain scalar, as the decoder turns it into a value. */
function resolvePlain(text: string): Resolved {
  const r = resolveYamlPlain(text);
  switch (r.kind) {
    case 'null':
      return { kind: 'null', value: null };
    case 'bool':
      return { kind: 'bool', value: r.value };
    case 'int':
      return { kind: 'int', value: new GoNumber(r.value.toString()) };
    case 'float':
      return { kind: 'float', value: goFloat(r.value) };
    default:
      // A timestamp decoded into interface{} stays a string.
      return { kind: 'str', value: text };
  }
}

/** A float64 the way encoding/json writes it. */
function goFloat(f: number): GoNumber {
  if (Number.isNaN(f)) return new GoNumber('NaN');
  if (!Number.isFinite(f)) return new GoNumber(f > 0 ? '+Inf' : '-Inf');
  return new GoNumber(String(f));
}

/** json.Marshal walks maps in sorted key order and stops at the first NaN or infinity. */
function firstNonFinite(v: JV): string | undefined {
  if (v instanceof GoNumber) return v.text === 'NaN' || v.text === '+Inf' || v.text === '-Inf' ? v.text : undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
  } else if (v instanceof Map) {
    for (const [, x] of sortedEntries(v)) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** Go sorts map keys bytewise (UTF-8). */
function sortedEntries(m: Map<string, JV>): [string, JV][] {
  return [...m].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

// The version/kind sniff (apimachinery's SimpleMetaFactory, plain encoding/json) and the scheme lookup.

const VERSION_KIND_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

function checkVersionKind(json: JV): void {
  const prefix = "couldn't get version/kind; json parse error: ";
  if (json === null) return;
  if (!(json instanceof Map)) throw new LoadError(`${prefix}json: cannot unmarshal ${jsonTypeName(json)} into Go value of type ${VERSION_KIND_STRUCT}`);
  let apiVersion = '';
  let kind = '';
  for (const [key, value] of sortedEntries(json)) {
    const field = key.toLowerCase() === 'apiversion' ? 'apiVersion' : key.toLowerCase() === 'kind' ? 'kind' : undefined;
    if (!field || value === null) continue;
    if (typeof value !== 'string') throw new LoadError(`${prefix}json: cannot unmarshal ${jsonTypeName(value)} into Go struct field .${field} of type string`);
    if (field === 'apiVersion') apiVersion = value;
    else kind = value;
  }
  let group = '';
  let version = apiVersion;
  const slash = apiVersion.indexOf('/');
  if (slash >= 0) {
    group = apiVersion.slice(0, slash);
    version = apiVersion.slice(slash + 1);
  }
  if (kind === '') kind = 'Config';
  if (version === '' && group === '') version = 'v1';
  if (kind === 'Config' && group === '' && version === 'v1') return;
  const gv = group === '' ? version : `${group}/${version}`;
  throw new LoadError(`no kind ${goQuote(kind)} is registered for version ${goQuote(gv)} in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`);
}

// JSON → v1 types with encoding/json's (case-sensitive, sigs.k8s.io/json) rules: a wrong type is skipped and the
// first problem is the error, fields visited in the JSON's (sorted) key order.

type Schema =
  | { k: 'string'; goType: string }
  | { k: 'bool' }
  | { k: 'bytes' }
  | { k: 'raw' }
  | { k: 'slice'; elem: Schema; goType: string }
  | { k: 'map'; elem: Schema; goType: string }
  | { k: 'struct'; name: string; goType: string; fields: Record<string, Schema> };

const S_STRING: Schema = { k: 'string', goType: 'string' };
const S_BOOL: Schema = { k: 'bool' };
const S_BYTES: Schema = { k: 'bytes' };
const S_EXTENSIONS: Schema = {
  k: 'slice',
  goType: '[]v1.NamedExtension',
  elem: { k: 'struct', name: 'NamedExtension', goType: 'v1.NamedExtension', fields: { name: S_STRING, extension: { k: 'raw' } } },
};
const S_CLUSTER: Schema = {
  k: 'struct', name: 'Cluster', goType: 'v1.Cluster',
  fields: {
    server: S_STRING, 'tls-server-name': S_STRING, 'insecure-skip-tls-verify': S_BOOL, 'certificate-authority': S_STRING,
    'certificate-authority-data': S_BYTES, 'proxy-url': S_STRING, 'disable-compression': S_BOOL, extensions: S_EXTENSIONS,
  },
};
const S_STRINGS: Schema = { k: 'slice', goType: '[]string', elem: S_STRING };
const S_EXEC: Schema = {
  k: 'struct', name: 'ExecConfig', goType: 'v1.ExecConfig',
  fields: {
    command: S_STRING, args: S_STRINGS,
    env: { k: 'slice', goType: '[]v1.ExecEnvVar', elem: { k: 'struct', name: 'ExecEnvVar', goType: 'v1.ExecEnvVar', fields: { name: S_STRING, value: S_STRING } } },
    apiVersion: S_STRING, installHint: S_STRING, provideClusterInfo: S_BOOL, interactiveMode: { k: 'string', goType: 'v1.ExecInteractiveMode' },
  },
};
const S_AUTH_INFO: Schema = {
  k: 'struct', name: 'AuthInfo', goType: 'v1.AuthInfo',
  fields: {
    'client-certificate': S_STRING, 'client-certificate-data': S_BYTES, 'client-key': S_STRING, 'client-key-data': S_BYTES,
    token: S_STRING, tokenFile: S_STRING, as: S_STRING, 'as-uid': S_STRING, 'as-groups': S_STRINGS,
    'as-user-extra': { k: 'map', goType: 'map[string][]string', elem: S_STRINGS },
    username: S_STRING, password: S_STRING,
    'auth-provider': { k: 'struct', name: 'AuthProviderConfig', goType: 'v1.AuthProviderConfig', fields: { name: S_STRING, config: { k: 'map', goType: 'map[string]string', elem: S_STRING } } },
    exec: S_EXEC, extensions: S_EXTENSIONS,
  },
};
const S_CONTEXT: Schema = {
  k: 'struct', name: 'Context', goType: 'v1.Context',
  fields: { cluster: S_STRING, user: S_STRING, namespace: S_STRING, extensions: S_EXTENSIONS },
};
const CONFIG_SCHEMA: Schema = {
  k: 'struct', name: 'Config', goType: 'v1.Config',
  fields: {
    kind: S_STRING, apiVersion: S_STRING,
    preferences: { k: 'struct', name: 'Preferences', goType: 'v1.Preferences', fields: { colors: S_BOOL, extensions: S_EXTENSIONS } },
    clusters: { k: 'slice', goType: '[]v1.NamedCluster', elem: { k: 'struct', name: 'NamedCluster', goType: 'v1.NamedCluster', fields: { name: S_STRING, cluster: S_CLUSTER } } },
    users: { k: 'slice', goType: '[]v1.NamedAuthInfo', elem: { k: 'struct', name: 'NamedAuthInfo', goType: 'v1.NamedAuthInfo', fields: { name: S_STRING, user: S_AUTH_INFO } } },
    contexts: { k: 'slice', goType: '[]v1.NamedContext', elem: { k: 'struct', name: 'NamedContext', goType: 'v1.NamedContext', fields: { name: S_STRING, context: S_CONTEXT } } },
    'current-context': S_STRING,
    extensions: S_EXTENSIONS,
  },
};

interface DecodeState {
  error?: string;
}
interface DecodeContext {
  struct: string | undefined;
  path: string[];
}
/** A decoded struct: JSON field name → decoded value (absent = Go zero value). */
type RawObject = { [field: string]: RawValue | undefined };
type RawValue = string | boolean | Uint8Array | RawValue[] | RawObject | RawExtension;
class RawExtension {
  constructor(readonly json: string) {}
}

function jsonTypeName(v: JV): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goTypeOf(s: Schema): string {
  switch (s.k) {
    case 'bool':
      return 'bool';
    case 'bytes':
      return '[]uint8';
    case 'raw':
      return 'runtime.RawExtension';
    default:
      return s.goType;
  }
}

function typeError(v: JV, s: Schema, ctx: DecodeContext, st: DecodeState): undefined {
  if (st.error === undefined) {
    const where = ctx.struct === undefined ? 'Go value' : `Go struct field ${ctx.struct}.${ctx.path.join('.')}`;
    st.error = `json: cannot unmarshal ${jsonTypeName(v)} into ${where} of type ${goTypeOf(s)}`;
  }
  return undefined;
}

function decodeValue(v: JV, s: Schema, ctx: DecodeContext, st: DecodeState): RawValue | undefined {
  if (v === null) return undefined;
  switch (s.k) {
    case 'raw':
      return new RawExtension(goJsonMarshal(v));
    case 'string':
      return typeof v === 'string' ? v : typeError(v, s, ctx, st);
    case 'bool':
      return typeof v === 'boolean' ? v : typeError(v, s, ctx, st);
    case 'bytes': {
      if (Array.isArray(v)) {
        const out: number[] = [];
        for (const x of v) {
          if (x instanceof GoNumber && /^\d+$/.test(x.text) && Number(x.text) < 256) out.push(Number(x.text));
          else if (x !== null) typeError(x, { k: 'string', goType: 'uint8' }, ctx, st);
        }
        return Uint8Array.from(out);
      }
      if (typeof v !== 'string') return typeError(v, s, ctx, st);
      const r = goBase64Decode(v);
      if ('error' in r) {
        st.error ??= r.error;
        return undefined;
      }
      return r.bytes;
    }
    case 'slice':
      if (!Array.isArray(v)) return typeError(v, s, ctx, st);
      return v.map((x) => decodeValue(x, s.elem, ctx, st) ?? zeroOf(s.elem));
    case 'map': {
      if (!(v instanceof Map)) return typeError(v, s, ctx, st);
      const out: RawObject = {};
      for (const [key, x] of sortedEntries(v)) out[key] = decodeValue(x, s.elem, ctx, st) ?? zeroOf(s.elem);
      return out;
    }
    case 'struct': {
      if (!(v instanceof Map)) return typeError(v, s, ctx, st);
      const out: RawObject = {};
      for (const [key, x] of sortedEntries(v)) {
        const field = Object.hasOwn(s.fields, key) ? s.fields[key] : undefined;
        if (!field) continue;
        const decoded = decodeValue(x, field, { struct: s.name, path: [...ctx.path, key] }, st);
        if (decoded !== undefined) out[key] = decoded;
      }
      return out;
    }
  }
}

function zeroOf(s: Schema): RawValue {
  switch (s.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'bytes':
      return new Uint8Array();
    case 'raw':
      return new RawExtension('');
    case 'slice':
      return [];
    case 'map':
    case 'struct':
      return {};
  }
}

/** encoding/json's output for a value (compact, sorted keys, HTML-safe strings): a RawExtension's bytes. */
function goJsonMarshal(v: JV): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoNumber) return v.text;
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  return `{${sortedEntries(v).map(([k, x]) => `${goJsonString(k)}:${goJsonMarshal(x)}`).join(',')}}`;
}

function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// v1 → internal (conversion.go): lists become maps; a repeated name in one file is an error that prints the
// whole list with Go's %v. Pointers print as addresses in Go (unreproducible); kt prints a fixed 0xc000010000.

function convertConfig(raw: RawObject, origin: string): Config {
  const prefs = obj(raw['preferences']);
  checkDuplicates(list(prefs['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
  const clusters = new Map<string, Cluster>();
  const rawClusters = list(raw['clusters']);
  for (const item of rawClusters) {
    const c = obj(item['cluster']);
    checkDuplicates(list(c['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (clusters.has(name)) throw duplicateError('NamedCluster', '*map[string]*api.Cluster', name, rawClusters, fmtNamedCluster);
    clusters.set(name, {
      server: str(c['server']), tlsServerName: str(c['tls-server-name']), insecure: c['insecure-skip-tls-verify'] === true,
      caFile: str(c['certificate-authority']), caData: bytes(c['certificate-authority-data']), proxyUrl: str(c['proxy-url']),
      disableCompression: c['disable-compression'] === true, origin,
    });
  }
  const users = new Map<string, AuthInfo>();
  const rawUsers = list(raw['users']);
  for (const item of rawUsers) {
    const u = obj(item['user']);
    checkDuplicates(list(u['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (users.has(name)) throw duplicateError('NamedAuthInfo', '*map[string]*api.AuthInfo', name, rawUsers, fmtNamedAuthInfo);
    const ap = u['auth-provider'] === undefined ? undefined : obj(u['auth-provider']);
    const ex = u['exec'] === undefined ? undefined : obj(u['exec']);
    const extra = obj(u['as-user-extra']);
    users.set(name, {
      clientCertificate: str(u['client-certificate']), clientCertificateData: bytes(u['client-certificate-data']),
      clientKey: str(u['client-key']), clientKeyData: bytes(u['client-key-data']),
      token: str(u['token']), tokenFile: str(u['tokenFile']),
      as: str(u['as']), asUid: str(u['as-uid']), asGroups: strings(u['as-groups']),
      asUserExtra: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strings(v)])),
      username: str(u['username']), password: str(u['password']),
      authProvider: ap ? { name: str(ap['name']), config: Object.fromEntries(Object.entries(obj(ap['config'])).map(([k, v]) => [k, str(v)])) } : undefined,
      exec: ex ? convertExec(ex) : undefined,
      origin,
    });
  }
  const contexts = new Map<string, Context>();
  const rawContexts = list(raw['contexts']);
  for (const item of rawContexts) {
    const c = obj(item['context']);
    checkDuplicates(list(c['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (contexts.has(name)) throw duplicateError('NamedContext', '*map[string]*api.Context', name, rawContexts, fmtNamedContext);
    contexts.set(name, { cluster: str(c['cluster']), user: str(c['user']), namespace: str(c['namespace']) });
  }
  const extensions = list(raw['extensions']);
  checkDuplicates(extensions, 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
  const hasOther = extensions.length > 0 || prefs['colors'] === true || list(prefs['extensions']).length > 0;
  return { clusters, users, contexts, currentContext: str(raw['current-context']), hasOther };
}

function convertExec(e: RawObject): ExecConfig {
  const apiVersion = str(e['apiVersion']);
  let interactiveMode = str(e['interactiveMode']);
  // SetDefaults_ExecConfig: the beta and alpha APIs default to IfAvailable; v1 must say.
  if (interactiveMode === '' && (apiVersion === 'client.authentication.k8s.io/v1beta1' || apiVersion === 'client.authentication.k8s.io/v1alpha1')) interactiveMode = 'IfAvailable';
  return {
    command: str(e['command']),
    args: e['args'] === undefined ? undefined : strings(e['args']),
    env: e['env'] === undefined ? undefined : list(e['env']).map((v) => ({ name: str(v['name']), value: str(v['value']) })),
    apiVersion,
    installHint: str(e['installHint']),
    provideClusterInfo: e['provideClusterInfo'] === true,
    interactiveMode,
  };
}

function checkDuplicates(items: RawObject[], kind: string, target: string, fmt: (o: RawObject) => string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const name = str(item['name']);
    if (seen.has(name)) throw duplicateError(kind, target, name, items, fmt);
    seen.add(name);
  }
}

function duplicateError(kind: string, target: string, name: string, items: RawObject[], fmt: (o: RawObject) => string): LoadError {
  return new LoadError(`error converting *[]${kind} into ${target}: duplicate name "${name}" in list: [${items.map(fmt).join(' ')}]`);
}

const GO_POINTER = '0xc000010000';

function fmtBytes(v: RawValue | undefined): string {
  return `[${[...bytes(v) ?? []].join(' ')}]`;
}
function fmtStrings(v: RawValue | undefined): string {
  return `[${strings(v).join(' ')}]`;
}
function fmtExtensions(v: RawValue | undefined): string {
  return `[${list(v).map(fmtNamedExtension).join(' ')}]`;
}
function fmtNamedExtension(o: RawObject): string {
  const ext = o['extension'];
  const json = ext instanceof RawExtension ? ext.json : '';
  return `{${str(o['name'])} {[${[...Buffer.from(json)].join(' ')}] <nil>}}`;
}
function fmtNamedCluster(o: RawObject): string {
  const c = obj(o['cluster']);
  const fields = [
    str(c['server']), str(c['tls-server-name']), String(c['insecure-skip-tls-verify'] === true), str(c['certificate-authority']),
    fmtBytes(c['certificate-authority-data']), str(c['proxy-url']), String(c['disable-compression'] === true), fmtExtensions(c['extensions']),
  ];
  return `{${str(o['name'])} {${fields.join(' ')}}}`;
}
function fmtNamedAuthInfo(o: RawObject): string {
  const u = obj(o['user']);
  const extra = obj(u['as-user-extra']);
  const extraText = `map[${Object.keys(extra).sort().map((k) => `${k}:${fmtStrings(extra[k])}`).join(' ')}]`;
  const fields = [
    str(u['client-certificate']), fmtBytes(u['client-certificate-data']), str(u['client-key']), fmtBytes(u['client-key-data']),
    str(u['token']), str(u['tokenFile']), str(u['as']), str(u['as-uid']), fmtStrings(u['as-groups']), extraText,
    str(u['username']), str(u['password']), u['auth-provider'] === undefined ? '<nil>' : GO_POINTER, u['exec'] === undefined ? '<nil>' : GO_POINTER,
    fmtExtensions(u['extensions']),
  ];
  return `{${str(o['name'])} {${fields.join(' ')}}}`;
}
function fmtNamedContext(o: RawObject): string {
  const c = obj(o['context']);
  return `{${str(o['name'])} {${[str(c['cluster']), str(c['user']), str(c['namespace']), fmtExtensions(c['extensions'])].join(' ')}}}`;
}

function str(v: RawValue | undefined): string {
  return typeof v === 'string' ? v : '';
}
function bytes(v: RawValue | undefined): Uint8Array | undefined {
  return v instanceof Uint8Array ? v : undefined;
}
function strings(v: RawValue | undefined): string[] {
  return Array.isArray(v) ? v.map((x) => str(x)) : [];
}
function obj(v: RawValue | undefined): RawObject {
  return v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof RawExtension) ? v : {};
}
function list(v: RawValue | undefined): RawObject[] {
  return Array.isArray(v) ? v.map((x) => obj(x)) : [];
}

// ─── Go helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * encoding/base64.StdEncoding.Decode: padding required, CR/LF ignored, anything else reports
 * `illegal base64 data at input byte N` with Go's offsets.
 */
export function goBase64Decode(s: string): { bytes: Uint8Array } | { error: string } {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const src = Buffer.from(s, 'utf8');
  const out: number[] = [];
  const corrupt = (at: number): { error: string } => ({ error: `illegal base64 data at input byte ${at}` });
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let dlen = 4;
    let j = 0;
    let trailingAt = -1;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const ch = src[si] ?? 0;
      si++;
      const value = alphabet.indexOf(String.fromCharCode(ch));
      if (ch < 128 && value >= 0) {
        quantum[j] = value;
        continue;
      }
      if (ch === 0x0a || ch === 0x0d) {
        j--;
        continue;
      }
      if (ch !== 0x3d) return corrupt(si - 1);
      // padding
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < src.length) trailingAt = si;
      dlen = j;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const val = (a << 18) | (b << 12) | (c << 6) | d;
    const decoded = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...decoded.slice(0, dlen - 1));
    if (trailingAt >= 0) return corrupt(trailingAt);
    if (dlen < 4) break;
  }
  return { bytes: Uint8Array.from(out) };
}

