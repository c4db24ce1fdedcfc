// The flag tables: parsing through them is pflag's (booleans take `--x=false`, Go's int and duration parsers,
// cobra's error wording), the typed values are derived from them, and what each table says about a flag (kubectl
// has it or not, its default) is true.
import { needs } from '../helpers/requirements.js';
import { Command } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultOf, formatDefault, kubectlFlagWords, keyOf, UNSET, valuesOf, type FlagTable } from '../../src/cli/flag-table.js';
import { addFlags, booleanFlags, commandLineValue, normalizeBooleanFlags, tableOf } from '../../src/cli/flags.js';
import { bufferIO } from '../../src/cli/io.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { subPath } from '../../src/cli/registry.js';
import type { DebugFlags } from '../../src/commands/debug/flags.js';
import type { EventsFlags } from '../../src/commands/events/flags.js';
import type { LogsFlags } from '../../src/commands/logs/flags.js';
import type { TopPodFlags } from '../../src/commands/top/flags.js';
import { KUBECTL, runKubectl } from '../helpers/kubectl.js';

const SAMPLE = [
  { name: 'all-namespaces', short: 'A', type: 'bool', kubectl: true, help: 'a bool' },
  { name: 'no-headers', type: 'bool', kubectl: true, help: "kubectl's own --no-x" },
  { name: 'keep', type: 'bool', default: true, kubectl: true, help: 'on by default' },
  { name: 'tail', type: 'int', default: -1, kubectl: true, help: 'an int' },
  { name: 'since', type: 'duration', default: '0s', kubectl: true, help: 'a duration' },
  { name: 'selector', short: 'l', type: 'string', kubectl: true, help: 'a string' },
  { name: 'types', type: 'csv', kubectl: true, help: 'a CSV slice' },
  { name: 'include', type: 'array', kubectl: false, help: 'a repeatable string' },
  { name: 'env', type: 'stringToString', kubectl: true, help: 'k=v pairs' },
  { name: 'color', type: 'enum', values: ['auto', 'always', 'never'], default: 'auto', kubectl: false, help: 'an enum' },
  { name: 'watch', short: 'w', type: 'optional', noOptDefault: '2s', kubectl: false, help: 'an optional value' },
] as const satisfies FlagTable;

/** Parses argv with the sample table as kt parses a command line; the values and which keys were set. */
function parse(argv: string[]) {
  const cmd = new Command('t').exitOverride().allowExcessArguments().action(() => {});
  addFlags(cmd, SAMPLE);
  cmd.parse(normalizeBooleanFlags(argv, booleanFlags(cmd)), { from: 'user' });
  const changed = new Set<string>();
  const values = valuesOf(SAMPLE, (spec) => {
    const given = commandLineValue(cmd, spec);
    if (!given) return UNSET;
    changed.add(keyOf(spec.name));
    return given.value;
  });
  return { values, changed, args: cmd.args };
}

