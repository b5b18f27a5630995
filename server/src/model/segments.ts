/**
 * Segments (PRODUCT.md §3): the customer segments a document defines, with the fields that
 * describe them, read from the model.
 *
 * A segment is
 *   - a heading like `### Segment 1: SMB Operators` / `### Сегмент 1: SMB‑операторы`, anywhere;
 *   - any heading directly under a section that holds segments (Target Segments), unless it
 *     only groups segment headings below it;
 *   - a `**Segment**: Name` / `**Segment Definition**: …` / `**Сегмент**: …` line in a paragraph
 *     (the seed 002 examples), whose following fields belong to it up to the next such line
 *     or heading;
 *   - a row of a table keyed by segment (first column Segment / Сегмент) that stands directly
 *     in a section that holds segments and names none of the segments above.
 * Its fields come from `**Key**: value` lines and nested lists in its body, from subheadings
 * that name a field (`#### Needs`), from rows of tables keyed by segment anywhere in the
 * document (seed 003, sections 4–5), and from subheadings named after it in sections that
 * describe segments (Segment Strategy).
 *
 * This module does not read schemas (the model layer sits below them): the caller passes the
 * vocabulary — which labels name a segment, which labels name which field — as plain data.
 * Extraction needs `Section.key`, so it runs after the headings were matched to sections.
 */
import type { Span } from '../parse/text';
import { readField, trimRun } from './fragment';
import { readMatrix } from './matrix';
import { normalizeKey } from './normalize';
import { isPlaceholderValue } from './placeholders';
import type { Field, ListItem, Section, SegDocument, Table, TextRun } from './types';

/** One field of the segment vocabulary: its id, the normalised labels that name it, its category. */
export interface SegmentFieldTerm {
  id: string;
  keys: ReadonlySet<string>;
  /** `size`, `acv`, `revenue`, `channels`, `needs`, `pains`, `value-proposition`, `strategy`, `priority`, `firmographic`, `behavioral`, `psychographic`. */
  category?: string;
}

export interface SegmentVocabulary {
  /** Labels that name a segment, as written (`Segment`, `Сегмент`, `Segment Definition`). */
  names: readonly string[];
  fields: readonly SegmentFieldTerm[];
  /** Ids of the sections whose direct subheadings are segments (`target-segments`). */
  sections: readonly string[];
  /** Ids of the sections whose subheadings add to the segment they name (`segment-strategy`). */
  detailSections: readonly string[];
}

export type SegmentSource = 'heading' | 'block' | 'table';

/** One place that gives a segment field a value. */
export interface SegmentFieldValue {
  /** The label as written: a field's key, a table's column header, a subheading. */
  label: TextRun;
  /** The value on the label's line (or in the table cell); empty when it is all in `items`. */
  value: TextRun;
  /** Nested list items (their text, without a `Key:` label of their own), flattened. */
  items: TextRun[];
  source: 'field' | 'table' | 'heading';
  /** Nothing but template placeholders (`[Number of companies]`): not filled in yet. */
  placeholder: boolean;
}

export interface SegmentField {
  id: string;
  category?: string;
  /** The filled-in values and their items, joined with `; ` (empty when none is filled in). */
  text: string;
  /** The first value's span (its label's when the value is empty). */
  span: Span;
  /** Items of every filled-in value. */
  items: TextRun[];
  /** Every place that gives the field a value, in document order (table rows last). */
  values: SegmentFieldValue[];
  /** Whether some value is filled in (not empty, not only placeholders). */
  filled: boolean;
}

export interface Segment {
  /** The name as written, parentheticals included (`SMB‑операторы (малый/средний бизнес)`). */
  name: string;
  nameSpan: Span;
  /** The heading's text, for a heading segment. */
  headingSpan?: Span;
  /** The `**Segment**: Name` line, for a block segment; the row, for a table segment. */
  blockSpan?: Span;
  /** From the heading or block line to the end of the segment's body. */
  span: Span;
  fields: Map<string, SegmentField>;
  source: SegmentSource;
  /** The section of a heading segment. */
  section?: Section;
  /** Whether the name is only a placeholder (`[Segment Name]`). */
  placeholder: boolean;
}

/**
 * Categories whose groups describe who or how a segment is (`**Firmographic**:` followed by
 * `- Size: 10-50 employees`): the fields nested in such a group are attributes of the group,
 * so that a company's `Size` there is not read as the segment's size.
 */
