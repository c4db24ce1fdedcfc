// A CKA learner's path: start `kt sim` as a process, point real kubectl 1.32 at the kubeconfig it writes, and use
// it. Each command must succeed and say what a real cluster would.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from './helpers/kubectl.js';
import { startKt, until, type Proc } from './helpers/process.js';
import { needs } from './helpers/requirements.js';

/** `kt sim` as a process, once it has written its kubeconfig (it does so when it is listening). */
async function startSimProcess(extra: string[]): Promise<{ proc: Proc; dir: string; env: Record<string, string>; kubeconfig: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kt-sim-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const proc = startKt(['sim', '--port', '0', '--kubeconfig-out', kubeconfig, ...extra]);
  await Promise.race([until('kt sim to write its kubeconfig', () => existsSync(kubeconfig)), proc.exited.then((e) => Promise.reject(new Error(`kt sim exited (${e.code}): ${proc.stderr()}`)))]);
  return { proc, dir, kubeconfig, env: { KUBECONFIG: kubeconfig, HOME: dir } };
}

async function stopSimProcess(sim: Awaited<ReturnType<typeof startSimProcess>> | undefined): Promise<void> {
  if (!sim) return;
  sim.proc.child.kill('SIGTERM');
  await sim.proc.result();
  rmSync(sim.dir, { recursive: true, force: true });
}

describe('real kubectl against `kt sim`', needs('kubectl'), () => {
  let sim: Awaited<ReturnType<typeof startSimProcess>>;
  beforeAll(async () => {
    sim = await startSimProcess(['--frozen']);
  });
  afterAll(() => stopSimProcess(sim));

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
    // The sim starts the container a moment after the patch: ask until it runs (the ceiling ends a hung test).
    const jsonpath = 'jsonpath={.spec.ephemeralContainers[0].name} {.spec.ephemeralContainers[0].securityContext.capabilities.add[0]} {.status.ephemeralContainerStatuses[0].state.running.startedAt}';
    await until('the debug container to run', async () => {
      const got = await runKubectl(['get', 'pod', '-n', 'shop', 'web-7d9c6b5f4-zt8mn', '-o', jsonpath], sim.env);
      expect(got).toMatchObject({ code: 0, stderr: '' });
      return /^dbg SYS_PTRACE \d{4}-\d\d-\d\dT/.test(got.stdout);
    });
  });
});

describe('real kubectl against `kt sim --tls`', needs('kubectl'), () => {
  let sim: Awaited<ReturnType<typeof startSimProcess>>;
  beforeAll(async () => {
    sim = await startSimProcess(['--tls', '--token', 'cka-practice']);
  });
  afterAll(() => stopSimProcess(sim));

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
