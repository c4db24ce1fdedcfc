// Child processes for tests: start kt, kubectl or anything else, wait for what it prints (event-driven, no fixed
// sleeps), interrupt it as a person would, and collect its result. Every wait has a ceiling, HUNG_MS, that only
// ends a hung test: a result is never decided by how long something took.
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { KT_BIN } from './paths.js';

/** How long a wait may take before the test is declared hung (well within vitest's testTimeout). */
export const HUNG_MS = 30_000;

export interface Result {
  stdout: string;
  stderr: string;
  /** The exit code; 128 + the signal's number when a signal ended the process, as a shell reports it. */
  code: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type Stream = 'stdout' | 'stderr';
type Wanted = string | RegExp | ((text: string) => boolean);

export interface WaitOptions {
  /** Which stream to watch (default stdout). */
  stream?: Stream;
  /** Names the wait in the error a hung test gets. */
  what?: string;
  ceilingMs?: number;
}

export interface Proc {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once the stream's text so far matches; rejects if the process exits first, or after the ceiling. */
  waitForOutput(wanted: Wanted, options?: WaitOptions): Promise<void>;
  /** Ctrl-C. */
  interrupt(): void;
  /** SIGKILL, if it is still running (for `finally` blocks). */
  kill(): void;
  readonly exited: Promise<Exit>;
  /** Waits for the exit (up to the ceiling) and returns what it printed and its code. */
  result(ceilingMs?: number): Promise<Result>;
}

function matches(wanted: Wanted, text: string): boolean {
  if (typeof wanted === 'string') return text.includes(wanted);
  if (wanted instanceof RegExp) return wanted.test(text);
  return wanted(text);
}

function exitCode(e: Exit): number {
  if (e.code !== null) return e.code;
  return 128 + (e.signal ? (constants.signals[e.signal] ?? 0) : 0);
}

export interface SpawnOptions {
  /** Written to stdin, which is then closed; without it stdin is closed at once (as with `< /dev/null`). */
  stdin?: string;
  cwd?: string;
  /** Only `env`, not the test process's environment beneath it (no KUBECONFIG, proxy or CI variables leak in). */
  onlyEnv?: boolean;
}

/**
 * The test runner's environment minus what would change a child's output behind a test's back: FORCE_COLOR (which
 * beats NO_COLOR, as in Node) and a developer's own kt config (KT_CONFIG, XDG_CONFIG_HOME). A test that wants them
 * sets them.
 */
function inherited(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, KT_CONFIG: _config, XDG_CONFIG_HOME: _xdg, ...rest } = process.env;
  return rest;
}

export function spawnProcess(file: string, args: readonly string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Proc {
  const child = spawn(file, [...args], { env: options.onlyEnv ? env : { ...inherited(), ...env }, ...(options.cwd ? { cwd: options.cwd } : {}) });
  const text: Record<Stream, string> = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const changed = (): void => {
    for (const w of [...waiters]) w();
  };
  for (const s of ['stdout', 'stderr'] as const) {
    child[s].setEncoding('utf8').on('data', (d: string) => {
      text[s] += d;
      changed();
    });
  }
  child.stdin.on('error', () => {}); // a process that exits before reading its stdin
  child.stdin.end(options.stdin ?? '');
  let exit: Exit | undefined;
  // 'close': the process has exited and its output streams are drained, so stdout() is complete.
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
      changed();
    });
    child.on('error', (err) => {
      text.stderr += `spawn ${file}: ${err.message}\n`;
      exit = { code: 127, signal: null };
      resolve(exit);
      changed();
    });
  });
  const describe = (): string => `${file.split('/').pop()} ${args.join(' ')}`;

  const waitForOutput = (wanted: Wanted, o: WaitOptions = {}): Promise<void> => {
    const stream = o.stream ?? 'stdout';
    const what = o.what ?? `${String(wanted)} on ${stream}`;
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (matches(wanted, text[stream])) finish();
        else if (exit) finish(new Error(`\`${describe()}\` exited (${exitCode(exit)}) before ${what}\nstdout: ${text.stdout}\nstderr: ${text.stderr}`));
      };
      const timer = setTimeout(() => finish(new Error(`hung: no ${what} from \`${describe()}\` within ${o.ceilingMs ?? HUNG_MS} ms\nstdout: ${text.stdout}\nstderr: ${text.stderr}`)), o.ceilingMs ?? HUNG_MS);
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      waiters.add(check);
      check();
    });
  };

  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    waitForOutput,
    interrupt: () => void child.kill('SIGINT'),
    kill: () => {
      if (!exit) child.kill('SIGKILL');
    },
    exited,
    result: async (ceilingMs = HUNG_MS) => {
      try {
        const e = await within(ceilingMs, exited, `\`${describe()}\` to exit`);
        return { stdout: text.stdout, stderr: text.stderr, code: exitCode(e) };
      } catch (err) {
        child.kill('SIGKILL');
        throw err;
      }
    },
  };
}

/** The built kt (bin/kt.js) under the Node running the tests, without colour unless the env asks for it. */
export function startKt(args: readonly string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Proc {
  return spawnProcess(process.execPath, [KT_BIN, ...args], { NO_COLOR: '1', ...env }, options);
}

/**
 * Resolves once `cond()` holds (checked every 20 ms: for state no output announces, or a question to ask again);
 * rejects after the ceiling.
 */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ceilingMs = HUNG_MS): Promise<void> {
  const end = Date.now() + ceilingMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`hung: timed out waiting for ${what} (${ceilingMs} ms)`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the promise's value, or rejects after `ms`: a hang is a failure, not a stuck test. */
export function within<T>(ms: number, p: Promise<T>, what = 'the process to exit'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, ceiling]).finally(() => clearTimeout(timer));
}
