// Kubeconfig loading and merging, pinned to kubectl v1.32. Every expected text below was captured from kubectl
// 1.32 with the same files (paths adapted to the temp dir); the parity block at the end runs the error scenarios
// through that kubectl (test/helpers/requirements.ts finds it) and the built kt, and compares what they print.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KtError, RawError } from '../../src/errors.js';
import { goBase64Decode } from '../../src/go/base64.js';
import {
  resolveConfig,
  type ConnectionFlags,
  type FileReader,
  type KubeconfigEnv,
  type ResolveOptions,
} from '../../src/client/kubeconfig/index.js';
import { goQuote } from '../../src/go/quote.js';
import { runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { needs } from '../helpers/requirements.js';

// Throw-away self-signed EC certificates made for these tests (no secret value anywhere).
const CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBgTCCASegAwIBAgIUFWz468ZCgFdp1owEZEL7do2K5nwwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKa3QtdGVzdC1jYTAgFw0yNjExMjUxMTI3MzBaGA8yMTI2MTEw
MTExMjczMFowFTETMBEGA1UEAwwKa3QtdGVzdC1jYTBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABFE0KhxWALyj2zOC5WSHyAc6ajk7oAr7k4WE5rJ3h0BEeYh/mRw2
gJAI7GoejrdfEKFaD0u6PhYGZESxr0ps7++jUzBRMB0GA1UdDgQWBBRRajUHh2Xt
y7Jxufh2mxkapjMxnTAfBgNVHSMEGDAWgBRRajUHh2Xty7Jxufh2mxkapjMxnTAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIAn4ZFxPHNrZM8NMs8Ck
FpCggaZvsaLwGQPrTK9oLoa4AiEApa/Sd655rskBp49T5bwTstFpuM3YL2aX0HeV
RsdcAk8=
-----END CERTIFICATE-----
`;
const CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIBiDCCAS+gAwIBAgIUY59+H8/CZqB6XoQLOeQxuFYvOVcwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOa3QtdGVzdC1jbGllbnQwIBcNMjYxMTI1MTEyNzMwWhgPMjEy
NjExMDExMTI3MzBaMBkxFzAVBgNVBAMMDmt0LXRlc3QtY2xpZW50MFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEJL3oLhrYiur2fx+quMHh3dEik2bhU4LadQ820/Up
//1NqP3odKKkRlMkwqeAarGrzH585YdK8iTPHQqv4CoizqNTMFEwHQYDVR0OBBYE
FPnMwDzq4PyVgLZCtCG3Tbbl/eftMB8GA1UdIwQYMBaAFPnMwDzq4PyVgLZCtCG3
Tbbl/eftMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgAM1A8bxE
XG5yiVA7w0DZ9VnAmLLmimY4JZ8M6Rco3EgCIHjyWWaG1mXbwJODbawq+4GcP5dD
vR6ST4EPqeb0yQW8
-----END CERTIFICATE-----
`;
const KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6r0ksOqdbLjOliqo
ngpa/jCT5nKICbmsitl/X4/OSkShRANCAAQkveguGtiK6vZ/H6q4weHd0SKTZuFT
gtp1DzbT9Sn//U2o/eh0oqRGUyTCp4BqsavMfnzlh0ryJM8dCq/gKiLO
-----END PRIVATE KEY-----
`;
const CA = Buffer.from(CA_PEM).toString('base64');
const CERT = Buffer.from(CERT_PEM).toString('base64');
const KEY = Buffer.from(KEY_PEM).toString('base64');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50';
const VK_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

let dir = '';
let home = '';

function write(rel: string, text: string): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

/** resolveConfig with the temp dir as working directory and an empty HOME, so no real ~/.kube/config leaks in. */
function resolve(flags: ConnectionFlags, env: KubeconfigEnv = {}, opts: ResolveOptions = {}, reader?: FileReader) {
  return resolveConfig(flags, { HOME: home, ...env }, reader, { cwd: dir, ...opts });
}

/** The error as kt's handler prints it (handle-error.ts: RawError bare, KtError with `error: `), no final newline. */
function printed(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RawError) return e.message;
    if (e instanceof KtError) return e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
    throw e;
  }
  throw new Error('expected an error, got a config');
}

// ── fixtures ────────────────────────────────────────────────────────────────────────────────────────────────────

const FILE_A = `apiVersion: v1
kind: Config
current-context: ctx-a
clusters:
- name: shared
  cluster:
    server: https://127.0.0.1:1
    certificate-authority-data: ${CA}
- name: only-a
  cluster:
    server: https://127.0.0.2:1
    insecure-skip-tls-verify: true
contexts:
- name: ctx-a
  context: {cluster: shared, user: ua, namespace: ns-a}
- name: shared-ctx
  context: {cluster: shared, user: ua, namespace: from-a}
users:
- name: ua
  user: {token: tok-a}
`;

const FILE_B = `apiVersion: v1
kind: Config
current-context: ctx-b
clusters:
- name: shared
  cluster:
    server: https://127.0.0.3:1
    insecure-skip-tls-verify: true
    tls-server-name: bname
contexts:
- name: ctx-b
  context: {cluster: shared, user: ub}
- name: shared-ctx
  context: {cluster: only-a, user: ub, namespace: from-b}
users:
- name: ub
  user: {token: tok-b}
- name: ua
  user: {username: bob, password: pw}
`;

// Users and clusters for the credential rules (verified against a local HTTPS server logging what kubectl sent).
const CREDS = `current-context: exec
clusters:
- name: cl
  cluster: {server: "https://127.0.0.1:1", certificate-authority-data: "${CA}"}
- name: plain
  cluster: {server: "http://127.0.0.1:1"}
- name: both
  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true, certificate-authority-data: "${CA}"}
- name: cafile
  cluster: {server: "https://127.0.0.1:1", certificate-authority: ca.crt, insecure-skip-tls-verify: true}
- name: noserver
  cluster: {insecure-skip-tls-verify: true}
- name: badproxy
  cluster: {server: "https://127.0.0.1:1", proxy-url: "ftp://x"}
- name: tlsname
  cluster: {server: "https://127.0.0.1:1", certificate-authority-data: "${CA}", tls-server-name: "wrong.example", proxy-url: "socks5://127.0.0.1:9"}
