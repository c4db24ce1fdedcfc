// The parity suite detects a broken sim. Against a sim whose metrics API answers 404, or whose pods/log answers
// 403 to everyone, the very checks top.parity and logs.parity run (helpers/parity/*-cases.ts) must fail for every
// case whose kubectl reached the broken endpoint — and fail on kubectl's expectation, even where kt and kubectl
// print the same error. A case that never reached it (a bad flag, a missing object) is unaffected and passes.
// On the last run: 98 of the 154 top and logs cases reached the endpoint, and all 98 failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveFault, FaultRule } from '../src/sim/faults.js';
import { needs } from './helpers/requirements.js';
import { startTestSim, type TestSim } from './helpers/sim.js';
import { checkTop, TOP_DEMO, TOP_EDGE } from './helpers/parity/top-cases.js';
import { checkLogs, LOGS_DEMO, LOGS_EDGE } from './helpers/parity/logs-cases.js';

interface Sabotaged {
  t: TestSim;
  fault: ActiveFault;
}

/** A sim with one fault, for the cases of one describe block. */
function sabotagedSim(scenario: string, rule: FaultRule): () => Sabotaged {
  let s: Sabotaged | undefined;
  beforeAll(async () => {
    const t = await startTestSim({ scenario });
    s = { t, fault: t.sim.faults.add(rule) };
  });
  afterAll(async () => s?.t.stop());
  return () => s!;
}

/** Runs the case's own parity check on the broken sim and says what must have happened. */
async function expectDetected(s: Sabotaged, check: () => Promise<void>): Promise<void> {
  const before = s.fault.hits;
  let error: unknown;
  try {
    await check();
  } catch (e) {
    error = e;
  }
  if (s.fault.hits > before) {
    expect(error, 'the parity check passed on a broken sim').toBeDefined();
    expect(String(error)).toContain('did not do what the case says');
  } else {
    // Never asked the broken endpoint (a bad flag, a missing object, no pods): the case is unaffected and passes.
    expect(error).toBeUndefined();
  }
}

const METRICS_404: FaultRule = { path: '/apis/metrics.k8s.io/**', action: { kind: 'status', code: 404 } };
const LOGS_403: FaultRule = { path: '**/log', action: { kind: 'forbidden', user: 'system:anonymous' } };

describe('metrics API answering 404: the top parity checks fail', needs('kubectl'), () => {
  describe('demo scenario', () => {
    const s = sabotagedSim('demo', METRICS_404);
    it.each(TOP_DEMO)('$name', (c) => expectDetected(s(), () => checkTop(c, s().t.env)));
  });
  describe('top-edge scenario', () => {
    const s = sabotagedSim('top-edge', METRICS_404);
    it.each(TOP_EDGE)('$name', (c) => expectDetected(s(), () => checkTop(c, s().t.env)));
  });
});

describe('every pods/log request forbidden: the logs parity checks fail', needs('kubectl'), () => {
  describe('demo scenario', () => {
    const s = sabotagedSim('demo', LOGS_403);
    it.each(LOGS_DEMO)('$name', (c) => expectDetected(s(), () => checkLogs(c, s().t)));
  });
  describe('logs-edge scenario', () => {
    const s = sabotagedSim('logs-edge', LOGS_403);
    it.each(LOGS_EDGE)('$name', (c) => expectDetected(s(), () => checkLogs(c, s().t)));
  });
});
