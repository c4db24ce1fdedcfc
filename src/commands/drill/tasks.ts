// `kt drill`'s practice tasks, after the CKA's troubleshooting questions. Each poses a question about the demo
// scenario, is answered with plain kubectl (an answer file or a change to the cluster), and is checked against
// the sim's state at check time — never against a stored answer.
import type { KubeClient } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import { eventSortTime } from '../../print/events.js';
import { ZERO_TIME } from '../../k8s/time.js';
import { formatCpuMillis, formatMemoryMi, Quantity } from '../../k8s/quantity.js';
import { podUsage } from '../../report/top.js';

export interface CheckInput {
  client: KubeClient;
  /** The answer file's text, undefined when it does not exist. */
  answer: string | undefined;
  /** When the answer file was last written (ms), for questions about "the last N minutes". */
  answeredAt: number | undefined;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface DrillTask {
  name: string;
  title: string;
  /** The question, given the answer file's path. */
  prompt(answerFile: string): string;
  /** One way to answer with kubectl (shown after a check). */
  solution(answerFile: string): string[];
  check(input: CheckInput): Promise<CheckResult>;
}

const answerWords = (answer: string): string[] => answer.split(/\s+/).filter((w) => w !== '');
const noAnswer = (file: string): CheckResult => ({ ok: false, message: `no answer yet: write it to ${file}` });

/** The answer names exactly `expected` (as NAME or NAMESPACE/NAME). */
function namesOnly(answer: string, expected: string, namespace?: string): boolean {
  const words = answerWords(answer);
  return words.length === 1 && (words[0] === expected || (namespace !== undefined && words[0] === `${namespace}/${expected}`));
}

const highestCpu: DrillTask = {
  name: 'highest-cpu',
  title: 'Find the pod with the highest CPU usage',
  prompt: (f) => `Find the pod that uses the most CPU, across all namespaces, and write its name (NAME only) to ${f}.`,
  solution: (f) => [`kubectl top pod -A --sort-by=cpu --no-headers | head -1 | awk '{print $2}' > ${f}`],
  async check({ client, answer }) {
    const items = (await client.listPodMetrics(undefined, {})).items.map((m) => ({ m, cpu: podUsage(m).cpu }));
    items.sort((a, b) => Number(b.cpu.milliValue() - a.cpu.milliValue()));
    const top = items[0]!;
    const name = top.m.metadata?.name ?? '';
    if (answer === undefined) return noAnswer('the answer file');
    if (namesOnly(answer, name, top.m.metadata?.namespace)) return { ok: true, message: `${name} uses the most CPU (${formatCpuMillis(top.cpu)})` };
    return { ok: false, message: `the answer is "${answerWords(answer).join(' ')}"; expected the one pod name with the highest CPU` };
  },
};

const previousLog: DrillTask = {
  name: 'previous-log',
  title: 'Read the log of a crashed container',
  prompt: (f) => `A pod of deployment checkout in namespace shop keeps restarting. Write the last line its app container logged before it was killed to ${f}.`,
  solution: (f) => ['kubectl get pods -n shop -l app=checkout', `kubectl logs -n shop deploy/checkout -c app --previous --tail=1 > ${f}`],
  async check({ client, answer }) {
    const pod = (await client.listPods('shop', { labelSelector: 'app=checkout' })).items[0];
    if (!pod) return { ok: false, message: 'the checkout pod is gone' };
    const res = await client.streamPodLog('shop', pod.metadata?.name ?? '', { container: 'app', previous: true });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const expected = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n').pop() ?? '';
    if (answer === undefined) return noAnswer('the answer file');
    const last = answer.trimEnd().split('\n').pop()?.trim() ?? '';
    // `kubectl logs --timestamps` puts the time first; accept it.
    if (last === expected || last.endsWith(` ${expected}`)) return { ok: true, message: `the previous instance of app ended with: ${expected}` };
    return { ok: false, message: `the answer's last line is "${last}"; that is not the last line of the previous instance (hint: --previous)` };
  },
};

const WINDOW_MS = 5 * 60_000;
const SLACK_MS = 30_000;

const recentWarnings: DrillTask = {
  name: 'warning-events',
  title: 'List the Warning events of the last 5 minutes',
  prompt: (f) => `Save the Warning events of the last 5 minutes, in all namespaces, to ${f} (the lines of kubectl's table; older events must not be in it).`,
  solution: (f) => [`kubectl events -A --types=Warning > ${f}   # then delete the rows whose LAST SEEN is over 5m`],
  async check({ client, answer, answeredAt }) {
    if (answer === undefined || answeredAt === undefined) return noAnswer('the answer file');
    const warnings = (await client.listEvents(undefined)).items.filter((e) => e.type === 'Warning');
    const age = (ns: bigint): number => answeredAt - Number(ns / 1_000_000n);
    const missing: string[] = [];
    const extra: string[] = [];
    for (const e of warnings) {
      const t = eventSortTime(e);
      if (t === ZERO_TIME) continue;
      const name = e.involvedObject?.name ?? '';
      const listed = answer.includes(name);
      if (age(t) <= WINDOW_MS - SLACK_MS && !listed) missing.push(`${e.reason} ${e.involvedObject?.kind}/${name}`);
      if (age(t) > WINDOW_MS + SLACK_MS && listed) extra.push(`${e.reason} ${e.involvedObject?.kind}/${name}`);
    }
    if (missing.length === 0 && extra.length === 0) return { ok: true, message: 'every Warning event of the last 5 minutes, and no older one' };
    const parts = [missing.length ? `missing: ${missing.join(', ')}` : '', extra.length ? `older than 5 minutes: ${extra.join(', ')}` : ''].filter(Boolean);
    return { ok: false, message: parts.join('; ') };
  },
};

const nodeUsage: DrillTask = {
  name: 'node-usage',
  title: 'Check node usage',
  prompt: (f) => `Which node uses the highest percentage of its allocatable memory? Write its name to ${f}.`,
  solution: (f) => ['kubectl top node --sort-by=memory', `kubectl top node --no-headers | sort -k5 -n -r | head -1 | awk '{print $1}' > ${f}`],
  async check({ client, answer }) {
    const [metrics, nodes] = await Promise.all([client.listNodeMetrics({}), client.listNodes()]);
    let best: { name: string; pct: number; used: string } | undefined;
    for (const m of metrics.items) {
      const node = nodes.items.find((n) => n.metadata?.name === m.metadata?.name);
      const alloc = node?.status?.allocatable?.['memory'];
      if (!alloc) continue;
      const used = Quantity.parse(m.usage?.['memory'] ?? '0');
      const pct = Number(used.value()) / Number(Quantity.parse(alloc).value());
      if (!best || pct > best.pct) best = { name: m.metadata?.name ?? '', pct, used: formatMemoryMi(used) };
    }
    if (!best) return { ok: false, message: 'no node metrics' };
    if (answer === undefined) return noAnswer('the answer file');
    if (namesOnly(answer, best.name)) return { ok: true, message: `${best.name} uses ${Math.trunc(best.pct * 100)}% of its memory (${best.used})` };
    return { ok: false, message: `the answer is "${answerWords(answer).join(' ')}"; expected the one node name with the highest MEMORY%` };
  },
};

const DEBUG_POD = 'web-7d9c6b5f4-kx2vq';

const debugContainer: DrillTask = {
  name: 'debug-container',
  title: 'Add a debug container',
  prompt: () => `Add an ephemeral debug container with image busybox to pod ${DEBUG_POD} in namespace shop, sharing the process namespace of its nginx container. (No answer file: the cluster is checked.)`,
  solution: () => [`kubectl debug -n shop ${DEBUG_POD} --image=busybox --target=nginx`],
  async check({ client }) {
    let pod;
    try {
      pod = await client.getPod('shop', DEBUG_POD);
    } catch (e) {
      if (e instanceof ApiError && e.httpCode === 404) return { ok: false, message: `pod ${DEBUG_POD} is gone` };
      throw e;
    }
    const eph = pod.spec?.ephemeralContainers ?? [];
    const busybox = eph.filter((c) => /^(docker\.io\/(library\/)?)?busybox(:|@|$)/.test(c.image ?? ''));
    const hit = busybox.find((c) => c.targetContainerName === 'nginx');
    if (hit) return { ok: true, message: `ephemeral container ${hit.name} (${hit.image}) targets nginx` };
    if (busybox.length > 0) return { ok: false, message: `${busybox.map((c) => c.name).join(', ')} runs busybox but does not target nginx (hint: --target)` };
    return { ok: false, message: `pod ${DEBUG_POD} has no busybox ephemeral container${eph.length ? ` (it has: ${eph.map((c) => `${c.name}=${c.image}`).join(', ')})` : ''}` };
  },
};

export const TASKS: readonly DrillTask[] = [highestCpu, previousLog, recentWarnings, nodeUsage, debugContainer];
