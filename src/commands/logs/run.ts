// `kt logs`: resolve the object to pods and containers exactly as kubectl 1.32 does, then hand the streams to the
// follow core (src/follow). The order of checks and messages is kubectl's: arguments, kubeconfig,
// --pod-running-timeout, --since-time, the object GET, validation, pod and container choice, then the streams.
import { podSelectorOf, splitTarget } from '../../k8s/target.js';
import type { CommandContext } from '../../cli/registry.js';
import { openSession } from '../../cli/session.js';
import type { Output } from '../../cli/io.js';
import { ExitError, KtError } from '../../errors.js';
import { ApiError } from '../../client/errors.js';
import type { KubeClient } from '../../client/api.js';
import { RESOURCE_TYPES, collectionPath, type ResourceType } from '../../k8s/resources.js';
import type { KubeObject, Pod } from '../../k8s/types.js';
import { consume } from '../../follow/consume.js';
import { SinkClosedError, type Sink, type StreamSpec } from '../../follow/types.js';
import { openerFor, resumingOpener } from '../../follow/client.js';
import { watch } from '../../client/watch.js';
import { completeArgs, completeLogs, validateLogs, type LogsFlags, type LogsOptions } from './options.js';
import { containersFor, LOGS_ACTION, sortByLogging, type LogTarget } from './pods.js';
import { compileExtras, type Extras } from './extras.js';
import { lineTransform, prefixFor } from '../../follow/format.js';
import { interruptSignal, InterruptedError, unlessInterrupted } from '../../cli/interrupt.js';
import { containerStatus } from '../../k8s/pod.js';

const PODS = RESOURCE_TYPES.find((t) => t.group === '' && t.resource === 'pods')!;

/** What the arguments named: a list of pods (-l), one pod, or a workload/service whose pods are looked up. */
type Resolved = { kind: 'list'; pods: Pod[] } | { kind: 'pod'; pod: Pod } | { kind: 'object'; type: ResourceType; object: KubeObject };

/** stdout as a back-pressure-aware sink; a closed pipe becomes SinkClosedError. */
export function outputSink(out: Output): Sink {
  const stream = out.stream;
  if (!stream) {
    const decoder = new TextDecoder();
    return {
      write: async (data) => {
        out.write(typeof data === 'string' ? data : decoder.decode(data, { stream: true }));
      },
    };
  }
  let failed: Error | undefined;
  const waiters = new Set<(e?: Error) => void>();
  stream.on('error', (e: Error) => {
    failed = new SinkClosedError(e.message);
    for (const w of [...waiters]) w(failed);
  });
  return {
    write(data) {
      if (failed) return Promise.reject(failed);
      if (stream.write(data)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (e?: Error): void => {
          waiters.delete(done);
          stream.removeListener('drain', onDrain);
          if (e) reject(e);
          else resolve();
        };
        const onDrain = (): void => done();
        waiters.add(done);
        stream.once('drain', onDrain);
      });
    },
  };
}

async function resolveObject(client: KubeClient, o: LogsOptions, namespace: string, err: Output): Promise<Resolved> {
  if (o.selector !== '') {
    let pods: Pod[];
    try {
      pods = (await client.listPods(namespace, { labelSelector: o.selector })).items;
    } catch (e) {
      // cli-runtime's selector visitor rewords BadRequest/NotFound without hiding that they came from the server.
      if (e instanceof ApiError && (e.httpCode === 400 || e.httpCode === 404)) {
        e.status.message = `Unable to find "/v1, Resource=pods" that match label selector "${o.selector}", field selector "": ${e.status.message ?? ''}`;
      }
      throw e;
    }
    if (pods.length === 0) err.write(`No resources found in ${namespace} namespace.\n`);
    return { kind: 'list', pods };
  }
  try {
    const { type, object } = await client.getTarget(namespace, splitTarget(o.resourceArg));
    if (type.kind === 'Pod') return { kind: 'pod', pod: object as Pod };
    return { kind: 'object', type, object };
  } catch (e) {
    if (e instanceof ApiError && e.httpCode === 404) throw new KtError(`error from server (NotFound): ${e.status.message ?? ''} in namespace "${namespace}"`);
    throw e;
  }
}

/**
 * GetFirstPod: the pods a selector matches, best for logging first; with none, one plain watch (kubectl's
 * UntilWithoutRetry, no reconnect) from the list's resourceVersion until a pod is added or changed.
 */
