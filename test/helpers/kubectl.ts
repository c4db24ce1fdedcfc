// Parity harness: run real kubectl 1.32 and kt with the same arguments against the same simulated cluster and
// compare stdout, stderr and exit code.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KT_BIN = join(ROOT, 'bin', 'kt.js');

/** kubectl 1.32: $KT_KUBECTL, `kubectl.1.32` on PATH, or beside the Cloud SDK dispatcher `kubectl` links to. */
function findKubectl(): string | undefined {
  const candidates: string[] = [];
  if (process.env['KT_KUBECTL']) candidates.push(process.env['KT_KUBECTL']);
  const which = (name: string): string | undefined => {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const pinned = which('kubectl.1.32');
  if (pinned) candidates.push(pinned);
  const dispatcher = which('kubectl');
  if (dispatcher) candidates.push(join(dirname(realpathSync(dispatcher)), 'kubectl.1.32'));
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    const v = spawnSync(c, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
    if (v.status === 0 && /"gitVersion":\s*"v1\.32\./.test(v.stdout)) return c;
  }
  return undefined;
}

export const KUBECTL = findKubectl();
if (!KUBECTL) {
  process.stderr.write('\n*** kubectl 1.32 not found (set KT_KUBECTL): parity tests against real kubectl are SKIPPED ***\n\n');
}

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

function run(file: string, args: readonly string[], env: Record<string, string>, timeoutMs = 20_000): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, [...args], { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

/** Runs the built kt (bin/kt.js) with the Node running the tests. */
export function runKt(args: readonly string[], env: Record<string, string> = {}): Promise<Result> {
  return run(process.execPath, [KT_BIN, ...args], { NO_COLOR: '1', ...env });
}

export function runKubectl(args: readonly string[], env: Record<string, string> = {}): Promise<Result> {
  if (!KUBECTL) throw new Error('kubectl 1.32 is not available');
  // A throwaway cache dir keeps one test's discovery cache from answering for another sim on a reused port.
  return run(KUBECTL, [...args], env);
}

/** kubectl names itself in usage hints; kt names itself. Everything else must be identical. */
export function asKt(text: string): string {
  return text.replace(/'kubectl /g, "'kt ").replace(/"kubectl /g, '"kt ');
}

/** Runs both at once (so that ages computed from "now" agree) and returns both results. */
export async function both(args: readonly string[], env: Record<string, string>): Promise<{ kt: Result; kubectl: Result }> {
  const [kt, kubectl] = await Promise.all([runKt(args, env), runKubectl(args, env)]);
  return { kt, kubectl: { ...kubectl, stderr: asKt(kubectl.stderr), stdout: kubectl.stdout } };
}
