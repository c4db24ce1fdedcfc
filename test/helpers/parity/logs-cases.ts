// The kt logs parity cases, shared by test/logs.parity.test.ts and test/sabotage.test.ts: each says what kubectl
// 1.32 does on the sim's scenario, and `checkLogs` asserts that first, then that kt printed the same.
//
// Where kubectl's output order is random — several streams read without -f come from a Go map, and -f with several
// streams interleaves them — the comparison is per stream (`streams`): with `sequential`, every stream's output
// is one block, whole and in order, in both tools (only the order of the blocks may differ in kubectl's), and kt's
// blocks come in kt's documented order: pods in the API's order, each pod's containers init → regular →
// ephemeral; with `interleaved` (-f), every stream's lines are the same and in the same order.
import { expect } from 'vitest';
import { runKt, type Result } from '../kubectl.js';
import { expectParity, fails, quiet, succeeds, type KubectlExpectation } from '../parity.js';
import type { TestSim } from '../sim.js';
import { typeOf } from '../../../src/sim/cluster.js';
import type { Pod } from '../../../src/k8s/types.js';

export interface LogsCase {
  name: string;
  /** After `kt logs` / `kubectl logs`. */
  args: string[];
  kubectl: KubectlExpectation;
  /** Several streams, in an order kubectl does not fix (see above). */
  streams?: 'sequential' | 'interleaved';
}