contexts:
- {name: exec, context: {cluster: cl, user: exec}}
- {name: execpath, context: {cluster: cl, user: execpath}}
- {name: exectok, context: {cluster: cl, user: exectok}}
- {name: execcert, context: {cluster: cl, user: execcert}}
- {name: execbasic, context: {cluster: cl, user: execbasic}}
- {name: tokfile, context: {cluster: cl, user: tokfile}}
- {name: tokfile-missing, context: {cluster: cl, user: tokfile-missing}}
- {name: tokfile-empty, context: {cluster: cl, user: tokfile-empty}}
- {name: tokfile-http, context: {cluster: plain, user: tokfile-missing}}
- {name: token-and-file, context: {cluster: cl, user: token-and-file}}
- {name: tfbasic, context: {cluster: cl, user: tfbasic}}
- {name: basic, context: {cluster: cl, user: basic}}
- {name: pwonly, context: {cluster: cl, user: pwonly}}
- {name: both, context: {cluster: both, user: tok}}
- {name: cafile, context: {cluster: cafile, user: tok}}
- {name: noserver, context: {cluster: noserver, user: tok}}
- {name: missingcluster, context: {cluster: nope, user: tok}}
- {name: missinguser, context: {cluster: cl, user: nope}}
- {name: badproxy, context: {cluster: badproxy, user: tok}}
- {name: tlsname, context: {cluster: tlsname, user: tok}}
- {name: certonly, context: {cluster: cl, user: certonly}}
- {name: certnokey, context: {cluster: plain, user: certnokey}}
- {name: v1exec, context: {cluster: cl, user: v1exec}}
- {name: execap, context: {cluster: cl, user: execap}}
- {name: ap, context: {cluster: cl, user: ap}}
- {name: groupsonly, context: {cluster: cl, user: groupsonly}}
- {name: imp, context: {cluster: plain, user: imp, namespace: impns}}
users:
- {name: tok, user: {token: T}}
- name: exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin, args: [get-token], env: [{name: A, value: b}]}
- name: execpath
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: plugin}
- name: exectok
  user:
    token: TOK
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin}
- name: execcert
  user:
    client-certificate-data: "${CERT}"
    client-key-data: "${KEY}"
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: plugin-on-path}
- name: execbasic
  user:
    username: u
    password: p
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin}
- {name: tokfile, user: {tokenFile: tok.txt}}
- {name: tokfile-missing, user: {tokenFile: nope.txt}}
- {name: tokfile-empty, user: {tokenFile: empty.txt}}
- {name: token-and-file, user: {token: STATIC, tokenFile: tok.txt}}
- {name: tfbasic, user: {tokenFile: tok.txt, username: u, password: p}}
- {name: basic, user: {username: bob, password: pw}}
- {name: pwonly, user: {password: p}}
- {name: certonly, user: {client-certificate: certs/cli.crt, client-key: '@ABSKEY@'}}
- {name: certnokey, user: {client-certificate: nope.crt}}
- name: v1exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin}
- name: execap
  user:
    auth-provider: {name: oidc}
    exec: {apiVersion: "", command: "", env: [{name: "", value: x}], interactiveMode: Sometimes}
- name: ap
  user:
    auth-provider: {name: oidc, config: {id-token: IDTOK, client-id: x}}
