// `kt sim`: serve a simulated cluster until interrupted, and write its kubeconfig once it is listening.
import { writeFileSync, renameSync } from 'node:fs';
import type { CommandContext } from '../../cli/registry.js';
import { KtError } from '../../errors.js';
import { parseGoInt } from '../../cli/flags.js';

export interface SimFlags {
  port: string;
  host: string;
  kubeconfigOut?: string;
  scenario: string;
  frozen?: boolean;
  tls?: boolean;
  token?: string;
}

export async function runSim(ctx: CommandContext, flags: SimFlags): Promise<void> {
  const port = parseGoInt(flags.port, '--port');
  if (port < 0 || port > 65535) throw new KtError(`invalid port ${port}`);
  const { startSim } = await import('../../sim/index.js');
  const sim = await startSim({ scenario: flags.scenario, port, host: flags.host, frozen: flags.frozen === true, tls: flags.tls === true, ...(flags.token ? { token: flags.token } : {}) });
  if (flags.kubeconfigOut) {
    // Written atomically, so a script polling for the file never reads half of it.
    const tmp = `${flags.kubeconfigOut}.tmp-${process.pid}`;
    writeFileSync(tmp, sim.kubeconfig, { mode: 0o600 });
    renameSync(tmp, flags.kubeconfigOut);
  }
  ctx.io.err.write(`kt sim: serving scenario "${flags.scenario}" at ${sim.url}${flags.kubeconfigOut ? `; kubeconfig written to ${flags.kubeconfigOut}` : ''}\n`);
  ctx.io.err.write(`kt sim: try  KUBECONFIG=${flags.kubeconfigOut ?? '<file>'} kubectl top pod -A   (Ctrl-C stops the sim)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
