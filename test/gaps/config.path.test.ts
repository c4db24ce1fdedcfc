// Which configuration file kt reads: $KT_CONFIG, else $XDG_CONFIG_HOME/kt/config.yaml, else
// ~/.config/kt/config.yaml — and only that one (no falling back to the next when it is absent). Each file here
// has its own effect on `kt top pod` and its own unknown key, whose warning names the file that was read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

describe('the configuration file kt reads', () => {
  let t: TestSim;
  const dir = mkdtempSync(join(tmpdir(), 'kt-config-'));
  const home = join(dir, 'home');
  const xdg = join(dir, 'xdg');
  const explicit = join(dir, 'explicit.yaml');
  const files = { home: join(home, '.config', 'kt', 'config.yaml'), xdg: join(xdg, 'kt', 'config.yaml'), explicit };
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    mkdirSync(join(home, '.config', 'kt'), { recursive: true });
    mkdirSync(join(xdg, 'kt'), { recursive: true });
    writeFileSync(files.home, 'no-headers: true\nfrom-home: 1\n');
    writeFileSync(files.xdg, 'top pod:\n  sort-by: memory\nfrom-xdg: 1\n');
    writeFileSync(files.explicit, 'top pod:\n  sort-by: cpu\nfrom-kt-config: 1\n');
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The first column of `kt top pod -n shop`, and the warnings. `''` unsets a variable for kt. */
  const top = async (env: { HOME: string; XDG_CONFIG_HOME?: string; KT_CONFIG?: string }, ...flags: string[]): Promise<{ first: string[]; warnings: string[] }> => {
    const r = await runKt(['top', 'pod', '-n', 'shop', ...flags], { ...t.env, XDG_CONFIG_HOME: '', KT_CONFIG: '', ...env });
    expect(r.code).toBe(0);
    return { first: r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0]!), warnings: r.stderr.split('\n').filter(Boolean) };
  };
  const byName = ['checkout-6f8b9c7d5-p4x7w', 'payments-0', 'web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn'];
  const byMemory = ['payments-0', 'checkout-6f8b9c7d5-p4x7w', 'web-7d9c6b5f4-zt8mn', 'web-7d9c6b5f4-kx2vq'];
  const byCpu = ['checkout-6f8b9c7d5-p4x7w', 'payments-0', 'web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn'];

  it('~/.config/kt/config.yaml when $XDG_CONFIG_HOME is not set (or empty)', async () => {
    expect(await top({ HOME: home })).toEqual({ first: byName, warnings: [`kt: ${files.home}: key "from-home": kt has no flag --from-home and no command "from-home"; ignored`] });
  });

  it('$XDG_CONFIG_HOME/kt/config.yaml when it is set, and not the one in ~/.config', async () => {
    expect(await top({ HOME: home, XDG_CONFIG_HOME: xdg })).toEqual({ first: ['NAME', ...byMemory], warnings: [`kt: ${files.xdg}: key "from-xdg": kt has no flag --from-xdg and no command "from-xdg"; ignored`] });
  });

  it('$KT_CONFIG over both', async () => {
    expect(await top({ HOME: home, XDG_CONFIG_HOME: xdg, KT_CONFIG: explicit })).toEqual({ first: ['NAME', ...byCpu], warnings: [`kt: ${explicit}: key "from-kt-config": kt has no flag --from-kt-config and no command "from-kt-config"; ignored`] });
  });

  it('the file chosen but absent: no file at all, not the next one', async () => {
    expect(await top({ HOME: home, XDG_CONFIG_HOME: join(dir, 'empty-xdg') })).toEqual({ first: ['NAME', ...byName], warnings: [] });
    expect(await top({ HOME: home, KT_CONFIG: join(dir, 'absent.yaml') })).toEqual({ first: ['NAME', ...byName], warnings: [] });
  });

  it('a relative $XDG_CONFIG_HOME is ignored, as the XDG base directory spec says', async () => {
    expect(await top({ HOME: home, XDG_CONFIG_HOME: 'relative/dir' })).toEqual({ first: byName, warnings: [`kt: ${files.home}: key "from-home": kt has no flag --from-home and no command "from-home"; ignored`] });
  });

  it('a flag on the command line beats the file', async () => {
    expect(await top({ HOME: home, XDG_CONFIG_HOME: xdg }, '--sort-by=cpu')).toEqual({ first: ['NAME', ...byCpu], warnings: [`kt: ${files.xdg}: key "from-xdg": kt has no flag --from-xdg and no command "from-xdg"; ignored`] });
  });
});