- {name: groupsonly, user: {token: T, as-groups: [g1]}}
- {name: imp, user: {token: T, as: kimp, as-groups: [g1, g2], as-uid: u1}}
`;

const FOO_PEM = '-----BEGIN FOO-----\nYWJj\n-----END FOO-----\n';
const BAD_CERT_PEM = '-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n';
const BAD_KEY_PEM = '-----BEGIN PRIVATE KEY-----\nYWJj\n-----END PRIVATE KEY-----\n';
const TLS_CASES: [string, string, string, string, string][] = [
  // [label, CA pem, client cert pem, client key pem, kubectl's error]
  ['CA: no PEM at all', 'junk', CERT_PEM, KEY_PEM, 'error: unable to load root certificates: unable to parse bytes as PEM block'],
  ['CA: only a FOO block', FOO_PEM, CERT_PEM, KEY_PEM, 'error: unable to load root certificates: no valid certificate authority data seen'],
  ['CA: a FOO block and a trailing newline', `${FOO_PEM}\n`, CERT_PEM, KEY_PEM, 'error: unable to load root certificates: unable to parse bytes as PEM block'],
  ['CA: a malformed certificate', BAD_CERT_PEM, CERT_PEM, KEY_PEM, 'error: unable to load root certificates: failed to parse certificate: x509: malformed certificate'],
  ['CA checked before the key pair', 'junk', 'junk', 'junk', 'error: unable to load root certificates: unable to parse bytes as PEM block'],
  ['cert: no PEM', CA_PEM, 'junk', 'junk', 'error: tls: failed to find any PEM data in certificate input'],
  ['cert: a key instead', CA_PEM, KEY_PEM, KEY_PEM, 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'],
  ['cert: only FOO', CA_PEM, FOO_PEM, KEY_PEM, 'error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO]'],
  ['key: no PEM', CA_PEM, CERT_PEM, 'junk', 'error: tls: failed to find any PEM data in key input'],
  ['key: a certificate instead', CA_PEM, CERT_PEM, CERT_PEM, 'error: tls: found a certificate rather than a key in the PEM for the private key'],
  ['key: only FOO', CA_PEM, CERT_PEM, FOO_PEM, 'error: tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [FOO]'],
  ['cert: malformed', CA_PEM, BAD_CERT_PEM, KEY_PEM, 'error: x509: malformed certificate'],
  ['key: malformed', CA_PEM, CERT_PEM, BAD_KEY_PEM, 'error: tls: failed to parse private key'],
  ['key of another certificate', CA_PEM, CA_PEM, KEY_PEM, 'error: tls: private key does not match public key'],
];
const tlsFile = (label: string) => `tls/${label.replace(/[^a-z]+/gi, '-')}`;
const tlsKubeconfig = (caPem: string, certPem: string, keyPem: string) =>
  `current-context: c\nclusters: [{name: k, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: "${b64(caPem)}"}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {client-certificate-data: "${b64(certPem)}", client-key-data: "${b64(keyPem)}"}}]\n`;

const REL_KUBECONFIG =
  'current-context: c\nclusters: [{name: s, cluster: {server: "https://x", certificate-authority: ca.crt}}]\ncontexts: [{name: c, context: {cluster: s, user: u}}]\nusers: [{name: u, user: {client-certificate: certs/a.crt, client-key: /abs/a.key}}]\n';

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kt-kubeconfig-')));
  home = path.join(dir, 'home');
  fs.mkdirSync(home);
  write('a/config', FILE_A);
  write('b/config', FILE_B);
  write('creds/kubeconfig', CREDS.replace('@ABSKEY@', path.join(dir, 'keys/cli.key')));
  write('keys/cli.key', KEY_PEM);
  write('creds/tok.txt', ' filetok  \n');
  write('creds/empty.txt', '');
  write('creds/ca.crt', CA_PEM);
  write('creds/certs/cli.crt', CERT_PEM);
  fs.mkdirSync(path.join(dir, 'adir'));
  LOAD_ERRORS.forEach(([content], i) => write(`parse/err${i}`, content));
  LOAD_OK.forEach(([content], i) => write(`parse/ok${i}`, content));
  for (const [label, caPem, certPem, keyPem] of TLS_CASES) write(tlsFile(label), tlsKubeconfig(caPem, certPem, keyPem));
  write('rel/sub/kc', REL_KUBECONFIG);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// ── 1. Which files are read ─────────────────────────────────────────────────────────────────────────────────────

describe('choosing kubeconfig files', () => {
  it('--kubeconfig that does not exist: os.Stat error, path as given', () => {
    expect(printed(() => resolve({ kubeconfig: '/nope' }))).toBe('error: stat /nope: no such file or directory');
    expect(printed(() => resolve({ kubeconfig: 'nope' }))).toBe('error: stat nope: no such file or directory');
  });

  it('--kubeconfig naming a directory: exists, then fails to read', () => {
    expect(printed(() => resolve({ kubeconfig: 'adir' }))).toBe('error: error loading config file "adir": read adir: is a directory');
  });

  it('--kubeconfig loads only that file, ignoring KUBECONFIG', () => {
    const cfg = resolve({ kubeconfig: 'b/config' }, { KUBECONFIG: 'a/config' });
    expect(cfg.contextName).toBe('ctx-b');
    expect(cfg.files).toEqual(['b/config']);
  });

  it('an empty --kubeconfig or KUBECONFIG means unset: $HOME/.kube/config', () => {
    write('home/.kube/config', 'current-context: homectx\n');
    try {
      expect(printed(() => resolve({ kubeconfig: '' }))).toBe('Error in configuration: context was not found for specified context: homectx');
      expect(printed(() => resolve({}, { KUBECONFIG: '' }))).toBe('Error in configuration: context was not found for specified context: homectx');
    } finally {
      fs.rmSync(path.join(home, '.kube'), { recursive: true });
    }
  });

  it('HOME with a trailing slash is cleaned (filepath.Join) in the reported file name', () => {
    write('home/.kube/config', 'clusters: []\n');
    try {
      expect(resolve({}, { HOME: `${home}/` }).files).toEqual([path.join(home, '.kube/config')]);
    } finally {
      fs.rmSync(path.join(home, '.kube'), { recursive: true });
    }
  });

  it('unset or empty HOME: the relative .kube/config in the working directory', () => {
    write('.kube/config', 'current-context: cwdctx\n');
    try {
      expect(printed(() => resolveConfig({}, {}, undefined, { cwd: dir }))).toBe('Error in configuration: context was not found for specified context: cwdctx');
      expect(printed(() => resolveConfig({}, { HOME: '' }, undefined, { cwd: dir }))).toBe('Error in configuration: context was not found for specified context: cwdctx');
    } finally {
      fs.rmSync(path.join(dir, '.kube'), { recursive: true });
    }
  });

  it('KUBECONFIG: split on the path delimiter, missing files skipped, empties and duplicates dropped', () => {
    const cfg = resolve({}, { KUBECONFIG: ['/nope1', 'b/config', '', '/nope2', 'a/config', 'b/config'].join(path.delimiter) });
    // kubectl -v=6: "Config loaded from file:  b/config" then "… a/config"; current-context is ctx-b.
    expect(cfg.files).toEqual(['b/config', 'a/config']);
    expect(cfg.contextName).toBe('ctx-b');
    expect(cfg.configNotFound).toBeUndefined();
  });

  it('KUBECONFIG with every file missing: an empty config, http://localhost:8080, and the -v=1 notice', () => {
    const cfg = resolve({}, { KUBECONFIG: `/nope1${path.delimiter}/nope2` });
    expect(cfg).toEqual({
      contextName: undefined,
      namespace: 'default',
      namespaceFromFlag: false,
      cluster: { name: '', server: 'http://localhost:8080', skipTLSVerify: false },
      user: { name: '' },
      files: [],
      empty: true,
      configNotFound: 'Config not found: /nope1, /nope2',
    });
    expect(resolve({}, { KUBECONFIG: `${path.delimiter}${path.delimiter}` }).configNotFound).toBeUndefined();
  });

  it('no config at all (HOME without .kube): empty, no notice', () => {
    const cfg = resolve({});
    expect(cfg.empty).toBe(true);
    expect(cfg.cluster.server).toBe('http://localhost:8080');
    expect(cfg.configNotFound).toBeUndefined();
  });

  it('KUBERNETES_MASTER replaces http://localhost:8080 as the default server', () => {
    expect(resolve({}, { KUBERNETES_MASTER: '127.0.0.1:39080' }).cluster.server).toBe('http://127.0.0.1:39080');
    // A context whose cluster has no server gets the default too.
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'noserver' }, { KUBERNETES_MASTER: 'https://m:6443' }).cluster.server).toBe('https://m:6443');
  });

  it('a directory in KUBECONFIG is a load error; one error gets `error: `', () => {
    expect(printed(() => resolve({}, { KUBECONFIG: `adir${path.delimiter}a/config` }))).toBe('error: error loading config file "adir": read adir: is a directory');
  });

  it('several unloadable files: one line each, no prefix (utilerrors aggregate)', () => {
    write('bad/y1', 'a: b: c\n');
    write('bad/y8', 'current-context: x\n\tbad: 1\n');
    expect(printed(() => resolve({}, { KUBECONFIG: ['bad/y1', 'a/config', 'bad/y8'].join(path.delimiter) }))).toBe(
      'error loading config file "bad/y1": yaml: mapping values are not allowed in this context\n' +
        'error loading config file "bad/y8": yaml: line 2: found a tab character that violates indentation',
    );
  });

  it('reads through the injected FileReader (fake fs), resolving relative names against cwd', () => {
    const files: Record<string, string> = {
      '/virtual/work/kc.yaml': 'current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u, namespace: fake}}]\nclusters: [{name: k, cluster: {server: "https://fake:1"}}]\nusers: [{name: u, user: {tokenFile: t}}]\n',
      '/virtual/work/t': 'fake-token\n',
    };
    const seen: string[] = [];
    const reader: FileReader = {
      readFile: (p) => {
        seen.push(p);
        return files[p];
      },
    };
    const cfg = resolveConfig({}, { KUBECONFIG: 'kc.yaml' }, reader, { cwd: '/virtual/work' });
    expect(cfg.namespace).toBe('fake');
    expect(cfg.user).toEqual({ name: 'u', token: 'fake-token', tokenFile: '/virtual/work/t' });
    expect(seen).toContain('/virtual/work/kc.yaml');
  });

  it('a FileReader error with a Node code is worded as Go words it', () => {
    const reader: FileReader = {
      readFile: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(printed(() => resolveConfig({}, { KUBECONFIG: 'x.yaml' }, reader, { cwd: '/w' }))).toBe('error: error loading config file "x.yaml": open x.yaml: permission denied');
  });
});

// ── 2. Parsing: YAML (go-yaml v2), JSON types (encoding/json), scheme, conversion ───────────────────────────────

/** [file content, kubectl's text after `error: error loading config file "<f>": `] */
const LOAD_ERRORS: [string, string][] = [
  // go-yaml syntax errors (kt maps the yaml library's diagnosis onto go-yaml's wording and line quirk)
  ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
  ['x: 1\ny: 2\na: b: c\n', 'yaml: line 3: mapping values are not allowed in this context'],
  ['key with: colon: here\n', 'yaml: mapping values are not allowed in this context'],
  ['x: 1\n  y: 2\n', 'yaml: line 2: mapping values are not allowed in this context'],
  ['a:\n- b\n  c: d\n', 'yaml: line 3: mapping values are not allowed in this context'],
  ['current-context: x\n\tbad: 1\n', 'yaml: line 2: found a tab character that violates indentation'],
  ['{"clusters": [}\n', 'yaml: did not find expected node content'],
  ['a: "unclosed\n', 'yaml: line 2: found unexpected end of stream'],
  ["a: 'unclosed\n", 'yaml: line 2: found unexpected end of stream'],
  ['a:\n  b: 1\n c: 2\n', 'yaml: line 2: did not find expected key'],
  ['a:\n  - 1\n  b: 2\n', "yaml: line 2: did not find expected '-' indicator"],
  ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
  ['a: {b: 1\n', "yaml: line 1: did not find expected ',' or '}'"],
  ['x: 1\na: [1, 2\n', "yaml: line 2: did not find expected ',' or ']'"],
  ['a: @foo\n', 'yaml: found character that cannot start any token'],
  ['a: `x\n', 'yaml: found character that cannot start any token'],
  ['a: %x\n', 'yaml: found character that cannot start any token'],
  ['a: *nope\n', "yaml: unknown anchor 'nope' referenced"],
  ['a: b\n- c\n', 'yaml: line 1: did not find expected key'],
  ['a: |\n  text\n b: 1\n', 'yaml: line 2: did not find expected key'],
  ['a: [b]]\n', 'yaml: did not find expected key'],
  ['a: !!binary foo\n', 'yaml: !!binary value contains invalid base64 data'],
  ['a: !!int x\n', 'yaml: cannot decode !!str `x` as a !!int'],
  ['current-context: .inf\n', 'json: unsupported value: +Inf'],
  // the version/kind sniff
  ['foo\n', `couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type ${VK_STRUCT}`],
  ['- a\n- b\n', `couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type ${VK_STRUCT}`],
  ['apiVersion: 1\n', "couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .apiVersion of type string"],
  ['kind: 1\n', "couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .kind of type string"],
  ['kind: Pod\napiVersion: v1\n', `no kind "Pod" is registered for version "v1" in scheme "${SCHEME}"`],
  ['apiVersion: v2\nkind: Config\n', `no kind "Config" is registered for version "v2" in scheme "${SCHEME}"`],
  ['kind: config\n', `no kind "config" is registered for version "v1" in scheme "${SCHEME}"`],
  ['apiVersion: apps/v1\nkind: Config\n', `no kind "Config" is registered for version "apps/v1" in scheme "${SCHEME}"`],
  // encoding/json type errors: innermost struct, full JSON path, first error in sorted key order
  ['clusters: 5\n', 'json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster'],
  ['zzz: 1\nclusters: 5\nusers: 5\n', 'json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster'],
  ['users: 5\ncontexts: 5\n', 'json: cannot unmarshal number into Go struct field Config.contexts of type []v1.NamedContext'],
  ['contexts: {a: 1}\n', 'json: cannot unmarshal object into Go struct field Config.contexts of type []v1.NamedContext'],
  ['clusters: [5]\n', 'json: cannot unmarshal number into Go struct field Config.clusters of type v1.NamedCluster'],
  ['preferences: 5\n', 'json: cannot unmarshal number into Go struct field Config.preferences of type v1.Preferences'],
  ['current-context: [1]\n', 'json: cannot unmarshal array into Go struct field Config.current-context of type string'],
  ['clusters:\n- name: x\n  cluster: 5\n', 'json: cannot unmarshal number into Go struct field NamedCluster.clusters.cluster of type v1.Cluster'],
  ['clusters:\n- name: x\n  cluster:\n    server: 5\n', 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.server of type string'],
  ['clusters:\n- name: x\n  cluster:\n    insecure-skip-tls-verify: "yes"\n', 'json: cannot unmarshal string into Go struct field Cluster.clusters.cluster.insecure-skip-tls-verify of type bool'],
  ['clusters:\n- name: x\n  cluster: {server: https://x, extensions: 5}\n', 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.extensions of type []v1.NamedExtension'],
  ['clusters:\n- name: x\n  cluster:\n    server: https://x\n    certificate-authority-data: 12\n', 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.certificate-authority-data of type []uint8'],
  ['users:\n- name: u\n  user:\n    exec: {command: x, args: [1]}\n', 'json: cannot unmarshal number into Go struct field ExecConfig.users.user.exec.args of type string'],
  ['users:\n- name: u\n  user:\n    exec: {command: x, env: [{name: 1}]}\n', 'json: cannot unmarshal number into Go struct field ExecEnvVar.users.user.exec.env.name of type string'],
  ['users:\n- name: u\n  user:\n    exec: 5\n', 'json: cannot unmarshal number into Go struct field AuthInfo.users.user.exec of type v1.ExecConfig'],
  ['users:\n- name: u\n  user:\n    as-user-extra: {a: [1]}\n', 'json: cannot unmarshal number into Go struct field AuthInfo.users.user.as-user-extra of type string'],
  ['users:\n- name: u\n  user:\n    auth-provider: {name: gcp, config: {a: 1}}\n', 'json: cannot unmarshal number into Go struct field AuthProviderConfig.users.user.auth-provider.config of type string'],
  // YAML 1.1 scalars as go-yaml v2 resolves them
  ['clusters:\n- name: y\n', 'json: cannot unmarshal bool into Go struct field NamedCluster.clusters.name of type string'],
  ['contexts:\n- name: c\n  context: {cluster: a, namespace: no}\n', 'json: cannot unmarshal bool into Go struct field Context.contexts.context.namespace of type string'],
  ['current-context: yes\n', 'json: cannot unmarshal bool into Go struct field Config.current-context of type string'],
  ['current-context: On\n', 'json: cannot unmarshal bool into Go struct field Config.current-context of type string'],
  ...['0x10', '0777', '1_000', '1e3', '0b101', '0o17', '+12'].map((n): [string, string] => [
    `current-context: ${n}\n`,
    'json: cannot unmarshal number into Go struct field Config.current-context of type string',
  ]),
  ['current-context: "a"\ncurrent-context: 5\n', 'json: cannot unmarshal number into Go struct field Config.current-context of type string'],
  ['clusters:\n- name: x\n  cluster: null\n- cluster: {server: "https://b"}\ncurrent-context: 5\n', 'json: cannot unmarshal number into Go struct field Config.current-context of type string'],
  // base64 ([]byte fields): Go's error offsets; the first error in key order wins over later type errors
  ['clusters:\n- name: x\n  cluster:\n    certificate-authority-data: "!!notb64"\n', 'illegal base64 data at input byte 0'],
  ['users:\n- name: u\n  user: {client-key-data: "!!", token: 5}\n', 'illegal base64 data at input byte 0'],
  ['users:\n- name: u\n  user: {client-key-data: "YQ", token: "x"}\n', 'illegal base64 data at input byte 0'],
  // duplicate names in one file: the whole list printed with Go's %v
  [
    'clusters:\n- name: x\n  cluster: {server: "https://a"}\n- name: x\n  cluster: {server: "https://b"}\n',
    'error converting *[]NamedCluster into *map[string]*api.Cluster: duplicate name "x" in list: [{x {https://a  false  []  false []}} {x {https://b  false  []  false []}}]',
  ],
  [
    'users:\n- name: u\n  user: {token: a}\n- name: u\n  user: {token: b}\n',
    'error converting *[]NamedAuthInfo into *map[string]*api.AuthInfo: duplicate name "u" in list: [{u { []  [] a    [] map[]   <nil> <nil> []}} {u { []  [] b    [] map[]   <nil> <nil> []}}]',
  ],
  [
    'contexts:\n- name: c\n  context: {cluster: a}\n- name: c\n  context: {cluster: b}\n',
    'error converting *[]NamedContext into *map[string]*api.Context: duplicate name "c" in list: [{c {a   []}} {c {b   []}}]',
  ],
];

/** [file content, the current-context kubectl reads from it] */
const LOAD_OK: [string, string][] = [
  ['unknownfield: 1\ncurrent-context: q\n', 'q'],
  ['', ''],
  ['# only comment\n', ''],
  ['null\n', ''],
  ['---\n', ''],
  ['a: 1\na: 2\n', ''],
  ['current-context: a\ncurrent-context: b\n', 'b'],
  ['current-context: 5\ncurrent-context: "a"\n', 'a'],
  ['kind: Config\n', ''],
  ['apiVersion: v1\n', ''],
  ['current-context: ~\n', ''],
  ['current-context: Null\n', ''],
  ['current-context: first\n---\ncurrent-context: second\n', 'first'],
  ['\ufeffcurrent-context: bom\n', 'bom'],
  ['current-context: crlf\r\nclusters: []\r\n', 'crlf'],
  ['current-context: 2001-12-14\n', '2001-12-14'],
  ['current-context: !!str 12\n', '12'],
  ['current-context: 190:20:30\n', '190:20:30'],
  ['current-context: 12abc\n', '12abc'],
  ['current-context: !foo x\n', 'x'],
  ['%YAML 1.1\n---\ncurrent-context: directive\n', 'directive'],
  ['a: &x 1\nb: &x 2\ncurrent-context: anchors\n', 'anchors'],
  ['? a\ncurrent-context: complex\n', 'complex'],
  ['Current-Context: abc\nCLUSTERS:\n- NAME: q\n  Cluster: {SERVER: https://x}\n', ''],
  ['1: 2\ncurrent-context: x\n', 'x'],
];

describe('parsing a kubeconfig file', () => {
  it.each(LOAD_ERRORS.map(([, msg], i) => ({ i, msg })))('load error #$i: $msg', ({ i, msg }) => {
    expect(printed(() => resolve({ kubeconfig: `parse/err${i}` }))).toBe(`error: error loading config file "parse/err${i}": ${msg}`);
  });

  it.each(LOAD_OK.map(([, cc], i) => ({ i, cc })))('accepted #$i → current-context "$cc"', ({ i, cc }) => {
    const f = `parse/ok${i}`;
    if (cc === '') expect(resolve({ kubeconfig: f }).contextName).toBeUndefined();
    else expect(printed(() => resolve({ kubeconfig: f }))).toBe(`Error in configuration: context was not found for specified context: ${cc}`);
  });

  it('merge keys and anchors: `<<` copies the anchored map', () => {
    const f = write('parse/merge', 'base: &b {server: "https://x"}\nclusters:\n- name: a\n  cluster:\n    <<: *b\n    tls-server-name: t\ncontexts: [{name: c, context: {cluster: a}}]\ncurrent-context: c\n');
    expect(resolve({ kubeconfig: f }).cluster).toEqual({ name: 'a', server: 'https://x', skipTLSVerify: false, tlsServerName: 't' });
  });

  it('base64 data is decoded (newlines allowed) and handed on re-encoded', () => {
    const wrapped = `${CA.slice(0, 20)}\n${CA.slice(20)}`;
    const f = write('parse/b64', `clusters: [{name: a, cluster: {server: "https://x", certificate-authority-data: "${wrapped.replace(/\n/g, '\\n')}"}}]\ncontexts: [{name: c, context: {cluster: a}}]\ncurrent-context: c\n`);
    expect(resolve({ kubeconfig: f }).cluster.caData).toBe(CA);
  });
});

describe('Go helpers', () => {
  it.each([
    ['YQ==', 'a'],
    ['YWI=', 'ab'],
    ['YWJj', 'abc'],
    ['YW\nJj\r\n', 'abc'],
    ['', ''],
  ])('base64 %j decodes to %j', (input, out) => {
    const r = goBase64Decode(input);
    expect('bytes' in r && Buffer.from(r.bytes).toString()).toBe(out);
  });

  it.each([
    ['YQ', 0],
    ['!!', 0],
    ['YWJjZA', 4],
    ['YQ=', 3],
    ['YQ==YQ==', 4],
    ['Y===', 1],
    ['YWJj ', 4],
  ])('base64 %j fails at byte %i (Go offsets)', (input, at) => {
    expect(goBase64Decode(input)).toEqual({ error: `illegal base64 data at input byte ${at}` });
  });

  it('goQuote escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\x01é')).toBe('"a\\"b\\\\c\\n\\x01é"');
  });
});

