// clientcmd's merge of several kubeconfig files (loader.go): for each map, the first file that names an entry wins
// (no field merging); current-context likewise. Then ResolveLocalPaths: relative file references become absolute.
import nodePath from 'node:path';
import type { Config } from './types.js';

export function mergeConfigs(configs: readonly Config[]): Config {
  const config: Config = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '', hasOther: false };
  for (const c of configs) {
    for (const [k, v] of c.clusters) if (!config.clusters.has(k)) config.clusters.set(k, v);
    for (const [k, v] of c.users) if (!config.users.has(k)) config.users.set(k, v);
    for (const [k, v] of c.contexts) if (!config.contexts.has(k)) config.contexts.set(k, v);
    if (config.currentContext === '') config.currentContext = c.currentContext;
    config.hasOther ||= c.hasOther;
  }
  return config;
}

/**
 * certificate-authority, client-certificate, client-key, tokenFile and an exec command that contains a slash are
 * resolved against the absolute directory of the file that defined them.
 */
export function resolveLocalPaths(config: Config, cwd: string): void {
  const fix = (p: string, base: string): string => (p === '' || nodePath.isAbsolute(p) ? p : nodePath.join(base, p));
  for (const c of config.clusters.values()) {
    if (c.origin === undefined) continue;
    const base = nodePath.resolve(cwd, nodePath.dirname(c.origin));
    c.caFile = fix(c.caFile, base);
  }
  for (const a of config.users.values()) {
    if (a.origin === undefined) continue;
    const base = nodePath.resolve(cwd, nodePath.dirname(a.origin));
    a.clientCertificate = fix(a.clientCertificate, base);
    a.clientKey = fix(a.clientKey, base);
    a.tokenFile = fix(a.tokenFile, base);
    // Only resolve an exec command that is not looked up on PATH.
    if (a.exec && a.exec.command.includes(nodePath.sep)) a.exec.command = fix(a.exec.command, base);
  }
}
