// apimachinery's HumanDuration and ShortHumanDuration (AGE, LAST SEEN).
import { describe, expect, it } from 'vitest';
import { humanDuration, humanDurationNs, shortHumanDuration } from '../../src/k8s/duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  // The "+ 500" rows were checked against kubectl 1.32 `kubectl events` (LAST SEEN) on a mock API server.
  it.each([
    [-3 * S + 500, '<invalid>'],
    [-2 * S, '<invalid>'],
    [-2 * S + 1, '0s'],
    [-2 * S + 500, '0s'],
    [-1 * S + 500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [1 * S + 500, '1s'],
    [59 * S + 500, '59s'],
    [60 * S + 500, '60s'],
    [119 * S + 500, '119s'],
    [119 * S + 999, '119s'],
    [120 * S, '2m'],
    [123 * S + 500, '2m3s'],
    [180 * S + 500, '3m'],
    [599 * S + 500, '9m59s'],
    [600 * S + 500, '10m'],
    [601 * S + 500, '10m'],
    [179 * M + 500, '179m'],
    [180 * M + 500, '3h'],
    [3 * H + 20 * M + 500, '3h20m'],
    [7 * H + 59 * M + 500, '7h59m'],
    [8 * H + 500, '8h'],
    [47 * H + 59 * M + 500, '47h'],
    [48 * H + 500, '2d'],
    [2 * D + 5 * H + 500, '2d5h'],
    [7 * D + 23 * H + 500, '7d23h'],
    [8 * D + 500, '8d'],
    [10 * D + 500, '10d'],
    [729 * D + 500, '729d'],
    [730 * D + 500, '2y'],
    [2 * Y + 100 * D + 500, '2y100d'],
    [3 * Y + 500, '3y'],
    [8 * Y - D + 500, '7y364d'],
    [8 * Y + 500, '8y'],
    [100 * Y + 500, '100y'],
    [292 * Y + 500, '292y'],
    // Durations saturate at the int64 range, like time.Time.Sub.
    [1e300, '292y'],
    [Infinity, '292y'],
    [-Infinity, '<invalid>'],
    // Fractions of a millisecond are kept: 1.9999999s truncates to 1s.
    [1999.9999, '1s'],
    [NaN, '<invalid>'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('does not lose whole seconds to floating point on large inputs', () => {
    expect(humanDuration(119 * S + 999.999999)).toBe('119s');
    expect(humanDuration(8 * Y - 1)).toBe('7y364d');
    expect(humanDuration(8 * Y)).toBe('8y');
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [59 * S + 999, '59s'],
    [60 * S, '1m'],
    [59 * M + 59 * S, '59m'],
    [60 * M, '1h'],
    [23 * H + 59 * M, '23h'],
    [24 * H, '1d'],
    [364 * D + 23 * H, '364d'],
    [365 * D, '1y'],
    [2 * Y - 1, '1y'],
    [2 * Y, '2y'],
    [Infinity, '292y'],
    [NaN, '<invalid>'],
  ])('%d ms → %s', (ms, expected) => {
    expect(shortHumanDuration(ms)).toBe(expected);
  });
});

describe('humanDurationNs', () => {
  it('takes a Go duration in nanoseconds, truncating toward zero', () => {
    expect(humanDurationNs(119_999_999_999n)).toBe('119s');
    expect(humanDurationNs(-1_999_999_999n)).toBe('0s');
    expect(humanDurationNs(-2_000_000_000n)).toBe('<invalid>');
    expect(humanDurationNs((1n << 63n) - 1n)).toBe('292y');
  });
});
