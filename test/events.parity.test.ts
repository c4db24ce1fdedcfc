// kt events against real kubectl 1.32 on the same simulated cluster: each case first checks that kubectl did what
// the case says (so a broken sim fails it), then that kt's stdout, stderr and exit code are identical — for lists,
// every -o format, every error, and watches (stopped with Ctrl-C, as a person would).
//
// Ages (LAST SEEN) come from each tool's own clock, which cannot be pinned for kubectl: they are compared as
// durations, within the time the two runs took (helpers/ages.ts); everything else must be identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubectl } from './helpers/kubectl.js';
import { compareResults, expectParity, fails, quiet, succeeds, type KubectlExpectation } from './helpers/parity.js';
import { startKt, until } from './helpers/process.js';
import { needs } from './helpers/requirements.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { RESOURCE_TYPES } from '../src/k8s/resources.js';
import type { CoreEvent } from '../src/k8s/types.js';

const EVENTS = RESOURCE_TYPES.find((r) => r.group === '' && r.resource === 'events')!;

interface Case {
  name: string;
  args: string[];
  kubectl: KubectlExpectation;
}

/** Watch requests for events that reached the sim, by client. */
function watchRecorder(): { onRequest: (r: { url: string; headers: Record<string, unknown> }) => void; opened: (who: RegExp) => boolean; clear(): void } {
  const seen: string[] = [];
  return {
    onRequest: (r) => {
      if (/\/events\?/.test(r.url) && /[?&]watch=(true|1)/.test(r.url)) seen.push(String(r.headers['user-agent'] ?? ''));
    },
    opened: (who) => seen.some((ua) => who.test(ua)),
    clear: () => void seen.splice(0),
  };
}

interface Watch {
  name: string;
  args: string[];
  /** The event added once both watches are open: seeing it printed means everything before it was too. */
  sentinel: CoreEvent;
  /** The sentinel's record printed in full. */
  printed: RegExp;
}

/** An event both watches must print after their initial ones (20 minutes old: its age is whole minutes). */
function sentinel(namespace: string, extra: Partial<CoreEvent> = {}): CoreEvent {
  const at = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'watch-sentinel.1', namespace },
    involvedObject: { kind: 'Pod', namespace, name: 'watch-sentinel', apiVersion: 'v1' },
    reason: 'WatchSentinel',
    message: 'added once both watches were open',
    source: { component: 'kt-tests' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type: 'Warning',
    ...extra,
  };
}

const LINE = /WatchSentinel.*\n/;

/**
 * Runs kt and kubectl with the same watch, waits until both watches are open, adds the sentinel (after `change`,
 * if given), waits until both printed it, then presses Ctrl-C in both. kubectl must have printed it and exited 1.
 */
