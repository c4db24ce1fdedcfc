// Running a program to its end from a test: its output, its exit code, stdin from a string, and a ceiling that only
// ends a hung run. Also a printed `kubectl …` command line, run by sh with kubectl 1.32 in kubectl's place.
import { spawn } from 'node:child_process';
import { KUBECTL, type Result } from '../helpers/kubectl.js';

export function runProcess(file: string, args: readonly string[], env: Record<string, string>, input = '', ms = 20_000): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.on('error', () => {}); // a program that exits without reading its stdin
    child.stdin.end(input);
  });
}

/** A command line as kt prints it (shell-quoted, maybe piped), with kubectl 1.32 wherever it says `kubectl`. */
export function runKubectlLine(line: string, env: Record<string, string>): Promise<Result> {
  if (!KUBECTL) throw new Error('kubectl 1.32 is not available');
  return runProcess('sh', ['-c', line.replace(/(^|\| *)kubectl /g, '$1"$KT_KUBECTL_BIN" ')], { ...env, KT_KUBECTL_BIN: KUBECTL });
}
