/**
 * Segments (PRODUCT.md §3): the customer segments a document defines, with the fields that
 * describe them, read from the model.
 *
 * A segment is
 *   - a heading like `### Segment 1: SMB Operators` / `### Сегмент 1: SMB‑операторы`, anywhere;
 *   - any heading directly under a section that holds segments (Target Segments, Segment
 *     Profiles, Who we sell to…), unless it only groups segment headings below it; its
 *     numbering (`### 1. Mid-market`) is not part of the name;
 *   - a `**Segment**: Name` / `**Segment Definition**: …` / `**Сегмент**: …` line in a paragraph
 *     (the seed 002 examples), whose following fields belong to it up to the next such line
 *     or heading;
 *   - in a section that holds segments, a bold line alone (`**1. Mid-market SaaS**`) followed
 *     by segment fields, which belong to it up to the next bold line;
 *   - a row of a table in a section that holds segments, keyed by its Segment column (or its
 *     first column, when the others name segment fields), or a column of a table whose rows
 *     name segment fields (`| | SMB | Enterprise |` over `| Size | … |`), naming none of the
 *     segments above;
 *   - when nothing above gives a segment: a subheading or bold block of a section nobody
 *     lists, when two or more of them each size a segment (size, ACV or revenue) and say
 *     what it needs or how it is won (needs, pains, channels, strategy…), and those of them
 *     with two kinds of segment field; or the rows of a table keyed by segment that sizes them.
 *   Bold lines stand for segments only two or more at a time and not above segment headings.
 * Its fields come from `**Key**: value` lines and nested lists in its body, from subheadings
 * that name a field (`#### Needs`), and from everything written about it elsewhere: rows
 * (or columns) of other tables that name it (seed 003, sections 4–5), subheadings of
 * sections that describe segments (Segment Strategy) or headings like "Strategy for
 * mid-market" that name it by a prefix — whose prose is its strategy — and any other heading
 * that names it exactly (its fields only). Names written elsewhere match by key, by stems
 * (another grammatical case: "для малого бизнеса" names "Малый бизнес") and, where a
 * prefix is allowed, by the only segment they start.
 *
 * This module does not read schemas (the model layer sits below them): the caller passes the
 * vocabulary — which labels name a segment, which labels name which field — as plain data.
 * Extraction needs `Section.key`, so it runs after the headings were matched to sections.
 */
import type { Span } from '../parse/text';
import { readField, trimRun } from './fragment';
import { readMatrix } from './matrix';
import { normalizeKey, stemWord } from './normalize';
import { isPlaceholderValue } from './placeholders';
import type { Field, ListItem, Section, SegDocument, Table, TableCell, TextRun } from './types';

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
  /** The key's words stemmed ({@link stemKey}), computed when first needed. */
  stemmed?: string;
  /** Values per field id, in the order they were found. */
  values: Map<string, { term: SegmentFieldTerm; values: SegmentFieldValue[] }>;
}

