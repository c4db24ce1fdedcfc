// The global flags over the merged kubeconfig (clientcmd's DirectClientConfig with ConfigOverrides): which context,
// cluster and user are chosen, and each one's fields with the flags' values laid over them.
import { goQuote } from '../../go/quote.js';
import { emptyAuthInfo, emptyCluster } from './types.js';
import type { AuthInfo, Cluster, Config, ConnectionFlags, Context } from './types.js';

export interface Overrides {
  currentContext: string;
  context: Context;
  cluster: { server: string; tlsServerName: string; caFile: string; insecure: boolean };
  auth: { clientCertificate: string; clientKey: string; token: string; as: string; asUid: string; asGroups: string[]; username: string; password: string };
}

export function overridesFromFlags(flags: ConnectionFlags): Overrides {
  return {
    currentContext: flags.context ?? '',
    context: { cluster: flags.cluster ?? '', user: flags.user ?? '', namespace: flags.namespace ?? '' },
    cluster: { server: flags.server ?? '', tlsServerName: flags.tlsServerName ?? '', caFile: flags.certificateAuthority ?? '', insecure: flags.insecureSkipTlsVerify ?? false },
    auth: {
      clientCertificate: flags.clientCertificate ?? '', clientKey: flags.clientKey ?? '', token: flags.token ?? '', as: flags.as ?? '',
      asUid: flags.asUid ?? '', asGroups: flags.asGroups ?? [], username: flags.username ?? '', password: flags.password ?? '',
    },
  };
}

/** A name and whether a flag asked for it (a flag's name must exist; the kubeconfig's may be missing). */
export interface Chosen {
  name: string;
  required: boolean;
}

/** A merged entry, and the lookup error client-go reports for it (the entry is then the zero value). */
export interface Lookup<T> {
  value: T;
  error?: string;
}

/** The kubeconfig as the flags see it: each getter answers as client-go's DirectClientConfig does. */
export class OverriddenConfig {
  constructor(
    readonly config: Config,
    readonly ov: Overrides,
    /** Used when the cluster has no server: $KUBERNETES_MASTER, else http://localhost:8080. */
    private readonly defaultServer: string,
  ) {}

  contextName(): Chosen {
    return this.ov.currentContext !== '' ? { name: this.ov.currentContext, required: true } : { name: this.config.currentContext, required: false };
  }

  context(): Lookup<Context> {
    const { name, required } = this.contextName();
    const found = this.config.contexts.get(name);
    if (!found && required) return { value: { cluster: '', user: '', namespace: '' }, error: `context ${goQuote(name)} does not exist` };
    const merged: Context = { cluster: found?.cluster ?? '', user: found?.user ?? '', namespace: found?.namespace ?? '' };
    const o = this.ov.context;
    if (o.cluster !== '') merged.cluster = o.cluster;
    if (o.user !== '') merged.user = o.user;
    if (o.namespace !== '') merged.namespace = o.namespace;
    return { value: merged };
  }

  authInfoName(): Chosen {
    return this.ov.context.user !== '' ? { name: this.ov.context.user, required: true } : { name: this.context().value.user, required: false };
  }

  authInfo(): Lookup<AuthInfo> {
    const { name, required } = this.authInfoName();
    const found = this.config.users.get(name);
    if (!found && required) return { value: emptyAuthInfo(), error: `auth info ${goQuote(name)} does not exist` };
    const merged: AuthInfo = found ? { ...found, exec: found.exec ? { ...found.exec } : undefined } : emptyAuthInfo();
    const a = this.ov.auth;
    if (a.clientCertificate !== '') merged.clientCertificate = a.clientCertificate;
    if (a.clientKey !== '') merged.clientKey = a.clientKey;
    if (a.token !== '') merged.token = a.token;
    if (a.as !== '') merged.as = a.as;
    if (a.asUid !== '') merged.asUid = a.asUid;
    if (a.asGroups.length > 0) merged.asGroups = a.asGroups;
    if (a.username !== '') merged.username = a.username;
    if (a.password !== '') merged.password = a.password;
    return { value: merged };
  }

  clusterName(): Chosen {
    return this.ov.context.cluster !== '' ? { name: this.ov.context.cluster, required: true } : { name: this.context().value.cluster, required: false };
  }

  cluster(): Lookup<Cluster> {
    const { name, required } = this.clusterName();
    const found = this.config.clusters.get(name);
    if (!found && required) return { value: emptyCluster(), error: `cluster ${goQuote(name)} does not exist` };
    const merged: Cluster = { ...emptyCluster(), server: this.defaultServer };
    if (found) mergeCluster(merged, found);
    const c = this.ov.cluster;
    if (c.server !== '') merged.server = c.server;
    if (c.tlsServerName !== '') merged.tlsServerName = c.tlsServerName;
    if (c.caFile !== '') merged.caFile = c.caFile;
    if (c.insecure) merged.insecure = true;
    // --insecure-skip-tls-verify or --certificate-authority replace the kubeconfig's whole CA/insecure choice.
    if (c.insecure || c.caFile !== '') {
      merged.insecure = c.insecure;
      merged.caFile = c.caFile;
      merged.caData = undefined;
    }
    // --server (or --tls-server-name) drops the kubeconfig's tls-server-name unless the flag gives one.
    if (c.tlsServerName !== '' || c.server !== '') merged.tlsServerName = c.tlsServerName;
    return { value: merged };
  }
}

/** mergo over the defaults: only the fields the kubeconfig sets. */
function mergeCluster(merged: Cluster, found: Cluster): void {
  if (found.server !== '') merged.server = found.server;
  if (found.tlsServerName !== '') merged.tlsServerName = found.tlsServerName;
  if (found.insecure) merged.insecure = true;
  if (found.caFile !== '') merged.caFile = found.caFile;
  if (found.caData && found.caData.length > 0) merged.caData = found.caData;
  if (found.proxyUrl !== '') merged.proxyUrl = found.proxyUrl;
  if (found.disableCompression) merged.disableCompression = true;
  if (found.execExtension !== undefined) merged.execExtension = found.execExtension;
}
