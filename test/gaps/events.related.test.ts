// kt events --for TYPE/NAME --related for a StatefulSet, a DaemonSet, a Job and a Pod (a Deployment's chain is in
// test/events.beyond.test.ts): the object's events, its pods' and their nodes', each once, oldest first — and no
// event of an object outside the chain, though it shares a namespace or a node. kubectl's one `events --for`
// per related object lists the same events.
import { needs } from '../helpers/requirements.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../src/sim/scenario.js';
import { KUBECTL, runKt, runKubectl } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const LIST = '-o=jsonpath={range .items[*]}{.involvedObject.kind}/{.involvedObject.name} {.reason}{"\\n"}{end}';

describe('kt events --related beyond Deployments', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    const now = t.sim.cluster.now();
    let n = 0;
    const event = (namespace: string, kind: string, name: string, reason: string, agoMin: number, type = 'Normal'): void => {
      n++;
      t.sim.cluster.addEvent({
        apiVersion: 'v1', kind: 'Event', metadata: { name: `${name}.gap${n}`, namespace, uid: `gap-event-${n}` }, type, reason, count: 1, message: `${reason} of ${kind}/${name}`,
        involvedObject: { kind, name, apiVersion: kind === 'StatefulSet' || kind === 'DaemonSet' ? 'apps/v1' : kind === 'Job' ? 'batch/v1' : 'v1', ...(kind === 'Node' ? {} : { namespace }) },
        firstTimestamp: formatTime(now - agoMin * 60_000, false), lastTimestamp: formatTime(now - agoMin * 60_000, false), source: { component: 'gap-test' },
      });
    };
    // Related, and distinct from each other by reason.
    event('shop', 'StatefulSet', 'payments', 'SuccessfulCreate', 30);
    event('shop', 'Pod', 'payments-0', 'Unhealthy', 20, 'Warning');
    event('default', 'Node', 'node-a', 'NodeHasDiskPressure', 10, 'Warning');
    event('kube-system', 'DaemonSet', 'kube-proxy', 'SuccessfulCreate', 35);
    event('kube-system', 'Pod', 'kube-proxy-8mwzl', 'Pulled', 25);
    event('batch', 'Pod', 'nightly-report-7xk2p', 'Started', 500);
    // Unrelated: same namespace, same node, or a look-alike name.
    event('shop', 'Pod', 'web-7d9c6b5f4-kx2vq', 'Killing', 15); // on node-a, but not the StatefulSet's
    event('shop', 'StatefulSet', 'payments-archive', 'SuccessfulCreate', 12);
    event('kube-system', 'Pod', 'coredns-668d6bf9bc-4jxlp', 'BackOff', 5, 'Warning');
    event('batch', 'Pod', 'data-export-fail', 'BackoffLimitExceeded', 600, 'Warning');
    event('default', 'Pod', 'bigquery-runner-2', 'Scheduled', 3);
  });
  afterAll(async () => t?.stop());

  const related = async (ns: string, target: string): Promise<string[]> => {
    const r = await runKt(['events', '-n', ns, '--for', target, '--related', LIST], t.env);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    return r.stdout.split('\n').filter(Boolean);
  };

  // [namespace, --for, the related objects (what kubectl needs one --for each for), the events, oldest first]
  const cases: [string, string, string[], string[]][] = [
    ['shop', 'sts/payments', ['statefulset/payments', 'pod/payments-0', 'node/node-a'], ['StatefulSet/payments SuccessfulCreate', 'Pod/payments-0 Unhealthy', 'Node/node-a NodeHasDiskPressure']],
    ['kube-system', 'ds/kube-proxy', ['daemonset/kube-proxy', 'pod/kube-proxy-8mwzl', 'pod/kube-proxy-q7d4t', 'node/node-a', 'node/node-c'], [
      'Node/node-c NodeNotReady', 'Pod/kube-proxy-q7d4t NodeNotReady', 'DaemonSet/kube-proxy SuccessfulCreate', 'Pod/kube-proxy-8mwzl Pulled', 'Node/node-a NodeHasDiskPressure',
    ]],
    ['batch', 'job/nightly-report', ['job/nightly-report', 'pod/nightly-report-7xk2p', 'node/node-b'], [
      'Pod/nightly-report-7xk2p Started', 'Job/nightly-report Completed', 'Node/node-b OOMKilling',
    ]],
    ['default', 'pod/api-gateway-typo', ['pod/api-gateway-typo', 'node/node-a'], ['Node/node-a NodeHasDiskPressure', 'Pod/api-gateway-typo Failed', 'Pod/api-gateway-typo BackOff']],
  ];

  it.each(cases)('-n %s --for %s', async (ns, target, _objects, expected) => {
    expect(await related(ns, target)).toEqual(expected);
  });

  it('each is the union of kubectl events --for over the related objects', needs('kubectl'), async () => {
    for (const [ns, target, objects] of cases) {
      const ours = await related(ns, target);
      const theirs: string[] = [];
      for (const o of objects) {
        const r = await runKubectl(['events', '-n', o.startsWith('node/') ? 'default' : ns, `--for=${o}`, LIST], t.env);
        expect({ o, code: r.code }).toEqual({ o, code: 0 });
        theirs.push(...r.stdout.split('\n').filter(Boolean));
      }
      expect({ target, events: [...ours].sort() }).toEqual({ target, events: [...new Set(theirs)].sort() });
    }
  });

  it('the default table lists the same events, and --types narrows it', async () => {
    const table = await runKt(['events', '-n', 'shop', '--for', 'sts/payments', '--related'], t.env);
    expect(table.stdout.split('\n').filter(Boolean).map((l) => l.split(/ {2,}/).slice(2, 4).join(' '))).toEqual(['REASON OBJECT', 'SuccessfulCreate StatefulSet/payments', 'Unhealthy Pod/payments-0', 'NodeHasDiskPressure Node/node-a']);
    const warnings = await runKt(['events', '-n', 'shop', '--for', 'sts/payments', '--related', '--types=Warning', LIST], t.env);
    expect(warnings.stdout).toBe('Pod/payments-0 Unhealthy\nNode/node-a NodeHasDiskPressure\n');
  });
});
