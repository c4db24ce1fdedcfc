// JSON → typed values with encoding/json's rules (sigs.k8s.io/json: case-sensitive field names): a value of the
// wrong type is skipped and the first problem is the error, fields visited in the JSON's (sorted) key order, with
// Go's error texts (`json: cannot unmarshal number into Go struct field X.a.b of type string`). The schema names
// the Go types so the texts can name them too.
import { goJsonString, marshalGoJSON } from '../../go/json.js';
import { DecodeError, GoNumber, sortedEntries } from '../../go/yaml-decode.js';
import { goQuote } from '../../go/quote.js';
import type { JV } from '../../go/yaml-decode.js';
import { goBase64Decode } from '../../go/base64.js';

/** A Go type, as far as decoding needs it. */
export type Schema =
  | { k: 'string'; goType: string }
  | { k: 'bool' }
  | { k: 'bytes' }
  | { k: 'raw' }
  | { k: 'slice'; elem: Schema; goType: string }
  | { k: 'map'; elem: Schema; goType: string }
  | { k: 'struct'; name: string; goType: string; fields: Record<string, Schema> };

export interface DecodeState {
  error?: string;
}
export interface DecodeContext {
  struct: string | undefined;
  path: string[];
}
/** A decoded struct: JSON field name → decoded value (absent = Go zero value). */
export type RawObject = { [field: string]: RawValue | undefined };
export type RawValue = string | boolean | Uint8Array | RawValue[] | RawObject | RawExtension;
export class RawExtension {
  constructor(readonly json: string) {}
}

export function jsonTypeName(v: JV): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goTypeOf(s: Schema): string {
  switch (s.k) {
    case 'bool':
      return 'bool';
    case 'bytes':
      return '[]uint8';
    case 'raw':
      return 'runtime.RawExtension';
    default:
      return s.goType;
  }
}

function typeError(v: JV, s: Schema, ctx: DecodeContext, st: DecodeState): undefined {
  if (st.error === undefined) {
    const where = ctx.struct === undefined ? 'Go value' : `Go struct field ${ctx.struct}.${ctx.path.join('.')}`;
    st.error = `json: cannot unmarshal ${jsonTypeName(v)} into ${where} of type ${goTypeOf(s)}`;
  }
  return undefined;
}

export function decodeValue(v: JV, s: Schema, ctx: DecodeContext, st: DecodeState): RawValue | undefined {
  if (v === null) return undefined;
  switch (s.k) {
    case 'raw':
      return new RawExtension(marshalGoJSON(v));
    case 'string':
      return typeof v === 'string' ? v : typeError(v, s, ctx, st);
    case 'bool':
      return typeof v === 'boolean' ? v : typeError(v, s, ctx, st);
    case 'bytes': {
      if (Array.isArray(v)) {
        const out: number[] = [];
        for (const x of v) {
          if (x instanceof GoNumber && /^\d+$/.test(x.text) && Number(x.text) < 256) out.push(Number(x.text));
          else if (x !== null) typeError(x, { k: 'string', goType: 'uint8' }, ctx, st);
        }
        return Uint8Array.from(out);
      }
      if (typeof v !== 'string') return typeError(v, s, ctx, st);
      const r = goBase64Decode(v);
      if ('error' in r) {
        st.error ??= r.error;
        return undefined;
      }
      return r.bytes;
    }
    case 'slice':
      if (!Array.isArray(v)) return typeError(v, s, ctx, st);
      return v.map((x) => decodeValue(x, s.elem, ctx, st) ?? zeroOf(s.elem));
    case 'map': {
      if (!(v instanceof Map)) return typeError(v, s, ctx, st);
      const out: RawObject = {};
      for (const [key, x] of sortedEntries(v)) out[key] = decodeValue(x, s.elem, ctx, st) ?? zeroOf(s.elem);
      return out;
    }
    case 'struct': {
      if (!(v instanceof Map)) return typeError(v, s, ctx, st);
      const out: RawObject = {};
      for (const [key, x] of sortedEntries(v)) {
        const field = Object.hasOwn(s.fields, key) ? s.fields[key] : undefined;
        if (!field) continue;
        const decoded = decodeValue(x, field, { struct: s.name, path: [...ctx.path, key] }, st);
        if (decoded !== undefined) out[key] = decoded;
      }
      return out;
    }
  }
}

export function zeroOf(s: Schema): RawValue {
  switch (s.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'bytes':
      return new Uint8Array();
    case 'raw':
      return new RawExtension('');
    case 'slice':
      return [];
    case 'map':
    case 'struct':
      return {};
  }
}

// The version/kind sniff (apimachinery's SimpleMetaFactory, plain encoding/json) that runs before any decoding.

const VERSION_KIND_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** apiVersion and kind as the sniff reads them (keys matched case-insensitively), or Go's error for a bad shape. */
export function versionKindOf(json: JV): GroupVersionKind {
  const prefix = "couldn't get version/kind; json parse error: ";
  let apiVersion = '';
  let kind = '';
  if (json !== null && !(json instanceof Map)) throw new DecodeError(`${prefix}json: cannot unmarshal ${jsonTypeName(json)} into Go value of type ${VERSION_KIND_STRUCT}`);
  for (const [key, value] of json === null ? [] : sortedEntries(json)) {
    const field = key.toLowerCase() === 'apiversion' ? 'apiVersion' : key.toLowerCase() === 'kind' ? 'kind' : undefined;
    if (!field || value === null) continue;
    if (typeof value !== 'string') throw new DecodeError(`${prefix}json: cannot unmarshal ${jsonTypeName(value)} into Go struct field .${field} of type string`);
    if (field === 'apiVersion') apiVersion = value;
    else kind = value;
  }
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion, kind };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

/** The scheme's refusal of a kind it does not know, naming the file that registered the scheme as Go does. */
export function notRegisteredError(gvk: GroupVersionKind, scheme: string): DecodeError {
  const gv = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
  return new DecodeError(`no kind ${goQuote(gvk.kind)} is registered for version ${goQuote(gv)} in scheme ${goQuote(scheme)}`);
}
