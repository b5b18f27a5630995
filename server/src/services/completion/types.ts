/** The data completion works with: where the cursor is, and the entries offered there. */
import type { Locale, MessageArgs } from '../../l10n';
import type { Field, Section } from '../../model/types';
import type { Range, Span } from '../../parse/text';
import type { FieldSpec } from '../../schemas/kinds';
import type { LintResult } from '../engine';
import type { texts } from './texts';

export type CompletionEntryKind = 'section' | 'field' | 'enum' | 'example' | 'segment';

export interface CompletionEntry {
  /** What the list shows (and what is inserted, give or take the markup around it). */
  label: string;
  kind: CompletionEntryKind;
  detail: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `span`; a snippet (tabstops `${1:…}`) when `snippet` is true. */
  newText: string;
  snippet: boolean;
  span: Span;
  range: Range;
  /** What the client filters on: the text from `span.start` to the cursor is matched against it. */
  filterText: string;
  /** The order to list the entries in, for every client: `<group>.<index>` (see order.ts). */
  sortText: string;
  /** A short mark shown beside the label (`required section`), for required and recommended entries. */
  tag?: string;
}

/** A segment name defined in another document, for `**Segment**: |`. */
export interface SegmentNameSource {
  name: string;
  /** Where it is defined, as the user knows it (a file name). */
  source: string;
}

export interface CompletionOptions {
  /** The client accepts snippets: templates get tabstops. */
  snippets?: boolean;
  /** Segment names defined elsewhere (other open documents, the workspace's files). */
  segmentNames?: readonly SegmentNameSource[];
}

/** A heading being typed, or an empty line (then fields are offered too). */
export interface HeadingPlace {
  type: 'heading';
  /** From the first `#` to the end of the line; the whole line when it is empty. */
  span: Span;
  /** The `#` markers typed, `''` on an empty line. */
  typed: string;
  /** Also offer fields (an empty line). */
  fields?: FieldPlace;
}

/** After a field label's colon. */
export interface ValuePlace {
  type: 'value';
  field: Field;
  /** The field's spec, when the schema knows the label. */
  spec?: FieldSpec;
  /** The label names a segment (`**Segment**:`): segment names are offered. */
  segment: boolean;
  span: Span;
  /** A space must be inserted before the value (the cursor is right after the colon). */
  space: boolean;
}

export interface FieldPlace {
  /** From after the list marker to the cursor. */
  span: Span;
  /** The line has a list marker already, so only `**Label**: ` is inserted. */
  marker: boolean;
  /** The section the cursor is in (the innermost one), when there is one. */
  section?: Section;
  /** The fields that can be offered, and the ones already there. */
  specs: FieldSpec[];
}

/** Where the cursor is, as far as completion is concerned. */
export type CompletionPlace = HeadingPlace | ({ type: 'field' } & FieldPlace) | ValuePlace;

/** A text of the completion catalogue (texts.ts) in a locale. */
export type CompletionText = (id: keyof typeof texts, locale: Locale, args?: MessageArgs) => string;

/**
 * What the entry builders are given: the check, the client's options, and the catalogue's
 * texts, localized by services/completion.ts (the module the l10n bundle reads them from).
 */
export interface EntryContext {
  result: LintResult;
  options: CompletionOptions;
  text: CompletionText;
}
