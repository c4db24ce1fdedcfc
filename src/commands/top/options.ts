// `kt top pod|node` options, kubectl's way: complete (args, namespace, clients) → validate (pure) → run.
import { KtError, UsageError } from '../../errors.js';
import type { SortBy } from '../../format/top.js';

export interface TopPodFlags {
  allNamespaces?: boolean;
  containers?: boolean;
  fieldSelector: string;
  headers: boolean; // commander's name for the inverse of --no-headers
  selector: string;
  sortBy: string;
  sum?: boolean;
  useProtocolBuffers?: boolean;
}

export interface TopNodeFlags {
  headers: boolean;
  selector: string;
  showCapacity?: boolean;
  sortBy: string;
  useProtocolBuffers?: boolean;
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
}

export interface TopNodeOptions {
  resourceName: string;
  labelSelector: string;
  sortBy: SortBy;
  noHeaders: boolean;
  showCapacity: boolean;
}

/** kubectl: more than one NAME is a usage error naming the command's Use line. */
function resourceName(args: readonly string[], use: string): string {
  if (args.length > 1) throw new UsageError(use);
  return args[0] ?? '';
}

export function completeTopPod(flags: TopPodFlags, args: readonly string[], namespace: string): TopPodOptions {
  return {
    resourceName: resourceName(args, 'pod [NAME | -l label]'),
    namespace,
    allNamespaces: flags.allNamespaces === true,
    labelSelector: flags.selector,
    fieldSelector: flags.fieldSelector,
    sortBy: flags.sortBy as SortBy,
    containers: flags.containers === true,
    noHeaders: !flags.headers,
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

export function completeTopNode(flags: TopNodeFlags, args: readonly string[]): TopNodeOptions {
  return {
    resourceName: resourceName(args, 'node [NAME | -l label]'),
    labelSelector: flags.selector,
    sortBy: flags.sortBy as SortBy,
    noHeaders: !flags.headers,
    showCapacity: flags.showCapacity === true,
  };
}

export function validateTopNode(o: TopNodeOptions): void {
  validateSortBy(o.sortBy);
  if (o.resourceName !== '' && o.labelSelector !== '') throw new KtError('only one of NAME or --selector can be provided');
}
