// kubectl events' table printer and sort order (kubectl 1.32 pkg/cmd/events): LAST SEEN with series and counts,
// OBJECT as Kind/name, terminal escapes neutralised. The -o json|yaml view is events-typed.ts. Pure: the clock is
// passed in.
import type { CoreEvent } from '../k8s/types.js';
import { parseKubeTime, timeSince, ZERO_TIME } from '../k8s/time.js';
import { NO_COLORS, type Colors, type Tone } from './color.js';
import { goSort } from '../go/sort.js';
import { trimSpace } from '../go/strings.js';
import { TabWriter } from '../go/tabwriter.js';

/**
 * A field as text. Events come from servers kt does not control; a field of the wrong type is shown, not a crash
 * (kubectl refuses the whole list instead).
 */
export function fieldText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** printers.EscapeTerminal: ESC and CR cannot reach the terminal. */
export function escapeTerminal(s: unknown): string {
  return fieldText(s).replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** LAST SEEN (kubectl's getInterval): `first`, or `<last> (xN over <first>)` for series and repeated events. */
export function eventInterval(e: CoreEvent, nowMs: number): string {
  const first = parseKubeTime(e.eventTime) !== ZERO_TIME ? timeSince(e.eventTime, nowMs) : timeSince(e.firstTimestamp, nowMs);
  if (e.series) return `${timeSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${timeSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

/** The time kubectl sorts by, in ns: series.lastObservedTime, else lastTimestamp unless zero, else eventTime. */
export function eventSortTime(e: CoreEvent): bigint {
  if (e.series) return parseKubeTime(e.series.lastObservedTime);
  const last = parseKubeTime(e.lastTimestamp);
  return last !== ZERO_TIME ? last : parseKubeTime(e.eventTime);
}

/** Sorts oldest first, in place, leaving ties where Go's (unstable) sort.Sort leaves them. */
export function sortEvents<T extends CoreEvent>(events: T[]): T[] {
  const keys = new Map<T, bigint>(events.map((e) => [e, eventSortTime(e)]));
  return goSort(events, (a, b) => keys.get(a)! < keys.get(b)!);
}

export interface EventPrintOptions {
  allNamespaces: boolean;
  noHeaders: boolean;
  /** Warning rows in the warning colour (kt's --color; kubectl never colours). */
  color?: Colors;
}

/**
 * kubectl's EventPrinter over its tab writer, fed repeatedly for --watch: the header once, and column widths that
 * only grow, because the tab writer remembers them across flushes. Each print() is one Flush().
 */
export class EventTablePrinter {
  private headerPrinted = false;
  private readonly writer = new TabWriter();

  constructor(private readonly options: EventPrintOptions) {}

  print(events: readonly CoreEvent[], nowMs: number): string {
    const tones: (Tone | undefined)[] = [];
    if (!this.options.noHeaders && !this.headerPrinted) {
      this.writer.write(`${this.options.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headerPrinted = true;
      tones.push(undefined);
    }
    for (const e of events) {
      const io = e.involvedObject ?? {};
      const row =
        `${this.options.allNamespaces ? `${fieldText(e.metadata?.namespace)}\t` : ''}${eventInterval(e, nowMs)}\t` +
        `${escapeTerminal(e.type ?? '')}\t${escapeTerminal(e.reason ?? '')}\t` +
        `${escapeTerminal(io.kind ?? '')}/${escapeTerminal(io.name ?? '')}\t${escapeTerminal(trimSpace(fieldText(e.message)))}\n`;
      this.writer.write(row);
      // A message with newlines spans several output lines; all of them belong to the row.
      const tone = e.type === 'Warning' ? 'warning' : undefined;
      for (let i = row.split('\n').length - 1; i > 0; i--) tones.push(tone);
    }
    return (this.options.color ?? NO_COLORS).lines(this.writer.flush(), tones);
  }
}
