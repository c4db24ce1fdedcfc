// `kt sim` as a process (not the in-process startSim the other tests use): started as a child, it writes its
// kubeconfig once it listens, and real kubectl and kt talk to it. A scale scenario has exactly the sizes asked
// for; --host is the address it listens on, and only that one; --fault rules fire on the running sim; SIGTERM
// stops it with exit code 0.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { startKt, until, within, type Running } from '../reliability/helpers.js';

interface SimProcess {
  run: Running;
  server: string;
  env: Record<string, string>;
  kubeconfig: string;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const dirs: string[] = [];
const running = new Set<Running>();
afterAll(() => {
  for (const r of running) r.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function simProcess(args: string[]): Promise<SimProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'kt-simproc-'));
  dirs.push(dir);
  const kubeconfig = join(dir, 'kubeconfig');
  const run = startKt(['sim', '--port', '0', '--kubeconfig-out', kubeconfig, ...args], {});
  running.add(run);
  await until('the sim to write its kubeconfig', () => existsSync(kubeconfig) || run.child.exitCode !== null, 20_000);
  if (!existsSync(kubeconfig)) throw new Error(`kt sim exited: ${run.stderr()}`);
  const server = (parse(readFileSync(kubeconfig, 'utf8')) as { clusters: { cluster: { server: string } }[] }).clusters[0]!.cluster.server;
  return {
    run,
    server,
    kubeconfig,
    env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir },
    stop: async () => {
      run.child.kill('SIGTERM');
      const end = await within(15_000, run.exited, 'kt sim to stop');
      running.delete(run);
      return end;
    },
  };
}

const lines = (r: Result): string[] => r.stdout.split('\n').filter(Boolean);

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, host);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

const hasIPv6 = await new Promise<boolean>((resolve) => {
  const s = connect(1, '::1');
  s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  s.on('connect', () => {
    s.destroy();
    resolve(true);
  });
});

