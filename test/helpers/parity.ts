// The one way parity tests compare kt with kubectl 1.32: every case first states what kubectl must do — its exit
// code, whether stdout is empty, what stderr says — and that is asserted on kubectl's own result before kt is
// compared with it. So a broken sim (metrics answering 404, logs forbidden) fails the case even when kt breaks in
// exactly the same way (test/sabotage.test.ts proves it).
import { expect } from 'vitest';
import { asKt, runKt, runKubectl, type Result } from './kubectl.js';
import { agesWithin } from './ages.js';

type Text = 'empty' | 'non-empty' | 'any' | string | RegExp;

/** What kubectl must do. A string for stderr or stdout is the text it must start with; a RegExp must match. */
export interface KubectlExpectation {
  code: number;
  stdout: Text;
  stderr: Text;
}

/** kubectl succeeds and prints something; stderr is empty unless `stderr` says what it holds. */
export function succeeds(stderr: Text = 'empty', stdout: Text = 'non-empty'): KubectlExpectation {
  return { code: 0, stdout, stderr };
}

/** kubectl succeeds with nothing on stdout (e.g. `No resources found in quiet namespace.` on stderr). */
export function quiet(stderr: Text = 'empty'): KubectlExpectation {
  return { code: 0, stdout: 'empty', stderr };
}

/** kubectl fails with this stderr (and exit code 1, and nothing on stdout, unless said otherwise). */
export function fails(stderr: string | RegExp, options: { code?: number; stdout?: Text } = {}): KubectlExpectation {
  return { code: options.code ?? 1, stdout: options.stdout ?? 'empty', stderr };
}

function textMatches(want: Text, got: string): boolean {
  if (want === 'empty') return got === '';
  if (want === 'non-empty') return got !== '';
  if (want === 'any') return true;
  if (typeof want === 'string') return got.startsWith(want);
  return want.test(got);
}

function describeText(want: Text): string {
  if (want === 'empty' || want === 'non-empty' || want === 'any') return want;
  return typeof want === 'string' ? `starting with ${JSON.stringify(want)}` : `matching ${String(want)}`;
}

/** Asserts that kubectl's result is what the case expects of it, before anything is compared with kt. */
export function expectKubectl(kubectl: Result, want: KubectlExpectation, what = 'kubectl'): void {
  const problems: string[] = [];
  if (kubectl.code !== want.code) problems.push(`exit code ${kubectl.code}, expected ${want.code}`);
  if (!textMatches(want.stdout, kubectl.stdout)) problems.push(`stdout should be ${describeText(want.stdout)}`);
  if (!textMatches(want.stderr, kubectl.stderr)) problems.push(`stderr should be ${describeText(want.stderr)}`);
  if (problems.length > 0) {
    expect.fail(`${what} did not do what the case says it does (is the sim broken?): ${problems.join('; ')}\nstdout: ${JSON.stringify(kubectl.stdout.slice(0, 2000))}\nstderr: ${JSON.stringify(kubectl.stderr.slice(0, 2000))}`);
  }
}

/**
 * kubectl's discovery cache (memcache.go) logs a klog error line for every failed discovery attempt before its
 * final message. kt does no API discovery — it knows its few resources — so it has nothing to log there; these
 * lines, and only these, are dropped from kubectl's stderr before the comparison.
 */
const DISCOVERY_LINE = String.raw`E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ memcache\.go:\d+\] .*\n`;
const DISCOVERY_LOG = new RegExp(`^${DISCOVERY_LINE}`, 'gm');

export function withoutDiscoveryLog(stderr: string): string {
  return stderr.replace(DISCOVERY_LOG, '');
}

/** kubectl's stderr where its discovery fails: any discovery log lines, then exactly `text`. */
export function afterDiscoveryLog(text: string): RegExp {
  return new RegExp(`^(?:${DISCOVERY_LINE})*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export interface CompareOptions {
  /** Applied to both results (after kubectl's are made to name kt) before they are compared. */
  normalize?: (r: Result) => Result;
  /** Applied to kubectl's result only: where kubectl's text is known to differ (say why beside it). */
  kubectlOnly?: (r: Result) => Result;
  /**
   * Ages (LAST SEEN, `x5 over 51m`) are read from each tool's own clock: with `agesWithinMs`, an age may differ
   * by the time between the two runs (and nothing else may differ). Without it, output must be identical.
   */
  agesWithinMs?: number;
  /** Replaces the exact comparison (e.g. per-stream blocks where kubectl's order is random). */
  compare?: (kt: Result, kubectl: Result) => void | Promise<void>;
}

/** Checks kubectl against the case's expectation, then kt against kubectl. */
export async function compareResults(want: KubectlExpectation, kt: Result, kubectlRaw: Result, options: CompareOptions = {}): Promise<void> {
  expectKubectl(kubectlRaw, want);
  const norm = options.normalize ?? ((r: Result): Result => r);
  const only = options.kubectlOnly ?? ((r: Result): Result => r);
  const kubectl = norm(only({ ...kubectlRaw, stderr: asKt(withoutDiscoveryLog(kubectlRaw.stderr)) }));
  const mine = norm(kt);
  if (options.compare) return await options.compare(mine, kubectl);
  if (options.agesWithinMs !== undefined && mine.stdout !== kubectl.stdout) {
    const [a, b] = agesWithin(mine.stdout, kubectl.stdout, options.agesWithinMs);
    expect({ ...mine, stdout: a }).toEqual({ ...kubectl, stdout: b });
    return;
  }
  expect(mine).toEqual(kubectl);
}

export interface ParityOptions extends CompareOptions {
  /** Ages in the output come from each tool's clock: allow them to differ by the time the runs took. */
  ages?: boolean;
}

/**
 * Runs kt and kubectl at once with the same arguments and environment, checks kubectl did what `want` says, then
 * that kt printed the same. Returns both results (kubectl's as it printed them) for further assertions.
 */
export async function expectParity(want: KubectlExpectation, args: readonly string[], env: Record<string, string>, options: ParityOptions = {}): Promise<{ kt: Result; kubectl: Result }> {
  const started = Date.now();
  const [kt, kubectl] = await Promise.all([runKt(args, env), runKubectl(args, env)]);
  const window = Date.now() - started;
  await compareResults(want, kt, kubectl, { ...options, ...(options.ages ? { agesWithinMs: window } : {}) });
  return { kt, kubectl };
}
