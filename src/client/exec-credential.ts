// Exec credential plugins, as client-go's plugin/pkg/client/auth/exec runs them: the ExecCredential request in
// KUBERNETES_EXEC_INFO (with the cluster's information when asked for), the plugin's own env entries, kt's stdin for
// an interactive plugin, its stderr passed through as it runs, its stdout decoded as client-go decodes it, and the
// credential cached in the process until its expirationTimestamp. Every failure is client-go's text.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import nodePath from 'node:path';
import { goJsonSyntaxError } from '../go/json-syntax.js';
import { goFileErrorText } from '../go/os.js';
import { goQuote } from '../go/quote.js';
import { KtError } from '../errors.js';
import { GoTimeError, parseRFC3339 } from '../go/time.js';
import { goJsonString } from '../go/json.js';
import { decodeValue, notRegisteredError, versionKindOf } from './kubeconfig/json-decode.js';
import type { RawObject, Schema } from './kubeconfig/json-decode.js';
import { keyPairError } from './kubeconfig/tls.js';
import type { ResolvedConfig, ResolvedExec } from './kubeconfig/types.js';
import { DecodeError, GoNumber, yamlToJson } from '../go/yaml-decode.js';
import type { JV } from '../go/yaml-decode.js';

const GROUP = 'client.authentication.k8s.io';
const VERSIONS = ['v1', 'v1beta1'];
const SCHEME = 'pkg/client/auth/exec/exec.go:62';
const INSTALL_HINT_HELP = `

It looks like you are trying to use a client-go credential plugin that is not installed.

To learn more about this feature, consult the documentation available at:
      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins`;

/** What a plugin gave: a bearer token, or a client certificate and key (PEM), or both. */
export interface ExecCredentials {
  token?: string;
  cert?: Buffer;
  key?: Buffer;
}

/** A failure to get credentials; printed by the transport as `getting credentials: <message>`. */
export class CredentialError extends Error {
  override name = 'CredentialError';
}

export interface ExecPluginOptions {
  /** The environment the plugin inherits (kubectl's os.Environ()). */
  env: Record<string, string | undefined>;
  /** Whether kt's stdin is a terminal (an interactive plugin reads it). */
  stdinIsTerminal: () => boolean;
  /** Where the plugin's stderr goes as it runs; undefined: straight to kt's own stderr. */
  stderr?: (text: string) => void;
  now: () => number;
  /** child_process.spawn, replaceable in tests. */
  spawn?: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
}

const requireBuiltin = createRequire(import.meta.url);

/** The plugin of `config.user.exec`, or client-go's error for an apiVersion it does not speak. */
export function execAuthenticator(config: ResolvedConfig, options: ExecPluginOptions): ExecAuthenticator | undefined {
  const exec = config.user.exec;
  if (!exec) return undefined;
  const slash = exec.apiVersion.indexOf('/');
  if (exec.apiVersion.slice(0, slash) !== GROUP || !VERSIONS.includes(exec.apiVersion.slice(slash + 1))) {
    throw new KtError(`exec plugin: invalid apiVersion ${goQuote(exec.apiVersion)}`);
  }
  return new ExecAuthenticator(exec, exec.provideClusterInfo ? clusterInfo(config.cluster) : undefined, options);
}

/** spec.cluster as client-go's ConfigToExecCluster fills it: the REST config's server, TLS and proxy settings. */
function clusterInfo(c: ResolvedConfig['cluster']): string {
  let ca = c.caData;
  if (ca === undefined && c.caFile !== undefined) {
    try {
      ca = (requireBuiltin('node:fs') as typeof import('node:fs')).readFileSync(c.caFile).toString('base64');
    } catch (e) {
      throw new CredentialError(goFileErrorText(e, c.caFile));
    }
  }
  const fields = [`"server":${goJsonString(c.server)}`];
  if (c.tlsServerName) fields.push(`"tls-server-name":${goJsonString(c.tlsServerName)}`);
  if (c.skipTLSVerify) fields.push('"insecure-skip-tls-verify":true');
  if (ca) fields.push(`"certificate-authority-data":"${ca}"`);
  if (c.proxyUrl) fields.push(`"proxy-url":${goJsonString(c.proxyUrl)}`);
  if (c.disableCompression) fields.push('"disable-compression":true');
  fields.push(`"config":${c.execExtension ?? 'null'}`);
  return `{${fields.join(',')}}`;
}

