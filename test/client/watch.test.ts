// The one watch (src/client/watch.ts) against the simulated cluster and its faults: a cut after N events, 410 Gone
// mid-watch (as an ERROR event and as an HTTP answer), bookmarks alone, Ctrl-C — every change delivered exactly
// once and the ending reported — plus the sim's side of it (bookmarks only for watches that ask, at an interval,
// after sendInitialEvents' initial state, and 410 Gone for a resourceVersion older than its compaction window),
// and two commands on it: debug's wait (kubectl's requests) and top -w.
import { needs } from '../helpers/requirements.js';
import { spawn } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/client/api.js';
import { ApiError } from '../../src/client/errors.js';
import { resolveConfig } from '../../src/client/kubeconfig/index.js';
import { Transport } from '../../src/client/transport.js';
import { watch, WatchedList, type WatchChange, type WatchNotice, type WatchOptions } from '../../src/client/watch.js';
import { formatGoDuration } from '../../src/go/duration.js';
import type { CoreEvent, KubeObject } from '../../src/k8s/types.js';
import { typeOf } from '../../src/sim/cluster.js';
import { waitForContainer } from '../../src/commands/debug/wait.js';
import { containerStatus } from '../../src/k8s/pod.js';
import { KT_BIN, KUBECTL } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { until } from '../reliability/helpers.js';

const EVENTS = typeOf('', 'events');

/** A gate a test opens: the watch's back-off waits on it, so the test can change the cluster while it is away. */
function gate(): { wait: (ms: number, signal: AbortSignal) => Promise<void>; open: () => void; waiting: () => boolean } {
  let release: () => void = () => {};
  let pending: Promise<void> | undefined;
  return {
    wait: (_ms, signal) => {
      pending ??= new Promise<void>((r) => {
        release = r;
        signal.addEventListener('abort', () => r(), { once: true });
      });
      return pending;
    },
    open: () => {
      release();
      pending = undefined;
    },
    waiting: () => pending !== undefined,
  };
}

