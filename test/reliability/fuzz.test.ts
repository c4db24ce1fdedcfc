// Fuzzing with a seeded generator (failures reproduce from the seed in the test name): random flag values
// through the whole command line, and random API responses through the printers. An error message is fine;
// a crash — an exception that is not one of kt's, or a stack trace in the output — is not.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/cli/handle-error.js';
import { bufferIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { KtError } from '../../src/errors.js';
import { EventTablePrinter, sortEvents } from '../../src/print/events.js';
import { printObject } from '../../src/print/output.js';
import { marshalGoJSON } from '../../src/go/json.js';
import { yamlToJson } from '../../src/go/yaml-decode.js';
import { QuantityError } from '../../src/k8s/quantity.js';
import { printNodeMetrics, printPodMetrics } from '../../src/print/top.js';
import { podUsageList } from '../../src/report/top.js';
import type { CoreEvent, NodeMetrics, PodMetrics } from '../../src/k8s/types.js';

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const WEIRD_STRINGS = ['', ' ', '-', '--', '=', '0', '-1', '1e309', 'NaN', '1.5', '10Gi', '250m', '1h2m', 'µs', 'ünï', '\x1b[31m', 'a b', 'a=b', 'a,b', '\n', '\t', '%s', '{.x}', '{range}', 'json', 'yaml', 'wide', 'x'.repeat(300), '../../etc/passwd', 'pod/', '/', 'deploy/x/y'];
const FLAGS = ['-n', '-A', '-l', '--selector', '--field-selector', '--sort-by', '--containers', '--sum', '--no-headers', '--tail', '--since', '--since-time', '--limit-bytes', '-c', '-p', '-f', '--for', '--types', '-o', '--profile', '--image', '--target', '--request-timeout', '-v', '--color', '--max-log-requests', '--chunk-size', '--watch', '--show-capacity', '--bogus'];
const COMMANDS = [['top', 'pod'], ['top', 'node'], ['logs'], ['events'], ['debug'], ['triage'], ['top'], ['version', '--client']];

function randomArgv(r: () => number): string[] {
  const argv = [...pick(r, COMMANDS)];
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const f = pick(r, FLAGS);
    const v = pick(r, WEIRD_STRINGS);
    argv.push(...(r() < 0.5 ? [`${f}=${v}`] : r() < 0.5 ? [f, v] : [f]));
  }
  if (r() < 0.3) argv.push(pick(r, WEIRD_STRINGS));
  return argv;
}