/** On the demo scenario. */
export const LOGS_DEMO: LogsCase[] = [
  { name: 'a pod with one container', args: ['hello-unicode'], kubectl: succeeds() },
  { name: 'timestamps', args: ['hello-unicode', '--timestamps'], kubectl: succeeds() },
  { name: 'limit-bytes cutting a multi-byte character', args: ['hello-unicode', '--limit-bytes=7'], kubectl: succeeds() },
  { name: 'tail', args: ['hello-unicode', '--tail=1'], kubectl: succeeds() },
  { name: 'tail 0', args: ['hello-unicode', '--tail', '0'], kubectl: quiet() },
  { name: 'since (rounded)', args: ['hello-unicode', '--since=2h30m'], kubectl: succeeds() },
  { name: 'since below a second is sent as 0', args: ['hello-unicode', '--since=300ms'], kubectl: quiet() },
  { name: 'since-time with an offset and a fraction', args: ['hello-unicode', '--since-time=2020-01-01T10:00:00.999+02:00'], kubectl: succeeds() },
  { name: 'prefix', args: ['hello-unicode', '--prefix'], kubectl: succeeds() },
  { name: 'default-container annotation', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w'], kubectl: succeeds() },
  { name: 'previous', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-p'], kubectl: succeeds() },
  { name: 'inline container', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', 'istio-proxy'], kubectl: succeeds() },
  { name: '-c init container', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'migrate'], kubectl: succeeds() },
  { name: 'previous of a container that never died', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'istio-proxy', '-p'], kubectl: fails('Error from server (BadRequest): previous terminated container "istio-proxy" in pod "checkout-6f8b9c7d5-p4x7w" not found\n') },
  { name: '--ignore-errors prints the error on stdout', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--ignore-errors', '-c', 'istio-proxy', '-p'], kubectl: succeeds('empty', 'error: previous terminated container "istio-proxy" in pod "checkout-6f8b9c7d5-p4x7w" not found\n') },
  { name: 'all containers (random order in kubectl)', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--all-containers'], streams: 'sequential', kubectl: succeeds() },
  { name: 'all containers, prefix', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--all-containers', '--prefix', '--timestamps'], streams: 'sequential', kubectl: succeeds() },
  { name: 'image pull back-off', args: ['api-gateway-typo'], kubectl: fails('Error from server (BadRequest): container "gateway" in pod "api-gateway-typo" is waiting to start: trying and failing to pull image\n') },
  { name: 'unscheduled pod: empty log', args: ['bigquery-runner'], kubectl: quiet() },
  { name: 'a completed job pod, followed', args: ['-n', 'batch', 'nightly-report-7xk2p', '-f'], kubectl: succeeds() },
  { name: 'a failed pod', args: ['-n', 'batch', 'data-export-fail', '--timestamps'], kubectl: succeeds() },
  { name: 'deployment: Found N pods', args: ['-n', 'shop', 'deploy/web'], kubectl: succeeds('Found 2 pods, using pod/web-7d9c6b5f4-kx2vq\n') },
  { name: 'deployment.apps long name', args: ['-n', 'shop', 'deployment.apps/web', '--tail=2'], kubectl: succeeds('Found 2 pods, using pod/web-7d9c6b5f4-kx2vq\n') },
  { name: 'deployment --all-pods (random order in kubectl)', args: ['-n', 'shop', 'deployments/web', '--all-pods'], streams: 'sequential', kubectl: succeeds() },
  { name: 'service', args: ['-n', 'shop', 'svc/web'], kubectl: succeeds('Found 2 pods, using pod/web-7d9c6b5f4-kx2vq\n') },
  { name: 'service without a selector', args: ['-n', 'shop', 'service/legacy-db'], kubectl: fails("error: cannot get the logs from *v1.Service: invalid service 'legacy-db': Service is defined without a selector\n") },
  { name: 'replica set', args: ['-n', 'shop', 'rs/web-7d9c6b5f4', '--tail=1'], kubectl: succeeds('Found 2 pods, using pod/web-7d9c6b5f4-kx2vq\n') },
  { name: 'stateful set', args: ['-n', 'shop', 'sts/payments'], kubectl: succeeds() },
  { name: 'daemon set (one pod on a lost node)', args: ['-n', 'kube-system', 'ds/kube-proxy'], kubectl: quiet('Found 2 pods, using pod/kube-proxy-8mwzl\n') },
  { name: 'job', args: ['-n', 'batch', 'job/nightly-report'], kubectl: succeeds() },
  { name: 'pod/NAME and po/NAME', args: ['-n', 'shop', 'po/web-7d9c6b5f4-zt8mn', '-p'], kubectl: succeeds() },
  { name: 'deployment with an init container: default container', args: ['-n', 'shop', 'deploy/checkout', '--tail=2'], kubectl: succeeds() },
  { name: 'selector: tail 10 by default (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web'], streams: 'sequential', kubectl: succeeds() },
  { name: 'selector with explicit --tail=-1 (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web', '--tail=-1'], streams: 'sequential', kubectl: succeeds() },
  { name: 'selector with prefix (random order in kubectl)', args: ['-n', 'shop', '-l', 'app=web', '--prefix', '--tail=1'], streams: 'sequential', kubectl: succeeds() },
  { name: 'selector matching nothing', args: ['-n', 'shop', '-l', 'app=nothing'], kubectl: quiet('No resources found in shop namespace.\n') },
  { name: 'bad selector', args: ['-l', 'a b'], kubectl: fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n') },
  { name: 'follow more streams than allowed', args: ['-n', 'shop', '-l', 'app=web', '-f', '--max-log-requests=1'], kubectl: fails('error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n') },
  { name: 'pod not found', args: ['nope'], kubectl: fails('error: error from server (NotFound): pods "nope" not found in namespace "default"\n') },
  { name: 'deployment not found', args: ['-n', 'shop', 'deploy/nope'], kubectl: fails('error: error from server (NotFound): deployments.apps "nope" not found in namespace "shop"\n') },
  { name: 'unknown resource type', args: ['foo/bar'], kubectl: fails('error: the server doesn\'t have a resource type "foo"\n') },
  { name: 'a kind without pods', args: ['-n', 'kube-system', 'ns/default'], kubectl: fails('error: cannot get the logs from *v1.Namespace: selector for *v1.Namespace not implemented\n') },
  { name: 'container not in pod', args: ['-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '-c', 'nope'], kubectl: fails('error: container nope is not valid for pod checkout-6f8b9c7d5-p4x7w\n') },
  { name: 'no arguments', args: [], kubectl: fails("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n") },
  { name: 'TYPE/NAME with two slashes', args: ['a/b/c'], kubectl: fails('error: arguments in resource/name form may not have more than one slash\n') },
  { name: 'TYPE/NAME without a type', args: ['/b'], kubectl: fails('error: arguments in resource/name form must have a single resource and name\n') },
  { name: 'TYPE/NAME without a name', args: ['deploy/'], kubectl: fails('error: arguments in resource/name form must have a single resource and name\n') },
  { name: 'three arguments', args: ['a', 'b', 'c'], kubectl: fails("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n") },
  { name: 'NAME and selector', args: ['x', '-l', 'a=b'], kubectl: fails("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n") },
  { name: 'since and since-time', args: ['hello-unicode', '--since=1h', '--since-time=2024-01-01T00:00:00Z'], kubectl: fails('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n') },
  { name: 'all-containers with a container', args: ['hello-unicode', '--all-containers', '-c', 'hello'], kubectl: fails('error: --all-containers=true should not be specified with container name hello\n') },
  { name: '-c and inline container', args: ['hello-unicode', 'hello', '-c', 'hello'], kubectl: fails('error: only one of -c or an inline [CONTAINER] arg is allowed\n') },
  { name: 'negative limit-bytes', args: ['hello-unicode', '--limit-bytes=-1'], kubectl: fails('error: --limit-bytes must be greater than 0\n') },
  { name: 'negative since', args: ['hello-unicode', '--since=-5s'], kubectl: fails('error: --since must be greater than 0\n') },
  { name: 'tail below -1', args: ['hello-unicode', '--tail=-2'], kubectl: fails('error: --tail must be greater than or equal to -1\n') },
  { name: 'validation comes after the object GET', args: ['nope', '--tail=-2'], kubectl: fails('error: error from server (NotFound): pods "nope" not found in namespace "default"\n') },
  { name: 'zero pod-running-timeout', args: ['hello-unicode', '--pod-running-timeout=0s'], kubectl: fails('error: --pod-running-timeout must be higher than zero\n') },
  { name: 'bad since', args: ['hello-unicode', '--since=90'], kubectl: fails('error: invalid argument "90" for "--since" flag: time: missing unit in duration "90"\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'bad since unit', args: ['hello-unicode', '--since=1d'], kubectl: fails('error: invalid argument "1d" for "--since" flag: time: unknown unit "d" in duration "1d"\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'bad tail', args: ['hello-unicode', '--tail=abc'], kubectl: fails('error: invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'bad max-log-requests', args: ['hello-unicode', '--max-log-requests=1.5'], kubectl: fails('error: invalid argument "1.5" for "--max-log-requests" flag: strconv.ParseInt: parsing "1.5": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'bad limit-bytes', args: ['hello-unicode', '--limit-bytes=1k'], kubectl: fails('error: invalid argument "1k" for "--limit-bytes" flag: strconv.ParseInt: parsing "1k": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'bad pod-running-timeout', args: ['hello-unicode', '--pod-running-timeout=5'], kubectl: fails('error: invalid argument "5" for "--pod-running-timeout" flag: time: missing unit in duration "5"\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'since-time: not a time', args: ['hello-unicode', '--since-time=yesterday'], kubectl: fails('error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n') },
  { name: 'since-time: month out of range', args: ['hello-unicode', '--since-time=2024-13-01T00:00:00Z'], kubectl: fails('error: parsing time "2024-13-01T00:00:00Z": month out of range\n') },
  { name: 'since-time: day out of range', args: ['hello-unicode', '--since-time=2023-02-29T00:00:00Z'], kubectl: fails('error: parsing time "2023-02-29T00:00:00Z": day out of range\n') },
  { name: 'since-time: date only', args: ['hello-unicode', '--since-time=2024-01-01'], kubectl: fails('error: parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"\n') },
  { name: 'since-time: no zone', args: ['hello-unicode', '--since-time=2024-01-01T00:00:00'], kubectl: fails('error: parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"\n') },
  { name: 'since-time: extra text', args: ['hello-unicode', '--since-time=2024-01-01T00:00:00.5+02:00x'], kubectl: fails('error: parsing time "2024-01-01T00:00:00.5+02:00x": extra text: "x"\n') },
  { name: 'since-time: one-digit hour', args: ['hello-unicode', '--since-time=2024-01-01T1:00:00Z'], kubectl: succeeds() },
  { name: 'booleans written =true/=false', args: ['hello-unicode', '--timestamps=false', '--prefix=true', '-f=false'], kubectl: succeeds() },
  { name: 'bad boolean', args: ['hello-unicode', '--follow=maybe'], kubectl: fails('error: invalid argument "maybe" for "-f, --follow" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { name: 'unknown flag', args: ['hello-unicode', '--nope'], kubectl: fails("error: unknown flag: --nope\nSee 'kubectl logs --help' for usage.\n") },
  { name: 'flag without value', args: ['hello-unicode', '--tail'], kubectl: fails("error: flag needs an argument: --tail\nSee 'kubectl logs --help' for usage.\n") },
];

/** On the logs-edge scenario: init and ephemeral containers, bad annotations, pods to choose among. */
export const LOGS_EDGE: LogsCase[] = [
  { name: 'annotation naming no container', args: ['-n', 'edge', 'badann'], kubectl: succeeds('Default container name "nope" not found in pod badann\nDefaulted container "a" out of: a, b\n') },
  { name: 'ephemeral and init containers in the Defaulted line', args: ['-n', 'edge', 'ephem'], kubectl: succeeds('Defaulted container "app" out of: app, side, dbg (ephem), setup (init)\n') },
  { name: '-c ephemeral container', args: ['-n', 'edge', 'ephem', '-c', 'dbg'], kubectl: succeeds() },
  { name: 'annotation naming an init container', args: ['-n', 'edge', 'initann'], kubectl: succeeds() },
  { name: 'all containers: init, regular, ephemeral (random order in kubectl)', args: ['-n', 'edge', 'ephem', '--all-containers', '--prefix'], streams: 'sequential', kubectl: succeeds() },
  { name: 'limit-bytes cuts lines; prefixes stay (random order in kubectl)', args: ['-n', 'edge', 'ephem', '--all-containers', '--limit-bytes=3', '--prefix'], streams: 'sequential', kubectl: succeeds() },
  { name: 'container creating', args: ['-n', 'edge', 'creating'], kubectl: fails('Error from server (BadRequest): container "c" in pod "creating" is waiting to start: ContainerCreating\n') },
  { name: 'image pull error', args: ['-n', 'edge', 'pullerr'], kubectl: fails('Error from server (BadRequest): container "c" in pod "pullerr" is waiting to start: image can\'t be pulled\n') },
  { name: 'no container status', args: ['-n', 'edge', 'nostatus'], kubectl: fails('Error from server (BadRequest): container "c" in pod "nostatus" is not available\n') },
  { name: 'selector over pods with several containers (Defaulted per pod)', args: ['-n', 'edge', '-l', 'app=edge'], streams: 'sequential', kubectl: succeeds('Default container name "nope" not found in pod badann\nDefaulted container "a" out of: a, b\nDefaulted container "app" out of: app, side, dbg (ephem), setup (init)\n') },
  { name: 'selector --all-pods silences Defaulted', args: ['-n', 'edge', '-l', 'app=edge', '--all-pods'], streams: 'sequential', kubectl: succeeds('Default container name "nope" not found in pod badann\n') },
  { name: 'follow finished containers in parallel (random order in kubectl)', args: ['-n', 'edge', '-l', 'app=done', '-f', '--all-containers', '--prefix'], streams: 'interleaved', kubectl: succeeds() },
  { name: 'follow: too many streams', args: ['-n', 'edge', '-l', 'app=done', '-f', '--all-containers', '--max-log-requests=2'], kubectl: fails('error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n') },
  { name: 'config map: no selector', args: ['-n', 'edge', 'cm/cfg'], kubectl: fails('error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n') },
  { name: 'replication controller', args: ['-n', 'pick', 'rc/legacy'], kubectl: succeeds('Found 7 pods, using pod/p-ready-old\n') },
  { name: 'best pod for logging among seven', args: ['-n', 'pick', 'deploy/pick'], kubectl: succeeds('Found 7 pods, using pod/p-ready-old\n') },
  { name: 'job with matchExpressions, --all-pods, errors ignored (random order in kubectl)', args: ['-n', 'pick', 'job/pickjob', '--all-pods', '--ignore-errors'], streams: 'sequential', kubectl: succeeds('empty', /^(?=[^]*^\[pod\/p-ready-old\/c\] the oldest ready pod\n)(?=[^]*^error: container "c" in pod "p-pending" is waiting to start: ContainerCreating\n)/m) },
  { name: 'job with matchExpressions, --all-pods, first error stops', args: ['-n', 'pick', 'job/pickjob', '--all-pods', '--tail=0'], streams: 'sequential', kubectl: fails('Error from server (BadRequest): container "c" in pod "p-pending" is waiting to start: ContainerCreating\n') },
  { name: 'ties: restarts then age', args: ['-n', 'pick', 'rs/tie'], kubectl: succeeds('Found 3 pods, using pod/tie-flaky\n') },
  { name: 'container not in the chosen pod', args: ['-n', 'pick', 'deploy/pick', '-c', 'nope'], kubectl: fails('Found 7 pods, using pod/p-ready-old\nerror: container nope is not valid for pod p-ready-old\n') },
];

interface Block {
  /** `[pod/NAME/CONTAINER]`, or '' for text without a prefix (an --ignore-errors message). */
  stream: string;
  /** The stream's output, without its prefixes. */
  text: string;
}

const PREFIX = /^\[pod\/[^/\]]+\/[^\]]+\] /;

/** Prefixed output as consecutive blocks per stream (a line cut by --limit-bytes has no newline: split at `[pod/`). */
function blocks(stdout: string): Block[] {
  const out: Block[] = [];
  for (const piece of stdout.split(/(?<=\n)|(?=\[pod\/)/)) {
    if (piece === '') continue;
    const stream = PREFIX.exec(piece)?.[0].trimEnd() ?? '';
    const text = piece.slice(stream === '' ? 0 : stream.length + 1);
    const last = out[out.length - 1];
    if (last && last.stream === stream) last.text += text;
    else out.push({ stream, text });
  }
  return out;
}

/** Whether `text` is the concatenation of all of `parts`, in some order (each used once). */
function isPermutationOf(text: string, parts: readonly string[]): boolean {
  if (parts.length === 0) return text === '';
  return parts.some((p, i) => text.startsWith(p) && isPermutationOf(text.slice(p.length), [...parts.slice(0, i), ...parts.slice(i + 1)]));
}

/** kt's documented order of the streams present: pods as the API lists them, containers init → regular → ephemeral. */
function documentedOrder(t: TestSim, namespace: string, present: ReadonlySet<string>): string[] {
  const pods = t.sim.cluster.store.list(typeOf('', 'pods'), namespace) as Pod[];
  return pods
    .flatMap((p) => [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? []), ...(p.spec?.ephemeralContainers ?? [])].map((c) => `[pod/${p.metadata?.name}/${c.name}]`))
    .filter((s) => present.has(s));
}

function namespaceOf(args: readonly string[]): string {
  const i = args.indexOf('-n');
  return i >= 0 ? args[i + 1]! : 'default';
}

/** `sequential`: the same blocks (kubectl's in any order, each stream in one piece), kt's in kt's order. */
async function compareSequential(c: LogsCase, t: TestSim, kt: Result, kubectl: Result): Promise<void> {
  expect({ ...kt, stdout: '' }).toEqual({ ...kubectl, stdout: '' });
  const prefixed = c.args.includes('--prefix') || c.args.includes('--all-pods');
  // Without prefixes the streams cannot be told apart: kt's run with --prefix names them (and must agree).
  const ktBlocks = blocks(prefixed ? kt.stdout : (await runKt(['logs', ...c.args, '--prefix'], t.env)).stdout);
  if (!prefixed) expect(kt.stdout, 'kt without --prefix prints the same blocks, in the same order').toBe(ktBlocks.map((b) => b.text).join(''));
  const texts = ktBlocks.map((b) => b.text);
  if (prefixed) {
    const theirs = blocks(kubectl.stdout);
    const streams = theirs.map((b) => b.stream).filter((s) => s !== '');
    expect(new Set(streams).size, `each of kubectl's streams is one block: ${streams.join(' ')}`).toBe(streams.length);
    const key = (b: Block): string => `${b.stream}\u0000${b.text}`;
    expect(ktBlocks.map(key).sort()).toEqual(theirs.map(key).sort());
  } else {
    expect(isPermutationOf(kubectl.stdout, texts), `kubectl's output is kt's blocks in some order\nkubectl: ${JSON.stringify(kubectl.stdout)}\nkt blocks: ${JSON.stringify(texts)}`).toBe(true);
  }
  const order = ktBlocks.map((b) => b.stream).filter((s) => s !== '');
  expect(order, "kt's documented order").toEqual(documentedOrder(t, namespaceOf(c.args), new Set(order)));
}

/** `interleaved` (-f): per stream, the same lines in the same order. */
function compareInterleaved(kt: Result, kubectl: Result): void {
  const perStream = (stdout: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const b of blocks(stdout)) out[b.stream] = (out[b.stream] ?? '') + b.text;
    return out;
  };
  expect({ ...kt, stdout: perStream(kt.stdout) }).toEqual({ ...kubectl, stdout: perStream(kubectl.stdout) });
}

/** One case: kubectl does what the case says, and kt prints the same (stdout, stderr, exit code). */
export async function checkLogs(c: LogsCase, t: TestSim): Promise<void> {
  const compare = c.streams === 'sequential' ? (kt: Result, kubectl: Result) => compareSequential(c, t, kt, kubectl) : c.streams === 'interleaved' ? compareInterleaved : undefined;
  await expectParity(c.kubectl, ['logs', ...c.args], t.env, compare ? { compare } : {});
}
