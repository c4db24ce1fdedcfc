// Exec credential plugins, run by kt as client-go runs them, compared with real kubectl 1.32 against `kt sim --tls`
// (which requires its bearer token). Each plugin is a tiny sh script that logs every run and can record what it was
// given (KUBERNETES_EXEC_INFO, its stdin, whether stdin is a terminal). The expected texts were captured from
// kubectl 1.32; with kubectl present, each case is also run through it and must match byte for byte.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, KUBECTL, asKt, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { generateSimTls } from '../../src/sim/tls.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const V1 = 'client.authentication.k8s.io/v1';
const V1BETA1 = 'client.authentication.k8s.io/v1beta1';
const SCRIPT = existsSync('/usr/bin/script') ? '/usr/bin/script' : undefined;

let t: TestSim;
let root: string;
let token: string;
let server: string;
let caData: string;

beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo', tls: true });
  root = mkdtempSync(join(tmpdir(), 'kt-exec-'));
  const kc = parse(t.sim.kubeconfig) as { clusters: { cluster: { server: string; 'certificate-authority-data': string } }[] };
  token = t.sim.token ?? '';
  server = kc.clusters[0]!.cluster.server;
  caData = kc.clusters[0]!.cluster['certificate-authority-data'];
});
afterAll(async () => t?.stop());

interface Plugin {
  dir: string;
  env: Record<string, string>;
  /** How many times the plugin ran. */
  runs(): number;
  /** What the plugin recorded with `record` (one line each). */
  recorded(): string[];
}

let counter = 0;

/**
 * A kubeconfig whose user runs `body` (sh) as its exec plugin. In the body, `$TOKEN` is the sim's token, `$RUNS` the
 * number of this run (1, 2, …), `record X` appends X to a file the test reads, and `cred TOKEN [EXPIRY]` prints an
 * ExecCredential of `$API`.
 */
function plugin(exec: Record<string, unknown>, body: string, cluster: Record<string, unknown> = {}): Plugin {
  const dir = join(root, `p${++counter}`);
  mkdirSync(dir);
  const api = typeof exec['apiVersion'] === 'string' ? exec['apiVersion'] : V1;
  const script = [
    '#!/bin/sh',
    `echo run >> '${dir}/runs'`,
    `RUNS=$(wc -l < '${dir}/runs' | tr -d ' ')`,
    `TOKEN='${token}'`,
    `API='${api}'`,
    `record() { printf '%s\\n' "$1" >> '${dir}/recorded'; }`,
    'cred() { if [ -n "$2" ]; then exp=",\\"expirationTimestamp\\":\\"$2\\""; fi; printf \'{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s"%s}}\' "$API" "$1" "$exp"; }',
    body,
  ].join('\n');
  writeFileSync(join(dir, 'plugin'), `${script}\n`);
  chmodSync(join(dir, 'plugin'), 0o755);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'certificate-authority-data': caData, ...cluster } }],
    users: [{ name: 'u', user: { exec: { command: join(dir, 'plugin'), ...exec } } }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'x',
  };
  writeFileSync(join(dir, 'kubeconfig'), stringify(config));
  const lines = (f: string): string[] => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== '') : []);
  return {
    dir,
    env: { KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache'), HOME: dir },
    runs: () => lines('runs').length,
    recorded: () => lines('recorded'),
  };
}

/** Runs kt with the plugin; with kubectl present, runs kubectl with a fresh plugin state and expects the same. */
async function ktAndKubectl(make: () => Plugin, args: string[], check: (r: Result, p: Plugin) => void): Promise<void> {
  const p = make();
  const kt = await runKt(args, p.env);
  check(kt, p);
  if (!KUBECTL) return;
  const q = make();
  const kubectl = await runKubectl(args, q.env);
  check({ ...kubectl, stderr: asKt(kubectl.stderr) }, q);
  expect(kt).toEqual({ ...kubectl, stderr: asKt(kubectl.stderr).replaceAll(q.dir, p.dir) });
}

const requests = (stderr: string): number => stderr.split('\n').filter((l) => /round_trippers\.go:\d+\] (GET|POST) https:\S+ \d{3} /.test(l)).length;

