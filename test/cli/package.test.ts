// The npm package: `npm pack` gives a tarball that installs offline (everything is bundled: no runtime
// dependencies) and runs with nothing but Node; only the bundle, bins, fixtures, README and LICENSE ship.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kubectl.js';

const exec = promisify(execFile);

describe('npm package', () => {
  it('packs, installs offline into a prefix, and runs kt and kubectl-triage from it', { timeout: 120_000 }, async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['dependencies']).toBeUndefined(); // bundled: nothing to fetch at install time
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'kt-pack-'));
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH']}`, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' };
    // --ignore-scripts: the tarball takes the dist/ `npm run build` made; no rebuild under other tests' feet.
    const packed = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, env });
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/kt.js', 'dist/main.js', 'fixtures/demo.yaml']));
    expect(files.filter((f) => !/^(bin|dist|fixtures)\//.test(f) && !['LICENSE', 'README.md', 'package.json'].includes(f))).toEqual([]);
    expect(files.some((f) => f.endsWith('.ts') || f.startsWith('test/') || f.startsWith('src/'))).toBe(false);

    const prefix = join(dir, 'prefix');
    await exec('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, info!.filename)], { env });
    const bin = join(prefix, 'bin');
    expect(readdirSync(bin).sort()).toEqual(['kt', 'kubectl-triage', 'kubectl_complete-triage']);
    const run = (name: string, args: string[]) => exec(join(bin, name), args, { env: { ...env, NO_COLOR: '1', HOME: dir }, encoding: 'utf8' });
    expect((await run('kt', ['--version'])).stdout).toBe('0.1.0\n');
    const help = (await run('kubectl-triage', ['--help'])).stdout;
    expect(help).toContain('Usage:\n  kubectl triage [flags] [options]\n');
    // The installed copy finds its fixtures: the in-process demo cluster works.
    expect((await run('kt', ['--demo', 'top', 'pod', '-n', 'shop', '--no-headers'])).stdout).toContain('payments-0 ');
  });
});
