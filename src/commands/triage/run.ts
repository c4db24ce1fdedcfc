// `kt triage`: find the pods (POD, TYPE/NAME, -l, or -A --unhealthy), triage each, print the report with its
// verdict first, and exit 0 when healthy, 2 when not.
import { splitTarget } from '../../k8s/target.js';
import type { KubeClient } from '../../client/api.js';
import type { CommandContext } from '../../cli/registry.js';
import { openSession } from '../../cli/session.js';
import { ExitError, KtError } from '../../errors.js';
import { colorsFor } from '../../print/color.js';
import { formatExplain, kubectlWords, type ExplainLine } from '../../cli/explain.js';
import { printObject } from '../../print/output.js';
import { triageReport, type PodReport, type TriageReport } from '../../report/triage.js';
import { printTriage } from '../../print/triage.js';
import type { Pod } from '../../k8s/types.js';
import { LOG_TAIL, triagePod } from './collect.js';
import { completeTriage, EXIT_UNHEALTHY, TRIAGE_KINDS, validateTriage, type TriageFlags, type TriageOptions } from './options.js';

async function findPods(client: KubeClient, o: TriageOptions): Promise<{ target: string; pods: Pod[] }> {
  if (o.target !== '') {
    // The kind is checked before its pods are looked up (a node or a service has no pods of its own to triage).
    const target = splitTarget(o.target);
    const { kind } = await client.targetType(target);
    if (!TRIAGE_KINDS.includes(kind)) throw new KtError(`cannot triage a ${kind}: name a pod, deployment, replicaset, statefulset, daemonset or job`);
    const { type, pods } = await client.podsFor(o.namespace, target, 'triage');
    return { target: `${type.kind.toLowerCase()}/${target.name}`, pods };
  }
  const ns = o.allNamespaces ? undefined : o.namespace;
  const pods = (await client.listPods(ns, { labelSelector: o.selector })).items;
  const target = [o.selector ? `-l ${o.selector}` : '', o.allNamespaces ? '--all-namespaces' : `-n ${o.namespace}`, o.unhealthyOnly ? '--unhealthy' : ''].filter(Boolean).join(' ');
  return { target, pods };
}

const byName = (a: Pod, b: Pod): number =>
  `${a.metadata?.namespace}/${a.metadata?.name}` < `${b.metadata?.namespace}/${b.metadata?.name}` ? -1 : 1;

/** The kubectl commands that answer the same questions for each pod in the report. */
export function explainTriage(r: TriageReport, o: TriageOptions, ctx: Pick<CommandContext, 'globals'>): ExplainLine[] {
  const g = { ...ctx.globals, namespace: undefined };
  const k = (...words: string[]): ExplainLine => ({ command: [...kubectlWords(g), ...words] });
  const lines: ExplainLine[] = [];
  if (o.target === '') {
    lines.push(k('get', 'pods', ...(o.allNamespaces ? ['-A'] : ['-n', o.namespace]), ...(o.selector ? ['-l', o.selector] : []), '-o', 'wide'));
    if (o.unhealthyOnly) lines.push({ note: 'kubectl has no --unhealthy: read the STATUS and READY columns' });
  }
  for (const p of r.pods) {
    const ns = ['-n', p.namespace];
    lines.push(k('describe', 'pod', p.name, ...ns));
    for (const owner of p.owners) lines.push(k('events', ...ns, '--for', owner.toLowerCase(), '--types=Warning'));
    lines.push(k('events', ...ns, '--for', `pod/${p.name}`, '--types=Warning'));
    if (p.node) lines.push(k('events', '-n', 'default', '--for', `node/${p.node.name}`, '--types=Warning'));
    for (const l of p.logs.filter((x) => !x.error)) lines.push(k('logs', ...ns, p.name, '-c', l.container, ...(l.previous ? ['--previous'] : []), `--tail=${LOG_TAIL}`));
    if (p.usage) lines.push(k('top', 'pod', p.name, ...ns, '--containers'));
    if (p.node) {
      lines.push(k('describe', 'node', p.node.name));
      if (p.usage) lines.push(k('top', 'node', p.node.name));
    }
  }
  return lines;
}

export async function triage(ctx: CommandContext, flags: TriageFlags, args: readonly string[]): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  let unhealthy = false;
  try {
    const o = completeTriage(flags, args, session.namespace);
    validateTriage(o);
    const client = await session.client();
    const found = await findPods(client, o);
    const now = ctx.io.now();
    const reports: PodReport[] = [];
    for (const pod of [...found.pods].sort(byName)) reports.push(await triagePod(client, pod, now));
    const shown = o.unhealthyOnly ? reports.filter((p) => !p.healthy) : reports;
    const report = triageReport(found.target, shown, reports.length);
    if (o.explain) ctx.io.err.write(formatExplain(explainTriage(report, o, ctx), ctx.globals));
    if (o.output) ctx.io.out.write(printObject(report, o.output));
    else ctx.io.out.write(printTriage(report, now, colorsFor(o.color, ctx.io.out, ctx.io.env)));
    unhealthy = !report.healthy;
  } finally {
    await session.close();
  }
  if (unhealthy) throw new ExitError(EXIT_UNHEALTHY);
}