async function watchParity(t: TestSim, watches: ReturnType<typeof watchRecorder>, w: Watch, change?: () => void): Promise<void> {
  watches.clear();
  const started = Date.now();
  const kt = startKt(w.args, t.env);
  const kubectl = startKubectl(w.args, t.env);
  try {
    await until('both watches to be open', () => watches.opened(/^kt\//) && watches.opened(/^kubectl/));
    change?.();
    t.sim.cluster.addEvent(w.sentinel);
    await Promise.all([kt.waitForOutput(w.printed), kubectl.waitForOutput(w.printed)]);
    kt.interrupt();
    kubectl.interrupt();
    const [a, b] = await Promise.all([kt.result(), kubectl.result()]);
    await compareResults({ code: 1, stdout: w.printed, stderr: 'empty' }, a, b, { agesWithinMs: Date.now() - started });
  } finally {
    kt.kill();
    kubectl.kill();
    t.sim.cluster.store.delete(EVENTS, w.sentinel.metadata!.namespace, w.sentinel.metadata!.name!);
  }
}

const demoCases: Case[] = [
  { name: 'the context namespace', args: ['events'], kubectl: succeeds() },
  { name: 'a namespace', args: ['events', '-n', 'shop'], kubectl: succeeds() },
  { name: 'all namespaces (series, counts, eventTime only)', args: ['events', '-A'], kubectl: succeeds() },
  { name: '--all-namespaces=true and --namespace=', args: ['events', '--all-namespaces=true', '--namespace=shop'], kubectl: succeeds() },
  { name: 'no headers', args: ['events', '-A', '--no-headers'], kubectl: succeeds() },
  { name: '--no-headers=false', args: ['events', '-n', 'shop', '--no-headers=false'], kubectl: succeeds() },
  { name: 'an empty namespace', args: ['events', '-n', 'quiet'], kubectl: quiet('No events found in quiet namespace.\n') },
  { name: 'a namespace that does not exist', args: ['events', '-n', 'nope'], kubectl: quiet('No events found in nope namespace.\n') },
  { name: 'nothing left after --types, across namespaces', args: ['events', '-n', 'batch', '--types=Warning'], kubectl: quiet('No events found in batch namespace.\n') },
  { name: '--types, case-insensitive comma list', args: ['events', '-A', '--types', 'normal,WARNING'], kubectl: succeeds() },
  { name: '--types repeated', args: ['events', '-A', '--types=Warning', '--types=normal'], kubectl: succeeds() },
  { name: '--types=Warning', args: ['events', '-A', '--types=Warning'], kubectl: succeeds() },
  { name: 'bad --types', args: ['events', '--types=Error'], kubectl: fails('error: valid --types are Normal or Warning\n') },
  { name: 'bad --types among good ones', args: ['events', '--types=Normal,warn'], kubectl: fails('error: valid --types are Normal or Warning\n') },
  { name: '--for pod/NAME', args: ['events', '-n', 'shop', '--for', 'pod/checkout-6f8b9c7d5-p4x7w'], kubectl: succeeds() },
  { name: '--for=Pods/NAME', args: ['events', '-n', 'shop', '--for=Pods/checkout-6f8b9c7d5-p4x7w'], kubectl: succeeds() },
  { name: '--for po/NAME', args: ['events', '--for', 'po/bigquery-runner'], kubectl: succeeds() },
  { name: '--for deploy/web', args: ['events', '-n', 'shop', '--for', 'deploy/web'], kubectl: succeeds() },
  { name: '--for deployment.apps/web', args: ['events', '-n', 'shop', '--for', 'deployment.apps/web'], kubectl: succeeds() },
  { name: '--for deployments.v1.apps/web', args: ['events', '-n', 'shop', '--for', 'deployments.v1.apps/web'], kubectl: succeeds() },
  { name: '--for node/NAME (cluster-scoped)', args: ['events', '--for', 'node/node-b'], kubectl: succeeds() },
  { name: '--for job/NAME with -A', args: ['events', '-A', '--for', 'job/nightly-report'], kubectl: succeeds() },
  { name: '--for an object without events', args: ['events', '--for', 'pod/nope'], kubectl: quiet('No events found in default namespace.\n') },
  { name: '--for pod/ (no name: no filter)', args: ['events', '--for', 'pod/'], kubectl: succeeds() },
  { name: '--for ev/x (ambiguous short name warning)', args: ['events', '--for', 'ev/x'], kubectl: quiet('Warning: short name "ev" could also match lower priority resource events.events.k8s.io\nNo events found in default namespace.\n') },
  { name: '--for without a slash', args: ['events', '--for', 'pod'], kubectl: fails('error: --for must be in resource/name form\n') },
  { name: '--for with two slashes', args: ['events', '--for', 'pod/a/b'], kubectl: fails('error: arguments in resource/name form may not have more than one slash\n') },
  { name: '--for an unknown type', args: ['events', '--for', 'foo/bar'], kubectl: fails('the server doesn\'t have a resource type "foo"\n') },
  { name: '--for an unknown type in a group', args: ['events', '--for', 'Foo.Bar/x'], kubectl: fails('the server doesn\'t have a resource type "foo" in group "bar"\n') },
  { name: '--for an unknown version', args: ['events', '--for', 'deployments.v2.apps/web'], kubectl: fails('the server doesn\'t have a resource type "deployments" in group "v2.apps"\n') },
  { name: '--for error comes before -o and --types errors', args: ['events', '--for', 'foo/bar', '-o', 'wide', '--types=x'], kubectl: fails('the server doesn\'t have a resource type "foo"\n') },
  { name: '-o error comes before --types error', args: ['events', '-o', 'wide', '--types=x'], kubectl: fails('error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n') },
  { name: '-o wide is not supported', args: ['events', '-o', 'wide'], kubectl: fails('error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n') },
  { name: 'an unknown -o', args: ['events', '-o', 'table'], kubectl: fails('error: unable to match a printer suitable for the output format "table", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n') },
  { name: '-o json (Go struct order, nulls)', args: ['events', '-A', '-o', 'json'], kubectl: succeeds() },
  { name: '-o json with --no-headers', args: ['events', '-n', 'shop', '-o', 'json', '--no-headers'], kubectl: succeeds() },
  { name: '-o yaml', args: ['events', '-A', '-o', 'yaml'], kubectl: succeeds() },
  { name: '-oyaml', args: ['events', '-n', 'default', '-oyaml'], kubectl: succeeds() },
  { name: '-o name prints nothing (kubectl ignores the printer error)', args: ['events', '-A', '-o', 'name'], kubectl: quiet() },
  { name: '-o jsonpath', args: ['events', '-A', '-o', 'jsonpath={.items[*].reason}'], kubectl: succeeds() },
  { name: '-o jsonpath with tabs (aligned by the tab writer)', args: ['events', '-A', '-o', 'jsonpath={range .items[*]}{.reason}{"\\t"}{.type}{"\\t"}{.involvedObject.name}{"\\n"}{end}'], kubectl: succeeds() },
  { name: '-o jsonpath-as-json', args: ['events', '-n', 'default', '-o', 'jsonpath-as-json={.items[*].eventTime}'], kubectl: succeeds() },
  { name: '-o jsonpath with --template', args: ['events', '-o', 'jsonpath', '--template', '{.kind} {.metadata}'], kubectl: succeeds() },
  { name: '-o jsonpath without a template', args: ['events', '-o', 'jsonpath'], kubectl: fails('error: template format specified but no template given\n') },
  { name: 'a bad jsonpath', args: ['events', '-o', 'jsonpath={.items[0'], kubectl: fails('error: error parsing jsonpath {.items[0, unterminated array\n') },
  { name: 'a missing key with --allow-missing-template-keys=false', args: ['events', '-o', 'jsonpath={.items[0].nope}', '--allow-missing-template-keys=false'], kubectl: quiet() },
  { name: '--chunk-size is accepted and ignored', args: ['events', '-A', '--chunk-size', '2'], kubectl: succeeds() },
  { name: 'a bad --chunk-size', args: ['events', '--chunk-size=x'], kubectl: fails('error: invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl events --help\' for usage.\n') },
  { name: 'a bad --watch value', args: ['events', '--watch=maybe'], kubectl: fails('error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl events --help\' for usage.\n') },
  { name: 'an unknown flag', args: ['events', '--foo'], kubectl: fails("error: unknown flag: --foo\nSee 'kubectl events --help' for usage.\n") },
  { name: 'an unknown shorthand', args: ['events', '-x'], kubectl: fails("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl events --help' for usage.\n") },
  { name: '--for without its value', args: ['events', '--for'], kubectl: fails("error: flag needs an argument: --for\nSee 'kubectl events --help' for usage.\n") },
  { name: 'arguments are ignored', args: ['events', 'extra', 'args'], kubectl: succeeds() },
  { name: 'a context that does not exist', args: ['--context', 'nope', 'events'], kubectl: fails('Error in configuration: context was not found for specified context: nope\n') },
];

const demoWatches: Watch[] = [
  { name: 'watch: the initial ADDED events, in arrival order', args: ['events', '-A', '-w'], sentinel: sentinel('default'), printed: LINE },
  { name: 'watch a namespace without headers', args: ['events', '-n', 'shop', '--watch', '--no-headers'], sentinel: sentinel('shop'), printed: LINE },
  {
    name: 'watch --for with --types',
    args: ['events', '-w', '--for', 'pod/api-gateway-typo', '--types=warning'],
    sentinel: sentinel('default', { involvedObject: { kind: 'Pod', namespace: 'default', name: 'api-gateway-typo', apiVersion: 'v1' } }),
    printed: LINE,
  },
  { name: 'watch -o json (one object per event)', args: ['events', '-A', '-w', '-o', 'json'], sentinel: sentinel('default'), printed: /"reason": "WatchSentinel"[^]*\n\}\n/ },
  { name: 'watch -o yaml (--- between events)', args: ['events', '-A', '-w', '-o', 'yaml'], sentinel: sentinel('default'), printed: /reason: WatchSentinel\n[^]*\ntype: Warning\n/ },
  { name: 'watch -o name (a single event has a name)', args: ['events', '-A', '-w', '-o', 'name'], sentinel: sentinel('default'), printed: /event\/watch-sentinel\.1\n/ },
  { name: 'watch -o jsonpath', args: ['events', '-A', '-w', '-o', 'jsonpath={.reason}{"\\n"}'], sentinel: sentinel('default'), printed: LINE },
];

describe('kt events matches kubectl 1.32 on the demo scenario', needs('kubectl'), () => {
  let t: TestSim;
  const watches = watchRecorder();
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: watches.onRequest });
  });
  afterAll(async () => t?.stop());

  it.each(demoCases)('$name: kt $args', async (c) => {
    await expectParity(c.kubectl, c.args, t.env, { ages: true });
  });

  it.each(demoWatches)('$name: kt $args', (w) => watchParity(t, watches, w));

  it('watch: events arriving later are printed with widths that only grow; deletions are skipped', async () => {
    const at = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const late = sentinel('shop', {
      metadata: { name: 'payments-0.live1', namespace: 'shop' },
      involvedObject: { kind: 'StatefulSet', namespace: 'shop', name: 'payments-with-a-much-longer-name', apiVersion: 'apps/v1' },
      reason: 'SuccessfulCreateWithALongReason',
      message: 'create Pod payments-0 in StatefulSet payments successful',
      source: { component: 'statefulset-controller' },
      firstTimestamp: at,
      lastTimestamp: at,
      type: 'Normal',
    });
    const deleted = t.sim.cluster.store.get(EVENTS, 'shop', 'web.181a0c0a1f2e3d4c');
    expect(deleted).toBeDefined();
    try {
      // The deletion comes first on the stream: once the late event is printed, the deletion was seen (and skipped).
      await watchParity(t, watches, { name: 'late', args: ['events', '-n', 'shop', '-w'], sentinel: late, printed: /SuccessfulCreateWithALongReason.*\n/ }, () => {
        t.sim.cluster.store.delete(EVENTS, 'shop', 'web.181a0c0a1f2e3d4c');
      });
    } finally {
      t.sim.cluster.addEvent(deleted!);
    }
  });
});

