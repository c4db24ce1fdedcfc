// Kubeconfig loading, merging and flag overrides, the way kubectl v1.32 (client-go tools/clientcmd) does them. Pure
// data handling: no HTTP, file reads go through an injectable FileReader. Each step's errors are kubectl's exact text.
//
//   load.ts       choose files: --kubeconfig (must exist) | KUBECONFIG (split, dedup, missing skipped) | ~/.kube/config
//   decode.ts     each file: YAML (go-yaml v2 semantics) → JSON → v1.Config (encoding/json rules) → internal (convert.ts)
//   merge.ts      the first file that names an entry wins; relative paths resolved against the defining file
//   overrides.ts  --context/--cluster/--user/-n/-s/--token/--insecure-skip-tls-verify/… over the kubeconfig
//   validate.ts   clientcmd's ConfirmUsable
//   rest.ts       the REST config: server normalisation, credentials only for https servers, TLS material checks
//
// Data conventions of ResolvedConfig:
//   - caData / certData / keyData hold standard base64 (re-encoded from the decoded bytes, so whitespace is gone).
//   - server always has a scheme (kubectl treats a scheme-less host as http://), no query, no fragment and no
//     trailing slash: append `/api/...` directly.
//   - user credentials are empty for http:// servers: kubectl sends none there (only impersonation headers).
//   - token is the bearer token kubectl would send: a readable, non-empty tokenFile wins over token (and over
//     --token), as client-go's file token source does. exec / authProvider are dropped when kubectl would not run
//     them (exec: any token, basic auth or client certificate+key present; authProvider: any token or basic auth).
import { defaultFileReader, loadKubeconfig } from './load.js';
import { resolveLocalPaths } from './merge.js';
import { buildClientConfig } from './rest.js';
import type { ConnectionFlags, FileReader, KubeconfigEnv, ResolveOptions, ResolvedConfig } from './types.js';

export type { ConnectionFlags, FileReader, KubeconfigEnv, ResolveOptions, ResolvedConfig, ResolvedExec } from './types.js';

export function resolveConfig(
  flags: ConnectionFlags,
  env: KubeconfigEnv,
  fsReader: FileReader = defaultFileReader,
  options: ResolveOptions = {},
): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadKubeconfig(flags, env, fsReader, cwd);
  resolveLocalPaths(loaded.config, cwd);
  return buildClientConfig(loaded, flags, env, fsReader, cwd, options.namespaceFirst ?? true);
}

