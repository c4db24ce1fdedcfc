// kt events beyond kubectl: --since, --related, --color, and a watch that survives a cut connection and a 410
// Gone without printing any event twice (by default), or ends as kubectl 1.32 does with --reconnect=false.
import { needs } from './helpers/requirements.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { kubeconfigFor } from '../src/sim/index.js';
import { asKt, KT_BIN, KUBECTL, runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { until } from './reliability/helpers.js';

describe('kt events --since, --related, --color', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'events-edge' });
  });
  afterAll(async () => t?.stop());

  it('--since keeps events last seen (the sort key) within the duration and drops those without a time', async () => {
    // Pod/p3 was last seen 15m ago; kubectl's LAST SEEN shows its first time (120m) because its count is 1.
    const r = await runKt(['events', '-n', 'edge', '--since', '21m', '--no-headers'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '20m (x7 over 3h)          Warning   BackOff       Pod/p2   Back-off restarting failed container app in pod p2_edge\n' +
        '120m                      Normal    Pulled        Pod/p3   Container image already present on machine\n' +
        '12m (x3 over <unknown>)   Warning   FailedMount   Pod/p1   MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found\n',
    );
  });

  it('--since with nothing recent says so like kubectl does for an empty list', async () => {
    expect(await runKt(['events', '-n', 'edge', '--since', '1s'], t.env)).toEqual({ stdout: '', stderr: 'No events found in edge namespace.\n', code: 0 });
  });

  it('a bad --since is a flag error', async () => {
    expect(await runKt(['events', '--since', '90'], t.env)).toEqual({
      stdout: '',
      stderr: 'error: invalid argument "90" for "--since" flag: time: missing unit in duration "90"\nSee \'kt events --help\' for usage.\n',
      code: 1,
    });
  });

  it('--related needs --for', async () => {
    expect(await runKt(['events', '--related'], t.env)).toEqual({ stdout: '', stderr: 'error: --related requires --for TYPE/NAME\n', code: 1 });
  });

  it('colours Warning rows on a terminal, never when piped, NO_COLOR or --color never', async () => {
    const run = async (args: string[], env: Record<string, string>, isTTY: boolean): Promise<string> => {
      let out = '';
      const io = { out: { write: (s: string) => void (out += s), isTTY }, err: { write: () => {} }, env: { ...t.env, ...env }, now: Date.now };
      expect(await main(['events', '-n', 'edge', '--types=warning', ...args], io)).toBe(0);
      return out;
    };
    expect(await run([], {}, true)).toContain('\x1b[33m');
    expect(await run([], {}, false)).not.toContain('\x1b');
    expect(await run([], { NO_COLOR: '1' }, true)).not.toContain('\x1b');
    expect(await run(['--color', 'never'], {}, true)).not.toContain('\x1b');
    expect(await run(['--color=always'], {}, false)).toContain('\x1b[33m');
    expect(await run(['--color=always', '-o', 'name'], {}, true)).toBe('');
  });
});

describe('kt events --for deploy/NAME --related', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('merges the Deployment, its ReplicaSets, their Pods and those Pods\' Nodes, each event once', async () => {
    const r = await runKt(['events', '-n', 'shop', '--for', 'deploy/checkout', '--related', '-o', 'jsonpath={range .items[*]}{.involvedObject.kind}/{.involvedObject.name} {.reason}{"\\n"}{end}'], t.env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'Pod/checkout-6f8b9c7d5-p4x7w Scheduled\nPod/checkout-6f8b9c7d5-p4x7w Pulled\nNode/node-b OOMKilling\nPod/checkout-6f8b9c7d5-p4x7w BackOff\n',
    );
  });

  it('names a missing object as kubectl would', async () => {
    const r = await runKt(['events', '-n', 'shop', '--for', 'deploy/nope', '--related'], t.env);
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
  });
});

