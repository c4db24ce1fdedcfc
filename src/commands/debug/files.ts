// `kt debug -f FILE`: the objects a JSON or YAML file (or `-` for stdin) describes, lists flattened.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { KtError } from '../../errors.js';
import type { KubeObject } from '../../k8s/types.js';

export function loadFiles(files: readonly string[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch {
      throw new KtError(`the path "${file}" does not exist`);
    }
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as unknown;
      if (!value || typeof value !== 'object') continue;
      const obj = value as KubeObject & { items?: KubeObject[] };
      if (Array.isArray(obj.items) && obj.kind?.endsWith('List')) objects.push(...obj.items);
      else objects.push(obj);
    }
  }
  return objects;
}