const edgeCases: Case[] = [
  { name: 'only eventTime, only series, null times, ESC, CR, tab, newline, unicode', args: ['events', '-n', 'edge'], kubectl: succeeds() },
  { name: 'all namespaces: Node events, >12 equal times (pdqsort order)', args: ['events', '-A'], kubectl: succeeds() },
  { name: '19 events, 15 at the same time', args: ['events', '-n', 'ties'], kubectl: succeeds() },
  { name: 'ties without headers', args: ['events', '-n', 'ties', '--no-headers', '--types=normal'], kubectl: succeeds() },
  { name: 'an empty namespace', args: ['events', '-n', 'empty'], kubectl: quiet('No events found in empty namespace.\n') },
  { name: 'nothing matches across namespaces', args: ['events', '-A', '--for', 'pod/nothing'], kubectl: quiet('No events found.\n') },
  { name: '-o json: typed struct order, omitted and null fields, HTML escapes, sorted maps', args: ['events', '-n', 'edge', '-o', 'json'], kubectl: succeeds() },
  { name: '-o yaml', args: ['events', '-A', '-o', 'yaml'], kubectl: succeeds() },
  { name: '-o json --show-managed-fields', args: ['events', '-n', 'edge', '-o', 'json', '--show-managed-fields'], kubectl: succeeds() },
  { name: '-o yaml --show-managed-fields', args: ['events', '-n', 'edge', '-o', 'yaml', '--show-managed-fields'], kubectl: succeeds() },
  { name: '-o jsonpath keeps managedFields', args: ['events', '-n', 'edge', '-o', 'jsonpath-as-json={.items[*].metadata}'], kubectl: succeeds() },
  { name: '-o jsonpath over messages with ESC and tabs', args: ['events', '-n', 'edge', '-o', 'jsonpath={.items[*].message}'], kubectl: succeeds() },
  { name: '--for node/NAME', args: ['events', '--for', 'node/worker-1'], kubectl: succeeds() },
  { name: '--for deploy/NAME', args: ['events', '-n', 'edge', '--for', 'deploy/web'], kubectl: succeeds() },
  { name: 'Warnings across namespaces', args: ['events', '-A', '--types=warning'], kubectl: succeeds() },
  { name: 'more than 500 events: limit=500 and continue, 1000+ equal times', args: ['events', '-n', 'bulk'], kubectl: succeeds() },
  { name: 'more than 500 events with -A', args: ['events', '-A', '--no-headers'], kubectl: succeeds() },
];

