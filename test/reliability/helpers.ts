// Shared by the reliability tests: run the built kt as a child process (optionally with stdin/stdout handling),
// and wait for conditions without hanging.
import { spawn, type ChildProcess } from 'node:child_process';
import { KT_BIN } from '../helpers/kubectl.js';

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startKt(args: readonly string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [KT_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, cond: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Resolves with the promise's value, or rejects after `ms` (a hang is a failure, not a stuck test). */
export function within<T>(ms: number, p: Promise<T>, what = 'the process to exit'): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms}ms`)), ms))]);
}

/** What no kt output may contain: a JavaScript stack trace. */
export const STACK = /\n\s+at .+\(?.*:\d+:\d+\)?|node:internal|TypeError|ReferenceError|SyntaxError: Unexpected/;
