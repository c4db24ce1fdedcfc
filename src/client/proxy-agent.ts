// Connections through a cluster's proxy-url (or the environment's proxy), as Go's http.Transport makes them: an
// http:// or https:// proxy is asked to CONNECT to the API server (with Proxy-Authorization from the URL's
// user:password), a socks5:// proxy is spoken to in SOCKS5 (RFC 1928/1929, the host name sent unresolved); then TLS
// to the API server runs inside the tunnel. The agents are Node's own, with only createConnection replaced.
import type { Agent as HttpAgent, AgentOptions } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';

const requireBuiltin = createRequire(import.meta.url);
function builtin<T>(name: string): T {
  return requireBuiltin(name) as T;
}

import type { ClientRequestArgs } from 'node:http';
import type { Duplex } from 'node:stream';

type SocketCallback = (err: Error | null, socket: Duplex) => void;
/** What Node hands createConnection: the target's host and port, and for https the TLS options. */
type TargetOptions = ConnectionOptions & ClientRequestArgs;

/** An agent whose every connection goes through `proxyUrl` to the target, with TLS on top when `tls` is set. */
export function proxyAgent(proxyUrl: string, tls: boolean, options: AgentOptions & ConnectionOptions): HttpAgent {
  const proxy = new URL(proxyUrl);
  const Base = tls ? builtin<typeof import('node:https')>('node:https').Agent : builtin<typeof import('node:http')>('node:http').Agent;
  class ProxyAgent extends Base {
    override createConnection(target: TargetOptions, callback?: SocketCallback): undefined {
      const host = String(target.host ?? 'localhost');
      const port = Number(target.port ?? (tls ? 443 : 80));
      tunnel(proxy, host, port).then(
        (socket) => callback?.(null, tls ? startTls(socket, target, host) : socket),
        (err: Error) => callback?.(err, undefined as unknown as Duplex), // Node's callback takes no stream on error
      );
      return undefined;
    }
  }
  return new ProxyAgent(options);
}

function startTls(socket: Socket, target: TargetOptions, host: string): TLSSocket {
  const { connect } = builtin<typeof import('node:tls')>('node:tls');
  const isIp = builtin<typeof import('node:net')>('node:net').isIP(host) !== 0;
  return connect({ ...target, socket, ...(target.servername || isIp ? {} : { servername: host }) });
}

/** A socket to the proxy itself: TLS for an https:// proxy. */
function dialProxy(proxy: URL): Promise<Socket> {
  const secure = proxy.protocol === 'https:';
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  const port = Number(proxy.port || (secure ? 443 : proxy.protocol === 'socks5:' ? 1080 : 80));
  return new Promise((resolve, reject) => {
    const socket: Socket = secure
      ? builtin<typeof import('node:tls')>('node:tls').connect({ host, port, servername: host }, () => resolve(socket))
      : builtin<typeof import('node:net')>('node:net').connect({ host, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

async function tunnel(proxy: URL, host: string, port: number): Promise<Socket> {
  const socket = await dialProxy(proxy);
  try {
    if (proxy.protocol === 'socks5:') await socks5Connect(socket, proxy, host, port);
    else await httpConnect(socket, proxy, host, port);
    return socket;
  } catch (e) {
    socket.destroy();
    throw e;
  }
}

/** Reads from `socket` until `done(buffered)` says how many bytes make the answer; the rest is pushed back. */
function readUntil(socket: Socket, done: (data: Buffer) => number | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      data = Buffer.concat([data, chunk]);
      const n = done(data);
      if (n === undefined) return;
      cleanup();
      if (n < data.length) socket.unshift(data.subarray(n));
      resolve(data.subarray(0, n));
    };
    const onEnd = (): void => {
      cleanup();
      reject(Object.assign(new Error('EOF'), { code: 'ECONNRESET' }));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
  });
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function httpConnect(socket: Socket, proxy: URL, host: string, port: number): Promise<void> {
  const target = hostPort(host, port);
  const auth = proxy.username !== '' ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  const head = await readUntil(socket, (d) => {
    const end = d.indexOf('\r\n\r\n');
    return end < 0 ? undefined : end + 4;
  });
  const status = /^HTTP\/\d\.\d (\d{3})(?: ([^\r\n]*))?/.exec(head.toString('latin1'));
  if (status?.[1] !== '200') throw new Error(`proxyconnect tcp: ${status ? `${status[1]} ${status[2] ?? ''}`.trim() : 'malformed HTTP response'}`);
}

const SOCKS_REPLIES = [
  'succeeded', 'general SOCKS server failure', 'connection not allowed by ruleset', 'network unreachable',
  'host unreachable', 'connection refused', 'TTL expired', 'command not supported', 'address type not supported',
];

async function socks5Connect(socket: Socket, proxy: URL, host: string, port: number): Promise<void> {
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  socket.write(Buffer.from(user !== '' ? [5, 2, 0, 2] : [5, 1, 0]));
  const [, method] = await readUntil(socket, (d) => (d.length >= 2 ? 2 : undefined));
  if (method === 2) {
    socket.write(Buffer.concat([Buffer.from([1, Buffer.byteLength(user)]), Buffer.from(user), Buffer.from([Buffer.byteLength(password)]), Buffer.from(password)]));
    const [, ok] = await readUntil(socket, (d) => (d.length >= 2 ? 2 : undefined));
    if (ok !== 0) throw new Error('socks connect tcp: username/password authentication failed');
  } else if (method !== 0) {
    throw new Error('socks connect tcp: no acceptable authentication methods');
  }
  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), socksAddress(host), Buffer.from([port >> 8, port & 0xff])]));
  const reply = await readUntil(socket, socksReplyLength);
  if (reply[1] !== 0) throw new Error(`socks connect tcp ${hostPort(host, port)}: ${SOCKS_REPLIES[reply[1] ?? 1] ?? 'unknown error'}`);
}

function socksAddress(host: string): Buffer {
  const net = builtin<typeof import('node:net')>('node:net');
  if (net.isIPv4(host)) return Buffer.from([1, ...host.split('.').map(Number)]);
  if (net.isIPv6(host)) {
    const [head = '', tail] = host.split('::');
    const groups = (part: string | undefined): string[] => (part ? part.split(':') : []);
    const zeros = Array<string>(8 - groups(head).length - groups(tail).length).fill('0');
    const all = tail === undefined ? groups(head) : [...groups(head), ...zeros, ...groups(tail)];
    return Buffer.concat([Buffer.from([4]), Buffer.from(all.map((g) => g.padStart(4, '0')).join(''), 'hex')]);
  }
  return Buffer.concat([Buffer.from([3, Buffer.byteLength(host)]), Buffer.from(host)]);
}

/** A SOCKS5 reply's length: 4 bytes, the bound address (by type) and 2 bytes of port. */
function socksReplyLength(d: Buffer): number | undefined {
  if (d.length < 5) return undefined;
  const type = d[3];
  const address = type === 1 ? 4 : type === 4 ? 16 : type === 3 ? 1 + (d[4] ?? 0) : 0;
  const n = 4 + address + 2;
  return d.length >= n ? n : undefined;
}
