// A CKA learner's path: start `kt sim` as a process, point real kubectl 1.32 at the kubeconfig it writes, and use
// it. Each command must succeed and say what a real cluster would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, KUBECTL, runKubectl } from './helpers/kubectl.js';

async function startSimProcess(extra: string[]): Promise<{ proc: ChildProcess; dir: string; env: Record<string, string>; kubeconfig: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kt-sim-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const proc = spawn(process.execPath, [KT_BIN, 'sim', '--port', '0', '--kubeconfig-out', kubeconfig, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  const deadline = Date.now() + 15_000;
  while (!existsSync(kubeconfig)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('kt sim did not write its kubeconfig');
    await new Promise((r) => setTimeout(r, 25));
  }
  return { proc, dir, kubeconfig, env: { KUBECONFIG: kubeconfig, HOME: dir } };
}

describe.skipIf(!KUBECTL)('real kubectl against `kt sim`', () => {
  let sim: Awaited<ReturnType<typeof startSimProcess>>;
  beforeAll(async () => {
    sim = await startSimProcess(['--frozen']);
  });
  afterAll(() => {
    sim?.proc.kill('SIGTERM');
    if (sim) rmSync(sim.dir, { recursive: true, force: true });
  });

  it('writes a complete kubeconfig once it is serving', () => {
    expect(readFileSync(sim.kubeconfig, 'utf8')).toMatch(/server: http:\/\/127\.0\.0\.1:\d+/);
  });

  it('kubectl top pod -A', async () => {
    const r = await runKubectl(['top', 'pod', '-A'], sim.env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('NAMESPACE     NAME                              CPU(cores)   MEMORY(bytes)   ');
    expect(r.stdout).toContain('shop          checkout-6f8b9c7d5-p4x7w          948m         567Mi           \n');
  });

  it('kubectl top node', async () => {
    const r = await runKubectl(['top', 'node'], sim.env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('node-c   <unknown>    <unknown>   <unknown>       <unknown>   \n');
  });

  it('kubectl get pods -A shows server-side columns, including CrashLoopBackOff and restarts', async () => {
    const r = await runKubectl(['get', 'pods', '-A'], sim.env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(r.stdout).toMatch(/shop\s+checkout-6f8b9c7d5-p4x7w\s+1\/2\s+CrashLoopBackOff\s+4 \(3m\d*s? ago\)\s+52m/);
    expect(r.stdout).toMatch(/default\s+bigquery-runner\s+0\/1\s+Pending\s+0\s+25m/);
    expect(r.stdout).toMatch(/default\s+api-gateway-typo\s+0\/1\s+ImagePullBackOff/);
  });

  it('kubectl events -A lists events oldest first with series and counts', async () => {
    const r = await runKubectl(['events', '-A'], sim.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^shop\s+6d\s+Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-7d9c6b5f4 to 2$/);
    expect(r.stdout).toMatch(/default\s+4m\d*s? \(x4 over 45m\)\s+Warning\s+OOMKilling\s+Node\/node-b/);
  });

  it('kubectl logs POD, and --previous for the crash-looping container', async () => {
    const r = await runKubectl(['logs', '-n', 'default', 'hello-unicode'], sim.env);
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'héllo wörld — ünïcødé ✓\nこんにちは世界 🌍\ntab\tseparated\tfields\n' });
    const prev = await runKubectl(['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-p', '--tail=1'], sim.env);
    expect(prev).toEqual({ code: 0, stderr: '', stdout: 'level=error msg="cache warm-up failed: out of memory allocating 64MiB"\n' });
  });

  it('kubectl logs reports the kubelet\'s reasons', async () => {
    const r = await runKubectl(['logs', '-n', 'default', 'api-gateway-typo'], sim.env);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error from server (BadRequest): container "gateway" in pod "api-gateway-typo" is waiting to start: trying and failing to pull image\n' });
  });

  it('kubectl debug adds an ephemeral container that then runs', async () => {
    const r = await runKubectl(['debug', '-n', 'shop', 'web-7d9c6b5f4-zt8mn', '--image=busybox:1.37', '--profile=general', '-c', 'dbg'], sim.env);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    await new Promise((res) => setTimeout(res, 500));
    const state = await runKubectl(['get', 'pod', '-n', 'shop', 'web-7d9c6b5f4-zt8mn', '-o', 'jsonpath={.spec.ephemeralContainers[0].name} {.spec.ephemeralContainers[0].securityContext.capabilities.add[0]} {.status.ephemeralContainerStatuses[0].state.running.startedAt}'], sim.env);
    expect(state.stdout).toMatch(/^dbg SYS_PTRACE \d{4}-\d\d-\d\dT/);
  });
});

describe.skipIf(!KUBECTL)('real kubectl against `kt sim --tls`', () => {
  let sim: Awaited<ReturnType<typeof startSimProcess>>;
  beforeAll(async () => {
    sim = await startSimProcess(['--tls', '--token', 'cka-practice']);
  });
  afterAll(() => {
    sim?.proc.kill('SIGTERM');
    if (sim) rmSync(sim.dir, { recursive: true, force: true });
  });

  it('verifies the generated CA and authenticates with the token', async () => {
    const r = await runKubectl(['top', 'node'], sim.env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(sim.kubeconfig, 'utf8')).toContain('certificate-authority-data:');
    expect(readFileSync(sim.kubeconfig, 'utf8')).toContain('token: cka-practice');
  });

  it('refuses a wrong token with 401', async () => {
    const r = await runKubectl(['get', 'pods', '--token', 'wrong'], sim.env);
    expect(r.code).toBe(1);
    // kubectl's discovery cache logs each failed attempt before the final message.
    expect(r.stderr).toMatch(/error: You must be logged in to the server \(the server has asked for the client to provide credentials\)\n$/);
  });
});
