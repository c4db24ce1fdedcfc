// kt debug against real kubectl 1.32 on the same simulated cluster: for each profile and mode, the ephemeral
// container patch or the created pod kt sends equals kubectl's (recorded by a proxy; kubectl's protobuf pods
// decoded by the sim's decoder), and messages, errors and exit codes are identical.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../src/sim/index.js';
import type { KubeObject, Pod } from '../src/k8s/types.js';
import { asKt, KUBECTL, runKt, runKubectl, type Result } from './helpers/kubectl.js';
import { startRecorder, type Recorded, type Recorder } from './helpers/record.js';
import { normalizePod } from './helpers/podjson.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { typeOf } from '../src/sim/cluster.js';

const PODS = typeOf('', 'pods');
const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];

/** A pod with something for every profile and --keep-* flag to change. */
const RICH: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'rich', namespace: 'shop', labels: { app: 'rich', tier: 'backend' }, annotations: { note: 'keep me?' } },
  spec: {
    nodeName: 'node-a',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    securityContext: { runAsUser: 1000, fsGroup: 2000 },
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'rich-cfg', defaultMode: 420 } }],
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }],
    initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
    containers: [
      {
        name: 'app',
        image: 'shop/rich:1.0',
        args: ['--port=8080'],
        env: [{ name: 'MODE', value: 'prod' }],
        ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
        readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 2 },
        startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30 },
        securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      },
      { name: 'sidecar', image: 'envoy:1.30', tty: true, stdin: true },
    ],
  },
  status: {
    phase: 'Running',
    containerStatuses: [
      { name: 'app', ready: true, restartCount: 0, image: 'shop/rich:1.0', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } },
      { name: 'sidecar', ready: true, restartCount: 0, image: 'envoy:1.30', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } },
    ],
  },
};

/** Random name suffixes differ between runs; everything else must not. */
function mask(text: string): string {
  return text.replace(/debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, 'debugger-XXXXX');
}

function maskResult(r: Result): Result {
  return { ...r, stdout: mask(r.stdout), stderr: mask(r.stderr) };
}

/** What a write request means: method, path, and its body in comparable form. */
function meaning(r: Recorded): unknown {
  let body = r.body;
  if (r.method === 'POST' && body) {
    const pod = structuredClone(body) as KubeObject;
    const labels = pod.metadata?.labels;
    if (labels) {
      delete labels['kubetriage.dev/debug']; // kt's own label on the pods it creates
      if (Object.keys(labels).length === 0) delete pod.metadata!.labels;
    }
    body = normalizePod(pod);
  }
  if (r.method === 'DELETE') body = undefined; // DeleteOptions: kubectl sends protobuf {gracePeriodSeconds: 0}
  return { method: r.method, path: mask(r.path.split('?')[0]!), body: JSON.parse(mask(JSON.stringify(body ?? null))) as unknown };
}

