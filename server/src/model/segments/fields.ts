/**
 * A segment's fields as extraction collects them: every place that gives a field a value
 * (a `**Key**: value` line, a table cell, a subheading), then the field they make.
 */
import { readField } from '../source-text';
import { isPlaceholderValue } from '../placeholders';
import type { Field, ListItem, SegDocument, TextRun } from '../types';
import type { NamedEntry } from './names';
import type { SegmentField, Segment, SegmentFieldTerm, SegmentFieldValue } from './types';
import type { CompiledVocabulary } from './vocabulary';

/** A segment being extracted, and the values found for its fields. */
export interface Builder extends NamedEntry {
  segment: Segment;
  /** Values per field id, in the order they were found. */
  values: Map<string, { term: SegmentFieldTerm; values: SegmentFieldValue[] }>;
}

/**
 * Categories whose groups describe who or how a segment is (`**Firmographic**:` followed by
 * `- Size: 10-50 employees`): the fields nested in such a group are attributes of the group,
 * so that a company's `Size` there is not read as the segment's size.
 */
const DESCRIPTOR_CATEGORIES = new Set(['firmographic', 'behavioral', 'psychographic']);

/** Adds one value of a field; a value that is all template placeholders is marked so. */
export function addValue(doc: SegDocument, b: Builder, term: SegmentFieldTerm, v: SegmentFieldValue): void {
  const texts = [v.value.text, ...v.items.map((i) => i.text)].filter((t) => t !== '');
  v.placeholder = texts.length > 0 && texts.every((t) => isPlaceholderValue(t, doc.definitions));
  let entry = b.values.get(term.id);
  if (!entry) {
    entry = { term, values: [] };
    b.values.set(term.id, entry);
  }
  entry.values.push(v);
}

/** Adds `**Key**: value` fields, with the nesting rule of {@link DESCRIPTOR_CATEGORIES}. */
export function addFields(doc: SegDocument, vocab: CompiledVocabulary, b: Builder, fields: readonly Field[]): void {
  const groups = fields.filter((f) => f.items.length > 0);
  const inside = (f: Field, g: Field): boolean =>
    g !== f && g.items.some((i) => f.span.start >= i.span.start && f.span.start < i.span.end);
  for (const f of fields) {
    if (vocab.label.test(f.key)) continue;
    const own = vocab.fieldOf.get(f.key);
    const describedBy = groups.find((g) => inside(f, g) && DESCRIPTOR_CATEGORIES.has(vocab.fieldOf.get(g.key)?.category ?? ''));
    // A field nested in a firmographic (behavioral, psychographic) group is that group's
    // attribute, already in the group's items.
    if (describedBy || !own) continue;
    addValue(doc, b, own, {
      label: f.label,
      value: f.value,
      items: flattenItems(doc, f.items),
      source: 'field',
      placeholder: false,
    });
  }
}

/** List items → their text runs, depth first; an item written as `Key: value` gives its value. */
export function flattenItems(doc: SegDocument, items: readonly ListItem[]): TextRun[] {
  const out: TextRun[] = [];
  for (const i of items) {
    if (i.text) {
      const f = readField(doc.text, i.textSpan.start, i.textSpan.end, true);
      out.push(f && f.value.text ? f.value : { text: i.text, span: i.textSpan });
    }
    out.push(...flattenItems(doc, i.children));
  }
  return out;
}

/** Where a field ends: past its line and the items it took. */
export function fieldEnd(f: Field): number {
  return Math.max(f.span.end, ...f.items.map((i) => i.span.end));
}

/** Turns the values found into the segment's fields. */
export function finishFields(b: Builder): void {
  for (const [id, { term, values }] of b.values) {
    const filled = values.filter((v) => !v.placeholder && (v.value.text !== '' || v.items.length > 0));
    const first = values[0]!;
    const field: SegmentField = {
      id,
      text: filled
        .flatMap((v) => [v.value.text, ...v.items.map((i) => i.text)])
        .filter((t) => t !== '')
        .join('; '),
      span: first.value.text !== '' ? first.value.span : first.label.span,
      items: filled.flatMap((v) => v.items),
      values,
      filled: filled.length > 0,
    };
    if (term.category) field.category = term.category;
    b.segment.fields.set(id, field);
  }
}

/** The categories of segment fields among `fields`. */
export function fieldCategories(vocab: CompiledVocabulary, fields: readonly Field[]): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    const c = vocab.fieldOf.get(f.key)?.category;
    if (c) out.add(c);
  }
  return out;
}