async function podsForSelector(client: KubeClient, namespace: string, selector: string, timeoutMs: number): Promise<Pod[]> {
  const list = await client.listPods(namespace, { labelSelector: selector });
  if (list.items.length > 0) return sortByLogging(list.items);
  const timeout = AbortSignal.timeout(timeoutMs);
  let found: Pod | undefined;
  const ended = await watch<Pod>(client, {
    path: collectionPath(PODS, namespace),
    ...(selector ? { labelSelector: selector } : {}),
    from: { resourceVersion: list.metadata?.resourceVersion ?? '' },
    firstWatch: 'plain',
    reconnect: false,
    relist: false,
    onEvent: (c) => {
      if (c.type === 'DELETED') return;
      found = c.object;
      return 'stop';
    },
    signal: timeout,
  });
  if (found) return [found];
  if (ended.kind === 'aborted') throw new KtError('timed out waiting for the condition');
  throw new KtError('watch closed before UntilWithoutRetry timeout');
}

/** logsForObject: every (pod, container) to read, in kt's order, with kubectl's stderr notices. */
async function targetsFor(client: KubeClient, o: LogsOptions, resolved: Resolved, err: Output): Promise<LogTarget[]> {
  const choice = { container: o.query.container, allContainers: o.allContainers, allPods: o.allPods };
  const warn = (line: string): void => err.write(line);
  if (resolved.kind === 'list') return resolved.pods.flatMap((p) => containersFor(p, choice, warn));
  if (resolved.kind === 'pod') return containersFor(resolved.pod, choice, warn);
  const selector = podSelectorOf(resolved.type, resolved.object, LOGS_ACTION);
  const namespace = resolved.object.metadata?.namespace ?? '';
  let pods = await podsForSelector(client, namespace, selector, o.podRunningTimeoutMs);
  if (pods.length > 1) {
    if (o.allPods) pods = await podsForSelector(client, namespace, selector, o.podRunningTimeoutMs);
    else {
      err.write(`Found ${pods.length} pods, using pod/${pods[0]!.metadata?.name}\n`);
      pods = [pods[0]!];
    }
  }
  return pods.flatMap((p) => containersFor(p, choice, warn));
}

/** Describes how a container ended, for --wait-for's failure message. */
function containerState(pod: Pod | undefined, container: string): string {
  if (!pod) return 'the pod is gone';
  const st = containerStatus(pod, container);
  const t = st?.state?.terminated ?? (st?.state?.waiting ? st.lastState?.terminated : undefined);
  if (t) return `terminated (${t.reason ?? 'Unknown'}, exit code ${t.exitCode ?? '?'})`;
  if (st?.state?.waiting) return `waiting (${st.state.waiting.reason ?? ''})`;
  if (st?.state?.running) return 'running';
  return 'not started';
}

/**
 * The streams kt resumes after a drop (--resume, on by default): those followed while their container runs. A
 * finished or waiting container's log, --previous and --limit-bytes are read as kubectl reads them. Keyed by
 * `namespace/pod/container`, with the container instance followed.
 */
function resumableStreams(o: LogsOptions, x: Extras, targets: readonly LogTarget[], namespace: string): Map<string, string | undefined> {
  const resume = new Map<string, string | undefined>();
  if (!x.resume || !o.follow || o.limitBytes !== 0 || o.query.previous) return resume;
  for (const t of targets) {
    const st = containerStatus(t.pod, t.container);
    if (st?.state?.running) resume.set(`${t.pod.metadata?.namespace ?? namespace}/${t.pod.metadata?.name}/${t.container}`, st.containerID);
  }
  return resume;
}

