// kt debug against real kubectl 1.32 on the same simulated cluster: for each profile and mode, the ephemeral
// container patch or the created pod kt sends equals kubectl's (recorded by a proxy; kubectl's protobuf pods
// decoded by the sim's decoder), and messages, errors and exit codes are identical.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../src/sim/index.js';
import type { KubeObject, Pod } from '../src/k8s/types.js';
import { runKt, runKubectl, type Result } from './helpers/kubectl.js';
import { compareResults, fails, quiet, succeeds, type KubectlExpectation } from './helpers/parity.js';
import { needs } from './helpers/requirements.js';
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
  return text.replace(/debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, 'debugger-XXXXX').replace(/(node-debugger-node-[ab])-[bcdfghjklmnpqrstvwxz2456789]{5}/g, '$1-XXXXX');
}

/** kubectl 1.32's default profile is legacy; asking for it by name warns just the same. */
const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const warns = (profile: string): string => (profile === 'legacy' ? LEGACY : 'empty');
const DEFAULTING = 'Defaulting debug container name to debugger-XXXXX.\n';

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

describe('kt debug sends what kubectl 1.32 sends', needs('kubectl'), () => {
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
    return { result: maskResult(result), writes };
  }

  /** One after the other (each from the same starting state): kubectl does what `want` says, kt the same. */
  async function compare(want: KubectlExpectation, args: string[], writes = true): Promise<{ kt: { result: Result; writes: unknown[] }; kubectl: { result: Result; writes: unknown[] } }> {
    const kubectl = await run('kubectl', args);
    const kt = await run('kt', args);
    await compareResults(want, kt.result, kubectl.result);
    if (writes) expect(kt.writes).toEqual(kubectl.writes);
    return { kt, kubectl };
  }

  beforeEach(() => reset());

  const ephemeral: { args: string[]; kubectl: KubectlExpectation }[] = [];
  for (const profile of PROFILES) {
    ephemeral.push({ args: ['debug', '-n', 'shop', 'rich', '--image=busybox', `--profile=${profile}`], kubectl: succeeds(warns(profile), DEFAULTING) });
    ephemeral.push({
      args: ['debug', '-n', 'shop', 'rich', '--image=busybox:1.36', `--profile=${profile}`, '-c', 'dbg', '--target=app', '-it', '--attach=false', '--env=K=v', '--image-pull-policy=Always', '--', 'sh', '-c', 'sleep 1d'],
      kubectl: succeeds(warns(profile), 'Targeting container "app". If you don\'t see processes from this container'),
    });
    ephemeral.push({ args: ['debug', '-n', 'shop', 'rich', '--image=busybox', `--profile=${profile}`, '--custom=$DIR/custom-ephemeral.json', '--arguments-only', '--', 'top', '-b'], kubectl: succeeds(warns(profile), DEFAULTING) });
  }
  ephemeral.push({ args: ['debug', '-n', 'shop', 'rich-debugged', '--image=busybox', '--profile=general', '-q'], kubectl: quiet() });
  ephemeral.push({ args: ['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '--custom=$DIR/custom.yaml'], kubectl: succeeds('empty', DEFAULTING) });
  ephemeral.push({ args: ['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '-c', 'app'], kubectl: fails('The Pod "rich" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"\n') });
  ephemeral.push({ args: ['debug', 'rich', '--namespace=shop', '--image=busybox', '--profile=baseline', '--env=A=', '-i', '--attach=false'], kubectl: succeeds('empty', DEFAULTING) });

  it.each(ephemeral)('ephemeral: kt $args', async ({ args, kubectl: want }) => {
    const { kt } = await compare(want, args);
    // One PATCH of the ephemeral containers; the refused one (a duplicate name) is sent too.
    expect(kt.writes).toHaveLength(1);
  });

  const copies: { args: string[]; kubectl: KubectlExpectation }[] = [];
  for (const profile of PROFILES) {
    copies.push({ args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', `--profile=${profile}`], kubectl: succeeds(warns(profile), DEFAULTING) });
    copies.push({
      args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', `--profile=${profile}`, '-c', 'dbg', '--keep-labels', '--keep-annotations', '--keep-liveness', '--keep-readiness', '--keep-startup', '--keep-init-containers=false', '--same-node', '--share-processes=false', '--', 'sh'],
      kubectl: quiet(warns(profile)),
    });
    copies.push({ args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', `--profile=${profile}`, '-c', 'app', '--set-image=sidecar=envoy:debug', '--env=DEBUG=1', '-it', '--attach=false', '--arguments-only', '--', '--verbose'], kubectl: quiet(warns(profile)) });
    copies.push({ args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', `--profile=${profile}`, '--set-image=*=busybox,app=shop/rich:debug'], kubectl: quiet(warns(profile)) });
  }
  copies.push({ args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', '--profile=general', '--custom=$DIR/custom.json', '--replace'], kubectl: succeeds('empty', DEFAULTING) });
  copies.push({ args: ['debug', '-n', 'shop', 'checkout-6f8b9c7d5-p4x7w', '--copy-to=co', '--image=busybox', '--profile=restricted', '--share-processes=true'], kubectl: succeeds('empty', DEFAULTING) });
  copies.push({ args: ['debug', '-n', 'shop', 'rich', '--copy-to=rich-copy', '--image=busybox', '--profile=netadmin', '-c', 'app', '--', 'ip', 'a'], kubectl: quiet() });

  it.each(copies)('copy: kt $args', async ({ args, kubectl: want }) => {
    // Real kubectl creates these pods in protobuf: the sim decodes them (its protobuf.ts) and they succeed.
    const { kt } = await compare(want, args);
    expect(kt.writes.length).toBeGreaterThanOrEqual(1);
  });

  const nodes: { args: string[]; kubectl: KubectlExpectation }[] = [];
  for (const profile of PROFILES) {
    nodes.push({ args: ['debug', 'node/node-a', '--image=busybox', `--profile=${profile}`], kubectl: succeeds(warns(profile), 'Creating debugging pod node-debugger-node-a-XXXXX with container debugger on node node-a.\n') });
    nodes.push({
      args: ['debug', 'nodes/node-b', '--image=busybox', `--profile=${profile}`, '-c', 'shell', '--env=X=y', '-it', '--attach=false', '--image-pull-policy=IfNotPresent', '--custom=$DIR/custom.json', '--', 'chroot', '/host'],
      kubectl: succeeds(warns(profile), 'Creating debugging pod node-debugger-node-b-XXXXX with container shell on node node-b.\n'),
    });
  }
  nodes.push({ args: ['debug', 'no/node-a', '--image=busybox', '--profile=sysadmin', '-n', 'kube-system', '-q'], kubectl: quiet() });

  it.each(nodes)('node: kt $args', async ({ args, kubectl: want }) => {
    const { kt } = await compare(want, args);
    expect(kt.writes).toHaveLength(1);
  });

  const errors: { args: string[]; kubectl: KubectlExpectation }[] = [
    { args: ['debug'], kubectl: fails('error: you must specify --image when not using --copy-to.\n') },
    { args: ['debug', 'x'], kubectl: fails('error: you must specify --image when not using --copy-to.\n') },
    { args: ['debug', '--image=busybox'], kubectl: fails('error: NAME or filename is required for debug\n') },
    { args: ['debug', 'x', '--image=Bad Image'], kubectl: fails('error: invalid image name "Bad Image": invalid reference format\n') },
    { args: ['debug', 'x', '--image=busybox', '--profile=foo'], kubectl: fails('error: unknown profile: foo\n') },
    { args: ['debug', 'x', '--image=busybox', '--replace'], kubectl: fails('error: --replace may only be used with --copy-to.\n') },
    { args: ['debug', 'x', '--image=busybox', '--same-node'], kubectl: fails('error: --same-node may only be used with --copy-to.\n') },
    { args: ['debug', 'x', '--image=busybox', '--set-image=a=b'], kubectl: fails('error: --set-image may only be used with --copy-to.\n') },
    { args: ['debug', 'x', '--copy-to=y'], kubectl: fails('error: you must specify --image, --set-image or command arguments.\n') },
    { args: ['debug', 'x', '--copy-to=y', '--', 'sh'], kubectl: fails('error: you must specify an existing container or a new image when specifying args.\n') },
    { args: ['debug', 'x', '--copy-to=y', '--image=b', '--target=a'], kubectl: fails('error: --target is incompatible with --copy-to. Use --share-processes instead.\n') },
    { args: ['debug', 'x', '--copy-to=y', '--set-image=a=Bad_Image'], kubectl: fails('error: invalid image name "Bad_Image" for container "a": invalid reference format\n') },
    { args: ['debug', 'x', '--attach', '--copy-to=y', '--set-image=a=b'], kubectl: fails('error: you must specify --container or create a new container using --image in order to attach.\n') },
    { args: ['debug', 'x', '--image=b', '--image-pull-policy=Sometimes'], kubectl: fails('error: invalid image pull policy: Sometimes\n') },
    { args: ['debug', 'x', '--image=b', '-t', '--profile=general'], kubectl: fails('error: -i/--stdin is required for containers with -t/--tty=true\n') },
    { args: ['debug', 'x', '--image=b', '--target=a', '-t', '--profile=general'], kubectl: fails('error: -i/--stdin is required for containers with -t/--tty=true\n', { stdout: 'Targeting container "a". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.' }) },
    { args: ['debug', 'x', '--image=b', '--target=a', '-q', '-t', '--profile=general'], kubectl: fails('error: -i/--stdin is required for containers with -t/--tty=true\n') },
    { args: ['debug', 'x', '--image=b', '--custom=/nope'], kubectl: fails('error: must pass a container spec json file for custom profile: open /nope: no such file or directory\n') },
    { args: ['debug', 'x', '--image=b', '--custom=$DIR/bad-custom.json', '--profile=general'], kubectl: fails('error: name, command, image, lifecycle and volume devices are not modifiable via custom profile\n') },
    { args: ['debug', '-n', 'shop', 'rich', '--image=busybox', '--profile=general', '--custom=$DIR/custom.json'], kubectl: fails('The Pod "rich" is invalid: spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container\n', { stdout: DEFAULTING }) },
    { args: ['debug', 'x', '--env', 'foo', '--image=b'], kubectl: fails('error: invalid argument "foo" for "--env" flag: foo must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n') },
    { args: ['debug', 'x', '--set-image', 'c', '--image=b'], kubectl: fails('error: invalid argument "c" for "--set-image" flag: c must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n') },
    { args: ['debug', 'x', '-i=maybe', '--image=b'], kubectl: fails('error: invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl debug --help\' for usage.\n') },
    { args: ['debug', 'x', '--nope'], kubectl: fails("error: unknown flag: --nope\nSee 'kubectl debug --help' for usage.\n") },
    { args: ['debug', 'nope', '--image=busybox', '--profile=general'], kubectl: fails('Error from server (NotFound): pods "nope" not found\n') },
    { args: ['debug', 'nope', '--image=busybox', '--profile=legacy'], kubectl: fails(LEGACY + 'Error from server (NotFound): pods "nope" not found\n') },
    { args: ['debug', 'node/nope', '--image=busybox', '--profile=general'], kubectl: fails('Error from server (NotFound): nodes "nope" not found\n') },
    { args: ['debug', 'svc/web', '-n', 'shop', '--image=busybox', '--profile=general'], kubectl: fails('error: "/v1, Kind=Service" not supported by debug\n') },
    { args: ['debug', 'deploy/nope', '--image=busybox', '--profile=general'], kubectl: fails('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { args: ['debug', 'rs/checkout-6f8b9c7d5', '-n', 'shop', '--image=busybox', '--profile=general'], kubectl: fails('error: "apps/v1, Kind=ReplicaSet" not supported by debug\n') },
    { args: ['debug', 'foo/bar', '--image=busybox', '--profile=general'], kubectl: fails('error: the server doesn\'t have a resource type "foo"\n') },
    { args: ['debug', 'node/', '--image=busybox', '--profile=general'], kubectl: fails('error: arguments in resource/name form must have a single resource and name\n') },
    { args: ['debug', 'pod/', '--image=busybox', '--profile=legacy'], kubectl: fails(LEGACY + 'error: arguments in resource/name form must have a single resource and name\n') },
    { args: ['debug', 'a/b/c', '--image=busybox', '--profile=general'], kubectl: fails('error: arguments in resource/name form may not have more than one slash\n') },
    { args: ['debug', 'rich', '-n', 'shop', '--image=busybox', '--profile=general', '-c', 'sidecar'], kubectl: fails('The Pod "rich" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "sidecar"\n') },
    { args: ['debug', 'rich', '-n', 'shop', '--copy-to=payments-0', '--image=busybox', '--profile=general'], kubectl: fails('Error from server (AlreadyExists): pods "payments-0" already exists\n', { stdout: DEFAULTING }) },
  ];

  it.each(errors)('messages and errors: kt $args', async ({ args, kubectl: want }) => {
    await compare(want, args);
  });

  it('a debug container named like an existing ephemeral container: the same refusal (the patches differ)', async () => {
    // kubectl's patch for two same-named list items is an artefact of its diff; both are refused the same way.
    await compare(fails('The Pod "rich-debugged" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "old-debugger" may not be changed\n'), ['debug', 'rich-debugged', '-n', 'shop', '--image=busybox', '--profile=general', '-c', 'old-debugger'], false);
  });
});
