// kt top against real kubectl 1.32 on the same simulated cluster: each case first checks that kubectl did what the
// case says (so a broken sim fails it), then that kt's stdout, stderr and exit code are identical. The cases live
// in helpers/parity/top-cases.ts, shared with the sabotage test.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { needs } from './helpers/requirements.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { checkTop, TOP_DEMO, TOP_EDGE } from './helpers/parity/top-cases.js';

describe('kt top matches kubectl 1.32 on the demo scenario', needs('kubectl'), () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  it.each(TOP_DEMO)('$name: kt $args', (c) => checkTop(c, t.env));
});

describe('kt top matches kubectl 1.32 on awkward data (top-edge scenario)', needs('kubectl'), () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'top-edge' });
  });
  afterAll(async () => t?.stop());

  it.each(TOP_EDGE)('$name: kt $args', (c) => checkTop(c, t.env));
});
