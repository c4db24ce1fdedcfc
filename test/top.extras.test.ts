// kt top beyond kubectl: -o json|yaml, --resources, --watch and colour. Defaults stay kubectl's (see the parity
// tests); these flags are kt's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt } from './helpers/kubectl.js';
import { startKt } from './helpers/process.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

describe('kt top extensions', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('-o json gives the computed values in the documented shape, in table order', async () => {
    const r = await runKt(['top', 'pod', '-n', 'shop', '-o', 'json', '--sort-by=memory', '--sum'], t.env);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { apiVersion: string; kind: string; items: { name: string; cpu: { usage: string; value: number }; memory: { usage: string; value: number } }[]; total: { cpu: { usage: string } } };
    expect(list.apiVersion).toBe('kubetriage.dev/v1');
    expect(list.kind).toBe('PodUsageList');
    expect(list.items.map((i) => i.name)).toEqual(['payments-0', 'checkout-6f8b9c7d5-p4x7w', 'web-7d9c6b5f4-zt8mn', 'web-7d9c6b5f4-kx2vq']);
    expect(list.items[1]!.cpu).toEqual({ usage: '948m', value: 948 });
    expect(list.items[0]!.memory).toEqual({ usage: '1280Mi', value: 1342177280 });
    expect(list.total.cpu.usage).toBe('1143m'); // the sum of exact usages, rounded once (as kubectl --sum)
  });

  it('-o yaml and jsonpath work on the same model', async () => {
    const y = await runKt(['top', 'node', '-o', 'yaml'], t.env);
    expect(y.stdout).toContain('kind: NodeUsageList\n');
    expect(y.stdout).toMatch(/- metricsAvailable: false\n {2}name: node-c\n/);
    const jp = await runKt(['top', 'pod', '-A', '-o', 'jsonpath={range .items[*]}{.namespace}/{.name}={.cpu.usage}{"\\n"}{end}'], t.env);
    expect(jp.stdout.split('\n')).toContain('shop/checkout-6f8b9c7d5-p4x7w=948m');
  });

  it('rejects an -o it does not offer, in kubectl\'s words', async () => {
    const r = await runKt(['top', 'pod', '-o', 'wide'], t.env);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,jsonpath,jsonpath-as-json,name,yaml\n' });
  });

  it('--resources shows usage against requests and limits, restarts and the OOMKilled termination', async () => {
    const r = await runKt(['top', 'pod', '-n', 'shop', '--resources', '--containers'], t.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('POD                        NAME          CPU(cores)   CPU REQUEST   CPU LIMIT   MEMORY(bytes)   MEMORY REQUEST   MEMORY LIMIT   RESTARTS   LAST TERMINATION');
    expect(lines[2]).toMatch(/^checkout-6f8b9c7d5-p4x7w {3}app {11}913m {9}250m \(365%\) {3}1 \(91%\) {5}509Mi {11}256Mi \(198%\) {5}512Mi \(99%\) {4}4 {10}OOMKilled \(exit 137\) 3m\d*s? ago$/);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('--resources for nodes sums the requests and limits of the pods scheduled there', async () => {
    const r = await runKt(['top', 'node', '--resources'], t.env);
    expect(r.stdout.split('\n')[2]).toBe('node-b   2988m        37%         550m (6%)      3500m (44%)   9645Mi          62%         648Mi (4%)        1664Mi (10%)    4');
  });

  it('paints rows over 90 % of a limit only when colour is wanted', async () => {
    const always = await runKt(['top', 'pod', '-n', 'shop', '--resources', '--containers', '--color=always'], t.env);
    expect(always.stdout).toContain('\x1b[31mcheckout-6f8b9c7d5-p4x7w   app ');
    expect(always.stdout.match(/\x1b\[31m/g)).toHaveLength(1);
    const bad = await runKt(['top', 'pod', '--color=sometimes'], t.env);
    expect(bad).toEqual({ code: 1, stdout: '', stderr: 'error: invalid argument "sometimes" for "--color" flag: must be auto, always or never\nSee \'kt top pod --help\' for usage.\n' });
  });

  it('--watch appends a table per interval when piped, and a NAME after -w is still the NAME', async () => {
    const kt = startKt(['top', 'pod', '-n', 'shop', '-w', 'payments-0', '--'], t.env);
    try {
      // Two whole tables (header and row each) printed: the watch repeats. Then Ctrl-C.
      await kt.waitForOutput((out) => (out.match(/^NAME .*\n\S.*\n/gm) ?? []).length >= 2, { what: 'two tables' });
      kt.interrupt();
      const r = await kt.result();
      expect(r.code).toBe(0);
    } finally {
      kt.kill();
    }
    const tables = kt.stdout().split('\n\n').filter((s) => s.trim() !== '');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) expect(table.split('\n')[1]).toMatch(/^payments-0 {3}188m {9}1280Mi {10}$/);
  });
});
