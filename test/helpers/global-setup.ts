// vitest globalSetup: with CI=true a missing requirement (test/helpers/requirements.ts) fails the run at once, with
// its one line and nothing else; elsewhere the tests that need it are skipped and the reporter counts them.
import { missingLines, RESOLVED_ENV, type Resolved } from './requirements.js';

export default function setup(): void {
  if (process.env['CI'] !== 'true') return;
  const lines = missingLines(JSON.parse(process.env[RESOLVED_ENV] ?? '{}') as Resolved);
  if (lines.length === 0) return;
  // A thrown error would be reported as "No test files found" plus a banner; one line is what CI should show.
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}