/** Categories that size a segment: a block with one of them and another field reads as a segment. */
const SIZING = new Set(['size', 'acv', 'revenue']);
/** Categories that say what a segment needs or how to win it. */
const DESCRIBING = new Set(['needs', 'pains', 'value-proposition', 'channels', 'go-to-market', 'strategy', 'behavioral', 'psychographic']);

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
  const describing = new Set(vocabulary.detailSections);
  const sections = [doc.preamble, ...doc.allSections];

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

  const headingSpans = (): Span[] => [...headingSegments.keys()].map((s) => s.span);
  let spans = headingSpans();
  const inHeadingSegment = (offset: number): boolean => spans.some((sp) => offset >= sp.start && offset < sp.end);
  const blockSpans: Span[] = [];

  // 2. Block segments: `**Segment**: Name` lines outside heading segments and outside lists;
  //    in a section that holds segments, also a bold line alone (`**1. Mid-market SaaS**`)
  //    followed by segment fields.
  for (const section of sections) {
    if (inHeadingSegment(section.heading.span.start) && section.heading.depth > 0) continue;
    const listSpans = section.lists.map((l) => l.span);
    const inList = (f: Field): boolean => listSpans.some((sp) => f.span.start >= sp.start && f.span.start < sp.end);
    const starts = section.fields.filter((f) => lx.label.test(f.key) && !inList(f) && f.value.text !== '');
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const body = section.fields.filter((f) => f.span.start > start.span.start && (!next || f.span.start < next.span.start));
      addBlockSegment(doc, lx, builders, newBuilder, { name: start.value, line: start.span, fields: body });
      blockSpans.push(start.span);
    });
    // Bold lines stand for segments only in a container whose segments are not headings
    // (there a bold line is a heading's label: `**Summary**`), and only two or more of them.
    if (starts.length === 0 && section.key !== undefined && holding.has(section.key) && !section.children.some((c) => headingSegments.has(c))) {
      const blocks = boldBlocks(doc, lx, section).filter((block) => block.fields.some((f) => lx.fieldOf.has(f.key)));
      if (blocks.length < 2) continue;
      for (const block of blocks) {
        addBlockSegment(doc, lx, builders, newBuilder, block);
        blockSpans.push(block.line);
      }
    }
  }

  // 3. Tables in a section that holds segments: rows (or columns) naming no segment above are
  //    segments of their own.
  const done = new Set<Table>();
  for (const section of sections) {
    if (section.key === undefined || !holding.has(section.key)) continue;
    for (const table of section.tables) {
      if (readMatrix(table)) continue;
      if (addTable(doc, lx, builders, table, true, newBuilder)) done.add(table);
    }
  }

  // 4. No section holds segments: a section whose subheadings or bold blocks (two or more)
  //    each size a segment and say more about it holds them, whatever its heading.
  if (builders.length === 0) {
    for (const section of sections) {
      if (section.key !== undefined && describing.has(section.key)) continue;
      if (section.heading.depth > 0 && inHeadingSegment(section.span.start)) continue;
      const candidates: Array<{ categories: Set<string>; heading?: Section; block?: BoldBlock }> = [];
      for (const child of section.children) {
        if (child.key || child.heading.text === '' || lx.fieldOf.has(normalizeKey(child.heading.text))) continue;
        candidates.push({ categories: sectionCategories(lx, child), heading: child });
      }
      for (const block of boldBlocks(doc, lx, section)) candidates.push({ categories: fieldCategories(lx, block.fields), block });
      // Sized, and saying something a segment has beyond its size and who its members are
      // (a breakdown by region with company counts and a TAM is not a set of segments).
      const sized = candidates.filter((c) => [...c.categories].some((x) => SIZING.has(x)) && [...c.categories].some((x) => DESCRIBING.has(x)));
      if (sized.length < 2) continue;
      for (const c of candidates) {
        if (c.categories.size < 2) continue;
        if (c.heading) {
          const b = newBuilder(headingSegment(doc, c.heading, lx));
          headingSegments.set(c.heading, b);
          addSectionBody(doc, lx, b, c.heading, headingSegments);
        } else if (c.block) {
          addBlockSegment(doc, lx, builders, newBuilder, c.block);
          blockSpans.push(c.block.line);
        }
      }
      spans = headingSpans();
    }
    // A table keyed by segment that sizes them defines them too.
    if (builders.length === 0) {
      for (const section of sections) {
        for (const table of section.tables) {
          if (readMatrix(table) || labelColumn(table, lx) < 0) continue;
          const categories = new Set(table.header.map((h) => lx.fieldOf.get(normalizeKey(h.text))?.category).filter((c): c is string => c !== undefined));
          if (categories.size < 2 || ![...categories].some((x) => SIZING.has(x))) continue;
          if (addTable(doc, lx, builders, table, true, newBuilder)) done.add(table);
        }
      }
    }
  }

  // 5. Sections written about a segment elsewhere add to it; they never create one: a
  //    subheading of a section that describes segments (Segment Strategy) or a heading like
  //    "Strategy for Mid-market" names it by prefix, its prose is the segment's strategy;
  //    any other heading must name it exactly, and gives its fields.
  const strategyTerm = vocabulary.fields.find((f) => f.category === 'strategy');
  const containsBlock = (s: Section): boolean => blockSpans.some((sp) => sp.start >= s.span.start && sp.start < s.span.end);
  const details = (list: Section[], underDescribing: boolean): void => {
    for (const s of list) {
      if (headingSegments.has(s)) continue;
      const describes = s.key !== undefined && describing.has(s.key);
      if (s.heading.depth > 0 && s.heading.text !== '' && !s.key && !containsBlock(s)) {
        const subject = detailSubject(s.heading.text, lx);
        const strategic = underDescribing || subject.strategy;
        const b = subject.key && !lx.label.test(subject.key) ? findBuilder(builders, subject.key, strategic) : undefined;
        if (b) {
          addSectionBody(doc, lx, b, s, headingSegments);
          if (strategic && strategyTerm) addProse(doc, lx, b, s, strategyTerm);
          continue;
        }
      }
      details(s.children, underDescribing || describes);
    }
  };
  details(doc.sections, false);

  // 6. Other tables: rows (or columns) that name a segment add to it.
  for (const section of sections) {
    for (const table of section.tables) {
      if (done.has(table) || readMatrix(table)) continue;
      addTable(doc, lx, builders, table, false, undefined);
    }
  }

  for (const b of builders) finish(b);
  return builders.map((b) => b.segment).sort((x, y) => x.span.start - y.span.start);
}

