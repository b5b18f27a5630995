/**
 * list-length — a list the methodology sizes is too short: the top 3 pain points (the persona
 * template lists three, the comprehensive persona asks for the "Top 3 Pain Points") and at least three
 * decision criteria. The sizes are the schema's (`minimum` on a section's `items`, with
 * `x-segdoc.rule: "list-length"`), so a team's schema can size other lists; this rule turns
 * those schema issues into findings on the list (or on the heading when there is no list).
 * Items are list items and table rows alike (model/items.ts): three pain points in a table
 * are three pain points.
 *
 * Fix: add stubs after the last item, continuing the list — the next numbers of an ordered
 * list, the same bullet and indentation of a bulleted one — made from the section's
 * template line in the document's language (`3. **[Pain Point 3]**: [Detailed description]`).
 * A section with no list gets the template's items. Items written as table rows get rows
 * (`| [Pain Point 3] | [Detailed description] |`).
 */
import { sectionItems, type SectionItem } from '../model/items';
import type { Language, List, ListItem, Section, SegDocument, Table } from '../model/types';
import type { Span } from '../parse/text';
import { pick, type SectionSpec } from '../schemas/kinds';
import { issueSection } from './util/report';
import { defineRule, type TextEdit } from './types';

const MARKER = /^([ \t]*)([-*+]|(\d{1,9})([.)]))([ \t]+)/;

/** A stub when the section's template has no list item to copy. */
const FALLBACK_STUB = { en: '[Item {n}]', ru: '[Пункт {n}]' };

export default defineRule({
  id: 'list-length',
  severity: 'warning',
  description: 'A list the methodology sizes is too short (top 3 pain points, at least 3 decision criteria).',
  messages: {
    short: '{section} lists {count} items; the methodology asks for at least {minimum}',
    prose:
      '{section} is a paragraph with fewer than {minimum} items in it; the methodology asks for at least {minimum}: list them',
    long: '{section} lists {count} items; the methodology asks for at most {maximum}',
    insert: 'Add {missing} items to {section}',
  },
  check(ctx) {
    for (const issue of ctx.issues) {
      if (issue.rule !== 'list-length' || !issue.section) continue;
      const section = issueSection(ctx.match, issue);
      if (!section) continue;
      const spec = issue.section;
      const title = pick(spec.title, ctx.language);
      const count = sectionItems(section).length;
      // The schema points at the first list, else at the heading; a table of items is the place too.
      const span = issue.span.start === section.heading.span.start ? itemsSpan(section, issue.span) : issue.span;
      const limit = Number((issue.params as { limit?: unknown }).limit);
      if (!Number.isFinite(limit)) continue;
      if (issue.keyword === 'minimum' || issue.keyword === 'exclusiveMinimum') {
        const minimum = issue.keyword === 'exclusiveMinimum' ? Math.floor(limit) + 1 : Math.ceil(limit);
        const missing = minimum - count;
        if (missing <= 0) continue;
        // Items written as sentences of a paragraph ("It has to… It has to… It has to…"):
        // enough sentences is enough items; fewer is reported as prose to be listed.
        const prose = count === 0 ? sentences(ctx.doc.text, section) : 0;
        if (prose >= minimum) continue;
        ctx.report({
          message: count === 0 && prose > 0 ? 'prose' : 'short',
          args: count === 0 && prose > 0 ? { section: title, minimum } : { section: title, count, minimum },
          span,
          fixes: [
            {
              title: 'insert',
              args: { missing, section: title },
              edits: [stubs(ctx.doc, section, spec, count, missing, ctx.language)],
              preferred: true,
            },
          ],
        });
      } else if (issue.keyword === 'maximum' || issue.keyword === 'exclusiveMaximum') {
        const maximum = issue.keyword === 'exclusiveMaximum' ? Math.ceil(limit) - 1 : Math.floor(limit);
        ctx.report({ message: 'long', args: { section: title, count, maximum }, span });
      }
    }
  },
});

/** The list or table the section's last item is in (its own, else its unnamed subsections'). */
function lastHolder(section: Section): { list: List } | { table: Table } | undefined {
  const items = sectionItems(section);
  let last: SectionItem | undefined;
  for (const i of items) if (!last || i.span.start > last.span.start) last = i;
  if (!last) return undefined;
  return 'list' in last.source ? { list: last.source.list } : { table: last.source.table };
}

/** How many sentences the section's own paragraphs (and unnamed subsections') hold. */
function sentences(text: string, section: Section): number {
  let n = 0;
  const count = (s: Section): void => {
    for (const p of s.paragraphs)
      n += text
        .slice(p.span.start, p.span.end)
        .split(/[.!?…;](?:\s|$)/u)
        .filter((x) => /\p{L}{2,}/u.test(x)).length;
    for (const c of s.children) if (!c.key) count(c);
  };
  count(section);
  return n;
}

