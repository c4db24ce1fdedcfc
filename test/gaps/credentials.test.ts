// Client keys, certificates and exec-plugin tokens never reach kt's output: at every -v level (0–10), with the
// key and certificate inline (client-*-data) or in files, and in the errors for a bad key — while the requests
// themselves succeed, so the credentials were really loaded and used. (Kubeconfig tokens: test/cli/verbose.test.ts.)
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const LEVELS = Array.from({ length: 11 }, (_, v) => v);
const TOKEN = 'exec-plugin-token-5c1e3a';

interface Pair {
  cert: string;
  key: string;
}

const b64 = (pem: string): string => Buffer.from(pem).toString('base64');

/** Every piece of a PEM that must never be printed: each base64 line of its body, and its base64 as a whole. */
function secretsOf(pem: string): string[] {
  const body = pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
  return [...body, b64(pem).slice(0, 48), b64(pem).slice(-48)];
}

function leaks(r: Result, secrets: readonly string[]): string[] {
  return secrets.filter((s) => r.stdout.includes(s) || r.stderr.includes(s));
}

describe('client keys, certificates and exec-plugin tokens are never printed', () => {
  let t: TestSim;
  let dir: string;
  let client: Pair;
  let other: Pair;
  let base: { users: { name: string; user: Record<string, unknown> }[] };
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', tls: true, token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'kt-creds-'));
    const make = async (cn: string): Promise<Pair> => {
      const c = await generate([{ name: 'commonName', value: cn }], { keyType: 'ec', algorithm: 'sha256' });
      return { cert: c.cert, key: c.private };
    };
    [client, other] = await Promise.all([make('jane'), make('someone-else')]);
    writeFileSync(join(dir, 'client.crt'), client.cert);
    writeFileSync(join(dir, 'client.key'), client.key);
    base = parse(readFileSync(t.kubeconfig, 'utf8')) as typeof base;
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A kubeconfig like the sim's (its CA, and its token unless the user brings another way in). */
  const kubeconfig = (name: string, user: Record<string, unknown>): Record<string, string> => {
    const file = join(dir, name);
    writeFileSync(file, stringify({ ...base, users: [{ name: 'kt-sim', user }] }));
    return { ...t.env, KUBECONFIG: file };
  };
  const allLevels = (args: string[], env: Record<string, string>): Promise<Result[]> => Promise.all(LEVELS.map((v) => runKt([...args, `-v=${v}`], env)));

  it('client-certificate-data and client-key-data: requests succeed at -v=0…10 and neither is printed', async () => {
    const env = kubeconfig('inline', { token: TOKEN, 'client-certificate-data': b64(client.cert), 'client-key-data': b64(client.key) });
    const secrets = [...secretsOf(client.key), ...secretsOf(client.cert), TOKEN];
    expect(leaks({ code: 0, stdout: `x${client.key.split('\n')[2]}y`, stderr: '' }, secrets)).toHaveLength(1); // the check can see a leak
    for (const args of [['top', 'pod', '-n', 'shop'], ['logs', '-n', 'shop', 'payments-0', '--tail=1']]) {
      const results = await allLevels(args, env);
      results.forEach((r, v) => {
        expect({ v, code: r.code, stdout: r.stdout !== '' }).toEqual({ v, code: 0, stdout: true });
        expect({ v, leaked: leaks(r, secrets) }).toEqual({ v, leaked: [] });
      });
      // The request log is there to be looked through: it must not be empty at the levels that print it.
      expect(results[9]!.stderr).toMatch(/curl -v -XGET .*Authorization: Bearer <masked>/);
    }
  });

  it('client-certificate and client-key files: their contents are never printed', async () => {
    const env = kubeconfig('files', { token: TOKEN, 'client-certificate': join(dir, 'client.crt'), 'client-key': join(dir, 'client.key') });
    const results = await allLevels(['top', 'pod', '-n', 'shop'], env);
    results.forEach((r, v) => {
      expect({ v, code: r.code, leaked: leaks(r, [...secretsOf(client.key), ...secretsOf(client.cert), TOKEN]) }).toEqual({ v, code: 0, leaked: [] });
    });
  });

  it("an exec credential plugin's token is sent and never printed", async () => {
    // The token exists only in the plugin's output (read from a file), not in the kubeconfig.
    writeFileSync(join(dir, 'token'), TOKEN);
    const plugin = join(dir, 'credential.sh');
    writeFileSync(plugin, `#!/bin/sh\nprintf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "$(cat '${join(dir, 'token')}')"\n`);
    chmodSync(plugin, 0o755);
    const env = kubeconfig('exec', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } });
    const results = await allLevels(['top', 'pod', '-n', 'shop'], env);
    results.forEach((r, v) => {
      expect({ v, code: r.code, stdout: r.stdout.includes('payments-0'), leaked: leaks(r, [TOKEN]) }).toEqual({ v, code: 0, stdout: true, leaked: [] });
    });
    expect(results[8]!.stderr).toContain('Authorization: Bearer <masked>');
  });

  describe('a bad key: kubectl\'s error, and not a byte of the key', () => {
    const garbage = '-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lC\n-----END PRIVATE KEY-----\n';
    // kubectl's answer when it differs from kt's: with key files (not data) client-go loads them lazily, logs the
    // failure (again on each background retry) and carries on without a client certificate (`E… cert_rotation.go:171] "Unhandled Error" err="key
    // failed with : tls: failed to parse private key"`); kt stops with the error, as kubectl does for key data.
    const cases: [string, () => Record<string, unknown>, () => string[], string, RegExp?][] = [
      ['key data that is no key', () => ({ token: TOKEN, 'client-certificate-data': b64(client.cert), 'client-key-data': b64(garbage) }), () => secretsOf(garbage), 'error: tls: failed to parse private key\n'],
      ['a key that does not match the certificate', () => ({ token: TOKEN, 'client-certificate-data': b64(client.cert), 'client-key-data': b64(other.key) }), () => [...secretsOf(other.key), ...secretsOf(client.cert)], 'error: tls: private key does not match public key\n'],
      ['a key file that is no key', () => {
        writeFileSync(join(dir, 'garbage.key'), garbage);
        return { token: TOKEN, 'client-certificate': join(dir, 'client.crt'), 'client-key': join(dir, 'garbage.key') };
      }, () => secretsOf(garbage), 'error: tls: failed to parse private key\n', /^E\d{4} [\d:.]+ +\d+ cert_rotation\.go:\d+\] "Unhandled Error" err="key failed with : tls: failed to parse private key"\n$/],
    ];
    it.each(cases)('%s', async (name, user, secrets, message, kubectlCarriesOn) => {
      const env = kubeconfig(name.replace(/\W+/g, '-'), user());
      for (const r of await allLevels(['top', 'pod', '-n', 'shop'], env)) {
        expect({ code: r.code, stdout: r.stdout, error: r.stderr.split('\n').filter((l) => l.startsWith('error:')), leaked: leaks(r, secrets()) }).toEqual({ code: 1, stdout: '', error: [message.trimEnd()], leaked: [] });
      }
      if (!KUBECTL) return;
      const k = await runKubectl(['top', 'pod', '-n', 'shop'], env);
      expect(leaks(k, secrets())).toEqual([]);
      // client-go retries the load in the background, so a slow run logs the failure more than once.
      if (kubectlCarriesOn) {
        const logged = k.stderr.split('\n').filter(Boolean);
        expect({ code: k.code, logged: logged.length > 0 && logged.every((l) => kubectlCarriesOn.test(`${l}\n`)) }).toEqual({ code: 0, logged: true });
      } else expect(k).toEqual({ code: 1, stdout: '', stderr: message });
    });
  });
});
