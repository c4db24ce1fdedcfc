// One kubeconfig file's text → client-go's internal Config: YAML → JSON (sigs.k8s.io/yaml), the version/kind check
// against clientcmd's scheme, JSON → v1.Config with encoding/json's rules, then v1 → internal (convert.ts). Every
// failure is a DecodeError whose message follows `error loading config file "<f>": `.
import { convertConfig } from './convert.js';
import { decodeValue, notRegisteredError, versionKindOf } from './json-decode.js';
import type { DecodeState, RawObject, Schema } from './json-decode.js';
import type { Config } from './types.js';
import { DecodeError, yamlToJson } from '../../go/yaml-decode.js';
import type { JV } from '../../go/yaml-decode.js';

const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50';

export function parseKubeconfig(text: string, origin: string): Config {
  if (text.length === 0) return { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '', hasOther: false };
  const json = yamlToJson(text);
  checkVersionKind(json);
  const st: DecodeState = {};
  const raw = decodeValue(json, CONFIG_SCHEMA, { struct: undefined, path: [] }, st);
  if (st.error !== undefined) throw new DecodeError(st.error);
  return convertConfig((raw ?? {}) as RawObject, origin);
}

/** Only `v1` `Config` (the defaults when either is missing) is registered. */
function checkVersionKind(json: JV): void {
  const gvk = versionKindOf(json);
  if (gvk.kind === '') gvk.kind = 'Config';
  if (gvk.version === '' && gvk.group === '') gvk.version = 'v1';
  if (gvk.kind === 'Config' && gvk.group === '' && gvk.version === 'v1') return;
  throw notRegisteredError(gvk, SCHEME);
}

// v1.Config's fields, as the JSON names them.

const S_STRING: Schema = { k: 'string', goType: 'string' };
const S_BOOL: Schema = { k: 'bool' };
const S_BYTES: Schema = { k: 'bytes' };
const S_EXTENSIONS: Schema = {
  k: 'slice',
  goType: '[]v1.NamedExtension',
  elem: { k: 'struct', name: 'NamedExtension', goType: 'v1.NamedExtension', fields: { name: S_STRING, extension: { k: 'raw' } } },
};
const S_CLUSTER: Schema = {
  k: 'struct', name: 'Cluster', goType: 'v1.Cluster',
  fields: {
    server: S_STRING, 'tls-server-name': S_STRING, 'insecure-skip-tls-verify': S_BOOL, 'certificate-authority': S_STRING,
    'certificate-authority-data': S_BYTES, 'proxy-url': S_STRING, 'disable-compression': S_BOOL, extensions: S_EXTENSIONS,
  },
};
const S_STRINGS: Schema = { k: 'slice', goType: '[]string', elem: S_STRING };
const S_EXEC: Schema = {
  k: 'struct', name: 'ExecConfig', goType: 'v1.ExecConfig',
  fields: {
    command: S_STRING, args: S_STRINGS,
    env: { k: 'slice', goType: '[]v1.ExecEnvVar', elem: { k: 'struct', name: 'ExecEnvVar', goType: 'v1.ExecEnvVar', fields: { name: S_STRING, value: S_STRING } } },
    apiVersion: S_STRING, installHint: S_STRING, provideClusterInfo: S_BOOL, interactiveMode: { k: 'string', goType: 'v1.ExecInteractiveMode' },
  },
};
const S_AUTH_INFO: Schema = {
  k: 'struct', name: 'AuthInfo', goType: 'v1.AuthInfo',
  fields: {
    'client-certificate': S_STRING, 'client-certificate-data': S_BYTES, 'client-key': S_STRING, 'client-key-data': S_BYTES,
    token: S_STRING, tokenFile: S_STRING, as: S_STRING, 'as-uid': S_STRING, 'as-groups': S_STRINGS,
    'as-user-extra': { k: 'map', goType: 'map[string][]string', elem: S_STRINGS },
    username: S_STRING, password: S_STRING,
    'auth-provider': { k: 'struct', name: 'AuthProviderConfig', goType: 'v1.AuthProviderConfig', fields: { name: S_STRING, config: { k: 'map', goType: 'map[string]string', elem: S_STRING } } },
    exec: S_EXEC, extensions: S_EXTENSIONS,
  },
};
const S_CONTEXT: Schema = {
  k: 'struct', name: 'Context', goType: 'v1.Context',
  fields: { cluster: S_STRING, user: S_STRING, namespace: S_STRING, extensions: S_EXTENSIONS },
};
export const CONFIG_SCHEMA: Schema = {
  k: 'struct', name: 'Config', goType: 'v1.Config',
  fields: {
    kind: S_STRING, apiVersion: S_STRING,
    preferences: { k: 'struct', name: 'Preferences', goType: 'v1.Preferences', fields: { colors: S_BOOL, extensions: S_EXTENSIONS } },
    clusters: { k: 'slice', goType: '[]v1.NamedCluster', elem: { k: 'struct', name: 'NamedCluster', goType: 'v1.NamedCluster', fields: { name: S_STRING, cluster: S_CLUSTER } } },
    users: { k: 'slice', goType: '[]v1.NamedAuthInfo', elem: { k: 'struct', name: 'NamedAuthInfo', goType: 'v1.NamedAuthInfo', fields: { name: S_STRING, user: S_AUTH_INFO } } },
    contexts: { k: 'slice', goType: '[]v1.NamedContext', elem: { k: 'struct', name: 'NamedContext', goType: 'v1.NamedContext', fields: { name: S_STRING, context: S_CONTEXT } } },
    'current-context': S_STRING,
    extensions: S_EXTENSIONS,
  },
};
