// After the debug container exists: kubectl's handleAttachPod. Wait for the container, attach as `kubectl attach`
// would (TTY rules, raw mode, terminal sizes, its notices), and stream the container's logs instead when it has
// already terminated or the attach fails.
import { spawnSync } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { WriteStream } from 'node:tty';
import type { KubeClient } from '../../client/api.js';
import type { CommandContext } from '../../cli/registry.js';
import type { IO } from '../../cli/io.js';
import type { Container, Pod } from '../../k8s/types.js';
import { attachContainer, type AttachStreams, type TerminalSize } from '../../client/attach.js';
import type { DebugOptions } from './options.js';
import { containerStatus, waitForContainer } from './wait.js';

function findContainer(pod: Pod, name: string): { container: Container; ephemeral: boolean } | undefined {
  const s = pod.spec ?? {};
  for (const [list, ephemeral] of [[s.containers, false], [s.initContainers, false], [s.ephemeralContainers, true]] as const) {
    const c = (list ?? []).find((x) => x.name === name);
    if (c) return { container: c, ephemeral };
  }
  return undefined;
}

function writer(out: IO['out']): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8');
  return (chunk) => {
    const text = decoder.write(chunk);
    if (text !== '') out.write(text);
  };
}

/**
 * Node's raw mode keeps output processing on (`\n` becomes `\r\n`); kubectl's (Go's MakeRaw) turns it off, so
 * the container's terminal bytes reach ours unchanged (curses programs move the cursor down with a bare `\n`).
 * Node cannot clear OPOST itself, so `stty` does; leaving raw mode restores the saved termios, OPOST included.
 */
function rawOutput(stdin: NodeJS.ReadableStream): void {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd === 'number') spawnSync('stty', ['-opost'], { stdio: [fd, 'ignore', 'ignore'] });
}

export async function attachToDebugContainer(client: KubeClient, o: DebugOptions, created: Pod, container: string, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const ns = created.metadata?.namespace ?? o.namespace;
  const name = created.metadata?.name ?? '';
  const pod = await waitForContainer(client, ns, name, container, {
    onWaitingMessage: (m) => {
      if (!o.quiet) io.err.write(`Warning: container ${container}: ${m}\n`);
    },
  });
  if (containerStatus(pod, container)?.state?.terminated) return streamLogs(client, ns, name, container, io);
  try {
    await attach(client, o, pod, container, io);
  } catch (e) {
    io.err.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${e instanceof Error ? e.message : String(e)}\n`);
    await streamLogs(client, ns, name, container, io);
  }
}

/** kubectl attach's Run, for a pod and container already known. */
async function attach(client: KubeClient, o: DebugOptions, pod: Pod, containerName: string, io: IO): Promise<void> {
  const found = findContainer(pod, containerName);
  if (!found) throw new Error(`cannot attach to the container: container ${containerName} not found in pod ${pod.metadata?.name ?? ''}`);
  let tty = o.tty;
  if (tty && found.container.tty !== true) {
    tty = false;
    if (!o.quiet) io.err.write(`error: Unable to use a TTY - container ${containerName} did not allocate one\n`);
  } else if (!tty && found.container.tty === true) {
    tty = true;
  }
  // StreamOptions.SetupTTY
  const stdin = o.interactive ? io.in : undefined;
  if (!stdin) tty = false;
  if (tty && stdin && stdin.isTTY !== true) {
    tty = false;
    if (!o.quiet) io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const raw = tty;
  const terminal = io.out.stream as WriteStream | undefined;
  const streams: AttachStreams = {
    ...(stdin ? { stdin } : {}),
    stdout: writer(io.out),
    ...(raw ? {} : { stderr: writer(io.err) }),
    tty: raw,
  };
  if (raw && terminal?.columns && terminal.rows) {
    const size = (): TerminalSize => ({ width: terminal.columns, height: terminal.rows });
    const now = size();
    streams.sizes = {
      initial: [{ width: now.width + 1, height: now.height + 1 }, now],
      subscribe(onResize) {
        const listener = (): void => onResize(size());
        terminal.on('resize', listener);
        return () => terminal.off('resize', listener);
      },
    };
  }
  if (!o.quiet) io.err.write("If you don't see a command prompt, try pressing enter.\n");
  if (raw && stdin?.setRawMode) {
    stdin.setRawMode(true);
    rawOutput(stdin);
  }
  try {
    await attachContainer(client.transport, { namespace: pod.metadata?.namespace ?? o.namespace, pod: pod.metadata?.name ?? '', container: containerName }, streams);
  } finally {
    if (raw) stdin?.setRawMode?.(false);
  }
  if (!o.quiet && o.interactive && raw && pod.spec?.restartPolicy === 'Always') {
    const podName = pod.metadata?.name ?? '';
    io.out.write(
      found.ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${podName} -c ${containerName} -i -t' if it is still running\n`
        : `Session ended, resume using 'kubectl attach ${podName} -c ${containerName} -i -t' command when the pod is running\n`,
    );
  }
}

/** kubectl's logOpts: the container's log so far, copied to stdout. */
async function streamLogs(client: KubeClient, namespace: string, pod: string, container: string, io: IO): Promise<void> {
  const res = await client.streamPodLog(namespace, pod, { container });
  const write = writer(io.out);
  for await (const chunk of res) write(chunk as Buffer);
}
