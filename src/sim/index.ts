// Starting a simulated cluster: load a scenario, serve it, and describe how to reach it as a kubeconfig.
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { SimCluster } from './cluster.js';
import { loadScenario } from './scenario.js';
import { serve, type RunningSim, type ServeOptions } from './server.js';

export interface StartSimOptions {
  scenario?: string;
  frozen?: boolean;
  port?: number;
  host?: string;
  /** Bearer token; a random one when not given. */
  token?: string;
  tls?: ServeOptions['tls'];
  onRequest?: ServeOptions['onRequest'];
  now?: () => number;
}

export interface StartedSim extends RunningSim {
  cluster: SimCluster;
  token: string;
  /** A kubeconfig (YAML) with one context, `kt-sim`, pointing at this sim. */
  kubeconfig: string;
  stop(): Promise<void>;
}

export async function startSim(options: StartSimOptions = {}): Promise<StartedSim> {
  const now = options.now ?? Date.now;
  const cluster = new SimCluster({ frozen: options.frozen ?? false, now });
  cluster.load(loadScenario(options.scenario ?? 'demo', now()));
  const token = options.token ?? randomBytes(16).toString('hex');
  const running = await serve(cluster, {
    token,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const kubeconfig = kubeconfigFor(running.url, token);
  return {
    ...running,
    cluster,
    token,
    kubeconfig,
    stop: async () => {
      cluster.stop();
      await running.close();
    },
  };
}

export function kubeconfigFor(server: string, token: string, caData?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kt-sim', cluster: { server, ...(caData ? { 'certificate-authority-data': caData } : {}) } }],
    users: [{ name: 'kt-sim', user: { token } }],
    contexts: [{ name: 'kt-sim', context: { cluster: 'kt-sim', user: 'kt-sim', namespace: 'default' } }],
    'current-context': 'kt-sim',
    preferences: {},
  });
}
