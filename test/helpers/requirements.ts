// What the test suite needs from the machine, by name: each requirement says how to find it and, in one line,
// what to do when it is missing. vitest.config.ts resolves them once per run: a test tagged with a requirement's
// name (`needs('kubectl')`) is skipped when it is missing, the run ends with one line counting those skips, and
// with CI=true a missing requirement fails the run before any test (test/helpers/global-setup.ts).
//
// This module imports only Node built-ins, so bench/ and .ci/run can use it too:
//   node test/helpers/requirements.ts --check      exits 1 with the one line for each missing requirement.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Requirement {
  /** The tag tests use (`needs('kubectl')`). */
  readonly name: string;
  /** Shown by `vitest --help` beside the tag. */
  readonly description: string;
  /** The one line printed when it is missing. */
  readonly missing: string;
  /** Where it is (a path), or undefined when this machine lacks it. */
  find(): string | undefined;
}

/** The absolute path of a command on PATH, or undefined. */
function onPath(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path.startsWith('/') ? path : undefined;
}

/** kubectl 1.32: $KT_KUBECTL, else `kubectl.1.32` on PATH, else beside the Cloud SDK dispatcher `kubectl` links to. */
export function findKubectl(): string | undefined {
  const candidates: string[] = [];
  const configured = process.env['KT_KUBECTL'];
  if (configured) candidates.push(configured);
  const pinned = onPath('kubectl.1.32');
  if (pinned) candidates.push(pinned);
  const dispatcher = onPath('kubectl');
  if (dispatcher) candidates.push(join(dirname(realpathSync(dispatcher)), 'kubectl.1.32'));
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    const v = spawnSync(c, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
    if (v.status === 0 && /"gitVersion":\s*"v1\.32\./.test(v.stdout)) return c;
  }
  return undefined;
}

export const REQUIREMENTS = [
  {
    name: 'kubectl',
    description: 'real kubectl 1.32, the oracle of the parity tests ($KT_KUBECTL, kubectl.1.32 on PATH, or beside the Cloud SDK kubectl)',
    missing: 'kubectl 1.32 not found: install it or set KT_KUBECTL',
    find: findKubectl,
  },
  {
    name: 'zsh',
    description: 'zsh, to run the zsh completion script (Debian package zsh)',
    missing: 'zsh not found: install it (apt-get install -y zsh)',
    find: () => onPath('zsh'),
  },
  {
    name: 'fish',
    description: 'fish, to run the fish completion script (Debian package fish)',
    missing: 'fish not found: install it (apt-get install -y fish)',
    find: () => onPath('fish'),
  },
  {
    name: 'tmux',
    description: 'tmux, a terminal for the tests that drive kt through a pty (Debian package tmux)',
    missing: 'tmux not found: install it (apt-get install -y tmux)',
    find: () => onPath('tmux'),
  },
] as const satisfies readonly Requirement[];

export type RequirementName = (typeof REQUIREMENTS)[number]['name'];

/** Where each requirement is ('' when missing), as vitest.config.ts hands it to the test workers. */
export type Resolved = Record<RequirementName, string>;

/** The environment variable that carries the resolved requirements from vitest's main process to its workers. */
export const RESOLVED_ENV = 'KT_TEST_REQUIREMENTS';

export function resolveRequirements(): Resolved {
  return Object.fromEntries(REQUIREMENTS.map((r) => [r.name, r.find() ?? ''])) as Resolved;
}

let resolved: Resolved | undefined;

/** The path of a requirement, or undefined when it is missing (resolved once per process, or taken from vitest). */
export function requirement(name: RequirementName): string | undefined {
  if (!resolved) {
    const handed = process.env[RESOLVED_ENV];
    resolved = handed ? (JSON.parse(handed) as Resolved) : resolveRequirements();
  }
  return resolved[name] || undefined;
}

/** Test options that tag a suite or test with what it needs: `describe('…', needs('kubectl'), () => …)`. */
export function needs(...names: RequirementName[]): { tags: RequirementName[] } {
  return { tags: names };
}

/** The one line for each missing requirement. */
export function missingLines(r: Resolved): string[] {
  return REQUIREMENTS.filter((q) => !r[q.name]).map((q) => q.missing);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  const lines = missingLines(resolveRequirements());
  for (const l of lines) process.stderr.write(`${l}\n`);
  process.exit(lines.length > 0 ? 1 : 0);
}
