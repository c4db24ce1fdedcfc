// kt top against real kubectl 1.32 on the same simulated cluster: stdout, stderr and exit code must be identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, KUBECTL } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

const cases: { name: string; args: string[] }[] = [
  { name: 'pods in the context namespace', args: ['top', 'pod'] },
  { name: 'pods in a namespace', args: ['top', 'pod', '-n', 'shop'] },
  { name: 'all namespaces', args: ['top', 'pod', '-A'] },
  { name: 'alias pods and --namespace=', args: ['top', 'pods', '--namespace=kube-system'] },
  { name: 'alias po', args: ['top', 'po', '-n', 'shop'] },
  { name: 'containers', args: ['top', 'pod', '-n', 'shop', '--containers'] },
  { name: 'containers across namespaces by cpu', args: ['top', 'pod', '-A', '--containers', '--sort-by=cpu'] },
  { name: 'sort by memory', args: ['top', 'pod', '-A', '--sort-by', 'memory'] },
  { name: 'sum', args: ['top', 'pod', '-A', '--sum'] },
  { name: 'sum without headers (the shifted rows)', args: ['top', 'pod', '-A', '--sum', '--no-headers'] },
  { name: 'sum with containers', args: ['top', 'pod', '-n', 'shop', '--sum', '--containers'] },
  { name: 'sum with containers, no headers', args: ['top', 'pod', '-A', '--sum', '--containers', '--no-headers'] },
  { name: 'no headers', args: ['top', 'pod', '-n', 'shop', '--no-headers'] },
  { name: 'label selector', args: ['top', 'pod', '-n', 'shop', '-l', 'app=web'] },
  { name: 'set-based selector', args: ['top', 'pod', '-A', '-l', 'app in (web,payments),app!=checkout'] },
  { name: 'field selector', args: ['top', 'pod', '-n', 'shop', '--field-selector', 'metadata.name=payments-0'] },
  { name: 'one pod', args: ['top', 'pod', 'payments-0', '-n', 'shop'] },
  { name: 'one pod with containers', args: ['top', 'pod', 'checkout-6f8b9c7d5-p4x7w', '-n', 'shop', '--containers'] },
  { name: 'boolean flags written =true/=false', args: ['top', 'pod', '-A', '--containers=false', '--sum=true', '--use-protocol-buffers=false'] },
  { name: 'a pod that does not exist', args: ['top', 'pod', 'nope'] },
  { name: 'a namespace with no pods', args: ['top', 'pod', '-n', 'quiet'] },
  { name: 'a selector that matches nothing', args: ['top', 'pod', '-A', '-l', 'app=nothing'] },
  { name: 'bad --sort-by', args: ['top', 'pod', '--sort-by=name'] },
  { name: 'NAME with a selector', args: ['top', 'pod', 'x', '-l', 'app=web'] },
  { name: 'NAME with a field selector', args: ['top', 'pod', 'x', '--field-selector', 'metadata.name=x'] },
  { name: 'too many arguments', args: ['top', 'pod', 'a', 'b'] },
  { name: 'bad label selector', args: ['top', 'pod', '-l', 'a b'] },
  { name: 'bad label value', args: ['top', 'pod', '-l', 'x=-bad'] },
  { name: 'bad field selector', args: ['top', 'pod', '--field-selector', 'a'] },
  { name: 'unknown flag', args: ['top', 'pod', '--foo'] },
  { name: 'unknown shorthand', args: ['top', 'pod', '-x'] },
  { name: 'flag without its value', args: ['top', 'pod', '--sort-by'] },
  { name: 'short flag without its value', args: ['top', 'pod', '-l'] },
  { name: 'bad boolean value', args: ['top', 'pod', '--containers=maybe'] },
  { name: 'bad -v value', args: ['top', 'pod', '-v', 'abc'] },
  { name: 'bad --request-timeout', args: ['--request-timeout=abc', 'top', 'pod'] },
  { name: 'unknown top subcommand', args: ['top', 'foo'] },
  { name: 'nodes', args: ['top', 'node'] },
  { name: 'nodes by capacity', args: ['top', 'node', '--show-capacity'] },
  { name: 'nodes by cpu', args: ['top', 'nodes', '--sort-by=cpu'] },
  { name: 'nodes by memory, no headers', args: ['top', 'no', '--sort-by=memory', '--no-headers'] },
  { name: 'one node', args: ['top', 'node', 'node-b'] },
  { name: 'a node with no metrics', args: ['top', 'node', 'node-c'] },
  { name: 'a node that does not exist', args: ['top', 'node', 'nope'] },
  { name: 'node selector', args: ['top', 'node', '-l', 'kubernetes.io/hostname=node-a'] },
  { name: 'node selector matching a node without metrics', args: ['top', 'node', '-l', 'kubernetes.io/hostname=node-c'] },
  { name: 'node NAME with selector', args: ['top', 'node', 'node-a', '-l', 'a=b'] },
  { name: 'too many node arguments', args: ['top', 'node', 'a', 'b'] },
  { name: 'bad node --sort-by', args: ['top', 'node', '--sort-by=disk'] },
];

