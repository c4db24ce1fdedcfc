// kt top's --resources tables over the report model: usage beside requests and limits, the last termination's age,
// rows over 90 % of a limit flagged, and --sum's total ruled off under the usage columns as in kubectl's table.
import { describe, expect, it } from 'vitest';
import { printNodeResources, printPodResources } from '../../src/print/top-resources.js';
import { nodeUsageList, podUsageList } from '../../src/report/top.js';
import type { Node, Pod, PodMetrics } from '../../src/k8s/types.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

const metrics: PodMetrics[] = [
  { metadata: { namespace: 'shop', name: 'web' }, containers: [{ name: 'nginx', usage: { cpu: '5m', memory: '9Mi' } }] },
  {
    metadata: { namespace: 'shop', name: 'checkout' },
    containers: [
      { name: 'app', usage: { cpu: '913m', memory: '509Mi' } },
      { name: 'proxy', usage: { cpu: '36m', memory: '58Mi' } },
    ],
  },
];
const pods: Pod[] = [
  { metadata: { namespace: 'shop', name: 'web' }, spec: { containers: [{ name: 'nginx', resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } } }] } },
  {
    metadata: { namespace: 'shop', name: 'checkout' },
    spec: {
      containers: [
        { name: 'app', resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } } },
        { name: 'proxy', resources: { limits: { cpu: '2', memory: '1Gi' } } },
      ],
    },
    status: {
      containerStatuses: [
        { name: 'app', restartCount: 4, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-25T11:57:00Z' } } },
        { name: 'proxy', restartCount: 0 },
      ],
    },
  },
];

const report = (sum: boolean) => podUsageList(metrics, pods, { sortBy: '', withNamespace: false, sum, resources: true });

describe('printPodResources', () => {
  it('prints usage against requests and limits, restarts and the last termination, flagging rows over 90 %', () => {
    const t = printPodResources(report(false), { containers: true, withNamespace: false, noHeaders: false }, NOW);
    expect(t.text).toBe(
      'POD        NAME    CPU(cores)   CPU REQUEST   CPU LIMIT   MEMORY(bytes)   MEMORY REQUEST   MEMORY LIMIT   RESTARTS   LAST TERMINATION\n' +
        'checkout   app     913m         250m (365%)   1 (91%)     509Mi           256Mi (198%)     512Mi (99%)    4          OOMKilled (exit 137) 3m ago\n' +
        'checkout   proxy   36m          -             2 (1%)      58Mi            -                1Gi (5%)       0          -\n' +
        'web        nginx   5m           100m (5%)     -           9Mi             -                128Mi (7%)     0          -\n',
    );
    expect(t.hot).toEqual([false, true, false, false]);
  });

  it('--sum adds kubectl\'s ruled-off total under the CPU and memory usage columns', () => {
    const t = printPodResources(report(true), { containers: false, withNamespace: true, noHeaders: false }, NOW);
    expect(t.text).toBe(
      'NAMESPACE   NAME       CPU(cores)   CPU REQUEST   CPU LIMIT   MEMORY(bytes)   MEMORY REQUEST   MEMORY LIMIT   RESTARTS   LAST TERMINATION\n' +
        'shop        checkout   949m         250m (379%)   3 (31%)     567Mi           256Mi (221%)     1536Mi (36%)   4          OOMKilled (exit 137) 3m ago\n' +
        'shop        web        5m           100m (5%)     -           9Mi             -                128Mi (7%)     0          -\n' +
        '                       ________                               ________\n' +
        '                       954m                                   576Mi\n',
    );
    expect(t.hot).toEqual([false, false, false, false, false]);
  });

  it('--sum with --containers and --no-headers keeps the total under the usage columns', () => {
    const t = printPodResources(report(true), { containers: true, withNamespace: false, noHeaders: true }, NOW);
    expect(t.text).toBe(
      'checkout   app     913m       250m (365%)   1 (91%)   509Mi   256Mi (198%)   512Mi (99%)   4     OOMKilled (exit 137) 3m ago\n' +
        'checkout   proxy   36m        -             2 (1%)    58Mi    -              1Gi (5%)      0     -\n' +
        'web        nginx   5m         100m (5%)     -         9Mi     -              128Mi (7%)    0     -\n' +
        '                   ________                           ________\n' +
        '                   954m                               576Mi\n',
    );
  });
});

describe('printNodeResources', () => {
  it('prints <unknown> for a node without metrics and flags a node over 90 % of allocatable', () => {
    const nodes: Node[] = [
      { metadata: { name: 'a' }, status: { allocatable: { cpu: '1', memory: '1Gi' } } },
      { metadata: { name: 'b' }, status: { allocatable: { cpu: '4', memory: '8Gi' } } },
    ];
    const list = nodeUsageList([{ metadata: { name: 'a' }, usage: { cpu: '950m', memory: '100Mi' } }], nodes, [], { sortBy: '', showCapacity: false });
    const t = printNodeResources(list, false);
    expect(t.text).toBe(
      'NAME   CPU(cores)   CPU(%)      CPU REQUESTS   CPU LIMITS   MEMORY(bytes)   MEMORY(%)   MEMORY REQUESTS   MEMORY LIMITS   PODS\n' +
        'a      950m         95%         0 (0%)         0 (0%)       100Mi           9%          0 (0%)            0 (0%)          0\n' +
        'b      <unknown>    <unknown>   -              -            <unknown>       <unknown>   -                 -               -\n',
    );
    expect(t.hot).toEqual([false, true, false]);
  });
});