describe.skipIf(!KUBECTL)('kt debug sends what kubectl 1.32 sends', () => {
  let t: TestSim;
  let rec: Recorder;
  let env: Record<string, string>;
  let baseline: Map<string, KubeObject>;

  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    t.sim.cluster.addObject(structuredClone(RICH));
    const withEphemeral = structuredClone(RICH);
    withEphemeral.metadata!.name = 'rich-debugged';
    withEphemeral.spec!.ephemeralContainers = [{ name: 'old-debugger', image: 'busybox', terminationMessagePolicy: 'File' }];
    t.sim.cluster.addObject(withEphemeral);
    rec = await startRecorder(t.sim.url);
    const dir = mkdtempSync(join(tmpdir(), 'kt-debug-'));
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigFor(rec.url, undefined));
    writeFileSync(join(dir, 'custom.json'), JSON.stringify({ env: [{ name: 'EXTRA', value: '1' }], securityContext: { runAsUser: 0 }, stdin: false, resources: { limits: { cpu: '1' } } }));
    // Ephemeral containers may not set resources (the apiserver's allow-list), so the ephemeral cases use this one.
    writeFileSync(join(dir, 'custom-ephemeral.json'), JSON.stringify({ env: [{ name: 'EXTRA', value: '1' }], securityContext: { runAsUser: 0 }, stdin: false }));
    writeFileSync(join(dir, 'custom.yaml'), 'volumeMounts:\n- name: data\n  mountPath: /data\nworkingDir: /data\n');
    writeFileSync(join(dir, 'bad-custom.json'), JSON.stringify({ image: 'nope' }));
    env = { ...t.env, KUBECONFIG: join(dir, 'kubeconfig'), DIR: dir };
    baseline = new Map(t.sim.cluster.store.list(PODS).map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, structuredClone(p)]));
  });
  afterAll(async () => {
    await rec?.close();
    await t?.stop();
  });

  /** Undo what a run did: pods it created go, pods it patched get their old spec back. */
  function reset(): void {
    for (const p of t.sim.cluster.store.list(PODS)) {
      const key = `${p.metadata?.namespace}/${p.metadata?.name}`;
      const before = baseline.get(key);
      if (!before) t.sim.cluster.deletePod(p.metadata!.namespace!, p.metadata!.name!);
      else if (JSON.stringify(before.spec) !== JSON.stringify(p.spec) || JSON.stringify(before.status) !== JSON.stringify(p.status)) {
        t.sim.cluster.store.update(PODS, { ...structuredClone(before), metadata: { ...before.metadata } });
      }
    }
    for (const [key, p] of baseline) {
      const [ns, name] = key.split('/');
      if (!t.sim.cluster.getPod(ns!, name!)) t.sim.cluster.addObject(structuredClone(p));
    }
  }

  async function run(tool: 'kt' | 'kubectl', args: string[]): Promise<{ result: Result; writes: unknown[] }> {
    reset();
    rec.clear();
    const expanded = args.map((a) => a.replace('$DIR', env['DIR']!));
    const result = tool === 'kt' ? await runKt(expanded, env) : await runKubectl(expanded, env);
    const writes = rec.writes().map(meaning);
    return { result: maskResult(tool === 'kubectl' ? { ...result, stderr: asKt(result.stderr) } : result), writes };
  }

  async function compare(args: string[], writes = true): Promise<{ kt: { result: Result; writes: unknown[] }; kubectl: { result: Result; writes: unknown[] } }> {
    const kubectl = await run('kubectl', args);
    const kt = await run('kt', args);
    if (writes) expect(kt.writes).toEqual(kubectl.writes);
    expect(kt.result).toEqual(kubectl.result);
    return { kt, kubectl };
  }

  beforeEach(() => reset());

  const ephemeral: string[][] = [];
  for (const profile of PROFILES) {
    ephemeral.push(['debug', '-n', 'shop', 'rich', '--image=busybox', `--profile=${profile}`]);
    ephemeral.push(['debug', '-n', 'shop', 'rich', '--image=busybox:1.36', `--profile=${profile}`, '-c', 'dbg', '--target=app', '-it', '--attach=false', '--env=K=v', '--image-pull-policy=Always', '--', 'sh', '-c', 'sleep 1d']);
    ephemeral.push(['debug', '-n', 'shop', 'rich', '--image=busybox', `--profile=${profile}`, '--custom=$DIR/custom-ephemeral.json', '--arguments-only', '--', 'top', '-b']);
  }
  ephemeral.push(['debug', '-n', 'shop', 'rich-debugged', '--image=busybox', '--profile=general', '-q']);
  ephemeral.push(['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '--custom=$DIR/custom.yaml']);
  ephemeral.push(['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '-c', 'app']);
  ephemeral.push(['debug', 'rich', '--namespace=shop', '--image=busybox', '--profile=baseline', '--env=A=', '-i', '--attach=false']);

  it.each(ephemeral.map((args) => ({ args })))('ephemeral: kt $args', async ({ args }) => {
    const { kt, kubectl } = await compare(args);
    if (!args.includes('app') || !args.includes('-c')) {
      expect(kubectl.result.code).toBe(0);
      expect(kt.writes).toHaveLength(1);
    }
  });

  const copies: string[][] = [];
  for (const profile of PROFILES) {
    copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', `--profile=${profile}`]);
    copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', `--profile=${profile}`, '-c', 'dbg', '--keep-labels', '--keep-annotations', '--keep-liveness', '--keep-readiness', '--keep-startup', '--keep-init-containers=false', '--same-node', '--share-processes=false', '--', 'sh']);
    copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', `--profile=${profile}`, '-c', 'app', '--set-image=sidecar=envoy:debug', '--env=DEBUG=1', '-it', '--attach=false', '--arguments-only', '--', '--verbose']);
    copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', `--profile=${profile}`, '--set-image=*=busybox,app=shop/rich:debug']);
  }
  copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', '--profile=general', '--custom=$DIR/custom.json', '--replace']);
  copies.push(['debug', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--copy-to=co', '--image=busybox', '--profile=restricted', '--share-processes=true']);
  copies.push(['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', '--profile=netadmin', '-c', 'app', '--', 'ip', 'a']);

  it.each(copies.map((args) => ({ args })))('copy: kt $args', async ({ args }) => {
    // Real kubectl creates these pods in protobuf: the sim decodes them (its protobuf.ts) and they succeed.
    const { kt, kubectl } = await compare(args);
    expect(kubectl.result.code).toBe(0);
    expect(kt.writes.length).toBeGreaterThanOrEqual(1);
  });

  const nodes: string[][] = [];
  for (const profile of PROFILES) {
    nodes.push(['debug', 'node/node-a', '--image=busybox', `--profile=${profile}`]);
    nodes.push(['debug', 'nodes/node-b', '--image=busybox', `--profile=${profile}`, '-c', 'shell', '--env=X=y', '-it', '--attach=false', '--image-pull-policy=IfNotPresent', '--custom=$DIR/custom.json', '--', 'chroot', '/host']);
  }
  nodes.push(['debug', 'no/node-a', '--image=busybox', '--profile=sysadmin', '-n', 'kube-system', '-q']);

  it.each(nodes.map((args) => ({ args })))('node: kt $args', async ({ args }) => {
    const mask2 = (r: { result: Result; writes: unknown[] }): unknown => JSON.parse(JSON.stringify(r).replace(/(node-debugger-node-[ab])-[bcdfghjklmnpqrstvwxz2456789]{5}/g, '$1-XXXXX'));
    const kubectl = await run('kubectl', args);
    const kt = await run('kt', args);
    expect(mask2(kt)).toEqual(mask2(kubectl));
    expect(kubectl.result.code).toBe(0);
    expect(kt.writes).toHaveLength(1);
  });

  const errors: string[][] = [
    ['debug'],
    ['debug', 'x'],
    ['debug', '--image=busybox'],
    ['debug', 'x', '--image=Bad Image'],
    ['debug', 'x', '--image=busybox', '--profile=foo'],
    ['debug', 'x', '--image=busybox', '--replace'],
    ['debug', 'x', '--image=busybox', '--same-node'],
    ['debug', 'x', '--image=busybox', '--set-image=a=b'],
    ['debug', 'x', '--copy-to=y'],
    ['debug', 'x', '--copy-to=y', '--', 'sh'],
    ['debug', 'x', '--copy-to=y', '--image=b', '--target=a'],
    ['debug', 'x', '--copy-to=y', '--set-image=a=Bad_Image'],
    ['debug', 'x', '--attach', '--copy-to=y', '--set-image=a=b'],
    ['debug', 'x', '--image=b', '--image-pull-policy=Sometimes'],
    ['debug', 'x', '--image=b', '-t', '--profile=general'],
    ['debug', 'x', '--image=b', '--target=a', '-t', '--profile=general'],
    ['debug', 'x', '--image=b', '--target=a', '-q', '-t', '--profile=general'],
    ['debug', 'x', '--image=b', '--custom=/nope'],
    ['debug', 'x', '--image=b', '--custom=$DIR/bad-custom.json', '--profile=general'],
    ['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '--custom=$DIR/custom.json'],
    ['debug', 'x', '--env', 'foo', '--image=b'],
    ['debug', 'x', '--set-image', 'c', '--image=b'],
    ['debug', 'x', '-i=maybe', '--image=b'],
    ['debug', 'x', '--nope'],
    ['debug', 'nope', '--image=busybox', '--profile=general'],
    ['debug', 'nope', '--image=busybox', '--profile=legacy'],
    ['debug', 'node/nope', '--image=busybox', '--profile=general'],
    ['debug', 'svc/web', '-n', 'shop', '--image=busybox', '--profile=general'],
    ['debug', 'deploy/nope', '--image=busybox', '--profile=general'],
    ['debug', 'rs/checkout-6f8b9c7d5', '-n', 'shop', '--image=busybox', '--profile=general'],
    ['debug', 'foo/bar', '--image=busybox', '--profile=general'],
    ['debug', 'node/', '--image=busybox', '--profile=general'],
    ['debug', 'pod/', '--image=busybox', '--profile=legacy'],
    ['debug', 'a/b/c', '--image=busybox', '--profile=general'],
    ['debug', 'rich', '-n', 'shop', '--image=busybox', '--profile=general', '-c', 'sidecar'],
    ['debug', 'rich', '-n', 'shop', '--copy-to=payments-0', '--image=busybox', '--profile=general'],
  ];

  it.each(errors.map((args) => ({ args })))('messages and errors: kt $args', async ({ args }) => {
    await compare(args);
  });

  it('a debug container named like an existing ephemeral container: the same refusal (the patches differ)', async () => {
    // kubectl's patch for two same-named list items is an artefact of its diff; both are refused the same way.
    const { kt } = await compare(['debug', 'rich-debugged', '-n', 'shop', '--image=busybox', '--profile=general', '-c', 'old-debugger'], false);
    expect(kt.result.code).toBe(1);
  });
});