describe('kt sim --scenario scale:…', () => {
  const SPEC = 'scale:pods=120,events=80,nodes=4,namespaces=3,containers=2';

  it('serves a cluster of exactly that size, to kubectl and kt alike', async () => {
    const sim = await simProcess(['--scenario', SPEC, '--frozen']);
    try {
      expect(sim.run.stderr()).toContain(`kt sim: serving scenario "${SPEC}" at ${sim.server}; kubeconfig written to ${sim.kubeconfig}\n`);
      const pods = await runKt(['top', 'pod', '-A', '--no-headers'], sim.env);
      expect(lines(pods)).toHaveLength(120);
      expect(lines(await runKt(['top', 'pod', '-A', '--containers', '--no-headers'], sim.env))).toHaveLength(240);
      const perNamespace = new Map<string, number>();
      for (const l of lines(pods)) perNamespace.set(l.split(/\s+/)[0]!, (perNamespace.get(l.split(/\s+/)[0]!) ?? 0) + 1);
      expect(Object.fromEntries(perNamespace)).toEqual({ 'ns-0': 40, 'ns-1': 40, 'ns-2': 40 });
      expect(lines(await runKt(['top', 'node', '--no-headers'], sim.env)).map((l) => l.split(/\s+/)[0])).toEqual(['node-000', 'node-001', 'node-002', 'node-003']);
      expect(lines(await runKt(['events', '-A', '--no-headers'], sim.env))).toHaveLength(80);
      if (KUBECTL) {
        expect(lines(await runKubectl(['get', 'pods', '-A', '--no-headers'], sim.env))).toHaveLength(120);
        expect(lines(await runKubectl(['get', 'nodes', '--no-headers'], sim.env))).toHaveLength(4);
        expect(lines(await runKubectl(['get', 'namespaces', '--no-headers'], sim.env)).map((l) => l.split(/\s+/)[0])).toEqual(['ns-0', 'ns-1', 'ns-2']);
        expect(lines(await runKubectl(['events', '-A', '--no-headers'], sim.env))).toHaveLength(80);
        // Events as YAML: timestamps, not ages, which a loaded machine can make differ by a second between the two.
        for (const args of [['top', 'node'], ['top', 'pod', '-n', 'ns-1', '--sort-by=memory'], ['events', '-n', 'ns-2', '-o', 'yaml']]) {
          const [kt, kubectl] = await Promise.all([runKt(args, sim.env), runKubectl(args, sim.env)]);
          expect({ args, ...kt }).toEqual({ args, ...kubectl, code: 0 });
        }
      }
    } finally {
      expect(await sim.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('refuses a bad size, with exit code 1', async () => {
    const r = await runKt(['sim', '--port', '0', '--scenario', 'scale:pods=lots'], {});
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('scale scenario: bad setting "pods=lots"');
  });
});

describe('kt sim --host', () => {
  it('listens on the address given, and only there; the kubeconfig names it', async () => {
    const sim = await simProcess(['--host', '127.0.0.2']);
    try {
      const url = new URL(sim.server);
      expect(url.hostname).toBe('127.0.0.2');
      const port = Number(url.port);
      expect(await accepts('127.0.0.2', port)).toBe(true);
      expect(await accepts('127.0.0.1', port)).toBe(false);
      expect((await runKt(['top', 'node', '--no-headers'], sim.env)).code).toBe(0);
      if (KUBECTL) expect(lines(await runKubectl(['get', 'nodes', '--no-headers'], sim.env))).toHaveLength(3);
    } finally {
      expect((await sim.stop()).code).toBe(0);
    }
  });

  it.skipIf(!hasIPv6)('an IPv6 address is written bracketed, so kt and kubectl can use the kubeconfig', async () => {
    const sim = await simProcess(['--host', '::1', '--tls']);
    try {
      expect(sim.server).toMatch(/^https:\/\/\[::1\]:\d+$/);
      expect(await accepts('127.0.0.1', Number(new URL(sim.server).port))).toBe(false);
      const kt = await runKt(['top', 'node'], sim.env);
      expect(kt.code).toBe(0);
      if (KUBECTL) expect(await runKubectl(['top', 'node'], sim.env)).toEqual(kt);
    } finally {
      expect((await sim.stop()).code).toBe(0);
    }
  });
});

describe('kt sim --fault', () => {
  it('the faults fire on the running sim, for kubectl and kt alike', async () => {
    const metrics = (ns: string): string => `status=429,retry-after=1,times=1,path=/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`;
    const sim = await simProcess(['--frozen', '--fault', 'forbidden,user=jane,path=**/log', '--fault', metrics('shop'), '--fault', metrics('kube-system')]);
    try {
      const forbidden = 'Error from server (Forbidden): pods "payments-0" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "shop"\n';
      expect(await runKt(['logs', '-n', 'shop', 'payments-0'], sim.env)).toEqual({ code: 1, stdout: '', stderr: forbidden });
      // One 429 with Retry-After each (one rule per namespace, so kubectl and kt each meet one): retried, then served.
      const retried = (r: Result, ns: string): boolean => r.stderr.includes(`Got a Retry-After 1s response for attempt 1 to ${sim.server}/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`);
      const kt = await runKt(['top', 'pod', '-n', 'shop', '-v=4'], sim.env);
      expect({ code: kt.code, retried: retried(kt, 'shop'), rows: lines(kt).length }).toEqual({ code: 0, retried: true, rows: 5 });
      if (KUBECTL) {
        expect(await runKubectl(['logs', '-n', 'shop', 'payments-0'], sim.env)).toEqual({ code: 1, stdout: '', stderr: forbidden });
        const k = await runKubectl(['top', 'pod', '-n', 'kube-system', '-v=4'], sim.env);
        expect({ code: k.code, retried: retried(k, 'kube-system'), rows: lines(k).length }).toEqual({ code: 0, retried: true, rows: 4 });
      }
      // times=1: spent; the next request is served at once.
      const again = await runKt(['top', 'pod', '-n', 'shop', '-v=4'], sim.env);
      expect({ code: again.code, retried: retried(again, 'shop') }).toEqual({ code: 0, retried: false });
    } finally {
      expect((await sim.stop()).code).toBe(0);
    }
  });

  it('refuses a bad fault before it listens, with exit code 1', async () => {
    const r = await runKt(['sim', '--port', '0', '--fault', 'sometimes'], {});
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: invalid fault "sometimes": no action (status=N, delay=D, forbidden, unauthorized, reset, cut, rotate or gone)\n' });
  });
});
