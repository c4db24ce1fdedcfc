// apimachinery's metav1.Time and metav1.MicroTime as kubectl decodes and encodes them, on Go's RFC3339 parser
// (src/go/time.ts): nanoseconds since the epoch, with Go's zero time for null, missing or unparsable fields.

import { MAX_DURATION, MIN_DURATION } from '../go/duration.js';
import { formatRFC3339, tryParseRFC3339 } from '../go/time.js';
import { humanDurationNs } from './duration.js';

/** Go's zero time.Time (0001-01-01T00:00:00Z) in nanoseconds since the Unix epoch. */
export const ZERO_TIME = -62135596800_000_000_000n;

/**
 * A metav1.Time or MicroTime field as nanoseconds since the epoch, or ZERO_TIME for null, missing or unparsable —
 * where kubectl would refuse the whole object, kt shows the field as unknown.
 */
export function parseKubeTime(ts: string | null | undefined): bigint {
  // Typed as the API documents it, but the JSON came from a server: anything but a string is unknown too.
  if (typeof ts !== 'string' || ts === '') return ZERO_TIME;
  return tryParseRFC3339(ts) ?? ZERO_TIME;
}

/** metav1.Time's MarshalJSON: RFC 3339 in UTC, whole seconds; null for the zero time. */
export function formatKubeTime(ns: bigint): string | null {
  return ns === ZERO_TIME ? null : formatRFC3339(ns);
}

/** metav1.MicroTime's MarshalJSON: RFC 3339 in UTC with six fractional digits; null for the zero time. */
export function formatKubeMicroTime(ns: bigint): string | null {
  return ns === ZERO_TIME ? null : formatRFC3339(ns, 'micro');
}

/** kubectl's translateTimestampSince: `<unknown>` for the zero time, else HumanDuration(now − t). */
export function timeSince(ts: string | null | undefined, nowMs: number): string {
  const ns = parseKubeTime(ts);
  if (ns === ZERO_TIME) return '<unknown>';
  // time.Time.Sub saturates at the int64 range (year-1 times are further away than that).
  const d = BigInt(Math.trunc(nowMs)) * 1_000_000n - ns;
  return humanDurationNs(d > MAX_DURATION ? MAX_DURATION : d < MIN_DURATION ? MIN_DURATION : d);
}
