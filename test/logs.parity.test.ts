// kt logs against real kubectl 1.32 on the same simulated cluster: stdout, stderr and exit code must be identical,
// and the pods/log requests must carry the same query strings.
//
// Where kubectl's output order is random — several streams read without -f come from a Go map, and -f with several
// streams interleaves them — kt reads pods in order and each pod's containers init → regular → ephemeral. Those
// cases are compared order-insensitively, stream by stream (see `byStream`), and are marked as such below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, KUBECTL, runKt, type Result } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

interface Case {
  name: string;
  args: string[];
  /** kubectl's order is random here: compare the output as a multiset of per-stream pieces. */
  unordered?: boolean;
}

/** Splits output into pieces — lines, and at every `[pod/` prefix (a line cut by --limit-bytes has no newline). */
function byStream(r: Result): Result {
  const pieces = r.stdout.split(/(?<=\n)|(?=\[pod\/)/);
  return { ...r, stdout: pieces.sort().join('\u0000') };
}

const demo: Case[] = [
  { name: 'a pod with one container', args: ['hello-unicode'] },
  { name: 'timestamps', args: ['hello-unicode', '--timestamps'] },
  { name: 'limit-bytes cutting a multi-byte character', args: ['hello-unicode', '--limit-bytes=7'] },
  { name: 'tail', args: ['hello-unicode', '--tail=1'] },
  { name: 'tail 0', args: ['hello-unicode', '--tail', '0'] },
  { name: 'since (rounded)', args: ['hello-unicode', '--since=2h30m'] },
  { name: 'since below a second is sent as 0', args: ['hello-unicode', '--since=300ms'] },
  { name: 'since-time with an offset and a fraction', args: ['hello-unicode', '--since-time=2020-01-01T10:00:00.999+02:00'] },
  { name: 'prefix', args: ['hello-unicode', '--prefix'] },
  { name: 'default-container annotation', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w'] },
  { name: 'previous', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-p'] },
  { name: 'inline container', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', 'istio-proxy'] },
  { name: '-c init container', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'migrate'] },
  { name: 'previous of a container that never died', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'istio-proxy', '-p'] },
  { name: '--ignore-errors prints the error on stdout', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--ignore-errors', '-c', 'istio-proxy', '-p'] },
  { name: 'all containers (random order in kubectl)', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--all-containers'], unordered: true },
  { name: 'all containers, prefix', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--all-containers', '--prefix', '--timestamps'], unordered: true },
  { name: 'image pull back-off', args: ['api-gateway-typo'] },
  { name: 'unscheduled pod: empty log', args: ['bigquery-runner'] },
  { name: 'a completed job pod, followed', args: ['-n', 'batch', 'nightly-report-7xk2p', '-f'] },
  { name: 'a failed pod', args: ['-n', 'batch', 'data-export-fail', '--timestamps'] },
  { name: 'deployment: Found N pods', args: ['-n', 'shop', 'deploy/web'] },
  { name: 'deployment.apps long name', args: ['-n', 'shop', 'deployment.apps/web', '--tail=2'] },
  { name: 'deployment --all-pods (random order in kubectl)', args: ['-n', 'shop', 'deployments/web', '--all-pods'], unordered: true },
  { name: 'service', args: ['-n', 'shop', 'svc/web'] },
  { name: 'service without a selector', args: ['-n', 'shop', 'service/legacy-db'] },
  { name: 'replica set', args: ['-n', 'shop', 'rs/web-7d9c6b5f4', '--tail=1'] },
  { name: 'stateful set', args: ['-n', 'shop', 'sts/payments'] },
  { name: 'daemon set (one pod on a lost node)', args: ['-n', 'kube-system', 'ds/kube-proxy'] },
  { name: 'job', args: ['-n', 'batch', 'job/nightly-report'] },
  { name: 'pod/NAME and po/NAME', args: ['-n', 'shop', 'po/web-7d9c6b5f4-zt8mn', '-p'] },
  { name: 'deployment with an init container: default container', args: ['-n', 'shop', 'deploy/checkout', '--tail=2'] },
  { name: 'selector: tail 10 by default (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web'], unordered: true },
  { name: 'selector with explicit --tail=-1 (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web', '--tail=-1'], unordered: true },
  { name: 'selector with prefix (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web', '--prefix', '--tail=1'], unordered: true },
  { name: 'selector matching nothing', args: ['-n', 'shop', '-l', 'app=nothing'] },
  { name: 'bad selector', args: ['-l', 'a b'] },
  { name: 'follow more streams than allowed', args: ['-n', 'shop', '-l', 'app=web', '-f', '--max-log-requests=1'] },
  { name: 'pod not found', args: ['nope'] },
  { name: 'deployment not found', args: ['-n', 'shop', 'deploy/nope'] },
  { name: 'unknown resource type', args: ['foo/bar'] },
  { name: 'a kind without pods', args: ['-n', 'kube-system', 'ns/default'] },
  { name: 'container not in pod', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'nope'] },
  { name: 'no arguments', args: [] },
  { name: 'three arguments', args: ['a', 'b', 'c'] },
  { name: 'NAME and selector', args: ['x', '-l', 'a=b'] },
  { name: 'since and since-time', args: ['hello-unicode', '--since=1h', '--since-time=2024-01-01T00:00:00Z'] },
  { name: 'all-containers with a container', args: ['hello-unicode', '--all-containers', '-c', 'hello'] },
  { name: '-c and inline container', args: ['hello-unicode', 'hello', '-c', 'hello'] },
  { name: 'negative limit-bytes', args: ['hello-unicode', '--limit-bytes=-1'] },
  { name: 'negative since', args: ['hello-unicode', '--since=-5s'] },
  { name: 'tail below -1', args: ['hello-unicode', '--tail=-2'] },
  { name: 'validation comes after the object GET', args: ['nope', '--tail=-2'] },
  { name: 'zero pod-running-timeout', args: ['hello-unicode', '--pod-running-timeout=0s'] },
  { name: 'bad since', args: ['hello-unicode', '--since=90'] },
  { name: 'bad since unit', args: ['hello-unicode', '--since=1d'] },
  { name: 'bad tail', args: ['hello-unicode', '--tail=abc'] },
  { name: 'bad max-log-requests', args: ['hello-unicode', '--max-log-requests=1.5'] },
  { name: 'bad limit-bytes', args: ['hello-unicode', '--limit-bytes=1k'] },
  { name: 'bad pod-running-timeout', args: ['hello-unicode', '--pod-running-timeout=5'] },
  { name: 'since-time: not a time', args: ['hello-unicode', '--since-time=yesterday'] },
  { name: 'since-time: month out of range', args: ['hello-unicode', '--since-time=2024-13-01T00:00:00Z'] },
  { name: 'since-time: day out of range', args: ['hello-unicode', '--since-time=2023-02-29T00:00:00Z'] },
  { name: 'since-time: date only', args: ['hello-unicode', '--since-time=2024-01-01'] },
  { name: 'since-time: no zone', args: ['hello-unicode', '--since-time=2024-01-01T00:00:00'] },
  { name: 'since-time: extra text', args: ['hello-unicode', '--since-time=2024-01-01T00:00:00.5+02:00x'] },
  { name: 'since-time: one-digit hour', args: ['hello-unicode', '--since-time=2024-01-01T1:00:00Z'] },
  { name: 'booleans written =true/=false', args: ['hello-unicode', '--timestamps=false', '--prefix=true', '-f=false'] },
  { name: 'bad boolean', args: ['hello-unicode', '--follow=maybe'] },
  { name: 'unknown flag', args: ['hello-unicode', '--nope'] },
  { name: 'flag without value', args: ['hello-unicode', '--tail'] },
];

const edge: Case[] = [
  { name: 'annotation naming no container', args: ['-n', 'edge', 'badann'] },
  { name: 'ephemeral and init containers in the Defaulted line', args: ['-n', 'edge', 'ephem'] },
  { name: '-c ephemeral container', args: ['-n', 'edge', 'ephem', '-c', 'dbg'] },
  { name: 'annotation naming an init container', args: ['-n', 'edge', 'initann'] },
  { name: 'all containers: init, regular, ephemeral (random order in kubectl)', args: ['-n', 'edge', 'ephem', '--all-containers', '--prefix'], unordered: true },
  { name: 'limit-bytes cuts lines; prefixes stay (random order in kubectl)', args: ['-n', 'edge', 'ephem', '--all-containers', '--limit-bytes=3', '--prefix'], unordered: true },
  { name: 'container creating', args: ['-n', 'edge', 'creating'] },
  { name: 'image pull error', args: ['-n', 'edge', 'pullerr'] },
  { name: 'no container status', args: ['-n', 'edge', 'nostatus'] },
  { name: 'selector over pods with several containers (Defaulted per pod)', args: ['-n', 'edge', '-l', 'app=edge'], unordered: true },
  { name: 'selector --all-pods silences Defaulted', args: ['-n', 'edge', '-l', 'app=edge', '--all-pods'], unordered: true },
  { name: 'follow finished containers in parallel (random order in kubectl)', args: ['-n', 'edge', '-l', 'app=done', '-f', '--all-containers', '--prefix'], unordered: true },
  { name: 'follow: too many streams', args: ['-n', 'edge', '-l', 'app=done', '-f', '--all-containers', '--max-log-requests=2'] },
  { name: 'config map: no selector', args: ['-n', 'edge', 'cm/cfg'] },
  { name: 'replication controller', args: ['-n', 'pick', 'rc/legacy'] },
  { name: 'best pod for logging among seven', args: ['-n', 'pick', 'deploy/pick'] },
  { name: 'job with matchExpressions, --all-pods, errors ignored (random order in kubectl)', args: ['-n', 'pick', 'job/pickjob', '--all-pods', '--ignore-errors'], unordered: true },
  { name: 'job with matchExpressions, --all-pods, first error stops', args: ['-n', 'pick', 'job/pickjob', '--all-pods', '--tail=0'], unordered: true },
  { name: 'ties: restarts then age', args: ['-n', 'pick', 'rs/tie'] },
  { name: 'container not in the chosen pod', args: ['-n', 'pick', 'deploy/pick', '-c', 'nope'] },
];

function check(t: () => TestSim, c: Case): () => Promise<void> {
  return async () => {
    const { kt, kubectl } = await both(c.args, t().env);
    if (c.unordered) expect(byStream(kt)).toEqual(byStream(kubectl));
    else expect(kt).toEqual(kubectl);
  };
}

describe.skipIf(!KUBECTL)('kt logs matches kubectl 1.32 on the demo scenario', () => {
  let t: TestSim;
  const requests: { ua: string; url: string }[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => requests.push({ ua: String(r.headers['user-agent'] ?? ''), url: r.url }) });
  });
  afterAll(async () => t?.stop());

  it.each(demo)('$name: kt logs $args', async (c) => check(() => t, { ...c, args: ['logs', ...c.args] })());

  it('sends the same pods/log query strings as kubectl for every flag', async () => {
    const variants: string[][] = [
      ['hello-unicode'],
      ['hello-unicode', '--timestamps', '--limit-bytes=100', '--tail=0', '--since=1500ms', '--insecure-skip-tls-verify-backend'],
      ['hello-unicode', '--since-time=2020-01-01T10:00:00.5-03:30', '-p', '--ignore-errors'],
      ['-n', 'shop', '-l', 'app=web', '--prefix'],
      ['-n', 'shop', '-l', 'app=web', '--tail=3'],
      ['-n', 'shop', 'deploy/checkout', '--all-containers', '--tail=-1'],
      ['-n', 'batch', 'nightly-report-7xk2p', '-f', '--since=0s'],
    ];
    for (const v of variants) {
      requests.length = 0;
      await both(['logs', ...v], t.env);
      const logs = (who: RegExp): string[] => requests.filter((r) => who.test(r.ua) && r.url.includes('/log')).map((r) => r.url).sort();
      const kubectl = logs(/^kubectl/);
      expect(kubectl.length).toBeGreaterThan(0);
      expect(logs(/^kt\//)).toEqual(kubectl);
    }
  });

  it('follows a running container until the kubelet ends the stream', async () => {
    requests.length = 0;
    const pending = both(['logs', '-f', 'hello-unicode', '--tail=1'], t.env);
    const opened = (who: RegExp): boolean => requests.some((r) => who.test(r.ua) && r.url.includes('/log?') && r.url.includes('follow=true'));
    for (let i = 0; i < 200 && !(opened(/^kubectl/) && opened(/^kt\//)); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 100));
    t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'appended while following ✓');
    t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'second');
    await new Promise((r) => setTimeout(r, 100));
    t.sim.cluster.logs.terminate('default', 'hello-unicode', 'hello');
    const { kt, kubectl } = await pending;
    expect(kubectl.stdout).toContain('appended while following ✓\nsecond\n');
    expect(kt).toEqual(kubectl);
  });

  it('ends with the same error when a followed stream is cut (1.32 does not reconnect)', async () => {
    requests.length = 0;
    const pending = both(['logs', '-f', '-n', 'shop', 'web-7d9c6b5f4-zt8mn', '--tail=1', '--timestamps'], t.env);
    const opened = (who: RegExp): boolean => requests.some((r) => who.test(r.ua) && r.url.includes('/log?') && r.url.includes('follow=true'));
    for (let i = 0; i < 200 && !(opened(/^kubectl/) && opened(/^kt\//)); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 100));
    t.sim.cluster.appendLog('shop', 'web-7d9c6b5f4-zt8mn', 'nginx', 'just before the cut');
    await new Promise((r) => setTimeout(r, 100));
    t.sim.cluster.logs.cut('shop', 'web-7d9c6b5f4-zt8mn', 'nginx');
    const { kt, kubectl } = await pending;
    expect(kubectl.stdout).toContain(' just before the cut\n');
    expect(kt).toEqual(kubectl);
  });
});

describe.skipIf(!KUBECTL)('kt logs matches kubectl 1.32 on the logs-edge scenario', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'logs-edge' });
  });
  afterAll(async () => t?.stop());

  it.each(edge)('$name: kt logs $args', async (c) => check(() => t, { ...c, args: ['logs', ...c.args] })());

  // kubectl waits for a pod with a watch until --pod-running-timeout, then gives up in its own words.
  it('times out waiting for a pod behind a service, as kubectl does', async () => {
    const { kt, kubectl } = await both(['logs', '-n', 'edge', 'svc/nopods', '--pod-running-timeout=1s'], t.env);
    expect(kt).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition\n', code: 1 });
    expect(kt).toEqual(kubectl);
  });
});