describe.skipIf(!KUBECTL)('kt top matches kubectl 1.32 on the demo scenario', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it.each(cases)('$name: kt $args', async ({ args }) => {
    const { kt, kubectl } = await both(args, t.env);
    expect(kt).toEqual(kubectl);
  });

  it('explains missing metrics for old pods the way kubectl does (age varies, so it is masked)', async () => {
    const { kt, kubectl } = await both(['top', 'pod', '-n', 'batch'], t.env);
    const mask = (s: string): string => s.replace(/age: \S+/, 'age: <age>');
    expect(kubectl.code).toBe(1);
    expect(kubectl.stderr).toMatch(/^error: Metrics not available for pod batch\/data-export-fail, age: \d+h\d+m[\d.]+s\n$/);
    expect({ ...kt, stderr: mask(kt.stderr) }).toEqual({ ...kubectl, stderr: mask(kubectl.stderr) });
  });
});

/**
 * kubectl prints nodes without metrics in Go's random map order; kt prints them by name. The rows themselves
 * must match, so kubectl's are put in name order before comparing (and only they).
 */
function unknownRowsByName(stdout: string): string {
  const lines = stdout.split('\n');
  const unknown = lines.filter((l) => /^\S+\s+<unknown>/.test(l));
  const sorted = [...unknown].sort();
  let k = 0;
  return lines.map((l) => (/^\S+\s+<unknown>/.test(l) ? sorted[k++]! : l)).join('\n');
}

const edgeCases: { name: string; args: string[] }[] = [
  { name: 'ties under --sort-by=cpu (Go pdqsort order, 40 rows)', args: ['top', 'pod', '-n', 'ties', '--sort-by=cpu'] },
  { name: 'ties under --sort-by=memory', args: ['top', 'pod', '-n', 'ties', '--sort-by=memory'] },
  { name: 'more than 50 rows with ties (ninther pivots)', args: ['top', 'pod', '-A', '--sort-by=cpu'] },
  { name: 'more than 50 rows by memory', args: ['top', 'pod', '-A', '--sort-by=memory', '--sum'] },
  { name: 'containers sorted with ties', args: ['top', 'pod', '-A', '--containers', '--sort-by=cpu'] },
  { name: '15 identical rows', args: ['top', 'pod', '-n', 'same', '--sort-by=memory'] },
  { name: 'every unit: n, m, Ki, Mi, Gi, exponents, bytes, milli-bytes', args: ['top', 'pod', '-n', 'units', '--containers', '--sum'] },
  { name: 'units by memory', args: ['top', 'pod', '-n', 'units', '--sort-by=memory'] },
  { name: 'nodes missing allocatable resources, over 100 %, without metrics', args: ['top', 'node'] },
  { name: 'nodes by capacity and memory', args: ['top', 'node', '--show-capacity', '--sort-by=memory'] },
  { name: 'a node in metrics but not in the node list', args: ['top', 'node', 'omega'] },
  { name: 'pods too young for metrics', args: ['top', 'pod', '-n', 'young'] },
  { name: 'node selector', args: ['top', 'node', '-l', 'tier=edge', '--sort-by=cpu'] },
];

describe.skipIf(!KUBECTL)('kt top matches kubectl 1.32 on awkward data (top-edge scenario)', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'top-edge' });
  });
  afterAll(async () => t?.stop());

  it.each(edgeCases)('$name: kt $args', async ({ args }) => {
    const { kt, kubectl } = await both(args, t.env);
    expect(kt).toEqual({ ...kubectl, stdout: unknownRowsByName(kubectl.stdout) });
  });
});
