// kt events against real kubectl 1.32 on the same simulated cluster: stdout, stderr and exit code must be identical
// — for lists, every -o format, every error, and watches (stopped with Ctrl-C, as a person would).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asKt, both, KT_BIN, KUBECTL, type Result } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { RESOURCE_TYPES } from '../src/k8s/resources.js';

const EVENTS = RESOURCE_TYPES.find((r) => r.group === '' && r.resource === 'events')!;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The demo scenario has ages under 10 minutes, which print to the second. Its sim is loaded at a whole second, so
 * every age turns over exactly when the wall clock's second does; starting both tools early in a second keeps the
 * two from reading different seconds.
 */
async function earlyInSecond(): Promise<void> {
  const frac = Date.now() % 1000;
  if (frac > 350) await sleep(1000 - frac + 10);
}

/** A sim whose scenario is loaded at a whole second of the wall clock. */
function wholeSecondClock(): () => number {
  const offset = Date.now() % 1000;
  return () => Date.now() - offset;
}

/** Runs a command as a child process, then Ctrl-C after `ms`; `during` runs halfway (e.g. to add an event). */
function runInterrupted(file: string, args: readonly string[], env: Record<string, string>, ms: number): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) });
    });
  });
}

async function watchBoth(args: readonly string[], env: Record<string, string>, during?: () => void): Promise<{ kt: Result; kubectl: Result }> {
  const ms = 2500;
  const runs = Promise.all([runInterrupted(process.execPath, [KT_BIN, ...args], { NO_COLOR: '1', ...env }, ms), runInterrupted(KUBECTL!, args, env, ms)]);
  if (during) {
    await sleep(1500);
    during();
  }
  const [kt, kubectl] = await runs;
  return { kt, kubectl: { ...kubectl, stderr: asKt(kubectl.stderr) } };
}

const demoCases: { name: string; args: string[] }[] = [
  { name: 'the context namespace', args: ['events'] },
  { name: 'a namespace', args: ['events', '-n', 'shop'] },
  { name: 'all namespaces (series, counts, eventTime only)', args: ['events', '-A'] },
  { name: '--all-namespaces=true and --namespace=', args: ['events', '--all-namespaces=true', '--namespace=shop'] },
  { name: 'no headers', args: ['events', '-A', '--no-headers'] },
  { name: '--no-headers=false', args: ['events', '-n', 'shop', '--no-headers=false'] },
  { name: 'an empty namespace', args: ['events', '-n', 'quiet'] },
  { name: 'a namespace that does not exist', args: ['events', '-n', 'nope'] },
  { name: 'nothing left after --types, across namespaces', args: ['events', '-n', 'batch', '--types=Warning'] },
  { name: '--types, case-insensitive comma list', args: ['events', '-A', '--types', 'normal,WARNING'] },
  { name: '--types repeated', args: ['events', '-A', '--types=Warning', '--types=normal'] },
  { name: '--types=Warning', args: ['events', '-A', '--types=Warning'] },
  { name: 'bad --types', args: ['events', '--types=Error'] },
  { name: 'bad --types among good ones', args: ['events', '--types=Normal,warn'] },
  { name: '--for pod/NAME', args: ['events', '-n', 'shop', '--for', 'pod/checkout-6f8b9c7d5-p4x7w'] },
  { name: '--for=Pods/NAME', args: ['events', '-n', 'shop', '--for=Pods/checkout-6f8b9c7d5-p4x7w'] },
  { name: '--for po/NAME', args: ['events', '--for', 'po/bigquery-runner'] },
  { name: '--for deploy/web', args: ['events', '-n', 'shop', '--for', 'deploy/web'] },
  { name: '--for deployment.apps/web', args: ['events', '-n', 'shop', '--for', 'deployment.apps/web'] },
  { name: '--for deployments.v1.apps/web', args: ['events', '-n', 'shop', '--for', 'deployments.v1.apps/web'] },
  { name: '--for node/NAME (cluster-scoped)', args: ['events', '--for', 'node/node-b'] },
  { name: '--for job/NAME with -A', args: ['events', '-A', '--for', 'job/nightly-report'] },
  { name: '--for an object without events', args: ['events', '--for', 'pod/nope'] },
  { name: '--for pod/ (no name: no filter)', args: ['events', '--for', 'pod/'] },
  { name: '--for ev/x (ambiguous short name warning)', args: ['events', '--for', 'ev/x'] },
  { name: '--for without a slash', args: ['events', '--for', 'pod'] },
  { name: '--for with two slashes', args: ['events', '--for', 'pod/a/b'] },
  { name: '--for an unknown type', args: ['events', '--for', 'foo/bar'] },
  { name: '--for an unknown type in a group', args: ['events', '--for', 'Foo.Bar/x'] },
  { name: '--for an unknown version', args: ['events', '--for', 'deployments.v2.apps/web'] },
  { name: '--for error comes before -o and --types errors', args: ['events', '--for', 'foo/bar', '-o', 'wide', '--types=x'] },
  { name: '-o error comes before --types error', args: ['events', '-o', 'wide', '--types=x'] },
  { name: '-o wide is not supported', args: ['events', '-o', 'wide'] },
  { name: 'an unknown -o', args: ['events', '-o', 'table'] },
  { name: '-o json (Go struct order, nulls)', args: ['events', '-A', '-o', 'json'] },
  { name: '-o json with --no-headers', args: ['events', '-n', 'shop', '-o', 'json', '--no-headers'] },
  { name: '-o yaml', args: ['events', '-A', '-o', 'yaml'] },
  { name: '-oyaml', args: ['events', '-n', 'default', '-oyaml'] },
  { name: '-o name prints nothing (kubectl ignores the printer error)', args: ['events', '-A', '-o', 'name'] },
  { name: '-o jsonpath', args: ['events', '-A', '-o', 'jsonpath={.items[*].reason}'] },
  { name: '-o jsonpath with tabs (aligned by the tab writer)', args: ['events', '-A', '-o', 'jsonpath={range .items[*]}{.reason}{"\\t"}{.type}{"\\t"}{.involvedObject.name}{"\\n"}{end}'] },
  { name: '-o jsonpath-as-json', args: ['events', '-n', 'default', '-o', 'jsonpath-as-json={.items[*].eventTime}'] },
  { name: '-o jsonpath with --template', args: ['events', '-o', 'jsonpath', '--template', '{.kind} {.metadata}'] },
  { name: '-o jsonpath without a template', args: ['events', '-o', 'jsonpath'] },
  { name: 'a bad jsonpath', args: ['events', '-o', 'jsonpath={.items[0'] },
  { name: 'a missing key with --allow-missing-template-keys=false', args: ['events', '-o', 'jsonpath={.items[0].nope}', '--allow-missing-template-keys=false'] },
  { name: '--chunk-size is accepted and ignored', args: ['events', '-A', '--chunk-size', '2'] },
  { name: 'a bad --chunk-size', args: ['events', '--chunk-size=x'] },
  { name: 'a bad --watch value', args: ['events', '--watch=maybe'] },
  { name: 'an unknown flag', args: ['events', '--foo'] },
  { name: 'an unknown shorthand', args: ['events', '-x'] },
  { name: '--for without its value', args: ['events', '--for'] },
  { name: 'arguments are ignored', args: ['events', 'extra', 'args'] },
  { name: 'a context that does not exist', args: ['--context', 'nope', 'events'] },
];

