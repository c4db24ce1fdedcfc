// -v: kubectl's klog lines for the kubeconfig loader and each request, in the same format (timestamps and pids
// masked), with credentials masked at every level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, runKt } from '../helpers/kubectl.js';
import { expectKubectl, succeeds } from '../helpers/parity.js';
import { needs } from '../helpers/requirements.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

/** klog lines of one source file, with the clock and the pid masked. */
function klog(stderr: string, file: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.includes(` ${file}:`))
    .map((l) => l.replace(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'I<time> <pid> ').replace(/in \d+ milliseconds/, 'in <n> milliseconds'));
}

describe('kt -v', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', tls: true, token: 'very-secret-token' });
  });
  afterAll(async () => t?.stop());

  it('logs the kubeconfig it loaded and every request at -v=6, as kubectl does', needs('kubectl'), async () => {
    const { kt, kubectl } = await both(['top', 'pod', '-n', 'shop', '-v=6'], t.env);
    expectKubectl(kubectl, succeeds(/ loader\.go:\d+\] Config loaded from file: /));
    expect(kt.code).toBe(0);
    expect(klog(kt.stderr, 'loader.go')).toEqual(klog(kubectl.stderr, 'loader.go'));
    expect(klog(kt.stderr, 'loader.go')).toEqual([`I<time> <pid> loader.go:402] Config loaded from file:  ${t.kubeconfig}`]);
    expect(klog(kt.stderr, 'round_trippers.go')).toEqual(klog(kubectl.stderr, 'round_trippers.go'));
    expect(kt.stdout).toBe(kubectl.stdout);
  });

  it('says which KUBECONFIG files are missing at -v=1', async () => {
    const r = await runKt(['top', 'pod', '-v=1'], { KUBECONFIG: '/nope1:/nope2', HOME: '/nonexistent', KT_NO_CONFIG: '1' });
    expect(klog(r.stderr, 'loader.go')).toEqual(['I<time> <pid> loader.go:140] Config not found: /nope1, /nope2']);
  });

  it('never prints the token, at any level', async () => {
    for (const v of ['6', '7', '8', '9', '10']) {
      const r = await runKt(['top', 'pod', '-n', 'shop', `-v=${v}`], t.env);
      expect(r.stderr).not.toContain('very-secret-token');
      expect(r.stdout).not.toContain('very-secret-token');
    }
  });
});
