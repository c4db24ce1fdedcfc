// Line shaping beyond kubectl: include/exclude/highlight filters, coloured per-pod prefixes, JSON line records,
// and removing timestamps kt asked the server for only for its own use (resume, JSON).
import { splitTimestamp } from './resume.js';
import type { LineTransform, StreamSpec } from './types.js';

export interface LineFormat {
  include: readonly RegExp[];
  exclude: readonly RegExp[];
  highlight: readonly RegExp[];
  color: boolean;
  json: boolean;
  /** Lines arrive with a server timestamp (asked for by --timestamps, or by kt for resume and JSON). */
  serverTimestamps: boolean;
  /** The user asked for --timestamps: keep them in text output. */
  showTimestamps: boolean;
  /** Called with every line that passes the filters (e.g. --wait-for). */
  onLine?: (text: string, spec: StreamSpec) => void;
}

const PALETTE = [36, 33, 32, 35, 34, 31, 96, 93, 92, 95, 94, 91];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `[pod/P/C] `, coloured by pod (and container, a shade apart) when colour is on. */
export function prefixFor(pod: string, container: string, color: boolean): string {
  if (!color) return `[pod/${pod}/${container}] `;
  const pc = PALETTE[hash(pod) % PALETTE.length]!;
  const cc = PALETTE[(hash(pod) + 1 + (hash(container) % (PALETTE.length - 1))) % PALETTE.length]!;
  return `\x1b[${pc}m[pod/${pod}/\x1b[0m\x1b[${cc}m${container}\x1b[0m\x1b[${pc}m]\x1b[0m `;
}

function highlightText(text: string, res: readonly RegExp[]): string {
  let out = text;
  for (const re of res) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    out = out.replace(g, (m) => (m === '' ? m : `\x1b[1;31m${m}\x1b[0m`));
  }
  return out;
}

/** Builds the per-line transform; undefined when nothing needs lines (bytes are then copied through). */
export function lineTransform(f: LineFormat): LineTransform | undefined {
  const needed = f.include.length > 0 || f.exclude.length > 0 || (f.highlight.length > 0 && f.color) || f.json || f.serverTimestamps || f.onLine !== undefined;
  if (!needed) return undefined;
  return (line: string, spec: StreamSpec): string | undefined => {
    let ts = '';
    let text = line;
    if (f.serverTimestamps) {
      const parts = splitTimestamp(line);
      if (parts) ({ ts, text } = parts);
    }
    if (f.include.length > 0 && !f.include.some((re) => re.test(text))) return undefined;
    if (f.exclude.some((re) => re.test(text))) return undefined;
    f.onLine?.(text, spec);
    if (f.json) {
      return `${JSON.stringify({ timestamp: ts || null, namespace: spec.namespace, pod: spec.pod, container: spec.container, message: text })}\n`;
    }
    const body = f.color && f.highlight.length > 0 ? highlightText(text, f.highlight) : text;
    const stamp = f.showTimestamps && ts !== '' ? `${ts} ` : '';
    return `${spec.prefix}${stamp}${body}\n`;
  };
}
