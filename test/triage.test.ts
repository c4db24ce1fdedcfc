// kt triage: the verdict names the cause of each unhealthy pattern (the demo scenario's, and pods made for each
// remaining cause); exit 0 when healthy, 2 when not; -o json|yaml for scripts. And --explain: every kubectl
// command it prints succeeds against the same sim and shows what kt's answer says.
import { needs } from './helpers/requirements.js';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../src/sim/scenario.js';
import type { Pod } from '../src/k8s/types.js';
import { KUBECTL, runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { runKubectlLine } from './gaps/process.js';

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
    // TYPE/NAME is split and resolved as kubectl's resource builder does it, in its words.
    expect(await runKt(['triage', 'widgets/x'], t.env)).toEqual({ code: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\n' });
    expect(await runKt(['triage', 'deploy/web/x'], t.env)).toEqual({ code: 1, stdout: '', stderr: 'error: arguments in resource/name form may not have more than one slash\n' });
    expect(await runKt(['triage', 'deploy/'], t.env)).toEqual({ code: 1, stdout: '', stderr: 'error: arguments in resource/name form must have a single resource and name\n' });
  });
});


/** A pod in namespace `triage` on node-a, started `startedAgo` ms ago, with the given container statuses. */
function pod(name: string, now: number, status: Record<string, unknown>, spec: Record<string, unknown> = {}): Pod {
  const at = (ms: number): string => formatTime(now - ms, false);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'triage', uid: `uid-${name}`, creationTimestamp: at(3 * 86_400_000) },
    spec: { nodeName: 'node-a', restartPolicy: 'Always', containers: [{ name: 'app', image: 'acme/app:1' }], ...spec },
    status: { startTime: at(3 * 86_400_000), ...status },
  } as Pod;
}

