// Starts a frozen simulated cluster for a test file and writes its kubeconfig to a temp file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim, type StartedSim, type StartSimOptions } from '../../src/sim/index.js';

export interface TestSim {
  sim: StartedSim;
  kubeconfig: string;
  /** Environment for a kt or kubectl child process: KUBECONFIG and a private kubectl cache dir. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTestSim(options: StartSimOptions = {}): Promise<TestSim> {
  const sim = await startSim({ frozen: true, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'kt-test-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig);
  return {
    sim,
    kubeconfig,
    env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir },
    stop: async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
