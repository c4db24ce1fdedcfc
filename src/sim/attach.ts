// `pods/NAME/attach` over WebSocket (subprotocols v5.channel.k8s.io and v4.channel.k8s.io), as the apiserver
// serves it to kubectl 1.32 and kt: binary messages prefixed by a channel byte (0 stdin, 1 stdout, 2 stderr,
// 3 status, 4 resize, 255 close). Behind it each container runs a SimShell; its output also goes to the
// container's log, and when it exits the container terminates with that code.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Container, Pod } from '../k8s/types.js';
import type { SimCluster } from './cluster.js';
import { typeOf } from './cluster.js';
import { formatTime } from './scenario.js';
import { SimShell } from './shell.js';
import { badRequest, notFound, type StatusError } from './status.js';
import { containerStatus, podContainer } from '../k8s/pod.js';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const PODS = typeOf('', 'pods');

/** The path of an attach request, or undefined. */
export function attachRoute(path: string): { namespace: string; pod: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/attach\/?$/.exec(path);
  return m ? { namespace: decodeURIComponent(m[1]!), pod: decodeURIComponent(m[2]!) } : undefined;
}

interface Attacher {
  ws: WebSocket;
  stderr: boolean;
}

/** One container's main process: a shell shared by everyone attached to it. */
class SimProcess {
  readonly attachers = new Set<Attacher>();
  private shell: SimShell | undefined;
  private partial = { stdout: '', stderr: '' };
  /** The terminal size last sent on channel 4 (`{"Width":80,"Height":24}`). */
  private size: { width: number; height: number } | undefined;
  exitCode: number | undefined;

  constructor(private readonly cluster: SimCluster, readonly namespace: string, readonly pod: string, readonly container: Container, readonly hostname: string, readonly processes: string[]) {}

  start(tty: boolean): void {
    if (this.shell) return;
    this.shell = new SimShell({ hostname: this.hostname, processes: this.processes, terminalSize: () => this.size }, {
      stdout: (t) => this.emit(1, t),
      stderr: (t) => this.emit(2, t),
      exit: (code) => this.exit(code),
    }, tty);
    const cmd = [...(this.container.command ?? []), ...(this.container.args ?? [])];
    if (this.container.stdin === true) return;
    // Without stdin the process runs its command and ends: `sh -c SCRIPT`, a single command, or a bare shell.
    if (cmd.length >= 3 && /(^|\/)(ba)?sh$/.test(cmd[0]!) && cmd[1] === '-c') this.shell.script(cmd[2]!);
    else if (cmd.length > 0 && !/(^|\/)(ba)?sh$/.test(cmd[0]!)) this.shell.script(cmd.map((w) => (/\s/.test(w) ? `'${w}'` : w)).join(' '));
    else this.shell.end();
  }

  input(data: Buffer): void {
    this.shell?.input(data.toString('utf8'));
  }

  endInput(): void {
    this.shell?.end();
  }

  resize(data: Buffer): void {
    try {
      const s = JSON.parse(data.toString('utf8')) as { Width?: unknown; Height?: unknown };
      if (typeof s.Width === 'number' && typeof s.Height === 'number') this.size = { width: s.Width, height: s.Height };
    } catch {
      // not a size: ignored
    }
  }

  private emit(channel: 1 | 2, text: string): void {
    const key = channel === 1 ? 'stdout' : 'stderr';
    const lines = (this.partial[key] + text).split('\n');
    this.partial[key] = lines.pop()!;
    for (const l of lines) this.cluster.appendLog(this.namespace, this.pod, this.container.name, l.replace(/\r$/, ''));
    for (const a of this.attachers) {
      // Without a stderr stream (a raw TTY) everything goes to stdout.
      const ch = channel === 2 && !a.stderr ? 1 : channel;
      if (a.ws.readyState === a.ws.OPEN) a.ws.send(Buffer.concat([Buffer.from([ch]), Buffer.from(text)]));
    }
  }