/** A TCP proxy in front of the sim whose connections the test can cut, and whose door it can hold shut. */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private held: Socket[] = [];
  private holding = false;
  server!: Server;
  port = 0;

  constructor(private readonly target: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => (this.holding ? this.held.push(client) : this.pipe(client)));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => this.sockets.delete(s));
    }
  }

  cut(): void {
    for (const s of this.sockets) s.destroy();
  }

  hold(): void {
    this.holding = true;
  }

  /** Connections waiting at the held door (a client trying to reconnect). */
  get waiting(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const c of this.held.splice(0)) this.pipe(c);
  }

  async stop(): Promise<void> {
    this.cut();
    for (const c of this.held) c.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

describe('kt events -w survives by default (--reconnect); --reconnect=false ends as kubectl does', () => {
  let t: TestSim;
  let proxy: CuttableProxy;
  let env: Record<string, string>;
  const watches: string[] = [];
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'events-edge', onRequest: (r) => void (r.url.includes('watch=true') && watches.push(r.url)) });
    proxy = new CuttableProxy(t.sim.port);
    await proxy.start();
    const dir = mkdtempSync(join(tmpdir(), 'kt-proxy-'));
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigFor(`http://127.0.0.1:${proxy.port}`, undefined));
    env = { ...t.env, KUBECONFIG: join(dir, 'kubeconfig') };
  });
  afterAll(async () => {
    await proxy?.stop();
    await t?.stop();
  });
  afterEach(() => t.sim.faults.clear());

  const add = (name: string, reason: string): void => {
    const at = new Date(Date.now() - 15 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    t.sim.cluster.addEvent({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'edge' },
      involvedObject: { kind: 'Pod', namespace: 'edge', name: 'p9', apiVersion: 'v1' },
      reason,
      message: `event ${name}`,
      source: {},
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type: 'Normal',
    });
  };

  interface Child {
    out: string;
    err: string;
    exit: Promise<number | null>;
    kill: (signal?: NodeJS.Signals) => void;
  }
  function start(file: string, args: string[], childEnv: Record<string, string>): Child {
    const child: ChildProcess = spawn(file, args, { env: { ...process.env, ...childEnv, NO_COLOR: '1' } });
    const state: Child = { out: '', err: '', exit: new Promise((r) => child.on('close', (code) => r(code))), kill: (signal) => void child.kill(signal) };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (state.out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (state.err += d));
    return state;
  }
  const kt = (args: string[], childEnv = env): Child => start(process.execPath, [KT_BIN, ...args], childEnv);

  it('reconnects from the last resourceVersion after a cut, relists after 410 Gone, and prints each event once', async () => {
    const child = kt(['events', '-n', 'edge', '-w', '--no-headers']);
    await until('the initial ADDED events', () => child.out.includes('Related'));
    add('live-1', 'LiveOne');
    await until('LiveOne', () => child.out.includes('LiveOne'));

    /** Cuts the connection and keeps kt out until it tries to reconnect, changing the cluster meanwhile. */
    const away = async (meanwhile: () => void): Promise<void> => {
      proxy.hold();
      proxy.cut();
      meanwhile();
      await until('a reconnect attempt', () => proxy.waiting > 0);
      proxy.release();
    };

    // 1. A dropped connection: reconnect from the last resourceVersion; what happened meanwhile arrives once.
    await away(() => add('while-cut', 'WhileCut'));
    await until('WhileCut', () => child.out.includes('WhileCut'));

    // 2. A dropped connection whose resourceVersion is compacted away by the time it reconnects: 410 → relist.
    await away(() => {
      add('before-compaction', 'BeforeCompaction');
      t.sim.cluster.store.compact();
    });
    await until('BeforeCompaction', () => child.out.includes('BeforeCompaction'));
    add('after-relist', 'AfterRelist');
    await until('AfterRelist', () => child.out.includes('AfterRelist'));

    child.kill('SIGINT');
    expect(await child.exit).toBe(1);
    const rows = child.out.trimEnd().split('\n');
    // Every event exactly once: 24 from the scenario's edge namespace (one message spans two lines) + 4 added.
    const names = rows.map((r) => r.replace(/\s+/g, ' '));
    expect(new Set(names).size).toBe(names.length);
    for (const reason of ['LiveOne', 'WhileCut', 'BeforeCompaction', 'AfterRelist', 'Related', 'Scheduled']) {
      expect(rows.filter((r) => r.includes(` ${reason} `))).toHaveLength(1);
    }
    expect(child.err).toMatch(/kt: watch dropped .*; reconnecting from resourceVersion \d+\n/);
    expect(child.err).toMatch(/kt: watch expired \(410 Gone\) at resourceVersion \d+; relisting\n/);
  }, 30_000);

  it('a watch answered 410 Gone mid-stream prints every event exactly once', async () => {
    // kubectl's name printer refuses lists; a jsonpath names every event of the namespace.
    const all = await runKt(['events', '-n', 'edge', '-o', 'jsonpath={range .items[*]}event/{.metadata.name}{"\\n"}{end}'], t.env);
    const names = all.stdout.trimEnd().split('\n');
    expect(names.length).toBeGreaterThan(10);
    // After five of the initial events the server says 410 Gone (and forgets its history).
    t.sim.faults.add({ path: '/api/v1/namespaces/edge/events', watch: true, times: 1, action: { kind: 'gone', afterLines: 5 } });
    const child = kt(['events', '-n', 'edge', '-w', '-o', 'name'], t.env);
    await until('the relist', () => child.err.includes('(410 Gone)'));
    add('after-gone', 'AfterGone');
    await until('the event after the relist', () => child.out.includes('event/after-gone\n'));
    child.kill('SIGINT');
    expect(await child.exit).toBe(1);
    const printed = child.out.trimEnd().split('\n');
    // Five from the first watch, the rest from the relist, one from the watch after it: each exactly once.
    expect([...printed].sort()).toEqual([...names, 'event/after-gone'].sort());
    expect(child.err).toMatch(/^kt: watch expired \(410 Gone\) at resourceVersion \d+; relisting\n$/);
  }, 30_000);

  it('--reconnect=false ends at a cut exactly as kubectl 1.32 does (quietly, exit code 0)', { ...needs('kubectl'), timeout: 30_000 }, async () => {
    const before = watches.length;
    const ours = kt(['events', '-n', 'edge', '-w', '--reconnect=false']);
    const theirs = start(KUBECTL!, ['events', '-n', 'edge', '-w'], env);
    await until('both watches', () => watches.length - before === 2 && ours.out.includes('Related') && theirs.out.includes('Related'));
    proxy.cut();
    const [ourCode, theirCode] = await Promise.all([ours.exit, theirs.exit]);
    expect({ out: ours.out, err: ours.err, code: ourCode }).toEqual({ out: theirs.out, err: asKt(theirs.err), code: theirCode });
    expect(ourCode).toBe(0);
    expect(ours.err).toBe('');
  });

  it('--reconnect=false ends at 410 Gone exactly as kubectl 1.32 does', { ...needs('kubectl'), timeout: 30_000 }, async () => {
    // Each client's watch: five events, then an ERROR event with a 410 Status.
    t.sim.faults.add({ path: '/api/v1/namespaces/edge/events', watch: true, times: 2, action: { kind: 'gone', afterLines: 5 } });
    const ours = kt(['events', '-n', 'edge', '-w', '--reconnect=false'], t.env);
    const theirs = start(KUBECTL!, ['events', '-n', 'edge', '-w'], t.env);
    const [ourCode, theirCode] = await Promise.all([ours.exit, theirs.exit]);
    expect({ out: ours.out, err: ours.err, code: ourCode }).toEqual({ out: theirs.out, err: asKt(theirs.err), code: theirCode });
    expect(ourCode).toBe(0);
    expect(ours.out.trimEnd().split('\n')).toHaveLength(6); // the header and five events
  });

  it('--reconnect (on by default) only matters with --watch: without one, the list is the same with or without it', async () => {
    const plain = await runKt(['events', '-n', 'edge'], t.env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toBe('');
    expect(await runKt(['events', '-n', 'edge', '--reconnect'], t.env)).toEqual(plain);
    expect(await runKt(['events', '-n', 'edge', '--reconnect=false'], t.env)).toEqual(plain);
  });
});