// ── 3–4. Merging and relative paths ─────────────────────────────────────────────────────────────────────────────

describe('merging several files', () => {
  const list = (...f: string[]) => ({ KUBECONFIG: f.join(path.delimiter) });

  it('A:B — A sets current-context; A’s copy of a shared context and cluster wins whole (no field merge)', () => {
    const cfg = resolve({ context: 'shared-ctx' }, list('a/config', 'b/config'));
    expect(cfg.namespace).toBe('from-a');
    expect(cfg.cluster).toEqual({ name: 'shared', server: 'https://127.0.0.1:1', caData: CA, skipTLSVerify: false });
    expect(cfg.user).toEqual({ name: 'ua', token: 'tok-a' });
    expect(resolve({}, list('a/config', 'b/config')).contextName).toBe('ctx-a');
  });

  it('B:A — B’s current-context, B’s context, B’s user of the same name', () => {
    const cfg = resolve({ context: 'shared-ctx' }, list('b/config', 'a/config'));
    expect(cfg.namespace).toBe('from-b');
    expect(cfg.cluster).toEqual({ name: 'only-a', server: 'https://127.0.0.2:1', skipTLSVerify: true });
    expect(cfg.user).toEqual({ name: 'ub', token: 'tok-b' });
    const current = resolve({}, list('b/config', 'a/config'));
    expect(current.contextName).toBe('ctx-b');
    expect(current.cluster).toEqual({ name: 'shared', server: 'https://127.0.0.3:1', skipTLSVerify: true, tlsServerName: 'bname' });
    // ua exists in both: B's definition (basic auth) is the one used.
    expect(resolve({ user: 'ua' }, list('b/config', 'a/config')).user).toEqual({ name: 'ua', username: 'bob', password: 'pw' });
  });

  it('a later file still contributes names the earlier files lack', () => {
    expect(resolve({ context: 'ctx-a' }, list('b/config', 'a/config')).namespace).toBe('ns-a');
  });
});

