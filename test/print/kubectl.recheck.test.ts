// Re-checks, live against real kubectl 1.32, the expectations test/print/fixtures/* say were captured from kubectl:
// their objects are loaded into a sim, kubectl prints them (`get -o yaml|json|jsonpath=…|jsonpath-as-json=…`,
// `events -o json|yaml` and the events table), and
//   1. kt's printers, given the objects exactly as the sim serves them, must print the same bytes;
//   2. where the sim's additions (uid, resourceVersion, creationTimestamp, namespaces) cannot show — a block of the
//      YAML or JSON, a template that does not reach them — kubectl must still print the stored expectation itself.
import { needs } from '../helpers/requirements.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJSON } from '../../src/print/json.js';
import { printYAML } from '../../src/print/yaml.js';
import { compileJsonPath, JsonPathError } from '../../src/print/jsonpath.js';
import { EventTablePrinter, sortEvents } from '../../src/print/events.js';
import { marshalStructJSON, toTypedEventList } from '../../src/print/events-typed.js';
import type { CoreEvent, KubeObject } from '../../src/k8s/types.js';
import { KUBECTL, runKubectl, type Result } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { KEYS, KEYS_YAML, NESTED, NESTED_YAML, NUMS, NUMS_JSON, NUMS_YAML, SCALARS, T1, T1_JSON, T1_YAML } from './fixtures/output.js';
import { AS_JSON, EXEC_ERRORS, LIST, NUMS_STDOUT, NUMS_TEMPLATE, OUTPUTS, PARSE_ERRORS, STRICT_ERRORS, STRICT_OUTPUTS } from './fixtures/jsonpath.js';

const SCENARIO = `kind: Scenario
metadata: {name: recheck}
description: Nothing but namespaces; the test loads its objects.
---
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: default}}
- {apiVersion: v1, kind: Namespace, metadata: {name: recheck}}
- {apiVersion: v1, kind: Namespace, metadata: {name: a-web}}
- {apiVersion: v1, kind: Namespace, metadata: {name: b-db}}
- {apiVersion: v1, kind: Namespace, metadata: {name: c-job}}
- {apiVersion: v1, kind: Namespace, metadata: {name: events}}
- {apiVersion: v1, kind: Namespace, metadata: {name: ties}}
`;

// LIST's pods, each in a namespace of its own so that the sim (which lists by namespace, then name) serves them in
// LIST's order to `get pods -A`.
const POD_NAMESPACES = ['a-web', 'b-db', 'c-job'];

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

/** Events whose LAST SEEN needs every HumanDuration unit, at least 30 s from where the text would change. */
function agedEvents(now: number): CoreEvent[] {
  const at = (ms: number, micro = false): string => {
    const iso = new Date(now - ms).toISOString();
    return micro ? `${iso.slice(0, 19)}.123456Z` : `${iso.slice(0, 19)}Z`;
  };
  const ev = (name: string, fields: Partial<CoreEvent>): CoreEvent => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'events' },
    involvedObject: { kind: 'Pod', namespace: 'events', name: 'p', apiVersion: 'v1' },
    reason: 'Reason',
    message: 'message',
    source: { component: 'kubelet', host: 'node-a' },
    type: 'Normal',
    ...fields,
  });
  const aged: [string, number][] = [
    ['minutes', 10 * M + 30_000],
    ['hours-minutes', 3 * H + 20 * M + 30_000],
    ['hours', 47 * H + 30 * M],
    ['days-hours', 2 * D + 5 * H + 30 * M],
    ['days', 729 * D],
    ['years-days', 2 * Y + 100 * D],
    ['years', 9 * Y],
  ];
  const events = aged.map(([name, ms]) => ev(name, { firstTimestamp: at(ms), lastTimestamp: at(ms), count: 1 }));
  events.push(
    ev('counted', { firstTimestamp: at(3 * H + 30_000), lastTimestamp: at(12 * M + 30_000), count: 42, type: 'Warning', message: 'a <b> & "c"\u2028 ünï' }),
    ev('series', { eventTime: at(45 * M + 30_000, true), series: { count: 4, lastObservedTime: at(14 * M + 30_000, true) }, reportingComponent: 'kubelet', reportingInstance: 'node-a', action: 'Pulling' }),
    ev('event-time-only', { eventTime: at(52 * M + 30_000, true), firstTimestamp: null, lastTimestamp: null }),
    ev('future', { firstTimestamp: at(-10 * M), lastTimestamp: at(-10 * M) }),
    ev('null-times', { firstTimestamp: null, lastTimestamp: null, message: '  trimmed \n' }),
  );
  // In a namespace of their own, twenty at three times, interleaved: their order is Go's pdqsort's.
  for (let i = 0; i < 20; i++) {
    const tie = ev(`e${String(i).padStart(2, '0')}`, { lastTimestamp: at((((i * 7) % 3) + 11) * M + 30_000), firstTimestamp: at(20 * M + 30_000), count: 2 });
    tie.metadata!.namespace = 'ties';
    events.push(tie);
  }
  return events;
}

