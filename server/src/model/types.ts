/**
 * The typed document model. Plain data with offsets into the document text; no mdast, no
 * LSP. Rules, schema validation, tallies and editor services all read this and nothing else.
 */
import type { Locale } from '../l10n';
import type { LineIndex, Span } from '../parse/text';

/** A document's language; the same set as the languages of segdoc's messages. */
export type Language = Locale;

/** A run of source text: what it says and where. Text is the source slice, trimmed. */
export interface TextRun {
  text: string;
  span: Span;
}

export interface Heading {
  depth: number;
  /** The heading text without the `#` markers (source slice, trimmed). */
  text: string;
  /** The whole heading line(s). */
  span: Span;
  /** The heading's text. */
  textSpan: Span;
}

/**
 * A `**Key**: value` (or `- Key: value` in a list item) line. `key` is the normalised label;
 * the schema maps it to a field id.
 */
export interface Field {
  label: TextRun;
  key: string;
  value: TextRun;
  /** The whole line (or list item first line) holding the field. */
  span: Span;
  /**
   * `bold` for `**Key**: value`, `plain` for `Key: value` inside a list item, `table` for a
   * row of a two-column key/value table, `nested` for a list item whose only child item is the
   * value (`- **Job Title**` over `  - VP Engineering`), `definition` for a `Key: value` line
   * of a paragraph (model/layout.ts).
   */
  style: 'bold' | 'plain' | 'table' | 'nested' | 'definition';
  /** Nested list items under the field (e.g. `**Functional**:` followed by a list). */
  items: ListItem[];
}

export interface ListItem {
  /** The item's first line of text, without the marker (source slice, trimmed). */
  text: string;
  span: Span;
  /** The span of `text`. */
  textSpan: Span;
  /** Task-list state: true `[x]`, false `[ ]`, null when not a task item. */
  checked: boolean | null;
  /** 0 for items of a list at the top of a section, 1 for their children, ... */
  depth: number;
  children: ListItem[];
}

export interface List {
  ordered: boolean;
  items: ListItem[];
  span: Span;
}

export interface TableCell {
  text: string;
  span: Span;
}

export interface Table {
  header: TableCell[];
  rows: TableCell[][];
  span: Span;
}

export interface Comment {
  /** Text between `<!--` and `-->`, trimmed. */
  text: string;
  span: Span;
}

/** A section: a heading and everything up to the next heading of the same or lower depth. */
export interface Section {
  heading: Heading;
  /** Normalised heading text (see normalizeHeading). */
  normalized: string;
  /** The schema's section id when the heading names a known section of the document's kind. */
  key?: string;
  /** From the heading to the end of the section, subsections included. */
  span: Span;
  /** Direct content (not subsections): fields, lists, tables, paragraphs. */
  fields: Field[];
  lists: List[];
  tables: Table[];
  paragraphs: TextRun[];
  /** Other blocks (code, quotes, html) count as content. */
  otherBlocks: Span[];
  children: Section[];
  /** Depth of nesting in the tree (the H1 title section is 0 when present). */
  level: number;
}

export interface FrontMatter {
  raw: string;
  span: Span;
  data: Record<string, unknown>;
  error?: { message: string; span: Span };
}

export type KindSource = 'front-matter' | 'config' | 'file-name' | 'heading';

/**
 * Why a document (or part of it) was not parsed: it is too large or too deeply nested, or
 * its parse ran past the time budget (`parse-time`) or ended the parsing worker
 * (`parse-failed`, e.g. out of memory) — services/parse-pool.ts.
 */
export interface SkippedPart {
  span: Span;
  reason:
    | 'document-length'
    | 'chunk-length'
    | 'quote-depth'
    | 'indent'
    | 'setext'
    | 'emphasis'
    | 'brackets'
    | 'inline-html'
    | 'code-spans'
    | 'parse-time'
    | 'parse-failed';
  detail: Record<string, number>;
}

export interface SegDocument {
  /** The text exactly as the editor holds it (BOM and CRLF included). */
  text: string;
  lines: LineIndex;
  /** File path or URI, when known. Used for kind detection by file name. */
  path?: string;
  frontMatter?: FrontMatter;
  /** The first H1, if any. */
  title?: Heading;
  /** Top-level sections in document order (children nested). */
  sections: Section[];
  /** Every section in document order, flattened. */
  allSections: Section[];
  /** Content before the first heading. */
  preamble: Section;
  comments: Comment[];
  /** Link reference definition labels (normalised), so `[label]` is not a placeholder. */
  definitions: Set<string>;
  /** Spans of code (fenced, indented and inline), where placeholders are not looked for. */
  codeSpans: Span[];
  /** Parts that were not parsed because they exceed the parse limits. */
  skipped: SkippedPart[];
  language: Language;
}
