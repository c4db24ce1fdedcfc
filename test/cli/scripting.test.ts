// kt in scripts and pipes: -o formats and --no-headers on the commands that list things, no escape codes ever
// reaching a pipe unless asked for, and defaults from the config file (flags beat the file, the file beats kt).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl } from '../helpers/kubectl.js';
import { compareResults, quiet } from '../helpers/parity.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo' });
});
afterAll(async () => t?.stop());

const ESC = '\x1b';

describe('output for scripts', () => {
  it('top: -o name|json|yaml|jsonpath|jsonpath-as-json and --no-headers', async () => {
    expect((await runKt(['top', 'pod', '-n', 'shop', '-o', 'name', '--sort-by=cpu'], t.env)).stdout).toBe('pod/checkout-6f8b9c7d5-p4x7w\npod/payments-0\npod/web-7d9c6b5f4-kx2vq\npod/web-7d9c6b5f4-zt8mn\n');
    expect((await runKt(['top', 'node', '-o', 'name'], t.env)).stdout).toBe('node/node-a\nnode/node-b\nnode/node-c\n');
    expect(JSON.parse((await runKt(['top', 'node', '-o', 'json'], t.env)).stdout)).toMatchObject({ kind: 'NodeUsageList' });
    expect((await runKt(['top', 'pod', '-n', 'shop', '-o', 'jsonpath={.items[*].name}'], t.env)).stdout).toBe('checkout-6f8b9c7d5-p4x7w payments-0 web-7d9c6b5f4-kx2vq web-7d9c6b5f4-zt8mn');
    expect(JSON.parse((await runKt(['top', 'pod', '-n', 'shop', '-o', 'jsonpath-as-json={.items[0].name}'], t.env)).stdout)).toEqual(['checkout-6f8b9c7d5-p4x7w']);
    const table = (await runKt(['top', 'pod', '-n', 'shop', '--no-headers'], t.env)).stdout;
    expect(table.split('\n')[0]).toMatch(/^checkout-6f8b9c7d5-p4x7w /);
  });

  it('events: -o name|json|yaml|jsonpath with {range}…{end} and --no-headers', async () => {
    // kubectl 1.32's events -o name prints nothing (its events printer names no object); kt does the same.
    const name = await runKt(['events', '-n', 'shop', '-o', 'name'], t.env);
    expect(name.code).toBe(0);
    if (KUBECTL) await compareResults(quiet(), name, await runKubectl(['events', '-n', 'shop', '-o', 'name'], t.env));
    expect(JSON.parse((await runKt(['events', '-n', 'shop', '-o', 'json'], t.env)).stdout)).toMatchObject({ kind: 'EventList' });
    expect((await runKt(['events', '-n', 'shop', '-o', 'yaml'], t.env)).stdout).toMatch(/^apiVersion: v1\nitems:\n/);
    const jp = (await runKt(['events', '-n', 'shop', '--types=Warning', '-o', 'jsonpath={range .items[*]}{.reason}{"\\n"}{end}'], t.env)).stdout;
    expect(jp.split('\n')).toContain('BackOff');
    expect((await runKt(['events', '-n', 'shop', '--no-headers'], t.env)).stdout).not.toContain('LAST SEEN');
  });

  it('logs: -o json, one record per line', async () => {
    const lines = (await runKt(['logs', '-n', 'shop', 'deploy/web', '--tail=2', '-o', 'json'], t.env)).stdout.split('\n').filter(Boolean);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ namespace: 'shop', container: 'nginx' });
  });
});

describe('colour and terminals', () => {
  // Every command, run with its output piped and colour left on auto (NO_COLOR unset).
  const commands = [
    ['top', 'pod', '-A'],
    ['top', 'pod', '-A', '--resources', '--containers'],
    ['top', 'node', '--resources'],
    ['top', 'node'],
    ['logs', '-n', 'shop', 'deploy/web', '--all-pods', '--tail=3', '--highlight', 'GET'],
    ['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-p', '--include', 'error'],
    ['logs', 'hello-unicode'],
    ['events', '-A'],
    ['events', '-n', 'shop', '--for', 'deploy/checkout', '--related'],
    ['debug', '-n', 'shop', 'payments-0', '-it', '--image=busybox', '--explain'],
    ['triage', '-n', 'shop', 'deploy/checkout'],
    ['version'],
    ['--help'],
    ['top', 'pod', '--help'],
    ['completion', 'bash'],
    ['__complete', 'top', 'pod', ''],
    ['top', 'pod', '--bogus'],
  ];

  it('no escape code reaches a pipe, from any command', async () => {
    for (const args of commands) {
      const r = await runKt(args, { ...t.env, NO_COLOR: '', TERM: 'xterm-256color' });
      expect(r.stdout.includes(ESC), `stdout of kt ${args.join(' ')}`).toBe(false);
      expect(r.stderr.includes(ESC), `stderr of kt ${args.join(' ')}`).toBe(false);
    }
  });

  it('--color=always colours even a pipe; NO_COLOR and --color=never turn it off', async () => {
    const colored = [
      ['events', '-n', 'shop', '--color=always'],
      ['logs', '-n', 'shop', 'deploy/web', '--all-pods', '--tail=3', '--color=always'],
      ['top', 'pod', '-n', 'shop', '--resources', '--containers', '--color=always'],
    ];
    for (const args of colored) {
      expect((await runKt(args, { ...t.env, NO_COLOR: '' })).stdout.includes(ESC), args.join(' ')).toBe(true);
      expect((await runKt([...args, '--color=never'], { ...t.env, NO_COLOR: '' })).stdout.includes(ESC), args.join(' ')).toBe(false);
      expect((await runKt(args.map((a) => (a === '--color=always' ? '--color=auto' : a)), { ...t.env, NO_COLOR: '1' })).stdout.includes(ESC)).toBe(false);
    }
  });

  it('wide and combining characters do not shift the columns of a table', async () => {
    // Pod names are DNS labels; the free text (messages, log lines) sits in the last column, so every row's
    // columns start where the header's do. kt counts code points as kubectl's tabwriter does (byte parity).
    const r = await runKt(['top', 'pod', '-n', 'default'], t.env);
    const [head, ...rows] = r.stdout.split('\n').filter(Boolean);
    const col = head!.indexOf('CPU(cores)');
    for (const row of rows) expect(row.slice(col - 3, col), row).toBe('   ');
    expect((await runKt(['logs', 'hello-unicode'], t.env)).stdout).toContain('こんにちは世界 🌍\n');
  });
});

