// Decoding `application/vnd.kubernetes.protobuf` request bodies: real kubectl creates pods (debug --copy-to,
// debug node/…) in protobuf and client-go never falls back to JSON, so the sim reads them. The envelope is the
// 4-byte magic `k8s\0` and a runtime.Unknown {typeMeta, raw, contentEncoding, contentType}; `raw` is the
// object's own message, decoded with the field table in protobuf-schema.ts into the JSON a client would send.
import { POD_SCHEMA, type FieldSpec } from './protobuf-schema.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** A protobuf body the sim cannot read (not the envelope, an unknown kind, or malformed bytes). */
export class ProtobufError extends Error {
  override name = 'ProtobufError';
}

interface WireField {
  number: number;
  wireType: number;
  /** varint and fixed values */
  int?: bigint;
  /** length-delimited bytes */
  bytes?: Uint8Array;
}

/** Splits one message into its fields, in wire order. */
export function readFields(buf: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new ProtobufError('truncated varint');
      const b = buf[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtobufError('varint too long');
    }
  };
  const fixed = (n: number): bigint => {
    if (pos + n > buf.length) throw new ProtobufError('truncated fixed field');
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(buf[pos + i]!);
    pos += n;
    return v;
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wireType = key & 7;
    if (number === 0) throw new ProtobufError('field number 0');
    switch (wireType) {
      case 0:
        fields.push({ number, wireType, int: varint() });
        break;
      case 1:
        fields.push({ number, wireType, int: fixed(8) });
        break;
      case 2: {
        const len = Number(varint());
        if (pos + len > buf.length) throw new ProtobufError('truncated length-delimited field');
        fields.push({ number, wireType, bytes: buf.subarray(pos, pos + len) });
        pos += len;
        break;
      }
      case 5:
        fields.push({ number, wireType, int: fixed(4) });
        break;
      default:
        throw new ProtobufError(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

const utf8 = new TextDecoder('utf-8');
const text = (f: WireField): string => (f.bytes ? utf8.decode(f.bytes) : '');
/** int64 in two's complement. */
const signed = (v: bigint | undefined): number => Number(BigInt.asIntN(64, v ?? 0n));

function sub(f: WireField): WireField[] {
  return readFields(f.bytes ?? new Uint8Array());
}

function one(fields: WireField[], n: number): WireField | undefined {
  let found: WireField | undefined;
  for (const f of fields) if (f.number === n) found = f; // proto2: the last occurrence wins
  return found;
}

/** metav1.Time {seconds, nanos} → RFC 3339 with seconds precision, as its JSON form is; zero → undefined. */
function decodeTime(fields: WireField[]): string | undefined {
  const seconds = signed(one(fields, 1)?.int);
  if (fields.length === 0) return undefined;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function decodeIntOrString(fields: WireField[]): number | string {
  const type = signed(one(fields, 1)?.int);
  if (type === 1) return text(one(fields, 3) ?? { number: 3, wireType: 2 });
  return signed(one(fields, 2)?.int);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One value of `type` from one wire field; undefined for a zero value that JSON would omit. */
function decodeValue(type: string, f: WireField, keepZero: boolean): Json | undefined {
  switch (type) {
    case 'string': {
      const s = text(f);
      return s === '' && !keepZero ? undefined : s;
    }
    case 'bool': {
      const b = (f.int ?? 0n) !== 0n;
      return !b && !keepZero ? undefined : b;
    }
    case 'int': {
      const n = signed(f.int);
      return n === 0 && !keepZero ? undefined : n;
    }
    case 'bytes':
      return Buffer.from(f.bytes ?? new Uint8Array()).toString('base64');
    case 'quantity': {
      const q = one(sub(f), 1);
      return q ? text(q) : undefined;
    }
    case 'intOrString':
      return decodeIntOrString(sub(f));
    case 'time':
      return decodeTime(sub(f));
    case 'duration': {
      const ns = signed(one(sub(f), 1)?.int);
      return `${ns / 1e9}s`;
    }
    case 'fieldsV1': {
      const raw = one(sub(f), 1);
      try {
        return raw?.bytes ? (JSON.parse(utf8.decode(raw.bytes)) as Json) : undefined;
      } catch {
        return undefined;
      }
    }
    default: {
      const obj = decodeMessage(type, f.bytes ?? new Uint8Array());
      return Object.keys(obj).length === 0 && !keepZero ? undefined : obj;
    }
  }
}

/** Decodes `buf` as message `type` of the pod schema into its JSON form. */
export function decodeMessage(type: string, buf: Uint8Array): { [k: string]: Json } {
  const schema = POD_SCHEMA[type];
  if (!schema) throw new ProtobufError(`no schema for ${type}`);
  const out: { [k: string]: Json } = {};
  for (const f of readFields(buf)) {
    const spec: FieldSpec | undefined = schema[f.number];
    if (!spec) continue; // a field newer than the schema: ignore it, as an older apiserver would
    const [json, ftype, flags] = spec;
    const repeated = flags.includes('r') || ftype.startsWith('map:');
    if (ftype.startsWith('map:')) {
      const entry = sub(f);
      const key = one(entry, 1);
      const val = one(entry, 2);
      const vtype = ftype.slice(4);
      const map = (out[json] ??= {}) as { [k: string]: Json };
      map[key ? text(key) : ''] = val ? (decodeValue(vtype, val, true) ?? '') : vtype === 'string' ? '' : {};
      continue;
    }
    if (flags.includes('i')) {
      Object.assign(out, decodeMessage(ftype, f.bytes ?? new Uint8Array()));
      continue;
    }
    if (repeated) {
      const list = (out[json] ??= []) as Json[];
      if (f.wireType === 2 && (ftype === 'int' || ftype === 'bool')) {
        // packed scalars
        for (const p of readPackedVarints(f.bytes ?? new Uint8Array())) list.push(ftype === 'bool' ? p !== 0n : signed(p));
      } else {
        list.push(decodeValue(ftype, f, true) ?? null);
      }
      continue;
    }
    const value = decodeValue(ftype, f, flags.includes('p'));
    if (value === undefined) delete out[json];
    else out[json] = value;
  }
  return out;
}

function readPackedVarints(buf: Uint8Array): bigint[] {
  const values: bigint[] = [];
  let v = 0n;
  let shift = 0n;
  for (const b of buf) {
    v |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) {
      values.push(v);
      v = 0n;
      shift = 0n;
    } else shift += 7n;
  }
  return values;
}

/** Whether a body starts with the `k8s\0` magic. */
export function isKubeProtobuf(buf: Uint8Array): boolean {
  return buf.length >= 4 && MAGIC.every((b, i) => buf[i] === b);
}

/** The object in a Kubernetes protobuf envelope, as JSON. Only core/v1 Pods are understood. */
export function decodeKubeProtobuf(buf: Uint8Array): { [k: string]: Json } {
  if (!isKubeProtobuf(buf)) throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const unknown = readFields(buf.subarray(4));
  const typeMeta = one(unknown, 1);
  const tm = typeMeta ? sub(typeMeta) : [];
  const apiVersion = text(one(tm, 1) ?? { number: 1, wireType: 2 });
  const kind = text(one(tm, 2) ?? { number: 2, wireType: 2 });
  const encoding = one(unknown, 3);
  if (encoding && text(encoding) !== '') throw new ProtobufError(`unsupported content encoding ${text(encoding)}`);
  const raw = one(unknown, 2)?.bytes ?? new Uint8Array();
  if (!POD_SCHEMA[kind] || apiVersion !== 'v1' || kind !== 'Pod') throw new ProtobufError(`the sim decodes only v1 Pods from protobuf, not ${apiVersion}/${kind}`);
  return { kind, apiVersion, ...decodeMessage(kind, raw) };
}
