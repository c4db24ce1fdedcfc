// The debug pods kubectl debug makes, as pure functions: the ephemeral container (and the strategic merge patch
// that adds it), the node debugger pod and the pod copy. Nothing here talks to a cluster or prints; callers get
// back the messages to print, so the order of output stays in their hands.
import type { Container, Node, Pod } from '../../k8s/types.js';
import { PROFILES, type KeepFlags, type Profile } from './profiles.js';

/** What the debug container is made of: the flags after completion. */
export interface DebugSpec {
  image: string;
  container: string;
  args: string[];
  argsOnly: boolean;
  env: { name: string; value: string }[];
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  targetContainer: string;
  profile: Profile;
  keep: KeepFlags;
  /** --custom: a partial container merged onto the debug container after the profile. */
  custom: Record<string, unknown> | undefined;
  /** --copy-to options */
  copyTo: string;
  setImages: Map<string, string>;
  sameNode: boolean;
  /** --share-processes, only when the flag was given. */
  shareProcesses: boolean | undefined;
  /** kt: labels added to every pod kt creates (copies and node debuggers). */
  extraLabels: Record<string, string>;
}

/** Five characters from k8s.io/apimachinery's rand.String alphabet. */
export const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export type RandomSuffix = (n: number) => string;

export function randomSuffix(random: () => number = Math.random): RandomSuffix {
  return (n) => Array.from({ length: n }, () => SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)]!).join('');
}

export interface Built<T> {
  value: T;
  /** Informational lines for stdout (unless --quiet), in kubectl's order. */
  messages: string[];
}

function containerNames(pod: Pod): Set<string> {
  const s = pod.spec ?? {};
  return new Set([...(s.containers ?? []), ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])].map((c) => c.name));
}

/** `-c`, or `debugger-xxxxx` regenerated until it names no container of the pod. */
export function debugContainerName(pod: Pod, spec: DebugSpec, suffix: RandomSuffix, messages: string[]): string {
  if (spec.container !== '') return spec.container;
  const taken = containerNames(pod);
  let name = '';
  while (name === '' || taken.has(name)) name = `debugger-${suffix(5)}`;
  messages.push(`Defaulting debug container name to ${name}.`);
  return name;
}

function commandFields(spec: DebugSpec): Partial<Container> {
  if (spec.args.length === 0) return {};
  return spec.argsOnly ? { args: [...spec.args] } : { command: [...spec.args] };
}

/** The container fields every debug container starts with (before profile and --custom), JSON-omitempty style. */
function baseContainer(name: string, spec: DebugSpec): Container {
  return {
    name,
    ...(spec.image ? { image: spec.image } : {}),
    ...commandFields(spec),
    ...(spec.env.length > 0 ? { env: spec.env.map((e) => (e.value === '' ? { name: e.name } : { ...e })) } : {}),
    resources: {},
    terminationMessagePolicy: 'File',
    ...(spec.pullPolicy ? { imagePullPolicy: spec.pullPolicy } : {}),
    ...(spec.interactive ? { stdin: true } : {}),
    ...(spec.tty ? { tty: true } : {}),
  };
}

/**
 * The pod with its new ephemeral container, after the profile and --custom. Like kubectl, the profile and
 * --custom change the first container with the debug container's name (init, then regular, then ephemeral
 * containers), which is the new one unless `-c` names an existing container.
 */
export function buildEphemeralContainer(pod: Pod, spec: DebugSpec, suffix: RandomSuffix): Built<{ pod: Pod; container: Container }> {
  const messages: string[] = [];
  const name = debugContainerName(pod, spec, suffix, messages);
  const ec: Container = { ...baseContainer(name, spec), ...(spec.targetContainer ? { targetContainerName: spec.targetContainer } : {}) };
  const copy = structuredClone(pod);
  const list = ((copy.spec ??= {}).ephemeralContainers ??= []);
  list.push(ec);
  PROFILES[spec.profile](copy, name, 'ephemeral', spec.keep);
  if (spec.custom) {
    const i = list.findIndex((c) => c.name === name);
    list[i] = mergeCustom(list[i]!, spec.custom, name);
  }
  return { value: { pod: copy, container: list[list.length - 1]! }, messages };
}

