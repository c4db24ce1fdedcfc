// `kt drill`: a practice cluster (`kt sim`, frozen, in the background) with its kubeconfig, the task, and a state
// file, all in one directory; `check` connects with that kubeconfig and asks the task to judge the cluster's state.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../../cli/registry.js';
import { openSession } from '../../cli/session.js';
import { ExitError, KtError } from '../../errors.js';
import { TabWriter } from '../../go/tabwriter.js';
import type { DrillFlags } from './flags.js';
import { TASKS, type DrillTask } from './tasks.js';

export type { DrillFlags } from './flags.js';

interface DrillState {
  task: string;
  pid: number;
  kubeconfig: string;
  answer: string;
  startedAt: string;
}

const STARTUP_TIMEOUT_MS = 15_000;

function drillDir(flags: DrillFlags, env: Record<string, string | undefined>): string {
  return resolve(flags.dir || env['KT_DRILL_DIR'] || join(env['HOME'] ?? homedir(), '.kt', 'drill'));
}

function readState(dir: string): DrillState | undefined {
  const file = join(dir, 'state.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as DrillState;
}

function findTask(name: string): DrillTask {
  const task = TASKS.find((t) => t.name === name);
  if (!task) throw new KtError(`unknown drill task "${name}"; one of: ${TASKS.map((t) => t.name).join(', ')}`);
  return task;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The files a drill leaves in its directory; `kt drill stop` removes them all. */
const DRILL_FILES = ['state.json', 'kubeconfig', 'answer', 'sim.log'];

/** Stops the sim this drill started (by its recorded pid) and forgets the drill. */
async function stopState(dir: string, state: DrillState): Promise<void> {
  if (alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    for (let i = 0; i < 50 && alive(state.pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  for (const f of DRILL_FILES) rmSync(join(dir, f), { force: true });
}

export async function drillList(ctx: CommandContext): Promise<void> {
  const w = new TabWriter();
  w.write('TASK\tDESCRIPTION\n');
  for (const t of TASKS) w.write(`${t.name}\t${t.title}\n`);
  ctx.io.out.write(w.flush());
}

export async function drillStart(ctx: CommandContext, flags: DrillFlags, args: readonly string[]): Promise<void> {
  if (args.length > 1) throw new KtError('drill start takes at most one TASK');
  const task = findTask(args[0] ?? TASKS[0]!.name);
  const dir = drillDir(flags, ctx.io.env);
  mkdirSync(dir, { recursive: true });
  const previous = readState(dir);
  if (previous) await stopState(dir, previous);
  const kubeconfig = join(dir, 'kubeconfig');
  const answer = join(dir, 'answer');
  const log = openSync(join(dir, 'sim.log'), 'w');
  // The same kt, as a detached `kt sim` that outlives this command.
  const child = spawn(process.execPath, [process.argv[1]!, 'sim', '--port', '0', '--frozen', '--scenario', 'demo', '--kubeconfig-out', kubeconfig], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...ctx.io.env } as NodeJS.ProcessEnv,
  });
  closeSync(log);
  child.unref();
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!existsSync(kubeconfig)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGTERM');
      throw new KtError(`the practice cluster did not start; see ${join(dir, 'sim.log')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const state: DrillState = { task: task.name, pid: child.pid!, kubeconfig, answer, startedAt: new Date(ctx.io.now()).toISOString() };
  writeFileSync(join(dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  ctx.io.out.write(
    `Task ${task.name}: ${task.title}\n\n` +
      `  ${task.prompt(answer)}\n\n` +
      `Point kubectl at the practice cluster:\n\n` +
      `export KUBECONFIG=${kubeconfig}\n\n` +
      `Then answer with kubectl, and run \`${ctx.commandPath.replace(/ start$/, ' check')}\`. (\`${ctx.commandPath.replace(/ start$/, ' stop')}\` ends the practice.)\n`,
  );
}

export async function drillCheck(ctx: CommandContext, flags: DrillFlags): Promise<void> {
  const dir = drillDir(flags, ctx.io.env);
  const state = readState(dir);
  if (!state) throw new KtError('no drill is running: start one with kt drill start [TASK]');
  if (!alive(state.pid)) throw new KtError('the practice cluster has stopped: start again with kt drill start');
  const task = findTask(state.task);
  const session = await openSession({ kubeconfig: state.kubeconfig }, ctx.io);
  let ok = false;
  try {
    const answer = existsSync(state.answer) ? readFileSync(state.answer, 'utf8') : undefined;
    const answeredAt = answer !== undefined ? statSync(state.answer).mtimeMs : undefined;
    const result = await task.check({ client: await session.client(), answer, answeredAt });
    ok = result.ok;
    ctx.io.out.write(`${ok ? 'PASS' : 'FAIL'}  ${task.name}: ${result.message.replace('the answer file', state.answer)}\n`);
    if (ok) ctx.io.out.write(`\nOne way with kubectl:\n${task.solution(state.answer).map((l) => `  ${l}\n`).join('')}`);
  } finally {
    await session.close();
  }
  if (!ok) throw new ExitError(2);
}

export async function drillStop(ctx: CommandContext, flags: DrillFlags): Promise<void> {
  const dir = drillDir(flags, ctx.io.env);
  const state = readState(dir);
  if (!state) {
    ctx.io.err.write('no drill is running\n');
    return;
  }
  await stopState(dir, state);
  ctx.io.out.write(`Stopped the practice cluster (task ${state.task}).\n`);
}
