// `kt sim`: serve a simulated cluster until interrupted, and write its kubeconfig once it is listening.
import { writeFileSync, renameSync } from 'node:fs';
import type { CommandContext } from '../../cli/registry.js';
import { KtError } from '../../errors.js';
import type { SimFlags } from './flags.js';

export type { SimFlags } from './flags.js';

/** `kt sim --tls --token T`: commander gives the value to the global --token (same name), so look there too. */
function tokenOf(flags: SimFlags, ctx: CommandContext): { token?: string } {
  const token = flags.token || ctx.globals.token;
  return token ? { token } : {};
}

export async function runSim(ctx: CommandContext, flags: SimFlags): Promise<void> {
  const port = flags.port;
  if (port < 0 || port > 65535) throw new KtError(`invalid port ${port}`);
  const { startSim } = await import('../../sim/index.js');
  const { parseFaultSpec } = await import('../../sim/faults.js');
  const faults = flags.fault.map((spec) => {
    try {
      return parseFaultSpec(spec);
    } catch (e) {
      throw new KtError((e as Error).message);
    }
  });
  const sim = await startSim({ scenario: flags.scenario, port, host: flags.host, frozen: flags.frozen, tls: flags.tls, ...tokenOf(flags, ctx), faults });
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