/** One plugin's credentials for the process: run once, reused until they expire or the server refuses them. */
export class ExecAuthenticator {
  private cached: ExecCredentials | undefined;
  private expiresAt: number | undefined;
  private running: Promise<ExecCredentials> | undefined;
  private readonly command: string;

  constructor(
    private readonly exec: ResolvedExec,
    /** spec.cluster's JSON, when the plugin asks for the cluster's information. */
    private readonly cluster: string | undefined,
    private readonly options: ExecPluginOptions,
  ) {
    this.command = goPathClean(exec.command);
  }

  /** The current credentials, running the plugin when there are none or they have expired. */
  async credentials(): Promise<ExecCredentials> {
    if (this.cached && (this.expiresAt === undefined || this.options.now() <= this.expiresAt)) return this.cached;
    this.running ??= this.refresh().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * The server answered 401 to a request made with `used`: as client-go does, run the plugin again (unless another
   * request already did), so that the next request carries fresh credentials. The 401 itself stands.
   */
  async unauthorized(used: ExecCredentials): Promise<void> {
    if (used !== this.cached) return;
    this.cached = undefined;
    await this.credentials();
  }

  private async refresh(): Promise<ExecCredentials> {
    const interactive = this.interactive();
    const stdout = await this.run(interactive);
    const status = decodeCredential(stdout, this.exec.apiVersion);
    const creds = credentialsFrom(status);
    this.expiresAt = status.expirationTimestamp;
    this.cached = creds;
    return creds;
  }

  /** interactiveMode against kt's stdin: whether the plugin may read it, or client-go's refusal. */
  private interactive(): boolean {
    const mode = this.exec.interactiveMode;
    if (mode === 'Never') return false;
    if (mode === 'IfAvailable') return this.options.stdinIsTerminal();
    if (mode === 'Always') {
      if (!this.options.stdinIsTerminal()) throw new CredentialError('exec plugin cannot support interactive mode: standard input is not a terminal');
      return true;
    }
    throw new CredentialError(`exec plugin cannot support interactive mode: unknown interactiveMode: ${goQuote(mode)}`);
  }

  private request(interactive: boolean): string {
    const spec = this.cluster === undefined ? `{"interactive":${interactive}}` : `{"cluster":${this.cluster},"interactive":${interactive}}`;
    return `{"kind":"ExecCredential","apiVersion":${goJsonString(this.exec.apiVersion)},"spec":${spec}}`;
  }

  /** Runs the plugin and resolves with its stdout once it exits 0. */
  private run(interactive: boolean): Promise<string> {
    const spawn = this.options.spawn ?? (requireBuiltin('node:child_process') as typeof import('node:child_process')).spawn;
    const env: Record<string, string | undefined> = { ...this.options.env };
    for (const e of this.exec.env) env[e.name] = e.value;
    env['KUBERNETES_EXEC_INFO'] = this.request(interactive);
    const write = this.options.stderr;
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, this.exec.args, {
        env,
        // A plugin that may not interact gets no stdin at all, as in Go (/dev/null).
        stdio: [interactive ? 'inherit' : 'ignore', 'pipe', write ? 'pipe' : 'inherit'],
      });
      const out: Buffer[] = [];
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => write?.(d.toString()));
      child.on('error', (e) => reject(this.startError(e as NodeJS.ErrnoException)));
      child.on('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
        else if (code !== null || signal !== null) reject(new CredentialError(`exec: executable ${this.command} failed with exit code ${code ?? -1}`));
      });
    });
  }

  /** Go's exec errors: a PATH lookup that fails is `not found` with the install hint; a path that fails, fork/exec's. */
  private startError(e: NodeJS.ErrnoException): CredentialError {
    const reason = e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    if (this.command.includes('/')) return new CredentialError(`exec: fork/exec ${this.command}: ${reason}`);
    if (e.code === 'ENOENT' || e.code === 'EACCES') {
      const hint = this.exec.installHint ? `\n\n${this.exec.installHint}` : '';
      return new CredentialError(`exec: executable ${this.command} not found${INSTALL_HINT_HELP}${hint}`);
    }
    return new CredentialError(`exec: ${reason}`);
  }
}

/** filepath.Clean, for the command name client-go prints. */
function goPathClean(p: string): string {
  if (p === '') return '.';
  const clean = nodePath.posix.normalize(p);
  return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}

// ─── The plugin's answer ─────────────────────────────────────────────────────────────────────────────────────────

