// kt debug end to end: the debug container starts in the sim, kt waits for it with a watch, attaches over a
// WebSocket, sends commands on stdin and reads their output and the exit code; real kubectl does the same.
import { needs } from './helpers/requirements.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Transport } from '../src/client/transport.js';
import { KubeClient } from '../src/client/api.js';
import { attachContainer, ExitCodeError, decodeStatus } from '../src/client/attach.js';
import { waitForContainer } from '../src/commands/debug/wait.js';
import { KT_BIN, KUBECTL, type Result } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { runProcess } from './gaps/process.js';

const kt = (args: string[], input: string, env: Record<string, string>): Promise<Result> => runProcess(process.execPath, [KT_BIN, ...args], { NO_COLOR: '1', ...env }, input);
const mask = (s: string): string => s.replace(/debugger-[bcdfghjklmnpqrstvwxz2456789]{5}/g, 'debugger-XXXXX');

describe('kt debug -i attaches to the sim', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it('runs commands from stdin and ends with the shell', async () => {
    const r = await kt(['debug', '-n', 'shop', 'payments-0', '-i', '--image=busybox', '-c', 'dbg-ok'], 'echo hello from kt\nhostname\nexit 0\n', t.env);
    expect(r).toEqual({ stdout: 'hello from kt\npayments-0\n', stderr: "If you don't see a command prompt, try pressing enter.\n", code: 0 });
    const status = t.sim.cluster.getPod('shop', 'payments-0')?.status?.ephemeralContainerStatuses?.find((s) => s.name === 'dbg-ok');
    expect(status?.state?.terminated?.exitCode).toBe(0);
  });

  it("reports a non-zero exit code as kubectl does: the warning, then the container's logs", async () => {
    const r = await kt(['debug', '-n', 'shop', 'payments-0', '-i', '--image=busybox', '--profile=general'], 'echo before\nnosuchcmd\nexit 3\n', t.env);
    expect(mask(r.stdout)).toBe('Defaulting debug container name to debugger-XXXXX.\nbefore\nbefore\nsh: nosuchcmd: not found\n');
    expect(r.stderr).toBe(
      "If you don't see a command prompt, try pressing enter.\nsh: nosuchcmd: not found\nwarning: couldn't attach to pod/payments-0, falling back to streaming logs: command terminated with exit code 3\n",
    );
    expect(r.code).toBe(0);
  });

  it('streams the logs of a container that finished before the attach', async () => {
    const r = await kt(['debug', '-n', 'shop', 'payments-0', '--attach', '--image=busybox', '-q', '--', 'sh', '-c', 'echo from a script; exit 0'], '', t.env);
    expect(r).toEqual({ stdout: 'from a script\n', stderr: '', code: 0 });
  });

  it('attaches to a pod copy and to a node debugger', async () => {
    const copy = await kt(['debug', '-n', 'shop', 'payments-0', '--copy-to=payments-debug', '-i', '--image=busybox', '-c', 'sh', '-q'], 'ps\nexit\n', t.env);
    const ps = ['PID   USER     TIME  COMMAND', '    1 root      0:00 /pause', '    7 root      0:00 postgres', '   13 root      0:00 sh', '   19 root      0:00 ps'];
    expect(copy).toEqual({ stdout: `${ps.join('\n')}\n`, stderr: '', code: 0 });
    expect(t.sim.cluster.getPod('shop', 'payments-debug')?.metadata?.labels).toEqual({ 'kubetriage.dev/debug': 'true' });
    const node = await kt(['debug', 'node/node-a', '-i', '--image=busybox', '-q', '--profile=sysadmin'], 'hostname\n', t.env);
    expect(node).toEqual({ stdout: 'node-a\n', stderr: '', code: 0 });
  });

  it('prints what kubectl prints for the same session', needs('kubectl'), async () => {
    const input = 'echo same\nbad\nexit 4\n';
    const args = ['debug', '-n', 'shop', 'payments-0', '-i', '--image=busybox', '--profile=general'];
    const ours = await kt(args, input, t.env);
    const theirs = await runProcess(KUBECTL!, args, { NO_COLOR: '1', ...t.env }, input);
    expect({ ...ours, stdout: mask(ours.stdout) }).toEqual({ ...theirs, stdout: mask(theirs.stdout) });
  });
});

