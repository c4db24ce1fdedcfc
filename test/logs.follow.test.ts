// kt's following beyond kubectl: a dropped stream resumes with every line exactly once, and --live keeps up with a
// deployment whose pods come, go and restart. kt runs as a child process (the built bundle) against an in-process
// sim the test drives.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asKt, KT_BIN, KUBECTL, runKt, runKubectl } from './helpers/kubectl.js';
import { SyntheticLog } from '../src/sim/logs.js';
import { typeOf } from '../src/sim/cluster.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { startKt, until } from './reliability/helpers.js';

describe('kt logs -f: a dropped stream loses and repeats nothing (--resume, on by default)', () => {
  let t: TestSim;
  const logRequests: { ua: string; url: string }[] = [];
  const ktRequests = (): string[] => logRequests.filter((r) => r.ua.startsWith('kt/')).map((r) => r.url);
  beforeEach(async () => {
    logRequests.length = 0;
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => void (r.url.includes('/log?') && logRequests.push({ ua: String(r.headers['user-agent'] ?? ''), url: r.url })) });
  });
  afterEach(async () => t?.stop());

  it('resumes after the sim cuts the stream twice mid-follow, with lines written while it was away', async () => {
    const kt = startKt(['logs', '-f', 'hello-unicode', '--tail=0'], t.env);
    const append = (n: number): void => void t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', `line ${n}`);
    try {
      // The sim answers and subscribes the stream in the same turn that it sees the request.
      await until('the first request', () => ktRequests().length === 1);
      for (let i = 1; i <= 5; i++) append(i);
      await until('lines 1-5', () => kt.stdout().includes('line 5\n'));
      t.sim.cluster.logs.cut('default', 'hello-unicode', 'hello');
      for (let i = 6; i <= 10; i++) append(i); // written while kt is disconnected
      await until('the second request', () => ktRequests().length === 2);
      for (let i = 11; i <= 15; i++) append(i);
      await until('line 15', () => kt.stdout().includes('line 15\n'));
      t.sim.cluster.logs.cut('default', 'hello-unicode', 'hello');
      for (let i = 16; i <= 20; i++) append(i);
      await until('the third request', () => ktRequests().length === 3);
      // A last line: a repeat of any earlier one would have come before it.
      t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'the end');
      await until('the last line', () => kt.stdout().includes('the end\n'));
      const expected = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
      expect(kt.stdout()).toBe(`${expected}the end\n`);
      // The first request is kubectl's plus timestamps (taken off again); the resumed ones ask from the last second seen.
      expect(ktRequests()[0]).toBe('/api/v1/namespaces/default/pods/hello-unicode/log?container=hello&follow=true&tailLines=0&timestamps=true');
      for (const url of ktRequests().slice(1)) {
        expect(url).toMatch(/^\/api\/v1\/namespaces\/default\/pods\/hello-unicode\/log\?container=hello&follow=true&sinceTime=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ&timestamps=true$/);
      }
      expect(ktRequests()).toHaveLength(3);
      // Each resume says so on stderr.
      expect(kt.stderr()).toMatch(/^kt: resuming pod\/hello-unicode\/hello after unexpected EOF from \S+Z \(attempt 1\)\nkt: resuming pod\/hello-unicode\/hello after unexpected EOF from \S+Z \(attempt 1\)\n$/);
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });

  for (const extra of [[], ['--timestamps'], ['--prefix']]) {
    it(`hands on what kubectl prints for a stream that does not drop (${extra.join(' ') || 'no flags'})`, async () => {
      const kt = startKt(['logs', '-f', 'hello-unicode', ...extra], t.env);
      await until('the request', () => ktRequests().length === 1);
      t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'caf\u00e9 \u2713\ttab');
      await until('the appended line', () => kt.stdout().includes('\u2713\ttab\n'));
      // The container exits: the kubelet ends the stream, and kt (seeing it terminated) ends too.
      t.sim.cluster.logs.terminate('default', 'hello-unicode', 'hello');
      expect((await kt.exited).code).toBe(0);
      const plain = await runKt(['logs', 'hello-unicode', ...extra], t.env);
      expect(kt.stdout()).toBe(plain.stdout);
      expect(kt.stderr()).toBe('');
    });
  }

  for (const kind of ['cut', 'rotate'] as const) {
    it(`--resume=false ends at a ${kind === 'cut' ? 'cut stream' : 'stream ended cleanly (log rotation)'} exactly as kubectl 1.32 does`, async () => {
      // The same fault for both: the stream ends after the first line while the container keeps running.
      t.sim.faults.add({ path: '/api/v1/namespaces/shop/pods/web-7d9c6b5f4-zt8mn/log', times: KUBECTL ? 2 : 1, action: { kind, afterLines: 1 } });
      const args = ['logs', '-f', '-n', 'shop', 'web-7d9c6b5f4-zt8mn'];
      const [kt, kubectl] = await Promise.all([runKt([...args, '--resume=false'], t.env), KUBECTL ? runKubectl(args, t.env) : undefined]);
      expect(kt.stdout.split('\n')).toHaveLength(2);
      expect(kt.stderr).toBe(kind === 'cut' ? 'error: unexpected EOF\n' : '');
      expect(kt.code).toBe(kind === 'cut' ? 1 : 0);
      if (kubectl) expect(kt).toEqual({ ...kubectl, stderr: asKt(kubectl.stderr) });
      expect(ktRequests()).toEqual(['/api/v1/namespaces/shop/pods/web-7d9c6b5f4-zt8mn/log?container=nginx&follow=true']);
    });

    it(`by default, the same ${kind} is resumed: every line once, and the follow goes on`, async () => {
      const clean = await runKt(['logs', '-n', 'shop', 'web-7d9c6b5f4-zt8mn'], t.env);
      expect(clean.stdout.split('\n')).toHaveLength(3);
      logRequests.length = 0;
      // The log has two lines: the stream ends right after them.
      t.sim.faults.add({ path: '/api/v1/namespaces/shop/pods/web-7d9c6b5f4-zt8mn/log', times: 1, action: { kind, afterLines: 2 } });
      const kt = startKt(['logs', '-f', '-n', 'shop', 'web-7d9c6b5f4-zt8mn'], t.env);
      try {
        await until('the resumed request', () => ktRequests().length === 2);
        await until('the whole tail', () => kt.stdout() === clean.stdout);
        t.sim.cluster.appendLog('shop', 'web-7d9c6b5f4-zt8mn', 'nginx', `after the ${kind}`);
        await until('the new line', () => kt.stdout().endsWith(`after the ${kind}\n`));
        expect(kt.stdout()).toBe(`${clean.stdout}after the ${kind}\n`);
        expect(kt.stderr()).toMatch(new RegExp(`^kt: resuming pod/web-7d9c6b5f4-zt8mn/nginx after ${kind === 'cut' ? 'unexpected EOF' : 'EOF'} from \\S+Z \\(attempt 1\\)\n$`));
      } finally {
        kt.child.kill();
        await kt.exited;
      }
    });
  }
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
    const { code } = await kt.exited;
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
    const { code } = await kt.exited;
    clearInterval(timer);
    expect(code).toBe(0);
    expect(kt.stdout().length).toBeGreaterThan(20_000_000);
    expect(kt.stdout().endsWith(`99999 ${'x'.repeat(200)}\n`)).toBe(true);
    expect(peak).toBeLessThan(200_000); // kB
  });
});

