// Line shaping beyond kubectl: include/exclude/highlight filters, coloured per-pod prefixes, JSON line records,
// and removing timestamps kt asked the server for only for its own use (resume, JSON).
import type { Colors } from '../print/color.js';
import { splitTimestamp } from './resume.js';
import type { LineTransform, StreamSpec } from './types.js';

export interface LineFormat {
  include: readonly RegExp[];
  exclude: readonly RegExp[];
  highlight: readonly RegExp[];
  /** Where highlights get their colour (--color). */
  color: Colors;
  json: boolean;
  /** Lines arrive with a server timestamp (asked for by --timestamps, or by kt for resume and JSON). */
  serverTimestamps: boolean;
  /** The user asked for --timestamps: keep them in text output. */
  showTimestamps: boolean;
  /** Called with every line that passes the filters (e.g. --wait-for). */
  onLine?: (text: string, spec: StreamSpec) => void;
}

/** `[pod/P/C] `, coloured by pod (and container, a shade apart) when colour is on. */
export function prefixFor(pod: string, container: string, color: Colors): string {
  return color.podPrefix(pod, container);
}

/** Marks every match of every regex, found in the text itself (so one regex never matches another's escape codes). */
function highlightText(text: string, globals: readonly RegExp[], color: Colors): string {
  const marks: [number, number][] = [];
  for (const g of globals) for (const m of text.matchAll(g)) if (m[0] !== '') marks.push([m.index, m.index + m[0].length]);
  if (marks.length === 0) return text;
  marks.sort((x, y) => x[0] - y[0]);
  // Overlapping matches are painted as one.
  const merged: [number, number][] = [];
  for (const [start, end] of marks) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += text.slice(at, start) + color.highlight(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** Builds the per-line transform; undefined when nothing needs lines (bytes are then copied through). */
export function lineTransform(f: LineFormat): LineTransform | undefined {
  const needed = f.include.length > 0 || f.exclude.length > 0 || (f.highlight.length > 0 && f.color.enabled) || f.json || f.serverTimestamps || f.onLine !== undefined;
  if (!needed) return undefined;
  const highlights = f.highlight.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));
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
    const body = f.color.enabled && f.highlight.length > 0 ? highlightText(text, highlights, f.color) : text;
    const stamp = f.showTimestamps && ts !== '' ? `${ts} ` : '';
    return `${spec.prefix}${stamp}${body}\n`;
  };
}
