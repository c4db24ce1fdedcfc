// kt's `events --for TYPE/NAME --related`: the events of an object and of what it brings along — a Deployment's
// ReplicaSets, their Pods and those Pods' Nodes; a ReplicaSet's, StatefulSet's, DaemonSet's or Job's Pods and
// their Nodes; a Pod's Node — merged into one list, each event once.
import type { KubeClient } from './api.js';
import { RESOURCE_TYPES, collectionPath, type ResourceType } from '../k8s/resources.js';
import type { CoreEvent, KubeObject, Pod } from '../k8s/types.js';
import { involvedObjectSelector } from '../k8s/selector.js';

const typeOf = (group: string, resource: string): ResourceType => RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource)!;
const REPLICASETS = typeOf('apps', 'replicasets');
const PODS = typeOf('', 'pods');

/** An object whose events belong in the timeline. */
export interface Involved {
  kind: string;
  name: string;
  /** undefined for cluster-scoped objects (Nodes). */
  namespace: string | undefined;
}

interface Owner {
  uid: string;
  kind: string;
  name: string;
}

/** Owned through an ownerReference naming the owner's uid — or, where uids disagree, its kind and name. */
const ownedBy = (o: KubeObject, owners: readonly Owner[]): boolean =>
  (o.metadata?.ownerReferences ?? []).some((r) => owners.some((w) => (r.uid !== undefined && r.uid === w.uid) || (r.kind === w.kind && r.name === w.name)));

const ownerOf = (o: KubeObject, kind: string): Owner => ({ uid: o.metadata?.uid ?? '', kind, name: o.metadata?.name ?? '' });

/** The objects related to `root` (itself first), found through ownerReferences and spec.nodeName. */
export async function relatedObjects(client: KubeClient, namespace: string, type: ResourceType, name: string): Promise<Involved[]> {
  const root = await client.getObject(type, namespace, name);
  const out: Involved[] = [{ kind: type.kind, name, namespace: type.namespaced ? namespace : undefined }];
  let owners = [ownerOf(root, type.kind)];
  if (type.kind === 'Deployment') {
    const sets = (await client.listAll<KubeObject>(collectionPath(REPLICASETS, namespace))).items.filter((rs) => ownedBy(rs, owners));
    for (const rs of sets) out.push({ kind: 'ReplicaSet', name: rs.metadata?.name ?? '', namespace });
    owners = sets.map((rs) => ownerOf(rs, 'ReplicaSet'));
  }
  let pods: Pod[] = [];
  if (type.kind === 'Pod') pods = [root as Pod];
  else if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(type.kind)) {
    pods = (await client.listAll<Pod>(collectionPath(PODS, namespace))).items.filter((p) => ownedBy(p, owners));
    for (const p of pods) out.push({ kind: 'Pod', name: p.metadata?.name ?? '', namespace });
  }
  const nodes = new Set(pods.map((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '').filter((n) => n !== ''));
  for (const n of [...nodes].sort()) out.push({ kind: 'Node', name: n, namespace: undefined });
  return out;
}

/** Every event about any of the related objects, each once (by uid, else namespace/name). */
export async function relatedEvents(client: KubeClient, namespace: string, forObject: { type: ResourceType; name: string }): Promise<CoreEvent[]> {
  return eventsAbout(client, namespace, await relatedObjects(client, namespace, forObject.type, forObject.name));
}

/** Every event about any of `objects` (namespaced ones in `namespace`, Nodes cluster-wide), each once. */
export async function eventsAbout(client: KubeClient, namespace: string, objects: readonly Involved[]): Promise<CoreEvent[]> {
  const key = (o: { kind: string; name: string; namespace?: string | undefined }): string => `${o.kind}\0${o.namespace ?? ''}\0${o.name}`;
  const namespaced = new Set(objects.filter((o) => o.namespace !== undefined).map(key));
  const found = new Map<string, CoreEvent>();
  const add = (e: CoreEvent): void => {
    found.set(e.metadata?.uid || `${e.metadata?.namespace ?? ''}/${e.metadata?.name ?? ''}`, e);
  };
  // One list for the namespace, matched here; cluster-scoped objects' events live elsewhere (Nodes': "default").
  if (namespaced.size > 0) {
    for (const e of (await client.listEvents(namespace)).items) {
      const io = e.involvedObject ?? {};
      if (namespaced.has(key({ kind: io.kind ?? '', name: io.name ?? '', namespace: io.namespace ?? namespace }))) add(e);
    }
  }
  for (const o of objects.filter((x) => x.namespace === undefined)) {
    const type = RESOURCE_TYPES.find((t) => t.kind === o.kind && !t.namespaced);
    const apiVersion = type ? (type.group === '' ? type.version : `${type.group}/${type.version}`) : 'v1';
    for (const e of (await client.listEvents(undefined, { fieldSelector: involvedObjectSelector(o.kind, apiVersion, o.name) })).items) add(e);
  }
  return [...found.values()];
}
