// A command's connection to a cluster, resolved from the global flags the way kubectl resolves them. Resolving
// the kubeconfig is cheap and happens first (kubectl's Complete step, so config errors come before validation);
// the HTTP client loads only when a request is made. `--demo` starts an in-process sim instead.
import type { KubeClient } from '../client/api.js';
import type { ConnectionFlags, ResolvedConfig } from '../client/kubeconfig/index.js';
import type { IO } from './io.js';

/** The global flags: kubectl's connection flags, plus --request-timeout, -v and kt's --demo. */
export interface GlobalFlags extends Pick<ConnectionFlags, 'kubeconfig' | 'context' | 'cluster' | 'user' | 'namespace' | 'server' | 'token' | 'insecureSkipTlsVerify'> {
  requestTimeout?: string;
  v?: number;
  demo?: boolean;
}

export interface Session {
  /** The namespace commands act in: flag → context → `default`. */
  namespace: string;
  client(): Promise<KubeClient>;
  close(): Promise<void>;
}

/**
 * `namespaceFirst`: most kubectl commands read the namespace before building their client, which changes a few
 * kubeconfig error texts; `kubectl top node` does not (pass false).
 */
export async function openSession(flags: GlobalFlags, io: IO, namespaceFirst = true): Promise<Session> {
  const { parseRequestTimeout } = await import('../go/duration.js');
  let timeoutMs = 0;
  try {
    timeoutMs = parseRequestTimeout(flags.requestTimeout ?? '0');
  } catch (e) {
    const { KtError } = await import('../errors.js');
    throw new KtError((e as Error).message);
  }
  let config: ResolvedConfig;
  let stopDemo: (() => Promise<void>) | undefined;
  if (flags.demo) {
    const { startSim } = await import('../sim/index.js');
    const sim = await startSim({ scenario: io.env['KT_DEMO_SCENARIO'] ?? 'demo' });
    stopDemo = sim.stop;
    const namespace = flags.namespace ?? 'default';
    config = {
      contextName: 'kt-demo',
      namespace,
      namespaceFromFlag: flags.namespace !== undefined,
      cluster: { name: 'kt-demo', server: sim.url, skipTLSVerify: false },
      user: { name: 'kt-demo', ...(sim.token ? { token: sim.token } : {}) },
      files: [],
      empty: false,
    };
  } else {
    const { resolveConfig } = await import('../client/kubeconfig/index.js');
    config = resolveConfig(
      {
        ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
        ...(flags.context !== undefined ? { context: flags.context } : {}),
        ...(flags.cluster !== undefined ? { cluster: flags.cluster } : {}),
        ...(flags.user !== undefined ? { user: flags.user } : {}),
        ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
        ...(flags.server !== undefined ? { server: flags.server } : {}),
        ...(flags.token !== undefined ? { token: flags.token } : {}),
        ...(flags.insecureSkipTlsVerify !== undefined ? { insecureSkipTlsVerify: flags.insecureSkipTlsVerify } : {}),
      },
      { KUBECONFIG: io.env['KUBECONFIG'], HOME: io.env['HOME'], KUBERNETES_MASTER: io.env['KUBERNETES_MASTER'] },
      undefined,
      { namespaceFirst },
    );
    // kubectl's loader logs which files it read (-v=6) or that none of KUBECONFIG's exist (-v=1).
    const v = flags.v ?? 0;
    if (v >= 1) {
      const { klogPrefix } = await import('../go/klog.js');
      if (v >= 1 && config.configNotFound) io.err.write(`${klogPrefix(io.now(), 'loader.go:140')}${config.configNotFound}\n`);
      if (v >= 6) for (const file of config.files) io.err.write(`${klogPrefix(io.now(), 'loader.go:402')}Config loaded from file:  ${file}\n`);
    }
  }
  let client: Promise<KubeClient> | undefined;
  return {
    namespace: config.namespace,
    client: () => {
      client ??= (async () => {
        const [{ Transport }, { KubeClient }] = await Promise.all([import('../client/transport.js'), import('../client/api.js')]);
        const transport = new Transport(config, {
          requestTimeoutMs: timeoutMs,
          verbosity: flags.v ?? 0,
          log: (line) => io.err.write(`${line}\n`),
          stderr: (text) => io.err.write(text),
          env: io.env,
          now: io.now,
        });
        return new KubeClient(transport);
      })();
      return client;
    },
    close: async () => {
      await stopDemo?.();
    },
  };
}
