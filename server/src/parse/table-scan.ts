/**
 * The line scanner's view of GFM tables, so that `splitChunks` (parse/blocks.ts) can cut a
 * long top-level table between its rows.
 *
 * micromark-extension-gfm-table tokenizes a table row by row: the head row and the delimiter
 * row together, then each body row as a construct of its own, recognised because the
 * previous construct was the table's head or a row. A line at the top level is a body row
 * unless it starts another block (a blank line, a heading, a quote, a list item, a fence,
 * HTML, indented code, a thematic break), and its cells and their inline content are read
 * from that line alone. So the rows from a line L on parse the same after the table's head
 * and delimiter rows as after the rows before L: a chunk that starts at L is parsed with the
 * head carried in front of it (`Chunk.carry`), and the model joins its rows back onto the
 * table (model/table-join.ts). The scanner's guesses are checked against the parse
 * (model/build.ts): a cut the parse does not confirm is undone.
 */

import { lineEndFrom, nextLineStart } from './blocks';

/** A delimiter row: cells of `-` with optional `:` at either end, between pipes (at least one pipe). */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FOOTNOTE = /^\[\^[^\]]+\]:/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the line [s, e) may start a block of its own (or is blank), so that it would end a
 * table, or may not be a table's head, or may open a container a later line is lazy in. Errs towards yes: a wrong yes costs a cut, never a model.
 */
export function mayStartBlock(text: string, s: number, e: number): boolean {
  if (s === e) return true;
  const c = text.charCodeAt(s);
  // Indentation (indented code, a container's continuation), headings, quotes, fences, HTML.
  if (c === 32 || c === 9 || c === 35 || c === 62 || c === 96 || c === 126 || c === 60) return true;
  const next = s + 1 < e ? text.charCodeAt(s + 1) : -1;
  if ((c === 45 || c === 42 || c === 43) && (next === -1 || next === 32 || next === 9)) return true;
  if ((c === 45 || c === 42 || c === 95) && THEMATIC_BREAK.test(text.slice(s, e))) return true;
  // A footnote definition (a container, as a list item is).
  if (c === 91 /* [ */ && next === 94 /* ^ */ && FOOTNOTE.test(text.slice(s, e))) return true;
  if (isDigit(c)) {
    let i = s;
    while (i < e && i - s < 10 && isDigit(text.charCodeAt(i))) i++;
    const d = i < e ? text.charCodeAt(i) : -1;
    const after = i + 1 < e ? text.charCodeAt(i + 1) : -1;
    if ((d === 46 || d === 41) && (after === -1 || after === 32 || after === 9)) return true;
  }
  return false;
}

/**
 * When the line [s, e) (a column-0 line that starts no other block) is the head row of a
 * table, followed by its delimiter row: the offset just past the delimiter row's line break,
 * where the body rows begin. A guess (the cell counts are not compared).
 */
export function tableBodyStart(text: string, s: number, e: number): number | undefined {
  const ds = nextLineStart(text, e);
  if (ds === e || ds >= text.length) return undefined;
  // A delimiter row at column 0 (cheap tests first: this runs on most lines of a section).
  const first = text.charCodeAt(ds);
  if (first !== 124 /* | */ && first !== 58 /* : */ && first !== 45 /* - */) return undefined;
  const de = lineEndFrom(text, ds);
  const row = text.slice(ds, de);
  // `- | -` is a list item.
  if (!row.includes('|') || /^[-][ \t]/.test(row) || !DELIMITER_ROW.test(row)) return undefined;
  if (mayStartBlock(text, s, e) || cellCount(text.slice(s, e)) !== cellCount(row)) return undefined;
  return nextLineStart(text, de);
}

/**
 * The number of cells of a table row as micromark counts them, or 0 when the row has no pipe
 * (and is no table's head): pipes split cells unless escaped (`\|`; `\\` escapes a
 * backslash), and the outer pipes open or close none.
 */
function cellCount(line: string): number {
  const t = line.trim();
  let pipes = 0;
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 92 /* \ */ && (t[i + 1] === '\\' || t[i + 1] === '|')) i++;
    else if (c === 124) {
      pipes++;
      last = i;
    }
  }
  if (pipes === 0) return 0;
  const leading = t.charCodeAt(0) === 124 ? 1 : 0;
  const trailing = last === t.length - 1 && t.length > 1 ? 1 : 0;
  return pipes + 1 - leading - trailing;
}

/** The end of the line holding the last body row of a table whose rows start at `from`, as the scanner sees them. */
export function tableEnd(text: string, from: number): number {
  let end = from;
  for (let pos = from; pos < text.length;) {
    const e = lineEndFrom(text, pos);
    if (mayStartBlock(text, pos, e)) break;
    end = e;
    pos = nextLineStart(text, e);
  }
  return end;
}
