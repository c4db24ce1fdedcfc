// A real terminal for tests: a detached tmux session (its own server, on a socket in a temp dir) running one
// command in a pane of a given size. The test types into it, resizes it, reads the screen as a person would see
// it and the raw bytes the program wrote (pipe-pane), reads the pane's termios while the program runs, and gets
// the exit code and the termios after it ended (written by a wrapper script), to prove the terminal was restored.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { within } from '../reliability/helpers.js';

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function run(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${file} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout)));
  });
}

export interface PtyResult {
  code: number;
  /** `stty -g` of the terminal before the program started and after it ended. */
  sttyBefore: string;
  sttyAfter: string;
}

export interface Pty {
  /** Types text literally (no key names), as a person would. */
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: `Enter`, `C-c`, `C-d`. */
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  /** The visible screen, one string per row, trailing blanks trimmed. */
  screen(): Promise<string[]>;
  /** Everything the program wrote to the terminal so far, byte for byte (as latin1, so bytes stay bytes). */
  raw(): string;
  /** `stty -a` of the pane's terminal now. */
  stty(): Promise<string>;
  /** Waits until the raw output satisfies `cond`; `what` names it when the ceiling is hit. */
  waitForRaw(what: string, cond: (raw: string) => boolean, ms?: number): Promise<void>;
  waitForScreen(what: string, cond: (rows: string[]) => boolean, ms?: number): Promise<string[]>;
  /** Resolves when the program has exited. */
  exited(ms?: number): Promise<PtyResult>;
  close(): Promise<void>;
}

const hasTmux = existsSync('/usr/bin/tmux') || existsSync('/usr/local/bin/tmux');
export const TMUX: string | undefined = hasTmux ? (existsSync('/usr/bin/tmux') ? '/usr/bin/tmux' : '/usr/local/bin/tmux') : undefined;

/** Starts `argv` (with `env` added) in a fresh terminal of `columns` × `rows`. */
export async function startPty(argv: readonly string[], env: Record<string, string>, size: { columns: number; rows: number } = { columns: 80, rows: 24 }): Promise<Pty> {
  if (!TMUX) throw new Error('tmux is not installed');
  const tmux = TMUX;
  const dir = mkdtempSync(join(tmpdir(), 'kt-pty-'));
  const sock = join(dir, 'tmux.sock');
  const file = (name: string): string => join(dir, name);
  writeFileSync(file('tmux.conf'), 'set -g status off\nset -g remain-on-exit on\nset -g history-limit 10000\n');
  // The program starts only once the raw capture is in place (`wait-for go`), so not a byte is missed.
  writeFileSync(
    file('run.sh'),
    [
      ...Object.entries(env).map(([k, v]) => `export ${k}=${sh(v)}`),
      // Ctrl-C reaches the shell too (one process group): a trap, which the program does not inherit, keeps the
      // shell alive to record the program's exit code.
      'trap : INT',
      `${sh(tmux)} -S ${sh(sock)} wait-for go`,
      `stty -g > ${sh(file('stty.before'))}`,
      argv.map(sh).join(' '),
      `echo $? > ${sh(file('code'))}`,
      `stty -g > ${sh(file('stty.after'))}`,
      `${sh(tmux)} -S ${sh(sock)} wait-for -S done`,
      '',
    ].join('\n'),
  );
  const t = (...args: string[]): Promise<string> => run(tmux, ['-S', sock, ...args]);
  await run(tmux, ['-S', sock, '-f', file('tmux.conf'), 'new-session', '-d', '-s', 'pty', '-x', String(size.columns), '-y', String(size.rows), `sh ${sh(file('run.sh'))}`]);
  await t('pipe-pane', '-t', 'pty', `cat >> ${sh(file('raw'))}`);
  let waiter: ChildProcess | undefined;
  const done = new Promise<void>((resolve, reject) => {
    waiter = execFile(tmux, ['-S', sock, 'wait-for', 'done'], (err) => (err ? reject(err) : resolve()));
  });
  done.catch(() => {}); // a close() before the end rejects it; exited() reports its own failure
  await t('wait-for', '-S', 'go');

  const raw = (): string => (existsSync(file('raw')) ? readFileSync(file('raw')).toString('latin1') : '');
  const screen = async (): Promise<string[]> => (await t('capture-pane', '-p', '-t', 'pty')).split('\n').map((l) => l.trimEnd());
  const poll = async <T>(what: string, get: () => T | Promise<T>, cond: (v: T) => boolean, ms: number): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await get();
      if (cond(v)) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the screen:\n${(await screen()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    type: async (text) => void (await t('send-keys', '-t', 'pty', '-l', text)),
    press: async (...keys) => void (await t('send-keys', '-t', 'pty', ...keys)),
    resize: async (columns, rows) => void (await t('resize-window', '-t', 'pty', '-x', String(columns), '-y', String(rows))),
    screen,
    raw,
    stty: async () => run('stty', ['-a', '-F', (await t('display-message', '-p', '-t', 'pty', '#{pane_tty}')).trim()]),
    waitForRaw: async (what, cond, ms = 15_000) => void (await poll(what, raw, cond, ms)),
    waitForScreen: (what, cond, ms = 15_000) => poll(what, screen, cond, ms),
    exited: async (ms = 20_000) => {
      await within(ms, done, 'the program in the terminal to exit');
      return { code: Number(readFileSync(file('code'), 'utf8').trim()), sttyBefore: readFileSync(file('stty.before'), 'utf8').trim(), sttyAfter: readFileSync(file('stty.after'), 'utf8').trim() };
    },
    close: async () => {
      waiter?.kill();
      await t('kill-server').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