describe('client/watch.ts against the sim', () => {
  let t: TestSim;
  let client: KubeClient;
  const requests: string[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => void requests.push(r.url) });
    client = new KubeClient(new Transport(resolveConfig({ kubeconfig: t.kubeconfig }, {}), { requestTimeoutMs: 0, verbosity: 0, log: () => {} }));
  });
  afterAll(async () => t?.stop());
  afterEach(() => {
    t.sim.faults.clear();
    t.sim.cluster.store.historyLimit = 10_000;
    t.sim.cluster.bookmarkIntervalMs = 60_000;
  });

  let serial = 0;
  const addEvent = (namespace: string, reason: string): CoreEvent =>
    t.sim.cluster.addEvent({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `w${String(++serial).padStart(4, '0')}.${reason.toLowerCase()}`, namespace },
      involvedObject: { kind: 'Pod', namespace, name: 'p' },
      reason,
      message: `event ${reason}`,
      type: 'Normal',
    }) as CoreEvent;

  /** Starts a watch of a namespace's events, recording every change and notice. */
  function watchEvents(namespace: string, o: Partial<WatchOptions<CoreEvent>> = {}) {
    const changes: string[] = [];
    const notices: WatchNotice[] = [];
    const controller = new AbortController();
    let synced = 0;
    const result = watch<CoreEvent>(client, {
      path: `/api/v1/namespaces/${namespace}/events`,
      onEvent: (c: WatchChange<CoreEvent>) => void changes.push(`${c.type} ${c.object.reason} ${c.origin}`),
      onNotice: (n) => void notices.push(n),
      onSynced: () => void synced++,
      signal: controller.signal,
      ...o,
    });
    return { changes, notices, result, abort: () => controller.abort(), synced: () => synced };
  }

  const watchRequests = (namespace: string): string[] => requests.filter((u) => u.startsWith(`/api/v1/namespaces/${namespace}/events?`) && u.includes('watch=true'));
  const listRequests = (namespace: string): string[] => requests.filter((u) => u.startsWith(`/api/v1/namespaces/${namespace}/events?`) && !u.includes('watch=true'));
  const rvOf = (url: string): string | null => new URL(url, 'http://x').searchParams.get('resourceVersion');

  it("lists from the watch cache, then watches from the list's resourceVersion as client-go's reflector does", async () => {
    const ns = 'w-reflector';
    addEvent(ns, 'Before');
    const listRV = String(t.sim.cluster.store.currentRevision);
    const w = watchEvents(ns);
    await until('the watch request', () => watchRequests(ns).length === 1);
    addEvent(ns, 'During');
    await until('the new event', () => w.changes.length === 2);
    w.abort();
    expect(await w.result).toEqual({ kind: 'aborted' });
    expect(w.changes).toEqual(['ADDED Before list', 'ADDED During watch']);
    expect(w.synced()).toBe(1);
    expect(listRequests(ns)).toEqual([`/api/v1/namespaces/${ns}/events?limit=500&resourceVersion=0`]);
    const m = /^\/api\/v1\/namespaces\/w-reflector\/events\?allowWatchBookmarks=true&resourceVersion=(\d+)&timeout=([0-9hms]+)&timeoutSeconds=(\d+)&watch=true$/.exec(watchRequests(ns)[0]!);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(listRV);
    const seconds = Number(m![3]);
    expect(seconds).toBeGreaterThanOrEqual(300);
    expect(seconds).toBeLessThan(600);
    expect(m![2]).toBe(formatGoDuration(BigInt(seconds) * 1_000_000_000n));
  });

  it('a stream cut after N events is watched again from the last resourceVersion: every event once', async () => {
    const ns = 'w-cut';
    t.sim.faults.add({ path: `/api/v1/namespaces/${ns}/events`, watch: true, times: 1, action: { kind: 'cut', afterLines: 2 } });
    const w = watchEvents(ns);
    await until('the watch request', () => watchRequests(ns).length === 1);
    const added = ['One', 'Two', 'Three', 'Four', 'Five'].map((r) => addEvent(ns, r));
    await until('five events', () => w.changes.length === 5);
    // One more after the reconnect, so a duplicate of the first five would have shown up before it.
    addEvent(ns, 'Six');
    await until('the sixth', () => w.changes.length >= 6);
    w.abort();
    expect(await w.result).toEqual({ kind: 'aborted' });
    expect(w.changes).toEqual(['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((r) => `ADDED ${r} watch`));
    expect(w.notices).toHaveLength(1);
    expect(w.notices[0]).toMatchObject({ kind: 'dropped', resourceVersion: added[1]!.metadata!.resourceVersion });
    expect(watchRequests(ns).map(rvOf)).toEqual([expect.any(String), added[1]!.metadata!.resourceVersion]);
    expect(listRequests(ns)).toHaveLength(1);
  });

  it('410 Gone mid-watch (an ERROR event) relists and delivers only what changed while it was away', async () => {
    const ns = 'w-gone';
    const [e1, e2, e3] = ['First', 'Second', 'Third'].map((r) => addEvent(ns, r));
    const away = gate();
    t.sim.faults.add({ path: `/api/v1/namespaces/${ns}/events`, watch: true, times: 1, action: { kind: 'cut', afterLines: 0 } });
    const w = watchEvents(ns, { sleep: away.wait });
    await until('the drop', () => away.waiting());
    // While the watch is away: one event changes, one goes, one arrives — and history is compacted.
    const changed = structuredClone(t.sim.cluster.store.get(EVENTS, ns, e2!.metadata!.name!)!);
    changed['message'] = 'changed while away';
    t.sim.cluster.store.update(EVENTS, changed);
    t.sim.cluster.store.delete(EVENTS, ns, e3!.metadata!.name!);
    addEvent(ns, 'Fourth');
    t.sim.cluster.store.compact();
    away.open();
    await until('the relist', () => w.synced() === 2);
    addEvent(ns, 'Fifth');
    await until('the fifth', () => w.changes.includes('ADDED Fifth watch'));
    w.abort();
    expect(await w.result).toEqual({ kind: 'aborted' });
    expect(w.changes).toEqual([
      'ADDED First list',
      'ADDED Second list',
      'ADDED Third list',
      'MODIFIED Second list',
      'ADDED Fourth list',
      'DELETED Third list',
      'ADDED Fifth watch',
    ]);
    expect(w.notices.map((n) => n.kind)).toEqual(['dropped', 'expired']);
    // list (rv=0), watch (cut), watch (410), relist (a consistent read: no resourceVersion), watch.
    expect(listRequests(ns)).toEqual([`/api/v1/namespaces/${ns}/events?limit=500&resourceVersion=0`, `/api/v1/namespaces/${ns}/events?limit=500`]);
    expect(watchRequests(ns)).toHaveLength(3);
    expect(e1).toBeDefined();
  });

  it('an HTTP 410 on a watch request relists too', async () => {
    const ns = 'w-http410';
    addEvent(ns, 'Only');
    t.sim.faults.add({ path: `/api/v1/namespaces/${ns}/events`, watch: true, times: 1, action: { kind: 'status', code: 410 } });
    const w = watchEvents(ns);
    await until('the relist', () => w.synced() === 2);
    addEvent(ns, 'Later');
    await until('the later event', () => w.changes.length === 2);
    w.abort();
    await w.result;
    expect(w.changes).toEqual(['ADDED Only list', 'ADDED Later watch']);
    expect(w.notices.map((n) => n.kind)).toEqual(['expired']);
  });

  it('bookmarks move the resourceVersion on without reaching the caller, so a quiet watch outlives compaction', async () => {
    const ns = 'w-bookmarks';
    t.sim.cluster.store.historyLimit = 5;
    // The watch's only line is a bookmark; the stream ends cleanly after it (a server-side timeout).
    t.sim.faults.add({ path: `/api/v1/namespaces/${ns}/events`, watch: true, times: 1, action: { kind: 'rotate', afterLines: 1 } });
    const w = watchEvents(ns);
    await until('the watch request', () => watchRequests(ns).length === 1);
    const listRV = rvOf(watchRequests(ns)[0]!);
    // Ten changes elsewhere: the list's resourceVersion falls out of the 5-change window.
    for (let i = 0; i < 10; i++) addEvent('w-elsewhere', `Noise${i}`);
    const latest = String(t.sim.cluster.store.currentRevision);
    t.sim.cluster.sendBookmarks();
    await until('the watch after the bookmark', () => watchRequests(ns).length === 2);
    w.abort();
    expect(await w.result).toEqual({ kind: 'aborted' });
    expect(rvOf(watchRequests(ns)[1]!)).toBe(latest);
    expect(Number(latest)).toBeGreaterThan(Number(listRV));
    expect(w.changes).toEqual([]);
    expect(w.notices).toEqual([{ kind: 'closed', resourceVersion: latest }]);
    expect(listRequests(ns)).toHaveLength(1); // no 410, no relist
  });

  it('stops at a Ctrl-C: during a stream, and during the back-off after a drop', async () => {
    const streaming = watchEvents('w-abort-1');
    await until('the watch request', () => watchRequests('w-abort-1').length === 1);
    streaming.abort();
    expect(await streaming.result).toEqual({ kind: 'aborted' });

    t.sim.faults.add({ path: '/api/v1/namespaces/w-abort-2/events', watch: true, action: { kind: 'cut', afterLines: 0 } });
    let w: ReturnType<typeof watchEvents> | undefined;
    w = watchEvents('w-abort-2', { onNotice: (n) => (n.kind === 'dropped' && w!.notices.push(n), w!.notices.length === 2 ? w!.abort() : undefined) });
    expect(await w.result).toEqual({ kind: 'aborted' });
    expect(w.notices).toHaveLength(2);
  });

  it('says how it ended: closed, expired, error, stopped; the first request failing is thrown', async () => {
    const path = (ns: string): string => `/api/v1/namespaces/${ns}/events`;
    const listRV = (): string => String(t.sim.cluster.store.currentRevision);

    t.sim.faults.add({ path: path('w-end-1'), watch: true, action: { kind: 'rotate', afterLines: 0 } });
    let rv = listRV();
    expect(await watchEvents('w-end-1', { reconnect: false }).result).toEqual({ kind: 'closed', resourceVersion: rv });

    t.sim.faults.add({ path: path('w-end-2'), watch: true, action: { kind: 'gone', afterLines: 0 } });
    rv = listRV();
    expect(await watchEvents('w-end-2', { relist: false }).result).toEqual({ kind: 'expired', resourceVersion: rv });

    t.sim.faults.add({ path: path('w-end-3'), watch: true, action: { kind: 'cut', afterLines: 0 } });
    expect(await watchEvents('w-end-3', { reconnect: false }).result).toMatchObject({ kind: 'error' });

    // Retrying cannot mend a 403 on the watch after the list was allowed.
    t.sim.faults.add({ path: path('w-end-4'), watch: true, times: 1, action: { kind: 'cut', afterLines: 0 } });
    t.sim.faults.add({ path: path('w-end-4'), watch: true, action: { kind: 'forbidden', user: 'jane' } });
    const forbidden = await watchEvents('w-end-4').result;
    expect(forbidden.kind).toBe('error');
    const error = forbidden.kind === 'error' ? forbidden.error : undefined;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).httpCode).toBe(403);

    addEvent('w-end-5', 'Stop');
    expect(await watchEvents('w-end-5', { onEvent: () => 'stop' }).result).toEqual({ kind: 'stopped' });
    expect(watchRequests('w-end-5')).toEqual([]);

    t.sim.faults.add({ path: path('w-end-6'), action: { kind: 'forbidden', user: 'jane' } });
    const thrown = await watchEvents('w-end-6').result.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as Error).message).toBe('events is forbidden: User "jane" cannot list resource "events" in API group "" in the namespace "w-end-6"');
  });

  it("kubectl events -w's plain first watch: no list, its own query; a reconnect is the reflector's, with nothing repeated", async () => {
    const ns = 'w-plain';
    for (const r of ['A', 'B', 'C']) addEvent(ns, r);
    t.sim.faults.add({ path: `/api/v1/namespaces/${ns}/events`, watch: true, times: 1, action: { kind: 'cut', afterLines: 3 } });
    const w = watchEvents(ns, { from: { resourceVersion: '' }, firstWatch: 'plain', watchQuery: { limit: 500 } });
    await until('the reconnect', () => watchRequests(ns).length === 2);
    addEvent(ns, 'D');
    await until('D', () => w.changes.length >= 4);
    w.abort();
    await w.result;
    expect(w.changes).toEqual(['ADDED A watch', 'ADDED B watch', 'ADDED C watch', 'ADDED D watch']);
    expect(listRequests(ns)).toEqual([]);
    expect(watchRequests(ns)[0]).toBe(`/api/v1/namespaces/${ns}/events?limit=500&watch=true`);
    expect(watchRequests(ns)[1]).toMatch(new RegExp(`^/api/v1/namespaces/${ns}/events\\?allowWatchBookmarks=true&limit=500&resourceVersion=\\d+&timeout=\\w+&timeoutSeconds=\\d+&watch=true$`));
  });

  it('WatchedList keeps a collection current from one list and a watch', async () => {
    const ns = 'w-cache';
    addEvent(ns, 'Kept');
    const controller = new AbortController();
    const cache = new WatchedList<KubeObject>(client, { path: `/api/v1/namespaces/${ns}/events`, signal: controller.signal });
    await cache.synced;
    expect(cache.list().items.map((e) => e['reason'])).toEqual(['Kept']);
    const gone = addEvent(ns, 'Gone');
    addEvent(ns, 'Arrived');
    t.sim.cluster.store.delete(EVENTS, ns, gone.metadata!.name!);
    await until('the changes', () => cache.list().items.length === 2 && cache.list().items.some((e) => e['reason'] === 'Arrived'));
    expect(cache.list().items.map((e) => e['reason']).sort()).toEqual(['Arrived', 'Kept']);
    expect(listRequests(ns)).toHaveLength(1);
    controller.abort();
    await until('the watch to end', () => cache.ended !== undefined);
  });
});

