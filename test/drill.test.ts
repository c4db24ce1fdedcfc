// kt drill end to end, for every task: start a practice cluster in the background, check before answering, give a
// wrong answer (the check fails, exit 2, saying what is wrong), answer with the task's own model answer run with
// real kubectl (the check passes, exit 0), and stop.
import { needs } from './helpers/requirements.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from '../src/commands/drill/tasks.js';
import { KUBECTL, runKt, runKubectl, type Result } from './helpers/kubectl.js';
import { runKubectlLine } from './gaps/process.js';

/** Seconds in a kubectl age such as `3m1s`, `45m`, `2d`. */
function ageSeconds(age: string): number {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(age);
  if (!m || age === '') throw new Error(`not an age: ${age}`);
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0);
}

describe('kt drill', needs('kubectl'), () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kt-drill-'));
    env = { KT_DRILL_DIR: dir, HOME: dir };
  });
  afterAll(async () => {
    await runKt(['drill', 'stop'], env);
    rmSync(dir, { recursive: true, force: true });
  });

  const answerFile = (): string => join(dir, 'answer');
  const kubectlEnv = (): Record<string, string> => ({ KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache'), HOME: dir });
  const check = (): Promise<Result> => runKt(['drill', 'check'], env);

  it('lists its tasks', async () => {
    const r = await runKt(['drill', 'list'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(/ {2,}/)[0])).toEqual(TASKS.map((t) => t.name));
  });

  it('check without a drill says how to start one', async () => {
    expect(await check()).toMatchObject({ code: 1, stderr: 'error: no drill is running: start one with kt drill start [TASK]\n' });
  });

  interface Plan {
    /** Whether the task is answered in the answer file (else the cluster is checked). */
    file: boolean;
    /** Gives a wrong answer and returns what the check must say about it. */
    wrong(): Promise<string>;
    /** After the model answer: what to do that the model answer leaves to the learner. */
    finish?(): void;
    pass: RegExp;
  }

  const plans: Record<string, Plan> = {
    'highest-cpu': {
      file: true,
      wrong: async () => {
        // The second-highest pod, from the learner's kubectl.
        const top = await runKubectl(['top', 'pod', '-A', '--sort-by=cpu', '--no-headers'], kubectlEnv());
        expect(top.code).toBe(0);
        writeFileSync(answerFile(), `${top.stdout.trim().split('\n')[1]!.split(/\s+/)[1]}\n`);
        return 'the answer is "payments-0"; expected the one pod name with the highest CPU';
      },
      pass: /^checkout-6f8b9c7d5-p4x7w uses the most CPU \(948m\)$/,
    },
    'previous-log': {
      file: true,
      wrong: async () => {
        // The last line of the wrong container, the sidecar.
        const current = await runKubectl(['logs', '-n', 'shop', 'deploy/checkout', '-c', 'istio-proxy', '--tail=1'], kubectlEnv());
        expect(current.code).toBe(0);
        writeFileSync(answerFile(), current.stdout);
        return `the answer's last line is "${current.stdout.trim()}"; that is not the last line of the previous instance (hint: --previous)`;
      },
      pass: /^the previous instance of app ended with: level=error msg="cache warm-up failed: out of memory allocating 64MiB"$/,
    },
    'warning-events': {
      file: true,
      wrong: async () => {
        // Every Warning event, the older ones not deleted.
        const all = await runKubectl(['events', '-A', '--types=Warning'], kubectlEnv());
        writeFileSync(answerFile(), all.stdout);
        return 'older than 5 minutes: Failed Pod/api-gateway-typo, NodeNotReady Pod/kube-proxy-q7d4t';
      },
      // "then delete the rows whose LAST SEEN is over 5m", as the model answer says.
      finish: () => {
        const [header, ...rows] = readFileSync(answerFile(), 'utf8').split('\n').filter(Boolean);
        const col = header!.indexOf('LAST SEEN');
        const recent = rows.filter((r) => ageSeconds(r.slice(col).split(' ')[0]!) <= 300);
        expect(recent.length).toBeGreaterThanOrEqual(2);
        writeFileSync(answerFile(), [header, ...recent, ''].join('\n'));
      },
      pass: /^every Warning event of the last 5 minutes, and no older one$/,
    },
    'node-usage': {
      file: true,
      wrong: async () => {
        // A node, but not the one with the highest MEMORY%.
        writeFileSync(answerFile(), 'node-a\n');
        return 'the answer is "node-a"; expected the one node name with the highest MEMORY%';
      },
      pass: /^node-b uses 62% of its memory \(9645Mi\)$/,
    },
    'debug-container': {
      file: false,
      wrong: async () => {
        // A debug container that does not target nginx.
        expect((await runKubectl(['debug', '-n', 'shop', 'web-7d9c6b5f4-kx2vq', '--image=busybox', '--profile=general', '-c', 'untargeted'], kubectlEnv())).code).toBe(0);
        return 'untargeted runs busybox but does not target nginx (hint: --target)';
      },
      pass: /^ephemeral container debugger-\w{5} \(busybox\) targets nginx$/,
    },
  };

  it('has a plan for every task', () => {
    expect(Object.keys(plans).sort()).toEqual(TASKS.map((t) => t.name).sort());
  });

  it.each(TASKS.map((t) => [t.name, t] as const))('%s: no answer, a wrong one, the model answer with kubectl, stop', async (name, task) => {
    const plan = plans[name]!;
    const start = await runKt(['drill', 'start', name], env);
    expect(start.code).toBe(0);
    expect(start.stdout).toBe(
      `Task ${name}: ${task.title}\n\n  ${task.prompt(answerFile())}\n\nPoint kubectl at the practice cluster:\n\nexport KUBECONFIG=${join(dir, 'kubeconfig')}\n\n` +
        'Then answer with kubectl, and run `kt drill check`. (`kt drill stop` ends the practice.)\n',
    );
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { pid: number; task: string };
    expect(state.task).toBe(name);

    if (plan.file) expect(await check()).toEqual({ code: 2, stdout: `FAIL  ${name}: no answer yet: write it to ${answerFile()}\n`, stderr: '' });
    const why = await plan.wrong();
    expect(await check()).toEqual({ code: 2, stdout: `FAIL  ${name}: ${why}\n`, stderr: '' });

    for (const line of task.solution(answerFile())) {
      const r = await runKubectlLine(line.replace(/ +# .*$/, ''), kubectlEnv());
      // kubectl debug 1.32 warns that its default profile is deprecated; nothing else may go wrong.
      expect({ line, code: r.code, stderr: r.stderr.replace(/^--profile=legacy is deprecated.*\n/, '') }).toEqual({ line, code: 0, stderr: '' });
    }
    plan.finish?.();
    const pass = await check();
    const [verdict, ...rest] = pass.stdout.split('\n');
    expect({ code: pass.code, verdict: verdict!.startsWith(`PASS  ${name}: `), stderr: pass.stderr }).toEqual({ code: 0, verdict: true, stderr: '' });
    expect(verdict!.slice(`PASS  ${name}: `.length)).toMatch(plan.pass);
    expect(rest.join('\n')).toBe(`\nOne way with kubectl:\n${task.solution(answerFile()).map((l) => `  ${l}\n`).join('')}`);

    const stop = await runKt(['drill', 'stop'], env);
    expect(stop).toMatchObject({ code: 0, stdout: `Stopped the practice cluster (task ${name}).\n` });
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(() => process.kill(state.pid, 0)).toThrow();
  });

  it('highest-cpu takes NAMESPACE/NAME too; start replaces a running drill', async () => {
    expect((await runKt(['drill', 'start', 'node-usage'], env)).code).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { pid: number };
    expect((await runKt(['drill', 'start', 'highest-cpu'], env)).code).toBe(0);
    expect(() => process.kill(first.pid, 0)).toThrow();
    writeFileSync(answerFile(), 'shop/checkout-6f8b9c7d5-p4x7w\n');
    expect((await check()).code).toBe(0);
  });
});
