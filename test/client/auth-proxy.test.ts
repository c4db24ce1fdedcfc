// What kt does itself since client-node is gone: proxies from proxy-url (HTTP CONNECT, with Proxy-Authorization,
// and SOCKS5), basic auth, the oidc auth provider (id-token, refresh through the issuer, written back to the
// kubeconfig) and the removal notices of gcp and azure. Against `kt sim --tls`, compared with kubectl 1.32 when present.
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect as netConnect, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"none"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');
/** The sim's bearer token is itself a JWT valid for a long time, so an oidc id-token can be it. */
const SIM_TOKEN = jwt({ sub: 'kt', exp: 4_102_444_800 });

let t: TestSim;
let dir: string;
let cluster: Record<string, unknown>;
let n = 0;

beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo', tls: true, token: SIM_TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'kt-auth-'));
  cluster = (parse(t.sim.kubeconfig) as { clusters: { cluster: Record<string, unknown> }[] }).clusters[0]!.cluster;
});
afterAll(async () => t?.stop());

/** A kubeconfig with this user (and cluster fields), and the env to use it. */
function kubeconfig(user: Record<string, unknown>, clusterFields: Record<string, unknown> = {}): { file: string; env: Record<string, string> } {
  const file = join(dir, `kc-${++n}`);
  writeFileSync(file, stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'x',
    clusters: [{ name: 'c', cluster: { ...cluster, ...clusterFields } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
  }));
  return { file, env: { KUBECONFIG: file, KUBECACHEDIR: join(dir, `cache-${n}`), HOME: dir } };
}

async function withKubectl(args: string[], env: Record<string, string>, kt: Result): Promise<void> {
  if (KUBECTL) expect(await runKubectl(args, env)).toEqual(kt);
}