/** A raw watch request to the sim, collecting its lines. */
function rawWatch(url: string): { lines: string[]; close: () => void; ended: Promise<void> } {
  const lines: string[] = [];
  let res: IncomingMessage | undefined;
  const req = get(url);
  const ended = new Promise<void>((resolve) => {
    req.on('response', (r) => {
      res = r;
      let carry = '';
      r.setEncoding('utf8');
      r.on('data', (d: string) => {
        carry += d;
        const parts = carry.split('\n');
        carry = parts.pop()!;
        lines.push(...parts.filter((l) => l !== ''));
      });
      r.on('end', resolve);
      r.on('close', resolve);
    });
    req.on('error', () => resolve());
  });
  return { lines, ended, close: () => (res ? res.destroy() : req.destroy()) };
}

describe("the sim's watch: bookmarks and compaction", () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('sends bookmarks every bookmarkIntervalMs, only to the watches that ask for them', async () => {
    t.sim.cluster.bookmarkIntervalMs = 20;
    const asking = rawWatch(`${t.sim.url}/api/v1/namespaces/quiet/pods?watch=true&allowWatchBookmarks=true&resourceVersion=${t.sim.cluster.store.currentRevision}`);
    const silent = rawWatch(`${t.sim.url}/api/v1/namespaces/quiet/pods?watch=true&resourceVersion=${t.sim.cluster.store.currentRevision}`);
    try {
      // Both are open all along: three bookmarks on one mean the other would have had them too.
      await until('three bookmarks', () => asking.lines.length >= 3);
      expect(silent.lines).toEqual([]);
      expect(JSON.parse(asking.lines[0]!)).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: String(t.sim.cluster.store.currentRevision) } } });
    } finally {
      asking.close();
      silent.close();
      t.sim.cluster.bookmarkIntervalMs = 60_000;
    }
  });

  it("ends sendInitialEvents' initial state with a bookmark annotated k8s.io/initial-events-end", async () => {
    const w = rawWatch(`${t.sim.url}/api/v1/namespaces/shop/pods?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`);
    try {
      const pods = t.sim.cluster.store.list(typeOf('', 'pods'), 'shop').length;
      await until('the initial state and its bookmark', () => w.lines.length === pods + 1);
      expect(w.lines.slice(0, pods).map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(Array(pods).fill('ADDED'));
      expect(JSON.parse(w.lines[pods]!)).toEqual({
        type: 'BOOKMARK',
        object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: String(t.sim.cluster.store.currentRevision), annotations: { 'k8s.io/initial-events-end': 'true' } } },
      });
    } finally {
      w.close();
    }
  });

  it('answers a watch from a resourceVersion older than its compaction window with 410 Gone', async () => {
    const store = t.sim.cluster.store;
    store.historyLimit = 3;
    try {
      const old = store.currentRevision;
      for (let i = 0; i < 5; i++) t.sim.cluster.addEvent({ metadata: { name: `compact-${i}`, namespace: 'quiet' }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'R', type: 'Normal' });
      const w = rawWatch(`${t.sim.url}/api/v1/namespaces/quiet/events?watch=true&resourceVersion=${old}`);
      await w.ended;
      expect(w.lines.map((l) => JSON.parse(l))).toEqual([
        { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${old} (${store.oldestRevision})`, reason: 'Expired', code: 410 } },
      ]);
      // Within the window, the changes since are replayed.
      const recent = rawWatch(`${t.sim.url}/api/v1/namespaces/quiet/events?watch=true&resourceVersion=${store.currentRevision - 2}`);
      await until('two replayed changes', () => recent.lines.length === 2);
      recent.close();
    } finally {
      store.historyLimit = 10_000;
    }
  });
});

describe('the commands on the one watch', () => {
  let t: TestSim;
  const requests: { ua: string; url: string }[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => void requests.push({ ua: String(r.headers['user-agent'] ?? ''), url: r.url }) });
  });
  afterAll(async () => t?.stop());

  /** A pods URL with the reflector's random timeout and the resourceVersion made comparable. */
  const shape = (url: string): string => url.replace(/resourceVersion=[1-9]\d*/, 'resourceVersion=RV').replace(/timeout=[0-9hms]+&timeoutSeconds=\d+/, 'timeout=T&timeoutSeconds=S');
  const podRequests = (who: RegExp): string[] => requests.filter((r) => who.test(r.ua) && r.url.startsWith('/api/v1/namespaces/shop/pods?')).map((r) => shape(r.url));

  it("debug's wait for its container sends what kubectl 1.32's informer sends", needs('kubectl'), async () => {
    const kubectl = spawn(KUBECTL!, ['debug', '-n', 'shop', 'payments-0', '-i', '--image=busybox', '-c', 'dbg-kubectl', '--profile=general'], { env: { ...process.env, ...t.env } });
    kubectl.stdin.end('exit\n');
    await new Promise((r) => kubectl.on('close', r));
    const kubectlPods = podRequests(/^kubectl/);
    expect(kubectlPods).toEqual([
      '/api/v1/namespaces/shop/pods?fieldSelector=metadata.name%3Dpayments-0&limit=500&resourceVersion=0',
      '/api/v1/namespaces/shop/pods?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dpayments-0&resourceVersion=RV&timeout=T&timeoutSeconds=S&watch=true',
    ]);
    const client = new KubeClient(new Transport(resolveConfig({ kubeconfig: t.kubeconfig }, {}), { requestTimeoutMs: 0, verbosity: 0, log: () => {} }));
    await client.patchEphemeralContainers('shop', 'payments-0', { spec: { ephemeralContainers: [{ name: 'dbg-kt', image: 'busybox', stdin: true }] } });
    const pod = await waitForContainer(client, 'shop', 'payments-0', 'dbg-kt');
    expect(containerStatus(pod, 'dbg-kt')?.state?.running).toBeDefined();
    // The container starts after the list, so kt watches too.
    expect(podRequests(/^kt\//)).toEqual(kubectlPods);
  });

  it('top -w lists the pods once and keeps them by a watch; the metrics are fetched for every frame', async () => {
    requests.length = 0;
    const child = spawn(process.execPath, [KT_BIN, 'top', 'pod', '-n', 'shop', '--resources', '-w', '50ms'], { env: { ...process.env, ...t.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const frames = (): number => out.split(/^NAME /m).length - 1;
    try {
      await until('three frames', () => frames() >= 3);
      const metrics = requests.filter((r) => r.url.startsWith('/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods'));
      expect(metrics.length).toBeGreaterThanOrEqual(3);
      expect(podRequests(/^kt\//)).toEqual(['/api/v1/namespaces/shop/pods?limit=500&resourceVersion=0', '/api/v1/namespaces/shop/pods?allowWatchBookmarks=true&resourceVersion=RV&timeout=T&timeoutSeconds=S&watch=true']);
      // A pod's change reaches the next frame through the watch: its restarts column.
      t.sim.cluster.restartContainer('shop', 'payments-0', 'postgres', 'OOMKilled', 137);
      await until('the restart in a frame', () => /\npayments-0 .* 1 +OOMKilled \(exit 137\) /.test(out.slice(out.lastIndexOf('\nNAME '))));
      expect(podRequests(/^kt\//)).toHaveLength(2);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('close', r));
    }
  });
});