describe('relative paths resolve against the defining file', () => {
  it('client-certificate, client-key, certificate-authority: absolute in errors, from the file’s directory', () => {
    // Same shape as kubectl's output for KUBECONFIG=a/config:b/config with a relative CA and cert.
    const sub = path.join(dir, 'rel/sub');
    expect(printed(() => resolve({}, { KUBECONFIG: 'rel/sub/kc' }))).toBe(
      'Error in configuration: \n' +
        `* unable to read client-cert ${sub}/certs/a.crt for u due to open ${sub}/certs/a.crt: no such file or directory\n` +
        '* unable to read client-key /abs/a.key for u due to open /abs/a.key: no such file or directory\n' +
        `* unable to read certificate-authority ${sub}/ca.crt for s due to open ${sub}/ca.crt: no such file or directory`,
    );
  });

  it('tokenFile and an exec command containing a slash are resolved; a PATH command is not', () => {
    const c = path.join(dir, 'creds');
    expect(printed(() => resolve({ kubeconfig: 'creds/kubeconfig', context: 'tokfile-missing' }))).toBe(`error: open ${c}/nope.txt: no such file or directory`);
    expect(resolve({ kubeconfig: 'creds/kubeconfig' }).user.exec).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: `${c}/bin/plugin`,
      args: ['get-token'],
      env: [{ name: 'A', value: 'b' }],
      provideClusterInfo: false,
      interactiveMode: 'IfAvailable',
    });
    // kubectl ran `plugin` from PATH (and said "executable plugin not found" when PATH lacked it)
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'execpath' }).user.exec).toMatchObject({ command: 'plugin' });
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'certonly' }).user).toEqual({
      name: 'certonly',
      certFile: `${c}/certs/cli.crt`,
      keyFile: path.join(dir, 'keys/cli.key'), // absolute in the file: untouched
    });
  });

  it('flag file paths stay relative to the working directory in messages', () => {
    expect(printed(() => resolve({ kubeconfig: 'creds/kubeconfig', context: 'certonly', clientCertificate: 'nope/c.crt' }))).toBe(
      'error: unable to read client-cert nope/c.crt for certonly due to open nope/c.crt: no such file or directory',
    );
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'certonly', clientCertificate: 'creds/certs/cli.crt' }).user.certFile).toBe(
      path.join(dir, 'creds/certs/cli.crt'),
    );
  });
});

