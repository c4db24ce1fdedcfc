// Streams under faults (a log stream cut or rotated, a watch expired), Ctrl-C during follow and watch, a closed
// pipe, and commands that end by themselves — nothing kt starts may keep the process alive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, KUBECTL, runKt, runKubectl } from '../helpers/kubectl.js';
import { compareResults, fails, succeeds } from '../helpers/parity.js';
import { spawnProcess } from '../helpers/process.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { RESOURCE_TYPES } from '../../src/k8s/resources.js';
import { startKt, STACK, until } from './helpers.js';

const EVENTS = RESOURCE_TYPES.find((r) => r.group === '' && r.resource === 'events')!;

describe('log streams and watches under faults', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  for (const kind of ['rotate', 'cut'] as const) {
    it(`logs -f through a ${kind === 'rotate' ? 'kubelet log rotation (clean end)' : 'cut stream (no terminator)'}: with --resume=false, as kubectl`, async () => {
      t.sim.faults.clear();
      t.sim.faults.add({ path: '**/log', action: { kind, afterLines: 1 } });
      const args = ['logs', '-f', '-n', 'shop', 'payments-0'];
      // kt resumes by default (the next test); --resume=false is kubectl's behaviour.
      const [kt, kubectl] = await Promise.all([runKt([...args, '--resume=false'], t.env), KUBECTL ? runKubectl(args, t.env) : undefined]);
      t.sim.faults.clear();
      const line = '2026-01-01 00:00:00.000 UTC [1] LOG:  database system is ready to accept connections\n';
      expect(kt.stdout).toBe(line);
      expect(kt.stderr).toBe(kind === 'cut' ? 'error: unexpected EOF\n' : '');
      expect(kt.code).toBe(kind === 'cut' ? 1 : 0);
      if (kubectl) await compareResults(kind === 'cut' ? fails('error: unexpected EOF\n', { stdout: line }) : succeeds('empty', line), kt, kubectl);
    });

    it(`logs -f (resuming by default) through a ${kind}: every line exactly once, then Ctrl-C exits 1 as kubectl does`, async () => {
      t.sim.faults.clear();
      const clean = await runKt(['logs', '-n', 'default', 'hello-unicode'], t.env);
      const hit = t.sim.faults.add({ path: '**/log', times: 2, action: { kind, afterLines: 1 } });
      const kt = startKt(['logs', '-f', '-n', 'default', 'hello-unicode'], t.env);
      try {
        await until('the whole log', () => kt.stdout() === clean.stdout && hit.hits === 2);
        t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', `after the ${kind}`);
        await until('the new line', () => kt.stdout().endsWith(`after the ${kind}\n`));
        expect(kt.stdout()).toBe(`${clean.stdout}after the ${kind}\n`);
        kt.interrupt();
        expect((await kt.result()).code).toBe(1);
        expect(kt.stderr()).not.toMatch(STACK);
      } finally {
        kt.kill();
        t.sim.faults.clear();
      }
    });
  }

  it('events -w (reconnecting by default) relists after 410 Gone and prints nothing twice', async () => {
    t.sim.faults.clear();
    t.sim.faults.add({ path: '**/events', watch: true, times: 1, action: { kind: 'gone', afterMs: 300 } });
    const kt = startKt(['events', '-w', '-n', 'shop'], t.env);
    const at = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    try {
      await kt.waitForOutput('(410 Gone)', { stream: 'stderr' });
      // An event added now is printed only once the relist is done and the watch resumed.
      t.sim.cluster.addEvent({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'after-relist.1', namespace: 'shop' }, involvedObject: { kind: 'Pod', namespace: 'shop', name: 'payments-0', apiVersion: 'v1' }, reason: 'AfterRelist', message: 'added after the relist', source: { component: 'kt-tests' }, firstTimestamp: at, lastTimestamp: at, count: 1, type: 'Normal' });
      await kt.waitForOutput(/AfterRelist.*\n/);
      const rows = kt.stdout().trimEnd().split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows).size).toBe(rows.length);
      expect(kt.stderr()).toMatch(/^kt: watch expired \(410 Gone\) at resourceVersion \d+; relisting\n/);
      kt.interrupt();
      expect((await kt.result()).code).toBe(1);
    } finally {
      kt.kill();
      t.sim.faults.clear();
      t.sim.cluster.store.delete(EVENTS, 'shop', 'after-relist.1');
    }
  });

  it('events -w --reconnect=false ends with exit 0 on 410, as kubectl', async () => {
    t.sim.faults.clear();
    t.sim.faults.add({ path: '**/events', watch: true, action: { kind: 'gone', afterMs: 200 } });
    const r = await runKt(['events', '-w', '-n', 'shop', '--reconnect=false'], t.env);
    t.sim.faults.clear();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('signals, pipes and exiting by itself', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    // The sim never closes idle keep-alive sockets (Node would after 5 s), so it never ends a kt that holds one
    // open: such a kt would not exit, and the hung-test ceiling would say so.
    t.sim.server.keepAliveTimeout = 0;
  });
  afterAll(async () => t?.stop());

  for (const args of [['logs', '-f', '-n', 'shop', 'payments-0'], ['logs', '-f', '-n', 'shop', 'deploy/web', '--all-pods'], ['events', '-w', '-A']]) {
    it(`Ctrl-C during \`kt ${args.join(' ')}\` exits at once with code 1 (kubectl's)`, async () => {
      const kt = startKt(args, t.env);
      try {
        // Output means the stream (or watch) is open: Ctrl-C now interrupts it, not the start-up.
        await kt.waitForOutput(/\n/);
        kt.interrupt();
        expect((await kt.result()).code).toBe(1);
        expect(kt.stderr()).not.toMatch(STACK);
      } finally {
        kt.kill();
      }
    });
  }

  it('`kt logs … | head -1` exits quietly', async () => {
    t.sim.cluster.logs.setLines('shop', 'payments-0', 'postgres', Array.from({ length: 50_000 }, (_, i) => ({ ms: Date.UTC(2026, 0, 1) + i, subNs: 0, text: `line ${i} ${'x'.repeat(80)}` })));
    for (const follow of [[], ['-f']]) {
      // bash, for PIPESTATUS[0]: kt's own exit code. A kt that ignored the closed pipe would hang (-f) or error.
      const r = await spawnProcess('bash', ['-c', `"${process.execPath}" "${KT_BIN}" logs -n shop payments-0 ${follow.join(' ')} | head -1; echo "kt exit \${PIPESTATUS[0]}"`], t.env).result();
      expect(r.stdout.split('\n')[0]).toBe(`line 0 ${'x'.repeat(80)}`);
      expect(r.stdout.split('\n')[1]).toBe('kt exit 0');
      expect(r.stderr).toBe('');
    }
  });

  const oneShot = [
    ['top', 'pod', '-A'], ['top', 'node'], ['logs', '-n', 'shop', 'payments-0'], ['logs', '-n', 'shop', '-l', 'app=web', '--all-containers'],
    ['events', '-A'], ['events', '-n', 'shop', '--for', 'deploy/checkout', '--related'], ['debug', '-n', 'shop', 'payments-0', '--image=busybox', '-q'],
    ['logs', '-n', 'shop', 'payments-0', '--request-timeout=10m'], ['logs', '-n', 'shop', 'nope'],
  ];
  for (const args of oneShot) {
    it(`\`kt ${args.join(' ')}\` ends by itself (no socket or timer left behind)`, async () => {
      // runKt fails the test when the process has not exited within the hung-test ceiling. A socket, request or
      // timer left behind would keep it alive far longer (sockets are never closed by the sim; the timeout is 10m).
      const r = await runKt(args, t.env);
      expect(r.code).toBeLessThan(128); // not ended by a signal
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});