const DESCRIPTOR_CATEGORIES = new Set(['firmographic', 'behavioral', 'psychographic']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled forms of a vocabulary, cached by identity. */
interface Lexicon {
  vocabulary: SegmentVocabulary;
  /** `Segment 1: Name`, `Сегмент №2 — Name`, `Segment A. Name`, `Segment: Name`. */
  heading: RegExp;
  /** A field label that names a segment: `segment`, `segment 1`, `сегмент`. */
  label: RegExp;
  fieldOf: Map<string, SegmentFieldTerm>;
}

const lexicons = new WeakMap<SegmentVocabulary, Lexicon>();

function lexicon(vocabulary: SegmentVocabulary): Lexicon {
  let lx = lexicons.get(vocabulary);
  if (lx) return lx;
  const words = [...vocabulary.names].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'));
  const word = `(?:${words.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`;
  const number = '(?:№\\s*|#)?(?:\\d+[a-zа-я]?|\\p{L})';
  const heading = new RegExp(`^${word}(?:\\s+${number})?\\s*(?::|\\s[—–-]\\s)\\s*|^${word}\\s+${number}\\s*[.)]\\s+`, 'iu');
  const keys = vocabulary.names.map((n) => escapeRegExp(normalizeKey(n)));
  const label = new RegExp(`^(?:${keys.join('|') || '(?!)'})(?: (?:\\d+[a-zа-я]?|\\p{L}))?$`, 'u');
  const fieldOf = new Map<string, SegmentFieldTerm>();
  for (const f of vocabulary.fields) for (const k of f.keys) if (!fieldOf.has(k)) fieldOf.set(k, f);
  lx = { vocabulary, heading, label, fieldOf };
  lexicons.set(vocabulary, lx);
  return lx;
}

/**
 * A segment name → comparison key: normalised like a heading (case, `ё`, punctuation and
 * the non-breaking hyphens of seed 003 folded), parentheticals and a `Segment 1:` prefix
 * removed.
 */
export function segmentNameKey(name: string): string {
  return normalizeKey(name);
}

/**
 * Whether a name written elsewhere (a table row, a strategy subheading) names the segment:
 * the same key, or one is the other followed by more words ("Mid‑market" ↔ "Mid‑market с
 * процессной зрелостью").
 */
function nameMatches(a: string, b: string): 'exact' | 'prefix' | undefined {
  if (!a || !b) return undefined;
  if (a === b) return 'exact';
  if (a.startsWith(`${b} `) || b.startsWith(`${a} `)) return 'prefix';
  return undefined;
}

/** The segment a name refers to: an exact match, else the only prefix match. */
export function findSegmentByName(segments: readonly Segment[], name: string): Segment | undefined {
  return findByKey(
    segments.map((segment) => ({ segment, key: segmentNameKey(segment.name) })),
    segmentNameKey(name),
  )?.segment;
}

/**
 * Whether a reference to a segment written in another document (a persona's `**Segment**:`)
 * names it, both as comparison keys ({@link segmentNameKey}): the same words, one the other
 * followed by more words, or the whole name inside ("Tier 1: Regulated FinTech (EU)").
 */
export function referencesSegment(referenceKey: string, segmentKey: string): boolean {
  if (!referenceKey || !segmentKey) return false;
  return nameMatches(referenceKey, segmentKey) !== undefined || ` ${referenceKey} `.includes(` ${segmentKey} `);
}

function findByKey<T extends { key: string }>(entries: readonly T[], key: string): T | undefined {
  if (!key) return undefined;
  const exact = entries.find((e) => e.key === key);
  if (exact) return exact;
  const prefix = entries.filter((e) => nameMatches(e.key, key) === 'prefix');
  return prefix.length === 1 ? prefix[0] : undefined;
}

interface Builder {
  segment: Segment;
  /** The name's comparison key ({@link segmentNameKey}), computed once. */
  key: string;
  /** Values per field id, in the order they were found. */
  values: Map<string, { term: SegmentFieldTerm; values: SegmentFieldValue[] }>;
}

/** Reads the segments of a document. Pure: the document is not changed. */
export function extractSegments(doc: SegDocument, vocabulary: SegmentVocabulary): Segment[] {
  const lx = lexicon(vocabulary);
  const builders: Builder[] = [];
  const newBuilder = (segment: Segment): Builder => {
    const b: Builder = { segment, key: segmentNameKey(segment.name), values: new Map() };
    builders.push(b);
    return b;
  };
  const holding = new Set(vocabulary.sections);

  // 1. Heading segments, and the bodies they own.
  const headingSegments = new Map<Section, Builder>();
  const isPatternHeading = (s: Section): boolean => s.heading.depth >= 2 && lx.heading.test(s.heading.text);
  const hasSegmentBelow = (s: Section): boolean => s.children.some((c) => isPatternHeading(c) || hasSegmentBelow(c));
  const visit = (list: Section[], parent: Section | undefined): void => {
    for (const s of list) {
      const underHolding = parent?.key !== undefined && holding.has(parent.key) && !s.key;
      if (isPatternHeading(s) || (underHolding && s.heading.text !== '' && !hasSegmentBelow(s))) {
        headingSegments.set(s, newBuilder(headingSegment(doc, s, lx)));
      }
      visit(s.children, s);
    }
  };
  visit(doc.sections, undefined);
  for (const [section, b] of headingSegments) addSectionBody(doc, lx, b, section, headingSegments);

  // 2. Block segments: `**Segment**: Name` lines outside heading segments and outside lists.
  const headingSpans = [...headingSegments.keys()].map((s) => s.span);
  const inHeadingSegment = (offset: number): boolean => headingSpans.some((sp) => offset >= sp.start && offset < sp.end);
  for (const section of [doc.preamble, ...doc.allSections]) {
    if (inHeadingSegment(section.heading.span.start) && section.heading.depth > 0) continue;
    const listSpans = section.lists.map((l) => l.span);
    const inList = (f: Field): boolean => listSpans.some((sp) => f.span.start >= sp.start && f.span.start < sp.end);
    const starts = section.fields.filter((f) => lx.label.test(f.key) && !inList(f) && f.value.text !== '');
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const body = section.fields.filter((f) => f.span.start > start.span.start && (!next || f.span.start < next.span.start));
      const startKey = segmentNameKey(start.value.text);
      const existing = startKey ? builders.find((b) => b.key === startKey) : undefined;
      const end = body.length ? Math.max(...body.map((f) => fieldEnd(f))) : start.span.end;
      const b =
        existing ??
        newBuilder({
          name: start.value.text,
          nameSpan: start.value.span,
          blockSpan: start.span,
          span: { start: start.span.start, end },
          fields: new Map(),
          source: 'block',
          placeholder: isPlaceholderValue(start.value.text, doc.definitions),
        });
      addFields(doc, lx, b, body);
    });
  }

  // 3. Subheadings of sections that describe segments (Segment Strategy) add to the segment
  //    they name; they never create one.
  for (const section of doc.allSections) {
    if (!section.key || !vocabulary.detailSections.includes(section.key)) continue;
    for (const child of section.children) {
      if (headingSegments.has(child)) continue;
      const b = findByKey(builders, segmentNameKey(stripSegmentPrefix(child.heading.text, lx)));
      if (b) addSectionBody(doc, lx, b, child, headingSegments);
    }
  }

  // 4. Tables keyed by segment: rows add to the segment they name; in a section that holds
  //    segments, a row naming none is a segment of its own.
  for (const section of [doc.preamble, ...doc.allSections]) {
    for (const table of section.tables) {
      if (!isSegmentTable(table, lx) || readMatrix(table)) continue;
      const defines = section.key !== undefined && holding.has(section.key);
      for (const row of table.rows) {
        const cell = row[0];
        if (!cell || cell.text === '') continue;
        let b = findByKey(builders, segmentNameKey(cell.text));
        if (!b && defines) {
          const rowSpan = { start: cell.span.start, end: (row[row.length - 1] ?? cell).span.end };
          b = newBuilder({
            name: cell.text,
            nameSpan: cell.span,
            blockSpan: rowSpan,
            span: rowSpan,
            fields: new Map(),
            source: 'table',
            placeholder: isPlaceholderValue(cell.text, doc.definitions),
          });
        }
        if (b) addRow(doc, lx, b, table, row);
      }
    }
  }

  for (const b of builders) finish(b);
  return builders.map((b) => b.segment).sort((x, y) => x.span.start - y.span.start);
}

