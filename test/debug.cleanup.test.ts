// kt debug --cleanup: the pods kt debug created (copies, node debuggers) carry kt's label and are deleted; the
// ephemeral containers debug sessions added cannot be removed (k/k#101609), so they are listed instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { CREATED_BY_LABEL } from '../src/commands/debug/options.js';
import { typeOf } from '../src/sim/cluster.js';

describe('kt debug --cleanup', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('deletes the pods kt created and lists the ephemeral containers left behind', async () => {
    const copy = await runKt(['debug', '-n', 'shop', 'payments-0', '--image=busybox', '--copy-to=payments-debug', '-q'], t.env);
    expect(copy.code).toBe(0);
    const node = await runKt(['debug', 'node/node-a', '--image=busybox', '-q'], t.env);
    expect(node.code).toBe(0);
    const eph = await runKt(['debug', '-n', 'shop', 'web-7d9c6b5f4-kx2vq', '--image=busybox', '-c', 'dbg', '-q'], t.env);
    expect(eph.code).toBe(0);
    const labelled = t.sim.cluster.store.list(typeOf('', 'pods')).filter((p) => p.metadata?.labels?.[CREATED_BY_LABEL] === 'true');
    expect(labelled.map((p) => p.metadata?.name)).toEqual([expect.stringMatching(/^node-debugger-node-a-/), 'payments-debug']);

    const r = await runKt(['debug', '--cleanup', '-A'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pod "payments-debug" deleted from shop namespace\n');
    expect(r.stdout).toMatch(/pod "node-debugger-node-a-[bcdfghjklmnpqrstvwxz2456789]{5}" deleted from default namespace\n/);
    expect(r.stdout).toContain('pod/shop/web-7d9c6b5f4-kx2vq keeps ephemeral containers dbg (');
    expect(t.sim.cluster.getPod('shop', 'payments-debug')).toBeUndefined();
    expect(t.sim.cluster.getPod('shop', 'payments-0')).toBeDefined();

    const again = await runKt(['debug', '--cleanup', '-n', 'batch'], t.env);
    expect(again).toEqual({ code: 0, stdout: '', stderr: 'No debug pods or ephemeral containers found in batch namespace.\n' });
  });

  it('refuses flags that would create something', async () => {
    const r = await runKt(['debug', '--cleanup', '--copy-to=x', '--image=busybox'], t.env);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: --cleanup takes no NAME, --image, --copy-to or --filename: it removes the pods kt created\n' });
  });
});
