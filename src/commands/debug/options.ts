// `kt debug` options, kubectl's way: complete (flags, args after `--`, --custom file) → validate (flag
// combinations, in kubectl's order, with its two notices) → run.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { FlagError, KtError } from '../../errors.js';
import type { IO } from '../../cli/io.js';
import { customProfileError, normalizeCustom, type DebugSpec } from './build.js';
import { isProfile, type Profile } from './profiles.js';
import { isValidImageReference } from './reference.js';
import type { DebugFlags } from './flags.js';

export type { DebugFlags } from './flags.js';

export interface DebugOptions extends DebugSpec {
  namespace: string;
  targetNames: string[];
  filenames: string[];
  attach: boolean;
  attachChanged: boolean;
  replace: boolean;
  quiet: boolean;
  customFile: string;
  /** kt extensions */
  cleanup: boolean;
  allNamespaces: boolean;
  explain: boolean;
}

/** The label kt puts on every pod it creates, so `kt debug --cleanup` can find them. */
export const CREATED_BY_LABEL = 'kubetriage.dev/debug';


export interface CompleteInput {
  flags: DebugFlags;
  /** Positional arguments before `--`. */
  targetNames: string[];
  /** Words after `--`. */
  args: string[];
  /** Flags the user set (commander attribute names). */
  changed: ReadonlySet<string>;
  namespace: string;
  /** kt's default profile when --profile is not given. */
  defaultProfile: Profile;
}

export function completeDebug(input: CompleteInput): DebugOptions {
  const { flags, changed } = input;
  const interactive = flags.stdin === true;
  const profileName = flags.profile || input.defaultProfile;
  if (!isProfile(profileName)) throw new KtError(`unknown profile: ${profileName}`);
  const customFile = flags.custom ?? '';
  let custom: Record<string, unknown> | undefined;
  if (customFile !== '') custom = readCustom(customFile);
  const env = [...(flags.env ?? new Map<string, string>())].map(([name, value]) => ({ name, value }));
  return {
    namespace: input.namespace,
    targetNames: input.targetNames,
    filenames: flags.filename ?? [],
    args: input.args,
    argsOnly: flags.argumentsOnly === true,
    attach: changed.has('attach') ? flags.attach === true : interactive,
    attachChanged: changed.has('attach'),
    container: flags.container ?? '',
    copyTo: flags.copyTo ?? '',
    replace: flags.replace === true,
    env,
    image: flags.image ?? '',
    pullPolicy: flags.imagePullPolicy ?? '',
    interactive,
    tty: flags.tty === true,
    quiet: flags.quiet === true,
    sameNode: flags.sameNode === true,
    setImages: flags.setImage ?? new Map(),
    shareProcesses: changed.has('shareProcesses') ? flags.shareProcesses !== false : undefined,
    targetContainer: flags.target ?? '',
    profile: profileName,
    keep: {
      labels: flags.keepLabels === true,
      annotations: flags.keepAnnotations === true,
      liveness: flags.keepLiveness === true,
      readiness: flags.keepReadiness === true,
      startup: flags.keepStartup === true,
      initContainers: flags.keepInitContainers !== false,
    },
    custom,
    customFile,
    extraLabels: { [CREATED_BY_LABEL]: 'true' },
    cleanup: flags.cleanup === true,
    allNamespaces: flags.allNamespaces === true,
    explain: flags.explain === true,
  };
}

function readCustom(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    throw new KtError(`must pass a container spec json file for custom profile: open ${file}: ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw new KtError(`${file} does not contain a valid container spec: ${(e as Error).message}`);
    }
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new KtError(`${file} does not contain a valid container spec: json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type v1.Container`);
  }
  return normalizeCustom(parsed as Record<string, unknown>);
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];

/**
 * kubectl's Validate, check for check: errors throw; the --target notice goes to stdout and the legacy profile's
 * deprecation warning to stderr, where kubectl prints them.
 */
export function validateDebug(o: DebugOptions, io: IO): void {
  if (o.cleanup) {
    // kt's own mode: it lists and deletes what kt created, so it takes nothing that creates.
    if (o.targetNames.length > 0 || o.copyTo !== '' || o.image !== '' || o.filenames.length > 0) {
      throw new KtError('--cleanup takes no NAME, --image, --copy-to or --filename: it removes the pods kt created');
    }
    return;
  }
  if (o.attach && o.attachChanged && o.image === '' && o.container === '') {
    throw new KtError('you must specify --container or create a new container using --image in order to attach.');
  }
  if (o.copyTo !== '') {
    if (o.image === '' && o.setImages.size === 0 && o.args.length === 0) throw new KtError('you must specify --image, --set-image or command arguments.');
    if (o.args.length > 0 && o.container === '' && o.image === '') throw new KtError('you must specify an existing container or a new image when specifying args.');
  } else if (o.replace) throw new KtError('--replace may only be used with --copy-to.');
  else if (o.sameNode) throw new KtError('--same-node may only be used with --copy-to.');
  else if (o.setImages.size > 0) throw new KtError('--set-image may only be used with --copy-to.');
  else if (o.image === '') throw new KtError('you must specify --image when not using --copy-to.');
  if (o.image !== '' && !isValidImageReference(o.image)) throw new KtError(`invalid image name "${o.image}": invalid reference format`);
  if (o.targetNames.length === 0 && o.filenames.length === 0) throw new KtError('NAME or filename is required for debug');
  if (!PULL_POLICIES.includes(o.pullPolicy)) throw new KtError(`invalid image pull policy: ${o.pullPolicy}`);
  for (const [name, image] of o.setImages) {
    if (!isValidImageReference(image)) throw new KtError(`invalid image name "${image}" for container "${name}": invalid reference format`);
  }
  if (o.targetContainer !== '') {
    if (o.copyTo !== '') throw new KtError('--target is incompatible with --copy-to. Use --share-processes instead.');
    if (!o.quiet) {
      io.out.write(`Targeting container "${o.targetContainer}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
    }
  }
  if (o.tty && !o.interactive) throw new KtError('-i/--stdin is required for containers with -t/--tty=true');
  if (o.custom) {
    const why = customProfileError(o.custom);
    if (why) throw new KtError(why);
  }
  if (o.profile === 'legacy') {
    io.err.write('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  }
}