/** Where a finding about the section's items goes: its first list or item table, else the heading (the schema's place). */
function itemsSpan(section: Section, fallback: Span): Span {
  const first = sectionItems(section)[0];
  if (!first) return fallback;
  return 'list' in first.source ? first.source.list.span : first.source.table.span;
}

/**
 * The template's list items without their markers (`**[Pain Point 1]**: [Detailed
 * description]`): top-level lines only, so nested detail lines are not repeated.
 */
function templateItems(spec: SectionSpec, language: Language): string[] {
  return pick(spec.template, language)
    .split(/\r?\n/)
    .map((l) => /^(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/.exec(l)?.[1])
    .filter((t): t is string => t !== undefined && t.trim() !== '');
}

/** The stub for item `n` (1-based): the template's n-th item, else its last one renumbered. */
function stubText(items: string[], n: number, language: Language): string {
  const own = items[n - 1];
  if (own !== undefined) return own;
  const last = items[items.length - 1];
  if (last === undefined) return FALLBACK_STUB[language].replace('{n}', String(n));
  // `[Pain Point 3]` → `[Pain Point 4]`: the first number inside brackets is the item's.
  const renumbered = last.replace(/(\[[^\]\d]*?)\d+([^\]]*\])/, `$1${n}$2`);
  return renumbered;
}

function markerOf(
  doc: SegDocument,
  item: ListItem,
): { indent: string; bullet?: string; number?: number; delim?: string; space: string } {
  const line = doc.lines.lineAt(item.span.start);
  const text = doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line));
  const m = MARKER.exec(text);
  if (!m) return { indent: '', bullet: '-', space: ' ' };
  const [, indent, bullet, num, delim, space] = m;
  return num !== undefined
    ? { indent: indent!, number: Number(num), delim: delim!, space: space! }
    : { indent: indent!, bullet: bullet!, space: space! };
}

/** The edit adding `missing` stubs, numbered from `count + 1`, after the section's last item. */
function stubs(
  doc: SegDocument,
  section: Section,
  spec: SectionSpec,
  count: number,
  missing: number,
  language: Language,
): TextEdit {
  const eol = doc.lines.eol;
  const items = templateItems(spec, language);
  const holder = lastHolder(section);
  if (holder && 'table' in holder) return tableStubs(doc, holder.table, items, count, missing, language);
  const list = holder?.list;
  const last = list?.items[list.items.length - 1];
  if (!list || !last) {
    // No list to continue: a new numbered list after the section's own content.
    const lines: string[] = [];
    for (let k = 1; k <= missing; k++) lines.push(`${count + k}. ${stubText(items, count + k, language)}`);
    const end = sectionContentEnd(doc, section);
    return { span: { start: end, end }, newText: eol + eol + lines.join(eol) };
  }
  const m = markerOf(doc, last);
  const lines: string[] = [];
  for (let k = 1; k <= missing; k++) {
    const marker = m.number !== undefined ? `${m.number + k}${m.delim}` : m.bullet!;
    lines.push(`${m.indent}${marker}${m.space}${stubText(items, count + k, language)}`);
  }
  const end = doc.lines.lineEnd(doc.lines.lineAt(Math.max(last.span.end - 1, last.span.start)));
  return { span: { start: end, end }, newText: eol + lines.join(eol) };
}

/** The end of a section's own content: before its first subsection, trailing blank lines excluded. */
function sectionContentEnd(doc: SegDocument, section: Section): number {
  let end = section.children[0]?.span.start ?? section.span.end;
  while (end > section.heading.span.end && /\s/.test(doc.text[end - 1]!)) end--;
  return doc.lines.lineEnd(doc.lines.lineAt(end));
}

/**
 * The edit adding `missing` rows after a table's last row: the stub's label in the first
 * cell (`[Pain Point 3]`), its description in the second (`[Detailed description]`), the
 * other cells empty.
 */
function tableStubs(
  doc: SegDocument,
  table: Table,
  items: string[],
  count: number,
  missing: number,
  language: Language,
): TextEdit {
  const eol = doc.lines.eol;
  const columns = Math.max(1, table.header.length);
  const lines: string[] = [];
  for (let k = 1; k <= missing; k++) {
    const stub = stubText(items, count + k, language);
    const m = /^\*\*(.+?)\*\*:?[ \t]*(.*)$/.exec(stub);
    const cells = m ? [m[1]!, m[2]!] : [stub];
    const row = Array.from({ length: columns }, (_, i) => (i < cells.length ? cells[i]! : '') || ' ');
    if (cells.length > columns) row[columns - 1] = cells.slice(columns - 1).join(' ');
    lines.push(`| ${row.join(' | ')} |`.replace(/ {2,}\|/g, ' |'));
  }
  const lastRow = table.rows[table.rows.length - 1];
  const anchor = lastRow?.[0]?.span.start ?? table.span.start;
  const end = doc.lines.lineEnd(doc.lines.lineAt(Math.max(anchor, table.span.start)));
  return { span: { start: end, end }, newText: eol + lines.join(eol) };
}
