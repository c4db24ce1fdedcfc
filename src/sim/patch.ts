// Patch formats the apiserver accepts: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and the strategic
// merge patch kubectl sends, where lists of named objects (containers, ephemeralContainers, env…) merge by name.
import type { KubeObject } from '../k8s/types.js';
import { badRequest } from './status.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** List fields whose strategic merge key is not `name`. */
const MERGE_KEYS: Record<string, string> = {
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  tolerations: '',
  args: '',
  command: '',
  finalizers: '',
};

function mergeList(field: string, target: Json[], patch: Json[], order: Json[] | undefined): Json[] {
  const key = field in MERGE_KEYS ? MERGE_KEYS[field]! : 'name';
  if (key === '' || !patch.every((p) => isObject(p) && key in p) || !target.every((t) => isObject(t) && key in t)) return patch;
  const result = target.map((t) => structuredClone(t));
  for (const p of patch as Record<string, Json>[]) {
    const idx = result.findIndex((t) => (t as Record<string, Json>)[key] === p[key]);
    if (p['$patch'] === 'delete') {
      if (idx >= 0) result.splice(idx, 1);
    } else if (idx >= 0) {
      result[idx] = merge(result[idx]!, p, true);
    } else {
      result.push(merge({}, p, true));
    }
  }
  if (order) {
    const rank = (v: Json): number => order.findIndex((o) => isObject(o) && isObject(v) && o[key] === v[key]);
    result.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return (ra < 0 ? Infinity : ra) - (rb < 0 ? Infinity : rb);
    });
  }
  return result;
}

function merge(target: Json, patch: Json, strategic: boolean): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
    } else if (strategic && Array.isArray(v) && Array.isArray(out[k])) {
      const order = patch[`$setElementOrder/${k}`];
      out[k] = mergeList(k, out[k] as Json[], v, Array.isArray(order) ? order : undefined);
    } else if (isObject(v)) {
      out[k] = merge(out[k] ?? {}, v, strategic);
    } else {
      out[k] = structuredClone(v);
    }
  }
  return out;
}

export function strategicMerge(target: KubeObject, patch: unknown, strategic: boolean): KubeObject {
  if (!isObject(patch)) throw badRequest('the patch is not a JSON object');
  return merge(target as unknown as Json, patch, strategic) as unknown as KubeObject;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer: ${path}`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[]): { parent: Json; key: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (next === undefined) throw badRequest(`the server rejected our request due to an error in our request: doc is missing path: "/${parts.join('/')}"`);
    cur = next;
  }
  return { parent: cur, key: parts[parts.length - 1] ?? '' };
}

export function applyJsonPatch(target: KubeObject, ops: unknown): KubeObject {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array of operations');
  const doc = structuredClone(target) as unknown as Json;
  for (const raw of ops) {
    if (!isObject(raw) || typeof raw['op'] !== 'string' || typeof raw['path'] !== 'string') throw badRequest('invalid json patch operation');
    const { parent, key } = parentOf(doc, pointer(raw['path']));
    const value = raw['value'] ?? null;
    switch (raw['op']) {
      case 'add':
      case 'replace':
        if (Array.isArray(parent)) {
          const i = key === '-' ? parent.length : Number(key);
          if (raw['op'] === 'add') parent.splice(i, 0, value);
          else parent[i] = value;
        } else if (isObject(parent)) parent[key] = value;
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (isObject(parent)) delete parent[key];
        break;
      case 'test':
        if (JSON.stringify(Array.isArray(parent) ? parent[Number(key)] : isObject(parent) ? parent[key] : undefined) !== JSON.stringify(value)) {
          throw badRequest('the server rejected our request due to an error in our request: testing value failed');
        }
        break;
      default:
        throw badRequest(`unsupported json patch operation ${String(raw['op'])}`);
    }
  }
  return doc as unknown as KubeObject;
}
