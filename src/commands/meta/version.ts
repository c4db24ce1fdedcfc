// `kt version`: kt's version as the client version and the server's from /version, in kubectl's layouts
// (`Client Version: …` lines, or -o json|yaml with clientVersion and serverVersion).
import type { CommandContext } from '../../cli/registry.js';
import { KtError } from '../../errors.js';
import type { VersionFlags } from './flags.js';

interface VersionInfo {
  [field: string]: string | undefined;
}

/** version.Info's field order, which kubectl's JSON keeps. */
const FIELDS = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'];

function ordered(info: VersionInfo): VersionInfo {
  const out: VersionInfo = {};
  for (const f of FIELDS) if (info[f] !== undefined) out[f] = info[f];
  for (const [k, v] of Object.entries(info)) if (!(k in out)) out[k] = v;
  return out;
}

export function clientVersion(version: string): VersionInfo {
  const [major = '0', minor = '0'] = version.split('.');
  const arch = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return { major, minor, gitVersion: `v${version}`, compiler: 'node', platform: `${process.platform}/${arch}`, nodeVersion: process.version };
}

export async function runVersion(ctx: CommandContext, flags: VersionFlags, version: string): Promise<void> {
  const { io } = ctx;
  if (flags.output !== '' && flags.output !== 'yaml' && flags.output !== 'json') throw new KtError("--output must be 'yaml' or 'json'");
  const client = ordered(clientVersion(version));
  let server: VersionInfo | undefined;
  let failure: unknown;
  if (!flags.client) {
    try {
      const { openSession } = await import('../../cli/session.js');
      const session = await openSession(ctx.globals, io);
      try {
        server = ordered(await (await session.client()).get<VersionInfo>('/version'));
      } finally {
        await session.close();
      }
    } catch (e) {
      failure = e;
    }
  }
  const doc: Record<string, unknown> = { clientVersion: client, ...(server ? { serverVersion: server } : {}) };
  if (flags.output === 'json') io.out.write(`${JSON.stringify(doc, null, 2)}\n`);
  else if (flags.output === 'yaml') {
    const { printYAML } = await import('../../print/yaml.js');
    io.out.write(printYAML(doc));
  } else {
    io.out.write(`Client Version: ${client['gitVersion']}\n`);
    if (server) io.out.write(`Server Version: ${server['gitVersion']}\n`);
  }
  if (failure) throw failure;
}
