// A vitest reporter that ends the run with one line per missing requirement, counting the tests skipped for it
// (tests tagged with `needs(NAME)`, test/helpers/requirements.ts), and the plain `N passed, N failed` line.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';
import { REQUIREMENTS, type Resolved } from './requirements.js';

export class RequirementsReporter implements Reporter {
  constructor(private readonly resolved: Resolved) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const skippedFor = new Map<string, number>();
    // A file that failed to load and an error outside any test fail the run too: each counts as one failure.
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const m of modules) {
      if (m.state() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) counts.failed++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state]++;
        if (state !== 'skipped') continue;
        for (const q of REQUIREMENTS) if (!this.resolved[q.name] && t.tags.includes(q.name)) skippedFor.set(q.name, (skippedFor.get(q.name) ?? 0) + 1);
      }
    }
    const lines = REQUIREMENTS.filter((q) => skippedFor.has(q.name)).map((q) => `SKIPPED ${skippedFor.get(q.name)} tests: ${q.missing}`);
    lines.push(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
