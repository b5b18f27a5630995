/**
 * Joining the rows of a table cut between chunks back into one table (parse/table-scan.ts
 * explains the cut, model/build.ts checks it against the parse): a chunk cut inside a table
 * is parsed with the table's head and delimiter rows carried in front, so its fragment
 * starts with a copy of the head (at offsets before the chunk) followed by the chunk's rows.
 */
import type { Fragment } from './fragment';
import type { Table } from './types';

/** The last table of a fragment's last content block, if any. */
export function lastTable(f: Fragment): Table | undefined {
  const last = f.blocks[f.blocks.length - 1];
  return last && last.type === 'content' ? last.tables[last.tables.length - 1] : undefined;
}

/** The first table of a fragment's first block, when that block is content. */
export function firstTable(f: Fragment): Table | undefined {
  const first = f.blocks[0];
  return first && first.type === 'content' ? first.tables[0] : undefined;
}

/**
 * Joins placed fragments whose chunk carried a table's head (`Fragment.carried`): their
 * first table's body rows go to the table that the fragment before ended with, which then
 * ends where those rows end, and what the carried head gave (its table, inline code and
 * comments) is dropped. Placed fragments are fresh copies, so they may change.
 */
export function joinTables(fragments: Fragment[]): void {
  // The table the previous fragment ended with, after joining (its own, or one it continued).
  let tail: Table | undefined;
  for (const f of fragments) {
    const from = f.carried;
    const head = from === undefined ? undefined : firstTable(f);
    if (from === undefined || !tail || !head) {
      tail = lastTable(f);
      continue;
    }
    tail.rows.push(...head.rows);
    tail.span = { start: tail.span.start, end: head.span.end };
    const block = f.blocks[0]!;
    if (block.type === 'content') block.tables.shift();
    f.codeSpans = f.codeSpans.filter((s) => s.start >= from);
    f.comments = f.comments.filter((c) => c.span.start >= from);
    // A chunk that is all table rows ends with the joined table itself.
    tail = lastTable(f) ?? tail;
  }
}
