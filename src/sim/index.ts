// Starting a simulated cluster: load a scenario, serve it, and describe how to reach it as a kubeconfig.
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { SimCluster } from './cluster.js';
import { loadScenarioFile, type Scenario } from './scenario.js';
import { parseScaleSpec, scaleScenario } from './scale.js';
import { serve, type RunningSim, type ServeOptions } from './server.js';
import { Faults, type FaultRule } from './faults.js';

export interface StartSimOptions {
  scenario?: string;
  frozen?: boolean;
  port?: number;
  host?: string;
  /** Bearer token (TLS only; a random one when not given). */
  token?: string;
  /**
   * Serve HTTPS with a generated CA and require a bearer token. Plain HTTP requires none: client-go never sends
   * a bearer token over plain HTTP, so kubectl could not authenticate there anyway.
   */
  tls?: boolean;
  onRequest?: ServeOptions['onRequest'];
  now?: () => number;
  /** Fault injection rules (faults.ts); more can be added later through `sim.faults`. */
  faults?: readonly FaultRule[];
}

export interface StartedSim extends RunningSim {
  cluster: SimCluster;
  token: string | undefined;
  /** PEM of the CA that signed the server certificate (TLS only). */
  caCert: string | undefined;
  /** A kubeconfig (YAML) with one context, `kt-sim`, pointing at this sim. */
  kubeconfig: string;
  /** The sim's fault rules: `sim.faults.add({ path: '**\/log', action: { kind: 'cut', afterLines: 3 } })`. */
  faults: Faults;
  stop(): Promise<void>;
}

export async function startSim(options: StartSimOptions = {}): Promise<StartedSim> {
  const now = options.now ?? Date.now;
  const cluster = new SimCluster({ frozen: options.frozen ?? false, now });
  cluster.load(loadScenario(options.scenario ?? 'demo', now()));
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls ? await (await import('./tls.js')).generateSimTls(host) : undefined;
  const token = tls ? (options.token ?? randomBytes(16).toString('hex')) : undefined;
  const faults = new Faults(options.faults ?? []);
  const running = await serve(cluster, {
    host,
    faults,
    ...(token ? { token } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const kubeconfig = kubeconfigFor(running.url, token, tls ? Buffer.from(tls.caCert).toString('base64') : undefined);
  return {
    ...running,
    cluster,
    token,
    caCert: tls?.caCert,
    kubeconfig,
    faults,
    stop: async () => {
      cluster.stop();
      await running.close();
    },
  };
}

/** A scenario by name (a file in fixtures/), by path, or `scale:pods=N,…` (built in memory, for benchmarks). */
export function loadScenario(nameOrPath: string, now: number): Scenario {
  if (nameOrPath === 'scale' || nameOrPath.startsWith('scale:')) return scaleScenario(parseScaleSpec(nameOrPath.slice(6)), now);
  return loadScenarioFile(nameOrPath, now);
}

export function kubeconfigFor(server: string, token: string | undefined, caData?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kt-sim', cluster: { server, ...(caData ? { 'certificate-authority-data': caData } : {}) } }],
    users: [{ name: 'kt-sim', user: token ? { token } : {} }],
    contexts: [{ name: 'kt-sim', context: { cluster: 'kt-sim', user: 'kt-sim', namespace: 'default' } }],
    'current-context': 'kt-sim',
    preferences: {},
  });
}