function findExact(builders: readonly Builder[], key: string): Builder | undefined {
  return key ? builders.find((b) => b.key === key) : undefined;
}

/** A comparison key with each word stemmed, so that "малый бизнес" names "малого бизнеса". */
function stemKey(key: string): string {
  return key
    .split(' ')
    .map((w) => (/^\d+$/.test(w) ? w : stemWord(w)))
    .join(' ');
}

function stemmedOf(b: Builder): string {
  return (b.stemmed ??= stemKey(b.key));
}

/**
 * The segment a name written elsewhere refers to: the same key, else the same stems; with
 * `prefix`, else the only segment one name is the start of the other (by key, then by stems).
 */
function findBuilder(builders: readonly Builder[], key: string, prefix: boolean): Builder | undefined {
  if (!key) return undefined;
  const exact = findExact(builders, key);
  if (exact) return exact;
  const stemmed = stemKey(key);
  const sameStems = builders.filter((b) => stemmedOf(b) === stemmed);
  if (sameStems.length === 1) return sameStems[0];
  if (!prefix) return undefined;
  const byKey = builders.filter((b) => nameMatches(b.key, key) === 'prefix');
  if (byKey.length === 1) return byKey[0];
  if (byKey.length > 1) return undefined;
  const byStems = builders.filter((b) => nameMatches(stemmedOf(b), stemmed) === 'prefix');
  return byStems.length === 1 ? byStems[0] : undefined;
}

/** Headings that say they are about a segment's strategy: "Strategy for Mid-market", "Mid-market playbook", "Стратегия для SMB". */
const STRATEGY_BEFORE =
  /^(?:(?:segment|сегмент) )?(?:strategy|approach|plan|playbook|motion|gtm|go to market|messaging|positioning|how we win|how we ll win|how we will win|how to win|winning|стратегия|подход|план|плейбук|как мы выигрываем|как выиграть|как мы побеждаем|как побеждаем)(?: (?:for|in|with|to|at|on|для|по|к|в|на|с|со))?(?: (?:the|segment|сегмент|сегмента|сегменту|сегменте|сегментом))? (.+)$/u;
const STRATEGY_AFTER = /^(.+?) (?:(?:segment|сегмент) )?(?:strategy|approach|playbook|plan|motion|gtm|go to market|messaging|play)$/u;
const FOR = /^(?:for|для) (.+)$/u;

/** What a heading written about a segment names, as a comparison key, and whether it says it is its strategy. */
function detailSubject(text: string, lx: Lexicon): { key: string; strategy: boolean } {
  const key = normalizeKey(stripSegmentPrefix(text, lx));
  for (const re of [STRATEGY_BEFORE, STRATEGY_AFTER, FOR]) {
    const m = re.exec(key);
    if (m?.[1]) return { key: m[1], strategy: true };
  }
  return { key, strategy: false };
}

/**
 * The prose of a section written about a segment's strategy: its paragraphs and list items
 * that are not fields (those are read as fields), as the segment's strategy.
 */