describe('kt triage: every cause, its verdict and exit code', () => {
  let t: TestSim;
  const DAY = 86_400_000;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    const now = t.sim.cluster.now();
    const at = (ms: number): string => formatTime(now - ms, false);
    const running = { running: { startedAt: at(DAY) } };
    const cs = (state: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name: 'app', image: 'acme/app:1', imageID: '', ready: false, restartCount: 0, state, ...extra });
    const ready = (status: 'True' | 'False', reason?: string, message?: string): Record<string, unknown>[] => [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status, ...(reason ? { reason } : {}), ...(message ? { message } : {}) },
    ];
    const pods: Pod[] = [
      pod('crash-exit', now, { phase: 'Running', conditions: ready('False', 'ContainersNotReady', 'containers with unready status: [app]'), containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' } }, { restartCount: 7, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(60_000) } } })] }),
      pod('init-crash', now, { phase: 'Pending', conditions: ready('False'), initContainerStatuses: [{ ...cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: { terminated: { exitCode: 2, reason: 'Error' } } }), name: 'setup' }], containerStatuses: [cs({ waiting: { reason: 'PodInitializing' } })] }, { initContainers: [{ name: 'setup', image: 'acme/setup:1' }] }),
      pod('err-image-pull', now, { phase: 'Pending', conditions: ready('False'), containerStatuses: [cs({ waiting: { reason: 'ErrImagePull' } })] }, { containers: [{ name: 'app', image: 'registry.example/private:1' }] }),
      pod('invalid-image', now, { phase: 'Pending', conditions: ready('False'), containerStatuses: [cs({ waiting: { reason: 'InvalidImageName', message: 'Failed to apply default image tag "Acme/App:1": couldn\'t parse image name' } })] }, { containers: [{ name: 'app', image: 'Acme/App:1' }] }),
      pod('config-error', now, { phase: 'Pending', conditions: ready('False'), containerStatuses: [cs({ waiting: { reason: 'CreateContainerConfigError', message: 'secret "db-pass" not found' } })] }),
      pod('not-ready', now, { phase: 'Running', conditions: ready('False', 'ContainersNotReady', 'containers with unready status: [app]'), containerStatuses: [cs(running)] }),
      pod('creating', now, { phase: 'Pending', conditions: ready('False'), containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }),
      pod('evicted', now, { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
      pod('restarted', now, { phase: 'Running', conditions: ready('True'), containerStatuses: [cs(running, { ready: true, restartCount: 2, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
    ];
    t.sim.cluster.addObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'triage' }, status: { phase: 'Active' } });
    for (const p of pods) t.sim.cluster.addObject(p);
    // The kubelet's words for the failed pull, which the verdict quotes.
    t.sim.cluster.addEvent({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'err-image-pull.1', namespace: 'triage' }, type: 'Warning', reason: 'Failed', count: 3,
      involvedObject: { kind: 'Pod', namespace: 'triage', name: 'err-image-pull', apiVersion: 'v1', fieldPath: 'spec.containers{app}' },
      message: 'Failed to pull image "registry.example/private:1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.example/private:1": failed to resolve reference "registry.example/private:1": unexpected status from HEAD request to https://registry.example/v2/private/manifests/1: 401 Unauthorized',
      firstTimestamp: at(600_000), lastTimestamp: at(60_000), source: { component: 'kubelet', host: 'node-a' },
    });
  });
  afterAll(async () => t?.stop());

  // [pod (in -n NS), cause, verdict, exit code]. Ages are days, so they hold however long the run takes.
  const cases: [string[], string, string, number][] = [
    [['-n', 'triage', 'crash-exit'], 'CrashLoopBackOff', 'CrashLoopBackOff: container app exit code 1 (Error), 7× in 3d', 2],
    [['-n', 'triage', 'init-crash'], 'CrashLoopBackOff', 'CrashLoopBackOff: init container setup exit code 2 (Error), 3× in 3d', 2],
    [['-n', 'triage', 'err-image-pull'], 'ImagePullBackOff', 'ErrImagePull: container app cannot pull image "registry.example/private:1" (401 Unauthorized)', 2],
    [['-n', 'triage', 'invalid-image'], 'ImagePullBackOff', 'InvalidImageName: container app cannot pull image "Acme/App:1"', 2],
    [['-n', 'triage', 'config-error'], 'ContainerWaiting', 'CreateContainerConfigError: container app: secret "db-pass" not found', 2],
    [['-n', 'triage', 'not-ready'], 'NotReady', 'NotReady: 0/1 containers ready (containers with unready status: [app])', 2],
    [['-n', 'triage', 'creating'], 'Pending', 'Pending for 3d', 2],
    [['-n', 'triage', 'evicted'], 'Failed', 'Failed: Evicted: The node was low on resource: memory.', 2],
    [['-n', 'triage', 'restarted'], 'Healthy', 'Healthy: Running, 1/1 containers ready, 2 restarts', 0],
    [['-n', 'batch', 'data-export-fail'], 'Failed', 'Failed: container export exited with code 2 (Error) 2d ago', 2],
    [['-n', 'batch', 'job/nightly-report'], 'Completed', 'Completed: every container exited 0 (9h ago)', 0],
  ];

  it.each(cases)('%j → %s', async (args, cause, verdict, code) => {
    const text = await runKt(['triage', ...args], t.env);
    expect({ line: text.stdout.split('\n')[0], code: text.code, stderr: text.stderr }).toEqual({ line: verdict, code, stderr: '' });
    const json = await runKt(['triage', ...args, '-o', 'json'], t.env);
    expect(json.code).toBe(code);
    const report = JSON.parse(json.stdout) as { healthy: boolean; verdict: string; pods: { cause: string; verdict: string; healthy: boolean }[] };
    expect(report).toMatchObject({ healthy: code === 0, verdict, pods: [{ cause, verdict, healthy: code === 0 }] });
  });

  it('-A --unhealthy over every cause: the counts by cause in the verdict, exit 2', async () => {
    const r = await runKt(['triage', '-A', '--unhealthy'], t.env);
    expect(r.code).toBe(2);
    // The demo's five and the eight made here; counted in the order the causes first appear (namespace/name).
    expect(r.stdout.split('\n')[0]).toBe('Unhealthy: 13 of 22 pods (Failed 2, ImagePullBackOff 3, Unschedulable 1, NodeNotReady 1, OOMKilled 1, ContainerWaiting 1, CrashLoopBackOff 2, Pending 1, NotReady 1)');
    for (const name of ['crash-exit', 'init-crash', 'err-image-pull', 'invalid-image', 'config-error', 'not-ready', 'creating', 'evicted']) expect(r.stdout).toContain(`triage/${name}`);
    expect(r.stdout).not.toContain('triage/restarted');
  });

  it('-o yaml is the same TriageReport as -o json, in the documented shape', async () => {
    const [json, yaml] = await Promise.all([runKt(['triage', '-n', 'shop', 'deploy/checkout', '-o', 'json'], t.env), runKt(['triage', '-n', 'shop', 'deploy/checkout', '-o', 'yaml'], t.env)]);
    expect([json.code, yaml.code]).toEqual([2, 2]);
    const report = JSON.parse(json.stdout) as Record<string, unknown> & { pods: Record<string, unknown>[] };
    expect(parseYaml(yaml.stdout)).toEqual(report);
    // As kubectl's -o json|yaml do, keys are sorted.
    expect(yaml.stdout.split('\n').filter((l) => /^\w/.test(l)).map((l) => l.split(':')[0])).toEqual(['apiVersion', 'healthy', 'kind', 'pods', 'target', 'verdict']);
    expect(Object.keys(report)).toEqual(['apiVersion', 'healthy', 'kind', 'pods', 'target', 'verdict']);
    expect(report).toMatchObject({ apiVersion: 'kubetriage.dev/v1', kind: 'TriageReport', target: 'deployment/checkout', healthy: false });
    const p = report.pods[0]!;
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['namespace', 'name', 'cause', 'healthy', 'verdict', 'phase', 'owners', 'conditions', 'containers', 'events', 'usage', 'node', 'logs']));
    expect(p).toMatchObject({
      namespace: 'shop', name: 'checkout-6f8b9c7d5-p4x7w', cause: 'OOMKilled', phase: 'Running', owners: ['Deployment/checkout', 'ReplicaSet/checkout-6f8b9c7d5'],
      node: { name: 'node-b', ready: 'True' },
      containers: [{ name: 'migrate', type: 'init', state: 'Terminated' }, { name: 'istio-proxy', type: 'regular', state: 'Running' }, { name: 'app', type: 'regular', state: 'Waiting', reason: 'CrashLoopBackOff', restarts: 4, lastTermination: { reason: 'OOMKilled', exitCode: 137 } }],
      logs: [{ container: 'istio-proxy', previous: false }, { container: 'app', previous: true }],
    });
    expect((p['events'] as { reason: string }[]).map((e) => e.reason)).toEqual(['OOMKilling', 'BackOff']);
    expect((p['usage'] as { containers: { name: string; memory: { usage: string; limit: string } }[] }).containers.find((c) => c.name === 'app')?.memory).toMatchObject({ usage: '509Mi', limit: '512Mi' });
  });
});

