// Around the commands: kubectl verbs kt does not have point at kubectl (typos of kt's own keep cobra's wording),
// `kt --demo debug --explain` ends with the note about kt sim, and `kt drill stop` leaves nothing behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

async function kt(args: string[], root = 'kt', env: Record<string, string> = { HOME: '/nonexistent' }) {
  const io = bufferIO(env);
  const code = await main(args, io, root);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('a kubectl command kt does not have', () => {
  it('is one line saying so, with the kubectl command to run instead, and exit 1', async () => {
    expect(await kt(['get', 'pods', '-n', 'shop'])).toEqual({ code: 1, stdout: '', stderr: 'error: kt does not do "get"; use kubectl: kubectl get pods -n shop\n' });
    expect(await kt(['-n', 'shop', 'describe', 'pod', 'payments-0'])).toEqual({ code: 1, stdout: '', stderr: 'error: kt does not do "describe"; use kubectl: kubectl -n shop describe pod payments-0\n' });
    expect((await kt(['exec', 'payments-0', '--', 'sh', '-c', 'echo hi'])).stderr).toBe("error: kt does not do \"exec\"; use kubectl: kubectl exec payments-0 -- sh -c 'echo hi'\n");
    for (const verb of ['apply', 'run', 'delete', 'edit', 'create', 'rollout', 'scale', 'port-forward', 'cp', 'label']) {
      const r = await kt([verb, 'x']);
      expect({ verb, ...r }).toEqual({ verb, code: 1, stdout: '', stderr: `error: kt does not do "${verb}"; use kubectl: kubectl ${verb} x\n` });
    }
  });

  it('leaves kt\'s own --demo out of the kubectl command, and says where the demo cluster is', async () => {
    expect((await kt(['--demo', 'get', 'pods', '-n', 'shop'])).stderr).toBe("error: kt does not do \"get\"; use kubectl: kubectl get pods -n shop (against `kt sim`: --demo is kt's own)\n");
  });

  it('says the same as a kubectl plugin, where the command is plain kubectl', async () => {
    expect((await kt(['get', 'nodes'], 'kubectl triage')).stderr).toBe('error: kt does not do "get"; use kubectl: kubectl get nodes\n');
  });

  it('leaves cobra\'s wording for typos of kt\'s own commands and for unknown flags', async () => {
    expect(await kt(['tpo'])).toEqual({ code: 1, stdout: '', stderr: 'error: unknown command "tpo" for "kt"\n\nDid you mean this?\n\ttop\n' });
    expect((await kt(['frobnicate'])).stderr).toBe('error: unknown command "frobnicate" for "kt"\n');
    expect((await kt(['logz'])).stderr).toBe('error: unknown command "logz" for "kt"\n\nDid you mean this?\n\tlogs\n');
    expect(await kt(['top', 'pod', '--bogus'])).toEqual({ code: 1, stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kt top pod --help' for usage.\n" });
  });
});

describe('kt --demo debug --explain', () => {
  it('prints the kubectl command, then the # line saying kubectl needs kt sim, and does nothing else', async () => {
    const r = await kt(['--demo', 'debug', '-n', 'shop', 'payments-0', '--image=busybox', '--explain']);
    expect(r).toEqual({
      code: 0,
      stdout: 'kubectl -n shop debug payments-0 --image=busybox --profile=general\n# (--demo runs against an in-process cluster: start `kt sim` to run these with kubectl)\n',
      stderr: '',
    });
  });

  it('without --demo prints the command alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-explain-'));
    const kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: x, context: {cluster: c, user: u, namespace: shop}}]\ncurrent-context: x\n');
    const r = await kt(['debug', 'payments-0', '--image=busybox', '--explain'], 'kt', { HOME: dir, KUBECONFIG: kubeconfig });
    expect(r).toEqual({ code: 0, stdout: 'kubectl debug payments-0 --image=busybox --profile=general\n', stderr: '' });
  });
});

describe('kt drill stop', () => {
  it('stops the practice cluster by its pid and removes every file the drill wrote, sim.log included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-drill-stop-'));
    // A stand-in for the background sim: a process that runs until it is stopped.
    const sim = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => sim.once('exit', (_code, signal) => resolve(signal)));
    try {
      const state = { task: 'highest-cpu', pid: sim.pid, kubeconfig: join(dir, 'kubeconfig'), answer: join(dir, 'answer'), startedAt: new Date().toISOString() };
      writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
      for (const f of ['kubeconfig', 'answer', 'sim.log']) writeFileSync(join(dir, f), 'x');
      const r = await kt(['drill', 'stop', '--dir', dir]);
      expect(r).toEqual({ code: 0, stdout: 'Stopped the practice cluster (task highest-cpu).\n', stderr: '' });
      expect(await exited).toBe('SIGTERM');
      expect(readdirSync(dir)).toEqual([]);
      expect(existsSync(join(dir, 'sim.log'))).toBe(false);
    } finally {
      sim.kill('SIGKILL');
    }
  });
});
