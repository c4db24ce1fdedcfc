// The requirement mechanism (test/helpers/requirements.ts): kubectl is found KT_KUBECTL first; without it, tests
// tagged needs('kubectl') are skipped and counted in one line at the end; with CI=true the run fails at once with
// one line. The last two run vitest itself, on a PATH without kubectl.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { spawnProcess } from './helpers/process.js';
import { findKubectl, needs, requirement } from './helpers/requirements.js';

describe('finding kubectl 1.32', needs('kubectl'), () => {
  const saved = process.env['KT_KUBECTL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['KT_KUBECTL'];
    else process.env['KT_KUBECTL'] = saved;
  });

  it('takes KT_KUBECTL first', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'kt-kubectl-')), 'my-kubectl');
    symlinkSync(requirement('kubectl')!, link);
    process.env['KT_KUBECTL'] = link;
    expect(findKubectl()).toBe(link);
  });

  it('passes over a KT_KUBECTL that is missing or not 1.32, to kubectl.1.32 on PATH or beside the dispatcher', () => {
    process.env['KT_KUBECTL'] = '/nonexistent/kubectl';
    expect(findKubectl()).toMatch(/kubectl\.1\.32$/);
    process.env['KT_KUBECTL'] = process.execPath; // runs, but is no kubectl
    expect(findKubectl()).toMatch(/kubectl\.1\.32$/);
  });
});

/** `vitest run ARGS` in this repository, on a PATH where only `sh` and the tools the machine has (but kubectl) can be found. */
async function vitestWithoutKubectl(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  const bin = mkdtempSync(join(tmpdir(), 'kt-nokubectl-'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  for (const shell of ['zsh', 'fish', 'tmux'] as const) {
    const path = requirement(shell);
    if (path) symlinkSync(path, join(bin, shell));
  }
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  // Only these variables: nothing of the outer vitest run (its workers' variables, its resolved requirements).
  const r = await spawnProcess(process.execPath, [vitest, 'run', ...args], { PATH: bin, HOME: mkdtempSync(join(tmpdir(), 'kt-home-')), KT_KUBECTL: '/nonexistent', NO_COLOR: '1', ...env }, { cwd: ROOT, onlyEnv: true }).result();
  return { code: r.code, output: `${r.stdout}${r.stderr}` };
}

describe('without kubectl', () => {
  it('skips what needs it and says how many tests, in one line at the end', async () => {
    const r = await vitestWithoutKubectl(['test/top.parity.test.ts'], {});
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/\nSKIPPED 63 tests: kubectl 1\.32 not found: install it or set KT_KUBECTL\ntests: 0 passed, 0 failed, 63 skipped\n$/);
  });

  it('with CI=true fails the run before any test, with one line', async () => {
    const r = await vitestWithoutKubectl(['test/top.parity.test.ts'], { CI: 'true' });
    expect(r.code).toBe(1);
    const lines = r.output.split('\n').filter((l) => l.trim() !== '' && !/^\s*RUN\s+v\d/.test(l));
    expect(lines).toEqual(['kubectl 1.32 not found: install it or set KT_KUBECTL', ...(requirement('zsh') ? [] : ['zsh not found: install it (apt-get install -y zsh)']), ...(requirement('fish') ? [] : ['fish not found: install it (apt-get install -y fish)']), ...(requirement('tmux') ? [] : ['tmux not found: install it (apt-get install -y tmux)'])]);
  });
});
