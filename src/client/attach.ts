// Attaching to a container over a WebSocket, as client-go's remotecommand does it: subprotocol
// v5.channel.k8s.io (v4.channel.k8s.io when the server only speaks that), binary messages whose first byte is the
// channel — 0 stdin, 1 stdout, 2 stderr, 3 the status (a metav1.Status as JSON), 4 terminal size, 255 close
// (v5: half-close a stream, e.g. the end of stdin).
import type { Transport } from './transport.js';
import type { Status } from '../k8s/types.js';

export const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

export interface TerminalSize {
  width: number;
  height: number;
}

export interface AttachStreams {
  /** Sent to the container; undefined asks for no stdin. */
  stdin?: NodeJS.ReadableStream;
  stdout: (chunk: Buffer) => void;
  /** undefined asks for no stderr (a raw TTY carries everything on stdout). */
  stderr?: (chunk: Buffer) => void;
  tty: boolean;
  /** Sizes to send at once (kubectl sends w+1×h+1 and then the real size, to force a redraw), and later changes. */
  sizes?: { initial: TerminalSize[]; subscribe(onResize: (s: TerminalSize) => void): () => void };
}

/** The remote process ended with a non-zero code (client-go's exec.CodeExitError). */
export class ExitCodeError extends Error {
  override name = 'ExitCodeError';
  constructor(readonly exitCode: number) {
    super(`command terminated with exit code ${exitCode}`);
  }
}

/** client-go's errorDecoderV4: the status channel's JSON → nothing (success) or an error. */
export function decodeStatus(text: string): Error | undefined {
  if (text === '') return undefined;
  let status: Status;
  try {
    status = JSON.parse(text) as typeof status;
  } catch (e) {
    return new Error(`error stream protocol error: ${(e as Error).message} in "${text}"`);
  }
  if (status.status === 'Success') return undefined;
  if (status.status !== 'Failure') return new Error('error stream protocol error: unknown error');
  if (status.reason === 'NonZeroExitCode') {
    if (!status.details) return new Error('error stream protocol error: details must be set');
    for (const c of status.details.causes ?? []) {
      if (c.reason !== 'ExitCode') continue; // metav1.StatusCause's Type is `reason` on the wire
      const code = Number(c.message);
      if (!/^\d+$/.test(c.message ?? '') || code > 255) return new Error(`error stream protocol error: invalid exit code value "${c.message}"`);
      return new ExitCodeError(code);
    }
    return new Error('error stream protocol error: no ExitCode cause given');
  }
  return new Error(status.message ?? '');
}

export interface AttachTarget {
  namespace: string;
  pod: string;
  container: string;
}

/** The attach subresource's query, as client-go encodes PodAttachOptions (false values omitted). */
export function attachQuery(container: string, streams: AttachStreams): Record<string, string | undefined> {
  return {
    container,
    stderr: streams.stderr ? 'true' : undefined,
    stdin: streams.stdin ? 'true' : undefined,
    stdout: 'true',
    tty: streams.tty ? 'true' : undefined,
  };
}

/** Streams until the remote side ends; rejects with ExitCodeError for a non-zero exit, or the failure. */
export async function attachContainer(transport: Transport, target: AttachTarget, streams: AttachStreams, signal?: AbortSignal): Promise<void> {
  const { default: WebSocket } = await import('ws');
  const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/attach`;
  const { url, options } = await transport.wsOptions(path, attachQuery(target.container, streams));
  const ws = new WebSocket(url, [...PROTOCOLS], { ...options, headers: options.headers, perMessageDeflate: false } as ConstructorParameters<typeof WebSocket>[2]);
  let statusText = '';
  const cleanups: (() => void)[] = [];
  const send = (channel: number, data: Buffer | string): void => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]));
  };
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error): void => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      if (err) reject(err);
      else resolve();
    };
    const onAbort = (): void => {
      ws.terminate();
      finish(signal?.reason instanceof Error ? signal.reason : new Error('interrupted'));
    };
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let message = body.trim();
        try {
          const s = JSON.parse(body) as Status;
          if (s.kind === 'Status' && s.message) message = s.message;
        } catch {
          // not a Status: keep the text
        }
        finish(new Error(`unable to upgrade connection: ${message || `${res.statusCode}`}`));
      });
    });
    ws.on('error', (e) => finish(e));
    ws.on('open', () => {
      const v5 = ws.protocol === PROTOCOLS[0];
      if (streams.sizes) {
        for (const s of streams.sizes.initial) send(CHANNEL.resize, JSON.stringify({ Width: s.width, Height: s.height }));
        cleanups.push(streams.sizes.subscribe((s) => send(CHANNEL.resize, JSON.stringify({ Width: s.width, Height: s.height }))));
      }
      const stdin = streams.stdin;
      if (stdin) {
        const onData = (d: Buffer | string): void => send(CHANNEL.stdin, typeof d === 'string' ? Buffer.from(d) : d);
        const onEnd = (): void => {
          if (v5) send(CHANNEL.close, Buffer.from([CHANNEL.stdin]));
        };
        stdin.on('data', onData);
        stdin.on('end', onEnd);
        stdin.resume();
        cleanups.push(() => {
          stdin.off('data', onData);
          stdin.off('end', onEnd);
          stdin.pause();
        });
      }
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (!isBinary || buf.length === 0) return;
      const payload = buf.subarray(1);
      switch (buf[0]) {
        case CHANNEL.stdout:
          if (payload.length > 0) streams.stdout(payload);
          break;
        case CHANNEL.stderr:
          if (payload.length > 0) streams.stderr?.(payload);
          break;
        case CHANNEL.error:
          statusText += payload.toString('utf8');
          break;
        default:
          break;
      }
    });
    ws.on('close', () => finish(decodeStatus(statusText)));
  });
}