  private exit(code: number): void {
    this.exitCode = code;
    terminate(this.cluster, this.namespace, this.pod, this.container.name, code);
    const status = code === 0
      ? { metadata: {}, status: 'Success' }
      : { metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: exit status ${code}`, reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(code) }] } };
    for (const a of this.attachers) {
      if (a.ws.readyState === a.ws.OPEN) {
        a.ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify(status))]));
        a.ws.close(1000);
      }
    }
    this.attachers.clear();
  }
}

/** The kubelet's view after the process ended: the container terminated with its exit code. */
function terminate(cluster: SimCluster, namespace: string, podName: string, container: string, code: number): void {
  const pod = cluster.getPod(namespace, podName);
  if (!pod) return;
  const status = containerStatus(pod, container);
  if (!status) return;
  const now = formatTime(cluster.now(), false);
  status.state = { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: status.state?.running?.startedAt ?? now, finishedAt: now } };
  status.ready = false;
  cluster.store.update(PODS, pod);
}

const processes = new WeakMap<SimCluster, Map<string, SimProcess>>();


/** What `ps` shows beside the shell: the target's process, or every container's with a shared namespace. */
function visibleProcesses(pod: Pod, container: Container): string[] {
  const s = pod.spec ?? {};
  const describe = (c: Container): string => [...(c.command ?? []), ...(c.args ?? [])].join(' ') || (c.image ?? c.name).split('/').pop()!.split(':')[0]!;
  const target = container['targetContainerName'] as string | undefined;
  if (target) {
    const t = podContainer(pod, target);
    return t ? [describe(t)] : [];
  }
  if (s['shareProcessNamespace'] === true) return ['/pause', ...(s.containers ?? []).filter((c) => c.name !== container.name).map(describe)];
  return [];
}

/** Checks an attach request and finds (or starts) the container's process; throws a Status for the client. */
function prepare(cluster: SimCluster, url: URL, route: { namespace: string; pod: string }): { proc: SimProcess; tty: boolean; stdin: boolean; stderr: boolean } {
  const pod = cluster.getPod(route.namespace, route.pod);
  if (!pod) throw notFound('pods', route.pod);
  const q = url.searchParams;
  const truthy = (k: string): boolean => q.get(k) === 'true' || q.get(k) === '1';
  const names = [...(pod.spec?.containers ?? [])].map((c) => c.name);
  const name = q.get('container') || (names.length === 1 ? names[0]! : '');
  if (name === '') throw badRequest(`a container name must be specified for pod ${route.pod}, choose one of: [${names.join(' ')}]`);
  const container = podContainer(pod, name);
  if (!container) throw badRequest(`container ${name} is not valid for pod ${route.pod}`);
  const state = containerStatus(pod, name)?.state;
  if (!state?.running) throw badRequest(`container ${name} is not running`);
  if (!truthy('stdin') && !truthy('stdout') && !truthy('stderr')) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  let byContainer = processes.get(cluster);
  if (!byContainer) processes.set(cluster, (byContainer = new Map()));
  const key = `${route.namespace}/${route.pod}/${name}`;
  let proc = byContainer.get(key);
  if (!proc || proc.exitCode !== undefined) {
    const hostname = pod.spec?.['hostNetwork'] === true ? (pod.spec?.nodeName ?? route.pod) : route.pod;
    proc = new SimProcess(cluster, route.namespace, route.pod, container, hostname, visibleProcesses(pod, container));
    byContainer.set(key, proc);
  }
  return { proc, tty: container.tty === true, stdin: truthy('stdin'), stderr: truthy('stderr') };
}

let wss: WebSocketServer | undefined;

/** Answers an HTTP upgrade on an attach path; `reject` writes a Status error response. */
export async function handleAttachUpgrade(cluster: SimCluster, req: IncomingMessage, socket: Duplex, head: Buffer, route: { namespace: string; pod: string }): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim');
  let prepared: ReturnType<typeof prepare>;
  try {
    prepared = prepare(cluster, url, route);
  } catch (e) {
    const err = e as StatusError;
    const body = JSON.stringify(err.status ?? { message: String(e) });
    socket.end(`HTTP/1.1 ${err.code ?? 500} ${err.status?.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    return;
  }
  if (!wss) {
    const { WebSocketServer } = await import('ws');
    wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false });
  }
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  if (!PROTOCOLS.some((p) => offered.includes(p))) {
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'unable to upgrade: no supported subprotocol (want v5.channel.k8s.io or v4.channel.k8s.io)', reason: 'BadRequest', code: 400 });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    const { proc, tty, stdin, stderr } = prepared;
    const attacher: Attacher = { ws, stderr };
    proc.attachers.add(attacher);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length === 0) return;
      const payload = data.subarray(1);
      if (data[0] === 0 && stdin) proc.input(payload);
      else if (data[0] === 4 && tty) proc.resize(payload);
      else if (data[0] === 255 && payload[0] === 0 && stdin) proc.endInput(); // v5: the client closed stdin
    });
    ws.on('close', () => proc.attachers.delete(attacher));
    proc.start(tty);
  });
}
