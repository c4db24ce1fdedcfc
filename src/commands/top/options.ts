// `kt top pod|node` options, kubectl's way: complete (args, namespace, clients) → validate (pure) → run.
import { KtError, UsageError } from '../../errors.js';
import type { SortBy } from '../../report/top.js';
import { parseColorMode, type ColorMode } from '../../print/color.js';
import { parseRequestTimeout } from '../../go/duration.js';
import { parseOutputFormat, type OutputFormat } from '../../print/output.js';
import type { TopExtraFlags, TopNodeFlags, TopPodFlags } from './flags.js';

export type { TopExtraFlags, TopNodeFlags, TopPodFlags } from './flags.js';

/** kt's additions to kubectl top: -o, --resources, --watch [INTERVAL], --color. All off by default. */
export interface TopExtras {
  output: OutputFormat | undefined;
  resources: boolean;
  /** Refresh interval in ms; undefined = print once. */
  watchMs: number | undefined;
  color: ColorMode;
}

export interface TopPodOptions {
  resourceName: string;
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  sortBy: SortBy;
  containers: boolean;
  noHeaders: boolean;
  sum: boolean;
  extras: TopExtras;
}

export interface TopNodeOptions {
  resourceName: string;
  labelSelector: string;
  sortBy: SortBy;
  noHeaders: boolean;
  showCapacity: boolean;
  extras: TopExtras;
}

const OUTPUTS = ['json', 'yaml', 'name', 'jsonpath', 'jsonpath-as-json'] as const;

/**
 * `-w` takes an optional interval (2s when bare); commander hands over whatever word follows, so a word that is
 * not a duration is the NAME argument after all.
 */
function completeExtras(flags: TopExtraFlags, args: string[]): TopExtras {
  let watchMs: number | undefined;
  if (flags.watch !== undefined) {
    try {
      watchMs = parseRequestTimeout(flags.watch);
    } catch {
      args.unshift(flags.watch);
      watchMs = 2000;
    }
    if (watchMs <= 0) throw new KtError(`--watch interval must be greater than zero`);
  }
  const color: ColorMode = parseColorMode(flags.color);
  return {
    output: flags.output !== '' ? parseOutputFormat(flags.output, OUTPUTS) : undefined,
    resources: flags.resources === true,
    watchMs,
    color,
  };
}

/** kubectl: more than one NAME is a usage error naming the command's Use line. */
function resourceName(args: readonly string[], use: string): string {
  if (args.length > 1) throw new UsageError(use);
  return args[0] ?? '';
}

export function completeTopPod(flags: TopPodFlags, argv: readonly string[], namespace: string): TopPodOptions {
  const args = [...argv];
  const extras = completeExtras(flags, args);
  return {
    extras,
    resourceName: resourceName(args, 'pod [NAME | -l label]'),
    namespace,
    allNamespaces: flags.allNamespaces === true,
    labelSelector: flags.selector,
    fieldSelector: flags.fieldSelector,
    sortBy: flags.sortBy as SortBy,
    containers: flags.containers === true,
    noHeaders: flags.noHeaders,
    sum: flags.sum === true,
  };
}

function validateSortBy(sortBy: string): void {
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KtError('--sort-by accepts only cpu or memory');
}

export function validateTopPod(o: TopPodOptions): void {
  validateSortBy(o.sortBy);
  if (o.resourceName !== '' && (o.labelSelector !== '' || o.fieldSelector !== '')) {
    throw new KtError('only one of NAME or selector can be provided');
  }
}

export function completeTopNode(flags: TopNodeFlags, argv: readonly string[]): TopNodeOptions {
  const args = [...argv];
  const extras = completeExtras(flags, args);
  return {
    extras,
    resourceName: resourceName(args, 'node [NAME | -l label]'),
    labelSelector: flags.selector,
    sortBy: flags.sortBy as SortBy,
    noHeaders: flags.noHeaders,
    showCapacity: flags.showCapacity === true,
  };
}

export function validateTopNode(o: TopNodeOptions): void {
  validateSortBy(o.sortBy);
  if (o.resourceName !== '' && o.labelSelector !== '') throw new KtError('only one of NAME or --selector can be provided');
}