describe.skipIf(!KUBECTL)('kt events matches kubectl 1.32 on the demo scenario', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', now: wholeSecondClock() });
  });
  afterAll(async () => t?.stop());

  it.each(demoCases)('$name: kt $args', async ({ args }) => {
    await earlyInSecond();
    const { kt, kubectl } = await both(args, t.env);
    expect(kt).toEqual(kubectl);
  });

  it.each([
    { name: 'watch: the initial ADDED events, in arrival order', args: ['events', '-A', '-w'] },
    { name: 'watch a namespace without headers', args: ['events', '-n', 'shop', '--watch', '--no-headers'] },
    { name: 'watch --for with --types', args: ['events', '-w', '--for', 'pod/api-gateway-typo', '--types=warning'] },
    { name: 'watch -o json (one object per event)', args: ['events', '-A', '-w', '-o', 'json'] },
    { name: 'watch -o yaml (--- between events)', args: ['events', '-A', '-w', '-o', 'yaml'] },
    { name: 'watch -o name (a single event has a name)', args: ['events', '-A', '-w', '-o', 'name'] },
    { name: 'watch -o jsonpath', args: ['events', '-A', '-w', '-o', 'jsonpath={.reason}{"\\n"}'] },
  ])('$name: kt $args', async ({ args }) => {
    await earlyInSecond();
    const { kt, kubectl } = await watchBoth(args, t.env);
    expect(kubectl.code).toBe(1); // Ctrl-C
    expect(kt).toEqual(kubectl);
  });

  it('watch: events arriving later are printed with widths that only grow; deletions are skipped', async () => {
    await earlyInSecond();
    const at = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const { kt, kubectl } = await watchBoth(['events', '-n', 'shop', '-w'], t.env, () => {
      t.sim.cluster.addEvent({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'payments-0.live1', namespace: 'shop' },
        involvedObject: { kind: 'StatefulSet', namespace: 'shop', name: 'payments-with-a-much-longer-name', apiVersion: 'apps/v1' },
        reason: 'SuccessfulCreateWithALongReason',
        message: 'create Pod payments-0 in StatefulSet payments successful',
        source: { component: 'statefulset-controller' },
        firstTimestamp: at,
        lastTimestamp: at,
        count: 1,
        type: 'Normal',
      });
      t.sim.cluster.store.delete(EVENTS, 'shop', 'web.181a0c0a1f2e3d4c');
    });
    expect(kt.stdout).toContain('SuccessfulCreateWithALongReason');
    expect(kt).toEqual(kubectl);
  });
});

