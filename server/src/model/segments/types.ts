/**
 * The types of segment extraction: the vocabulary the caller passes in (read from a kind
 * schema by rules/segments/vocabulary.ts) and the segments that come out.
 */
import type { Span } from '../../parse/text';
import type { Section, TextRun } from '../types';

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
