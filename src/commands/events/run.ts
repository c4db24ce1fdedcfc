// `kt events`: kubectl 1.32's EventsOptions — ToOptions (namespace, --for through discovery, the printer),
// Validate (--types), Run (list every page, filter, sort, print; or watch) — plus kt's --since, --related,
// --reconnect (on by default: see watch.ts) and --color.
import { readFileSync } from 'node:fs';
import type { KubeClient } from '../../client/api.js';
import { ApiError } from '../../client/errors.js';
import { goFileErrorText } from '../../go/os.js';
import type { CommandContext } from '../../cli/registry.js';
import { openSession } from '../../cli/session.js';
import { RawError } from '../../errors.js';
import { colorsFor, type Colors } from '../../print/color.js';
import { eventSortTime, sortEvents } from '../../print/events.js';
import { ZERO_TIME } from '../../k8s/time.js';
import { goQuote } from '../../go/quote.js';
import { parseOutputFormat, type OutputFormat } from '../../print/output.js';
import { RESOURCE_TYPES, type ResourceType } from '../../k8s/resources.js';
import type { CoreEvent } from '../../k8s/types.js';
import { involvedObjectSelector } from '../../k8s/selector.js';
import { EventSink } from './sink.js';
import {
  parseColor,
  parseSince,
  splitForArg,
  typeFilter,
  validateExtensions,
  validateTypes,
  type EventsFlags,
} from './options.js';

/** kubectl's PrintFlags for events: every format it knows, printed sorted in its "allowed formats" error. */
const ALLOWED_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

export interface EventsOptions {
  namespace: string;
  allNamespaces: boolean;
  watch: boolean;
  /** The --for object, resolved; undefined without --for. */
  forObject?: { type: ResourceType; name: string };
  /** involvedObject field selector ('' when --for names no object). */
  fieldSelector: string;
  filterTypes: string[];
  format: OutputFormat | undefined;
  noHeaders: boolean;
  showManagedFields: boolean;
  sinceMs: number | undefined;
  related: boolean;
  reconnect: boolean;
  color: Colors;
}

/**
 * The RESTMapper step of kubectl's decodeResourceTypeName: `deploy`, `Deployments`, `deployment.apps` and
 * `deployments.v1.apps` all name apps/v1 Deployment; anything else is NoResourceMatch, worded as kubectl words it.
 */
export async function resolveForType(client: KubeClient, resource: string, warn: (line: string) => void = () => {}): Promise<ResourceType> {
  const lower = resource.toLowerCase();
  // The shortcut expander's warning when a short name is claimed by more than one served resource (`ev`).
  const claimants = RESOURCE_TYPES.filter((t) => t.shortNames.includes(lower) && t.group !== 'metrics.k8s.io');
  for (const other of claimants.slice(1)) warn(`Warning: short name ${goQuote(lower)} could also match lower priority resource ${other.resource}.${other.group}\n`);
  const parts = lower.split('.');
  const noMatch = (res: string, group: string): RawError =>
    new RawError(group === '' ? `the server doesn't have a resource type ${goQuote(res)}` : `the server doesn't have a resource type ${goQuote(res)} in group ${goQuote(group)}`);
  const attempt = async (name: string, version?: string): Promise<ResourceType | undefined> => {
    try {
      const t = await client.resolveType(name);
      return version === undefined || t.version === version ? t : undefined;
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NoResourceMatch') return undefined;
      throw e;
    }
  };
  if (parts.length >= 3) {
    // resource.version.group, fully specified.
    const t = await attempt(`${parts[0]}.${parts.slice(2).join('.')}`, parts[1]);
    if (t) return t;
  }
  const t = await attempt(lower);
  if (t) return t;
  const dot = lower.indexOf('.');
  throw dot < 0 ? noMatch(lower, '') : noMatch(lower.slice(0, dot), lower.slice(dot + 1));
}

const groupVersionOf = (t: ResourceType): string => (t.group === '' ? t.version : `${t.group}/${t.version}`);

