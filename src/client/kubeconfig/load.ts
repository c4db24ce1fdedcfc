// Finding and reading the kubeconfig files, as clientcmd's loading rules do: --kubeconfig (must exist), else every
// file in KUBECONFIG (split, deduplicated, missing ones skipped), else $HOME/.kube/config; then the merge.
import nodeFs from 'node:fs';
import nodePath from 'node:path';
import { KtError, RawError } from '../../errors.js';
import { goFileErrorText } from '../../go/os.js';
import { parseKubeconfig } from './decode.js';
import { mergeConfigs } from './merge.js';
import type { Config, ConnectionFlags, FileReader, KubeconfigEnv } from './types.js';
import { DecodeError } from '../../go/yaml-decode.js';

export const defaultFileReader: FileReader = {
  readFile(p: string): string | undefined {
    try {
      return nodeFs.readFileSync(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
};

export interface Loaded {
  config: Config;
  /** The files read, as kubectl names them in -v logs. */
  files: string[];
  /** `Config not found: a, b` when every KUBECONFIG entry is missing (kubectl logs it at -v≥1). */
  configNotFound: string | undefined;
}

interface Candidates {
  files: string[];
  warnIfAllMissing: boolean;
}

function candidateFiles(flags: ConnectionFlags, env: KubeconfigEnv, fs: FileReader, cwd: string): Candidates {
  const explicit = flags.kubeconfig ?? '';
  if (explicit !== '') {
    // Only this file; it must exist (os.Stat before anything else).
    if (!exists(fs, nodePath.resolve(cwd, explicit))) throw new KtError(`stat ${explicit}: no such file or directory`);
    return { files: [explicit], warnIfAllMissing: false };
  }
  if ((env.KUBECONFIG ?? '') !== '') return { files: [...new Set((env.KUBECONFIG ?? '').split(nodePath.delimiter))], warnIfAllMissing: true };
  // filepath.Join(homedir, ".kube", "config"): an unset or empty HOME gives the relative ".kube/config".
  return { files: [nodePath.join(env.HOME ?? '', '.kube', 'config')], warnIfAllMissing: false };
}

export function loadKubeconfig(flags: ConnectionFlags, env: KubeconfigEnv, fs: FileReader, cwd: string): Loaded {
  const candidates = candidateFiles(flags, env, fs, cwd);
  const errors: string[] = [];
  const missing: string[] = [];
  const configs: Config[] = [];
  const files: string[] = [];
  for (const file of candidates.files) {
    if (file === '') continue;
    let text: string | undefined;
    try {
      text = fs.readFile(nodePath.resolve(cwd, file));
    } catch (e) {
      errors.push(`error loading config file "${file}": ${goFileErrorText(e, file)}`);
      continue;
    }
    if (text === undefined) {
      missing.push(file);
      continue;
    }
    try {
      configs.push(parseKubeconfig(text, file));
      files.push(file);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      errors.push(`error loading config file "${file}": ${e.message}`);
    }
  }
  // utilerrors.NewAggregate: one error prints as `error: <msg>`, several print one per line with no prefix.
  if (errors.length === 1) throw new KtError(errors[0] ?? '');
  if (errors.length > 1) throw new RawError(errors.join('\n'));
  const allMissing = candidates.warnIfAllMissing && missing.length > 0 && configs.length === 0;
  return { config: mergeConfigs(configs), files, configNotFound: allMissing ? `Config not found: ${missing.join(', ')}` : undefined };
}

function exists(fs: FileReader, p: string): boolean {
  try {
    return fs.readFile(p) !== undefined;
  } catch {
    return true; // it exists but cannot be read (a directory, permissions): os.Stat succeeds
  }
}