// ── 5. Context, cluster, user and namespace selection ───────────────────────────────────────────────────────────

describe('selecting context, cluster and user', () => {
  const kc = { kubeconfig: 'creds/kubeconfig' };

  it.each<[string, ConnectionFlags, ResolveOptions, string]>([
    // top pod / logs / events / debug (namespace first)
    ['--context zzz', { context: 'zzz' }, {}, 'Error in configuration: context was not found for specified context: zzz'],
    ['--cluster zzz', { cluster: 'zzz' }, {}, 'error: no server found for cluster "zzz"'],
    ['--cluster zzz -s', { cluster: 'zzz', server: 'https://127.0.0.1:1' }, {}, 'error: no server found for cluster "zzz"'],
    ['--user zzz', { user: 'zzz' }, {}, 'error: auth info "zzz" does not exist'],
    ['all three zzz', { context: 'zzz', cluster: 'zzz', user: 'zzz' }, {}, 'Error in configuration: \n* context was not found for specified context: zzz\n* no server found for cluster "zzz"'],
    // -n skips the namespace step's validation: the client config's own lookups speak
    ['--context zzz -n q', { context: 'zzz', namespace: 'q' }, {}, 'error: context "zzz" does not exist'],
    ['--cluster zzz -n foo', { cluster: 'zzz', namespace: 'foo' }, {}, 'error: cluster "zzz" does not exist'],
    // top node (no namespace step)
    ['top node --context zzz', { context: 'zzz' }, { namespaceFirst: false }, 'error: context "zzz" does not exist'],
    ['top node --cluster zzz', { cluster: 'zzz' }, { namespaceFirst: false }, 'error: cluster "zzz" does not exist'],
    ['top node --user zzz', { user: 'zzz' }, { namespaceFirst: false }, 'error: auth info "zzz" does not exist'],
  ])('%s (no kubeconfig)', (_label, flags, opts, text) => {
    expect(printed(() => resolve(flags, {}, opts))).toBe(text);
  });

  it('a current-context naming a missing context', () => {
    const f = write('sel/missing-current', 'current-context: gone\n');
    expect(printed(() => resolve({ kubeconfig: f }))).toBe('Error in configuration: context was not found for specified context: gone');
    expect(printed(() => resolve({ kubeconfig: f, namespace: 'x' }))).toBe('Error in configuration: context was not found for specified context: gone');
  });

  it('a context naming a missing cluster falls back to the default server; a missing user leaves no credentials', () => {
    expect(resolve({ ...kc, context: 'missingcluster' }).cluster).toEqual({ name: 'nope', server: 'http://localhost:8080', skipTLSVerify: false });
    const cfg = resolve({ ...kc, context: 'missinguser', insecureSkipTlsVerify: true });
    expect(cfg.user).toEqual({ name: 'nope' });
    // kubectl: "Please enter Username: error: EOF" with stdin at EOF
    expect(cfg.promptForCredentials).toBe(true);
  });

  it('--cluster and --user replace the context’s choices; --as overrides the user’s `as`', () => {
    const cfg = resolve({ ...kc, context: 'tokfile-http', cluster: 'cl', user: 'imp', as: 'flagimp' });
    expect(cfg.contextName).toBe('tokfile-http');
    expect(cfg.cluster.name).toBe('cl');
    expect(cfg.user).toEqual({ name: 'imp', token: 'T', impersonateUser: 'flagimp', impersonateUid: 'u1', impersonateGroups: ['g1', 'g2'] });
  });

  it('namespace: -n, then the context’s, then "default"', () => {
    expect(resolve({ ...kc, context: 'imp' })).toMatchObject({ namespace: 'impns', namespaceFromFlag: false });
    expect(resolve({ ...kc, context: 'imp', namespace: 'flagns' })).toMatchObject({ namespace: 'flagns', namespaceFromFlag: true });
    expect(resolve({ ...kc, context: 'exec' })).toMatchObject({ namespace: 'default', namespaceFromFlag: false });
    expect(resolve({ server: 'http://127.0.0.1:39080', namespace: 'q' })).toMatchObject({ namespace: 'q', namespaceFromFlag: true, empty: true });
    expect(resolve({ ...kc, context: 'imp', namespace: '' }).namespaceFromFlag).toBe(false);
    // top node mode resolves the namespace the same way
    expect(resolve({ ...kc, context: 'imp' }, {}, { namespaceFirst: false })).toMatchObject({ namespace: 'impns', namespaceFromFlag: false });
    expect(resolve({ ...kc, context: 'exec' }, {}, { namespaceFirst: false }).namespace).toBe('default');
  });
});

// ── 5–6. Server, TLS and credentials ────────────────────────────────────────────────────────────────────────────

