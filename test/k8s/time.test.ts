// metav1.Time and MicroTime: decoding to nanoseconds, encoding as kubectl does, and the age kubectl prints.
import { describe, expect, it } from 'vitest';
import { formatKubeMicroTime, formatKubeTime, parseKubeTime, timeSince, ZERO_TIME } from '../../src/k8s/time.js';

describe('kube times', () => {
  it('keeps nanoseconds, year 1 included', () => {
    expect(parseKubeTime('0001-01-01T00:00:00Z')).toBe(ZERO_TIME);
    expect(parseKubeTime('0001-01-01T00:00:00.000001Z')).toBe(ZERO_TIME + 1000n);
    expect(parseKubeTime('2026-01-01T00:00:00.123456789+01:00') - parseKubeTime('2026-01-01T00:00:00+01:00')).toBe(123456789n);
    expect(parseKubeTime(null)).toBe(ZERO_TIME);
  });
  it('treats a field of the wrong type, from a server kt does not control, as unknown', () => {
    for (const v of [42, {}, [], true]) expect(parseKubeTime(v as unknown as string)).toBe(ZERO_TIME);
  });
  it('marshals Time to whole seconds in UTC and MicroTime to six digits', () => {
    expect(formatKubeTime(parseKubeTime('2026-01-01T01:00:00.9+01:00'))).toBe('2026-01-01T00:00:00Z');
    expect(formatKubeMicroTime(parseKubeTime('2001-02-03T04:05:06.0000019Z'))).toBe('2001-02-03T04:05:06.000001Z');
    expect(formatKubeMicroTime(parseKubeTime('0001-01-01T00:00:00.000001Z'))).toBe('0001-01-01T00:00:00.000001Z');
    expect(formatKubeTime(ZERO_TIME)).toBeNull();
  });
});

describe('timeSince (translateTimestampSince)', () => {
  const NOW = Date.parse('2026-11-25T12:00:00Z');
  it('is HumanDuration of now minus the time, <unknown> for the zero time or an unparsable one', () => {
    expect(timeSince('2026-11-25T11:57:00Z', NOW)).toBe('3m');
    expect(timeSince('2026-11-25T11:59:59.5Z', NOW)).toBe('0s');
    expect(timeSince('0001-01-01T00:00:00Z', NOW)).toBe('<unknown>');
    expect(timeSince('yesterday', NOW)).toBe('<unknown>');
    expect(timeSince(undefined, NOW)).toBe('<unknown>');
  });
  it('saturates like time.Time.Sub for times further away than an int64 of nanoseconds', () => {
    expect(timeSince('0001-01-01T00:00:01Z', NOW)).toBe('292y');
    expect(timeSince('9999-01-01T00:00:00Z', NOW)).toBe('<invalid>');
  });
});
