/**
 * What a section holds, whatever the layout. Its fields: those of the section and of its
 * subsections that name no section of their own. Its items: the top-level items of its lists and the rows
 * of its tables (a table with a header row that is neither a prioritization matrix nor a
 * key/value table of one thing's attributes), in document order, with those of its
 * subsections that name no section of their own. list-length, the schema's `items` count and
 * the other counts read this one list, so three pain points are three pain points whether
 * they are bullets, numbers or table rows.
 */
import { tableLayout } from './layout';
import { readMatrix } from './matrix';
import type { Field, List, ListItem, Section, Table, TableCell } from './types';
import type { Span } from '../parse/text';

export interface SectionItem {
  /** The item's text: a list item's first line, a table row's first non-empty cell. */
  text: string;
  /** The whole item (list item with its children, or the row's cells). */
  span: Span;
  /** Where it comes from. */
  source: { list: List; item: ListItem } | { table: Table; row: TableCell[] };
}

/** Whether a table's rows are items: it is not a matrix and not a key/value table of one thing. */
export function isItemTable(table: Table): boolean {
  return table.rows.length > 0 && !readMatrix(table) && tableLayout(table) !== 'key-value';
}

function rowItem(table: Table, row: TableCell[]): SectionItem | undefined {
  const cells = row.filter((c) => c.text !== '');
  if (!cells.length) return undefined;
  return {
    text: cells[0]!.text,
    span: { start: row[0]!.span.start, end: row[row.length - 1]!.span.end },
    source: { table, row },
  };
}

/** The section's items (see the header), in document order. */
export function sectionItems(section: Section): SectionItem[] {
  const out: SectionItem[] = [];
  for (const list of section.lists)
    for (const item of list.items) out.push({ text: item.text, span: item.span, source: { list, item } });
  for (const table of section.tables) {
    if (!isItemTable(table)) continue;
    for (const row of table.rows) {
      const item = rowItem(table, row);
      if (item) out.push(item);
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  for (const c of section.children) if (!c.key) out.push(...sectionItems(c));
  return out;
}

/** How many items the section has (sectionItems). */
export function itemCount(section: Section): number {
  return sectionItems(section).length;
}

/** Fields of a section and of its subsections that do not name a section themselves. */
export function sectionFields(section: Section): Field[] {
  const out = [...section.fields];
  for (const c of section.children) if (!c.key) out.push(...sectionFields(c));
  return out;
}
