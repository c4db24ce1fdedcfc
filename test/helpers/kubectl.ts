// Running real kubectl 1.32 and the built kt with the same arguments against the same simulated cluster. Parity
// tests compare the two through test/helpers/parity.ts, which first checks that kubectl did what the case says.
import { requirement } from './requirements.js';
import { HUNG_MS, spawnProcess, startKt, type Proc, type Result, type SpawnOptions } from './process.js';

export { KT_BIN, ROOT } from './paths.js';
export type { Result } from './process.js';

/** kubectl 1.32 (test/helpers/requirements.ts finds it), or undefined; tests that need it are tagged `needs('kubectl')`. */
export const KUBECTL = requirement('kubectl');

/** Runs the built kt (bin/kt.js) with the Node running the tests, to its end. */
export function runKt(args: readonly string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<Result> {
  return startKt(args, env, options).result(HUNG_MS);
}

/** Starts kubectl 1.32 as a child process (test/helpers/process.ts: wait for its output, interrupt it). */
export function startKubectl(args: readonly string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Proc {
  if (!KUBECTL) throw new Error("kubectl 1.32 is not available (tag the test with needs('kubectl'))");
  return spawnProcess(KUBECTL, args, env, options);
}

export function runKubectl(args: readonly string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<Result> {
  return startKubectl(args, env, options).result(HUNG_MS);
}

/** kubectl names itself in usage hints; kt names itself. Everything else must be identical. */
export function asKt(text: string): string {
  return text.replace(/'kubectl /g, "'kt ").replace(/"kubectl /g, '"kt ');
}

/** Runs both at once (so that ages computed from "now" agree as closely as they can) and returns both results. */
export async function both(args: readonly string[], env: Record<string, string>): Promise<{ kt: Result; kubectl: Result }> {
  const [kt, kubectl] = await Promise.all([runKt(args, env), runKubectl(args, env)]);
  return { kt, kubectl: { ...kubectl, stderr: asKt(kubectl.stderr) } };
}