function addProse(doc: SegDocument, lx: Lexicon, b: Builder, section: Section, term: SegmentFieldTerm): void {
  const runs: TextRun[] = [];
  const collect = (s: Section): void => {
    // A line read as a field that names no segment field (`Sales-assisted motion: …`) is prose.
    const fieldsAt = (start: number, end: number): Field[] => s.fields.filter((f) => f.span.start >= start && f.span.start < end);
    const prose = (run: TextRun, start: number, end: number): void => {
      const fields = fieldsAt(start, end);
      if (fields.length === 0) runs.push(run);
      for (const f of fields) if (!lx.fieldOf.has(f.key)) runs.push(trimRun(doc.text, f.span.start, f.span.end));
    };
    for (const p of s.paragraphs) if (!BOLD_LINE.test(p.text)) prose(p, p.span.start, p.span.end);
    const items = (list: readonly ListItem[]): void => {
      for (const i of list) {
        if (i.text) prose({ text: i.text, span: i.textSpan }, i.span.start, i.textSpan.end);
        items(i.children);
      }
    };
    for (const l of s.lists) items(l.items);
    for (const c of s.children) if (!lx.fieldOf.has(normalizeKey(c.heading.text))) collect(c);
  };
  collect(section);
  const [first, ...rest] = runs.sort((x, y) => x.span.start - y.span.start);
  if (!first) return;
  push(doc, b, term, { label: { text: section.heading.text, span: section.heading.textSpan }, value: first, items: rest, source: 'heading', placeholder: false });
}

/** The categories of segment fields among `fields`. */
function fieldCategories(lx: Lexicon, fields: readonly Field[]): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    const c = lx.fieldOf.get(f.key)?.category;
    if (c) out.add(c);
  }
  return out;
}

/** The categories of a section's own segment fields: its fields and its subheadings that name a field. */
function sectionCategories(lx: Lexicon, section: Section): Set<string> {
  const out = fieldCategories(lx, section.fields);
  for (const c of section.children) {
    const term = lx.fieldOf.get(normalizeKey(c.heading.text));
    if (term?.category) out.add(term.category);
    if (term) for (const x of fieldCategories(lx, c.fields)) out.add(x);
  }
  return out;
}

/** `**Mid-market SaaS**`, `__Enterprise__`, `**1. Banks:**`: a line that is all bold. */
const BOLD_LINE = /^[ \t]*(?:\*\*([^*\n]+?)\*\*|__([^_\n]+?)__)[ \t]*:?[ \t]*\r?$/;
const NUMBERING = /^(?:#?\d+[a-zа-я]?[.):]|#\d+|[IVX]+[.)])\s+/u;

/** A bold line alone that may name a segment, and the fields after it up to the next such line. */
interface BoldBlock {
  line: Span;
  name: TextRun;
  fields: Field[];
}

function boldBlocks(doc: SegDocument, lx: Lexicon, section: Section): BoldBlock[] {
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
      if (!key || lx.fieldOf.has(key) || lx.label.test(key)) continue;
      let from = start + raw.indexOf(inner);
      const to = from + inner.length;
      const numbering = NUMBERING.exec(inner);
      if (numbering) from += numbering[0].length;
      const prefix = lx.heading.exec(doc.text.slice(from, to));
      if (prefix && prefix[0].length < to - from) from += prefix[0].length;
      const name = trimRun(doc.text, from, to);
      if (name.text === '') continue;
      lines.push({ line: { start, end }, name });
    }
  }
  return lines.map((l, i) => {
    const next = lines[i + 1];
    return { ...l, fields: section.fields.filter((f) => f.span.start >= l.line.end && (!next || f.span.start < next.line.start)) };
  });
}

