// `kt version` as kubectl prints it, and kt as the kubectl plugin `kubectl triage` (run by real kubectl 1.32).
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, runKt, runKubectl } from '../helpers/kubectl.js';
import { expectKubectl, succeeds } from '../helpers/parity.js';
import { needs } from '../helpers/requirements.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo' });
});
afterAll(async () => t?.stop());

describe('kt version', () => {
  it('prints the client (kt) and server versions', async () => {
    expect(await runKt(['version'], t.env)).toEqual({ code: 0, stdout: 'Client Version: v0.1.0\nServer Version: v1.32.4\n', stderr: '' });
    expect(await runKt(['version', '--client'], t.env)).toEqual({ code: 0, stdout: 'Client Version: v0.1.0\n', stderr: '' });
  });

  it('-o json and -o yaml carry clientVersion and serverVersion', async () => {
    const j = JSON.parse((await runKt(['version', '-o', 'json'], t.env)).stdout) as { clientVersion: Record<string, string>; serverVersion: Record<string, string> };
    expect(j.clientVersion).toMatchObject({ major: '0', minor: '1', gitVersion: 'v0.1.0' });
    expect(Object.keys(j.serverVersion).slice(0, 3)).toEqual(['major', 'minor', 'gitVersion']);
    expect(j.serverVersion.gitVersion).toBe('v1.32.4');
    const y = await runKt(['version', '--client', '-o', 'yaml'], t.env);
    expect(y.stdout).toMatch(/^clientVersion:\n {2}compiler: node\n {2}gitVersion: v0\.1\.0\n/);
    expect(y.stdout).not.toContain('serverVersion');
  });

  it('refuses other formats, and reports an unreachable server after the client version, as kubectl does', async () => {
    expect(await runKt(['version', '-o', 'wide'], t.env)).toEqual({ code: 1, stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n" });
    const r = await runKt(['version', '-s', 'http://127.0.0.1:1'], { HOME: t.env.HOME!, KUBECONFIG: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Client Version: v0.1.0\n');
    expect(r.stderr).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n');
  });

  it('--version prints kt\'s version', async () => {
    expect(await runKt(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('kubectl triage (kt as a kubectl plugin)', needs('kubectl'), () => {
  let env: Record<string, string>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-plugin-'));
    symlinkSync(KT_BIN, join(dir, 'kubectl-triage'));
    symlinkSync(KT_BIN, join(dir, 'kubectl_complete-triage'));
    // kt's shebang runs `node`: the Node running the tests comes first on PATH.
    env = { ...t.env, NO_COLOR: '1', PATH: [dir, dirname(process.execPath), process.env['PATH']].join(':') };
  });

  it('kubectl triage top pod -A prints exactly what kt top pod -A prints', async () => {
    // Events whose ages print in hours or days, so two runs a moment apart cannot straddle a second.
    for (const args of [['top', 'pod', '-A'], ['top', 'node'], ['-n', 'shop', 'top', 'pod', '--sort-by=cpu'], ['events', '-n', 'batch'], ['events', '-n', 'shop', '--for', 'deploy/web'], ['logs', '-n', 'shop', 'deploy/web', '--tail=1']]) {
      const [viaKubectl, kt] = await Promise.all([runKubectl(['triage', ...args], env), runKt(args, t.env)]);
      expectKubectl(viaKubectl, succeeds(args[0] === 'logs' ? 'Found 2 pods, using pod/web-7d9c6b5f4-kx2vq\n' : 'empty'), `kubectl triage ${args.join(' ')}`);
      expect(viaKubectl, args.join(' ')).toEqual(kt);
    }
  });

  it('hints and help name "kubectl triage"', async () => {
    const r = await runKubectl(['triage', 'top', 'pod', '--bogus'], env);
    expect(r).toEqual({ code: 1, stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl triage top pod --help' for usage.\n" });
    const h = await runKubectl(['triage', 'top', 'pod', '--help'], env);
    expect(h.stdout).toContain('Usage:\n  kubectl triage top pod [NAME | -l label] [options]\n');
    const root = await runKubectl(['triage'], env);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Use "kubectl triage <command> --help" for more information about a given command.\n');
  });

  it('kubectl completes the plugin\'s arguments through kubectl_complete-triage', async () => {
    const r = await runKubectl(['__complete', 'triage', 'top', 'pod', '-n', 'shop', 'pay'], env);
    expect(r.stdout).toBe('payments-0\n:4\n');
    const sub = await runKubectl(['__complete', 'triage', 'to'], env);
    expect(sub.stdout.split('\n')[0]).toMatch(/^top\t/);
  });
});
