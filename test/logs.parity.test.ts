// kt logs against real kubectl 1.32 on the same simulated cluster: each case first checks that kubectl did what the
// case says (so a broken sim fails it), then that kt's stdout, stderr and exit code are identical, and that the
// pods/log requests carry the same query strings. The cases live in helpers/parity/logs-cases.ts (shared with the
// sabotage test), which also explains how streams kubectl prints in a random order are compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubectl } from './helpers/kubectl.js';
import { compareResults, expectParity, fails, succeeds, type KubectlExpectation } from './helpers/parity.js';
import { startKt, type Proc } from './helpers/process.js';
import { needs } from './helpers/requirements.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { checkLogs, LOGS_DEMO, LOGS_EDGE } from './helpers/parity/logs-cases.js';

/** kt and kubectl following the same stream, both started at once. */
/** kt gets `ktOnly` on top (e.g. `--resume=false`, kubectl's behaviour where kt's default differs). */
function followBoth(args: string[], env: Record<string, string>, ktOnly: string[] = []): { kt: Proc; kubectl: Proc; stop(): void } {
  const kt = startKt([...args, ...ktOnly], env);
  const kubectl = startKubectl(args, env);
  return { kt, kubectl, stop: () => (kt.kill(), kubectl.kill()) };
}

describe('kt logs matches kubectl 1.32 on the demo scenario', needs('kubectl'), () => {
  let t: TestSim;
  const requests: { ua: string; url: string }[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => requests.push({ ua: String(r.headers['user-agent'] ?? ''), url: r.url }) });
  });
  afterAll(async () => t?.stop());

  it.each(LOGS_DEMO)('$name: kt logs $args', (c) => checkLogs(c, t));

  const variants: { args: string[]; kubectl: KubectlExpectation }[] = [
    { args: ['hello-unicode'], kubectl: succeeds() },
    { args: ['hello-unicode', '--timestamps', '--limit-bytes=100', '--tail=0', '--since=1500ms', '--insecure-skip-tls-verify-backend'], kubectl: succeeds('empty', 'empty') },
    { args: ['hello-unicode', '--since-time=2020-01-01T10:00:00.5-03:30', '-p', '--ignore-errors'], kubectl: succeeds('empty', /^error: previous terminated container "hello" in pod "hello-unicode" not found\n$/) },
    { args: ['-n', 'shop', '-l', 'app=web', '--prefix'], kubectl: succeeds() },
    { args: ['-n', 'shop', '-l', 'app=web', '--tail=3'], kubectl: succeeds() },
    { args: ['-n', 'shop', 'deploy/checkout', '--all-containers', '--tail=-1'], kubectl: succeeds() },
    { args: ['-n', 'batch', 'nightly-report-7xk2p', '-f', '--since=0s'], kubectl: succeeds() },
  ];
  it.each(variants)('sends the same pods/log query strings as kubectl: kt logs $args', async ({ args, kubectl: want }) => {
    requests.length = 0;
    // The output of these is compared by the cases above (some in a random order); here the requests are.
    const { kt } = await expectParity(want, ['logs', ...args], t.env, { compare: () => {} });
    expect(kt.code).toBe(want.code);
    const logs = (who: RegExp): string[] => requests.filter((r) => who.test(r.ua) && r.url.includes('/log')).map((r) => r.url).sort();
    const kubectl = logs(/^kubectl/);
    expect(kubectl.length).toBeGreaterThan(0);
    expect(logs(/^kt\//)).toEqual(kubectl);
  });

  it('follows a running container until the kubelet ends the stream', async () => {
    const run = followBoth(['logs', '-f', 'hello-unicode', '--tail=1'], t.env);
    try {
      // Each printed its tail, so its follow stream is open: the sim subscribes it as it sends the tail.
      await Promise.all([run.kt.waitForOutput('tab\tseparated\tfields\n'), run.kubectl.waitForOutput('tab\tseparated\tfields\n')]);
      t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'appended while following ✓');
      t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'second');
      t.sim.cluster.logs.terminate('default', 'hello-unicode', 'hello');
      const [kt, kubectl] = await Promise.all([run.kt.result(), run.kubectl.result()]);
      await compareResults(succeeds('empty', 'tab\tseparated\tfields\nappended while following ✓\nsecond\n'), kt, kubectl);
    } finally {
      run.stop();
    }
  });

  // kt resumes a cut stream by default (test/logs.follow.test.ts); --resume=false is kubectl's behaviour.
  it('with --resume=false, ends with the same error when a followed stream is cut (1.32 does not reconnect)', async () => {
    const run = followBoth(['logs', '-f', '-n', 'shop', 'web-7d9c6b5f4-zt8mn', '--tail=1', '--timestamps'], t.env, ['--resume=false']);
    try {
      await Promise.all([run.kt.waitForOutput('favicon.ico'), run.kubectl.waitForOutput('favicon.ico')]);
      t.sim.cluster.appendLog('shop', 'web-7d9c6b5f4-zt8mn', 'nginx', 'just before the cut');
      // A cut drops what is still buffered: cut once both have printed the line.
      await Promise.all([run.kt.waitForOutput(' just before the cut\n'), run.kubectl.waitForOutput(' just before the cut\n')]);
      t.sim.cluster.logs.cut('shop', 'web-7d9c6b5f4-zt8mn', 'nginx');
      const [kt, kubectl] = await Promise.all([run.kt.result(), run.kubectl.result()]);
      await compareResults(fails('error: unexpected EOF\n', { stdout: /Z just before the cut\n$/ }), kt, kubectl);
    } finally {
      run.stop();
    }
  });
});

describe('kt logs matches kubectl 1.32 on the logs-edge scenario', needs('kubectl'), () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'logs-edge' });
  });
  afterAll(async () => t?.stop());

  it.each(LOGS_EDGE)('$name: kt logs $args', (c) => checkLogs(c, t));

  // kubectl waits for a pod with a watch until --pod-running-timeout, then gives up in its own words.
  it('times out waiting for a pod behind a service, as kubectl does', async () => {
    await expectParity(fails('error: timed out waiting for the condition\n'), ['logs', '-n', 'edge', 'svc/nopods', '--pod-running-timeout=1s'], t.env);
  });
});
