/**
 * Where and what to insert for a missing section or field, shared by the quick fixes of
 * required-section, recommended-section and required-field (and by completion later).
 */
import type { Language, Section, SegDocument } from '../../model/types';
import type { FieldSpec, KindSchema, SectionSpec } from '../../schemas/kinds';
import { pick } from '../../schemas/kinds';
import type { KindMatch } from '../../schemas/validate';
import type { TextEdit } from '../types';

/** The heading depth the document uses for sections of this kind. */
export function sectionDepth(kind: KindSchema, match: KindMatch): number {
  const first = match.matches[0];
  return first ? first.section.heading.depth : kind.sectionDepth;
}

/** The full Markdown of a section: heading line, blank line, template body. */
export function sectionText(spec: SectionSpec, depth: number, language: Language, eol = '\n'): string {
  const body = pick(spec.template, language).replace(/\r?\n/g, eol);
  return `${'#'.repeat(depth)} ${pick(spec.title, language)}${eol}${body ? `${eol}${body}${eol}` : ''}`;
}

/**
 * Offset at which a section with `order` belongs: after the last present section that comes
 * before it in template order, else before the first one that comes after it, else at the
 * end of the document.
 */
export function insertionOffset(doc: SegDocument, kind: KindSchema, match: KindMatch, order: number): number {
  let before: Section | undefined;
  let beforeOrder = -Infinity;
  let after: Section | undefined;
  let afterOrder = Infinity;
  for (const { spec, section } of match.matches) {
    if (spec.order < order && spec.order >= beforeOrder) {
      before = section;
      beforeOrder = spec.order;
    } else if (spec.order > order && spec.order < afterOrder) {
      after = section;
      afterOrder = spec.order;
    }
  }
  void kind;
  if (before) return before.span.end;
  if (after) return after.span.start;
  return doc.text.length;
}

/** An edit inserting `block` at `offset` with exactly one blank line around it. */
export function blockInsertion(doc: SegDocument, offset: number, block: string): TextEdit {
  const eol = doc.lines.eol;
  const text = doc.text;
  let prefix = '';
  const beforeText = text.slice(Math.max(0, offset - 2), offset);
  if (offset > 0) {
    if (!/\n$/.test(beforeText)) prefix = eol + eol;
    else if (!/\n\r?\n$/.test(text.slice(Math.max(0, offset - 3), offset))) prefix = eol;
  }
  // The block ends with a line break; one more leaves a blank line before what follows.
  const suffix = offset < text.length ? eol : '';
  return { span: { start: offset, end: offset }, newText: prefix + block + suffix };
}

export function sectionInsertion(
  doc: SegDocument,
  kind: KindSchema,
  match: KindMatch,
  spec: SectionSpec,
  language: Language,
): TextEdit {
  const offset = insertionOffset(doc, kind, match, spec.order);
  return blockInsertion(doc, offset, sectionText(spec, sectionDepth(kind, match), language, doc.lines.eol));
}

/** The line a missing field is inserted as, in the style of the section's other fields. */
export function fieldLine(section: Section, field: FieldSpec, language: Language, marker = '- '): string {
  const inParagraph =
    section.fields.length > 0 && !section.fields.some((f) => f.style === 'plain' || isListField(section, f.span.start));
  return `${inParagraph ? '' : marker}**${pick(field.title, language)}**: `;
}

function isListField(section: Section, offset: number): boolean {
  return section.lists.some((l) => l.items.some((i) => i.span.start <= offset && offset < i.span.end));
}

const MARKER = /^([ \t]*)([-*+]|(\d{1,9})([.)]))([ \t]+)/;

/**
 * The list marker a new item after `item` gets: the same bullet and indentation (a `*`
 * list continued with `-` would start a new list), or the next number of an ordered list.
 */
