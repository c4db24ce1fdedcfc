// The parity harness itself (test/helpers/parity.ts, ages.ts): a case fails when kubectl does not do what it says,
// ages may differ only by the time the runs took, and only kubectl's discovery log lines are ever dropped.
import { describe, expect, it } from 'vitest';
import { agesWithin } from './helpers/ages.js';
import { afterDiscoveryLog, compareResults, expectKubectl, fails, quiet, succeeds, withoutDiscoveryLog } from './helpers/parity.js';

const table = (age: string, over: string): string => `LAST SEEN${' '.repeat(Math.max(3, age.length + over.length + 12 - 9))}TYPE\n${age} (x5 over ${over})   Normal\n`;

describe('ages compared as durations', () => {
  it('accepts ages one tick apart when the runs took that long, and says so exactly', () => {
    const [kt, kubectl] = agesWithin(table('4m1s', '51m'), table('4m2s', '51m'), 300);
    expect(kt).toBe(kubectl);
    expect(kubectl).toBe(table('4m2s', '51m'));
  });

  it('collapses padding only when a straddled age changed its width (4m0s prints as 4m)', () => {
    const [kt, kubectl] = agesWithin('4m      Normal\n', '4m1s    Normal\n', 200);
    expect(kt).toBe(kubectl);
  });

  it('refuses ages further apart than the runs took, and any other difference', () => {
    expect(agesWithin('4m1s   Normal\n', '4m9s   Normal\n', 1000)).toEqual(['4m1s   Normal\n', '4m9s   Normal\n']);
    expect(agesWithin('52m   Normal\n', '54m   Normal\n', 1000)).toEqual(['52m   Normal\n', '54m   Normal\n']);
    const [kt, kubectl] = agesWithin('4m1s   Normal   x\n', '4m2s   Warning  x\n', 1000);
    expect(kt).not.toBe(kubectl);
    expect(agesWithin('4m1s\n', '4m1s 5s\n', 1000)).toEqual(['4m1s\n', '4m1s 5s\n']);
  });
});

describe('what kubectl must do', () => {
  it('fails a case whose kubectl did something else, before kt is looked at', async () => {
    const kubectl = { code: 1, stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n' };
    expect(() => expectKubectl(kubectl, succeeds())).toThrow(/did not do what the case says.*exit code 1, expected 0; stdout should be non-empty/);
    await expect(compareResults(succeeds(), kubectl, kubectl)).rejects.toThrow(/did not do what the case says/);
    expect(() => expectKubectl(kubectl, fails('error: metrics not available yet\n'))).toThrow(/stderr should be starting with "error: metrics not available yet\\n"/);
    expect(() => expectKubectl({ code: 0, stdout: 'x', stderr: '' }, quiet())).toThrow(/stdout should be empty/);
    expectKubectl(kubectl, fails(/NotFound/));
  });

  it('drops exactly kubectl\'s memcache.go discovery lines, nothing else', () => {
    const discovery = 'E1202 17:00:00.123456   12345 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list"\n';
    const other = 'E1202 17:00:00.123456   12345 round_trippers.go:1] something else\n';
    expect(withoutDiscoveryLog(`${discovery}${discovery}The connection to the server was refused\n`)).toBe('The connection to the server was refused\n');
    expect(withoutDiscoveryLog(`${other}x\n`)).toBe(`${other}x\n`);
    expect(afterDiscoveryLog('error: x (y)\n').test(`${discovery}error: x (y)\n`)).toBe(true);
    expect(afterDiscoveryLog('error: x (y)\n').test(`${other}error: x (y)\n`)).toBe(false);
  });
});
