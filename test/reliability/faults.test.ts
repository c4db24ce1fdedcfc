// The sim's fault injection, and what kt does under each fault: the same words, exit code and timing as kubectl
// 1.32 where kubectl copes (429 with Retry-After, resets, --request-timeout, RBAC, TLS), and kt's own retries
// where kubectl gives up (a transient 5xx on a read). Each fault is compared with real kubectl when it is present.
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Faults, forbiddenStatus, parseFaultSpec, type FaultRule } from '../../src/sim/faults.js';
import { retryDelayMs } from '../../src/client/transport.js';
import { KUBECTL, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { afterDiscoveryLog, compareResults, fails, succeeds, type KubectlExpectation } from '../helpers/parity.js';
import { needs } from '../helpers/requirements.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { STACK } from './helpers.js';

/** kt, and kubectl when it is here, with the same arguments at once (and how long the two took). */
async function ktAndKubectl(args: string[], env: Record<string, string>): Promise<{ kt: Result; kubectl: Result | undefined; windowMs: number }> {
  const started = Date.now();
  const [kt, kubectl] = await Promise.all([runKt(args, env), KUBECTL ? runKubectl(args, env) : undefined]);
  return { kt, kubectl, windowMs: Date.now() - started };
}

describe('fault rules', () => {
  it('match by glob, method, watch, skip and times', () => {
    const f = new Faults([{ path: '/api/v1/namespaces/*/pods', method: 'GET', skip: 1, times: 2, action: { kind: 'status', code: 503 } }]);
    const q = new URLSearchParams();
    expect(f.match('GET', '/api/v1/namespaces/shop/pods', q)).toBeUndefined(); // skipped
    expect(f.match('GET', '/api/v1/namespaces/shop/pods', q)).toBeDefined();
    expect(f.match('POST', '/api/v1/namespaces/shop/pods', q)).toBeUndefined();
    expect(f.match('GET', '/api/v1/namespaces/shop/pods/x', q)).toBeUndefined();
    expect(f.match('GET', '/api/v1/namespaces/a/pods', q)).toBeDefined();
    expect(f.match('GET', '/api/v1/namespaces/a/pods', q)).toBeUndefined(); // times used up
    const w = new Faults([{ path: '**/events', watch: true, action: { kind: 'gone' } }]);
    expect(w.match('GET', '/api/v1/namespaces/a/events', new URLSearchParams('watch=true'))).toBeDefined();
    expect(w.match('GET', '/api/v1/namespaces/a/events', new URLSearchParams())).toBeUndefined();
  });

  it('parse from `kt sim --fault` specs, and reject bad ones', () => {
    expect(parseFaultSpec('status=429,retry-after=1,times=2,path=/api/v1/namespaces/*/pods')).toEqual({
      path: '/api/v1/namespaces/*/pods', times: 2, action: { kind: 'status', code: 429, retryAfter: 1 },
    } satisfies FaultRule);
    expect(parseFaultSpec('delay=1.5s').action).toEqual({ kind: 'delay', ms: 1500 });
    expect(parseFaultSpec('cut,after-lines=3,path=**/log').action).toEqual({ kind: 'cut', afterLines: 3 });
    expect(parseFaultSpec('gone,after-ms=200,watch=true')).toMatchObject({ watch: true, action: { kind: 'gone', afterMs: 200 } });
    expect(() => parseFaultSpec('status=abc')).toThrow(/status must be/);
    expect(() => parseFaultSpec('times=2')).toThrow(/no action/);
    expect(() => parseFaultSpec('reset,bogus=1')).toThrow(/unknown key "bogus"/);
  });

  it('word RBAC denials as the apiserver does', () => {
    const q = new URLSearchParams();
    expect(forbiddenStatus('GET', '/api/v1/namespaces/default/pods', q, 'x').message).toBe('pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "default"');
    expect(forbiddenStatus('GET', '/api/v1/namespaces/shop/pods/web/log', q, 'x').message).toBe('pods "web" is forbidden: User "x" cannot get resource "pods/log" in API group "" in the namespace "shop"');
    expect(forbiddenStatus('GET', '/api/v1/events', new URLSearchParams('watch=true'), 'x').message).toBe('events is forbidden: User "x" cannot watch resource "events" in API group "" at the cluster scope');
    expect(forbiddenStatus('PATCH', '/api/v1/namespaces/a/pods/p/ephemeralcontainers', q, 'x').message).toBe('pods "p" is forbidden: User "x" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "a"');
    expect(forbiddenStatus('GET', '/apis/metrics.k8s.io/v1beta1/nodes', q, 'x').message).toBe('nodes.metrics.k8s.io is forbidden: User "x" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope');
    expect(forbiddenStatus('GET', '/api', q, 'x').message).toBe('forbidden: User "x" cannot get path "/api"');
  });

  it('retry as client-go does: Retry-After on 429/5xx for any verb; kt backs off GETs on a bare 5xx', () => {
    expect(retryDelayMs('GET', 429, '2', 0)).toBe(2000);
    expect(retryDelayMs('POST', 503, '1', 0)).toBe(1000);
    expect(retryDelayMs('GET', 429, undefined, 0)).toBeUndefined();
    expect(retryDelayMs('GET', 429, '1', 10)).toBeUndefined(); // client-go's maxRetries
    expect(retryDelayMs('GET', 503, undefined, 0)).toBe(250);
    expect(retryDelayMs('GET', 500, undefined, 2)).toBe(1000);
    expect(retryDelayMs('GET', 500, undefined, 3)).toBeUndefined();
    expect(retryDelayMs('POST', 500, undefined, 0)).toBeUndefined();
    expect(retryDelayMs('GET', 404, '1', 0)).toBeUndefined();
  });
});

describe('kt under faults, compared with kubectl 1.32', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  /** Runs kt (and kubectl, when present) with one fault installed for each; checks kt never shows a stack. */
  async function underFault(rule: FaultRule, args: string[]): Promise<{ kt: Result; kubectl: Result | undefined; windowMs: number }> {
    t.sim.faults.clear();
    // Two clients at once: give each its own copy of the rule so `times` counts per client.
    t.sim.faults.add({ ...rule, ...(KUBECTL && rule.times !== undefined ? { times: rule.times * 2 } : {}) });
    const r = await ktAndKubectl(args, t.env);
    t.sim.faults.clear();
    expect(r.kt.stderr).not.toMatch(STACK);
    return r;
  }

  /** kubectl's words for a timeout depend on which of its two timers fires first; kt always uses the first. */
  const TIMEOUT_WORDS = /^Unable to connect to the server: (net\/http: request canceled \(Client\.Timeout exceeded while awaiting headers\)|context deadline exceeded( \(Client\.Timeout exceeded while awaiting headers\))?)\n$/;
  const cases: { name: string; rule: FaultRule; args: string[]; stderr: string; code: number; racy?: boolean }[] = [
    { name: '403 on a list names the verb, resource and scope', rule: { path: '/api/v1/nodes', action: { kind: 'forbidden', user: 'jane' } }, args: ['top', 'node'], stderr: 'Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n', code: 1 },
    { name: '403 on a get names the object', rule: { path: '/api/v1/namespaces/shop/pods/*', action: { kind: 'forbidden', user: 'jane' } }, args: ['logs', '-n', 'shop', 'payments-0'], stderr: 'Error from server (Forbidden): pods "payments-0" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "shop"\n', code: 1 },
    { name: '403 on pods/log', rule: { path: '**/log', action: { kind: 'forbidden', user: 'jane' } }, args: ['logs', '-n', 'shop', 'payments-0'], stderr: 'Error from server (Forbidden): pods "payments-0" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "shop"\n', code: 1 },
    { name: '403 on metrics', rule: { path: '/apis/metrics.k8s.io/**', action: { kind: 'forbidden', user: 'jane' } }, args: ['top', 'pod', '-n', 'shop'], stderr: 'Error from server (Forbidden): pods.metrics.k8s.io is forbidden: User "jane" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "shop"\n', code: 1 },
    { name: '403 on events', rule: { path: '**/events', action: { kind: 'forbidden', user: 'jane' } }, args: ['events', '-n', 'shop'], stderr: 'Error from server (Forbidden): events is forbidden: User "jane" cannot list resource "events" in API group "" in the namespace "shop"\n', code: 1 },
    { name: '401', rule: { path: '/api/v1/**', action: { kind: 'unauthorized' } }, args: ['events', '-n', 'shop'], stderr: 'error: You must be logged in to the server (Unauthorized)\n', code: 1 },
    { name: 'a persistent 500 (after kt\'s retries)', rule: { path: '/api/v1/namespaces/shop/**', action: { kind: 'status', code: 500 } }, args: ['logs', '-n', 'shop', 'payments-0'], stderr: 'Error from server (InternalError): Internal error occurred: etcdserver: request timed out\n', code: 1 },
    { name: 'a 429 without Retry-After', rule: { path: '/api/v1/namespaces/shop/pods/**', action: { kind: 'status', code: 429 } }, args: ['logs', '-n', 'shop', 'payments-0'], stderr: 'Error from server (TooManyRequests): Too many requests, please try again later.\n', code: 1 },
    { name: '429 with Retry-After twice, then success', rule: { path: '/apis/metrics.k8s.io/v1beta1/nodes', times: 2, action: { kind: 'status', code: 429, retryAfter: 1 } }, args: ['top', 'node'], stderr: '', code: 0 },
    { name: '--request-timeout on a slow server', rule: { path: '/api/v1/namespaces/shop/pods/*', action: { kind: 'delay', ms: 10 * 60_000 } }, args: ['logs', '-n', 'shop', 'payments-0', '--request-timeout=1s'], stderr: 'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)\n', code: 1, racy: true },
    { name: '--request-timeout on slow metrics', rule: { path: '/apis/metrics.k8s.io/v1beta1/nodes', action: { kind: 'delay', ms: 10 * 60_000 } }, args: ['top', 'node', '--request-timeout=1s'], stderr: 'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)\n', code: 1, racy: true },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const r = await underFault(c.rule, c.args);
      expect(r.kt.stderr).toBe(c.stderr);
      expect(r.kt.code).toBe(c.code);
      if (!r.kubectl) return;
      const want: KubectlExpectation = c.code === 0 ? succeeds() : fails(c.racy ? TIMEOUT_WORDS : afterDiscoveryLog(c.stderr));
      await compareResults(want, r.kt, r.kubectl, c.racy ? { kubectlOnly: (k) => ({ ...k, stderr: c.stderr }) } : {});
    });
  }

  it('honours Retry-After: two 429s with Retry-After: 1 take about two seconds, then succeed', async () => {
    t.sim.faults.clear();
    const hit = t.sim.faults.add({ path: '/apis/metrics.k8s.io/v1beta1/nodes', times: 2, action: { kind: 'status', code: 429, retryAfter: 1 } });
    const started = Date.now();
    const r = await runKt(['top', 'node', '-v=4'], t.env);
    const ms = Date.now() - started;
    t.sim.faults.clear();
    expect(r.code).toBe(0);
    expect(hit.hits).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(r.stderr).toMatch(/with_retry\.go:234\] Got a Retry-After 1s response for attempt 1 to http:\/\/.*\/apis\/metrics\.k8s\.io\/v1beta1\/nodes\n/);
    expect(r.stderr).toMatch(/Got a Retry-After 1s response for attempt 2 to /);
  });

  it('kt retries a GET through a transient 503 (kubectl gives up at once) and prints the same as without it', async () => {
    t.sim.faults.clear();
    const clean = await runKt(['logs', '-n', 'shop', 'payments-0'], t.env);
    t.sim.faults.add({ path: '/api/v1/namespaces/shop/pods/payments-0', times: 2, action: { kind: 'status', code: 503 } });
    const r = await runKt(['logs', '-n', 'shop', 'payments-0'], t.env);
    t.sim.faults.clear();
    expect(r).toEqual(clean);
  });

  it('never retries a write without Retry-After', async () => {
    t.sim.faults.clear();
    const hit = t.sim.faults.add({ path: '/api/v1/namespaces/shop/pods/payments-0/ephemeralcontainers', method: 'PATCH', action: { kind: 'status', code: 503 } });
    const r = await runKt(['debug', '-n', 'shop', 'payments-0', '--image=busybox', '-q'], t.env);
    t.sim.faults.clear();
    expect(hit.hits).toBe(1);
    expect(r.stderr).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request\n');
    expect(r.code).toBe(1);
  });

  it('a connection reset on every attempt: retried as client-go does (10 × 1s), then `EOF`', needs('kubectl'), async () => {
    const r = await underFault({ path: '/api/v1/namespaces/shop/pods/payments-0', action: { kind: 'reset' } }, ['logs', '-n', 'shop', 'payments-0']);
    expect(r.kt.stderr).toBe('Unable to connect to the server: EOF\n');
    await compareResults(fails('Unable to connect to the server: EOF\n'), r.kt, r.kubectl!);
  });

  it('--request-timeout also bounds the waits between retries, in client-go\'s words', async () => {
    // Unbounded, ten retries would end in `Error from server (TooManyRequests)`: the words show the bound held.
    const r = await underFault({ path: '/api/v1/namespaces/shop/pods/*', action: { kind: 'status', code: 429, retryAfter: 1 } }, ['logs', '-n', 'shop', 'payments-0', '--request-timeout=1500ms']);
    expect(r.kt.stderr).toBe('error: client rate limiter Wait returned an error: context deadline exceeded\n');
    expect(r.kt.code).toBe(1);
    if (r.kubectl) await compareResults(fails('error: client rate limiter Wait returned an error: context deadline exceeded\n'), r.kt, r.kubectl);
  });

  it('--request-timeout ends a follow with kubectl\'s `context deadline exceeded`, never a hang', async () => {
    const r = await underFault({ path: '/nothing', action: { kind: 'reset' } }, ['logs', '-f', '-n', 'shop', 'payments-0', '--request-timeout=1s']);
    expect(r.kt.stderr).toBe('error: context deadline exceeded\n');
    expect(r.kt.code).toBe(1);
    // kubectl's words depend on which of its timers fires first (three variants seen); kt always uses the first.
    const words = /^error: (context deadline exceeded|net\/http: request canceled \(Client\.Timeout or context cancellation while reading body\)|context deadline exceeded \(Client\.Timeout or context cancellation while reading body\))\n$/;
    if (r.kubectl) await compareResults(fails(words, { stdout: 'non-empty' }), r.kt, r.kubectl, { kubectlOnly: (k) => ({ ...k, stderr: r.kt.stderr }) });
  });

  it('--request-timeout ends events -w quietly with exit 0, as kubectl', async () => {
    const r = await underFault({ path: '/nothing', action: { kind: 'reset' } }, ['events', '-w', '-n', 'shop', '--request-timeout=1s']);
    expect(r.kt.code).toBe(0);
    expect(r.kt.stdout.split('\n').length).toBeGreaterThan(2);
    if (r.kubectl) await compareResults(succeeds(), r.kt, r.kubectl, { agesWithinMs: r.windowMs });
  });

  it('a refused connection', needs('kubectl'), async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-refused-'));
    const kc = join(dir, 'kubeconfig');
    writeFileSync(kc, stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'c', cluster: { server: 'http://127.0.0.1:1' } }], users: [{ name: 'u', user: {} }], contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }], 'current-context': 'x' }));
    for (const args of [['top', 'pod'], ['logs', 'x'], ['events'], ['debug', 'x', '--image=busybox', '--profile=general']]) {
      const refused = 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n';
      const r = await ktAndKubectl(args, { KUBECONFIG: kc, HOME: dir, KUBECACHEDIR: join(dir, 'cache') });
      await compareResults(fails(afterDiscoveryLog(refused)), r.kt, r.kubectl!);
    }
  });
});

