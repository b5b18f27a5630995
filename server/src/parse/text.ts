/**
 * Text positions.
 *
 * Architecture invariant: every layer below the LSP adapter speaks in *offsets* — indexes
 * into the JavaScript string the editor holds (UTF-16 code units, BOM included). Offsets
 * become `{ line, character }` positions in exactly one place, {@link LineIndex}, and
 * because JavaScript strings are UTF-16 the `character` it yields is what LSP expects.
 */

/** A half-open range of UTF-16 offsets into the document text: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A zero-based LSP position: line, and UTF-16 code units from the start of that line. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP-shaped range. Plain data: it does not depend on the protocol package. */
export interface Range {
  start: Position;
  end: Position;
}

export const BOM = '\uFEFF';

/**
 * Maps offsets to positions and back. Line breaks are `\n`, `\r\n` and a lone `\r`, as in
 * LSP. Building the index is linear; each lookup is a binary search.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The zero-based line that contains `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset inside a CRLF pair belongs to the end of the line, not the middle of it.
    const character = Math.min(clamped, this.lineEnd(line)) - this.starts[line]!;
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** The span of the line's text (without its line break). */
  lineSpan(line: number): Span {
    return { start: this.lineStart(line), end: this.lineEnd(line) };
  }

  /** The end-of-line sequence the document uses most, for text we insert. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    return crlf >= 0 ? '\r\n' : '\n';
  }
}

/** Shifts a span by `delta`. */
export function shift(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}