describe('kt logs -f --live: following a deployment as it changes', () => {
  let t: TestSim;
  const follows: string[] = [];
  /** How many follow requests kt made for a pod's log (a new one after a pod starts or a container restarts). */
  const followsOf = (pod: string): number => follows.filter((u) => u.includes(`/pods/${pod}/log?`)).length;
  beforeEach(async () => {
    follows.length = 0;
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => void (r.url.includes('/log?') && r.url.includes('follow=true') && follows.push(r.url)) });
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
      await until('the new pod followed', () => followsOf('web-7d9c6b5f4-new01') === 1);
      c.appendLog('shop', 'web-7d9c6b5f4-new01', 'nginx', 'hello from the new replica');
      await until('the new pod line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-new01/nginx] hello from the new replica\n'));

      // A restart: the old instance's last line, the marker, then the new instance.
      c.appendLog('shop', 'web-7d9c6b5f4-kx2vq', 'nginx', 'last words');
      await until('last words', () => kt.stdout().includes('last words\n'));
      c.restartContainer('shop', 'web-7d9c6b5f4-kx2vq', 'nginx', 'OOMKilled', 137);
      await until('the marker', () => /\[pod\/web-7d9c6b5f4-kx2vq\/nginx\] --- container nginx restarted \(restart 1\): OOMKilled, exit code 137, at \S+Z ---\n/.test(kt.stdout()));
      await until('the new instance followed', () => followsOf('web-7d9c6b5f4-kx2vq') === 2);
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
      await until('the third pod followed', () => followsOf('web-7d9c6b5f4-third') === 1);
      c.appendLog('shop', 'web-7d9c6b5f4-third', 'nginx', 'finally my turn');
      await until('its line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-third/nginx] finally my turn\n'));
    } finally {
      kt.child.kill();
      await kt.exited;
    }
  });

  it('keeps following through a pod watch answered 410 Gone: relisted, nothing followed twice', async () => {
    // The pod watch expires at once (and the sim's history is compacted); kt relists and carries on.
    t.sim.faults.add({ path: '/api/v1/namespaces/shop/pods', watch: true, times: 1, action: { kind: 'gone', afterLines: 0 } });
    const c = t.sim.cluster;
    const kt = startKt(['logs', '-f', '--live', '-n', 'shop', 'deploy/web', '--tail=1'], t.env);
    try {
      await until('the relist notice', () => /kt: pod watch expired \(410 Gone\) at resourceVersion \d+; relisting\n/.test(kt.stderr()));
      c.createPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-7d9c6b5f4-after410', namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7d9c6b5f4' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      });
      await until('the new pod followed', () => followsOf('web-7d9c6b5f4-after410') === 1);
      c.appendLog('shop', 'web-7d9c6b5f4-after410', 'nginx', 'seen after the relist');
      await until('its line', () => kt.stdout().includes('[pod/web-7d9c6b5f4-after410/nginx] seen after the relist\n'));
      for (const pod of ['web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn', 'web-7d9c6b5f4-after410']) {
        expect(kt.stderr().split('\n').filter((l) => l === `+ pod/${pod}`)).toHaveLength(1);
        expect(followsOf(pod)).toBe(1);
      }
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