describe('fuzzing the command line with random flag values', () => {
  // No cluster at all: every run must end in a worded error or a result, never a crash or a hang.
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: 25 random command lines end with a message and an exit code`, async () => {
      const r = prng(seed);
      for (let i = 0; i < 25; i++) {
        const argv = randomArgv(r);
        const io = bufferIO({ KUBECONFIG: '/nonexistent/kubeconfig', HOME: '/nonexistent', NO_COLOR: '1' });
        const code = await main([...argv, '--server=http://127.0.0.1:1', '--request-timeout=2s'], io);
        const err = io.stderr();
        expect([0, 1, 2], `exit code for kt ${argv.join(' ')}`).toContain(code);
        expect(err, `kt ${argv.join(' ')}`).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
        expect(err, `kt ${argv.join(' ')}`).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot read properties/);
        if (code !== 0) expect(err.length, `kt ${argv.join(' ')} failed silently`).toBeGreaterThan(0);
      }
    });
  }
});

function randomValue(r: () => number, depth = 0): unknown {
  const k = r();
  if (depth > 3 || k < 0.15) return pick(r, [null, undefined, true, 0, -1, 1e21, Number.MAX_SAFE_INTEGER, '', 'x']);
  if (k < 0.45) return pick(r, [...WEIRD_STRINGS, '123456789n', '1.5Gi', '12345Ki', '-5m', '2026-11-25T10:00:00Z', 'not-a-date', '9999-99-99T99:99:99Z']);
  if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (const key of ['name', 'namespace', 'usage', 'cpu', 'memory', 'containers', 'metadata', 'count', 'series', 'eventTime', 'lastTimestamp', 'involvedObject', 'type', 'message']) {
    if (r() < 0.35) o[key] = randomValue(r, depth + 1);
  }
  return o;
}

/** A shape that is right at the top (so a printer accepts it) with random leaves. */
function podMetrics(r: () => number): PodMetrics {
  const containers = Array.from({ length: Math.floor(r() * 3) }, () => ({
    name: String(pick(r, WEIRD_STRINGS)),
    usage: { cpu: String(pick(r, ['0', '1', '250m', '123456789n', '1e3', '1.5', '-1', 'abc', ''])), memory: String(pick(r, ['0', '1Ki', '1.5Gi', '129e6', '1500000000m', 'x', ''])) },
  }));
  return { metadata: { name: String(pick(r, WEIRD_STRINGS)), namespace: String(pick(r, WEIRD_STRINGS)) }, containers };
}

/** Errors the printers may raise on nonsense: a quantity that does not parse is worded like the apiserver's. */
function acceptable(e: unknown): boolean {
  return e instanceof QuantityError || e instanceof KtError;
}

describe('fuzzing the printers with random API responses', () => {
  for (let seed = 100; seed < 110; seed++) {
    it(`seed ${seed}: printers print the rows they were given, or raise a worded error`, () => {
      const r = prng(seed);
      for (let i = 0; i < 60; i++) {
        const metrics = Array.from({ length: Math.floor(r() * 6) }, () => podMetrics(r));
        const sortBy = pick(r, ['', 'cpu', 'memory'] as const);
        const top = { containers: r() < 0.5, withNamespace: r() < 0.5, noHeaders: r() < 0.5, sortBy, sum: r() < 0.5 };
        const attempts: (() => unknown)[] = [
          () => {
            const text = printPodMetrics(metrics, top);
            // A header, a row per pod (or per container), kubectl's two --sum lines; every line ends the table's way.
            // A name with a newline in it is printed as it is (kubectl does too), so it adds a line.
            const nl = (t: string | undefined): number => (t ?? '').split('\n').length - 1;
            const rowLines = (m: PodMetrics): number => 1 + nl(m.metadata?.name) + (top.withNamespace ? nl(m.metadata?.namespace) : 0);
            const rows = top.containers
              ? metrics.reduce((n, m) => n + (m.containers ?? []).reduce((k, c) => k + rowLines(m) + nl(c.name), 0), 0)
              : metrics.reduce((n, m) => n + rowLines(m), 0);
            const lines = text === '' ? [] : text.slice(0, -1).split('\n');
            // No metrics at all print nothing (the command says "No resources found" instead).
            expect(lines).toHaveLength(metrics.length === 0 ? 0 : (top.noHeaders ? 0 : 1) + rows + (top.sum ? 2 : 0));
            expect(text === '' || text.endsWith('\n')).toBe(true);
            return text;
          },
          () => printNodeMetrics(metrics.map((m) => ({ metadata: m.metadata, usage: m.containers?.[0]?.usage ?? {} }) as NodeMetrics), new Map([['x', { cpu: '1', memory: '1Gi' }]]), { noHeaders: false, sortBy }),
          () => podUsageList(metrics, [], { sortBy, withNamespace: true, sum: true, resources: r() < 0.5 }),
          () => new EventTablePrinter({ allNamespaces: r() < 0.5, noHeaders: false }).print(sortEvents(Array.from({ length: 4 }, () => randomValue(r) as CoreEvent).filter((e) => e && typeof e === 'object')), Date.now()),
          () => printObject(randomValue(r), pick(r, [{ kind: 'json' }, { kind: 'yaml' }, { kind: 'name' }, { kind: 'jsonpath', template: '{.metadata.name}', asJSON: false }] as const)),
        ];
        for (const attempt of attempts) {
          try {
            expect(typeof attempt()).not.toBe('function');
          } catch (e) {
            if (!acceptable(e)) throw e;
            const { text } = formatError(e, { commandPath: 'kt' });
            expect(text.startsWith('error: ') || text.startsWith('Error')).toBe(true);
            expect(text).not.toMatch(/\n\s+at /);
          }
        }
      }
    });
  }
});

/** The JSON data model of a value (what a round trip through JSON keeps): undefined members dropped. */
const asJSON = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('fuzzing -o json and -o yaml with random objects: what is printed reads back as what was given', () => {
  for (let seed = 200; seed < 210; seed++) {
    it(`seed ${seed}`, () => {
      const r = prng(seed);
      for (let i = 0; i < 80; i++) {
        const body = randomValue(r);
        const obj = { apiVersion: 'v1', kind: 'Fuzz', ...(body && typeof body === 'object' && !Array.isArray(body) ? body : { value: body }) };
        // kubectl hides managedFields unless asked; the rest of the object is printed as it is.
        const expected = asJSON(obj) as Record<string, unknown>;
        const json = printObject(obj, { kind: 'json' }, { showManagedFields: true });
        expect(JSON.parse(json)).toEqual(expected);
        expect(json.endsWith('\n')).toBe(true);
        const yaml = printObject(obj, { kind: 'yaml' }, { showManagedFields: true });
        // go-yaml quotes every string its own reader would take for something else (yes, 0x1F, 1e3, ~…) and leaves
        // plain what it reads as a string (1e309, which overflows a float64): read back with kt's go-yaml reader.
        expect(JSON.parse(marshalGoJSON(yamlToJson(yaml)))).toEqual(expected);
      }
    });
  }
});