interface Ran {
  line: string;
  stdout: string;
}

/** The rows of a kubectl table (or kt's, indented), split on its column gaps; the header dropped. */
const rows = (table: string): string[][] => table.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => l.trim().split(/ {2,}/));

/** `REASON OBJECT` of each event row of a table whose header starts with LAST SEEN (and NAMESPACE with -A). */
function eventKeys(table: string): string[] {
  const lines = table.split('\n');
  const at = lines.findIndex((l) => /^\s*(NAMESPACE\s+)?LAST SEEN\s+TYPE\s+REASON\s+OBJECT/.test(l));
  if (at < 0) return [];
  const header = lines[at]!;
  const reasonCol = header.indexOf('REASON');
  const objectCol = header.indexOf('OBJECT');
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() === '' || !l.startsWith(' '.repeat(header.length - header.trimStart().length))) break;
    out.push(`${l.slice(reasonCol).split(/ {2,}/)[0]} ${l.slice(objectCol).split(/ {2,}/)[0]}`);
  }
  return out;
}

/** What each kind of printed command must show, judged from its own words. */
function promiseOf(r: Ran): string | undefined {
  const words = r.line.split(' ');
  const after = (flag: string): string | undefined => words.find((w) => w.startsWith(`${flag}=`))?.split('=')[1] ?? (words.includes(flag) ? words[words.indexOf(flag) + 1] : undefined);
  if (/ describe (pod|node) /.test(r.line)) {
    const name = words[words.findIndex((w) => w === 'pod' || w === 'node') + 1]!;
    return new RegExp(`^Name:\\s+${name}$`, 'm').test(r.stdout) ? undefined : `no "Name: ${name}"`;
  }
  if (/ describe (pods|nodes)$/.test(r.line)) return /^Name:\s+\S+$/m.test(r.stdout) ? undefined : 'describes nothing';
  if (/ top (pod|node)/.test(r.line)) {
    const table = words.includes('--no-headers') ? r.stdout : r.stdout.split('\n').slice(1).join('\n');
    if (!words.includes('--no-headers') && !/^(NAMESPACE +)?(POD +)?NAME +CPU\(cores\)/.test(r.stdout)) return 'no top table';
    return table.trim() === '' ? 'no rows' : undefined;
  }
  if (/ events /.test(r.line)) {
    const forObject = after('--for');
    const keys = eventKeys(r.stdout);
    if (r.stdout !== '' && keys.length === 0) return 'not an events table';
    if (forObject) {
      const [kind, name] = forObject.split('/') as [string, string];
      const other = keys.find((k) => k.split(' ')[1]!.toLowerCase() !== `${kind}/${name}`);
      if (other) return `an event of another object: ${other}`;
    }
    if (after('--types') === 'Warning' && rows(r.stdout).some((row) => !row.includes('Warning'))) return 'a row that is not a Warning';
    return undefined;
  }
  if (/ logs /.test(r.line)) return undefined; // judged against kt's answer below (an empty log prints nothing)
  if (/ debug /.test(r.line)) return undefined; // judged from the cluster below
  return 'a command this test does not know';
}

