// Completion through the entry point the shell scripts (and kubectl's plugin completion) call: `kt __complete
// WORDS… CURRENT`, cobra's protocol. Flags and their values come from the flag tables, names from a simulated
// cluster; an unreachable one offers nothing, quietly, once the request timeout passes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { KT_BIN, runKt } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo' });
});
afterAll(async () => t?.stop());

async function complete(words: string[], env: Record<string, string> = t.env) {
  const io = bufferIO(env);
  const code = await main(['__complete', ...words], io);
  const lines = io.stdout().split('\n').filter((l) => l !== '');
  const directive = Number(lines.pop()!.slice(1));
  return { code, values: lines.map((l) => l.split('\t')[0]!), lines, directive, stderr: io.stderr() };
}

describe('kt __complete', () => {
  it('offers subcommands with descriptions, and no files', async () => {
    const r = await complete(['']);
    expect(r.values).toEqual(expect.arrayContaining(['top', 'logs', 'events', 'debug', 'sim', 'completion', 'version', 'options']));
    expect(r.lines).toContain('top\tDisplay resource (CPU/memory) usage');
    expect(r.directive).toBe(4);
    expect((await complete(['top', ''])).values).toEqual(['pod', 'node']);
    expect((await complete(['lo'])).values).toEqual(['logs']);
  });

  it('offers the flags of the command and the global ones', async () => {
    const r = await complete(['top', 'pod', '--s']);
    expect(r.values).toEqual(expect.arrayContaining(['--selector', '--sort-by', '--sum', '--server']));
    expect(r.values.every((v) => v.startsWith('--s'))).toBe(true);
    const short = await complete(['logs', '-']);
    expect(short.values).toEqual(expect.arrayContaining(['-c', '--container', '-n', '--namespace', '--previous-on-restart']));
    expect(short.values).not.toContain('--no-previous'); // hidden negations stay hidden
  });

  it('offers flag values: --sort-by, --types, --profile, -o, --color', async () => {
    expect((await complete(['top', 'pod', '--sort-by', ''])).values).toEqual(['cpu', 'memory']);
    expect((await complete(['top', 'node', '--sort-by=m'])).values).toEqual(['--sort-by=memory']);
    expect((await complete(['events', '--types', ''])).values).toEqual(['Normal', 'Warning']);
    expect((await complete(['events', '--types', 'Warning,'])).values).toEqual(['Warning,Normal']);
    expect((await complete(['debug', '--profile', ''])).values).toEqual(['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin']);
    const o = await complete(['events', '-o', 'j']);
    expect(o.values).toEqual(['json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=']);
    expect(o.directive & 2).toBe(2); // no space after jsonpath=
    expect((await complete(['top', 'pod', '-o', ''])).values).toEqual(['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json=']);
    expect((await complete(['logs', '--color', ''])).values).toEqual(['auto', 'always', 'never']);
    expect((await complete(['completion', ''])).values).toEqual(['bash', 'zsh', 'fish', 'powershell']);
  });

  it('offers names from the cluster: pods, containers, nodes, namespaces, contexts', async () => {
    expect((await complete(['top', 'pod', '-n', 'shop', ''])).values).toEqual(['checkout-6f8b9c7d5-p4x7w', 'payments-0', 'web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn']);
    expect((await complete(['logs', '--namespace=shop', 'pay'])).values).toEqual(['payments-0']);
    expect((await complete(['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', ''])).values).toEqual(['istio-proxy', 'app', 'migrate']);
    expect((await complete(['logs', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'a'])).values).toEqual(['app']);
    expect((await complete(['top', 'node', ''])).values).toEqual(['node-a', 'node-b', 'node-c']);
    expect((await complete(['-n', ''])).values).toEqual(expect.arrayContaining(['default', 'kube-system', 'shop']));
    expect((await complete(['top', 'pod', '--namespace', 's'])).values).toEqual(['shop']);
    expect((await complete(['--context', ''])).values).toEqual(['kt-sim']);
  });

  it('offers TYPE/NAME forms for logs, debug and --for', async () => {
    expect((await complete(['logs', '-n', 'shop', 'deploy/'])).values).toEqual(['deploy/checkout', 'deploy/web']);
    expect((await complete(['logs', '-n', 'shop', 'sts/'])).values).toEqual(['sts/payments']);
    const types = await complete(['logs', '-n', 'shop', 'dep']);
    expect(types.values).toEqual(['deployment/', 'deployments/', 'deploy/']);
    expect(types.directive & 2).toBe(2);
    expect((await complete(['debug', 'node/'])).values).toEqual(['node/node-a', 'node/node-b', 'node/node-c']);
    expect((await complete(['events', '-n', 'shop', '--for', 'deploy/w'])).values).toEqual(['deploy/web']);
  });

  it('offers triage\'s targets: pods, then TYPE/ prefixes for the kinds it triages, then their names', async () => {
    expect((await complete(['triage', '-n', 'shop', ''])).values).toEqual(['checkout-6f8b9c7d5-p4x7w', 'payments-0', 'web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn']);
    const types = await complete(['triage', '-n', 'shop', 's']);
    expect(types.values).toEqual(['statefulset/', 'statefulsets/', 'sts/']); // no service: triage does not take one
    expect(types.directive & 2).toBe(2);
    expect((await complete(['triage', '-n', 'shop', 'deploy/'])).values).toEqual(['deploy/checkout', 'deploy/web']);
    expect((await complete(['triage', '-n', 'shop', 'payments-0', ''])).values).toEqual([]);
  });

  it('offers the same values after --flag= as after --flag, each with the flag in front', async () => {
    expect((await complete(['logs', '--color='])).values).toEqual(['--color=auto', '--color=always', '--color=never']);
    expect((await complete(['top', 'pod', '--sort-by='])).values).toEqual(['--sort-by=cpu', '--sort-by=memory']);
    expect((await complete(['events', '--types=Normal,'])).values).toEqual(['--types=Normal,Warning']);
    expect((await complete(['top', 'pod', '--namespace=s'])).values).toEqual(['--namespace=shop']);
    expect((await complete(['top', 'pod', '-n=s'])).values).toEqual(['-n=shop']);
    expect((await complete(['debug', '--profile=s'])).values).toEqual(['--profile=sysadmin']);
    const o = await complete(['events', '--output=jsonpath']);
    expect(o.values).toEqual(['--output=jsonpath=', '--output=jsonpath-as-json=', '--output=jsonpath-file=']);
    expect(o.directive & 2).toBe(2);
    // A boolean's value can only follow `=`: true or false.
    expect((await complete(['logs', '--resume='])).values).toEqual(['--resume=true', '--resume=false']);
    expect((await complete(['events', '-n', 'shop', '--for=deploy/w'])).values).toEqual(['--for=deploy/web']);
  });

  it('offers drill task names and every sim scenario', async () => {
    expect((await complete(['drill', 'start', ''])).values).toEqual(['highest-cpu', 'previous-log', 'warning-events', 'node-usage', 'debug-container']);
    expect((await complete(['drill', 'start', 'highest-cpu', ''])).values).toEqual([]);
    expect((await complete(['drill', ''])).values).toEqual(['list', 'start', 'check', 'stop']);
    const scenarios = await complete(['sim', '--scenario', '']);
    expect(scenarios.values).toEqual(['demo', 'events-edge', 'logs-edge', 'top-edge', 'scale:']);
    expect(scenarios.directive & 2).toBe(2); // `scale:` takes its spec right after the colon
    expect((await complete(['sim', '--scenario=t'])).values).toEqual(['--scenario=top-edge']);
  });

  it('offers every flag of the command\'s table and the global ones, each once', async () => {
    const r = await complete(['drill', 'start', '--']);
    expect(r.values).toEqual(expect.arrayContaining(['--dir', '--namespace', '--request-timeout', '--demo']));
    expect(new Set(r.values).size).toBe(r.values.length);
    // A flag already given is not offered again, unless it repeats (--include).
    const logs = await complete(['logs', '--tail=1', '--include', 'x', '--']);
    expect(logs.values).not.toContain('--tail');
    expect(logs.values).toContain('--include');
  });

  it('offers nothing and prints nothing when the cluster cannot be reached, once --request-timeout passes', async () => {
    // A server that accepts connections and never answers (counting them), and one that refuses them.
    let connections = 0;
    const silent: Server = createServer(() => void connections++);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'kt-complete-'));
    const kubeconfigFor = (server: string): string => {
      const file = join(dir, `config-${connections}-${server.length}`);
      writeFileSync(file, `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${server}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`);
      return file;
    };
    try {
      for (const server of [`http://127.0.0.1:${port}`, 'http://127.0.0.1:1']) {
        const r = await complete(['--request-timeout=200ms', 'logs', ''], { KUBECONFIG: kubeconfigFor(server), HOME: dir });
        expect(r).toMatchObject({ code: 0, values: [], directive: 4, stderr: '' });
      }
      // The silent server was asked, so the answer above is the timeout's, not a lookup that never happened.
      expect(connections).toBeGreaterThan(0);
      // Without --request-timeout the default one applies, with the same outcome.
      expect(await complete(['top', 'node', ''], { KUBECONFIG: kubeconfigFor(`http://127.0.0.1:${port}`), HOME: dir })).toMatchObject({ code: 0, values: [], directive: 4, stderr: '' });
      // No kubeconfig at all: still nothing on stderr.
      const r = await complete(['top', 'pod', ''], { HOME: dir, KUBECONFIG: join(dir, 'missing') });
      expect(r).toMatchObject({ code: 0, values: [], stderr: '' });
      // The built bin ends by itself (no socket keeps it alive): runKt resolves only when the process exits.
      const b = await runKt(['__complete', '--request-timeout=200ms', 'top', 'pod', ''], { KUBECONFIG: kubeconfigFor(`http://127.0.0.1:${port}`), HOME: dir });
      expect(b).toEqual({ code: 0, stdout: ':4\n', stderr: '' });
    } finally {
      silent.close();
    }
  }, 30_000);
});

