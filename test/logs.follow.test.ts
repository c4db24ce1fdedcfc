// kt's following beyond kubectl: a dropped stream resumes with every line exactly once, and --live keeps up with a
// deployment whose pods come, go and restart. kt runs as a child process (the built bundle) against an in-process
// sim the test drives.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KT_BIN } from './helpers/kubectl.js';
import { SyntheticLog } from '../src/sim/logs.js';
import { typeOf } from '../src/sim/cluster.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startKt(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [KT_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('kt logs -f --resume: a dropped stream loses and repeats nothing', () => {
  let t: TestSim;
  const logRequests: string[] = [];
  beforeEach(async () => {
    logRequests.length = 0;
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => void (r.url.includes('/log?') && logRequests.push(r.url)) });
  });
  afterEach(async () => t?.stop());

  it('resumes after the sim cuts the stream twice mid-follow, with lines written while it was away', async () => {
    const kt = startKt(['logs', '-f', '--resume', 'hello-unicode', '--tail=0'], t.env);
    const append = (n: number): void => void t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', `line ${n}`);
    try {
      await until('the first request', () => logRequests.length === 1);
      await sleep(50);
      for (let i = 1; i <= 5; i++) append(i);
      await until('lines 1-5', () => kt.stdout().includes('line 5\n'));
      t.sim.cluster.logs.cut('default', 'hello-unicode', 'hello');
      for (let i = 6; i <= 10; i++) append(i); // written while kt is disconnected
      await until('the second request', () => logRequests.length === 2);
      await sleep(50);
      for (let i = 11; i <= 15; i++) append(i);
      await until('line 15', () => kt.stdout().includes('line 15\n'));
      t.sim.cluster.logs.cut('default', 'hello-unicode', 'hello');
      for (let i = 16; i <= 20; i++) append(i);
      await until('line 20', () => kt.stdout().includes('line 20\n'));
      await sleep(300); // time for a duplicate to show up, if there were one
      const expected = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
      expect(kt.stdout()).toBe(expected);
      // The first request is kubectl's; the resumed ones ask for timestamps from the last second seen.
      expect(logRequests[0]).toBe('/api/v1/namespaces/default/pods/hello-unicode/log?container=hello&follow=true&tailLines=0&timestamps=true');
      expect(logRequests[1]).toMatch(/^\/api\/v1\/namespaces\/default\/pods\/hello-unicode\/log\?container=hello&follow=true&sinceTime=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ&timestamps=true$/);
      expect(logRequests).toHaveLength(3);
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });

  it('keeps --timestamps when the user asked for them, and follows without resuming by default', async () => {
    const kt = startKt(['logs', '-f', 'hello-unicode', '--tail=0'], t.env);
    await until('the request', () => logRequests.length === 1);
    await sleep(50);
    t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'before the cut');
    await until('the line', () => kt.stdout().includes('before the cut\n'));
    t.sim.cluster.logs.cut('default', 'hello-unicode', 'hello');
    // kubectl 1.32 does not reconnect: the stream error ends the command.
    const code = await kt.exited;
    expect(code).toBe(1);
    expect(kt.stderr()).toBe('error: unexpected EOF\n');
    expect(logRequests).toHaveLength(1);
  });
});

describe('kt logs: large logs and closed pipes', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ scenario: 'demo' });
    const line = 'x'.repeat(200);
    for (let i = 0; i < 100_000; i++) t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', `${i} ${line}`);
  });
  afterEach(async () => t?.stop());

  it('ends quietly when the reader stops (| head)', async () => {
    // bash, for PIPESTATUS: kt's own exit code, not head's or echo's. The log is far longer than the pipe holds,
    // so kt is still writing when head goes away.
    const sh = spawn('bash', ['-c', `"${process.execPath}" "${KT_BIN}" logs hello-unicode | head -n 2; echo "kt=\${PIPESTATUS[0]}"`], { env: { ...process.env, ...t.env } });
    let out = '';
    let err = '';
    sh.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    sh.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((r) => sh.on('exit', r));
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 2)).toEqual(['héllo wörld — ünïcødé ✓', 'こんにちは世界 🌍']);
    expect(out.split('\n')[2]).toBe('kt=0');
    expect(err).toBe('');
  });

  it('streams a 200 MiB log without holding it: peak memory far below the log', async () => {
    // Generated on demand by the sim; kt holding the body (a Buffer, then a string) would need 400 MiB or more.
    const count = 2_000_000;
    t.sim.cluster.logs.setLines('shop', 'payments-0', 'postgres', new SyntheticLog(count, Date.UTC(2026, 0, 1), 1, (i) => `line ${i} ${'y'.repeat(96)}`));
    const kt = startKt(['logs', '-n', 'shop', 'payments-0'], t.env);
    let peak = 0;
    let bytes = 0;
    kt.child.stdout!.removeAllListeners('data');
    kt.child.stdout!.on('data', (d: Buffer) => (bytes += d.length));
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${kt.child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has exited
      }
    }, 10);
    const code = await kt.exited;
    clearInterval(timer);
    expect(code).toBe(0);
    expect(bytes).toBeGreaterThan(200 * 2 ** 20);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(260_000); // kB: ~140 MiB measured; holding the log would exceed 400 MiB
  });

  it('copies a 20 MB log byte for byte with flat memory', async () => {
    const kt = startKt(['logs', 'hello-unicode', '--tail=-1'], t.env);
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${kt.child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has exited
      }
    }, 20);
    const code = await kt.exited;
    clearInterval(timer);
    expect(code).toBe(0);
    expect(kt.stdout().length).toBeGreaterThan(20_000_000);
    expect(kt.stdout().endsWith(`99999 ${'x'.repeat(200)}\n`)).toBe(true);
    expect(peak).toBeLessThan(200_000); // kB
  });
});