describe('the attach protocol', () => {
  let t: TestSim;
  let client: KubeClient;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    client = new KubeClient(new Transport({ contextName: 'sim', namespace: 'shop', namespaceFromFlag: false, cluster: { name: 'sim', server: t.sim.url, skipTLSVerify: false }, user: { name: 'sim' }, files: [], empty: false }, { requestTimeoutMs: 0, verbosity: 0, log: () => {} }));
  });
  afterAll(async () => t?.stop());

  it('waits with a watch, attaches over v5 and yields the exit code', async () => {
    await client.patchEphemeralContainers('shop', 'payments-0', { spec: { ephemeralContainers: [{ name: 'probe', image: 'busybox', stdin: true }] } });
    const pod = await waitForContainer(client, 'shop', 'payments-0', 'probe');
    expect(pod.status?.ephemeralContainerStatuses?.find((s) => s.name === 'probe')?.state?.running).toBeDefined();
    const { PassThrough } = await import('node:stream');
    const stdin = new PassThrough();
    let out = '';
    let err = '';
    const done = attachContainer(client.transport, { namespace: 'shop', pod: 'payments-0', container: 'probe' }, {
      stdin,
      stdout: (b) => (out += b.toString()),
      stderr: (b) => (err += b.toString()),
      tty: false,
    });
    stdin.write('echo one\n');
    stdin.write('whoami; missing\n');
    stdin.end('exit 42\n');
    const failure = await done.then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ExitCodeError);
    expect((failure as ExitCodeError).exitCode).toBe(42);
    expect((failure as Error).message).toBe('command terminated with exit code 42');
    expect(out).toBe('one\nroot\n');
    expect(err).toBe('sh: missing: not found\n');
  });

  it('speaks v4.channel.k8s.io to a client that offers only that', async () => {
    await client.patchEphemeralContainers('shop', 'payments-0', { spec: { ephemeralContainers: [{ name: 'probe', image: 'busybox', stdin: true }, { name: 'v4', image: 'busybox', stdin: true }] } });
    await waitForContainer(client, 'shop', 'payments-0', 'v4');
    const ws = new WebSocket(`${t.sim.url.replace('http', 'ws')}/api/v1/namespaces/shop/pods/payments-0/attach?container=v4&stdin=true&stdout=true`, ['v4.channel.k8s.io']);
    const frames: Buffer[] = [];
    ws.on('message', (d: Buffer) => frames.push(Buffer.from(d)));
    await new Promise((resolve) => ws.on('open', resolve));
    expect(ws.protocol).toBe('v4.channel.k8s.io');
    ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('echo v4\nexit\n')]));
    await new Promise((resolve) => ws.on('close', resolve));
    expect(frames.map((f) => [f[0], f.subarray(1).toString()])).toEqual([[1, 'v4\n'], [3, '{"metadata":{},"status":"Success"}']]);
  });

  it('decodes the status channel as client-go does', () => {
    expect(decodeStatus('')).toBeUndefined();
    expect(decodeStatus('{"status":"Success"}')).toBeUndefined();
    expect(decodeStatus('{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"7"}]}}')).toEqual(new ExitCodeError(7));
    expect(decodeStatus('{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[]}}')?.message).toBe('error stream protocol error: no ExitCode cause given');
    expect(decodeStatus('{"status":"Failure","message":"container not found"}')?.message).toBe('container not found');
  });

  it('refuses to attach to a container that is not running', async () => {
    const failure = await attachContainer(client.transport, { namespace: 'shop', pod: 'payments-0', container: 'probe' }, { stdout: () => {}, tty: false }).then(() => undefined, (e: unknown) => e);
    expect((failure as Error).message).toBe('unable to upgrade connection: container probe is not running');
  });
});