function fieldEnd(f: Field): number {
  return Math.max(f.span.end, ...f.items.map((i) => i.span.end));
}

/** The name in a segment heading: after `Segment 1:` when it has one, else the whole text. */
function stripSegmentPrefix(text: string, lx: Lexicon): string {
  const m = lx.heading.exec(text);
  return m && m[0].length < text.length ? text.slice(m[0].length) : text;
}

function headingSegment(doc: SegDocument, s: Section, lx: Lexicon): Segment {
  const text = s.heading.text;
  const m = lx.heading.exec(text);
  const prefix = m && m[0].length < text.length ? m[0].length : 0;
  const name = trimRun(doc.text, s.heading.textSpan.start + prefix, s.heading.textSpan.end);
  return {
    name: name.text,
    nameSpan: name.span,
    headingSpan: s.heading.textSpan,
    span: s.span,
    fields: new Map(),
    source: 'heading',
    section: s,
    placeholder: isPlaceholderValue(name.text, doc.definitions),
  };
}

/**
 * A section's body: its fields, the fields of subsections that are not segments themselves,
 * and subsections whose heading names a field (`#### Needs` followed by a list).
 */
function addSectionBody(doc: SegDocument, lx: Lexicon, b: Builder, section: Section, segments: Map<Section, Builder>): void {
  addFields(doc, lx, b, section.fields);
  for (const child of section.children) {
    if (segments.has(child)) continue;
    const term = lx.fieldOf.get(normalizeKey(child.heading.text));
    if (term) {
      const paragraphs = child.paragraphs.filter((p) => !child.fields.some((f) => f.span.start >= p.span.start && f.span.start < p.span.end));
      const items = child.lists.flatMap((l) => flattenItems(doc, l.items));
      const [first, ...rest] = paragraphs;
      const value = first ?? { text: '', span: { start: child.heading.span.end, end: child.heading.span.end } };
      push(doc, b, term, {
        label: { text: child.heading.text, span: child.heading.textSpan },
        value,
        items: [...rest, ...items],
        source: 'heading',
        placeholder: false,
      });
    }
    addSectionBody(doc, lx, b, child, segments);
  }
}