describe('parsing through a table', () => {
  it('gives every flag its table default when the command line does not set it', () => {
    const r = parse([]);
    expect(r.values).toEqual({
      allNamespaces: false, noHeaders: false, keep: true, tail: -1, since: '0s', selector: '', types: [], include: [], env: new Map(), color: 'auto', watch: undefined,
    });
    expect(r.changed.size).toBe(0);
  });

  it('reads booleans as pflag does: bare, =true/=false (any ParseBool spelling), the short form, kubectl\'s --no-headers', () => {
    expect(parse(['-A', '--no-headers', '--keep=false']).values).toMatchObject({ allNamespaces: true, noHeaders: true, keep: false });
    expect(parse(['-A=false', '--no-headers=false', '--keep=0']).values).toMatchObject({ allNamespaces: false, noHeaders: false, keep: false });
    expect(parse(['--all-namespaces=T', '--keep=TRUE']).values).toMatchObject({ allNamespaces: true, keep: true });
    // Set to its default is still set (kubectl's Changed).
    expect([...parse(['--keep=true', '--no-headers=false']).changed].sort()).toEqual(['keep', 'noHeaders']);
    // A boolean never takes the next word: it stays an argument.
    expect(parse(['-A', 'false']).args).toEqual(['false']);
  });

  it('words bad values as cobra does', () => {
    expect(() => parse(['--keep=maybe'])).toThrow('invalid argument "maybe" for "--keep" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(() => parse(['-A=2'])).toThrow('invalid argument "2" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "2": invalid syntax');
    expect(() => parse(['--tail=1.5'])).toThrow('invalid argument "1.5" for "--tail" flag: strconv.ParseInt: parsing "1.5": invalid syntax');
    expect(() => parse(['--tail', '99999999999999999999'])).toThrow('strconv.ParseInt: parsing "99999999999999999999": value out of range');
    expect(() => parse(['--since=90'])).toThrow('invalid argument "90" for "--since" flag: time: missing unit in duration "90"');
    expect(() => parse(['--env=NOEQUALS'])).toThrow('invalid argument "NOEQUALS" for "--env" flag: NOEQUALS must be formatted as key=value');
    expect(() => parse(['--color=loud'])).toThrow('invalid argument "loud" for "--color" flag: must be auto, always or never');
  });

  it('reads values: ints with a sign, durations as given, CSV slices appended, arrays, maps merged, enums', () => {
    const r = parse(['--tail', '+5', '--since=1h30m', '--types=Normal,"Warn,ing"', '--types', 'X', '--include', 'a,b', '--include=c', '--env', 'A=1,B=2', '--env=A=3', '--color=never', '-l', 'app=web']);
    expect(r.values).toMatchObject({ tail: 5, since: '1h30m', types: ['Normal', 'Warn,ing', 'X'], include: ['a,b', 'c'], color: 'never', selector: 'app=web' });
    expect([...r.values.env]).toEqual([['A', '3'], ['B', '2']]);
  });

  it('an optional value: bare gives the table\'s value, =V or a following word gives V', () => {
    expect(parse(['-w']).values.watch).toBe('2s');
    expect(parse(['--watch=5s']).values.watch).toBe('5s');
    expect(parse(['-w', '5s']).values.watch).toBe('5s');
    expect(parse(['-A']).values.watch).toBeUndefined();
  });

  it('types the values from the table (checked by tsc)', () => {
    expectTypeOf(parse([]).values.tail).toEqualTypeOf<number>();
    expectTypeOf(parse([]).values.color).toEqualTypeOf<'auto' | 'always' | 'never'>();
    expectTypeOf(parse([]).values.watch).toEqualTypeOf<string | undefined>();
    expectTypeOf<TopPodFlags['noHeaders']>().toEqualTypeOf<boolean>();
    expectTypeOf<TopPodFlags['sortBy']>().toEqualTypeOf<string>();
    expectTypeOf<LogsFlags['tail']>().toEqualTypeOf<number>();
    expectTypeOf<LogsFlags['include']>().toEqualTypeOf<string[]>();
    expectTypeOf<EventsFlags['types']>().toEqualTypeOf<string[]>();
    expectTypeOf<DebugFlags['env']>().toEqualTypeOf<Map<string, string>>();
  });

  it('spells the kubectl flags that were set back as kubectl words, in the table\'s order', () => {
    const r = parse(['--include=x', '--tail=3', '--no-headers=false', '-A', '--types=a,b', '--env=K=V', '--color=never']);
    expect(kubectlFlagWords(SAMPLE, r.values, r.changed)).toEqual(['--all-namespaces', '--no-headers=false', '--tail=3', '--types=a,b', '--env=K=V']);
  });

  it('renders defaults as pflag does in help', () => {
    expect(SAMPLE.map(formatDefault)).toEqual(['false', 'false', 'true', '-1', '0s', "''", '[]', '[]', '[]', "'auto'", 'false']);
  });
});

describe('a boolean written with = on the command line', () => {
  async function kt(args: string[]) {
    const io = bufferIO({ HOME: '/nonexistent' });
    const code = await main(args, io);
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  }

  it('is read with the flags of the command it is given to', async () => {
    // -f is a boolean for logs (--follow) and a file name for debug (--filename): debug reads `-f=x` as a file.
    expect(await kt(['debug', '-f=x.yaml'])).toEqual({ code: 1, stdout: '', stderr: 'error: you must specify --image when not using --copy-to.\n' });
    expect(await kt(['logs', '-f=maybe', 'x'])).toEqual({ code: 1, stdout: '', stderr: 'error: invalid argument "maybe" for "-f, --follow" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kt logs --help\' for usage.\n' });
    // A boolean of another command is an unknown flag here, named as it was typed.
    expect(await kt(['logs', '--all-namespaces=false', 'x'])).toEqual({ code: 1, stdout: '', stderr: "error: unknown flag: --all-namespaces\nSee 'kt logs --help' for usage.\n" });
  });
});

/** Every command of kt with its own table and its parents' (globals last). */
function commands(): { path: string; tables: FlagTable[] }[] {
  const program = buildProgram(bufferIO(), 'kt', () => {});
  const out: { path: string; tables: FlagTable[] }[] = [];
  const walk = (c: Command): void => {
    const tables: FlagTable[] = [];
    for (let x: Command | null = c; x; x = x.parent) tables.push(tableOf(x));
    if (c.parent && c.name() !== 'help') out.push({ path: subPath(c), tables });
    c.commands.forEach(walk);
  };
  walk(program);
  return out;
}

describe('the tables of kt\'s commands', () => {
  it('name each flag once per command, and each letter once (sim\'s --token shadows the global one on purpose)', () => {
    for (const { path, tables } of commands()) {
      const specs = tables.flat();
      const names = specs.map((s) => s.name).filter((n) => !(path === 'sim' && n === 'token'));
      expect(new Set(names).size, path).toBe(names.length);
      const shorts = specs.flatMap((s) => ('short' in s && s.short ? [s.short] : []));
      expect(new Set(shorts).size, path).toBe(shorts.length);
    }
  });

  it('give each flag a default of its own type and a help text', () => {
    for (const { path, tables } of commands()) {
      for (const spec of tables[0]!) {
        expect(spec.help.length, `${path} --${spec.name}`).toBeGreaterThan(0);
        const d = defaultOf(spec);
        if (spec.type === 'enum') expect(spec.values, `${path} --${spec.name}`).toContain(d);
      }
    }
  });

  it('declare --resume and --reconnect on by default, with help saying how to get kubectl\'s behaviour', () => {
    const find = (path: string, name: string) => commands().find((c) => c.path === path)!.tables[0]!.find((s) => s.name === name)!;
    for (const [path, name] of [['logs', 'resume'], ['events', 'reconnect']] as const) {
      const spec = find(path, name);
      expect(defaultOf(spec), name).toBe(true);
      expect(spec.help).toContain(`--${name}=false`);
    }
  });

  it('mark a flag as kubectl\'s exactly when kubectl 1.32 has it for that command', needs('kubectl'), async () => {
    for (const path of ['top pod', 'top node', 'logs', 'events', 'debug', 'version']) {
      const help = (await runKubectl([...path.split(' '), '--help'])).stdout;
      const kubectlFlags = new Set([...help.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]!));
      const own = commands().find((c) => c.path === path)!.tables[0]!;
      for (const spec of own) expect({ path, flag: spec.name, kubectl: kubectlFlags.has(spec.name) }).toEqual({ path, flag: spec.name, kubectl: spec.kubectl });
    }
  });
});