/** Lists of objects that a strategic merge patch merges by `name`. */
const NAMED_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers', 'env', 'volumes', 'imagePullSecrets']);

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/** Two-way strategic merge patch of one object (strategicpatch.CreateTwoWayMergePatch, for what debug changes). */
function diffObject(original: Record<string, unknown>, modified: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(original), ...Object.keys(modified)])) {
    const o = original[key];
    const m = modified[key];
    if (!(key in modified) || m === undefined) {
      if (o !== undefined) patch[key] = null;
    } else if (!(key in original) || o === undefined) patch[key] = m;
    else if (deepEqual(o, m)) continue;
    else if (isObject(o) && isObject(m)) patch[key] = diffObject(o, m);
    else if (Array.isArray(o) && Array.isArray(m) && NAMED_LISTS.has(key) && [...o, ...m].every((x) => isObject(x) && typeof x['name'] === 'string')) {
      const elements: Record<string, unknown>[] = [];
      const before = o as Record<string, unknown>[];
      const after = m as Record<string, unknown>[];
      for (const item of after) {
        const old = before.find((b) => b['name'] === item['name']);
        if (!old) elements.push(item);
        else if (!deepEqual(old, item)) elements.push({ ...diffObject(old, item), name: item['name'] });
      }
      for (const old of before) if (!after.some((a) => a['name'] === old['name'])) elements.push({ $patch: 'delete', name: old['name'] });
      elements.sort((a, b) => (String(a['name']) < String(b['name']) ? -1 : String(a['name']) > String(b['name']) ? 1 : 0));
      patch[`$setElementOrder/${key}`] = after.map((a) => ({ name: a['name'] }));
      patch[key] = elements;
    } else patch[key] = m;
  }
  return patch;
}

/**
 * The body kubectl PATCHes to pods/NAME/ephemeralcontainers: the two-way strategic merge patch from the pod to
 * the pod with the debug container. It names the new container in full and, when the pod already had ephemeral
 * containers, their order.
 */
export function ephemeralPatch(pod: Pod, debugPod: Pod): Record<string, unknown> {
  return sortKeys({ spec: diffObject((pod.spec ?? {}) as Record<string, unknown>, (debugPod.spec ?? {}) as Record<string, unknown>) }) as Record<string, unknown>;
}

/** `node-debugger-NODE-xxxxx`: one container in the host's namespaces (per profile), tolerating every taint. */
export function buildNodeDebugPod(node: Node, spec: DebugSpec, suffix: RandomSuffix): Built<Pod> {
  const container = spec.container !== '' ? spec.container : 'debugger';
  const nodeName = node.metadata?.name ?? '';
  const name = `node-debugger-${nodeName}-${suffix(5)}`;
  const pod: Pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, ...(Object.keys(spec.extraLabels).length > 0 ? { labels: { ...spec.extraLabels } } : {}) },
    spec: {
      containers: [baseNodeContainer(container, spec)],
      nodeName,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
    },
  };
  PROFILES[spec.profile](pod, container, 'node', spec.keep);
  if (spec.custom) pod.spec!.containers![0] = mergeCustom(pod.spec!.containers![0]!, spec.custom, container);
  return { value: pod, messages: [`Creating debugging pod ${name} with container ${container} on node ${nodeName}.`] };
}

function baseNodeContainer(name: string, spec: DebugSpec): Container {
  const c = baseContainer(name, spec);
  delete c.resources; // the node pod is serialized by protobuf in kubectl; an empty resources block means nothing
  return c;
}

/**
 * A copy of `pod` named --copy-to, with --set-image applied and the debug container added (or `-c`'s container
 * changed). `container` is '' when there is nothing to attach to (a --set-image-only copy).
 */
