// The global flags: kubectl's connection flags, --request-timeout and -v, plus kt's --demo. One table, from which
// commander's options, `kt options`, completion and the config file are derived.
import type { FlagTable, FlagValues } from './flag-table.js';
import type { GlobalFlags } from './session.js';

export const GLOBAL_FLAGS = [
  { name: 'kubeconfig', type: 'string', kubectl: true, complete: 'files', help: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: 'string', kubectl: true, complete: 'contexts', help: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', kubectl: true, complete: 'clusters', help: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', kubectl: true, complete: 'users', help: 'The name of the kubeconfig user to use' },
  { name: 'namespace', short: 'n', type: 'string', kubectl: true, complete: 'namespaces', help: 'If present, the namespace scope for this CLI request' },
  { name: 'server', short: 's', type: 'string', kubectl: true, complete: 'none', help: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', kubectl: true, complete: 'none', help: 'Bearer token for authentication to the API server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', kubectl: true, help: "If true, the server's certificate will not be checked for validity." },
  // kubectl's is a string (a bare integer is seconds, else a Go duration), checked when the client is built.
  { name: 'request-timeout', type: 'string', default: '0', kubectl: true, complete: 'none', help: 'The length of time to wait before giving up on a single server request (0 = no timeout).' },
  { name: 'v', short: 'v', type: 'int', default: 0, kubectl: true, help: 'number for the log level verbosity' },
  { name: 'demo', type: 'bool', kubectl: false, help: 'run the command against an in-process simulated cluster (the demo scenario).' },
] as const satisfies FlagTable;

export type GlobalValues = FlagValues<typeof GLOBAL_FLAGS>;

/** The globals as the session reads them: a flag nobody set is absent, as kubectl treats an empty one. */
export function globalFlags(values: GlobalValues, changed: ReadonlySet<string>): GlobalFlags {
  const g: GlobalFlags = {};
  const set = (key: string): boolean => changed.has(key);
  if (set('kubeconfig')) g.kubeconfig = values.kubeconfig;
  if (set('context')) g.context = values.context;
  if (set('cluster')) g.cluster = values.cluster;
  if (set('user')) g.user = values.user;
  if (set('namespace')) g.namespace = values.namespace;
  if (set('server')) g.server = values.server;
  if (set('token')) g.token = values.token;
  if (set('insecureSkipTlsVerify')) g.insecureSkipTlsVerify = values.insecureSkipTlsVerify;
  g.requestTimeout = values.requestTimeout;
  g.v = values.v;
  if (values.demo) g.demo = true;
  return g;
}