describe('a working plugin', () => {
  it('authenticates every request, its stderr passed through, and runs once per process', async () => {
    await ktAndKubectl(() => plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'echo "plugin: signing in" >&2; cred "$TOKEN"'), ['top', 'pod', '-n', 'shop'], (r, p) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^NAME +CPU\(cores\) +MEMORY\(bytes\)/);
      expect(r.stderr).toBe('plugin: signing in\n');
      expect(p.runs()).toBe(1);
    });
  });

  it('runs once for several requests (-v=6 shows them) while the credential has not expired', async () => {
    const p = plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'cred "$TOKEN" 2999-01-01T00:00:00Z');
    const r = await runKt(['top', 'pod', '-n', 'shop', '-v=6'], p.env);
    expect(r.code).toBe(0);
    expect(requests(r.stderr)).toBeGreaterThanOrEqual(2);
    expect(p.runs()).toBe(1);
  });

  it('runs again for each request once the credential has expired', async () => {
    const expired = (): Plugin => plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'cred "$TOKEN" 2020-01-01T00:00:00Z');
    const p = expired();
    const r = await runKt(['top', 'pod', '-n', 'shop', '-v=6'], p.env);
    expect(r.code).toBe(0);
    expect(requests(r.stderr)).toBeGreaterThanOrEqual(2);
    expect(p.runs()).toBe(requests(r.stderr));
    if (KUBECTL) {
      // kubectl makes other requests (discovery), but likewise runs the plugin for each.
      const q = expired();
      const k = await runKubectl(['top', 'pod', '-n', 'shop', '-v=6'], q.env);
      expect(k.code).toBe(0);
      expect(q.runs()).toBe(requests(k.stderr));
    }
  });

  it('gets a new credential after a 401, as client-go does (the refused request still fails)', async () => {
    const p = plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'if [ "$RUNS" = 1 ]; then cred wrong; else cred "$TOKEN"; fi');
    const r = await runKt(['top', 'node'], p.env);
    expect(r).toEqual({ stdout: '', stderr: 'error: You must be logged in to the server (the server has asked for the client to provide credentials)\n', code: 1 });
    expect(p.runs()).toBe(2);
    if (KUBECTL) {
      const q = plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'if [ "$RUNS" = 1 ]; then cred wrong; else cred "$TOKEN"; fi');
      expect(await runKubectl(['top', 'node'], q.env)).toEqual(r);
      expect(q.runs()).toBe(2);
    }
  });

  it('gives the plugin its env entries and the ExecCredential request, with the cluster when asked', async () => {
    const body = 'record "$KUBERNETES_EXEC_INFO"; record "A=$A"; cred "$TOKEN"';
    const plain = plugin({ apiVersion: V1, interactiveMode: 'Never', env: [{ name: 'A', value: 'b' }] }, body);
    expect((await runKt(['top', 'node'], plain.env)).code).toBe(0);
    expect(plain.recorded()).toEqual([`{"kind":"ExecCredential","apiVersion":"${V1}","spec":{"interactive":false}}`, 'A=b']);

    const ext = { extensions: [{ name: 'client.authentication.k8s.io/exec', extension: { audience: 'kt', list: [1, 'x'] } }, { name: 'other', extension: { z: 1 } }] };
    const withCluster = (): Plugin => plugin({ apiVersion: V1BETA1, provideClusterInfo: true }, body.replace('cred "$TOKEN"', 'exit 1'), { 'tls-server-name': 'kube.local', 'disable-compression': true, ...ext });
    await ktAndKubectl(withCluster, ['top', 'node'], (r, p) => {
      expect(r.stderr).toBe(`Unable to connect to the server: getting credentials: exec: executable ${p.dir}/plugin failed with exit code 1\n`);
      expect(JSON.parse(p.recorded()[0] ?? '')).toEqual({
        kind: 'ExecCredential',
        apiVersion: V1BETA1,
        spec: { cluster: { server, 'tls-server-name': 'kube.local', 'certificate-authority-data': caData, 'disable-compression': true, config: { audience: 'kt', list: [1, 'x'] } }, interactive: false },
      });
    });
  });

  it('takes a client certificate and key from the plugin, checked as tls.X509KeyPair checks them', async () => {
    const [pair, other] = await Promise.all([generateSimTls('127.0.0.1'), generateSimTls('127.0.0.1')]);
    const withKey = (key: string) => (): Plugin => {
      const p = plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'cat "$(dirname "$0")/answer.json"');
      writeFileSync(join(p.dir, 'answer.json'), JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token, clientCertificateData: pair.cert, clientKeyData: key } }));
      return p;
    };
    expect(await runKt(['top', 'node'], withKey(pair.key)().env)).toMatchObject({ stderr: '', code: 0 });
    await ktAndKubectl(withKey(other.key), ['top', 'node'], (r) => {
      expect(r).toEqual({ stdout: '', stderr: 'Unable to connect to the server: getting credentials: failed parsing client key/certificate: tls: private key does not match public key\n', code: 1 });
    });
    await ktAndKubectl(() => plugin({ apiVersion: V1, interactiveMode: 'Never' }, 'printf \'{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"x","clientKeyData":"y"}}\' "$API"'), ['top', 'node'], (r) => {
      expect(r).toEqual({ stdout: '', stderr: 'Unable to connect to the server: getting credentials: failed parsing client key/certificate: tls: failed to find any PEM data in certificate input\n', code: 1 });
    });
  });
});

