// Scenario files (fixtures/*.yaml): ordinary Kubernetes manifests, several documents per file, plus the sim-only
// kinds `Scenario` (a header) and `ContainerLog` (a container's log lines). Timestamps are written relative to now
// as `ago:5m` or `ago:3d4h`, so a scenario never ages.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../k8s/types.js';

export interface LogSpec {
  /** Time of the first line (`ago:…`), default: spaced to end one interval before now. */
  start?: string;
  /** Interval between lines, e.g. `30s`; default 1s. */
  every?: string;
  lines?: string[];
}

export interface ContainerLogDoc {
  kind: 'ContainerLog';
  metadata: { namespace?: string; name: string };
  container: string;
  current?: LogSpec;
  previous?: LogSpec;
  /** Lines appended while the sim runs live (not frozen), cycling. */
  live?: { every?: string; lines: string[] };
  /**
   * A current log of `count` lines generated on demand (any size, no memory): `{i}` in `text` is the line's
   * index; lines start at `start` (default: so that the last is now) and are `every` apart (default 10ms).
   */
  generate?: { count: number; every?: string; start?: string; text?: string };
}

export interface Scenario {
  name: string;
  description: string;
  objects: KubeObject[];
  logs: ContainerLogDoc[];
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };

/** Parses the relative durations scenarios use: Go units plus d and y (`3d4h`, `90s`, `1.5h`). */
export function parseRelative(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|y)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  if (matched !== text.length || text === '') throw new Error(`scenario: bad duration "${text}"`);
  return total;
}

/** Fields whose type is metav1.MicroTime: the apiserver writes them with six fractional digits. */
const MICRO_TIME_FIELDS = new Set(['eventTime', 'lastObservedTime', 'renewTime', 'acquireTime']);

export function formatTime(ms: number, micro: boolean): string {
  const iso = new Date(ms).toISOString();
  return micro ? `${iso.slice(0, 23)}000Z` : `${iso.slice(0, 19)}Z`;
}

/** Replaces every `ago:D` / `now` string with an absolute timestamp. */
export function resolveTimes<T>(value: T, now: number, field = ''): T {
  if (typeof value === 'string') {
    if (value === 'now') return formatTime(now, MICRO_TIME_FIELDS.has(field)) as T;
    if (value.startsWith('ago:')) {
      return formatTime(now - parseRelative(value.slice(4)), MICRO_TIME_FIELDS.has(field)) as T;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveTimes(v, now, field)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveTimes(v, now, k);
    return out as T;
  }
  return value;
}

export function parseScenario(text: string, now: number, source: string): Scenario {
  const scenario: Scenario = { name: source, description: '', objects: [], logs: [] };
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`scenario ${source}: ${doc.errors[0]!.message}`);
    const obj: unknown = doc.toJS();
    if (obj === null || obj === undefined) continue;
    if (typeof obj !== 'object') throw new Error(`scenario ${source}: a document is not an object`);
    const k = obj as KubeObject;
    if (k.kind === 'Scenario') {
      scenario.name = k.metadata?.name ?? scenario.name;
      scenario.description = typeof k['description'] === 'string' ? k['description'] : '';
    } else if (k.kind === 'ContainerLog') {
      scenario.logs.push(k as unknown as ContainerLogDoc);
    } else if (k.kind === 'List' && Array.isArray(k['items'])) {
      scenario.objects.push(...(k['items'] as KubeObject[]).map((o) => resolveTimes(o, now)));
    } else {
      scenario.objects.push(resolveTimes(k, now));
    }
  }
  return scenario;
}

/** The package's fixtures folder, found by walking up from this module (src/sim/ in the repo, dist/chunks/ bundled). */
export function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return join(dir, 'fixtures');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kt: the fixtures folder is missing from this installation');
    dir = parent;
  }
}

/** Loads a scenario file by name (a file in fixtures/) or by path. */
export function loadScenarioFile(nameOrPath: string, now: number): Scenario {
  const dir = fixturesDir();
  const candidates = [nameOrPath, join(dir, `${nameOrPath}.yaml`), join(dir, nameOrPath)];
  const file = candidates.find((c) => (c.includes('/') || c.endsWith('.yaml')) && existsSync(c));
  if (!file) throw new Error(`scenario "${nameOrPath}" not found (looked in ${dir})`);
  return parseScenario(readFileSync(file, 'utf8'), now, nameOrPath);
}
