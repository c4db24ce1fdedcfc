// Kubernetes' human-readable durations (apimachinery pkg/util/duration): HumanDuration for AGE and LAST SEEN, and
// ShortHumanDuration. Input is milliseconds, as kt's clocks give them, or nanoseconds (a Go time.Duration).

import { HOUR, MAX_DURATION, MIN_DURATION, MINUTE, SECOND } from '../go/duration.js';

const NS_PER_MS = 1_000_000n;

/**
 * Milliseconds → nanoseconds, saturating at the int64 range the way time.Time.Sub does. The integer part
 * is converted exactly (ms × 1e6 in floating point would already be off by hundreds of ns near 2^53).
 */
function msToNs(ms: number): bigint {
  if (ms === Infinity) return MAX_DURATION;
  if (ms === -Infinity) return MIN_DURATION;
  const whole = Math.trunc(ms);
  const ns = BigInt(whole) * NS_PER_MS + BigInt(Math.trunc((ms - whole) * 1e6));
  if (ns > MAX_DURATION) return MAX_DURATION;
  if (ns < MIN_DURATION) return MIN_DURATION;
  return ns;
}

/** apimachinery duration.HumanDuration (AGE / LAST SEEN) of milliseconds (may be negative): see spec §3.4. */
export function humanDuration(ms: number): string {
  // NaN cannot come out of Go's time arithmetic; an unparsable timestamp is the likely cause, so say so.
  if (Number.isNaN(ms)) return '<invalid>';
  return humanDurationNs(msToNs(ms));
}

/** apimachinery duration.HumanDuration of a Go duration (int64 nanoseconds). */
export function humanDurationNs(d: bigint): string {
  // int(d.Seconds()) truncates toward zero; -1s is tolerated as clock skew.
  const seconds = d / SECOND;
  if (seconds < -1n) return '<invalid>';
  if (seconds < 0n) return '0s';
  if (seconds < 120n) return `${seconds}s`;
  const minutes = d / MINUTE;
  if (minutes < 10n) {
    const s = seconds % 60n;
    return s === 0n ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180n) return `${minutes}m`;
  const hours = d / HOUR;
  if (hours < 8n) {
    const m = minutes % 60n;
    return m === 0n ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48n) return `${hours}h`;
  const days = hours / 24n;
  if (hours < 24n * 8n) {
    const h = hours % 24n;
    return h === 0n ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24n * 365n * 2n) return `${days}d`;
  const years = days / 365n;
  if (hours < 24n * 365n * 8n) {
    const dy = days % 365n;
    return dy === 0n ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Go's Duration.Minutes()/Hours(): whole units plus the remainder as a float64 fraction. */
function unitsFloat(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

/** apimachinery duration.ShortHumanDuration: one unit only. */
export function shortHumanDuration(ms: number): string {
  if (Number.isNaN(ms)) return '<invalid>';
  const d = msToNs(ms);
  const seconds = d / SECOND;
  if (seconds < -1n) return '<invalid>';
  if (seconds < 0n) return '0s';
  if (seconds < 60n) return `${seconds}s`;
  const minutes = Math.trunc(unitsFloat(d, MINUTE));
  if (minutes < 60) return `${minutes}m`;
  const hoursF = unitsFloat(d, HOUR);
  const hours = Math.trunc(hoursF);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  // Go divides the float hours here, not the integer ones.
  return `${Math.trunc(hoursF / 24 / 365)}y`;
}
