// Elastic-tabstop column alignment with the exact behaviour of github.com/liggitt/tabwriter (the fork of Go's
// text/tabwriter that kubectl's printers use), configured as kubectl configures it: minwidth 6, tabwidth 4,
// padding 3, padchar ' ', flags = RememberWidths. Widths are configurable; the other knobs are not (padding is
// always spaces, no AlignRight, DiscardEmptyColumns, TabIndent, FilterHTML, Debug or escapes), since kubectl
// never uses them.

export interface TabWriterOptions {
  /** Minimal cell width including padding (kubectl: 6). */
  minWidth?: number;
  /** Width of a tab character. Go only uses it when padding with tabs; with padchar ' ' it has no effect. */
  tabWidth?: number;
  /** Padding added to a cell's width before computing the column width (kubectl: 3). */
  padding?: number;
}

interface Cell {
  text: string;
  /** Code points, like utf8.RuneCount: the writer assumes every code point is one column wide. */
  width: number;
}

/** kubectl's settings (printers.GetNewTabWriter). */
const KUBECTL_MIN_WIDTH = 6;
const KUBECTL_TAB_WIDTH = 4;
const KUBECTL_PADDING = 3;

/** Code point count; a lone surrogate counts as one, as it becomes U+FFFD (one rune) once encoded to UTF-8. */
function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function checkOption(name: string, v: number): number {
  // Go's Init panics on negative values; a non-integer would make padding arithmetic meaningless.
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`tabwriter: ${name} must be a non-negative integer, got ${v}`);
  return v;
}

export class TabWriter {
  readonly #minWidth: number;
  readonly #padding: number;

  /** Completed lines of the current buffer; the last entry is the line being written. */
  #lines: Cell[][] = [[]];
  /** Text of the current, not yet terminated cell (may span several write() calls). */
  #cell = '';
  /** Output produced by implicit flushes inside write(), handed out by the next flush(). */
  #out: string[] = [];
  /** Widths of the columns to the left of the one being formatted (Go's b.widths, used during format only). */
  #widths: number[] = [];
  /** RememberWidths: the widest width ever used per column index; survives flush(). */
  #maxWidths: number[] = [];

  constructor(options: TabWriterOptions = {}) {
    this.#minWidth = checkOption('minWidth', options.minWidth ?? KUBECTL_MIN_WIDTH);
    // Validated like Go does, but not stored: it only matters when padding with tabs.
    checkOption('tabWidth', options.tabWidth ?? KUBECTL_TAB_WIDTH);
    this.#padding = checkOption('padding', options.padding ?? KUBECTL_PADDING);
  }

  /** Buffers text (may contain many lines, '\t' cell terminators and '\n'). */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // '\t' and '\v' end a cell; '\n' and '\f' end a cell and the line. '\v' differs from '\t' only
      // for DiscardEmptyColumns, which kubectl does not set.
      if (ch !== 0x09 && ch !== 0x0b && ch !== 0x0a && ch !== 0x0c) continue;
      this.#cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.#terminateCell();
      if (ch === 0x0a || ch === 0x0c) {
        this.#lines.push([]);
        // A line holding a single cell has no column cells, so it cannot affect the lines after it:
        // Go flushes there (and always on '\f'). This matters for RememberWidths, which then applies
        // across the two halves.
        if (ch === 0x0c || ncells === 1) this.#out.push(this.#flushBuffer());
      }
    }
    this.#cell += text.slice(start);
  }

  /**
   * Formats everything buffered so far and returns it; remembered column widths persist across flushes
   * (columns never shrink), which `events --watch` relies on.
   */
  flush(): string {
    // Text after the last terminator becomes a final cell; an empty one is dropped as in Go.
    if (this.#cell.length > 0) this.#terminateCell();
    this.#out.push(this.#flushBuffer());
    const out = this.#out.join('');
    this.#out = [];
    return out;
  }

  #terminateCell(): number {
    const line = this.#lines[this.#lines.length - 1];
    if (line === undefined) throw new Error('tabwriter: internal error: no current line');
    line.push({ text: this.#cell, width: codePointCount(this.#cell) });
    this.#cell = '';
    return line.length;
  }

  /** Formats the buffered lines and resets the buffer (not the remembered widths). */
  #flushBuffer(): string {
    const out: string[] = [];
    this.#format(out, 0, this.#lines.length);
    this.#lines = [[]];
    this.#widths = [];
    return out.join('');
  }

  /**
   * Go's format(): finds the blocks of consecutive lines that have a cell in the current column, fixes the
   * width of each block and recurses into the columns to its right.
   */
  #format(out: string[], line0: number, line1: number): void {
    const column = this.#widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.#cellCount(row) - 1) continue;
      // The last cell of a line is not tab-terminated, so it never belongs to a column; a line with a
      // cell in this column starts a block.
      this.#writeLines(out, line0, row);
      line0 = row;

      let width = this.#minWidth;
      for (; row < line1; row++) {
        if (column >= this.#cellCount(row) - 1) break;
        const w = this.#cellAt(row, column).width + this.#padding;
        if (w > width) width = w;
      }

      width = this.#rememberWidth(column, width);

      this.#widths.push(width);
      this.#format(out, line0, row);
      this.#widths.pop();
      line0 = row;
      // As in Go, the loop increment then skips the line that ended the block: it has no cell in this
      // column, so it cannot start another block.
    }
    this.#writeLines(out, line0, line1);
  }

  /** liggitt's RememberWidths: a column is as wide as the widest block it ever had, in this flush or earlier. */
  #rememberWidth(column: number, width: number): number {
    const max = this.#maxWidths;
    if (max.length < this.#widths.length) max.push(...this.#widths.slice(max.length));
    const remembered = max[column];
    if (remembered === undefined) {
      max.push(width);
      return width;
    }
    if (remembered > width) return remembered;
    max[column] = width;
    return width;
  }

  #writeLines(out: string[], line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.#lines[i] ?? [];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        if (c === undefined) continue;
        out.push(c.text);
        // Only cells in a column are padded, empty ones included; the last cell of a line never is.
        const w = this.#widths[j];
        if (w !== undefined && w > c.width) out.push(' '.repeat(w - c.width));
      }
      // The last buffered line has no newline of its own yet (a '\f' line break is written as '\n').
      if (i + 1 === this.#lines.length) out.push(this.#cell);
      else out.push('\n');
    }
  }

  #cellCount(row: number): number {
    return this.#lines[row]?.length ?? 0;
  }

  #cellAt(row: number, column: number): Cell {
    const c = this.#lines[row]?.[column];
    if (c === undefined) throw new Error('tabwriter: internal error: missing cell');
    return c;
  }
}

/** Convenience: format a whole text in one go with kubectl's settings. */
export function tabwrite(text: string): string {
  const w = new TabWriter();
  w.write(text);
  return w.flush();
}
