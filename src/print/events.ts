// kubectl events' printer, sort order and typed view (kubectl 1.32 pkg/cmd/events): LAST SEEN with series and
// counts, OBJECT as Kind/name, terminal escapes neutralised, and the EventList kubectl prints for -o json|yaml —
// built from Go's core/v1 Event struct, so field order, nulls and omitted fields are the struct's, not the
// server's. Pure: the clock is passed in.
import type { CoreEvent } from '../k8s/types.js';
import { paint } from './color.js';
import { humanDuration } from '../go/duration.js';
import { goSort } from '../go/sort.js';
import { toWellFormed } from '../go/quote.js';
import { compareGo } from './jsonpath.js';
import { TabWriter } from '../go/tabwriter.js';

/**
 * A field as text. Events come from servers kt does not control; a field of the wrong type is shown, not a crash
 * (kubectl refuses the whole list instead).
 */
export function fieldText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** printers.EscapeTerminal: ESC and CR cannot reach the terminal. */
export function escapeTerminal(s: unknown): string {
  return fieldText(s).replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** Go's unicode.IsSpace set, which strings.TrimSpace trims (JS's trim() differs on U+0085 and U+FEFF). */
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function goTrimSpace(value: unknown): string {
  const s = fieldText(value);
  let a = 0;
  let b = s.length;
  while (a < b && GO_SPACE.includes(s[a]!)) a++;
  while (b > a && GO_SPACE.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Go's zero time.Time (0001-01-01T00:00:00Z) in nanoseconds since the Unix epoch. */
export const ZERO_TIME = -62135596800_000_000_000n;

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A metav1.Time or MicroTime as nanoseconds since the epoch (bigint: Go keeps nanoseconds, and year-1 times do not
 * fit a double's 53 bits), or ZERO_TIME for null, missing or unparsable — Go's zero time, which prints `<unknown>`.
 */
export function parseKubeTime(ts: string | null | undefined): bigint {
  if (!ts) return ZERO_TIME;
  const m = RFC3339.exec(ts);
  if (!m) return ZERO_TIME;
  const seconds = Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`);
  if (Number.isNaN(seconds)) return ZERO_TIME;
  const nanos = BigInt(((m[3] ?? '') + '000000000').slice(0, 9));
  return BigInt(seconds) * 1_000_000n + nanos;
}

/** translateTimestampSince: `<unknown>` for the zero time, else HumanDuration(now − t). */
function since(ts: string | null | undefined, nowMs: number): string {
  const ns = parseKubeTime(ts);
  if (ns === ZERO_TIME) return '<unknown>';
  const d = BigInt(Math.trunc(nowMs)) * 1_000_000n - ns;
  return humanDuration(Number(d / 1_000_000n) + Number(d % 1_000_000n) / 1e6);
}

/** LAST SEEN (kubectl's getInterval): `first`, or `<last> (xN over <first>)` for series and repeated events. */
export function eventInterval(e: CoreEvent, nowMs: number): string {
  const first = parseKubeTime(e.eventTime) !== ZERO_TIME ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
  if (e.series) return `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

/** The time kubectl sorts by, in ns: series.lastObservedTime, else lastTimestamp unless zero, else eventTime. */
export function eventSortTime(e: CoreEvent): bigint {
  if (e.series) return parseKubeTime(e.series.lastObservedTime);
  const last = parseKubeTime(e.lastTimestamp);
  return last !== ZERO_TIME ? last : parseKubeTime(e.eventTime);
}

/** Sorts oldest first, in place, leaving ties where Go's (unstable) sort.Sort leaves them. */
export function sortEvents<T extends CoreEvent>(events: T[]): T[] {
  const keys = new Map<T, bigint>(events.map((e) => [e, eventSortTime(e)]));
  return goSort(events, (a, b) => keys.get(a)! < keys.get(b)!);
}

export interface EventPrintOptions {
  allNamespaces: boolean;
  noHeaders: boolean;
  /** Paint Warning rows (kt's --color; kubectl never colours). */
  color?: boolean;
}

/**
 * kubectl's EventPrinter over its tab writer, fed repeatedly for --watch: the header once, and column widths that
 * only grow, because the tab writer remembers them across flushes. Each print() is one Flush().
 */
export class EventTablePrinter {
  private headerPrinted = false;
  private readonly writer = new TabWriter();

  constructor(private readonly options: EventPrintOptions) {}

  print(events: readonly CoreEvent[], nowMs: number): string {
    const styles: ('yellow' | undefined)[] = [];
    if (!this.options.noHeaders && !this.headerPrinted) {
      this.writer.write(`${this.options.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headerPrinted = true;
      styles.push(undefined);
    }
    for (const e of events) {
      const io = e.involvedObject ?? {};
      const row =
        `${this.options.allNamespaces ? `${fieldText(e.metadata?.namespace)}\t` : ''}${eventInterval(e, nowMs)}\t` +
        `${escapeTerminal(e.type ?? '')}\t${escapeTerminal(e.reason ?? '')}\t` +
        `${escapeTerminal(io.kind ?? '')}/${escapeTerminal(io.name ?? '')}\t${escapeTerminal(goTrimSpace(e.message ?? ''))}\n`;
      this.writer.write(row);
      // A message with newlines spans several output lines; all of them belong to the row.
      const style = e.type === 'Warning' ? 'yellow' : undefined;
      for (let i = row.split('\n').length - 1; i > 0; i--) styles.push(style);
    }
    const out = this.writer.flush();
    if (!this.options.color) return out;
    return paintRows(out, styles);
  }
}

function paintRows(text: string, styles: readonly ('yellow' | undefined)[]): string {
  const lines = text.split('\n');
  return lines.map((l, i) => (styles[i] && l !== '' ? paint(styles[i]!, l) : l)).join('\n');
}

// ---- The typed view: what kubectl's Go structs make of the server's JSON ----

/** Whole seconds (floored) and the nanoseconds within the second. */
function splitSeconds(ns: bigint): [number, bigint] {
  let sec = ns / 1_000_000_000n;
  let frac = ns % 1_000_000_000n;
  if (frac < 0n) {
    sec -= 1n;
    frac += 1_000_000_000n;
  }
  return [Number(sec), frac];
}

/** RFC 3339 date and time of day in UTC for whole seconds since the epoch, years 0001–9999. */
function utcSeconds(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 19);
}

/** metav1.Time's MarshalJSON: RFC 3339 in UTC, whole seconds; null for the zero time. */
export function formatKubeTime(ns: bigint): string | null {
  if (ns === ZERO_TIME) return null;
  return `${utcSeconds(splitSeconds(ns)[0])}Z`;
}

/** metav1.MicroTime's MarshalJSON: RFC 3339 in UTC with six fractional digits; null for the zero time. */
export function formatKubeMicroTime(ns: bigint): string | null {
  if (ns === ZERO_TIME) return null;
  const [sec, frac] = splitSeconds(ns);
  return `${utcSeconds(sec)}.${String(frac / 1000n).padStart(6, '0')}Z`;
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** Sets `key` unless the value is Go's empty value for an omitempty field. */
function omitEmpty(out: Json, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (isRecord(value) && Object.keys(value).length === 0 && key !== 'fieldsV1') return;
  out[key] = value;
}

function typedObjectReference(r: unknown): Json {
  const o = isRecord(r) ? r : {};
  const out: Json = {};
  for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) omitEmpty(out, k, str(o[k]));
  return out;
}

function stringMap(v: unknown): Json | undefined {
  if (!isRecord(v)) return undefined;
  // A Go map: encoding/json writes its keys sorted.
  const out: Json = {};
  for (const k of Object.keys(v).sort(compareGo)) out[k] = str(v[k]);
  return out;
}

function typedOwnerReference(r: unknown): Json {
  const o = isRecord(r) ? r : {};
  const out: Json = { apiVersion: str(o['apiVersion']), kind: str(o['kind']), name: str(o['name']), uid: str(o['uid']) };
  if (typeof o['controller'] === 'boolean') out['controller'] = o['controller'];
  if (typeof o['blockOwnerDeletion'] === 'boolean') out['blockOwnerDeletion'] = o['blockOwnerDeletion'];
  return out;
}

function typedManagedField(f: unknown): Json {
  const o = isRecord(f) ? f : {};
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
  const o = isRecord(m) ? m : {};
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
  const src: Json = isRecord(e.source) ? e.source : {};
  omitEmpty(source, 'component', str(src['component']));
  omitEmpty(source, 'host', str(src['host']));
  out['source'] = source;
  out['firstTimestamp'] = formatKubeTime(parseKubeTime(e.firstTimestamp));
  out['lastTimestamp'] = formatKubeTime(parseKubeTime(e.lastTimestamp));
  omitEmpty(out, 'count', int(e.count));
  omitEmpty(out, 'type', str(e.type));
  out['eventTime'] = formatKubeMicroTime(parseKubeTime(e.eventTime));
  if (isRecord(e.series)) {
    const series: Json = {};
    omitEmpty(series, 'count', int(e.series['count']));
    series['lastObservedTime'] = formatKubeMicroTime(parseKubeTime(str(e.series['lastObservedTime'])));
    out['series'] = series;
  }
  omitEmpty(out, 'action', str(e.action));
  if (isRecord(e.related)) out['related'] = typedObjectReference(e.related);
  out['reportingComponent'] = str(e.reportingComponent);
  out['reportingInstance'] = str(e.reportingInstance);
  return out;
}

/** The EventList kubectl builds and prints: TypeMeta set, an empty ListMeta, the (sorted, filtered) items. */
export function toTypedEventList(events: readonly CoreEvent[], showManagedFields = false): Json {
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map((e) => toTypedEvent(e, showManagedFields)) };
}

/**
 * encoding/json's MarshalIndent(v, "", "    ") of a typed Go value: keys in the order given (struct order, not
 * sorted as for maps), HTML-safe escapes of <, > and &, U+2028/U+2029 escaped, ill-formed UTF-16 replaced.
 */
export function marshalStructJSON(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? toWellFormed(v) : v), 4);
  return `${text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