describe('a plugin that fails, in kubectl\'s words', () => {
  const out = (text: string): string => `printf '%s' '${text.replaceAll("'", "'\\''")}'`;
  const cases: [string, string, string][] = [
    ['not JSON', out('not json'), 'decoding stdout: couldn\'t get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'],
    ['broken JSON', out('{bad'), "decoding stdout: couldn't get version/kind; json parse error: invalid character 'b' looking for beginning of object key string"],
    ['JSON and more', out(`{"apiVersion":"${V1}","kind":"ExecCredential","status":{"token":"x"}} x`), "decoding stdout: couldn't get version/kind; json parse error: invalid character 'x' after top-level value"],
    ['an array', out('[1]'), 'decoding stdout: couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'],
    ['nothing', out(''), `exec plugin is configured to use API version ${V1}, plugin returned version client.authentication.k8s.io/__internal`],
    ['no apiVersion', out('{"kind":"ExecCredential","status":{"token":"x"}}'), `exec plugin is configured to use API version ${V1}, plugin returned version client.authentication.k8s.io/__internal`],
    ['another version', out(`{"apiVersion":"${V1BETA1}","kind":"ExecCredential","status":{"token":"x"}}`), `exec plugin is configured to use API version ${V1}, plugin returned version ${V1BETA1}`],
    ['an unknown version', out('{"apiVersion":"v1","kind":"ExecCredential","status":{"token":"x"}}'), 'decoding stdout: no kind "ExecCredential" is registered for version "v1" in scheme "pkg/client/auth/exec/exec.go:62"'],
    ['an unknown kind', out(`{"apiVersion":"${V1}","kind":"Foo","status":{"token":"x"}}`), `decoding stdout: no kind "Foo" is registered for version "${V1}" in scheme "pkg/client/auth/exec/exec.go:62"`],
    ['no status', out(`{"apiVersion":"${V1}","kind":"ExecCredential"}`), "exec plugin didn't return a status field"],
    ['an empty status', out(`{"apiVersion":"${V1}","kind":"ExecCredential","status":{}}`), "exec plugin didn't return a token or cert/key pair"],
    ['a certificate without key', out(`{"apiVersion":"${V1}","kind":"ExecCredential","status":{"clientCertificateData":"x"}}`), 'exec plugin returned only certificate or key, not both'],
    ['a number for the token', out(`{"apiVersion":"${V1}","kind":"ExecCredential","status":{"token":5}}`), 'decoding stdout: json: cannot unmarshal number into Go struct field ExecCredentialStatus.status.token of type string'],
    ['a bad expiry', out(`{"apiVersion":"${V1}","kind":"ExecCredential","status":{"token":"x","expirationTimestamp":"bad"}}`), 'decoding stdout: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"'],
    ['exit code 3', 'echo "plugin: denied" >&2; exit 3', 'exec: executable <plugin> failed with exit code 3'],
  ];
  it.each(cases)('%s', async (_, body, message) => {
    await ktAndKubectl(() => plugin({ apiVersion: V1, interactiveMode: 'Never' }, body), ['top', 'node'], (r, p) => {
      const stderr = body.includes('denied') ? 'plugin: denied\n' : '';
      expect(r).toEqual({ stdout: '', stderr: `${stderr}Unable to connect to the server: getting credentials: ${message.replace('<plugin>', `${p.dir}/plugin`)}\n`, code: 1 });
    });
  });

  it('a plugin not on PATH: not found, with client-go\'s help and the installHint', async () => {
    const make = (): Plugin => {
      const p = plugin({ apiVersion: V1, interactiveMode: 'Never', installHint: 'Install it with: brew install kt-login' }, '');
      const kc = parse(readFileSync(p.env['KUBECONFIG']!, 'utf8')) as { users: { user: { exec: { command: string } } }[] };
      kc.users[0]!.user.exec.command = 'kt-login-nonexistent';
      writeFileSync(p.env['KUBECONFIG']!, stringify(kc));
      return p;
    };
    await ktAndKubectl(make, ['top', 'node'], (r) => {
      expect(r.stderr).toBe(
        'Unable to connect to the server: getting credentials: exec: executable kt-login-nonexistent not found\n\n' +
          'It looks like you are trying to use a client-go credential plugin that is not installed.\n\n' +
          'To learn more about this feature, consult the documentation available at:\n' +
          '      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins\n\n' +
          'Install it with: brew install kt-login\n',
      );
      expect(r.code).toBe(1);
    });
  });

  it('a missing plugin path: fork/exec\'s error', async () => {
    const make = (): Plugin => {
      const p = plugin({ apiVersion: V1, interactiveMode: 'Never' }, '');
      const kc = parse(readFileSync(p.env['KUBECONFIG']!, 'utf8')) as { users: { user: { exec: { command: string } } }[] };
      kc.users[0]!.user.exec.command = './no-such-plugin';
      writeFileSync(p.env['KUBECONFIG']!, stringify(kc));
      return p;
    };
    await ktAndKubectl(make, ['top', 'node'], (r, p) => {
      expect(r).toEqual({ stdout: '', stderr: `Unable to connect to the server: getting credentials: exec: fork/exec ${p.dir}/no-such-plugin: no such file or directory\n`, code: 1 });
    });
  });

  it('an apiVersion client-go does not speak fails before any request', async () => {
    await ktAndKubectl(() => plugin({ apiVersion: 'client.authentication.k8s.io/v1alpha1' }, 'cred "$TOKEN"'), ['top', 'node'], (r, p) => {
      expect(r).toEqual({ stdout: '', stderr: 'error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"\n', code: 1 });
      expect(p.runs()).toBe(0);
    });
  });
});