describe('kt events matches kubectl 1.32 on awkward data (events-edge scenario)', needs('kubectl'), () => {
  let t: TestSim;
  const requests: string[] = [];
  const watches = watchRecorder();
  beforeAll(async () => {
    t = await startTestSim({
      scenario: 'events-edge',
      onRequest: (r) => {
        requests.push(r.url);
        watches.onRequest(r);
      },
    });
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

  it.each(edgeCases)('$name: kt $args', async (c) => {
    await expectParity(c.kubectl, c.args, t.env, { ages: true });
  });

  it('watch across namespaces: initial ADDED order, ESC and newlines, widths that only grow', async () => {
    await watchParity(t, watches, { name: 'edge', args: ['events', '-A', '-w'], sentinel: sentinel('edge'), printed: LINE });
  });

  it('lists with limit=500 and follows continue, as kubectl does', async () => {
    requests.length = 0;
    await expectParity(succeeds(), ['events', '-n', 'bulk', '--chunk-size', '7'], t.env, { ages: true });
    const lists = requests.filter((u) => u.startsWith('/api/v1/namespaces/bulk/events'));
    // Three pages each for kt and kubectl: the first without continue, two with.
    expect(lists.filter((u) => /[?&]limit=500(&|$)/.test(u))).toHaveLength(6);
    expect(lists.filter((u) => u.includes('continue='))).toHaveLength(4);
  });
});
