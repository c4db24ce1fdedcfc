// Ctrl-C ends the commands that run until stopped at once, even while a request is waiting on a slow server,
// and nothing (an abandoned request, a kept-alive socket) holds the process open afterwards.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

async function interruptAfter(args: string[], env: Record<string, string>, ms: number): Promise<{ code: number | null; elapsed: number; stderr: string }> {
  const child = spawn(process.execPath, [KT_BIN, ...args], { env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  await new Promise((r) => setTimeout(r, ms));
  const sent = Date.now();
  child.kill('SIGINT');
  const code = await exited;
  return { code, elapsed: Date.now() - sent, stderr };
}

describe('Ctrl-C during a slow request', () => {
  let t: TestSim;
  beforeAll(async () => {
    // Every pod list and metrics request takes 20 s.
    t = await startTestSim({ scenario: 'demo', faults: [{ path: '**/pods', action: { kind: 'delay', ms: 20_000 } }] });
  });
  afterAll(async () => t?.stop());

  it('logs -f ends at once with exit code 1 and prints nothing more', async () => {
    const r = await interruptAfter(['logs', '-f', '-n', 'shop', 'deploy/web'], t.env, 1000);
    expect(r.code).toBe(1);
    expect(r.elapsed).toBeLessThan(3000);
    expect(r.stderr).not.toContain('Found');
  });

  it('top -w ends at once (exit 0: the watch was stopped, not failed)', async () => {
    const r = await interruptAfter(['top', 'pod', '-n', 'shop', '-w', '1s'], t.env, 1000);
    expect(r.code).toBe(0);
    expect(r.elapsed).toBeLessThan(3000);
  });
});
