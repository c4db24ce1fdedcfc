// Resuming a dropped log stream asks the server for lines since the last one's second, in UTC, whatever offset
// the kubelet printed the timestamp in.
import { describe, expect, it } from 'vitest';
import { resumeSinceTime, timestampKey } from '../../src/follow/resume.js';

describe('resume from a timestamp', () => {
  it.each([
    ['2026-11-25T10:00:05.123456789Z', '2026-11-25T10:00:05Z'],
    ['2026-11-25T19:00:05.5+09:00', '2026-11-25T10:00:05Z'],
    ['2026-11-25T04:30:59.999999999-05:30', '2026-11-25T10:00:59Z'],
    ['2026-11-25T10:00:05Z', '2026-11-25T10:00:05Z'],
  ])('%s → sinceTime %s', (ts, want) => {
    expect(resumeSinceTime(ts)).toBe(want);
  });

  it('orders timestamps in different offsets by the instant they name', () => {
    expect(timestampKey('2026-11-25T19:00:05.000000001+09:00')! > timestampKey('2026-11-25T10:00:05Z')!).toBe(true);
    expect(resumeSinceTime('not a time')).toBeUndefined();
  });
});
