// Ctrl-C ends the commands that run until stopped at once, even while a request is waiting on a slow server,
// and nothing (an abandoned request, a kept-alive socket) holds the process open afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKt, until } from '../helpers/process.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

describe('Ctrl-C during a slow request', () => {
  let t: TestSim;
  const requests: { ua: string; url: string }[] = [];
  beforeAll(async () => {
    // Every pod list and pod metrics request takes ten minutes: a kt that exits at all did not wait for it.
    t = await startTestSim({
      scenario: 'demo',
      faults: [{ path: '**/pods', action: { kind: 'delay', ms: 10 * 60_000 } }],
      onRequest: (r) => void requests.push({ ua: String(r.headers['user-agent'] ?? ''), url: r.url }),
    });
  });
  afterAll(async () => t?.stop());

  /** Starts kt, waits until its slow request reached the sim, presses Ctrl-C and returns how it ended. */
  async function interruptDuringSlowRequest(args: string[]): Promise<{ code: number; stderr: string }> {
    requests.length = 0;
    const kt = startKt(args, t.env);
    try {
      await until('kt to send the slow request', () => requests.some((r) => /^kt\//.test(r.ua) && /\/pods(\?|$)/.test(r.url)));
      kt.interrupt();
      return await kt.result();
    } finally {
      kt.kill();
    }
  }

  it('logs -f ends at once with exit code 1 and prints nothing more', async () => {
    const r = await interruptDuringSlowRequest(['logs', '-f', '-n', 'shop', 'deploy/web']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Found');
  });

  it('top -w ends at once (exit 0: the watch was stopped, not failed)', async () => {
    const r = await interruptDuringSlowRequest(['top', 'pod', '-n', 'shop', '-w', '1s']);
    expect(r.code).toBe(0);
  });
});