describe('kt logs -f --live: following a deployment as it changes', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterEach(async () => t?.stop());

  it('follows a pod that appears, a container that restarts (with a marker) and drops a pod that goes away', async () => {
    const c = t.sim.cluster;
    const kt = startKt(['logs', '-f', '--live', '--previous-on-restart', '-n', 'shop', 'deploy/web', '--tail=1'], t.env);
    try {
      await until('both pods', () => kt.stdout().includes('[pod/web-7d9c6b5f4-zt8mn/nginx] ') && kt.stdout().includes('[pod/web-7d9c6b5f4-kx2vq/nginx] '));
      expect(kt.stderr()).toContain('+ pod/web-7d9c6b5f4-kx2vq\n');

      // A new replica: followed once it runs.
      c.createPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-7d9c6b5f4-new01', namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7d9c6b5f4' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      });
      await until('the new pod noticed', () => kt.stderr().includes('+ pod/web-7d9c6b5f4-new01\n'));
      await until('the new pod running', () => c.getPod('shop', 'web-7d9c6b5f4-new01')?.status?.phase === 'Running');
      await sleep(300);
      c.appendLog('shop', 'web-7d9c6b5f4-new01', 'nginx', 'hello from the new replica');
      await until('the new pod line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-new01/nginx] hello from the new replica\n'));

      // A restart: the old instance's last line, the marker, then the new instance.
      c.appendLog('shop', 'web-7d9c6b5f4-kx2vq', 'nginx', 'last words');
      await until('last words', () => kt.stdout().includes('last words\n'));
      c.restartContainer('shop', 'web-7d9c6b5f4-kx2vq', 'nginx', 'OOMKilled', 137);
      await until('the marker', () => /\[pod\/web-7d9c6b5f4-kx2vq\/nginx\] --- container nginx restarted \(restart 1\): OOMKilled, exit code 137, at \S+Z ---\n/.test(kt.stdout()));
      await sleep(200);
      c.appendLog('shop', 'web-7d9c6b5f4-kx2vq', 'nginx', 'born again');
      await until('the new instance line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-kx2vq/nginx] born again\n'));

      // A pod that goes away is dropped.
      c.deletePod('shop', 'web-7d9c6b5f4-zt8mn');
      await until('the pod dropped', () => kt.stderr().includes('- pod/web-7d9c6b5f4-zt8mn\n'));

      const out = kt.stdout();
      expect(out.match(/last words/g)).toHaveLength(1); // --previous-on-restart shows only what was not shown
      expect(out.indexOf('last words')).toBeLessThan(out.indexOf('restarted'));
      expect(out.indexOf('restarted')).toBeLessThan(out.indexOf('born again'));
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });

  it('holds to --max-log-requests: a pod beyond it waits until a followed pod goes away', async () => {
    const c = t.sim.cluster;
    const kt = startKt(['logs', '-f', '--live', '-n', 'shop', 'deploy/web', '--tail=1', '--max-log-requests=2'], t.env);
    try {
      await until('both pods', () => kt.stderr().includes('+ pod/web-7d9c6b5f4-kx2vq\n') && kt.stderr().includes('+ pod/web-7d9c6b5f4-zt8mn\n'));
      c.createPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-7d9c6b5f4-third', namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7d9c6b5f4' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      });
      await until('the wait notice', () => kt.stderr().includes('kt: pod/web-7d9c6b5f4-third waits: already following 2 log streams (--max-log-requests=2)\n'));
      expect(kt.stderr()).not.toContain('+ pod/web-7d9c6b5f4-third');
      c.deletePod('shop', 'web-7d9c6b5f4-zt8mn');
      await until('the waiting pod followed', () => kt.stderr().includes('+ pod/web-7d9c6b5f4-third\n'));
      expect(kt.stderr().indexOf('- pod/web-7d9c6b5f4-zt8mn')).toBeLessThan(kt.stderr().indexOf('+ pod/web-7d9c6b5f4-third'));
      await until('the third pod running', () => c.getPod('shop', 'web-7d9c6b5f4-third')?.status?.phase === 'Running');
      await sleep(300);
      c.appendLog('shop', 'web-7d9c6b5f4-third', 'nginx', 'finally my turn');
      await until('its line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-third/nginx] finally my turn\n'));
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });

  it('drops a pod relabelled out of the selector, as the apiserver\'s watch reports it (DELETED)', async () => {
    const c = t.sim.cluster;
    const kt = startKt(['logs', '-f', '--live', '-n', 'shop', 'deploy/web', '--tail=1'], t.env);
    try {
      await until('both pods', () => kt.stderr().includes('+ pod/web-7d9c6b5f4-kx2vq\n') && kt.stderr().includes('+ pod/web-7d9c6b5f4-zt8mn\n'));
      // `kubectl label pod web-7d9c6b5f4-zt8mn app=web-quarantine --overwrite`: the triage move that takes a pod out
      // of its deployment's selector.
      const pod = structuredClone(c.getPod('shop', 'web-7d9c6b5f4-zt8mn')!);
      pod.metadata!.labels = { ...pod.metadata!.labels, app: 'web-quarantine' };
      c.store.update(typeOf('', 'pods'), pod);
      await until('the relabelled pod dropped', () => kt.stderr().includes('- pod/web-7d9c6b5f4-zt8mn\n'));
      expect(c.getPod('shop', 'web-7d9c6b5f4-zt8mn')).toBeDefined(); // the pod itself lives on
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });
});
