/**
 * Checking a cut between the rows of a table against the parse, and undoing it when the
 * parse does not confirm it (parse/table-scan.ts explains the cut; model/table-join.ts joins
 * the rows back).
 */
import type { Chunk } from '../parse/blocks';
import type { Span } from '../parse/text';
import type { Fragment } from './fragment';
import { firstTable, lastTable } from './table-join';

/** Where a placed fragment came from: its first piece, its start, the head its chunk carried, and the skipped parts before it. */
export interface Origin {
  piece: number;
  start: number;
  carry: Span | undefined;
  skipped: number;
}

/** The end of the line before `at` (a line start after a line break), without that line break. */
function lineEndBefore(body: string, at: number): number {
  let end = at;
  if (body.charCodeAt(end - 1) === 10) end--;
  if (body.charCodeAt(end - 1) === 13) end--;
  return end;
}

/**
 * Whether the whole parse has one table across the cut at `start`, where the chunk parsed
 * with the head `carry` in front begins (`placed`, in document offsets; `previous` is the
 * placed fragment before it, from `before`). Both parses must agree that it does:
 *
 * - the previous chunk ends with that table (its last top-level node, starting at the table's
 *   head, or at the head it carried itself, and ending with the last line before the cut);
 * - the chunk's parse begins with the carried head and its first own line is a row of it.
 *
 * A body row is read from its line alone (parse/table-scan.ts), so the rows after the cut
 * are then the rows of the whole parse, and the rest of the chunk parses as it does there.
 */
export function continuesTable(
  previous: Fragment,
  before: Origin,
  placed: Fragment,
  body: string,
  bom: number,
  start: number,
  carry: Span,
): boolean {
  const carried = carry.end - carry.start;
  const tail = lastTable(previous);
  const head = firstTable(placed);
  if (!tail || !head) return false;
  const tableStart = before.carry && before.carry.start === carry.start ? bom + before.start - carried : bom + carry.start;
  if (tail.span.start !== tableStart || tail.span.end !== bom + lineEndBefore(body, start)) return false;
  return head.span.start === bom + start - carried && head.span.end > bom + start;
}

/**
 * Undoes the cut before piece `i` (and the later cuts of the same table, pieces up to the
 * first that does not carry its head, from `j` on): they become one piece with the piece
 * the fragment before began at (`before`). The build then parses that piece again.
 */
export function redoWithout(pieces: Chunk[], i: number, j: number, before: Origin | undefined, carry: Span, body: string): void {
  let k = j;
  while (k < pieces.length && pieces[k]!.carry?.start === carry.start) k++;
  const from = before ? before.piece : i;
  const first = pieces[from]!;
  const last = pieces[k - 1]!;
  const merged: Chunk = { start: first.start, text: body.slice(first.start, last.start + last.text.length) };
  if (before?.carry) merged.carry = before.carry;
  pieces.splice(from, k - from, merged);
}
