// `kt sim`: flag definitions; the simulated cluster itself loads only when this command runs.
import type { Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';
import type { SimFlags } from './run.js';

export function registerSim(program: Command, r: Registrar): void {
  program
    .command('sim')
    .description('Serve a simulated cluster that kt and real kubectl can talk to.')
    .option('--port <port>', 'Port to listen on (0 picks a free one).', '0')
    .option('--host <host>', 'Address to listen on.', '127.0.0.1')
    .option('--kubeconfig-out <file>', 'Write a kubeconfig for the sim to this file once it is ready.')
    .option('--scenario <name|file>', 'Scenario to load (a name from fixtures/ or a YAML file).', 'demo')
    .option('--frozen', 'Keep logs and metrics still (no new lines over time).')
    .option('--tls', 'Serve HTTPS with a generated CA (written into the kubeconfig) and require a bearer token.')
    .option('--token <token>', 'With --tls: the bearer token clients must send (random by default).')
    .option('--fault <spec>', 'Inject a fault (repeatable), e.g. status=429,retry-after=1,times=2,path=/api/v1/namespaces/*/pods; delay=3s; forbidden; cut,after-lines=3,path=**/log.', (v: string, prev: string[] = []) => [...prev, v])
    .action(function (this: Command) {
      const flags = this.opts<SimFlags>();
      r.run(this, async (ctx) => (await import('./run.js')).runSim(ctx, flags));
    });
}