/** A block segment (a `**Segment**: Name` line, or a bold line alone) and the fields below it. */
function addBlockSegment(
  doc: SegDocument,
  lx: Lexicon,
  builders: Builder[],
  newBuilder: (s: Segment) => Builder,
  block: BoldBlock,
): void {
  const end = Math.max(block.line.end, ...block.fields.map((f) => fieldEnd(f)));
  const b =
    findExact(builders, segmentNameKey(block.name.text)) ??
    newBuilder({
      name: block.name.text,
      nameSpan: block.name.span,
      blockSpan: block.line,
      span: { start: block.line.start, end },
      fields: new Map(),
      source: 'block',
      placeholder: isPlaceholderValue(block.name.text, doc.definitions),
    });
  addFields(doc, lx, b, block.fields);
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
  let prefix = m && m[0].length < text.length ? m[0].length : 0;
  // `### 1. Mid-Market Finance Teams`: the numbering is not part of the name.
  const numbering = NUMBERING.exec(text.slice(prefix));
  if (numbering && numbering[0].length < text.length - prefix) prefix += numbering[0].length;
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

/** The column whose header names a segment (`Segment`, `Сегменты`, `Segment name`), or -1. */
function labelColumn(table: Table, lx: Lexicon): number {
  return table.header.findIndex((h) => {
    const key = normalizeKey(h.text);
    return key !== '' && (lx.label.test(key) || lx.label.test(key.replace(/s$|ы$/u, '')));
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
function addTable(doc: SegDocument, lx: Lexicon, builders: Builder[], table: Table, create: boolean, newBuilder: ((s: Segment) => Builder) | undefined): boolean {
  const termAt = (cell: TableCell | undefined): SegmentFieldTerm | undefined => (cell ? lx.fieldOf.get(normalizeKey(cell.text)) : undefined);
  const fieldColumns = table.header.filter((h, i) => i > 0 && termAt(h)).length;
  let key = labelColumn(table, lx);
  // Rows that name fields (`| Size | 4,000 |`) make a key/value table or segments as columns.
  const fieldRowCount = table.rows.filter((r) => termAt(r[0])).length;
  if (key < 0 && fieldColumns > 0 && !termAt(table.header[0]) && fieldRowCount < Math.min(2, table.rows.length)) {
    if (create) key = 0;
    else {
      const rows = table.rows.filter((r) => r[0] && findBuilder(builders, segmentNameKey(r[0].text), false));
      if (rows.length >= Math.min(2, table.rows.length)) key = 0;
    }
  }
  const newSegment = (cell: TableCell, span: Span): Builder | undefined => {
    const name = cellName(doc, cell);
    const found = create ? findByKey(builders, segmentNameKey(name.text)) : findBuilder(builders, segmentNameKey(name.text), key >= 0 && labelColumn(table, lx) >= 0);
    if (found || !create || !newBuilder || name.text === '') return found;
    return newBuilder({ name: name.text, nameSpan: name.span, blockSpan: span, span, fields: new Map(), source: 'table', placeholder: isPlaceholderValue(name.text, doc.definitions) });
  };
  if (key >= 0) {
    for (const row of table.rows) {
      const cell = row[key];
      if (!cell || cell.text === '') continue;
      const rowSpan = { start: (row[0] ?? cell).span.start, end: (row[row.length - 1] ?? cell).span.end };
      const b = newSegment(cell, rowSpan);
      if (!b) continue;
      table.header.forEach((h, i) => {
        const term = i === key ? undefined : termAt(h);
        const value = row[i];
        if (term && value) push(doc, b, term, { label: h, value, items: [], source: 'table', placeholder: false });
      });
    }
    return true;
  }
  // Segments as columns: `| | SMB | Enterprise |` over rows `| Size | … |`, `| ACV | … |`.
  const fieldRows = table.rows.filter((r) => termAt(r[0]));
  if (fieldRowCount < 2 || table.header.length < 2) return false;
  const columns = table.header.map((h, i) => (i > 0 && h.text !== '' && !termAt(h) ? h : undefined));
  const named = columns.filter((h) => h && findBuilder(builders, segmentNameKey(h.text), false)).length;
  if (!create && named < Math.min(2, columns.filter(Boolean).length)) return false;
  columns.forEach((h, i) => {
    if (!h) return;
    const span = { start: h.span.start, end: table.span.end };
    const b = newSegment(h, span);
    if (!b) return;
    for (const row of fieldRows) {
      const value = row[i];
      if (value) push(doc, b, termAt(row[0])!, { label: row[0]!, value, items: [], source: 'table', placeholder: false });
    }
  });
  return true;
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
