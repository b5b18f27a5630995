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

export function sectionInsertion(doc: SegDocument, kind: KindSchema, match: KindMatch, spec: SectionSpec, language: Language): TextEdit {
  const offset = insertionOffset(doc, kind, match, spec.order);
  return blockInsertion(doc, offset, sectionText(spec, sectionDepth(kind, match), language, doc.lines.eol));
}

/** The line a missing field is inserted as, in the style of the section's other fields. */
export function fieldLine(section: Section, field: FieldSpec, language: Language): string {
  const bullet = section.fields.some((f) => f.style === 'plain' || isListField(section, f.span.start)) ? '- ' : section.fields.length ? '' : '- ';
  return `${bullet}**${pick(field.title, language)}**: `;
}

function isListField(section: Section, offset: number): boolean {
  return section.lists.some((l) => l.items.some((i) => i.span.start <= offset && offset < i.span.end));
}

/** An edit inserting a field line after the section's last field (or after its heading). */
export function fieldInsertion(doc: SegDocument, section: Section, field: FieldSpec, language: Language): TextEdit {
  const eol = doc.lines.eol;
  const last = section.fields[section.fields.length - 1];
  const line = fieldLine(section, field, language);
  if (last) {
    // After the block holding the last field, so a field's nested items stay with it.
    const list = section.lists.find((l) => l.span.start <= last.span.start && last.span.start < l.span.end);
    const para = section.paragraphs.find((p) => p.span.start <= last.span.start && last.span.start < p.span.end);
    const blockEnd = list?.span.end ?? para?.span.end ?? last.span.end;
    const end = doc.lines.lineEnd(doc.lines.lineAt(blockEnd));
    return { span: { start: end, end }, newText: eol + line };
  }
  const headingEnd = doc.lines.lineEnd(doc.lines.lineAt(section.heading.span.end));
  return { span: { start: headingEnd, end: headingEnd }, newText: eol + eol + line };
}
