// The kubeconfig's data: what kt's callers pass in and get back (ConnectionFlags → ResolvedConfig), and client-go's
// internal clientcmdapi types that the loader, the overrides and the validation work on.

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

/** An exec credential plugin as kubectl would run it (client-go's api.ExecConfig, defaults applied). */
export interface ResolvedExec {
  apiVersion: string;
  command: string;
  args: string[];
  env: ExecEnv[];
  installHint?: string;
  provideClusterInfo: boolean;
  /** `Never`, `IfAvailable` or `Always` (validated). */
  interactiveMode: string;
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
    /** The cluster's `client.authentication.k8s.io/exec` extension as JSON: an exec plugin's `spec.cluster.config`. */
    execExtension?: string;
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
    exec?: ResolvedExec;
    authProvider?: { name: string; config: Record<string, string> };
    impersonateUser?: string;
    impersonateUid?: string;
    impersonateGroups?: string[];
    impersonateUserExtra?: Record<string, string[]>;
  };
  /** The kubeconfig file that defines the user of an auth provider: where refreshed OIDC tokens are written. */
  authProviderFile?: string;
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

// ─── Internal model (client-go's internal clientcmdapi types) ───

export interface ExecEnv {
  name: string;
  value: string;
}
export interface ExecConfig {
  command: string;
  args: string[] | undefined;
  env: ExecEnv[] | undefined;
  apiVersion: string;
  installHint: string;
  provideClusterInfo: boolean;
  interactiveMode: string;
}
export interface AuthProvider {
  name: string;
  config: Record<string, string>;
}
export interface Cluster {
  server: string;
  tlsServerName: string;
  insecure: boolean;
  caFile: string;
  caData: Uint8Array | undefined;
  proxyUrl: string;
  disableCompression: boolean;
  /** The `client.authentication.k8s.io/exec` extension's JSON, if the cluster has one. */
  execExtension: string | undefined;
  origin: string | undefined;
}
export interface AuthInfo {
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
export interface Context {
  cluster: string;
  user: string;
  namespace: string;
}
export interface Config {
  clusters: Map<string, Cluster>;
  users: Map<string, AuthInfo>;
  contexts: Map<string, Context>;
  currentContext: string;
  hasOther: boolean;
}

export function emptyCluster(): Cluster {
  return { server: '', tlsServerName: '', insecure: false, caFile: '', caData: undefined, proxyUrl: '', disableCompression: false, execExtension: undefined, origin: undefined };
}
export function emptyAuthInfo(): AuthInfo {
  return {
    clientCertificate: '', clientCertificateData: undefined, clientKey: '', clientKeyData: undefined, token: '', tokenFile: '',
    as: '', asUid: '', asGroups: [], asUserExtra: {}, username: '', password: '', authProvider: undefined, exec: undefined, origin: undefined,
  };
}