describe('server and TLS', () => {
  const kc = { kubeconfig: 'creds/kubeconfig' };

  it('-s works with no kubeconfig at all', () => {
    expect(resolve({ server: 'https://127.0.0.1:39443', token: 'T', insecureSkipTlsVerify: true })).toMatchObject({
      cluster: { name: '', server: 'https://127.0.0.1:39443', skipTLSVerify: true },
      user: { name: '', token: 'T' },
      empty: true,
    });
  });

  it.each([
    ['127.0.0.1:39080', 'http://127.0.0.1:39080'],
    ['localhost:39080', 'http://localhost:39080'],
    ['HTTP://127.0.0.1:39080/pre/', 'http://127.0.0.1:39080/pre'],
    ['https://127.0.0.1:39443/', 'https://127.0.0.1:39443'],
    ['https://127.0.0.1:39443/pre/fix/?q=1#frag', 'https://127.0.0.1:39443/pre/fix'],
    ['https://127.0.0.1:39443?q=1', 'https://127.0.0.1:39443'],
    ['http://127.0.0.1:39080/p#f', 'http://127.0.0.1:39080/p%23f'],
  ])('-s %s talks to %s', (server, url) => {
    expect(resolve({ server, insecureSkipTlsVerify: true }).cluster.server).toBe(url);
  });

  it('a scheme-less server with a path is refused', () => {
    expect(printed(() => resolve({ server: '127.0.0.1:39080/pre' }))).toBe('error: host must be a URL or a host:port pair: "127.0.0.1:39080/pre"');
  });

  it('-s keeps the cluster’s CA but drops its tls-server-name', () => {
    expect(resolve({ ...kc, context: 'tlsname' }).cluster).toEqual({
      name: 'tlsname', server: 'https://127.0.0.1:1', caData: CA, skipTLSVerify: false, tlsServerName: 'wrong.example', proxyUrl: 'socks5://127.0.0.1:9',
    });
    expect(resolve({ ...kc, context: 'tlsname', server: 'https://127.0.0.1:2' }).cluster).toEqual({
      name: 'tlsname', server: 'https://127.0.0.1:2', caData: CA, skipTLSVerify: false, proxyUrl: 'socks5://127.0.0.1:9',
    });
    expect(resolve({ ...kc, context: 'tlsname', server: 'https://127.0.0.1:2', tlsServerName: 'flag.example' }).cluster.tlsServerName).toBe('flag.example');
  });

  it('insecure-skip-tls-verify together with a CA in the kubeconfig is refused; the flag replaces the CA', () => {
    expect(printed(() => resolve({ ...kc, context: 'both' }))).toBe('error: specifying a root certificates file with the insecure flag is not allowed');
    expect(printed(() => resolve({ ...kc, context: 'cafile' }))).toBe('error: specifying a root certificates file with the insecure flag is not allowed');
    expect(resolve({ ...kc, context: 'both', insecureSkipTlsVerify: true }).cluster).toEqual({ name: 'both', server: 'https://127.0.0.1:1', skipTLSVerify: true });
    expect(resolve({ ...kc, context: 'cafile', insecureSkipTlsVerify: true }).cluster).toEqual({ name: 'cafile', server: 'https://127.0.0.1:1', skipTLSVerify: true });
    // --certificate-authority also clears the kubeconfig's insecure flag
    expect(resolve({ ...kc, context: 'cafile', certificateAuthority: 'creds/ca.crt' }).cluster).toEqual({
      name: 'cafile', server: 'https://127.0.0.1:1', caFile: path.join(dir, 'creds/ca.crt'), skipTLSVerify: false,
    });
    // --insecure-skip-tls-verify=false is the same as not giving it
    expect(resolve({ ...kc, context: 'tlsname', insecureSkipTlsVerify: false }).cluster.skipTLSVerify).toBe(false);
  });

  it.each(TLS_CASES)('TLS material — %s', (label, caPem, certPem, keyPem, text) => {
    const f = tlsFile(label);
    expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(tlsKubeconfig(caPem, certPem, keyPem));
    expect(printed(() => resolve({ kubeconfig: f }))).toBe(text);
    // Over http no TLS is set up, so none of this is looked at.
    expect(resolve({ kubeconfig: f, server: 'http://127.0.0.1:1' }).cluster.server).toBe('http://127.0.0.1:1');
  });

  it('valid CA and key pair pass, from data or from files', () => {
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'certonly' }).user.keyFile).toBe(path.join(dir, 'keys/cli.key'));
    expect(resolve({ kubeconfig: 'creds/kubeconfig', context: 'execcert' }).user).toEqual({ name: 'execcert', certData: CERT, keyData: KEY });
  });

  it('an unsupported proxy-url scheme', () => {
    expect(printed(() => resolve({ ...kc, context: 'badproxy' }))).toBe(
      `error: invalid 'proxy-url' "ftp://x" for cluster "badproxy": unsupported scheme "ftp", must be http, https, or socks5`,
    );
  });
});

describe('credentials', () => {
  const kc = { kubeconfig: 'creds/kubeconfig' };
  const user = (flags: ConnectionFlags) => resolve({ ...kc, ...flags }).user;

  // What kubectl sent, observed on a local HTTPS server: the comment after each case.
  it.each<[string, ConnectionFlags, object]>([
    ['exec plugin alone', { context: 'exec' }, { name: 'exec', exec: expect.objectContaining({ command: expect.stringMatching(/\/creds\/bin\/plugin$/) }) }], // Bearer EXEC
    ['--token replaces the exec plugin', { context: 'exec', token: 'FLAG' }, { name: 'exec', token: 'FLAG' }], // Bearer FLAG, plugin not run
    ['a kubeconfig token beats exec', { context: 'exectok' }, { name: 'exectok', token: 'TOK' }], // Bearer TOK
    ['a client certificate beats exec', { context: 'execcert' }, { name: 'execcert', certData: CERT, keyData: KEY }], // cert, no header
    ['cert + --token: both sent', { context: 'execcert', token: 'FLAG' }, { name: 'execcert', token: 'FLAG', certData: CERT, keyData: KEY }],
    ['basic auth beats exec', { context: 'execbasic' }, { name: 'execbasic', username: 'u', password: 'p' }], // Basic dTpw
    ['tokenFile: trimmed file content', { context: 'tokfile' }, { name: 'tokfile', token: 'filetok', tokenFile: expect.stringMatching(/creds\/tok\.txt$/) }],
    ['tokenFile beats --token', { context: 'tokfile', token: 'FLAG' }, { name: 'tokfile', token: 'filetok', tokenFile: expect.stringMatching(/creds\/tok\.txt$/) }], // Bearer filetok
    ['tokenFile beats token', { context: 'token-and-file' }, { name: 'token-and-file', token: 'filetok', tokenFile: expect.stringMatching(/creds\/tok\.txt$/) }], // Bearer filetok
    ['missing tokenFile + --token: the flag', { context: 'tokfile-missing', token: 'FLAG' }, { name: 'tokfile-missing', token: 'FLAG', tokenFile: expect.stringMatching(/creds\/nope\.txt$/) }],
    ['empty tokenFile + --token: the flag', { context: 'tokfile-empty', token: 'FLAG' }, { name: 'tokfile-empty', token: 'FLAG', tokenFile: expect.stringMatching(/creds\/empty\.txt$/) }],
    ['auth-provider alone', { context: 'ap' }, { name: 'ap', authProvider: { name: 'oidc', config: { 'id-token': 'IDTOK', 'client-id': 'x' } } }],
    ['--token replaces the auth-provider', { context: 'ap', token: 'FLAG' }, { name: 'ap', token: 'FLAG' }], // Bearer FLAG
    ['--username fills in a password-only user', { context: 'pwonly', username: 'flaguser' }, { name: 'pwonly', username: 'flaguser', password: 'p' }], // Basic flaguser:p
    ['http server: no credentials sent, impersonation still is', { context: 'imp' }, { name: 'imp', impersonateUser: 'kimp', impersonateUid: 'u1', impersonateGroups: ['g1', 'g2'] }],
    ['http server: a missing tokenFile is never read', { context: 'tokfile-http' }, { name: 'tokfile-missing' }],
  ])('%s', (_label, flags, expected) => {
    expect(user(flags)).toEqual(expected);
  });

  it.each<[string, ConnectionFlags, string]>([
    ['--token with a basic-auth user', { context: 'basic', token: 'T' }, 'error: more than one authentication method found for basic; found [token basicAuth], only one is allowed'],
    ['--token with a basic-auth user, even over http', { context: 'basic', token: 'T', server: 'http://127.0.0.1:39080' }, 'error: more than one authentication method found for basic; found [token basicAuth], only one is allowed'],
    ['--token with a password-only user', { context: 'pwonly', token: 'tk' }, 'error: more than one authentication method found for pwonly; found [token basicAuth], only one is allowed'],
    ['tokenFile plus basic auth', { context: 'tfbasic' }, 'error: username/password or bearer token may be set, but not both'],
    ['a missing tokenFile', { context: 'tokfile-missing' }, 'error: open <creds>/nope.txt: no such file or directory'],
    ['client certificate without a key (http too)', { context: 'certnokey' }, 'Error in configuration: \n* client-key-data or client-key must be specified for certnokey to use the clientCert authentication method.\n* unable to read client-cert <creds>/nope.crt for certnokey due to open <creds>/nope.crt: no such file or directory'],
    ['exec v1 without interactiveMode', { context: 'v1exec' }, 'error: interactiveMode must be specified for v1exec to use exec authentication plugin'],
    ['exec and auth-provider, with every exec field wrong', { context: 'execap' }, 'Error in configuration: \n* authProvider cannot be provided in combination with an exec plugin for execap\n* command must be specified for execap to use exec authentication plugin\n* apiVersion must be specified for execap to use exec authentication plugin\n* env variable name must be specified for execap to use exec authentication plugin\n* invalid interactiveMode for execap: "Sometimes"'],
    ['as-groups without as', { context: 'groupsonly' }, 'error: requesting uid, groups or user-extra for groupsonly without impersonating a user'],
  ])('%s', (_label, flags, text) => {
    expect(printed(() => resolve({ ...kc, ...flags }))).toBe(text.replaceAll('<creds>', path.join(dir, 'creds')));
  });

  it('kubectl would prompt when nothing identifies the user on an https server', () => {
    expect(resolve({ ...kc, context: 'tokfile-empty' }).promptForCredentials).toBe(true); // empty token file
    expect(resolve({ ...kc, context: 'pwonly' }).promptForCredentials).toBe(true); // a password is not enough
    expect(resolve({ server: 'https://127.0.0.1:1' }).promptForCredentials).toBe(true);
    expect(resolve({ server: 'http://127.0.0.1:1' }).promptForCredentials).toBeUndefined();
    expect(resolve({ ...kc, context: 'exec' }).promptForCredentials).toBeUndefined();
  });
});