function nextMarker(doc: SegDocument, itemStart: number): string {
  const line = doc.lines.lineAt(itemStart);
  const text = doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line));
  const m = MARKER.exec(text);
  if (!m) return '- ';
  const [, indent, bullet, num, delim] = m;
  return num !== undefined ? `${indent}${Number(num) + 1}${delim} ` : `${indent}${bullet} `;
}

/**
 * An edit inserting a field line after the section's last field (or after its heading).
 * In a list-style section the line is a new item of the same list; in a paragraph-style
 * section (`**Key**: value` lines, as the comprehensive persona writes Persona Validation) it is a new line
 * of the same paragraph, which is how the other fields are written.
 */
export function fieldInsertion(doc: SegDocument, section: Section, field: FieldSpec, language: Language): TextEdit {
  const eol = doc.lines.eol;
  const last = section.fields[section.fields.length - 1];
  if (last?.style === 'table') {
    // A key/value table gets a row of its own, its label written like the other rows'.
    const title = pick(field.title, language);
    const label = doc.text.slice(last.label.span.start - 2, last.label.span.start) === '**' ? `**${title}**` : title;
    return { span: { start: last.span.end, end: last.span.end }, newText: `${eol}| ${label} | |` };
  }
  if (last) {
    // After the block holding the last field, so a field's nested items stay with it.
    const list = section.lists.find((l) => l.span.start <= last.span.start && last.span.start < l.span.end);
    const para = section.paragraphs.find((p) => p.span.start <= last.span.start && last.span.start < p.span.end);
    const blockEnd = list?.span.end ?? para?.span.end ?? last.span.end;
    const lastItem = list?.items[list.items.length - 1];
    const line = fieldLine(section, field, language, lastItem ? nextMarker(doc, lastItem.span.start) : '- ');
    const end = doc.lines.lineEnd(doc.lines.lineAt(Math.max(blockEnd - 1, last.span.start)));
    return { span: { start: end, end }, newText: eol + line };
  }
  const line = fieldLine(section, field, language);
  const headingLine = doc.lines.lineAt(Math.max(section.heading.span.end - 1, section.heading.span.start));
  const headingEnd = doc.lines.lineEnd(headingLine);
  // A line of text right under the heading would otherwise continue the new list item.
  const next =
    headingLine + 1 < doc.lines.lineCount
      ? doc.text.slice(doc.lines.lineStart(headingLine + 1), doc.lines.lineEnd(headingLine + 1))
      : '';
  return { span: { start: headingEnd, end: headingEnd }, newText: eol + eol + line + (next.trim() ? eol : '') };
}

// What surrounds the name itself and is kept on rename: leading symbols and numbering
// (`😀 `, `3. `, `**`), a trailing parenthetical and trailing symbols (`(What Matters)`, `**`, `:`).
const LEAD = /^[^\p{L}\p{N}]*(?:(?:\d+(?:\.\d+)*[.)]?|[IVXivx]+[.)]|[A-Za-zА-Яа-я][.)])\s+)?[^\p{L}\p{N}]*/u;
const TRAIL = /(?:\s*\([^()]*\))?[^\p{L}\p{N}]*$/u;

/** The user's numbering, the core name, and a trailing parenthetical of a heading text. */
export function splitHeading(text: string): { lead: string; core: string; trail: string } {
  const lead = LEAD.exec(text)?.[0] ?? '';
  let rest = text.slice(lead.length);
  const trail = TRAIL.exec(rest)?.[0] ?? '';
  rest = rest.slice(0, rest.length - trail.length);
  return { lead, core: rest, trail };
}

/**
 * Renames a section's heading to a section name, keeping what surrounds the user's name:
 * numbering, emoji and a trailing parenthetical (`## 4. 🧭 How she decides (B2B)` →
 * `## 4. 🧭 Buying Process (B2B)`). The name is written without its own numbering.
 */
export function renameHeading(section: Section, name: string): TextEdit {
  const { lead, trail } = splitHeading(section.heading.text);
  return { span: section.heading.textSpan, newText: `${lead}${splitHeading(name).core}${trail}` };
}