const edgeCases: { name: string; args: string[] }[] = [
  { name: 'only eventTime, only series, null times, ESC, CR, tab, newline, unicode', args: ['events', '-n', 'edge'] },
  { name: 'all namespaces: Node events, >12 equal times (pdqsort order)', args: ['events', '-A'] },
  { name: '19 events, 15 at the same time', args: ['events', '-n', 'ties'] },
  { name: 'ties without headers', args: ['events', '-n', 'ties', '--no-headers', '--types=normal'] },
  { name: 'an empty namespace', args: ['events', '-n', 'empty'] },
  { name: 'nothing matches across namespaces', args: ['events', '-A', '--for', 'pod/nothing'] },
  { name: '-o json: typed struct order, omitted and null fields, HTML escapes, sorted maps', args: ['events', '-n', 'edge', '-o', 'json'] },
  { name: '-o yaml', args: ['events', '-A', '-o', 'yaml'] },
  { name: '-o json --show-managed-fields', args: ['events', '-n', 'edge', '-o', 'json', '--show-managed-fields'] },
  { name: '-o yaml --show-managed-fields', args: ['events', '-n', 'edge', '-o', 'yaml', '--show-managed-fields'] },
  { name: '-o jsonpath keeps managedFields', args: ['events', '-n', 'edge', '-o', 'jsonpath-as-json={.items[*].metadata}'] },
  { name: '-o jsonpath over messages with ESC and tabs', args: ['events', '-n', 'edge', '-o', 'jsonpath={.items[*].message}'] },
  { name: '--for node/NAME', args: ['events', '--for', 'node/worker-1'] },
  { name: '--for deploy/NAME', args: ['events', '-n', 'edge', '--for', 'deploy/web'] },
  { name: 'Warnings across namespaces', args: ['events', '-A', '--types=warning'] },
  { name: 'more than 500 events: limit=500 and continue, 1000+ equal times', args: ['events', '-n', 'bulk'] },
  { name: 'more than 500 events with -A', args: ['events', '-A', '--no-headers'] },
];

describe.skipIf(!KUBECTL)('kt events matches kubectl 1.32 on awkward data (events-edge scenario)', () => {
  let t: TestSim;
  const requests: string[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'events-edge', onRequest: (r) => void requests.push(r.url) });
    // A namespace with more events than one page (limit=500), most at one time, in name order ≠ time order.
    const base = Date.now() - 40 * 60_000;
    for (let i = 0; i < 1203; i++) {
      const at = new Date(base - (i % 7 === 0 ? (i % 3) * 60_000 : 0)).toISOString().replace(/\.\d+Z$/, 'Z');
      t.sim.cluster.addEvent({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `bulk-${String(i).padStart(4, '0')}.${i.toString(16)}`, namespace: 'bulk' },
        involvedObject: { kind: 'Pod', namespace: 'bulk', name: `b-${i % 37}`, apiVersion: 'v1' },
        reason: ['Pulled', 'Created', 'Started'][i % 3],
        message: `bulk event ${i}`,
        source: { component: 'kubelet' },
        firstTimestamp: at,
        lastTimestamp: at,
        count: 1,
        type: i % 11 === 0 ? 'Warning' : 'Normal',
      });
    }
  });
  afterAll(async () => t?.stop());

  it.each(edgeCases)('$name: kt $args', async ({ args }) => {
    const { kt, kubectl } = await both(args, t.env);
    expect(kt).toEqual(kubectl);
  });

  it('watch across namespaces: initial ADDED order, ESC and newlines, widths that only grow', async () => {
    const { kt, kubectl } = await watchBoth(['events', '-A', '-w'], t.env);
    expect(kubectl.code).toBe(1);
    expect(kt).toEqual(kubectl);
  });

  it('lists with limit=500 and follows continue, as kubectl does', async () => {
    requests.length = 0;
    const { kt } = await both(['events', '-n', 'bulk', '--chunk-size', '7'], t.env);
    expect(kt.code).toBe(0);
    const lists = requests.filter((u) => u.startsWith('/api/v1/namespaces/bulk/events'));
    // Three pages each for kt and kubectl: the first without continue, two with.
    expect(lists.filter((u) => /[?&]limit=500(&|$)/.test(u))).toHaveLength(6);
    expect(lists.filter((u) => u.includes('continue='))).toHaveLength(4);
  });
});
