// Puts a pod's JSON in the form Go's typed v1.Pod gives it, so a pod kt sent as JSON and one kubectl sent as
// protobuf compare equal when they mean the same: fields Go does not know are dropped, and so are zero values of
// non-pointer fields and empty lists, maps and (non-pointer) structs — none of which exist on the protobuf wire.
import { POD_SCHEMA, type FieldSpec } from '../../src/sim/protobuf-schema.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function fieldsOf(type: string): Map<string, FieldSpec> {
  const out = new Map<string, FieldSpec>();
  for (const spec of Object.values(POD_SCHEMA[type] ?? {})) {
    if (spec[2].includes('i')) for (const [k, v] of fieldsOf(spec[1])) out.set(k, v);
    else out.set(spec[0], spec);
  }
  return out;
}

const SCALARS = new Set(['string', 'bool', 'int', 'bytes', 'quantity', 'intOrString', 'time', 'duration', 'fieldsV1']);

function isZero(v: Json): boolean {
  return v === null || v === '' || v === false || v === 0;
}

function normalizeValue(type: string, v: Json, pointer: boolean): Json | undefined {
  if (SCALARS.has(type)) return !pointer && isZero(v) ? undefined : v;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const out = normalizeMessage(type, v);
  return Object.keys(out).length === 0 && !pointer ? undefined : out;
}

export function normalizeMessage(type: string, obj: { [k: string]: Json }): { [k: string]: Json } {
  const fields = fieldsOf(type);
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(obj)) {
    const spec = fields.get(k);
    if (!spec) continue;
    const [, ftype, flags] = spec;
    if (ftype.startsWith('map:')) {
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) out[k] = v;
      continue;
    }
    if (flags.includes('r')) {
      if (Array.isArray(v) && v.length > 0) out[k] = v.map((x) => (SCALARS.has(ftype) ? x : (normalizeValue(ftype, x, true) ?? {})));
      continue;
    }
    const n = normalizeValue(ftype, v, flags.includes('p'));
    if (n !== undefined) out[k] = n;
  }
  return out;
}

/** A Pod (with kind and apiVersion kept) in Go's typed form. */
export function normalizePod(pod: unknown): { [k: string]: Json } {
  const obj = pod as { [k: string]: Json };
  return { ...(obj['apiVersion'] ? { apiVersion: obj['apiVersion'] } : {}), ...(obj['kind'] ? { kind: obj['kind'] } : {}), ...normalizeMessage('Pod', obj) };
}
