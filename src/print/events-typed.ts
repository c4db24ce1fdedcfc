// The EventList kubectl events prints for -o json|yaml|jsonpath (kubectl 1.32): built from Go's core/v1 Event struct
// as kubectl's typed client decodes the server's JSON, so field order, nulls and omitted fields are the struct's,
// not the server's.
import type { CoreEvent } from '../k8s/types.js';
import { formatKubeMicroTime, formatKubeTime, parseKubeTime } from '../k8s/time.js';
import { isGoMap } from '../go/fmt.js';
import { marshalGoJSON } from '../go/json.js';
import { compareStrings } from '../go/strings.js';

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** Sets `key` unless the value is Go's empty value for an omitempty field. */
function omitEmpty(out: Json, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (isGoMap(value) && Object.keys(value).length === 0 && key !== 'fieldsV1') return;
  out[key] = value;
}

function typedObjectReference(r: unknown): Json {
  const o = isGoMap(r) ? r : {};
  const out: Json = {};
  for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) omitEmpty(out, k, str(o[k]));
  return out;
}

function stringMap(v: unknown): Json | undefined {
  if (!isGoMap(v)) return undefined;
  // A Go map: encoding/json writes its keys sorted.
  const out: Json = {};
  for (const k of Object.keys(v).sort(compareStrings)) out[k] = str(v[k]);
  return out;
}

function typedOwnerReference(r: unknown): Json {
  const o = isGoMap(r) ? r : {};
  const out: Json = { apiVersion: str(o['apiVersion']), kind: str(o['kind']), name: str(o['name']), uid: str(o['uid']) };
  if (typeof o['controller'] === 'boolean') out['controller'] = o['controller'];
  if (typeof o['blockOwnerDeletion'] === 'boolean') out['blockOwnerDeletion'] = o['blockOwnerDeletion'];
  return out;
}

function typedManagedField(f: unknown): Json {
  const o = isGoMap(f) ? f : {};
  const out: Json = {};
  for (const k of ['manager', 'operation', 'apiVersion']) omitEmpty(out, k, str(o[k]));
  if (typeof o['time'] === 'string') out['time'] = formatKubeTime(parseKubeTime(o['time']));
  omitEmpty(out, 'fieldsType', str(o['fieldsType']));
  if (o['fieldsV1'] !== undefined && o['fieldsV1'] !== null) out['fieldsV1'] = o['fieldsV1'];
  omitEmpty(out, 'subresource', str(o['subresource']));
  return out;
}

/** metav1.ObjectMeta in struct order. */
function typedObjectMeta(m: unknown, showManagedFields: boolean): Json {
  const o = isGoMap(m) ? m : {};
  const out: Json = {};
  for (const k of ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion']) omitEmpty(out, k, str(o[k]));
  omitEmpty(out, 'generation', int(o['generation']));
  out['creationTimestamp'] = formatKubeTime(parseKubeTime(str(o['creationTimestamp'])));
  if (typeof o['deletionTimestamp'] === 'string') out['deletionTimestamp'] = formatKubeTime(parseKubeTime(o['deletionTimestamp']));
  if (typeof o['deletionGracePeriodSeconds'] === 'number') out['deletionGracePeriodSeconds'] = int(o['deletionGracePeriodSeconds']);
  omitEmpty(out, 'labels', stringMap(o['labels']));
  omitEmpty(out, 'annotations', stringMap(o['annotations']));
  if (Array.isArray(o['ownerReferences'])) omitEmpty(out, 'ownerReferences', o['ownerReferences'].map(typedOwnerReference));
  if (Array.isArray(o['finalizers'])) omitEmpty(out, 'finalizers', o['finalizers'].map(str));
  if (showManagedFields && Array.isArray(o['managedFields'])) omitEmpty(out, 'managedFields', o['managedFields'].map(typedManagedField));
  return out;
}

/**
 * A core/v1 Event as kubectl's typed client holds it, in Go struct order: unknown fields dropped, omitempty fields
 * omitted when empty, zero timestamps null, `source`, `reportingComponent` and `reportingInstance` always present.
 * kind/apiVersion are set to v1 Event when the server sent neither (as kubectl does before printing).
 */
export function toTypedEvent(e: CoreEvent, showManagedFields = false): Json {
  const out: Json = {};
  let kind = str(e.kind);
  let apiVersion = str(e.apiVersion);
  if (kind === '' && apiVersion === '') {
    kind = 'Event';
    apiVersion = 'v1';
  }
  omitEmpty(out, 'kind', kind);
  omitEmpty(out, 'apiVersion', apiVersion);
  out['metadata'] = typedObjectMeta(e.metadata, showManagedFields);
  out['involvedObject'] = typedObjectReference(e.involvedObject);
  omitEmpty(out, 'reason', str(e.reason));
  omitEmpty(out, 'message', str(e.message));
  const source: Json = {};
  const src: Json = isGoMap(e.source) ? e.source : {};
  omitEmpty(source, 'component', str(src['component']));
  omitEmpty(source, 'host', str(src['host']));
  out['source'] = source;
  out['firstTimestamp'] = formatKubeTime(parseKubeTime(e.firstTimestamp));
  out['lastTimestamp'] = formatKubeTime(parseKubeTime(e.lastTimestamp));
  omitEmpty(out, 'count', int(e.count));
  omitEmpty(out, 'type', str(e.type));
  out['eventTime'] = formatKubeMicroTime(parseKubeTime(e.eventTime));
  if (isGoMap(e.series)) {
    const series: Json = {};
    omitEmpty(series, 'count', int(e.series['count']));
    series['lastObservedTime'] = formatKubeMicroTime(parseKubeTime(str(e.series['lastObservedTime'])));
    out['series'] = series;
  }
  omitEmpty(out, 'action', str(e.action));
  if (isGoMap(e.related)) out['related'] = typedObjectReference(e.related);
  out['reportingComponent'] = str(e.reportingComponent);
  out['reportingInstance'] = str(e.reportingInstance);
  return out;
}

/** The EventList kubectl builds and prints: TypeMeta set, an empty ListMeta, the (sorted, filtered) items. */
export function toTypedEventList(events: readonly CoreEvent[], showManagedFields = false): Json {
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map((e) => toTypedEvent(e, showManagedFields)) };
}

/** kubectl -o json of the typed view: encoding/json's MarshalIndent(v, "", "    ") of Go structs, so keys keep the
 * struct's field order (not sorted as for maps). */
export function marshalStructJSON(value: unknown): string {
  return `${marshalGoJSON(value, { indent: '    ', keyOrder: 'struct' })}\n`;
}
