// The client layer against the simulated cluster: paging, selectors, errors in kubectl's words, log streams
// (including the cases client-node gets wrong), a plain watch, patches and creates. The surviving watch has
// its own file (watch.test.ts).
import { splitTarget } from '../../src/k8s/target.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/client/api.js';
import { watch } from '../../src/client/watch.js';
import { ApiError, ConnectionError } from '../../src/client/errors.js';
import { resolveConfig } from '../../src/client/kubeconfig/index.js';
import { readAll, Transport } from '../../src/client/transport.js';
import { formatError } from '../../src/cli/handle-error.js';
import type { CoreEvent } from '../../src/k8s/types.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

function clientFor(kubeconfig: string, verbosity = 0, log: string[] = []): KubeClient {
  const config = resolveConfig({ kubeconfig }, {});
  return new KubeClient(new Transport(config, { requestTimeoutMs: 5000, verbosity, log: (l) => log.push(l) }));
}

const requests: string[] = [];

describe('client layer against the sim', () => {
  let t: TestSim;
  let client: KubeClient;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', onRequest: (r) => requests.push(`${r.method} ${r.url}`) });
    client = clientFor(t.kubeconfig);
  });
  afterAll(async () => t?.stop());

  it('follows continue tokens until a list is complete', async () => {
    requests.length = 0;
    const all = await client.listEvents(undefined, { limit: 3 });
    const direct = await client.listEvents(undefined, { limit: 500 });
    expect(all.items.map((e) => e.metadata?.name)).toEqual(direct.items.map((e) => e.metadata?.name));
    expect(all.items.length).toBeGreaterThan(3);
    expect(requests.filter((r) => r.startsWith('GET /api/v1/events?continue=')).length).toBe(Math.ceil(all.items.length / 3) - 1);
    expect(all.metadata?.continue).toBeUndefined();
  });

  it('lists namespaces page by page, with a field selector', async () => {
    const all = await client.listNamespaces({ limit: 2 });
    expect(all.items.map((n) => n.metadata?.name)).toEqual(['batch', 'default', 'kube-system', 'quiet', 'shop']);
    const one = await client.listNamespaces({ fieldSelector: 'metadata.name=shop' });
    expect(one.items.map((n) => n.metadata?.name)).toEqual(['shop']);
  });

  it('sends label and field selectors', async () => {
    const pods = await client.listPods('shop', { labelSelector: 'app=web', fieldSelector: 'spec.nodeName=node-b' });
    expect(pods.items.map((p) => p.metadata?.name)).toEqual(['web-7d9c6b5f4-zt8mn']);
  });

  it('turns a missing object into kubectl\'s NotFound message', async () => {
    const err = await client.getPod('default', 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(formatError(err, { commandPath: 'kt' })).toEqual({ text: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });

  it('finds metrics.k8s.io through discovery', async () => {
    expect(await client.hasMetricsAPI()).toBe(true);
    expect(await client.hasGroupVersion('metrics.k8s.io/v1')).toBe(false);
  });

  it('sends tailLines=0 and gets no lines (client-node drops the parameter and returns the whole log)', async () => {
    const res = await client.streamPodLog('shop', 'web-7d9c6b5f4-kx2vq', { container: 'nginx', tailLines: 0 });
    expect(await readAll(res)).toBe('');
    const all = await readAll(await client.streamPodLog('shop', 'web-7d9c6b5f4-kx2vq', { container: 'nginx' }));
    expect(all.split('\n').length).toBe(5);
  });

  it('keeps the server\'s error text for log requests', async () => {
    const err = await client.streamPodLog('shop', 'payments-0', { container: 'postgres', previous: true }).catch((e: unknown) => e);
    expect(formatError(err, { commandPath: 'kt' }).text).toBe('Error from server (BadRequest): previous terminated container "postgres" in pod "payments-0" not found\n');
  });

  it('follows a log, receives lines appended later, and aborts without crashing', async () => {
    const controller = new AbortController();
    const res = await client.streamPodLog('default', 'hello-unicode', { container: 'hello', follow: true, tailLines: 1 }, controller.signal);
    const received: string[] = [];
    res.setEncoding('utf8');
    const done = new Promise<void>((resolve) => {
      res.on('data', (d: string) => {
        received.push(d);
        if (received.join('').includes('appended ✓')) resolve();
      });
    });
    t.sim.cluster.appendLog('default', 'hello-unicode', 'hello', 'appended ✓');
    await done;
    const closed = new Promise((r) => res.once('close', r));
    controller.abort();
    await closed;
    expect(received.join('')).toBe("tab\tseparated\tfields\nappended ✓\n");
  });

  it('watches events: initial ADDED, then new ones, until aborted', async () => {
    requests.length = 0;
    const seen: string[] = [];
    const controller = new AbortController();
    const watching = watch<CoreEvent>(client, {
      path: '/api/v1/namespaces/batch/events',
      from: { resourceVersion: '' },
      firstWatch: 'plain',
      onEvent: (e) => {
        seen.push(`${e.type} ${e.object.reason}`);
        if (e.object.reason === 'Completed') t.sim.cluster.addEvent({ metadata: { name: 'x.1', namespace: 'batch' }, involvedObject: { kind: 'Job', name: 'nightly-report' }, reason: 'BackoffLimitExceeded', type: 'Warning', message: 'Job has reached the specified backoff limit' } as CoreEvent);
        if (e.object.reason === 'BackoffLimitExceeded') controller.abort();
      },
      signal: controller.signal,
    });
    expect(await watching).toEqual({ kind: 'aborted' });
    expect(seen).toEqual(['ADDED Completed', 'ADDED BackoffLimitExceeded']);
    expect(requests.filter((r) => r.startsWith('GET /api/v1/namespaces/batch/events'))).toEqual(['GET /api/v1/namespaces/batch/events?watch=true']);
  });

  it('resolves TYPE/NAME to pods through discovery and the object\'s selector', async () => {
    const deploy = await client.podsFor('shop', splitTarget('deploy/web'), 'get the logs from');
    expect(deploy.type.kind).toBe('Deployment');
    expect(deploy.pods.map((p) => p.metadata?.name)).toEqual(['web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn']);
    expect((await client.podsFor('shop', splitTarget('sts/payments'), 'get the logs from')).pods.map((p) => p.metadata?.name)).toEqual(['payments-0']);
    expect((await client.podsFor('shop', splitTarget('svc/web'), 'get the logs from')).pods).toHaveLength(2);
    expect((await client.podsFor('shop', splitTarget('payments-0'), 'get the logs from')).pods).toHaveLength(1);
    await expect(client.podsFor('shop', splitTarget('svc/legacy-db'), 'get the logs from')).rejects.toThrow("cannot get the logs from *v1.Service: invalid service 'legacy-db': Service is defined without a selector");
    const unknown = await client.podsFor('shop', splitTarget('widgets/x'), 'get the logs from').catch((e: unknown) => e);
    expect(formatError(unknown, { commandPath: 'kt' }).text).toBe('error: the server doesn\'t have a resource type "widgets"\n');
  });

  it('adds an ephemeral container with a strategic merge patch, and the sim starts it', async () => {
    const patched = await client.patchEphemeralContainers('shop', 'payments-0', { spec: { ephemeralContainers: [{ name: 'debugger-abcde', image: 'busybox', terminationMessagePolicy: 'File', resources: {} }] } });
    expect(patched.spec?.ephemeralContainers?.map((c) => c.name)).toEqual(['debugger-abcde']);
    // The sim starts it a moment later, as a kubelet would: wait for that (the ceiling only ends a hung test).
    const end = Date.now() + 10_000;
    let pod = await client.getPod('shop', 'payments-0');
    while (!pod.status?.ephemeralContainerStatuses?.[0]?.state?.running && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      pod = await client.getPod('shop', 'payments-0');
    }
    expect(pod.status?.ephemeralContainerStatuses?.[0]?.state?.running).toBeDefined();
  });

  it('creates and deletes a pod', async () => {
    const created = await client.createPod('default', { metadata: { name: 'made-by-test' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    expect(created.metadata?.uid).toBeTruthy();
    await client.deletePod('default', 'made-by-test', 0);
    await expect(client.getPod('default', 'made-by-test')).rejects.toBeInstanceOf(ApiError);
  });

  it('logs requests at -v=6 and masks the bearer token at every level', async () => {
    const tls = await startTestSim({ scenario: 'demo', tls: true, token: 'sekret-token-123' });
    try {
      const log: string[] = [];
      const verbose = clientFor(tls.kubeconfig, 9, log);
      await verbose.getPod('shop', 'payments-0');
      expect(log.some((l) => /round_trippers.go:\d+\] GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/shop\/pods\/payments-0 200 OK in \d+ milliseconds$/.test(l))).toBe(true);
      expect(log.join('\n')).toContain('Authorization: Bearer <masked>');
      expect(log.join('\n')).not.toContain('sekret-token-123');
    } finally {
      await tls.stop();
    }
  });

  it('reports 401 from a TLS sim without the right token in kubectl\'s words', async () => {
    const tls = await startTestSim({ scenario: 'demo', tls: true, token: 'right' });
    try {
      const config = resolveConfig({ kubeconfig: tls.kubeconfig, token: 'wrong' }, {});
      const c = new KubeClient(new Transport(config, { requestTimeoutMs: 5000, verbosity: 0, log: () => {} }));
      const err = await c.getPod('shop', 'payments-0').catch((e: unknown) => e);
      expect(formatError(err, { commandPath: 'kt' }).text).toBe('error: You must be logged in to the server (Unauthorized)\n');
      const discovery = await c.hasMetricsAPI().catch((e: unknown) => e);
      expect(formatError(discovery, { commandPath: 'kt' }).text).toBe('error: You must be logged in to the server (the server has asked for the client to provide credentials)\n');
    } finally {
      await tls.stop();
    }
  });

  it('words a refused connection as kubectl does', async () => {
    const c = new KubeClient(new Transport(resolveConfig({ server: 'http://127.0.0.1:1' }, {}), { requestTimeoutMs: 2000, verbosity: 0, log: () => {} }));
    const err = await c.getPod('default', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(formatError(err, { commandPath: 'kt' }).text).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n');
  });
});
