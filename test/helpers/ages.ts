// Ages as kubectl prints them (Go's duration.HumanDuration: 45s, 4m1s, 52m, 3h5m, 6d, 2y3d) come from each tool's
// own clock, and kubectl's clock cannot be frozen. Two runs that straddle a second (or a minute) print different
// ages; this compares them as durations instead, with a tolerance equal to the time the runs took.

const AGE = /(?<![\w.])(?:\d+y\d+d|\d+y|\d+d\d+h|\d+d|\d+h\d+m|\d+h|\d+m\d+s|\d+m|\d+s)(?![\w.])/g;
const UNIT_SECONDS: Record<string, number> = { y: 365 * 86_400, d: 86_400, h: 3_600, m: 60, s: 1 };

function seconds(age: string): number {
  let total = 0;
  for (const [, n, unit] of age.matchAll(/(\d+)([ydhms])/g)) total += Number(n) * UNIT_SECONDS[unit!]!;
  return total;
}

/** The step HumanDuration rounds an age of `s` seconds down to. */
function step(s: number): number {
  if (s < 10 * 60) return 1;
  if (s < 8 * 3_600) return 60;
  if (s < 8 * 86_400) return 3_600;
  if (s < 8 * 365 * 86_400) return 86_400;
  return 365 * 86_400;
}

function consistent(a: string, b: string, windowMs: number): boolean {
  const x = seconds(a);
  const y = seconds(b);
  return Math.abs(x - y) <= Math.ceil(windowMs / 1000) + Math.max(step(x), step(y));
}

/**
 * kt's and kubectl's text made comparable: when both have the same ages in the same places, each within the
 * tolerance of its counterpart, kt's ages are replaced by kubectl's. If that changed a column's width (4m vs 4m1s),
 * runs of spaces are collapsed in both, since the tab writer pads each column to its widest cell. Otherwise both
 * are returned as they are, so the comparison shows the real difference.
 */
export function agesWithin(kt: string, kubectl: string, windowMs: number): [string, string] {
  const theirs = [...kubectl.matchAll(AGE)].map((m) => m[0]);
  const mine = [...kt.matchAll(AGE)].map((m) => m[0]);
  if (theirs.length !== mine.length || mine.some((a, i) => !consistent(a, theirs[i]!, windowMs))) return [kt, kubectl];
  let i = 0;
  const replaced = kt.replace(AGE, () => theirs[i++]!);
  if (mine.every((a, k) => a.length === theirs[k]!.length)) return [replaced, kubectl];
  const collapse = (s: string): string => s.replace(/ {2,}/g, '  ');
  return [collapse(replaced), collapse(kubectl)];
}