describe('--explain: every printed kubectl command succeeds and shows what kt shows', needs('kubectl'), () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  /** kt's answer (stdout) beside what the kubectl commands printed: what kt shows, kubectl shows too. */
  const agree: Record<string, (kt: string, ran: Ran[], sim: TestSim) => void> = {
    top: (kt, ran) => {
      // Every cell of every row kubectl prints (names, usage, percentages, the --sum total) is in kt's answer.
      const table = ran.find((r) => / top /.test(r.line))!;
      const cells = (table.line.includes('--no-headers') ? table.stdout.split('\n') : table.stdout.split('\n').slice(1)).filter((l) => l.trim() !== '').map((l) => l.trim().split(/ +/));
      expect(cells.length).toBeGreaterThan(0);
      for (const row of cells.filter((r) => !/^_+$/.test(r[0]!))) expect({ row: row.join(' '), missing: row.filter((c) => !kt.includes(c)) }).toEqual({ row: row.join(' '), missing: [] });
    },
    logs: (kt, ran) => {
      const out = ran.find((r) => / logs /.test(r.line))!.stdout;
      // kt's lines are kubectl's, filtered as the `# --include: pipe through grep` note says.
      expect(out).not.toBe('');
      for (const l of kt.split('\n').filter(Boolean)) expect(out.split('\n')).toContain(l);
    },
    events: (kt, ran) => {
      // kt's one timeline is the union of kubectl's per-object lists (--since only drops the older rows).
      const theirs = new Set(ran.flatMap((r) => eventKeys(r.stdout)));
      const ours = eventKeys(kt);
      expect(ours.length).toBeGreaterThan(0);
      for (const k of ours) expect(theirs).toContain(k);
      if (!ran.some((r) => r.line.includes('--all-namespaces'))) expect(new Set(ours)).toEqual(theirs);
    },
    triage: (kt, ran) => {
      // The Warning events kt reports are exactly those kubectl lists for the chain, the pod and the node.
      expect(new Set(eventKeys(kt))).toEqual(new Set(ran.filter((r) => / events /.test(r.line)).flatMap((r) => eventKeys(r.stdout))));
      // Each log tail is kubectl's `logs --tail=10`, line for line.
      for (const r of ran.filter((x) => / logs /.test(x.line))) {
        const container = r.line.split(' ')[r.line.split(' ').indexOf('-c') + 1]!;
        const previous = r.line.includes('--previous');
        const at = kt.indexOf(`Log of ${container} (${previous ? 'previous' : 'current'} instance`);
        expect(at).toBeGreaterThanOrEqual(0);
        const block = kt.slice(kt.indexOf('\n', at) + 1).split('\n');
        const ours = block.slice(0, block.findIndex((l) => !l.startsWith('  '))).map((l) => l.slice(2)).filter((l) => l !== '<empty>');
        expect(ours).toEqual(r.stdout.split('\n').filter(Boolean).slice(-ours.length || undefined).slice(0, ours.length));
        expect(r.stdout.split('\n').filter(Boolean).length).toBe(ours.length);
      }
      // Usage: kubectl top pod --containers gives each container's numbers in kt's usage table.
      const top = ran.find((r) => / top pod /.test(r.line));
      if (top) for (const [, container, cpu, mem] of rows(top.stdout)) expect(kt).toMatch(new RegExp(` ${container} +${cpu} .* ${mem} `));
    },
    debug: (_kt, _ran, sim) => {
      const eph = sim.sim.cluster.getPod('shop', 'web-7d9c6b5f4-kx2vq')?.spec?.ephemeralContainers ?? [];
      expect(eph.find((c) => c.name === 'explained')).toMatchObject({ image: 'busybox' });
    },
  };

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
    const answer = args[0] === 'debug' ? '' : r.stdout;
    if (args[0] !== 'debug') expect(answer).not.toMatch(/^kubectl /m);
    const ran: Ran[] = [];
    for (const line of printed) {
      const k = await runKubectlLine(line, t.env);
      // Success: exit 0, nothing on stderr but kubectl's "No events found" notice, and what the command is for.
      const notice = /^No events found in \S+ namespace\.\n$/.test(k.stderr);
      expect({ line, code: k.code, stderr: notice ? '' : k.stderr, empty: k.stdout === '' && !notice && !/ (logs|debug) /.test(line) }).toEqual({ line, code: 0, stderr: '', empty: false });
      ran.push({ line, stdout: k.stdout });
      expect({ line, broken: promiseOf({ line, stdout: k.stdout }) }).toEqual({ line, broken: undefined });
    }
    agree[args[0]!]!(answer, ran, t);
  });
});