/** Adds `**Key**: value` fields, with the nesting rule of {@link DESCRIPTOR_CATEGORIES}. */
function addFields(doc: SegDocument, lx: Lexicon, b: Builder, fields: readonly Field[]): void {
  const groups = fields.filter((f) => f.items.length > 0);
  const inside = (f: Field, g: Field): boolean => g !== f && g.items.some((i) => f.span.start >= i.span.start && f.span.start < i.span.end);
  for (const f of fields) {
    if (lx.label.test(f.key)) continue;
    const own = lx.fieldOf.get(f.key);
    const describedBy = groups.find((g) => inside(f, g) && DESCRIPTOR_CATEGORIES.has(lx.fieldOf.get(g.key)?.category ?? ''));
    // A field nested in a firmographic (behavioral, psychographic) group is that group's
    // attribute, already in the group's items.
    if (describedBy || !own) continue;
    push(doc, b, own, {
      label: f.label,
      value: f.value,
      items: flattenItems(doc, f.items),
      source: 'field',
      placeholder: false,
    });
  }
}

/** List items → their text runs, depth first; an item written as `Key: value` gives its value. */
function flattenItems(doc: SegDocument, items: readonly ListItem[]): TextRun[] {
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

function isSegmentTable(table: Table, lx: Lexicon): boolean {
  const first = table.header[0];
  if (!first) return false;
  const key = normalizeKey(first.text);
  return lx.label.test(key) || lx.label.test(key.replace(/s$|ы$/u, ''));
}

function addRow(doc: SegDocument, lx: Lexicon, b: Builder, table: Table, row: Table['rows'][number]): void {
  table.header.forEach((h, i) => {
    if (i === 0) return;
    const term = lx.fieldOf.get(normalizeKey(h.text));
    const cell = row[i];
    if (!term || !cell) return;
    push(doc, b, term, { label: h, value: cell, items: [], source: 'table', placeholder: false });
  });
}

function push(doc: SegDocument, b: Builder, term: SegmentFieldTerm, v: SegmentFieldValue): void {
  const texts = [v.value.text, ...v.items.map((i) => i.text)].filter((t) => t !== '');
  v.placeholder = texts.length > 0 && texts.every((t) => isPlaceholderValue(t, doc.definitions));
  let entry = b.values.get(term.id);
  if (!entry) {
    entry = { term, values: [] };
    b.values.set(term.id, entry);
  }
  entry.values.push(v);
}

function finish(b: Builder): void {
  for (const [id, { term, values }] of b.values) {
    const filled = values.filter((v) => !v.placeholder && (v.value.text !== '' || v.items.length > 0));
    const first = values[0]!;
    const field: SegmentField = {
      id,
      text: filled.flatMap((v) => [v.value.text, ...v.items.map((i) => i.text)]).filter((t) => t !== '').join('; '),
      span: first.value.text !== '' ? first.value.span : first.label.span,
      items: filled.flatMap((v) => v.items),
      values,
      filled: filled.length > 0,
    };
    if (term.category) field.category = term.category;
    b.segment.fields.set(id, field);
  }
}
