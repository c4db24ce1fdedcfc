// v1.Config → client-go's internal Config (clientcmd's conversion.go): lists become maps, and a name repeated in one
// file is an error that prints the whole list with Go's %v.
import { RawExtension } from './json-decode.js';
import type { RawObject, RawValue } from './json-decode.js';
import type { AuthInfo, Cluster, Config, Context, ExecConfig } from './types.js';
import { DecodeError } from '../../go/yaml-decode.js';

// v1 → internal (conversion.go): lists become maps; a repeated name in one file is an error that prints the
// whole list with Go's %v. Pointers print as addresses in Go (unreproducible); kt prints a fixed 0xc000010000.

export function convertConfig(raw: RawObject, origin: string): Config {
  const prefs = obj(raw['preferences']);
  checkDuplicates(list(prefs['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
  const clusters = new Map<string, Cluster>();
  const rawClusters = list(raw['clusters']);
  for (const item of rawClusters) {
    const c = obj(item['cluster']);
    checkDuplicates(list(c['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (clusters.has(name)) throw duplicateError('NamedCluster', '*map[string]*api.Cluster', name, rawClusters, fmtNamedCluster);
    clusters.set(name, {
      server: str(c['server']), tlsServerName: str(c['tls-server-name']), insecure: c['insecure-skip-tls-verify'] === true,
      caFile: str(c['certificate-authority']), caData: bytes(c['certificate-authority-data']), proxyUrl: str(c['proxy-url']),
      disableCompression: c['disable-compression'] === true, execExtension: execExtensionOf(c), origin,
    });
  }
  const users = new Map<string, AuthInfo>();
  const rawUsers = list(raw['users']);
  for (const item of rawUsers) {
    const u = obj(item['user']);
    checkDuplicates(list(u['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (users.has(name)) throw duplicateError('NamedAuthInfo', '*map[string]*api.AuthInfo', name, rawUsers, fmtNamedAuthInfo);
    const ap = u['auth-provider'] === undefined ? undefined : obj(u['auth-provider']);
    const ex = u['exec'] === undefined ? undefined : obj(u['exec']);
    const extra = obj(u['as-user-extra']);
    users.set(name, {
      clientCertificate: str(u['client-certificate']), clientCertificateData: bytes(u['client-certificate-data']),
      clientKey: str(u['client-key']), clientKeyData: bytes(u['client-key-data']),
      token: str(u['token']), tokenFile: str(u['tokenFile']),
      as: str(u['as']), asUid: str(u['as-uid']), asGroups: strings(u['as-groups']),
      asUserExtra: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strings(v)])),
      username: str(u['username']), password: str(u['password']),
      authProvider: ap ? { name: str(ap['name']), config: Object.fromEntries(Object.entries(obj(ap['config'])).map(([k, v]) => [k, str(v)])) } : undefined,
      exec: ex ? convertExec(ex) : undefined,
      origin,
    });
  }
  const contexts = new Map<string, Context>();
  const rawContexts = list(raw['contexts']);
  for (const item of rawContexts) {
    const c = obj(item['context']);
    checkDuplicates(list(c['extensions']), 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
    const name = str(item['name']);
    if (contexts.has(name)) throw duplicateError('NamedContext', '*map[string]*api.Context', name, rawContexts, fmtNamedContext);
    contexts.set(name, { cluster: str(c['cluster']), user: str(c['user']), namespace: str(c['namespace']) });
  }
  const extensions = list(raw['extensions']);
  checkDuplicates(extensions, 'NamedExtension', '*map[string]runtime.Object', fmtNamedExtension);
  const hasOther = extensions.length > 0 || prefs['colors'] === true || list(prefs['extensions']).length > 0;
  return { clusters, users, contexts, currentContext: str(raw['current-context']), hasOther };
}

/** clientcmd hands this extension of the cluster to an exec plugin that asks for the cluster's information. */
const EXEC_EXTENSION = 'client.authentication.k8s.io/exec';

function execExtensionOf(cluster: RawObject): string | undefined {
  const ext = list(cluster['extensions']).find((e) => str(e['name']) === EXEC_EXTENSION)?.['extension'];
  return ext instanceof RawExtension ? ext.json : undefined;
}

function convertExec(e: RawObject): ExecConfig {
  const apiVersion = str(e['apiVersion']);
  let interactiveMode = str(e['interactiveMode']);
  // SetDefaults_ExecConfig: the beta and alpha APIs default to IfAvailable; v1 must say.
  if (interactiveMode === '' && (apiVersion === 'client.authentication.k8s.io/v1beta1' || apiVersion === 'client.authentication.k8s.io/v1alpha1')) interactiveMode = 'IfAvailable';
  return {
    command: str(e['command']),
    args: e['args'] === undefined ? undefined : strings(e['args']),
    env: e['env'] === undefined ? undefined : list(e['env']).map((v) => ({ name: str(v['name']), value: str(v['value']) })),
    apiVersion,
    installHint: str(e['installHint']),
    provideClusterInfo: e['provideClusterInfo'] === true,
    interactiveMode,
  };
}

function checkDuplicates(items: RawObject[], kind: string, target: string, fmt: (o: RawObject) => string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const name = str(item['name']);
    if (seen.has(name)) throw duplicateError(kind, target, name, items, fmt);
    seen.add(name);
  }
}

function duplicateError(kind: string, target: string, name: string, items: RawObject[], fmt: (o: RawObject) => string): DecodeError {
  return new DecodeError(`error converting *[]${kind} into ${target}: duplicate name "${name}" in list: [${items.map(fmt).join(' ')}]`);
}

const GO_POINTER = '0xc000010000';

function fmtBytes(v: RawValue | undefined): string {
  return `[${[...bytes(v) ?? []].join(' ')}]`;
}
function fmtStrings(v: RawValue | undefined): string {
  return `[${strings(v).join(' ')}]`;
}
function fmtExtensions(v: RawValue | undefined): string {
  return `[${list(v).map(fmtNamedExtension).join(' ')}]`;
}
function fmtNamedExtension(o: RawObject): string {
  const ext = o['extension'];
  const json = ext instanceof RawExtension ? ext.json : '';
  return `{${str(o['name'])} {[${[...Buffer.from(json)].join(' ')}] <nil>}}`;
}
function fmtNamedCluster(o: RawObject): string {
  const c = obj(o['cluster']);
  const fields = [
    str(c['server']), str(c['tls-server-name']), String(c['insecure-skip-tls-verify'] === true), str(c['certificate-authority']),
    fmtBytes(c['certificate-authority-data']), str(c['proxy-url']), String(c['disable-compression'] === true), fmtExtensions(c['extensions']),
  ];
  return `{${str(o['name'])} {${fields.join(' ')}}}`;
}
function fmtNamedAuthInfo(o: RawObject): string {
  const u = obj(o['user']);
  const extra = obj(u['as-user-extra']);
  const extraText = `map[${Object.keys(extra).sort().map((k) => `${k}:${fmtStrings(extra[k])}`).join(' ')}]`;
  const fields = [
    str(u['client-certificate']), fmtBytes(u['client-certificate-data']), str(u['client-key']), fmtBytes(u['client-key-data']),
    str(u['token']), str(u['tokenFile']), str(u['as']), str(u['as-uid']), fmtStrings(u['as-groups']), extraText,
    str(u['username']), str(u['password']), u['auth-provider'] === undefined ? '<nil>' : GO_POINTER, u['exec'] === undefined ? '<nil>' : GO_POINTER,
    fmtExtensions(u['extensions']),
  ];
  return `{${str(o['name'])} {${fields.join(' ')}}}`;
}
function fmtNamedContext(o: RawObject): string {
  const c = obj(o['context']);
  return `{${str(o['name'])} {${[str(c['cluster']), str(c['user']), str(c['namespace']), fmtExtensions(c['extensions'])].join(' ')}}}`;
}

function str(v: RawValue | undefined): string {
  return typeof v === 'string' ? v : '';
}
function bytes(v: RawValue | undefined): Uint8Array | undefined {
  return v instanceof Uint8Array ? v : undefined;
}
function strings(v: RawValue | undefined): string[] {
  return Array.isArray(v) ? v.map((x) => str(x)) : [];
}
function obj(v: RawValue | undefined): RawObject {
  return v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof RawExtension) ? v : {};
}
function list(v: RawValue | undefined): RawObject[] {
  return Array.isArray(v) ? v.map((x) => obj(x)) : [];
}
