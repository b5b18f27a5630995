/**
 * Tables about segments: rows keyed by a Segment column (or by their first column, when the
 * others name segment fields), or columns headed by segment names over rows that name fields
 * (`| | SMB | Enterprise |` over `| Size | … |`). In a section that holds segments such a
 * table defines segments; elsewhere it adds to the segments its rows or columns name, as
 * Russian segmentation documents give needs and pains in a table of their own.
 */
import type { Span } from '../../parse/text';
import { trimRun } from '../source-text';
import { readMatrix } from '../matrix';
import { normalizeKey } from '../normalize';
import { isPlaceholderValue } from '../placeholders';
import type { SegDocument, Table, TableCell, TextRun } from '../types';
import { holdsSegments, newBuilder, type Extraction } from './extraction';
import { addValue, type Builder } from './fields';
import { findByKey, findNamed, segmentNameKey } from './names';
import type { SegmentFieldTerm } from './types';
import type { CompiledVocabulary } from './vocabulary';

/** Step 3: tables in a section that holds segments; rows (or columns) naming no segment above are segments of their own. */
export function readTablesOfSegments(x: Extraction): void {
  for (const section of x.sections) {
    if (!holdsSegments(x, section)) continue;
    for (const table of section.tables) {
      if (readMatrix(table)) continue;
      if (readSegmentTable(x, table, true)) x.segmentTables.add(table);
    }
  }
}

/** Step 6: the other tables; rows (or columns) that name a segment add to it. */
export function readTablesNamingSegments(x: Extraction): void {
  for (const section of x.sections) {
    for (const table of section.tables) {
      if (x.segmentTables.has(table) || readMatrix(table)) continue;
      readSegmentTable(x, table, false);
    }
  }
}

/** The column whose header names a segment (`Segment`, `Сегменты`, `Segment name`), or -1. */
export function labelColumn(table: Table, vocab: CompiledVocabulary): number {
  return table.header.findIndex((h) => {
    const key = normalizeKey(h.text);
    // A plural header (`Segments`, `Сегменты`) names the column too: the plural endings are
    // notation, not words, so they stay here rather than in model/lexicon.
    return key !== '' && (vocab.label.test(key) || vocab.label.test(key.replace(/s$|ы$/u, '')));
  });
}

/** A cell's text without bold around it (`**Mid-market**`). */
function cellName(doc: SegDocument, cell: TableCell): TextRun {
  const m = /^(\*\*|__)(.+)\1$/.exec(cell.text);
  if (!m) return cell;
  return trimRun(doc.text, cell.span.start + 2, cell.span.end - 2);
}

/**
 * Reads a table about segments: rows keyed by a segment column (headed Segment, or in a
 * section that holds segments the first column of a table whose other columns name segment
 * fields), or columns headed by segment names beside rows that name fields. A row or column
 * adds to the segment it names; with `create`, one naming none is a segment of its own.
 * Elsewhere a first column that names no segment label still keys the rows when two of them
 * (or the only one) name segments. Whether the table was read as one about segments.
 */
export function readSegmentTable(x: Extraction, table: Table, create: boolean): boolean {
  const termAt = (cell: TableCell | undefined): SegmentFieldTerm | undefined =>
    cell ? x.vocab.fieldOf.get(normalizeKey(cell.text)) : undefined;
  const fieldColumns = table.header.filter((h, i) => i > 0 && termAt(h)).length;
  let key = labelColumn(table, x.vocab);
  // Rows that name fields (`| Size | 4,000 |`) make a key/value table or segments as columns.
  const fieldRowCount = table.rows.filter((r) => termAt(r[0])).length;
  if (key < 0 && fieldColumns > 0 && !termAt(table.header[0]) && fieldRowCount < Math.min(2, table.rows.length)) {
    if (create) key = 0;
    else {
      const rows = table.rows.filter((r) => r[0] && findNamed(x.builders, segmentNameKey(r[0].text), false));
      if (rows.length >= Math.min(2, table.rows.length)) key = 0;
    }
  }
  const segmentOf = (cell: TableCell, span: Span): Builder | undefined => {
    const name = cellName(x.doc, cell);
    const found = create
      ? findByKey(x.builders, segmentNameKey(name.text))
      : findNamed(x.builders, segmentNameKey(name.text), key >= 0 && labelColumn(table, x.vocab) >= 0);
    if (found || !create || name.text === '') return found;
    return newBuilder(x, {
      name: name.text,
      nameSpan: name.span,
      blockSpan: span,
      span,
      fields: new Map(),
      source: 'table',
      placeholder: isPlaceholderValue(name.text, x.doc.definitions),
    });
  };
  if (key >= 0) {
    readSegmentRows(x, table, key, termAt, segmentOf);
    return true;
  }
  // Segments as columns: `| | SMB | Enterprise |` over rows `| Size | … |`, `| ACV | … |`.
  if (fieldRowCount < 2 || table.header.length < 2) return false;
  const columns = table.header.map((h, i) => (i > 0 && h.text !== '' && !termAt(h) ? h : undefined));
  const named = columns.filter((h) => h && findNamed(x.builders, segmentNameKey(h.text), false)).length;
  if (!create && named < Math.min(2, columns.filter(Boolean).length)) return false;
  const fieldRows = table.rows.filter((r) => termAt(r[0]));
  columns.forEach((h, i) => {
    if (!h) return;
    const span = { start: h.span.start, end: table.span.end };
    const b = segmentOf(h, span);
    if (!b) return;
    for (const row of fieldRows) {
      const value = row[i];
      if (value) addValue(x.doc, b, termAt(row[0])!, { label: row[0]!, value, items: [], source: 'table', placeholder: false });
    }
  });
  return true;
}

/** Rows keyed by column `key`: each row's cells under headers that name a field are its values. */
function readSegmentRows(
  x: Extraction,
  table: Table,
  key: number,
  termAt: (cell: TableCell | undefined) => SegmentFieldTerm | undefined,
  segmentOf: (cell: TableCell, span: Span) => Builder | undefined,
): void {
  for (const row of table.rows) {
    const cell = row[key];
    if (!cell || cell.text === '') continue;
    const rowSpan = { start: (row[0] ?? cell).span.start, end: (row[row.length - 1] ?? cell).span.end };
    const b = segmentOf(cell, rowSpan);
    if (!b) continue;
    table.header.forEach((h, i) => {
      const term = i === key ? undefined : termAt(h);
      const value = row[i];
      if (term && value) addValue(x.doc, b, term, { label: h, value, items: [], source: 'table', placeholder: false });
    });
  }
}