interface Status {
  token: string;
  clientCertificateData: string;
  clientKeyData: string;
  /** Epoch ms, or undefined: never expires. */
  expirationTimestamp: number | undefined;
}

const S_STRING: Schema = { k: 'string', goType: 'string' };
const EXEC_CREDENTIAL: Schema = {
  k: 'struct', name: 'ExecCredential', goType: 'v1.ExecCredential',
  fields: {
    kind: S_STRING, apiVersion: S_STRING,
    status: {
      k: 'struct', name: 'ExecCredentialStatus', goType: 'v1.ExecCredentialStatus',
      fields: { expirationTimestamp: S_STRING, token: S_STRING, clientCertificateData: S_STRING, clientKeyData: S_STRING },
    },
  },
};

/** JSON when it looks like JSON (apimachinery's recognizer), else YAML; then to the Go values both decode to. */
function parseStdout(stdout: string): JV {
  if (/^\s*\{/.test(stdout)) {
    const syntax = goJsonSyntaxError(stdout);
    if (syntax !== undefined) throw new DecodeError(`couldn't get version/kind; json parse error: ${syntax}`);
    return toGoValue(JSON.parse(stdout));
  }
  return yamlToJson(stdout);
}

function toGoValue(v: unknown): JV {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return new GoNumber(String(v));
  if (Array.isArray(v)) return v.map(toGoValue);
  return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toGoValue(x)]));
}

/** The plugin's stdout as client-go's UniversalDecoder and its checks read it. */
function decodeCredential(stdout: string, apiVersion: string): Status {
  const raw = decodeStdout(stdout, apiVersion);
  const status = raw['status'];
  if (status === undefined || typeof status !== 'object' || Array.isArray(status) || status instanceof Uint8Array) {
    throw new CredentialError("exec plugin didn't return a status field");
  }
  const s = status as RawObject;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const expiry = text(s['expirationTimestamp']);
  let expirationTimestamp: number | undefined;
  if (expiry !== '') {
    try {
      expirationTimestamp = parseRFC3339(expiry);
    } catch (e) {
      if (e instanceof GoTimeError) throw new CredentialError(`decoding stdout: ${e.message}`);
      throw e;
    }
  }
  return { token: text(s['token']), clientCertificateData: text(s['clientCertificateData']), clientKeyData: text(s['clientKeyData']), expirationTimestamp };
}

function decodeStdout(stdout: string, apiVersion: string): RawObject {
  try {
    const json = parseStdout(stdout);
    const gvk = versionKindOf(json);
    // Without an apiVersion the decoder falls back to the internal version, which no plugin may answer with.
    const returned = gvk.group === '' && gvk.version === '' ? `${GROUP}/__internal` : undefined;
    if (returned === undefined) {
      if (gvk.kind === '') gvk.kind = 'ExecCredential';
      if (gvk.group !== GROUP || !VERSIONS.includes(gvk.version) || gvk.kind !== 'ExecCredential') throw notRegisteredError(gvk, SCHEME);
    }
    const gv = returned ?? `${gvk.group}/${gvk.version}`;
    const st: { error?: string } = {};
    const raw = decodeValue(json, EXEC_CREDENTIAL, { struct: undefined, path: [] }, st);
    if (st.error !== undefined) throw new DecodeError(st.error);
    if (gv !== apiVersion) throw new CredentialError(`exec plugin is configured to use API version ${apiVersion}, plugin returned version ${gv}`);
    return (raw ?? {}) as RawObject;
  } catch (e) {
    if (e instanceof DecodeError) throw new CredentialError(`decoding stdout: ${e.message}`);
    throw e;
  }
}

function credentialsFrom(s: Status): ExecCredentials {
  if (s.token === '' && s.clientCertificateData === '' && s.clientKeyData === '') throw new CredentialError("exec plugin didn't return a token or cert/key pair");
  if ((s.clientCertificateData === '') !== (s.clientKeyData === '')) throw new CredentialError('exec plugin returned only certificate or key, not both');
  const creds: ExecCredentials = {};
  if (s.token !== '') creds.token = s.token;
  if (s.clientCertificateData !== '') {
    const cert = Buffer.from(s.clientCertificateData);
    const key = Buffer.from(s.clientKeyData);
    const err = keyPairError(cert, key);
    if (err) throw new CredentialError(`failed parsing client key/certificate: ${err}`);
    creds.cert = cert;
    creds.key = key;
  }
  return creds;
}