describe('kt completion SHELL', () => {
  it('prints a script for each shell, and refuses others in kubectl\'s words', async () => {
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const r = await runKt(['completion', shell]);
      expect(r.code, shell).toBe(0);
      expect(r.stdout).toContain('__complete');
    }
    expect(await runKt(['completion', 'tcsh'])).toEqual({ code: 1, stdout: '', stderr: 'error: Unsupported shell type "tcsh".\nSee \'kt completion -h\' for help and examples\n' });
    expect((await runKt(['completion'])).stderr).toBe('error: Shell not specified.\nSee \'kt completion -h\' for help and examples\n');
  });

  it('the bash script completes through kt', async () => {
    const script = (await runKt(['completion', 'bash'])).stdout;
    const dir = mkdtempSync(join(tmpdir(), 'kt-bash-'));
    writeFileSync(join(dir, 'kt'), `#!/bin/sh\nexec "${process.execPath}" "${KT_BIN}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'kt.bash'), script);
    // Asynchronously: the sim answers from this process, so a blocking spawn would starve it.
    const probe = async (line: string): Promise<string[]> => {
      const words = line.split(' ');
      const sh = [
        `source ${join(dir, 'kt.bash')}`,
        `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
        `COMP_CWORD=${words.length - 1}`,
        `COMP_LINE='${line}'`,
        `COMP_POINT=${line.length}`,
        '__kt_complete',
        'printf "%s\\n" "${COMPREPLY[@]}"',
      ].join('\n');
      const r = await promisify(execFile)('bash', ['--norc', '-c', sh], { env: { ...process.env, ...t.env, PATH: `${dir}:${process.env['PATH']}` }, encoding: 'utf8' });
      return r.stdout.split('\n').filter((l) => l !== '');
    };
    expect(await probe('kt to')).toEqual(['top']);
    expect(await probe('kt top pod -n shop pay')).toEqual(['payments-0']);
    expect(await probe('kt top node --sort-by ')).toEqual(['cpu', 'memory']);
    expect(await probe('kt logs -n shop checkout-6f8b9c7d5-p4x7w ')).toEqual(['istio-proxy', 'app', 'migrate']);
  });
});
