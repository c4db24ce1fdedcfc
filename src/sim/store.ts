// The simulated cluster's object store: raw JSON objects per resource type, a resourceVersion counter like etcd's,
// and watch subscribers. Everything the HTTP layer serves comes from here.
import { randomUUID } from 'node:crypto';
import type { ResourceType } from '../k8s/resources.js';
import type { KubeObject } from '../k8s/types.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface StoredEvent {
  type: WatchEventType;
  object: KubeObject;
  resourceVersion: number;
  /** For MODIFIED: the object as it was, so a selector watch can tell an object entering or leaving it. */
  previous?: KubeObject;
}
type Listener = (event: StoredEvent) => void;

/**
 * How many past changes a store remembers for watches that resume from a resourceVersion: the sim's compaction
 * window (the apiserver's watch cache and etcd's compaction bound it on a real cluster). Older ones get 410 Gone.
 */
const HISTORY = 10_000;

export class ObjectStore {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly history: (StoredEvent & { resource: string })[] = [];
  private readonly snapshots = new Map<string, KubeObject>();
  private revision = 1000;
  /** The compaction window, in changes (tests shrink it to make 410 Gone happen). */
  historyLimit = HISTORY;

  constructor(private readonly now: () => number) {}

  get currentRevision(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can resume from; older ones get 410 Gone. */
  get oldestRevision(): number {
    return this.history.length === 0 ? this.revision : this.history[0]!.resourceVersion - 1;
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const key = keyOf(type);
    let b = this.objects.get(key);
    if (!b) {
      b = new Map();
      this.objects.set(key, b);
    }
    return b;
  }

  list(type: ResourceType, namespace?: string): KubeObject[] {
    const items = [...this.bucket(type).values()];
    const filtered = namespace === undefined ? items : items.filter((o) => o.metadata?.namespace === namespace);
    // etcd returns keys in order: namespace, then name.
    return filtered.sort((a, b) => compareKeys(a, b));
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(type).get(objectKey(namespace, name));
  }

  /** Stores a new object, filling in what the apiserver would (uid, resourceVersion, creationTimestamp). */
  create(type: ResourceType, obj: KubeObject): KubeObject {
    const meta = (obj.metadata ??= {});
    if (!type.namespaced) delete meta.namespace;
    meta.uid ??= randomUUID();
    meta.creationTimestamp ??= new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    obj.apiVersion ??= type.group === '' ? type.version : `${type.group}/${type.version}`;
    obj.kind ??= type.kind;
    return this.commit(type, 'ADDED', obj);
  }

  update(type: ResourceType, obj: KubeObject): KubeObject {
    return this.commit(type, 'MODIFIED', obj);
  }

  delete(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const existing = this.get(type, namespace, name);
    if (!existing) return undefined;
    this.bucket(type).delete(objectKey(namespace, name));
    this.snapshots.delete(`${keyOf(type)}|${objectKey(namespace, name)}`);
    this.revision++;
    const copy = structuredClone(existing);
    copy.metadata!.resourceVersion = String(this.revision);
    this.publish(type, { type: 'DELETED', object: copy, resourceVersion: this.revision });
    return copy;
  }

  private commit(type: ResourceType, eventType: WatchEventType, obj: KubeObject): KubeObject {
    const key = objectKey(obj.metadata?.namespace, obj.metadata!.name!);
    const before = eventType === 'MODIFIED' ? this.snapshots.get(`${keyOf(type)}|${key}`) : undefined;
    this.revision++;
    obj.metadata!.resourceVersion = String(this.revision);
    this.bucket(type).set(key, obj);
    const copy = structuredClone(obj);
    // A copy of what watchers last saw (objects are often changed in place before update() is called).
    this.snapshots.set(`${keyOf(type)}|${key}`, copy);
    this.publish(type, { type: eventType, object: copy, resourceVersion: this.revision, ...(before ? { previous: before } : {}) });
    return obj;
  }

  private publish(type: ResourceType, event: StoredEvent): void {
    const resource = keyOf(type);
    this.history.push({ ...event, resource });
    while (this.history.length > this.historyLimit) this.history.shift();
    for (const l of this.listeners.get(resource) ?? []) l(event);
  }

  /** Changes to a type after the given resourceVersion, or undefined when they are no longer remembered. */
  changesSince(type: ResourceType, resourceVersion: number): StoredEvent[] | undefined {
    if (resourceVersion < this.oldestRevision) return undefined;
    const resource = keyOf(type);
    return this.history.filter((e) => e.resource === resource && e.resourceVersion > resourceVersion);
  }

  /** Forgets history, so that a watch from any older resourceVersion gets 410 Gone (fault injection). */
  compact(): void {
    this.history.length = 0;
  }

  subscribe(type: ResourceType, listener: Listener): () => void {
    const key = keyOf(type);
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }
}

function keyOf(type: ResourceType): string {
  return `${type.group}/${type.resource}`;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const ka = objectKey(a.metadata?.namespace, a.metadata?.name ?? '');
  const kb = objectKey(b.metadata?.namespace, b.metadata?.name ?? '');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
