/**
 * Block segments, written in a paragraph rather than as a heading:
 *   - a `**Segment**: Name` / `**Segment Definition**: …` / `**Сегмент**: …` line, as the
 *     comprehensive persona writes it (docs/methodology.md), whose following fields belong
 *     to it up to the next such line or heading;
 *   - in a section that holds segments, a bold line alone (`**1. Mid-market SaaS**`)
 *     followed by segment fields, which belong to it up to the next bold line. Bold lines
 *     stand for segments only two or more at a time and not above segment headings.
 */
import type { Span } from '../../parse/text';
import { trimRun } from '../source-text';
import { normalizeKey } from '../normalize';
import { isPlaceholderValue } from '../placeholders';
import type { Field, Section, TextRun } from '../types';
import { holdsSegments, inHeadingSegment, newBuilder, type Extraction } from './extraction';
import { addFields, fieldEnd } from './fields';
import { findExact, segmentNameKey } from './names';
import { NUMBERING } from './vocabulary';

/** `**Mid-market SaaS**`, `__Enterprise__`, `**1. Banks:**`: a line that is all bold. */
export const BOLD_LINE = /^[ \t]*(?:\*\*([^*\n]+?)\*\*|__([^_\n]+?)__)[ \t]*:?[ \t]*\r?$/;

/** A bold line alone that may name a segment, and the fields after it up to the next such line. */
export interface BoldBlock {
  line: Span;
  name: TextRun;
  fields: Field[];
}

/**
 * Step 2: `**Segment**: Name` lines outside heading segments and outside lists; in a section
 * that holds segments, also bold lines alone followed by segment fields.
 */
export function findBlockSegments(x: Extraction): void {
  for (const section of x.sections) {
    if (inHeadingSegment(x, section.heading.span.start) && section.heading.depth > 0) continue;
    const starts = segmentLines(x, section);
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const body = section.fields.filter((f) => f.span.start > start.span.start && (!next || f.span.start < next.span.start));
      addBlockSegment(x, { name: start.value, line: start.span, fields: body });
      x.blockLines.push(start.span);
    });
    // Bold lines stand for segments only in a container whose segments are not headings
    // (there a bold line is a heading's label: `**Summary**`), and only two or more of them.
    if (starts.length === 0 && holdsSegments(x, section) && !section.children.some((c) => x.headingSegments.has(c))) {
      const blocks = boldBlocks(x, section).filter((block) => block.fields.some((f) => x.vocab.fieldOf.has(f.key)));
      if (blocks.length < 2) continue;
      for (const block of blocks) {
        addBlockSegment(x, block);
        x.blockLines.push(block.line);
      }
    }
  }
}

/** The `**Segment**: Name` fields of a section that start a block segment: with a name, not in a list. */
function segmentLines(x: Extraction, section: Section): Field[] {
  const listSpans = section.lists.map((l) => l.span);
  const inList = (f: Field): boolean => listSpans.some((sp) => f.span.start >= sp.start && f.span.start < sp.end);
  return section.fields.filter((f) => x.vocab.label.test(f.key) && !inList(f) && f.value.text !== '');
}

/** The bold lines alone of a section that may name a segment, each with the fields after it. */
export function boldBlocks(x: Extraction, section: Section): BoldBlock[] {
  const { doc, vocab } = x;
  const lines: Array<{ line: Span; name: TextRun }> = [];
  for (const p of section.paragraphs) {
    let offset = p.span.start;
    for (const raw of doc.text.slice(p.span.start, p.span.end).split('\n')) {
      const start = offset;
      offset += raw.length + 1;
      const m = BOLD_LINE.exec(raw);
      if (!m) continue;
      const end = start + raw.replace(/\r$/, '').length;
      if (section.fields.some((f) => f.span.start >= start && f.span.start < end)) continue;
      const inner = (m[1] ?? m[2]!).replace(/:\s*$/, '');
      const key = normalizeKey(inner);
      if (!key || vocab.fieldOf.has(key) || vocab.label.test(key)) continue;
      let from = start + raw.indexOf(inner);
      const to = from + inner.length;
      const numbering = NUMBERING.exec(inner);
      if (numbering) from += numbering[0].length;
      const prefix = vocab.heading.exec(doc.text.slice(from, to));
      if (prefix && prefix[0].length < to - from) from += prefix[0].length;
      const name = trimRun(doc.text, from, to);
      if (name.text === '') continue;
      lines.push({ line: { start, end }, name });
    }
  }
  return lines.map((l, i) => {
    const next = lines[i + 1];
    return {
      ...l,
      fields: section.fields.filter((f) => f.span.start >= l.line.end && (!next || f.span.start < next.line.start)),
    };
  });
}

/** A block segment (a `**Segment**: Name` line, or a bold line alone) and the fields below it. */
export function addBlockSegment(x: Extraction, block: BoldBlock): void {
  const end = Math.max(block.line.end, ...block.fields.map((f) => fieldEnd(f)));
  const b =
    findExact(x.builders, segmentNameKey(block.name.text)) ??
    newBuilder(x, {
      name: block.name.text,
      nameSpan: block.name.span,
      blockSpan: block.line,
      span: { start: block.line.start, end },
      fields: new Map(),
      source: 'block',
      placeholder: isPlaceholderValue(block.name.text, x.doc.definitions),
    });
  addFields(x.doc, x.vocab, b, block.fields);
}
