// The config file, read through the flag tables: it supplies defaults, the command line beats it, a section beats
// a top-level key, and nothing in it is fatal — a bad value is a warning naming the file and the key, and the
// built-in default is used.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo' });
});
afterAll(async () => t?.stop());

const dir = mkdtempSync(join(tmpdir(), 'kt-config-test-'));
let n = 0;
/** A config file with this text, and the environment that points kt at it. */
function withConfig(text: string): { file: string; env: Record<string, string> } {
  const file = join(dir, `config-${n++}.yaml`);
  writeFileSync(file, text);
  return { file, env: { ...t.env, KT_CONFIG: file } };
}

async function kt(args: string[], env: Record<string, string> = t.env) {
  const io = bufferIO(env);
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('config file defaults', () => {
  it('a bad value is a warning naming the file and the key, and the built-in default is used', async () => {
    const plain = await kt(['logs', '-n', 'shop', 'payments-0']);
    const { file, env } = withConfig('logs:\n  tail: x\n');
    const r = await kt(['logs', '-n', 'shop', 'payments-0'], env);
    expect(r).toEqual({
      code: 0,
      stdout: plain.stdout,
      stderr: `kt: ${file}: key "logs.tail": invalid value "x": strconv.ParseInt: parsing "x": invalid syntax; using the default\n`,
    });
  });

  it('checks every kind of value the way its flag does', async () => {
    const { file, env } = withConfig(
      ['color: sometimes', 'top pod:', '  sort-by: disk', '  no-headers: maybe', 'logs:', '  since: 5', '  include: {a: b}'].join('\n'),
    );
    const top = await kt(['top', 'pod', '-n', 'shop'], env);
    expect(top.code).toBe(0);
    expect(top.stdout).toBe((await kt(['top', 'pod', '-n', 'shop'])).stdout);
    expect(top.stderr).toBe(
      [
        `kt: ${file}: key "top pod.no-headers": invalid value "maybe": strconv.ParseBool: parsing "maybe": invalid syntax; using the default`,
        `kt: ${file}: key "top pod.sort-by": invalid value "disk": must be one of cpu, memory; using the default`,
        `kt: ${file}: key "color": invalid value "sometimes": must be auto, always or never; using the default`,
        '',
      ].join('\n'),
    );
    const logs = await kt(['logs', '-n', 'shop', 'payments-0', '--tail=1'], env);
    expect(logs.code).toBe(0);
    expect(logs.stderr).toContain(`kt: ${file}: key "logs.since": invalid value "5": time: missing unit in duration "5"; using the default\n`);
    expect(logs.stderr).toContain(`kt: ${file}: key "logs.include": invalid value "{"a":"b"}": expected a single value, not a mapping; using the default\n`);
  });

  it('supplies defaults; the command line beats the file; a section beats a top-level key', async () => {
    const byMemory = (await kt(['top', 'pod', '-n', 'shop', '--sort-by=memory'])).stdout;
    const byCpu = (await kt(['top', 'pod', '-n', 'shop', '--sort-by=cpu'])).stdout;
    expect(byMemory).not.toBe(byCpu);
    const { env } = withConfig('top pod:\n  sort-by: memory\n');
    expect((await kt(['top', 'pod', '-n', 'shop'], env)).stdout).toBe(byMemory);
    expect((await kt(['top', 'pod', '-n', 'shop', '--sort-by=cpu'], env)).stdout).toBe(byCpu);

    const section = withConfig('no-headers: false\ntop pod:\n  no-headers: true\n');
    expect((await kt(['top', 'pod', '-n', 'shop'], section.env)).stdout.startsWith('checkout-')).toBe(true);
    expect((await kt(['top', 'node'], section.env)).stdout.startsWith('NAME ')).toBe(true); // the top-level key
    expect((await kt(['top', 'pod', '-n', 'shop', '--no-headers=false'], section.env)).stdout.startsWith('NAME ')).toBe(true);
  });

  it('lists, booleans and the globals come from the file too', async () => {
    const { env } = withConfig('namespace: shop\nlogs:\n  include: [error, warn]\n  timestamps: true\n');
    const r = await kt(['logs', 'checkout-6f8b9c7d5-p4x7w', '-p'], env);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\S+Z level=(error|warn) /);
  });

  it('--explain spells back the kubectl flags the file set, as kubectl reads no kt config', async () => {
    const { env } = withConfig('top pod:\n  sort-by: memory\n  no-headers: true\n');
    const r = await kt(['top', 'pod', '-n', 'shop', '--explain'], env);
    expect(r.stderr).toBe('kubectl -n shop top pod --no-headers --sort-by=memory\n');
  });

  it('warns about unknown keys, and about a section\'s values only when that command runs', async () => {
    const { file, env } = withConfig('colour: never\nlogs:\n  nope: 1\n  tail: x\ntop:\n  - 1\n');
    const r = await kt(['top', 'node'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        `kt: ${file}: key "colour": kt has no flag --colour and no command "colour"; ignored`,
        `kt: ${file}: key "logs.nope": "logs" has no flag --nope; ignored`,
        `kt: ${file}: key "top": expected a mapping of flag names to values; ignored`,
        '',
      ].join('\n'),
    );
  });

  it('an unreadable file is one warning and kt carries on', async () => {
    const { file, env } = withConfig('top pod: [\n');
    const r = await kt(['top', 'node', '--no-headers'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('node-')).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`^kt: ${file.replace(/[.]/g, '\\.')}: .*; the file is ignored\\n$`));
  });

  it('is found at $XDG_CONFIG_HOME/kt/config.yaml, then ~/.config/kt/config.yaml; $KT_CONFIG beats both', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-home-'));
    const xdg = mkdtempSync(join(tmpdir(), 'kt-xdg-'));
    mkdirSync(join(home, '.config', 'kt'), { recursive: true });
    mkdirSync(join(xdg, 'kt'), { recursive: true });
    writeFileSync(join(home, '.config', 'kt', 'config.yaml'), 'top node:\n  no-headers: true\n');
    writeFileSync(join(xdg, 'kt', 'config.yaml'), 'top node:\n  sort-by: memory\n');
    const headless = (s: string): boolean => s.startsWith('node-');
    expect(headless((await kt(['top', 'node'], { ...t.env, HOME: home })).stdout)).toBe(true);
    const fromXdg = await kt(['top', 'node'], { ...t.env, HOME: home, XDG_CONFIG_HOME: xdg });
    expect(fromXdg.stdout).toBe((await kt(['top', 'node', '--sort-by=memory'])).stdout); // XDG's file, not ~/.config's
    const { env } = withConfig('top node:\n  show-capacity: true\n');
    const fromEnv = await kt(['top', 'node'], { ...env, HOME: home, XDG_CONFIG_HOME: xdg });
    expect(fromEnv.stdout).toBe((await kt(['top', 'node', '--show-capacity'])).stdout);
  });

  it('a drill section applies to every drill subcommand', async () => {
    const drillDir = mkdtempSync(join(tmpdir(), 'kt-drill-config-'));
    const { env } = withConfig(`drill:\n  dir: ${drillDir}\n`);
    // No drill in that directory: check says so (it would find none in ~/.kt/drill either, so look at the path).
    writeFileSync(join(drillDir, 'state.json'), JSON.stringify({ task: 'highest-cpu', pid: 2 ** 22 + 1, kubeconfig: '', answer: '', startedAt: '' }));
    const r = await kt(['drill', 'check'], env);
    expect(r).toMatchObject({ code: 1, stderr: 'error: the practice cluster has stopped: start again with kt drill start\n' });
  });
});
