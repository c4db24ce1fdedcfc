// A recording proxy in front of a test sim: every request that carries a body (POST, PATCH, PUT, DELETE) is kept
// with its body — JSON parsed, Kubernetes protobuf decoded — so tests can compare what kubectl and kt send.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeKubeProtobuf } from '../../src/sim/protobuf.js';

export interface Recorded {
  method: string;
  path: string;
  contentType: string;
  /** The body as sent (text; protobuf as base64). */
  raw: string;
  /** The body as JSON (protobuf decoded), or undefined when empty. */
  body: unknown;
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  writes(): Recorded[];
  clear(): void;
  close(): Promise<void>;
}

export async function startRecorder(target: string): Promise<Recorder> {
  const upstream = new URL(target);
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const buf = Buffer.concat(chunks);
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      let body: unknown;
      if (buf.length > 0) {
        try {
          body = contentType === 'application/vnd.kubernetes.protobuf' ? decodeKubeProtobuf(buf) : JSON.parse(buf.toString('utf8'));
        } catch {
          body = { undecodable: buf.toString('base64') };
        }
      }
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', contentType, raw: contentType.includes('protobuf') ? buf.toString('base64') : buf.toString('utf8'), body });
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(buf);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    clear: () => void requests.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
