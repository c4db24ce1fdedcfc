// `kt debug`: kubectl debug's Run — resolve each target, add an ephemeral container, create a pod copy or a node
// debugger, then (with -i or --attach) wait for the container and attach to it, falling back to its logs.
import { splitTarget } from '../../k8s/target.js';
import type { KubeClient } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import type { CommandContext } from '../../cli/registry.js';
import type { IO } from '../../cli/io.js';
import { openSession } from '../../cli/session.js';
import { KtError } from '../../errors.js';
import type { KubeObject, Node, Pod } from '../../k8s/types.js';
import { groupVersion } from '../../k8s/resources.js';
import { buildEphemeralContainer, buildNodeDebugPod, buildPodCopy, ephemeralPatch, randomSuffix, type RandomSuffix } from './build.js';
import { completeDebug, validateDebug, type DebugFlags, type DebugOptions } from './options.js';
import { loadFiles } from './files.js';

/** Collaborators a test may replace. */
export interface DebugDeps {
  suffix: RandomSuffix;
}

export async function debug(ctx: CommandContext, flags: DebugFlags, targetNames: string[], args: string[], deps: DebugDeps = { suffix: randomSuffix() }): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  try {
    const o = completeDebug({ flags, targetNames, args, changed: ctx.changed, namespace: session.namespace, defaultProfile: 'general' });
    validateDebug(o, ctx.io);
    if (o.explain) {
      const { explainCommand } = await import('./explain.js');
      ctx.io.out.write(`${explainCommand(o, flags, ctx)}\n`);
      return;
    }
    const client = await session.client();
    if (o.cleanup) {
      const { cleanup } = await import('./cleanup.js');
      await cleanup(client, o, ctx.io);
      return;
    }
    for (const target of await resolveTargets(client, o)) {
      const result = target.kind === 'Node' ? await debugNode(client, o, target.object as Node, ctx.io, deps) : await debugPod(client, o, target.object as Pod, ctx.io, deps);
      if (o.attach && result.container !== '') {
        const { attachToDebugContainer } = await import('./session.js');
        await attachToDebugContainer(client, o, result.pod, result.container, ctx);
      }
    }
  } finally {
    await session.close();
  }
}

interface Target {
  kind: string;
  object: KubeObject;
}

/** The objects NAME, TYPE/NAME and -f name, fetched in order; anything but a pod or a node is refused. */
async function resolveTargets(client: KubeClient, o: DebugOptions): Promise<Target[]> {
  const targets: Target[] = [];
  // The resource builder checks every TYPE/NAME before it fetches anything.
  const names = o.targetNames.map(splitTarget);
  for (const t of names) {
    // A bare name is a pod, resolved through discovery as the builder does.
    const { type, object } = await client.getTarget(o.namespace, { resource: t.resource ?? 'pods', name: t.name });
    if (type.kind !== 'Pod' && type.kind !== 'Node') throw new KtError(`"${gvk(groupVersion(type), type.kind)}" not supported by debug`);
    targets.push({ kind: type.kind, object });
  }
  for (const object of loadFiles(o.filenames)) {
    const kind = object.kind ?? '';
    if (kind !== 'Pod' && kind !== 'Node') throw new KtError(`"${gvk(object.apiVersion ?? '', kind)}" not supported by debug`);
    const ns = object.metadata?.namespace ?? o.namespace;
    // kubectl debugs the object as the file describes it, in the file's namespace (or the current one).
    targets.push({ kind, object: { ...object, metadata: { ...object.metadata, ...(kind === 'Pod' ? { namespace: ns } : {}) } } });
  }
  return targets;
}

/** Go's schema.GroupVersionKind String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Service`. */
function gvk(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${group}/${version}, Kind=${kind}`;
}

interface Created {
  pod: Pod;
  /** The container to attach to; '' when there is none. */
  container: string;
}

function say(o: DebugOptions, io: IO, messages: string[]): void {
  if (!o.quiet) for (const m of messages) io.out.write(`${m}\n`);
}

async function debugNode(client: KubeClient, o: DebugOptions, node: Node, io: IO, deps: DebugDeps): Promise<Created> {
  const built = buildNodeDebugPod(node, o, deps.suffix);
  say(o, io, built.messages);
  const created = await client.createPod(o.namespace, built.value);
  return { pod: created, container: created.spec?.containers?.[0]?.name ?? '' };
}

async function debugPod(client: KubeClient, o: DebugOptions, pod: Pod, io: IO, deps: DebugDeps): Promise<Created> {
  const ns = pod.metadata?.namespace ?? o.namespace;
  const name = pod.metadata?.name ?? '';
  if (o.copyTo !== '') {
    const built = buildPodCopy(pod, o, deps.suffix);
    say(o, io, built.messages);
    const created = await client.createPod(ns, built.value.pod);
    if (o.replace) await client.deletePod(ns, name, 0);
    return { pod: created, container: built.value.container };
  }
  const built = buildEphemeralContainer(pod, o, deps.suffix);
  say(o, io, built.messages);
  try {
    const patched = await client.patchEphemeralContainers(ns, name, ephemeralPatch(pod, built.value.pod));
    return { pod: patched, container: built.value.container.name };
  } catch (e) {
    // A cluster without the subresource answers 404 with no name in the details, unlike a missing pod.
    if (e instanceof ApiError && e.httpCode === 404 && e.reason === 'NotFound' && !e.status.details?.name) {
      throw new KtError(`ephemeral containers are disabled for this cluster (error from server: ${JSON.stringify(e.status.message ?? '')})`);
    }
    throw e;
  }
}
