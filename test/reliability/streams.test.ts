// Streams under faults (a log stream cut or rotated, a watch expired), Ctrl-C during follow and watch, a closed
// pipe, and commands that end by themselves — nothing kt starts may keep the process alive.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, KT_BIN, KUBECTL, runKt } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { sleep, startKt, STACK, until, within } from './helpers.js';

describe('log streams and watches under faults', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  for (const kind of ['rotate', 'cut'] as const) {
    it(`logs -f through a ${kind === 'rotate' ? 'kubelet log rotation (clean end)' : 'cut stream (no terminator)'}: as kubectl without --resume`, async () => {
      t.sim.faults.clear();
      t.sim.faults.add({ path: '**/log', action: { kind, afterLines: 1 } });
      const args = ['logs', '-f', '-n', 'shop', 'payments-0'];
      const r = KUBECTL ? await both(args, t.env) : { kt: await runKt(args, t.env), kubectl: undefined };
      t.sim.faults.clear();
      expect(r.kt.stdout).toBe('2026-01-01 00:00:00.000 UTC [1] LOG:  database system is ready to accept connections\n');
      expect(r.kt.stderr).toBe(kind === 'cut' ? 'error: unexpected EOF\n' : '');
      expect(r.kt.code).toBe(kind === 'cut' ? 1 : 0);
      if (r.kubectl) expect(r.kt).toEqual(r.kubectl);
    });

    it(`logs -f --resume through a ${kind}: every line exactly once, then Ctrl-C exits 1 as kubectl does`, async () => {
      t.sim.faults.clear();
      const clean = await runKt(['logs', '-n', 'default', 'hello-unicode'], t.env);
      const hit = t.sim.faults.add({ path: '**/log', times: 2, action: { kind, afterLines: 1 } });
      const kt = startKt(['logs', '-f', '--resume', '-n', 'default', 'hello-unicode'], t.env);
      try {
        await until('the whole log', () => kt.stdout() === clean.stdout && hit.hits === 2);
        t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', `after the ${kind}`);
        await until('the new line', () => kt.stdout().endsWith(`after the ${kind}\n`));
        expect(kt.stdout()).toBe(`${clean.stdout}after the ${kind}\n`);
        kt.child.kill('SIGINT');
        const { code } = await within(3000, kt.exited);
        expect(code).toBe(1);
        expect(kt.stderr()).not.toMatch(STACK);
      } finally {
        kt.child.kill('SIGKILL');
        t.sim.faults.clear();
      }
    });
  }

  it('events -w --reconnect relists after 410 Gone and prints nothing twice', async () => {
    t.sim.faults.clear();
    t.sim.faults.add({ path: '**/events', watch: true, times: 1, action: { kind: 'gone', afterMs: 300 } });
    const kt = startKt(['events', '-w', '--reconnect', '-n', 'shop'], t.env);
    try {
      await until('the relist notice', () => kt.stderr().includes('(410 Gone)'));
      await sleep(300);
      const rows = kt.stdout().trimEnd().split('\n').slice(1);
      expect(new Set(rows).size).toBe(rows.length);
      expect(kt.stderr()).toMatch(/^kt: watch expired \(410 Gone\) at resourceVersion \d+; relisting\n/);
      kt.child.kill('SIGINT');
      expect((await within(3000, kt.exited)).code).toBe(1);
    } finally {
      kt.child.kill('SIGKILL');
      t.sim.faults.clear();
    }
  });

  it('events -w without --reconnect ends with exit 0 on 410, as kubectl', async () => {
    t.sim.faults.clear();
    t.sim.faults.add({ path: '**/events', watch: true, action: { kind: 'gone', afterMs: 200 } });
    const r = await runKt(['events', '-w', '-n', 'shop'], t.env);
    t.sim.faults.clear();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('signals, pipes and exiting by itself', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  for (const args of [['logs', '-f', '-n', 'shop', 'payments-0'], ['logs', '-f', '-n', 'shop', 'deploy/web', '--all-pods'], ['events', '-w', '-A']]) {
    it(`Ctrl-C during \`kt ${args.join(' ')}\` exits at once with code 1 (kubectl's)`, async () => {
      const kt = startKt(args, t.env);
      try {
        await until('output', () => kt.stdout().length > 0);
        await sleep(100);
        kt.child.kill('SIGINT');
        const r = await within(2000, kt.exited);
        expect(r.code).toBe(1);
        expect(kt.stderr()).not.toMatch(STACK);
      } finally {
        kt.child.kill('SIGKILL');
      }
    });
  }

  it('`kt logs … | head -1` exits quietly', async () => {
    t.sim.cluster.logs.setLines('shop', 'payments-0', 'postgres', Array.from({ length: 50_000 }, (_, i) => ({ ms: Date.UTC(2026, 0, 1) + i, subNs: 0, text: `line ${i} ${'x'.repeat(80)}` })));
    for (const follow of [[], ['-f']]) {
      // bash, for PIPESTATUS[0]: kt's own exit code.
      const child = spawn('bash', ['-c', `"${process.execPath}" "${KT_BIN}" logs -n shop payments-0 ${follow.join(' ')} | head -1; echo "kt exit \${PIPESTATUS[0]}"`], { env: { ...process.env, ...t.env } });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      await within(5000, new Promise((r) => child.on('exit', r)), 'kt | head -1');
      expect(out.split('\n')[0]).toBe(`line 0 ${'x'.repeat(80)}`);
      expect(out.split('\n')[1]).toBe('kt exit 0');
      expect(err).toBe('');
    }
  });

  const oneShot = [
    ['top', 'pod', '-A'], ['top', 'node'], ['logs', '-n', 'shop', 'payments-0'], ['logs', '-n', 'shop', '-l', 'app=web', '--all-containers'],
    ['events', '-A'], ['events', '-n', 'shop', '--for', 'deploy/checkout', '--related'], ['debug', '-n', 'shop', 'payments-0', '--image=busybox', '-q'],
    ['logs', '-n', 'shop', 'payments-0', '--request-timeout=30s'], ['logs', '-n', 'shop', 'nope'],
  ];
  for (const args of oneShot) {
    it(`\`kt ${args.join(' ')}\` ends by itself (no socket or timer left behind)`, async () => {
      const started = Date.now();
      const r = await runKt(args, t.env);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});
