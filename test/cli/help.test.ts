// Help in kubectl's layout for every command; `kt` alone prints it and exits 0; `kt options` lists the globals.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { flagDefault } from '../../src/cli/help.js';
import { runKubectl } from '../helpers/kubectl.js';
import { expectKubectl, succeeds } from '../helpers/parity.js';
import { needs } from '../helpers/requirements.js';

async function run(args: string[], root = 'kt') {
  const io = bufferIO({ HOME: '/nonexistent' });
  const code = await main(args, io, root);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

function commands(cmd: Command, out: Command[] = []): Command[] {
  for (const c of cmd.commands) {
    if (c.name() === 'help') continue;
    out.push(c);
    commands(c, out);
  }
  return out;
}

const path = (c: Command): string[] => {
  const names: string[] = [];
  for (let x: Command | null = c; x && x.parent; x = x.parent) names.unshift(x.name());
  return names;
};

/** The section headings of a help text, in order. */
const headings = (text: string): string[] => text.split('\n').filter((l) => /^[A-Z][A-Za-z ]+:$/.test(l));

describe('help', () => {
  it('kt with no arguments prints the root help and exits 0', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kt: kubectl top, logs, events and debug/);
    expect(r.stdout).toContain('\nTriage Commands:\n');
    expect(r.stdout).toContain('\n  top           Display resource (CPU/memory) usage\n');
    expect(r.stdout).toContain('\n  completion    Output shell completion code');
    expect(r.stdout).toContain('\nUsage:\n  kt [flags] [options]\n\nUse "kt <command> --help" for more information about a given command.\nUse "kt options" for a list of global command-line options (applies to all commands).\n');
    expect((await run(['--help'])).stdout).toBe(r.stdout);
  });

  it('kt top pod --help: description, aliases, examples, options with defaults, usage', async () => {
    const r = await run(['top', 'pod', '--help']);
    expect(r.code).toBe(0);
    expect(headings(r.stdout)).toEqual(['Aliases:', 'Examples:', 'Options:', 'Usage:']);
    expect(r.stdout).toContain('Examples:\n  # Show metrics for all pods in the default namespace\n  kt top pod\n  \n  # Show metrics');
    expect(r.stdout).toContain('    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces.\n\n');
    expect(r.stdout).toContain("    --sort-by='':\n");
    expect(r.stdout).toContain('    --use-protocol-buffers=true:\n');
    expect(r.stdout).toContain("    --color='auto':\n");
    expect(r.stdout).toMatch(/\nUsage:\n {2}kt top pod \[NAME \| -l label\] \[options\]\n\nUse "kt options" for a list of global command-line options \(applies to all commands\)\.\n$/);
    // Flags sorted by long name, as pflag lists them.
    const longs = [...r.stdout.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]!);
    expect(longs).toEqual([...longs].sort());
  });

  it('kt top --help lists its commands and points at their help', async () => {
    const r = await run(['top', '--help']);
    expect(r.stdout).toContain('Available Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\n');
    expect(r.stdout).toContain('Use "kt top <command> --help" for more information about a given command.\n');
  });

  it('every command documents every visible flag with its default, and -h equals --help', async () => {
    const program = buildProgram(bufferIO(), 'kt', () => {});
    for (const c of commands(program)) {
      const r = await run([...path(c), '--help']);
      expect(r.code, path(c).join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage:\n  kt ${path(c).join(' ')} `);
      for (const o of c.options) {
        if (o.hidden || o.long === '--help') continue;
        const name = o.short ? `${o.short}, ${o.long}` : o.long!;
        expect(r.stdout, `${path(c).join(' ')} ${name}`).toContain(`    ${name}=${flagDefault(o)}:\n\t`);
      }
      expect((await run([...path(c), '-h'])).stdout).toBe(r.stdout);
    }
  });

  it('slice and int flags show kubectl\'s defaults', async () => {
    const events = (await run(['events', '--help'])).stdout;
    expect(events).toContain('    --types=[]:\n');
    expect(events).toContain('    --chunk-size=500:\n');
    expect(events).toContain('    --no-headers=false:\n');
    const logs = (await run(['logs', '--help'])).stdout;
    expect(logs).toContain('    --max-log-requests=5:\n');
    expect(logs).toContain('    --pod-running-timeout=20s:\n');
    expect(logs).toContain('    --include=[]:\n');
    const debug = (await run(['debug', '--help'])).stdout;
    expect(debug).toContain('    -f, --filename=[]:\n');
    expect(debug).toContain('    --keep-init-containers=true:\n');
  });

  it('as a kubectl plugin, usage and hints say "kubectl triage"', async () => {
    const r = await run(['top', 'pod', '--help'], 'kubectl triage');
    expect(r.stdout).toContain('  kubectl triage top pod -l name=myLabel\n');
    expect(r.stdout).toContain('Usage:\n  kubectl triage top pod [NAME | -l label] [options]\n');
    expect(r.stdout).toContain('Use "kubectl triage options" for a list');
  });

  it('kt options lists the global flags in kubectl options\' layout', async () => {
    const r = await run(['options']);
    expect(r.stdout).toMatch(/^The following options can be passed to any command:\n\n {4}--cluster='':\n\tThe name of the kubeconfig cluster to use\n\n/);
    expect(r.stdout).toContain("    --context='':\n\tThe name of the kubeconfig context to use\n\n");
    expect(r.stdout).toContain('    -n, --namespace=\'\':\n');
    expect(r.stdout).toContain('    -v, --v=0:\n');
    expect(r.stdout).toMatch(/\n\n$/);
  });

  it('has the section order of kubectl 1.32\'s help for the same command', needs('kubectl'), async () => {
    for (const args of [['top', 'pod'], ['top', 'node'], ['top'], ['logs'], ['events'], ['debug'], ['completion'], ['version'], []]) {
      const k = await runKubectl([...args, '--help'], { HOME: '/nonexistent' });
      expectKubectl(k, succeeds(), `kubectl ${args.join(' ')} --help`);
      const t = await run([...args, '--help']);
      const ks = headings(k.stdout).filter((h) => !/Commands|plugins/.test(h)); // kubectl's root groups differ from kt's
      const ts = headings(t.stdout).filter((h) => !/Commands/.test(h));
      expect(ts, args.join(' ')).toEqual(ks);
      // The same flags kubectl lists (kt adds its own, marked "kt:"), with the same defaults where kt keeps them.
      const flags = (s: string) => new Map([...s.matchAll(/^ {4}((?:-\w, )?--[\w-]+)=(.*):$/gm)].map((m) => [m[1]!, m[2]!]));
      const kf = flags(k.stdout);
      const tf = flags(t.stdout);
      for (const [f, d] of kf) {
        if (f === '--profile') continue; // kt's default profile is "general" (documented)
        expect(tf.get(f), `${args.join(' ')} ${f}`).toBe(d);
      }
    }
  });
});
