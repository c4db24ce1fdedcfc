// Where kubectl events' output goes: its printer (the events table, or -o json|yaml|name|jsonpath), always written
// through one tab writer (so tabs a jsonpath template prints are aligned, as in kubectl) and flushed per print.
// kubectl ignores the printer's errors (`o.PrintObj(el, w)`), so a printer that fails prints nothing and the
// command still succeeds — e.g. -o name, whose printer refuses typed lists.
import type { IO } from '../../cli/io.js';
import { EventTablePrinter } from '../../print/events.js';
import { marshalStructJSON, toTypedEvent, toTypedEventList } from '../../print/events-typed.js';
import { printObject, type OutputFormat } from '../../print/output.js';
import { TabWriter } from '../../go/tabwriter.js';
import type { CoreEvent } from '../../k8s/types.js';
import type { Colors } from '../../print/color.js';

export interface SinkOptions {
  allNamespaces: boolean;
  noHeaders: boolean;
  format: OutputFormat | undefined;
  showManagedFields: boolean;
  color: Colors;
}

export class EventSink {
  private readonly table: EventTablePrinter | undefined;
  private readonly writer = new TabWriter();
  private yamlCount = 0;

  constructor(private readonly o: SinkOptions, private readonly io: IO) {
    if (!o.format) this.table = new EventTablePrinter({ allNamespaces: o.allNamespaces, noHeaders: o.noHeaders, color: o.color });
  }

  /** The whole (sorted) list: one EventList for -o, rows for the table. */
  printList(events: readonly CoreEvent[]): void {
    if (this.table) {
      this.io.out.write(this.table.print(events, this.io.now()));
      return;
    }
    if (this.o.format?.kind === 'name') return; // NamePrinter: "list types are not supported by name printing"
    this.emit(toTypedEventList(events, this.keepManagedFields()));
  }

  /** One event from a watch, printed and flushed on its own. */
  printOne(event: CoreEvent): void {
    if (this.table) {
      this.io.out.write(this.table.print([event], this.io.now()));
      return;
    }
    this.emit(toTypedEvent(event, this.keepManagedFields()));
  }

  /** Only -o json|yaml drop managedFields (kubectl's OmitManagedFieldsPrinter wraps just those two). */
  private keepManagedFields(): boolean {
    const kind = this.o.format?.kind;
    return this.o.showManagedFields || (kind !== 'json' && kind !== 'yaml');
  }

  private emit(obj: Record<string, unknown>): void {
    const format = this.o.format!;
    let text = '';
    if (format.kind === 'yaml' && ++this.yamlCount > 1) text += '---\n';
    try {
      text += format.kind === 'json' ? marshalStructJSON(obj) : printObject(obj, format, { showManagedFields: true });
    } catch {
      // kubectl discards PrintObj's error; whatever the printer had not written stays unwritten.
    }
    this.writer.write(text);
    this.io.out.write(this.writer.flush());
  }
}
