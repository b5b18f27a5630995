/**
 * Heading segments: a heading like `### Segment 1: SMB Operators` / `### Сегмент 1:
 * SMB‑операторы` anywhere, and any heading directly under a section that holds segments,
 * unless it only groups segment headings below it. Their bodies: fields, the fields of
 * subsections that are not segments themselves, and subheadings that name a field.
 */
import { trimRun } from '../source-text';
import { normalizeKey } from '../normalize';
import { isPlaceholderValue } from '../placeholders';
import type { Section } from '../types';
import { addFields, addValue, flattenItems, type Builder } from './fields';
import { newBuilder, type Extraction } from './extraction';
import type { Segment } from './types';
import { NUMBERING } from './vocabulary';

/** Step 1: the heading segments of the document, and the bodies they own. */
export function findHeadingSegments(x: Extraction): void {
  const isPatternHeading = (s: Section): boolean => s.heading.depth >= 2 && x.vocab.heading.test(s.heading.text);
  const hasSegmentBelow = (s: Section): boolean => s.children.some((c) => isPatternHeading(c) || hasSegmentBelow(c));
  const visit = (list: Section[], parent: Section | undefined): void => {
    for (const s of list) {
      const underHolding = parent?.key !== undefined && x.holding.has(parent.key) && !s.key;
      if (isPatternHeading(s) || (underHolding && s.heading.text !== '' && !hasSegmentBelow(s))) {
        addHeadingSegment(x, s);
      }
      visit(s.children, s);
    }
  };
  visit(x.doc.sections, undefined);
  // Bodies once every heading segment is known: a segment's body leaves out the segments below it.
  for (const [section, b] of x.headingSegments) addSectionBody(x, b, section);
}

/** Records the heading of `section` as a segment (its body is added separately). */
export function addHeadingSegment(x: Extraction, section: Section): Builder {
  const b = newBuilder(x, headingSegment(x, section));
  x.headingSegments.set(section, b);
  return b;
}

function headingSegment(x: Extraction, s: Section): Segment {
  const text = s.heading.text;
  const m = x.vocab.heading.exec(text);
  let prefix = m && m[0].length < text.length ? m[0].length : 0;
  // `### 1. Mid-Market Finance Teams`: the numbering is not part of the name.
  const numbering = NUMBERING.exec(text.slice(prefix));
  if (numbering && numbering[0].length < text.length - prefix) prefix += numbering[0].length;
  const name = trimRun(x.doc.text, s.heading.textSpan.start + prefix, s.heading.textSpan.end);
  return {
    name: name.text,
    nameSpan: name.span,
    headingSpan: s.heading.textSpan,
    span: s.span,
    fields: new Map(),
    source: 'heading',
    section: s,
    placeholder: isPlaceholderValue(name.text, x.doc.definitions),
  };
}

/**
 * A section's body: its fields, the fields of subsections that are not segments themselves,
 * and subsections whose heading names a field (`#### Needs` followed by a list).
 */
export function addSectionBody(x: Extraction, b: Builder, section: Section): void {
  const { doc, vocab } = x;
  addFields(doc, vocab, b, section.fields);
  for (const child of section.children) {
    if (x.headingSegments.has(child)) continue;
    const term = vocab.fieldOf.get(normalizeKey(child.heading.text));
    if (term) {
      const paragraphs = child.paragraphs.filter(
        (p) => !child.fields.some((f) => f.span.start >= p.span.start && f.span.start < p.span.end),
      );
      const items = child.lists.flatMap((l) => flattenItems(doc, l.items));
      const [first, ...rest] = paragraphs;
      const value = first ?? { text: '', span: { start: child.heading.span.end, end: child.heading.span.end } };
      addValue(doc, b, term, {
        label: { text: child.heading.text, span: child.heading.textSpan },
        value,
        items: [...rest, ...items],
        source: 'heading',
        placeholder: false,
      });
    }
    addSectionBody(x, b, child);
  }
}