/** Runs `file args` on a pseudo-terminal (util-linux script), typing `input` into it. */
function onTerminal(file: string, args: string[], env: Record<string, string>, input: string): Promise<Result> {
  const quoted = [file, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT!, ['-qec', quoted, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const ceiling = setTimeout(() => {
      child.kill();
      reject(new Error('the command on the terminal did not finish'));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(ceiling);
      resolve({ stdout, stderr: '', code: code ?? 1 });
    });
    // Typed ahead: the terminal keeps it until the plugin reads it. stdin stays open until the command ends.
    child.stdin.write(input);
  });
}

describe('interactiveMode', () => {
  const body = 'record "$(echo "$KUBERNETES_EXEC_INFO" | grep -o \'"interactive":[a-z]*\')"; [ -t 0 ] && record tty; read -r line; record "read:$line"; cred "$TOKEN"';

  it.each([['Never'], ['IfAvailable']])('%s with stdin a pipe: not interactive, and the plugin reads nothing', async (mode) => {
    const p = plugin({ apiVersion: V1, interactiveMode: mode }, body);
    const kt = await new Promise<Result>((resolve) => {
      const child = spawn(process.execPath, [KT_BIN, 'top', 'node'], { env: { ...process.env, ...p.env } });
      child.stdin.end('typed\n');
      child.on('exit', (code) => resolve({ stdout: '', stderr: '', code: code ?? 1 }));
    });
    expect(kt.code).toBe(0);
    expect(p.recorded()).toEqual(['"interactive":false', 'read:']);
  });

  it('Always with stdin a pipe: kubectl\'s refusal, and the plugin never runs', async () => {
    await ktAndKubectl(() => plugin({ apiVersion: V1, interactiveMode: 'Always' }, body), ['top', 'node'], (r, p) => {
      expect(r).toEqual({ stdout: '', stderr: 'Unable to connect to the server: getting credentials: exec plugin cannot support interactive mode: standard input is not a terminal\n', code: 1 });
      expect(p.runs()).toBe(0);
    });
  });

  it('v1beta1 without interactiveMode defaults to IfAvailable', async () => {
    const p = plugin({ apiVersion: V1BETA1 }, body);
    expect((await runKt(['top', 'node'], p.env)).code).toBe(0);
    expect(p.recorded()[0]).toBe('"interactive":false');
  });

  it.skipIf(!SCRIPT).each([['IfAvailable', ['"interactive":true', 'tty', 'read:typed']], ['Always', ['"interactive":true', 'tty', 'read:typed']], ['Never', ['"interactive":false', 'read:']]])(
    '%s on a terminal: the plugin gets kt\'s stdin only when it may interact',
    async (mode, want) => {
      const p = plugin({ apiVersion: V1, interactiveMode: mode }, body);
      const kt = await onTerminal(process.execPath, [KT_BIN, 'top', 'node'], p.env, 'typed\n');
      expect(kt.code).toBe(0);
      expect(p.recorded()).toEqual(want);
      if (KUBECTL) {
        const q = plugin({ apiVersion: V1, interactiveMode: mode }, body);
        expect((await onTerminal(KUBECTL, ['top', 'node'], q.env, 'typed\n')).code).toBe(0);
        expect(q.recorded()).toEqual(want);
      }
    },
  );
});
