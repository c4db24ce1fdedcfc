// kt drill end to end: start a practice cluster in the background, answer with real kubectl, check (a wrong answer
// fails with exit 2, the right one passes), stop.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl } from './helpers/kubectl.js';

describe.skipIf(!KUBECTL)('kt drill', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kt-drill-'));
    env = { KT_DRILL_DIR: dir, HOME: dir };
  });
  afterAll(async () => {
    await runKt(['drill', 'stop'], env);
    rmSync(dir, { recursive: true, force: true });
  });

  const kubectlEnv = (): Record<string, string> => ({ KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache'), HOME: dir });

  it('lists its tasks', async () => {
    const r = await runKt(['drill', 'list'], env);
    expect(r.code).toBe(0);
    for (const t of ['highest-cpu', 'previous-log', 'warning-events', 'node-usage', 'debug-container']) expect(r.stdout).toContain(t);
  });

  it('check without a drill says how to start one', async () => {
    expect(await runKt(['drill', 'check'], env)).toMatchObject({ code: 1, stderr: 'error: no drill is running: start one with kt drill start [TASK]\n' });
  });

  it('highest-cpu: start, answer with kubectl, a wrong answer fails, the right one passes', async () => {
    const start = await runKt(['drill', 'start', 'highest-cpu'], env);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain(`export KUBECONFIG=${join(dir, 'kubeconfig')}\n`);
    expect(start.stdout).toContain(`write its name (NAME only) to ${join(dir, 'answer')}`);
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { pid: number };

    expect(await runKt(['drill', 'check'], env)).toMatchObject({ code: 2, stdout: `FAIL  highest-cpu: no answer yet: write it to ${join(dir, 'answer')}\n` });

    // The learner's kubectl, against the practice cluster.
    const top = await runKubectl(['top', 'pod', '-A', '--sort-by=cpu', '--no-headers'], kubectlEnv());
    expect(top.code).toBe(0);
    const rows = top.stdout.trim().split('\n').map((l) => l.split(/\s+/));

    writeFileSync(join(dir, 'answer'), `${rows[1]![1]}\n`); // the second-highest: wrong
    const wrong = await runKt(['drill', 'check'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toMatch(/^FAIL {2}highest-cpu: the answer is "payments-0"/);

    writeFileSync(join(dir, 'answer'), `${rows[0]![1]}\n`);
    const right = await runKt(['drill', 'check'], env);
    expect(right.stdout).toMatch(/^PASS {2}highest-cpu: checkout-6f8b9c7d5-p4x7w uses the most CPU \(948m\)\n/);
    expect(right.code).toBe(0);

    const stop = await runKt(['drill', 'stop'], env);
    expect(stop).toMatchObject({ code: 0, stdout: 'Stopped the practice cluster (task highest-cpu).\n' });
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(() => process.kill(state.pid, 0)).toThrow();
  });

  it('debug-container: checked from the cluster itself (no answer file)', async () => {
    expect((await runKt(['drill', 'start', 'debug-container'], env)).code).toBe(0);
    const k = kubectlEnv();
    expect((await runKubectl(['debug', '-n', 'shop', 'web-7d9c6b5f4-kx2vq', '--image=busybox', '--profile=general', '-q'], k)).code).toBe(0);
    const untargeted = await runKt(['drill', 'check'], env);
    expect(untargeted.code).toBe(2);
    expect(untargeted.stdout).toContain('runs busybox but does not target nginx');
    expect((await runKubectl(['debug', '-n', 'shop', 'web-7d9c6b5f4-kx2vq', '--image=busybox', '--target=nginx', '--profile=general', '-q'], k)).code).toBe(0);
    const pass = await runKt(['drill', 'check'], env);
    expect(pass.stdout).toMatch(/^PASS {2}debug-container: ephemeral container debugger-\w+ \(busybox\) targets nginx\n/);
    expect(pass.code).toBe(0);
  });

  it('previous-log: kubectl logs --previous is the answer', async () => {
    expect((await runKt(['drill', 'start', 'previous-log'], env)).code).toBe(0); // replaces the running drill
    const k = kubectlEnv();
    const current = await runKubectl(['logs', '-n', 'shop', 'deploy/checkout', '-c', 'istio-proxy', '--tail=1'], k);
    writeFileSync(join(dir, 'answer'), current.stdout);
    expect((await runKt(['drill', 'check'], env)).code).toBe(2);
    const prev = await runKubectl(['logs', '-n', 'shop', 'deploy/checkout', '-c', 'app', '--previous', '--tail=1'], k);
    expect(prev.code).toBe(0);
    writeFileSync(join(dir, 'answer'), prev.stdout);
    expect(await runKt(['drill', 'check'], env)).toMatchObject({ code: 0 });
  });
});