/** A top-level block of YAML: its `key:` line and what is indented under it. */
function yamlBlock(text: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `${key}:` || l.startsWith(`${key}: `));
  if (start < 0) return `<no ${key} in ${JSON.stringify(text.slice(0, 200))}>`;
  let end = start + 1;
  while (end < lines.length && !/^\S/.test(lines[end]!) && end < lines.length - 1) end++;
  return `${lines.slice(start, end).join('\n')}\n`;
}

/** A top-level member of a MarshalIndent'ed object, without the comma that may follow it. */
function jsonBlock(text: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`    "${key}": {`);
  if (start < 0) return `<no ${key} in ${JSON.stringify(text.slice(0, 200))}>`;
  const end = lines.findIndex((l, i) => i > start && (l === '    }' || l === '    },'));
  return `${lines.slice(start, end).join('\n')}\n    }\n`;
}

/** Runs many kubectl commands a few at a time (they are slow to start; the machine is shared). */
async function runAll(commands: readonly (readonly string[])[], env: Record<string, string>): Promise<Result[]> {
  const results: Result[] = new Array(commands.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < commands.length) {
      const i = next++;
      results[i] = await runKubectl(commands[i]!, env);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return results;
}

describe('kt printers against kubectl 1.32, live, on the captured fixtures', needs('kubectl'), () => {
  let t: TestSim;
  let dir: string;
  let now: number;
  /** GET from the sim, as kubectl's client gets it. */
  const served = async <T = KubeObject>(path: string): Promise<T> => {
    const res = await fetch(`${t.sim.url}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-recheck-'));
    const scenario = join(dir, 'recheck.yaml');
    writeFileSync(scenario, SCENARIO);
    t = await startTestSim({ scenario });
    const add = (obj: object): void => void t.sim.cluster.addObject(structuredClone(obj) as KubeObject);
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'scalars', namespace: 'recheck' }, data: Object.fromEntries(SCALARS.map(([k, v]) => [k, v])) });
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shapes', namespace: 'recheck' }, keys: KEYS, nested: NESTED });
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nums', namespace: 'recheck' }, spec: NUMS.spec });
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't1', namespace: 'recheck' }, spec: T1.spec });
    LIST.items.forEach((pod, i) => add({ ...pod, metadata: { ...pod.metadata, namespace: POD_NAMESPACES[i] } }));
    now = Date.now();
    for (const e of agedEvents(now)) t.sim.cluster.addEvent(structuredClone(e) as KubeObject);
  });
  afterAll(async () => {
    await t?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('-o yaml and -o json', () => {
    const cases = ['scalars', 'shapes', 'nums', 't1'];
    let yaml: Result[];
    let json: Result[];
    beforeAll(async () => {
      yaml = await runAll(cases.map((n) => ['get', 'configmap', n, '-n', 'recheck', '-o', 'yaml']), t.env);
      json = await runAll(cases.map((n) => ['get', 'configmap', n, '-n', 'recheck', '-o', 'json']), t.env);
    });

    it.each(cases.map((name, i) => [name, i] as const))('%s: kt prints what kubectl prints', async (name, i) => {
      const obj = await served(`/api/v1/namespaces/recheck/configmaps/${name}`);
      for (const r of [yaml[i]!, json[i]!]) expect({ code: r.code, stderr: r.stderr, empty: r.stdout === '' }).toEqual({ code: 0, stderr: '', empty: false });
      expect(printYAML(obj)).toBe(yaml[i]!.stdout);
      expect(printJSON(obj)).toBe(json[i]!.stdout);
    });

    it('kubectl still prints the captured YAML of every scalar under data:', () => {
      expect(yamlBlock(yaml[0]!.stdout, 'data')).toBe(`data:\n${SCALARS.map(([, , want]) => want).join('')}`);
    });
    it('kubectl still prints the captured YAML of map keys and nested collections', () => {
      expect(yamlBlock(yaml[1]!.stdout, 'keys')).toBe(KEYS_YAML);
      expect(yamlBlock(yaml[1]!.stdout, 'nested')).toBe(NESTED_YAML);
    });
    it('kubectl still prints the captured YAML and JSON of numbers and of the T1 spec', () => {
      expect(yamlBlock(yaml[2]!.stdout, 'spec')).toBe(yamlBlock(NUMS_YAML, 'spec'));
      expect(jsonBlock(json[2]!.stdout, 'spec')).toBe(jsonBlock(NUMS_JSON, 'spec'));
      expect(yamlBlock(yaml[3]!.stdout, 'spec')).toBe(yamlBlock(T1_YAML, 'spec'));
      expect(jsonBlock(json[3]!.stdout, 'spec')).toBe(jsonBlock(T1_JSON, 'spec'));
    });
  });

  describe('-o jsonpath and -o jsonpath-as-json', () => {
    // What kubectl hands its JSONPath engine for `get pods -A`: a List of the pods as served.
    let list: { apiVersion: string; items: KubeObject[]; kind: string; metadata: { resourceVersion: string } };
    let nums: KubeObject;
    type Case = { name: string; args: string[]; template: string; asJSON: boolean; strict: boolean; captured: string | undefined };
    const cases: Case[] = [
      ...OUTPUTS.map(([template, stdout]) => ({ name: `jsonpath=${template}`, args: [`-o=jsonpath=${template}`], template, asJSON: false, strict: false, captured: stdout })),
      ...STRICT_OUTPUTS.map(([template, stdout]) => ({ name: `strict jsonpath=${template}`, args: [`-o=jsonpath=${template}`, '--allow-missing-template-keys=false'], template, asJSON: false, strict: true, captured: stdout })),
      ...AS_JSON.map(([template, stdout]) => ({ name: `jsonpath-as-json=${template}`, args: [`-o=jsonpath-as-json=${template}`], template, asJSON: true, strict: false, captured: stdout })),
      ...EXEC_ERRORS.map(([template]) => ({ name: `error: ${template}`, args: [`-o=jsonpath=${template}`], template, asJSON: false, strict: false, captured: undefined })),
      ...STRICT_ERRORS.map(([template]) => ({ name: `strict error: ${template}`, args: [`-o=jsonpath=${template}`, '--allow-missing-template-keys=false'], template, asJSON: false, strict: true, captured: undefined })),
    ];
    let results: Result[];
    let numsResult: Result;
    let parseResults: Result[];
    let recheckedCaptures = 0;
    beforeAll(async () => {
      const pods = await served<{ items: KubeObject[] }>('/api/v1/pods');
      list = { apiVersion: 'v1', items: pods.items.map((p) => ({ apiVersion: 'v1', kind: 'Pod', ...p })), kind: 'List', metadata: { resourceVersion: '' } };
      nums = await served('/api/v1/namespaces/recheck/configmaps/nums');
      results = await runAll(cases.map((c) => ['get', 'pods', '-A', ...c.args]), t.env);
      numsResult = (await runAll([['get', 'configmap', 'nums', '-n', 'recheck', `-o=jsonpath=${NUMS_TEMPLATE}`]], t.env))[0]!;
      parseResults = await runAll(PARSE_ERRORS.map(([template]) => ['get', 'pods', '-A', `-o=jsonpath=${template}`]), t.env);
    });

    /** kt's output for a template, or kubectl's stderr for its error. */
    const kt = (data: unknown, c: Pick<Case, 'template' | 'asJSON' | 'strict'>): Result => {
      try {
        const compiled = compileJsonPath(c.template, { allowMissingKeys: !c.strict });
        return { code: 0, stdout: c.asJSON ? compiled.executeAsJSON(data) : compiled.execute(data), stderr: '' };
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return { code: 1, stdout: '', stderr: `error: ${e.message}` };
      }
    };

    it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
      const c = cases[i]!;
      const r = results[i]!;
      if (c.captured === undefined) expect(r.code).toBe(1);
      else expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      // 1. kt on the served objects prints kubectl's bytes, errors and their %#v dump included.
      expect(kt(list, c)).toEqual({ code: r.code, stdout: r.stdout, stderr: r.code === 0 ? '' : r.stderr });
      // 2. Where the sim's additions do not show, kubectl still prints what was captured.
      if (c.captured !== undefined && kt(list, c).stdout === kt(LIST, c).stdout) {
        expect(r.stdout).toBe(c.captured);
        recheckedCaptures++;
      }
    });

    it('re-checked most captured outputs directly (the rest reach the sim\'s uid, resourceVersion or namespaces)', () => {
      const captured = cases.filter((c) => c.captured !== undefined).length;
      expect(recheckedCaptures).toBeGreaterThan(captured * 0.9);
    });

    it('the captured error reasons are still kubectl\'s', () => {
      const reasons = [...EXEC_ERRORS, ...STRICT_ERRORS].map(([, , reason]) => reason);
      const errors = results.filter((_, i) => cases[i]!.captured === undefined);
      expect(errors.map((r, i) => r.stderr.includes(`Error executing template: ${reasons[i]}. `))).toEqual(reasons.map(() => true));
    });

    it('numbers print as Go prints them (captured NUMS template)', () => {
      expect({ code: numsResult.code, stderr: numsResult.stderr }).toEqual({ code: 0, stderr: '' });
      expect(numsResult.stdout).toBe(NUMS_STDOUT);
      expect(kt(nums, { template: NUMS_TEMPLATE, asJSON: false, strict: false }).stdout).toBe(NUMS_STDOUT);
    });

    it.each(PARSE_ERRORS.map(([template, message], i) => [template, message, i] as const))('parse error %s', (_template, message, i) => {
      expect(parseResults[i]).toEqual({ code: 1, stdout: '', stderr: `error: ${message}\n` });
    });
  });

  describe('kubectl events', () => {
    let events: CoreEvent[];
    let json: Result;
    let yaml: Result;
    let table: Result;
    let tieNames: Result;
    let tableNow: number;
    beforeAll(async () => {
      events = sortEvents((await served<{ items: CoreEvent[] }>('/api/v1/namespaces/events/events')).items);
      const [j, y, n] = await runAll([['events', '-n', 'events', '-o', 'json'], ['events', '-n', 'events', '-o', 'yaml'], ['events', '-n', 'ties', '-o', 'jsonpath={range .items[*]}{.metadata.name} {end}']], t.env);
      json = j!;
      yaml = y!;
      tieNames = n!;
      const before = Date.now();
      table = (await runAll([['events', '-n', 'events']], t.env))[0]!;
      tableNow = (before + Date.now()) / 2;
    });

    it('-o json: the typed EventList, in kubectl\'s order', () => {
      expect({ code: json.code, stderr: json.stderr, empty: json.stdout === '' }).toEqual({ code: 0, stderr: '', empty: false });
      expect(marshalStructJSON(toTypedEventList(events))).toBe(json.stdout);
    });
    it('ties: kubectl\'s order is pdqsort\'s, as kt has it and test/print/events.test.ts expects', async () => {
      const ties = sortEvents((await served<{ items: CoreEvent[] }>('/api/v1/namespaces/ties/events')).items);
      expect({ code: tieNames.code, stderr: tieNames.stderr }).toEqual({ code: 0, stderr: '' });
      expect(ties.map((e) => e.metadata?.name).join(' ')).toBe(tieNames.stdout.trim());
      expect(tieNames.stdout.trim()).toBe('e08 e17 e02 e14 e11 e05 e10 e16 e19 e01 e07 e04 e13 e12 e03 e15 e00 e09 e18 e06');
    });
    it('-o yaml', () => {
      expect({ code: yaml.code, stderr: yaml.stderr }).toEqual({ code: 0, stderr: '' });
      expect(printYAML(toTypedEventList(events))).toBe(yaml.stdout);
    });
    it('the table: LAST SEEN in every HumanDuration unit, series and counts', () => {
      expect({ code: table.code, stderr: table.stderr }).toEqual({ code: 0, stderr: '' });
      const lastSeen = table.stdout.split('\n').slice(1, -1).map((l) => l.split(/ {2,}/)[0]);
      expect(lastSeen).toEqual([
        '<unknown>', '9y', '2y100d', '729d', '2d5h', '47h', '3h20m', '52m', '14m (x4 over 45m)',
        '12m (x42 over 3h)', '10m', '<invalid>',
      ]);
      expect(new EventTablePrinter({ allNamespaces: false, noHeaders: false }).print(events, tableNow)).toBe(table.stdout);
      expect(now).toBeLessThanOrEqual(tableNow);
    });
  });
});