export async function events(ctx: CommandContext, flags: EventsFlags): Promise<void> {
  const session = await openSession(ctx.globals, ctx.io);
  try {
    // kubectl's ToOptions: namespace (config errors first), --for, the printer; then Validate.
    const namespace = session.namespace;
    // kt's own flags first: a typo in one of them should not cost a round trip (kubectl has none of them, so its
    // own order of errors below is unchanged).
    const sinceMs = parseSince(flags.since);
    const colorMode = parseColor(flags.color);
    validateExtensions(flags);
    const forArg = splitForArg(flags.for);
    let forObject: EventsOptions['forObject'];
    let fieldSelector = '';
    if (forArg) {
      const type = await resolveForType(await session.client(), forArg.resource, (line) => ctx.io.err.write(line));
      forObject = { type, name: forArg.name };
      if (forArg.name !== '') fieldSelector = involvedObjectSelector(type.kind, groupVersionOf(type), forArg.name);
    }
    const format =
      flags.output === ''
        ? undefined
        : parseOutputFormat(flags.output, ALLOWED_FORMATS, {
            template: flags.template,
            allowMissingKeys: flags.allowMissingTemplateKeys,
            readFile: (p) => {
              try {
                return readFileSync(p, 'utf8');
              } catch (e) {
                throw new Error(goFileErrorText(e, p)); // kubectl's words: `open F: no such file or directory`
              }
            },
          });
    const filterTypes = flags.types ?? [];
    validateTypes(filterTypes);
    const o: EventsOptions = {
      namespace,
      allNamespaces: flags.allNamespaces === true,
      watch: flags.watch === true,
      ...(forObject ? { forObject } : {}),
      fieldSelector,
      filterTypes,
      format,
      noHeaders: flags.noHeaders,
      showManagedFields: flags.showManagedFields === true,
      sinceMs,
      related: flags.related === true,
      reconnect: flags.reconnect === true,
      color: colorsFor(format === undefined ? colorMode : 'never', ctx.io.out, ctx.io.env),
    };
    const client = await session.client();
    if (flags.explain) {
      const [{ explainEvents }, { formatExplain }] = await Promise.all([import('./explain.js'), import('../../cli/explain.js')]);
      const related = o.related && o.forObject ? { client, namespace, type: o.forObject.type, name: o.forObject.name } : undefined;
      ctx.io.err.write(formatExplain(await explainEvents(flags, ctx, related), ctx.globals));
    }
    if (o.watch) {
      const { watchEvents } = await import('./watch.js');
      await watchEvents({ ...o, wanted: wantedEvents(o, ctx.io.now()) }, client, ctx.io);
      return;
    }
    await listEvents(o, client, ctx);
  } finally {
    await session.close();
  }
}

/** --types and --since together. */
function wantedEvents(o: Pick<EventsOptions, 'filterTypes' | 'sinceMs'>, nowMs: number): (e: CoreEvent) => boolean {
  const byType = typeFilter(o.filterTypes);
  const recent = sinceFilter(o.sinceMs, nowMs);
  return (e) => byType(e.type) && recent(e);
}

/** Keeps events last seen within `sinceMs` of now (kt's --since); events with no time at all are dropped. */
function sinceFilter(sinceMs: number | undefined, nowMs: number): (e: CoreEvent) => boolean {
  if (sinceMs === undefined) return () => true;
  const cutoff = BigInt(Math.trunc(nowMs - sinceMs)) * 1_000_000n;
  return (e) => {
    const t = eventSortTime(e);
    return t !== ZERO_TIME && t >= cutoff;
  };
}

async function listEvents(o: EventsOptions, client: KubeClient, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  let items: CoreEvent[];
  if (o.related && o.forObject) {
    const { relatedEvents } = await import('../../client/related.js');
    items = await relatedEvents(client, o.namespace, o.forObject);
  } else {
    items = (await client.listEvents(o.allNamespaces ? undefined : o.namespace, { fieldSelector: o.fieldSelector })).items;
  }
  items = items.filter(wantedEvents(o, io.now()));
  if (items.length === 0) {
    io.err.write(o.allNamespaces ? 'No events found.\n' : `No events found in ${o.namespace} namespace.\n`);
    return;
  }
  sortEvents(items);
  const sink = new EventSink(o, io);
  sink.printList(items);
}


