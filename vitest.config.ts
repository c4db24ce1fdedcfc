import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { REQUIREMENTS, RESOLVED_ENV, resolveRequirements } from './test/helpers/requirements.js';
import { RequirementsReporter } from './test/helpers/requirements-reporter.js';

// What the machine has (kubectl 1.32, zsh, fish), looked up once for the whole run and handed to every worker.
const resolved = resolveRequirements();
process.env[RESOLVED_ENV] = JSON.stringify(resolved); // for globalSetup, in this process

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every file starts its own sim on a free port, with its own temp dirs and kubectl cache: files run in
    // parallel on every core (`npm test` builds dist/ once, before vitest starts).
    fileParallelism: true,
    maxWorkers: availableParallelism(),
    // Ceilings that only end a hung test: waits inside tests end sooner (test/helpers/process.ts HUNG_MS).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { [RESOLVED_ENV]: JSON.stringify(resolved) },
    // A test tagged with a requirement (`needs('kubectl')`) is skipped when the machine lacks it.
    tags: REQUIREMENTS.map((r) => ({ name: r.name, description: r.description, skip: !resolved[r.name] })),
    globalSetup: ['./test/helpers/global-setup.ts'],
    reporters: ['default', new RequirementsReporter(resolved)],
  },
});
