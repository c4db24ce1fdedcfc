// kt triage: the verdict names the cause of each unhealthy pattern in the demo scenario; exit 0 when healthy, 2
// when not; -o json for scripts. And --explain: every kubectl command it prints succeeds against the same sim.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

describe('kt triage', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  const verdict = async (...args: string[]): Promise<{ line: string; code: number; stdout: string }> => {
    const r = await runKt(['triage', ...args], t.env);
    return { line: r.stdout.split('\n')[0]!, code: r.code, stdout: r.stdout };
  };

  it('CrashLoopBackOff with OOMKilled: restarts, memory limit and last usage in the verdict', async () => {
    const r = await verdict('-n', 'shop', 'checkout-6f8b9c7d5-p4x7w');
    expect(r.line).toMatch(/^CrashLoopBackOff: OOMKilled 4× in 5\dm; memory limit 512Mi, last usage 509Mi$/);
    expect(r.code).toBe(2);
    // The rest of the report: owner chain, last termination, Warning events from the pod and its node, the
    // previous instance's log, usage against limits.
    expect(r.stdout).toContain('(Deployment/checkout → ReplicaSet/checkout-6f8b9c7d5)');
    expect(r.stdout).toMatch(/app +Waiting \(CrashLoopBackOff\) +false +4 +OOMKilled \(exit 137\) 3m\d*s? ago/);
    expect(r.stdout).toMatch(/Warning +OOMKilling +Node\/node-b/);
    expect(r.stdout).toMatch(/Warning +BackOff +Pod\/checkout-6f8b9c7d5-p4x7w/);
    expect(r.stdout).toContain('Log of app (previous instance, last 5 lines):\n');
    expect(r.stdout).toContain('level=error msg="cache warm-up failed: out of memory allocating 64MiB"');
    expect(r.stdout).toMatch(/app +913m +250m \(365%\) +1 \(91%\) +509Mi +256Mi \(198%\) +512Mi \(99%\)/);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('a Deployment is triaged through its pods, with the same verdict', async () => {
    const r = await verdict('-n', 'shop', 'deploy/checkout');
    expect(r.line).toMatch(/^CrashLoopBackOff: OOMKilled 4×/);
    expect(r.code).toBe(2);
  });

  it('Pending and unschedulable: the scheduler\'s reason and the requests', async () => {
    const r = await verdict('bigquery-runner');
    expect(r.line).toMatch(/^Pending: unschedulable for 2\dm: 0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node.kubernetes.io\/unreachable: \}, 2 Insufficient memory; requests cpu 6, memory 32Gi$/);
    expect(r.stdout).toMatch(/Warning +FailedScheduling +Pod\/bigquery-runner/);
    expect(r.code).toBe(2);
  });

  it('ImagePullBackOff: the image and the registry\'s answer', async () => {
    const r = await verdict('api-gateway-typo');
    expect(r.line).toBe('ImagePullBackOff: container gateway cannot pull image "envoyproxy/envoy:v1.32.O" (not found)');
    expect(r.code).toBe(2);
  });

  it('a pod on a NotReady node: the node is named as the cause', async () => {
    const r = await verdict('-n', 'kube-system', 'kube-proxy-q7d4t');
    expect(r.line).toMatch(/^NodeNotReady: node node-c is NotReady \(status Unknown\) for 4\dm: Kubelet stopped posting node status; pod Unknown \(NodeLost\)$/);
    expect(r.stdout).toContain('Node:        node-c Ready=Unknown (NodeStatusUnknown: Kubelet stopped posting node status.)');
    expect(r.code).toBe(2);
  });

  it('a healthy pod and a healthy workload exit 0', async () => {
    const pod = await verdict('-n', 'shop', 'web-7d9c6b5f4-kx2vq');
    expect(pod).toMatchObject({ line: 'Healthy: Running, 1/1 containers ready', code: 0 });
    const deploy = await verdict('-n', 'shop', 'deploy/web');
    expect(deploy).toMatchObject({ line: 'Healthy: 2 pods, none unhealthy', code: 0 });
    const sts = await verdict('-n', 'shop', 'statefulset/payments');
    expect(sts.code).toBe(0);
  });

  it('-A --unhealthy lists every unhealthy pod, counted by cause', async () => {
    const r = await verdict('-A', '--unhealthy');
    expect(r.line).toMatch(/^Unhealthy: 5 of \d+ pods \(/);
    for (const cause of ['OOMKilled 1', 'Unschedulable 1', 'ImagePullBackOff 1', 'NodeNotReady 1', 'Failed 1']) expect(r.line).toContain(cause);
    expect(r.stdout).not.toContain('web-7d9c6b5f4');
    expect(r.code).toBe(2);
  });

  it('-o json gives the TriageReport for scripts', async () => {
    const r = await runKt(['triage', '-n', 'shop', '-l', 'app=checkout', '-o', 'json'], t.env);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { kind: string; healthy: boolean; pods: { cause: string; containers: { name: string; lastTermination?: { reason: string } }[]; usage: { memory: { usage: string } } }[] };
    expect(report.kind).toBe('TriageReport');
    expect(report.healthy).toBe(false);
    expect(report.pods[0]!.cause).toBe('OOMKilled');
    expect(report.pods[0]!.containers.find((c) => c.name === 'app')?.lastTermination?.reason).toBe('OOMKilled');
    expect(report.pods[0]!.usage.memory.usage).toBe('567Mi');
  });

  it('colours the verdict only when asked or on a terminal', async () => {
    const r = await runKt(['triage', 'api-gateway-typo', '--color=always'], t.env);
    expect(r.stdout.split('\n')[0]).toContain('\x1b[31m');
  });

  it('errors: nothing named, a missing pod, an unsupported kind', async () => {
    expect((await runKt(['triage'], t.env)).code).toBe(1);
    const missing = await runKt(['triage', 'nope'], t.env);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    const svc = await runKt(['triage', '-n', 'shop', 'svc/web'], t.env);
    expect(svc).toMatchObject({ code: 1, stderr: 'error: cannot triage a Service: name a pod, deployment, replicaset, statefulset, daemonset or job\n' });
    const node = await runKt(['triage', 'node/node-a'], t.env);
    expect(node).toMatchObject({ code: 1, stderr: 'error: cannot triage a Node: name a pod, deployment, replicaset, statefulset, daemonset or job\n' });
  });
});

/** Runs one printed command line with real kubectl (through sh, since the line is shell-quoted). */
function runLine(line: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line.replace(/^kubectl /, '"$KT_KUBECTL_BIN" ')], { env: { ...process.env, ...env, KT_KUBECTL_BIN: KUBECTL! }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

describe.skipIf(!KUBECTL)('--explain: every printed kubectl command succeeds against the sim', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  const cases: string[][] = [
    ['top', 'pod', '-n', 'shop', '--sum', '--sort-by=cpu', '--resources'],
    ['top', 'pod', '-A', '--containers', '--no-headers', '-o', 'json'],
    ['top', 'node', '--resources'],
    ['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-p', '--include', 'error'],
    ['logs', '-n', 'shop', 'deploy/web', '--all-pods', '--tail=1'],
    ['events', '-A', '--types', 'Warning', '--since', '5m'],
    ['events', '-n', 'shop', '--for', 'deploy/checkout', '--related'],
    ['triage', '-n', 'shop', 'deploy/checkout'],
    ['triage', 'bigquery-runner'],
    ['triage', '-n', 'kube-system', 'kube-proxy-q7d4t'],
    ['debug', '-n', 'shop', 'web-7d9c6b5f4-kx2vq', '--image=busybox', '-c', 'explained', '--explain'],
  ];

  it.each(cases)('kt %s …', async (...args: string[]) => {
    const r = await runKt(args[0] === 'debug' ? args : [...args, '--explain'], t.env);
    // debug --explain prints its command on stdout and does nothing else; the others on stderr, before the output.
    const printed = (args[0] === 'debug' ? r.stdout : r.stderr).split('\n').filter((l) => l.startsWith('kubectl '));
    expect(printed.length).toBeGreaterThan(0);
    if (args[0] !== 'debug') expect(r.stdout).not.toMatch(/^kubectl /m);
    for (const line of printed) {
      const k = await runLine(line, t.env);
      // Success: exit 0 and nothing on stderr but kubectl's "No events found" notice.
      expect({ line, code: k.code, stderr: k.stderr.replace(/^No events found in \S+ namespace\.\n$/, '') }).toEqual({ line, code: 0, stderr: '' });
    }
  });
});
