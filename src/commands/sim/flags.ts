// `kt sim`: the flag table (kt's own command, so every flag is kt's).
import type { FlagTable, FlagValues } from '../../cli/flag-table.js';

/** The scenarios completion offers: each fixtures/*.yaml by name, and the `scale:` form. */
async function scenarioNames(): Promise<string[]> {
  const [{ readdirSync }, { fixturesDir }] = await Promise.all([import('node:fs'), import('../../sim/scenario.js')]);
  const names = readdirSync(fixturesDir()).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
  return [...names, 'scale:'];
}

export const SIM_FLAGS = [
  { name: 'port', type: 'int', default: 0, kubectl: false, complete: 'none', help: 'Port to listen on (0 picks a free one).' },
  { name: 'host', type: 'string', default: '127.0.0.1', kubectl: false, complete: 'none', help: 'Address to listen on.' },
  { name: 'kubeconfig-out', type: 'string', kubectl: false, complete: 'files', help: 'Write a kubeconfig for the sim to this file once it is ready.' },
  { name: 'scenario', type: 'string', default: 'demo', kubectl: false, complete: scenarioNames, help: 'Scenario to load: a name from fixtures/, a YAML file, or scale:pods=N,events=N,nodes=N,logMiB=N,logPods=N.' },
  { name: 'frozen', type: 'bool', kubectl: false, help: 'Keep logs and metrics still (no new lines over time).' },
  { name: 'tls', type: 'bool', kubectl: false, help: 'Serve HTTPS with a generated CA (written into the kubeconfig) and require a bearer token.' },
  { name: 'token', type: 'string', kubectl: false, complete: 'none', help: 'With --tls: the bearer token clients must send (random by default).' },
  { name: 'fault', type: 'array', kubectl: false, complete: 'none', help: 'Inject a fault (repeatable), e.g. status=429,retry-after=1,times=2,path=/api/v1/namespaces/*/pods; delay=3s; forbidden; cut,after-lines=3,path=**/log.' },
] as const satisfies FlagTable;

export type SimFlags = FlagValues<typeof SIM_FLAGS>;