function listen<T extends Server | NetServer>(server: T): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** A CONNECT proxy that records each tunnel's target and Proxy-Authorization, and pipes the bytes. */
function connectProxy(): { server: Server; seen: { target: string; auth: string | undefined }[] } {
  const seen: { target: string; auth: string | undefined }[] = [];
  const server = createHttpServer((_, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    const [host, port] = (req.url ?? '').split(':');
    const upstream = netConnect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, seen };
}

/** A SOCKS5 proxy (no auth, CONNECT only) that records each target. */
function socksProxy(): { server: NetServer; seen: string[] } {
  const seen: string[] = [];
  const server = createNetServer((client) => {
    client.on('error', () => {});
    client.once('data', () => {
      client.write(Buffer.from([5, 0]));
      client.once('data', (req: Buffer) => {
        const type = req[3];
        const host = type === 3 ? req.subarray(5, 5 + (req[4] ?? 0)).toString() : [...req.subarray(4, 8)].join('.');
        const at = type === 3 ? 5 + (req[4] ?? 0) : 8;
        const port = req.readUInt16BE(at);
        seen.push(`${host}:${port}`);
        const upstream = netConnect(port, host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
      });
    });
  });
  return { server, seen };
}

describe('proxy-url', () => {
  const target = (): string => new URL(String(cluster['server'])).host;

  it('http://: every request goes through the proxy with CONNECT, credentials from the URL', async () => {
    const proxy = connectProxy();
    const port = await listen(proxy.server);
    try {
      const { env } = kubeconfig({ token: SIM_TOKEN }, { 'proxy-url': `http://kt:s%40cret@127.0.0.1:${port}` });
      const r = await runKt(['top', 'node'], env);
      expect(r).toMatchObject({ stderr: '', code: 0 });
      expect(r.stdout).toMatch(/^NAME +CPU\(cores\)/);
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(proxy.seen[0]).toEqual({ target: target(), auth: `Basic ${Buffer.from('kt:s@cret').toString('base64')}` });
      const byKt = proxy.seen.length;
      await withKubectl(['top', 'node'], env, r);
      if (KUBECTL) expect(proxy.seen.slice(byKt)[0]).toEqual(proxy.seen[0]);
    } finally {
      proxy.server.close();
    }
  });

  it('socks5://: the connection is made through the SOCKS proxy', async () => {
    const proxy = socksProxy();
    const port = await listen(proxy.server);
    try {
      const { env } = kubeconfig({ token: SIM_TOKEN }, { 'proxy-url': `socks5://127.0.0.1:${port}` });
      const r = await runKt(['top', 'node'], env);
      expect(r).toMatchObject({ stderr: '', code: 0 });
      expect(proxy.seen[0]).toBe(target());
      await withKubectl(['top', 'node'], env, r);
    } finally {
      proxy.server.close();
    }
  });

  it('a proxy that refuses the connection: kubectl\'s refused message, naming the API server', async () => {
    const { env } = kubeconfig({ token: SIM_TOKEN }, { server: String(cluster['server']).replace('127.0.0.1', 'kube.example'), 'proxy-url': 'http://127.0.0.1:1' });
    const r = await runKt(['top', 'node'], env);
    const port = new URL(String(cluster['server'])).port;
    expect(r).toEqual({ stdout: '', stderr: `The connection to the server kube.example:${port} was refused - did you specify the right host or port?\n`, code: 1 });
    await withKubectl(['top', 'node'], env, r);
  });
});

describe('basic auth', () => {
  it('sends the username and password as Basic, masked at -v=9', async () => {
    const { env } = kubeconfig({ username: 'admin', password: 'secret' });
    const r = await runKt(['top', 'node', '-v=9'], env);
    expect(r.code).toBe(1); // the sim wants its token
    expect(r.stderr).toContain('-H "Authorization: Basic <masked>"');
    expect(r.stderr).not.toContain(Buffer.from('admin:secret').toString('base64'));
    expect(r.stderr.endsWith('error: You must be logged in to the server (the server has asked for the client to provide credentials)\n')).toBe(true);
  });
});

describe('auth providers', () => {
  it.each([
    [{ name: 'gcp' }, 'error: The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details\n'],
    [{ name: 'azure', config: { a: 'b' } }, 'error: The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\nSee https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details\n'],
    [{ name: 'foo' }, 'error: no Auth Provider found for name "foo"\n'],
    [{ name: 'oidc' }, 'error: Must provide idp-issuer-url\n'],
    [{ name: 'oidc', config: { 'idp-issuer-url': 'https://127.0.0.1:1' } }, 'error: Must provide client-id\n'],
    [{ name: 'oidc', config: { 'idp-issuer-url': 'https://127.0.0.1:1', 'client-id': 'k' } }, 'Unable to connect to the server: No valid id-token, and cannot refresh without refresh-token\n'],
    [{ name: 'oidc', config: { 'idp-issuer-url': 'https://127.0.0.1:1', 'client-id': 'k', 'id-token': 'not-a-jwt' } }, 'Unable to connect to the server: ID Token is not a valid JWT\n'],
  ])('%j', async (provider, stderr) => {
    const { env } = kubeconfig({ 'auth-provider': provider });
    const r = await runKt(['top', 'node'], env);
    expect(r).toEqual({ stdout: '', stderr, code: 1 });
    await withKubectl(['top', 'node'], env, r);
  });

  it('oidc: a valid id-token is the bearer token', async () => {
    const { env } = kubeconfig({ 'auth-provider': { name: 'oidc', config: { 'idp-issuer-url': 'https://127.0.0.1:1', 'client-id': 'k', 'id-token': SIM_TOKEN } } });
    const r = await runKt(['top', 'node'], env);
    expect(r).toMatchObject({ stderr: '', code: 0 });
    await withKubectl(['top', 'node'], env, r);
  });

  it('oidc: an expired id-token is refreshed through the issuer, and the new tokens are written to the kubeconfig', async () => {
    const calls: string[] = [];
    const issuer = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        calls.push(`${req.method} ${req.url} ${body} ${req.headers.authorization ?? ''}`);
        if (req.url === '/.well-known/openid-configuration') return res.end(JSON.stringify({ issuer: url, token_endpoint: `${url}/token` }));
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ access_token: 'a', token_type: 'Bearer', id_token: SIM_TOKEN, refresh_token: 'rotated' }));
      });
    });
    const url = `http://127.0.0.1:${await listen(issuer)}`;
    try {
      const run = async (via: (args: string[], env: Record<string, string>) => Promise<Result>): Promise<Result> => {
        calls.length = 0;
        const { file, env } = kubeconfig({ 'auth-provider': { name: 'oidc', config: { 'idp-issuer-url': url, 'client-id': 'kt', 'client-secret': 's', 'id-token': jwt({ exp: 1 }), 'refresh-token': 'r1' } } });
        const r = await via(['top', 'node'], env);
        const saved = (parse(readFileSync(file, 'utf8')) as { users: { user: { 'auth-provider': { config: Record<string, string> } } }[] }).users[0]!.user['auth-provider'].config;
        expect(saved).toMatchObject({ 'id-token': SIM_TOKEN, 'refresh-token': 'rotated', 'client-id': 'kt' });
        expect(calls).toEqual([
          'GET /.well-known/openid-configuration  ',
          `POST /token grant_type=refresh_token&refresh_token=r1 Basic ${Buffer.from('kt:s').toString('base64')}`,
        ]);
        return r;
      };
      const r = await run(runKt);
      expect(r).toMatchObject({ stderr: '', code: 0 });
      if (KUBECTL) expect(await run(runKubectl)).toEqual(r);
    } finally {
      issuer.close();
    }
  });
});