export async function runLogs(ctx: CommandContext, flags: LogsFlags, args: readonly string[]): Promise<void> {
  completeArgs(flags, args);
  const session = await openSession(ctx.globals, ctx.io);
  // Ctrl-C (or SIGTERM) ends logs as it ends kubectl's: at once — even while a request is still waiting on a slow
  // server — quietly, with exit code 1.
  const interrupt = interruptSignal();
  // Ends every stream: on Ctrl-C, on --wait-for's match or its --timeout.
  const controller = new AbortController();
  interrupt.signal.addEventListener('abort', () => controller.abort(), { once: true });
  try {
    await unlessInterrupted(streamLogs(), interrupt);
  } catch (e) {
    if (e instanceof InterruptedError || interrupt.signal.aborted) throw new ExitError(1);
    throw e;
  } finally {
    interrupt.release();
    await session.close();
  }

  async function streamLogs(): Promise<void> {
    try {
      const o = completeLogs(flags, args, ctx.changed);
      if (flags.explain) {
        const [{ explainLogs }, { formatExplain }] = await Promise.all([import('./explain.js'), import('../../cli/explain.js')]);
        ctx.io.err.write(formatExplain(explainLogs(flags, args, ctx), ctx.globals));
      }
      // kt's own flags (filters, -o, --wait-for) are checked before any request; kubectl has none of them.
      const x: Extras = compileExtras(flags, ctx.io);
      const client = await session.client();
      const namespace = session.namespace;
      const resolved = await resolveObject(client, o, namespace, ctx.io.err);
      validateLogs(o);
      const sink = outputSink(ctx.io.out);
      if (x.live && o.follow && resolved.kind !== 'pod') {
        const { runLive } = await import('./live.js');
        try {
          await runLive({ client, o, x, resolved, namespace, io: ctx.io, sink, signal: controller.signal });
        } catch (e) {
          if (e instanceof SinkClosedError) throw new ExitError(0);
          throw e;
        }
        return;
      }
      let targets = await targetsFor(client, o, resolved, ctx.io.err);
      if (x.match) targets = targets.filter((t) => x.match!.test(t.pod.metadata?.name ?? ''));
      if (o.follow && targets.length > 1 && targets.length > o.maxLogRequests) {
        throw new KtError(
          `you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${o.maxLogRequests}, use --max-log-requests to increase the limit`,
        );
      }
      // Lines reach the output with the server's timestamps when the user or a line format (JSON) wants them.
      const keepTimestamps = o.query.timestamps || x.json;
      const specs: StreamSpec[] = targets.map((t) => ({
        namespace: t.pod.metadata?.namespace ?? namespace,
        pod: t.pod.metadata?.name ?? '',
        container: t.container,
        prefix: o.prefix || x.live ? prefixFor(t.pod.metadata?.name ?? '', t.container, x.color) : '',
        query: { ...o.query, container: t.container, timestamps: keepTimestamps },
      }));
      let matched = false;
      let timedOut = false;
      const shaped = lineTransform({
        include: x.include,
        exclude: x.exclude,
        highlight: x.highlight,
        color: x.color,
        json: x.json,
        serverTimestamps: keepTimestamps && x.any,
        showTimestamps: o.query.timestamps,
        ...(x.waitFor
          ? {
              onLine: (text: string) => {
                if (!matched && x.waitFor!.test(text)) {
                  matched = true;
                  controller.abort();
                }
              },
            }
          : {}),
      });
      // After --wait-for matched, nothing more is printed while the streams wind down.
      const transform = shaped && x.waitFor ? (line: string, spec: StreamSpec) => (matched ? undefined : shaped(line, spec)) : shaped;
      const resume = resumableStreams(o, x, targets, namespace);
      const open = resume.size === 0 ? openerFor(client) : resumingOpener(client, openerFor(client), { resume, keepTimestamps, notice: (line) => ctx.io.err.write(line) });
      const timer = x.waitFor && x.timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), x.timeoutMs) : undefined;
      try {
        await consume(specs, { open, sink, parallel: o.follow && specs.length > 1, ignoreErrors: o.ignoreErrors, signal: controller.signal, ...(transform ? { transform } : {}) });
      } catch (e) {
        if (e instanceof SinkClosedError) throw new ExitError(0);
        if (!controller.signal.aborted) throw e;
      } finally {
        if (timer) clearTimeout(timer);
      }
      if (x.waitFor) {
        if (matched) return;
        if (timedOut) throw new KtError(`timed out after ${flags.timeout} waiting for a line matching ${x.waitFor}`);
        const why = await Promise.all(
          specs.map(async (s) => `pod/${s.pod}/${s.container} ${containerState(await client.getPod(s.namespace, s.pod).catch(() => undefined), s.container)}`),
        );
        throw new KtError(`the log ended before a line matched ${x.waitFor}: ${why.join('; ')}`);
      }
    } finally {
      controller.abort();
    }
  }
}