export function buildPodCopy(pod: Pod, spec: DebugSpec, suffix: RandomSuffix): Built<{ pod: Pod; container: string }> {
  const messages: string[] = [];
  const meta = pod.metadata ?? {};
  const copy: Pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: spec.copyTo,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
    },
    spec: structuredClone(pod.spec ?? {}),
  };
  const s = copy.spec!;
  delete s.ephemeralContainers;
  if (spec.shareProcesses !== undefined) s['shareProcessNamespace'] = spec.shareProcesses;
  if (!spec.sameNode) delete s.nodeName;
  for (const c of s.containers ?? []) {
    const override = spec.setImages.get(c.name) ?? spec.setImages.get('*') ?? '';
    if (override !== '') c.image = override;
  }
  let name = spec.container;
  let c = [...(s.containers ?? []), ...(s.initContainers ?? [])].find((x) => x.name === name);
  if (!c) {
    if (spec.image === '') {
      // --set-image only: no debug container, no profile.
      return { value: { pod: withExtraLabels(copy, spec), container: '' }, messages };
    }
    if (name === '') name = debugContainerName(copy, spec, suffix, messages);
    c = { name, terminationMessagePolicy: 'File' };
    (s.containers ??= []).push(c);
  }
  if (spec.args.length > 0) {
    if (spec.argsOnly) c.args = [...spec.args];
    else {
      c.command = [...spec.args];
      delete c.args;
    }
  }
  if (spec.env.length > 0) c.env = spec.env.map((e) => (e.value === '' ? { name: e.name } : { ...e }));
  if (spec.image !== '') c.image = spec.image;
  if (spec.pullPolicy !== '') c['imagePullPolicy'] = spec.pullPolicy;
  if (spec.interactive) c.stdin = true;
  else delete c.stdin;
  if (spec.tty) c.tty = true;
  else delete c.tty;
  PROFILES[spec.profile](copy, c.name, 'copy', spec.keep);
  if (spec.custom) {
    const list = s.containers ?? [];
    const i = list.findIndex((x) => x.name === name);
    if (i >= 0) list[i] = mergeCustom(list[i]!, spec.custom, name);
  }
  return { value: { pod: withExtraLabels(copy, spec), container: name }, messages };
}

function withExtraLabels(pod: Pod, spec: DebugSpec): Pod {
  if (Object.keys(spec.extraLabels).length === 0) return pod;
  const meta = (pod.metadata ??= {});
  meta.labels = { ...meta.labels, ...spec.extraLabels };
  return pod;
}

/** Container fields a --custom file may set (Go drops the rest when it decodes the file into a Container). */
const CONTAINER_FIELDS = new Set([
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy',
  'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath',
  'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
]);

/** The partial container as Go would re-encode it: known fields only, zero values (omitempty) dropped. */
export function normalizeCustom(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!CONTAINER_FIELDS.has(k)) continue;
    if (v === null || v === false || v === '' || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** Lists in a Container that merge by a key under a strategic merge patch. */
const MERGE_KEYS: Record<string, string> = { env: 'name', ports: 'containerPort', volumeMounts: 'mountPath', volumeDevices: 'devicePath' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strategicMerge(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[field]) {
    // Without $setElementOrder the patch's items come first (merged with their originals), then the others.
    const key = MERGE_KEYS[field]!;
    const same = (a: unknown, b: unknown): boolean => isObject(a) && isObject(b) && a[key] === b[key];
    const merged = patch.map((p) => {
      const original = target.find((t) => same(t, p));
      return original === undefined ? structuredClone(p) : strategicMerge(original, p);
    });
    return [...merged, ...target.filter((t) => !patch.some((p) => same(t, p))).map((t) => structuredClone(t) as unknown)];
  }
  if (!isObject(patch) || !isObject(target)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? strategicMerge(out[k], v, k) : structuredClone(v);
  }
  return out;
}

/** --custom merged onto the debug container (its name forced to the container's). */
export function mergeCustom(container: Container, custom: Record<string, unknown>, name: string): Container {
  return strategicMerge(container, { ...custom, name, resources: custom['resources'] ?? {} }) as Container;
}

/** The reason a --custom container is refused, or undefined. */
export function customProfileError(custom: Record<string, unknown>): string | undefined {
  const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '');
  if (nonEmpty(custom['name']) || nonEmpty(custom['command']) || nonEmpty(custom['image']) || (custom['lifecycle'] !== undefined && custom['lifecycle'] !== null) || nonEmpty(custom['volumeDevices'])) {
    return 'name, command, image, lifecycle and volume devices are not modifiable via custom profile';
  }
  return undefined;
}

/** JSON with object keys in Go's encoding/json map order (sorted), as kubectl's patches are. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
}
