// The layout is the architecture (README "Architecture"): these tests hold every file under src/ to it, so a
// shortcut across layers fails here instead of being found in review.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, readSources, type SourceFile } from './graph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const files = readSources(SRC);

/** `commands/logs/run.ts` → `commands/logs`; `client/kubeconfig/load.ts` → `client`. */
function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'commands') return `commands/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : path.replace(/\.ts$/, '');
}

/** What each layer may import besides itself. `errors` is src/errors.ts, the error kinds every layer raises. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  go: ['errors'],
  k8s: ['go', 'errors'],
  util: ['errors'],
  client: ['go', 'k8s', 'util', 'errors'],
  follow: ['client', 'print', 'go', 'k8s', 'util', 'errors'],
  report: ['go', 'k8s', 'errors'],
  print: ['report', 'go', 'k8s', 'errors'],
  sim: ['go', 'k8s', 'util', 'errors'],
};

function violations(f: SourceFile): string[] {
  const from = layerOf(f.path);
  const out: string[] = [];
  for (const target of f.imports) {
    const to = layerOf(target);
    if (to === from) continue;
    if (from.startsWith('commands/')) {
      // A command is an adapter over the layers below; it never reaches into another command.
      if (to.startsWith('commands/')) out.push(`${f.path} → ${target}`);
      continue;
    }
    const allowed = MAY_IMPORT[from];
    if (allowed && !allowed.includes(to)) out.push(`${f.path} → ${target}`);
  }
  return out;
}

describe('architecture', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.path === 'cli/main.ts')).toBe(true);
  });

  it('has no import cycles (static, type-only or dynamic)', () => {
    expect(importCycles(files)).toEqual([]);
  });

  it('keeps each layer to what it may import', () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('keeps files to one job: none over 600 lines but generated ones', () => {
    const long = files.filter((f) => !/^\/\/ GENERATED/.test(f.text) && f.text.split('\n').length > 600).map((f) => `${f.path}: ${f.text.split('\n').length}`);
    expect(long).toEqual([]);
  });

  it("reaches into no library's private fields", () => {
    const privates = /\._hidden\b|\bauthenticators\b|\bexecFn\b|\._optionValues\b|\._actionHandler\b/;
    expect(files.filter((f) => privates.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('detects what it guards against (the checks can fail)', () => {
    const fake: SourceFile[] = [
      { path: 'print/a.ts', text: '', imports: ['client/api.ts'] },
      { path: 'commands/top/x.ts', text: '', imports: ['commands/logs/y.ts'] },
      { path: 'go/p.ts', text: '', imports: ['go/q.ts'] },
      { path: 'go/q.ts', text: '', imports: ['go/p.ts'] },
    ];
    expect(fake.flatMap(violations)).toEqual(['print/a.ts → client/api.ts', 'commands/top/x.ts → commands/logs/y.ts']);
    expect(importCycles(fake)).toEqual([['go/p.ts', 'go/q.ts']]);
  });
});
