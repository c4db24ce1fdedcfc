// kubectl -o name (cli-runtime's NamePrinter), and the group/kind every -o printer checks first.
import { KtError } from '../errors.js';
import { isGoMap } from '../go/fmt.js';

/** kubectl -o name: `<lowercased kind>[.<group>]/<name>` per object — kubectl uses the Kind, not the resource name
 * (`pod/web-1`, `deployment.apps/web`, `endpoints/x`, `podmetrics.metrics.k8s.io/x`); the group comes from
 * apiVersion. An object with an `items` array is a list: one line per item. */
export function printName(obj: unknown): string {
  if (isGoMap(obj) && Array.isArray(obj.items)) return obj.items.map((item) => printName(item)).join('');
  const gvk = groupVersionKind(obj);
  if (gvk === undefined) throw new KtError(MISSING_KIND);
  const meta = isGoMap(obj) && isGoMap(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '<unknown>';
  const kind = (gvk.kind === '' ? '<unknown>' : gvk.kind).toLowerCase();
  return gvk.group === '' || gvk.kind === '' ? `${kind}/${name}\n` : `${kind}.${gvk.group}/${name}\n`;
}

export const MISSING_KIND = 'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type';

/** The object's group and kind as apimachinery reads them from apiVersion and kind; undefined when it has neither. */
export function groupVersionKind(obj: unknown): { group: string; kind: string } | undefined {
  if (!isGoMap(obj)) return undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const parts = apiVersion === '' ? [] : apiVersion.split('/');
  // An unparseable apiVersion (a/b/c) makes the whole GVK empty in apimachinery.
  if (parts.length > 2) return undefined;
  const group = parts.length === 2 ? (parts[0] ?? '') : '';
  if (kind === '' && apiVersion === '') return undefined;
  return { group, kind };
}