// ── Live parity with kubectl.1.32 (skipped, and counted, when it is not installed) ─────────────────────────────

interface ParityCase {
  label: string;
  args: string[];
  env?: KubeconfigEnv;
}

/** What a person sees: stdout then stderr, without the final newline. */
function seen(r: Result): string {
  return `${r.stdout}${r.stderr}`.replace(/\n$/, '');
}

/** Runs kt (the built binary) and kubectl with the same arguments, environment and working directory. */
async function runBoth(c: ParityCase): Promise<{ kt: Result; kubectl: Result }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: home, ...Object.fromEntries(Object.entries(c.env ?? {}).filter((e): e is [string, string] => e[1] !== undefined)) };
  const options = { cwd: dir, onlyEnv: true };
  const [kt, kubectl] = await Promise.all([runKt(c.args, env, options), runKubectl(c.args, env, options)]);
  return { kt, kubectl };
}

describe('parity with kubectl.1.32', needs('kubectl'), () => {
  const kc = '--kubeconfig=creds/kubeconfig';
  const cases = (): ParityCase[] => [
    ...LOAD_ERRORS.map((_, i) => ({ label: `load error #${i}`, args: ['top', 'pod', `--kubeconfig=parse/err${i}`] })),
    ...LOAD_OK.map((_, i) => ({ label: `accepted #${i}`, args: ['top', 'pod', `--kubeconfig=parse/ok${i}`, '--server=http://127.0.0.1:1'] })),
    { label: 'missing --kubeconfig', args: ['top', 'pod', '--kubeconfig=/nope'] },
    { label: 'directory --kubeconfig', args: ['top', 'pod', '--kubeconfig=adir'] },
    { label: 'two bad files', args: ['top', 'pod'], env: { KUBECONFIG: 'parse/err0:parse/err5' } },
    { label: 'no config', args: ['top', 'pod'], env: { KUBERNETES_MASTER: 'http://127.0.0.1:1' } },
    { label: '--context zzz', args: ['top', 'pod', '--context=zzz'] },
    { label: 'top node --context zzz', args: ['top', 'node', '--context=zzz'] },
    { label: '--cluster zzz', args: ['top', 'pod', '--cluster=zzz'] },
    { label: '--cluster zzz -n', args: ['top', 'pod', '--cluster=zzz', '--namespace=foo'] },
    { label: 'top node --cluster zzz', args: ['top', 'node', '--cluster=zzz'] },
    { label: '--user zzz', args: ['top', 'pod', '--user=zzz'] },
    { label: 'all zzz', args: ['top', 'pod', '--context=zzz', '--cluster=zzz', '--user=zzz'] },
    { label: '--context zzz -n', args: ['top', 'pod', '--context=zzz', '--namespace=q'] },
    { label: 'A:B shared-ctx', args: ['top', 'pod', '--context=shared-ctx'], env: { KUBECONFIG: 'a/config:b/config' } },
    { label: 'B:A', args: ['top', 'pod'], env: { KUBECONFIG: 'b/config:a/config' } },
    { label: 'relative paths', args: ['top', 'pod'], env: { KUBECONFIG: 'rel/sub/kc' } },
    ...[
      'both', 'cafile', 'badproxy', 'tfbasic', 'tokfile-missing', 'certnokey', 'v1exec', 'execap', 'groupsonly', 'noserver', 'missingcluster', 'tokfile-http', 'imp',
    ].map((ctx) => ({ label: `context ${ctx}`, args: ['top', 'pod', kc, `--context=${ctx}`], env: { KUBERNETES_MASTER: 'http://127.0.0.1:1' } })),
    { label: 'basic + --token', args: ['top', 'pod', kc, '--context=basic', '--token=T'] },
    { label: 'pwonly + --token', args: ['top', 'pod', kc, '--context=pwonly', '--token=tk'] },
    { label: 'both + insecure flag', args: ['top', 'pod', kc, '--context=both', '--insecure-skip-tls-verify=true', '--server=https://127.0.0.1:1'] },
    { label: 'scheme-less server with a path', args: ['top', 'pod', '--server=127.0.0.1:1/pre'] },
    { label: 'scheme-less server', args: ['top', 'pod', '--server=127.0.0.1:1'] },
    ...TLS_CASES.map(([label]) => ({ label: `tls ${label}`, args: ['top', 'pod', `--kubeconfig=${tlsFile(label)}`] })),
    ...['certonly', 'execcert', 'exectok', 'tokfile'].map((ctx) => ({ label: `context ${ctx}`, args: ['top', 'pod', kc, `--context=${ctx}`] })),
  ];

  // Every case fails (a bad file, context, cluster, user or credential, or a server on 127.0.0.1:1 that refuses
  // the connection): kubectl must exit 1 with a message, and kt must say exactly the same.
  it('kt says what kubectl says, for every case', async () => {
    const failures: string[] = [];
    const all = cases();
    // A few cases at a time: each is two short-lived processes.
    for (let i = 0; i < all.length; i += 4) {
      await Promise.all(all.slice(i, i + 4).map(async (c) => {
        const { kt, kubectl } = await runBoth(c);
        if (kubectl.code !== 1 || seen(kubectl) === '') failures.push(`${c.label}: kubectl did not fail with a message (is it broken?): ${kubectl.code} ${JSON.stringify(seen(kubectl))}`);
        else if (seen(kt) !== seen(kubectl) || kt.code !== kubectl.code) failures.push(`${c.label}\n  kubectl: ${kubectl.code} ${JSON.stringify(seen(kubectl))}\n  kt:      ${kt.code} ${JSON.stringify(seen(kt))}`);
      }));
    }
    expect(failures.sort()).toEqual([]);
  }, 240_000);
});
