// The kt top parity cases, shared by test/top.parity.test.ts and test/sabotage.test.ts: each says what kubectl 1.32
// does on the sim's scenario, and `checkTop` asserts that first, then that kt printed exactly the same.
import type { Result } from '../kubectl.js';
import { expectParity, fails, succeeds, quiet, type KubectlExpectation } from '../parity.js';

export interface TopCase {
  name: string;
  args: string[];
  kubectl: KubectlExpectation;
}

/** On the demo scenario. */
export const TOP_DEMO: TopCase[] = [
  { name: 'pods in the context namespace', args: ['top', 'pod'], kubectl: succeeds() },
  { name: 'pods in a namespace', args: ['top', 'pod', '-n', 'shop'], kubectl: succeeds() },
  { name: 'all namespaces', args: ['top', 'pod', '-A'], kubectl: succeeds() },
  { name: 'alias pods and --namespace=', args: ['top', 'pods', '--namespace=kube-system'], kubectl: succeeds() },
  { name: 'alias po', args: ['top', 'po', '-n', 'shop'], kubectl: succeeds() },
  { name: 'containers', args: ['top', 'pod', '-n', 'shop', '--containers'], kubectl: succeeds() },
  { name: 'containers across namespaces by cpu', args: ['top', 'pod', '-A', '--containers', '--sort-by=cpu'], kubectl: succeeds() },
  { name: 'sort by memory', args: ['top', 'pod', '-A', '--sort-by', 'memory'], kubectl: succeeds() },
  { name: 'sum', args: ['top', 'pod', '-A', '--sum'], kubectl: succeeds() },
  { name: 'sum without headers (the shifted rows)', args: ['top', 'pod', '-A', '--sum', '--no-headers'], kubectl: succeeds() },
  { name: 'sum with containers', args: ['top', 'pod', '-n', 'shop', '--sum', '--containers'], kubectl: succeeds() },
  { name: 'sum with containers, no headers', args: ['top', 'pod', '-A', '--sum', '--containers', '--no-headers'], kubectl: succeeds() },
  { name: 'no headers', args: ['top', 'pod', '-n', 'shop', '--no-headers'], kubectl: succeeds() },
  { name: 'label selector', args: ['top', 'pod', '-n', 'shop', '-l', 'app=web'], kubectl: succeeds() },
  { name: 'set-based selector', args: ['top', 'pod', '-A', '-l', 'app in (web,payments),app!=checkout'], kubectl: succeeds() },
  { name: 'field selector', args: ['top', 'pod', '-n', 'shop', '--field-selector', 'metadata.name=payments-0'], kubectl: succeeds() },
  { name: 'one pod', args: ['top', 'pod', 'payments-0', '-n', 'shop'], kubectl: succeeds() },
  { name: 'one pod with containers', args: ['top', 'pod', 'checkout-6f8b9c7d5-p4x7w', '-n', 'shop', '--containers'], kubectl: succeeds() },
  { name: 'boolean flags written =true/=false', args: ['top', 'pod', '-A', '--containers=false', '--sum=true', '--use-protocol-buffers=false'], kubectl: succeeds() },
  { name: 'a pod that does not exist', args: ['top', 'pod', 'nope'], kubectl: fails('Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n') },
  { name: 'a namespace with no pods', args: ['top', 'pod', '-n', 'quiet'], kubectl: quiet('No resources found in quiet namespace.\n') },
  { name: 'a selector that matches nothing', args: ['top', 'pod', '-A', '-l', 'app=nothing'], kubectl: quiet('No resources found\n') },
  { name: 'bad --sort-by', args: ['top', 'pod', '--sort-by=name'], kubectl: fails('error: --sort-by accepts only cpu or memory\n') },
  { name: 'NAME with a selector', args: ['top', 'pod', 'x', '-l', 'app=web'], kubectl: fails('error: only one of NAME or selector can be provided\n') },
  { name: 'NAME with a field selector', args: ['top', 'pod', 'x', '--field-selector', 'metadata.name=x'], kubectl: fails('error: only one of NAME or selector can be provided\n') },
  { name: 'too many arguments', args: ['top', 'pod', 'a', 'b'], kubectl: fails("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n") },
  { name: 'bad label selector', args: ['top', 'pod', '-l', 'a b'], kubectl: fails("error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n") },
  { name: 'bad label value', args: ['top', 'pod', '-l', 'x=-bad'], kubectl: fails('error: unable to parse requirement: values[0][x]: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')\n') },
  { name: 'bad field selector', args: ['top', 'pod', '--field-selector', 'a'], kubectl: fails("error: invalid selector: 'a'; can't understand 'a'\n") },
  { name: 'unknown flag', args: ['top', 'pod', '--foo'], kubectl: fails("error: unknown flag: --foo\nSee 'kubectl top pod --help' for usage.\n") },
  { name: 'unknown shorthand', args: ['top', 'pod', '-x'], kubectl: fails("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl top pod --help' for usage.\n") },
  { name: 'flag without its value', args: ['top', 'pod', '--sort-by'], kubectl: fails("error: flag needs an argument: --sort-by\nSee 'kubectl top pod --help' for usage.\n") },
  { name: 'short flag without its value', args: ['top', 'pod', '-l'], kubectl: fails("error: flag needs an argument: 'l' in -l\nSee 'kubectl top pod --help' for usage.\n") },
  { name: 'bad boolean value', args: ['top', 'pod', '--containers=maybe'], kubectl: fails('error: invalid argument "maybe" for "--containers" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl top pod --help\' for usage.\n') },
  { name: 'bad -v value', args: ['top', 'pod', '-v', 'abc'], kubectl: fails('error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl top pod --help\' for usage.\n') },
  { name: 'bad --request-timeout', args: ['--request-timeout=abc', 'top', 'pod'], kubectl: fails('error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n') },
  { name: 'unknown top subcommand', args: ['top', 'foo'], kubectl: fails('error: unknown command "foo"\nSee \'kubectl top -h\' for help and examples\n') },
  { name: 'nodes', args: ['top', 'node'], kubectl: succeeds() },
  { name: 'nodes by capacity', args: ['top', 'node', '--show-capacity'], kubectl: succeeds() },
  { name: 'nodes by cpu', args: ['top', 'nodes', '--sort-by=cpu'], kubectl: succeeds() },
  { name: 'nodes by memory, no headers', args: ['top', 'no', '--sort-by=memory', '--no-headers'], kubectl: succeeds() },
  { name: 'one node', args: ['top', 'node', 'node-b'], kubectl: succeeds() },
  { name: 'a node with no metrics', args: ['top', 'node', 'node-c'], kubectl: fails('Error from server (NotFound): nodemetrics.metrics.k8s.io "node-c" not found\n') },
  { name: 'a node that does not exist', args: ['top', 'node', 'nope'], kubectl: fails('Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n') },
  { name: 'node selector', args: ['top', 'node', '-l', 'kubernetes.io/hostname=node-a'], kubectl: succeeds() },
  { name: 'node selector matching a node without metrics', args: ['top', 'node', '-l', 'kubernetes.io/hostname=node-c'], kubectl: fails('error: metrics not available yet\n') },
  { name: 'node NAME with selector', args: ['top', 'node', 'node-a', '-l', 'a=b'], kubectl: fails('error: only one of NAME or --selector can be provided\n') },
  { name: 'too many node arguments', args: ['top', 'node', 'a', 'b'], kubectl: fails("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n") },
  { name: 'bad node --sort-by', args: ['top', 'node', '--sort-by=disk'], kubectl: fails('error: --sort-by accepts only cpu or memory\n') },
  // The age in kubectl's message is a Go duration to the nanosecond: masked on both sides.
  { name: 'explains missing metrics for old pods the way kubectl does', args: ['top', 'pod', '-n', 'batch'], kubectl: fails(/^error: Metrics not available for pod batch\/data-export-fail, age: \d+h\d+m[\d.]+s\n$/) },
];

/** On the top-edge scenario: ties, every unit, nodes without metrics. */
export const TOP_EDGE: TopCase[] = [
  { name: 'ties under --sort-by=cpu (Go pdqsort order, 40 rows)', args: ['top', 'pod', '-n', 'ties', '--sort-by=cpu'], kubectl: succeeds() },
  { name: 'ties under --sort-by=memory', args: ['top', 'pod', '-n', 'ties', '--sort-by=memory'], kubectl: succeeds() },
  { name: 'more than 50 rows with ties (ninther pivots)', args: ['top', 'pod', '-A', '--sort-by=cpu'], kubectl: succeeds() },
  { name: 'more than 50 rows by memory', args: ['top', 'pod', '-A', '--sort-by=memory', '--sum'], kubectl: succeeds() },
  { name: 'containers sorted with ties', args: ['top', 'pod', '-A', '--containers', '--sort-by=cpu'], kubectl: succeeds() },
  { name: '15 identical rows', args: ['top', 'pod', '-n', 'same', '--sort-by=memory'], kubectl: succeeds() },
  { name: 'every unit: n, m, Ki, Mi, Gi, exponents, bytes, milli-bytes', args: ['top', 'pod', '-n', 'units', '--containers', '--sum'], kubectl: succeeds() },
  { name: 'units by memory', args: ['top', 'pod', '-n', 'units', '--sort-by=memory'], kubectl: succeeds() },
  { name: 'nodes missing allocatable resources, over 100 %, without metrics', args: ['top', 'node'], kubectl: succeeds() },
  { name: 'nodes by capacity and memory', args: ['top', 'node', '--show-capacity', '--sort-by=memory'], kubectl: succeeds() },
  { name: 'a node in metrics but not in the node list', args: ['top', 'node', 'omega'], kubectl: fails('Error from server (NotFound): nodes "omega" not found\n') },
  { name: 'pods too young for metrics', args: ['top', 'pod', '-n', 'young'], kubectl: fails('error: metrics not available yet\n') },
  { name: 'node selector', args: ['top', 'node', '-l', 'tier=edge', '--sort-by=cpu'], kubectl: succeeds() },
];

const maskAge = (r: Result): Result => ({ ...r, stderr: r.stderr.replace(/age: \S+/, 'age: <age>') });

/**
 * kubectl prints nodes without metrics in Go's random map order; kt prints them by name. The rows themselves
 * must match, so kubectl's are put in name order before comparing (and only they).
 */
function unknownRowsByName(r: Result): Result {
  const lines = r.stdout.split('\n');
  const unknown = lines.filter((l) => /^\S+\s+<unknown>/.test(l)).sort();
  let k = 0;
  return { ...r, stdout: lines.map((l) => (/^\S+\s+<unknown>/.test(l) ? unknown[k++]! : l)).join('\n') };
}

/** One case: kubectl does what the case says, and kt prints the same (stdout, stderr, exit code). */
export async function checkTop(c: TopCase, env: Record<string, string>): Promise<void> {
  await expectParity(c.kubectl, c.args, env, { normalize: maskAge, kubectlOnly: unknownRowsByName });
}