describe('TLS and credentials', () => {
  let t: TestSim;
  let dir: string;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', tls: true });
    dir = mkdtempSync(join(tmpdir(), 'kt-tls-'));
  });
  afterAll(async () => t?.stop());

  const config = (edit: (c: { clusters: { cluster: Record<string, unknown> }[]; users: { user: Record<string, unknown> }[] }) => void): Record<string, string> => {
    const c = parse(t.sim.kubeconfig) as Parameters<typeof edit>[0];
    edit(c);
    const file = join(dir, `kc-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, stringify(c));
    return { ...t.env, KUBECONFIG: file };
  };

  it('verifies the server by default with the kubeconfig CA data', async () => {
    const r = await runKt(['top', 'node'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME +CPU\(cores\)/);
  });

  it('refuses a self-signed server without the CA, in Go\'s words, and --insecure-skip-tls-verify accepts it', async () => {
    const env = config((c) => delete c.clusters[0]!.cluster['certificate-authority-data']);
    const unknownCA = 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n';
    const bad = await ktAndKubectl(['top', 'node'], env);
    expect(bad.kt.stderr).toBe(unknownCA);
    expect(bad.kt.code).toBe(1);
    if (bad.kubectl) await compareResults(fails(afterDiscoveryLog(unknownCA)), bad.kt, bad.kubectl);
    const ok = await runKt(['top', 'node', '--insecure-skip-tls-verify'], env);
    expect(ok.code).toBe(0);
  });

  it('runs an exec credential plugin, passing its stderr through; a failing plugin is reported as kubectl does', async () => {
    const plugin = join(dir, 'plugin.sh');
    writeFileSync(plugin, `#!/bin/sh\necho "plugin: opening the browser" >&2\n[ -n "$FAIL" ] && { echo "plugin: denied" >&2; exit 3; }\nprintf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${t.sim.token}"}}'\n`);
    chmodSync(plugin, 0o755);
    const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' };
    const good = config((c) => (c.users[0]!.user = { exec }));
    const r = await ktAndKubectl(['top', 'node'], good);
    expect(r.kt.code).toBe(0);
    expect(r.kt.stderr).toBe('plugin: opening the browser\n');
    if (r.kubectl) await compareResults(succeeds('plugin: opening the browser\n'), r.kt, r.kubectl);
    const failing = config((c) => (c.users[0]!.user = { exec: { ...exec, env: [{ name: 'FAIL', value: '1' }] } }));
    const denied = `plugin: opening the browser\nplugin: denied\nUnable to connect to the server: getting credentials: exec: executable ${plugin} failed with exit code 3\n`;
    const f = await ktAndKubectl(['top', 'node'], failing);
    expect(f.kt.stderr).toBe(denied);
    expect(f.kt.code).toBe(1);
    if (f.kubectl) await compareResults(fails(denied), f.kt, f.kubectl);
  });

  it('a wrong token is a 401 in kubectl\'s words', async () => {
    const r = await runKt(['top', 'node', '--token', 'not-the-token'], t.env);
    expect(r.stderr).toBe('error: You must be logged in to the server (the server has asked for the client to provide credentials)\n');
    expect(r.code).toBe(1);
  });
});