describe('config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-config-'));
  const write = (text: string): Record<string, string> => {
    const file = join(dir, `config-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return { ...t.env, NO_COLOR: '', KT_CONFIG: file };
  };

  it('supplies defaults (colour everywhere, a command\'s own flags), and flags beat the file', async () => {
    const env = write('color: always\ntop pod:\n  no-headers: true\nlogs:\n  max-log-requests: 1\n');
    expect((await runKt(['events', '-n', 'shop'], env)).stdout.includes(ESC)).toBe(true);
    expect((await runKt(['events', '-n', 'shop', '--color=never'], env)).stdout.includes(ESC)).toBe(false);
    const top = await runKt(['top', 'pod', '-n', 'shop', '--color=never'], env);
    expect(top.stdout.startsWith('checkout-6f8b9c7d5-p4x7w ')).toBe(true);
    expect((await runKt(['top', 'pod', '-n', 'shop', '--no-headers=false'], env)).stdout.startsWith('NAME ')).toBe(true);
    const logs = await runKt(['logs', '-f', '-n', 'shop', '-l', 'app=web'], env);
    expect(logs.stderr).toContain('maximum allowed concurrency is 1, use --max-log-requests to increase the limit');
    const flag = await runKt(['logs', '-f', '-n', 'shop', '-l', 'app=web', '--max-log-requests=2', '--wait-for', '.', '--timeout', '5s', '--color=never'], env);
    expect(flag.code).toBe(0);
  });

  it('a --previous-on-restart default leaves plain kt logs exactly as it was', async () => {
    const env = write('logs:\n  previous-on-restart: true\n');
    const plain = await runKt(['logs', '-n', 'shop', 'deploy/web', '--tail=3'], t.env);
    expect(await runKt(['logs', '-n', 'shop', 'deploy/web', '--tail=3'], env)).toEqual(plain);
  });

  it('warns about unknown keys and bad values, and carries on', async () => {
    const env = write('colour: never\nlogs:\n  max-log-requests: lots\n  nope: 1\n');
    const r = await runKt(['top', 'node', '--color=never'], env);
    expect(r.code).toBe(0);
    // Unknown keys are named whatever command runs; a bad value only where its flag is read.
    expect(r.stderr).toBe(
      `kt: ${env.KT_CONFIG}: key "colour": kt has no flag --colour and no command "colour"; ignored\n` +
        `kt: ${env.KT_CONFIG}: key "logs.nope": "logs" has no flag --nope; ignored\n`,
    );
    const l = await runKt(['logs', '-n', 'shop', 'payments-0', '--tail=1'], env);
    expect(l.stderr).toBe(
      `kt: ${env.KT_CONFIG}: key "colour": kt has no flag --colour and no command "colour"; ignored\n` +
        `kt: ${env.KT_CONFIG}: key "logs.nope": "logs" has no flag --nope; ignored\n` +
        `kt: ${env.KT_CONFIG}: key "logs.max-log-requests": invalid value "lots": strconv.ParseInt: parsing "lots": invalid syntax; using the default\n`,
    );
    expect(l.code).toBe(0);
    expect(l.stdout).not.toBe('');
  });

  it('reads ~/.config/kt/config.yaml when KT_CONFIG is not set', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-home-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(home, '.config', 'kt'), { recursive: true });
    writeFileSync(join(home, '.config', 'kt', 'config.yaml'), 'top node:\n  no-headers: true\n');
    const r = await runKt(['top', 'node'], { ...t.env, HOME: home });
    expect(r.stdout.startsWith('node-')).toBe(true);
  });
});
