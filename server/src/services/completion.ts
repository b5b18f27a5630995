/**
 * Completion (PRODUCT.md §6): what segdoc offers where the cursor is, as plain data with
 * offsets. The language server turns the entries into protocol items (lsp/completion.ts);
 * nothing here knows the protocol.
 *
 * Everything offered comes from the kind schema (schemas/kinds.ts): section titles,
 * templates, order and required/recommended flags; field titles, descriptions, enums with
 * their aliases and `examples`; the segment labels of `$defs.segment`. This module keeps no
 * list of its own.
 *
 * Places, decided from the text of the cursor's line:
 * - a heading being typed (`#`, `## Pa`): the sections the document still lacks, in template
 *   order, each inserting its heading (at the depth the document uses) and its template;
 * - a field being started (a list marker, `**Jo`): the fields the current section (or the
 *   segment the cursor is in) does not have yet;
 * - an empty line: both, led by what is required: the missing required sections, then the
 *   current section's missing required fields, the recommended sections, the other fields,
 *   and last the optional sections;
 * - after a field's colon (`**Status**: |`): the field's values — enum values in the
 *   document's language and canonical English, or the schema's examples — and after a label
 *   that names a segment (`**Segment**: |`), the segment names other documents define.
 *
 * Decisions:
 * - inserted text (headings, templates, field labels, values) is in the document's language,
 *   as quick fixes insert it; details and documentation are in the locale the diagnostics
 *   use.
 * - a trigger character only opens what it starts: `#` a heading, `:` a value, a space right
 *   after the `#` markers a heading title, a space right after a label's colon a value. Other
 *   spaces (in prose, inside a value, after a list marker) open nothing: field names popping
 *   up at every bullet would interrupt lists; asking for completion there does offer them.
 * - template placeholders (`[Specific titles]`, as model/placeholders.ts finds them) become
 *   snippet tabstops whose default keeps the brackets, so a placeholder left as it is is
 *   still reported by the placeholder rule.
 * - the document's own segments are not offered after `**Segment**:`: in a document that
 *   defines segments, that line defines one.
 */
import { findPlaceholders } from '../model/placeholders';
import { segmentNameKey, type Segment } from '../model/segments';
import type { Field, Language, Section, SegDocument } from '../model/types';
import { cyrillicShare } from '../model/normalize';
import { readField } from '../model/fragment';
import type { Range, Span } from '../parse/text';
import { builtinKinds } from '../schemas/builtin';
import { fieldForKey, pick, type FieldSpec, type KindSchema, type SectionSpec } from '../schemas/kinds';
import { sectionFields } from '../model/items';
import type { KindMatch } from '../schemas/validate';
import { segmentsOf } from '../rules/segments/vocabulary';
import { fieldLine, sectionDepth } from '../rules/util/insert';
import { translator } from '../l10n';
import type { LintResult } from './engine';

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
  /** The order to list the entries in, for every client: `<group>.<index>` (see {@link GROUPS}). */
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

/** Where the cursor is, as far as completion is concerned. */
export type CompletionPlace =
  | {
      type: 'heading';
      /** From the first `#` to the end of the line; the whole line when it is empty. */
      span: Span;
      /** The `#` markers typed, `''` on an empty line. */
      typed: string;
      /** Also offer fields (an empty line). */
      fields?: FieldPlace;
    }
  | ({ type: 'field' } & FieldPlace)
  | {
      type: 'value';
      field: Field;
      /** The field's spec, when the schema knows the label. */
      spec?: FieldSpec;
      /** The label names a segment (`**Segment**:`): segment names are offered. */
      segment: boolean;
      span: Span;
      /** A space must be inserted before the value (the cursor is right after the colon). */
      space: boolean;
    };

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

// ---------------------------------------------------------------------------------------
// Texts

export const texts = {
  requiredSection: 'Required section',
  recommendedSection: 'Recommended section',
  optionalSection: 'Optional section',
  requiredSectionTag: 'required section',
  recommendedSectionTag: 'recommended section',
  requiredFieldTag: 'required field',
  requiredField: 'Required field · {section}',
  field: 'Field · {section}',
  segmentField: 'Segment field',
  value: '{field}',
  valueOf: '{field} · {value}',
  segmentFrom: 'Segment · {source}',
  segmentDoc: 'A segment defined in {source}.',
} satisfies Record<string, string>;

const text = translator(texts);

// ---------------------------------------------------------------------------------------
// Reading the cursor's line

const HEADING_PREFIX = /^( {0,3})(#{1,6})(?:[ \t]+([^#]*))?$/;
const MARKER = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
const FIELD_PREFIX = /^[ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*{0,2}[^*:[\]`|#>\n]{0,40})$/u;
const LABEL_END = /^(?:\*\*[ \t]*:|:\*\*|:)/;
/** A field label and its colon: `**Key**:` or `**Key:**` anywhere, `Key:` only after a list marker (as model/fragment.ts reads fields). */
const VALUE_PREFIX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[^\s:*[\]`|#>][^:*[\]`|\n]{0,40}?:|(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\*\*[^*\n]+?(?:\*\*[ \t]*:|:\*\*))/;

/**
 * Whether completion can offer anything on a line that starts with `linePrefix` (the text
 * from the line's start to the cursor), given the trigger character if one triggered it.
 * Cheap: the server asks this before checking the document, so a space typed in prose costs
 * nothing.
 */
export function mayComplete(linePrefix: string, trigger?: string): boolean {
  const heading = HEADING_PREFIX.test(linePrefix);
  const value = VALUE_PREFIX.test(linePrefix);
  if (trigger === '#') return heading;
  if (trigger === ':') return value;
  // A space opens completion only right after the `#` markers or right after a label's colon:
  // every other space typed in a heading or a value asks nothing (and checks nothing).
  if (trigger === ' ') return /^ {0,3}#{1,6}[ \t]+$/.test(linePrefix) || (value && /:(?:\*\*)?[ \t]+$/.test(linePrefix));
  return heading || value || FIELD_PREFIX.test(linePrefix);
}

/** The sections containing `offset`, outermost first. */
export function sectionChain(doc: SegDocument, offset: number): Section[] {
  const chain: Section[] = [];
  let list = doc.sections;
  for (;;) {
    const s = list.find((x) => x.span.start <= offset && (offset < x.span.end || (offset === x.span.end && offset === doc.text.length)));
    if (!s) return chain;
    chain.push(s);
    list = s.children;
  }
}

/** The innermost section named after a section of the kind, among `chain`. */
function keyedSection(chain: readonly Section[]): Section | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]!.key) return chain[i];
  return undefined;
}

/** The segment whose body holds `offset`: the innermost heading segment, else a block segment. */
export function segmentAt(doc: SegDocument, match: KindMatch, kind: KindSchema, offset: number): Segment | undefined {
  let found: Segment | undefined;
  for (const s of segmentsOf(doc, match, kind)) {
    if (s.source === 'table') continue;
    const end = s.source === 'heading' ? s.span.end : doc.lines.lineEnd(doc.lines.lineAt(Math.max(s.span.start, s.span.end - 1)));
    if (s.span.start <= offset && offset <= end && (!found || s.span.start >= found.span.start)) found = s;
  }
  return found;
}

/**
 * The spec of a field written at `offset` with normalised label `key`: the field of the
 * section it is in, else a segment field when it is inside a segment, else a field of that
 * name anywhere in the kind.
 */
export function fieldSpecAt(result: LintResult, offset: number, key: string): { spec: FieldSpec; section?: SectionSpec } | undefined {
  const { doc, match, detection } = result;
  if (!match || !detection) return undefined;
  const kind = detection.kind;
  const keyed = keyedSection(sectionChain(doc, offset));
  const sectionSpec = keyed ? kind.sections.find((s) => s.id === keyed.key) : undefined;
  const own = sectionSpec ? fieldForKey(sectionSpec, key) : undefined;
  if (own && sectionSpec) return { spec: own, section: sectionSpec };
  if (segmentAt(doc, match, kind, offset)) {
    const seg = kind.segmentFields.find((f) => f.keys.has(key));
    if (seg) return { spec: seg };
  }
  for (const s of kind.sections) {
    const f = fieldForKey(s, key);
    if (f) return { spec: f, section: s };
  }
  const seg = kind.segmentFields.find((f) => f.keys.has(key));
  return seg ? { spec: seg } : undefined;
}

/** Whether a normalised label names a segment in some kind (`Segment`, `Сегмент`, `Segment Definition`). */
export function namesSegment(key: string, kinds: readonly KindSchema[]): boolean {
  return kinds.some((k) => k.segment?.keys.has(key));
}

/** Where the cursor is; undefined when completion has nothing to offer there. */
export function completionPlace(result: LintResult, offset: number, trigger?: string): CompletionPlace | undefined {
  const { doc, match, detection } = result;
  if (!match || !detection) return undefined;
  const inSpan = (s: Span): boolean => s.start <= offset && offset < s.end;
  if (doc.codeSpans.some(inSpan) || doc.comments.some((c) => inSpan(c.span)) || (doc.frontMatter && inSpan(doc.frontMatter.span))) return undefined;
  const lines = doc.lines;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const prefix = doc.text.slice(lineStart, offset);
  const rest = doc.text.slice(offset, lineEnd);
  const kind = detection.kind;
  if (trigger !== undefined && !mayComplete(prefix, trigger)) return undefined;

  if (trigger === undefined || trigger === '#' || trigger === ' ') {
    const h = HEADING_PREFIX.exec(prefix);
    if (h && h[2]!.length <= sectionDepth(kind, match)) {
      const start = lineStart + h[1]!.length;
      return { type: 'heading', span: { start, end: lineEnd }, typed: h[2]! };
    }
  }

  if (trigger === undefined || trigger === ':' || trigger === ' ') {
    const value = valuePlace(result, lineStart, lineEnd, offset);
    if (value) return value;
  }

  if (trigger !== undefined || rest.trim() !== '') return undefined;
  const f = FIELD_PREFIX.exec(prefix);
  if (!f) return undefined;
  const marker = f[1] !== undefined;
  const start = offset - f[2]!.length;
  const fields = fieldPlace(result, { start, end: offset }, marker);
  if (prefix.trim() === '') {
    return { type: 'heading', span: { start: lineStart, end: lineEnd }, typed: '', ...(fields.specs.length ? { fields } : {}) };
  }
  return fields.specs.length ? { type: 'field', ...fields } : undefined;
}

function valuePlace(result: LintResult, lineStart: number, lineEnd: number, offset: number): CompletionPlace | undefined {
  const { doc } = result;
  const marker = MARKER.exec(doc.text.slice(lineStart, lineEnd))![0];
  const field = readField(doc.text, lineStart + marker.length, lineEnd, marker.trim() !== '');
  if (!field) return undefined;
  const end = LABEL_END.exec(doc.text.slice(field.label.span.end, lineEnd));
  if (!end) return undefined;
  const afterLabel = field.label.span.end + end[0].length;
  if (offset < afterLabel) return undefined;
  const spaces = /^[ \t]*/.exec(doc.text.slice(afterLabel, lineEnd))![0].length;
  const valueStart = afterLabel + spaces;
  const space = offset < valueStart || spaces === 0;
  const span = { start: offset < valueStart ? afterLabel : valueStart, end: lineEnd };
  const spec = fieldSpecAt(result, offset, field.key)?.spec;
  const kinds = result.config?.kinds ?? builtinKinds();
  const segment = !valuesOf(spec).length && namesSegment(field.key, kinds);
  if (!segment && !(spec && valuesOf(spec).length)) return undefined;
  return { type: 'value', field, ...(spec ? { spec } : {}), segment, span, space };
}

function fieldPlace(result: LintResult, span: Span, marker: boolean): FieldPlace {
  const { doc, match, detection } = result;
  const kind = detection!.kind;
  const chain = sectionChain(doc, span.start);
  const section = chain[chain.length - 1];
  const segment = segmentAt(doc, match!, kind, span.start);
  const base = { span, marker, ...(section ? { section } : {}) };
  if (segment) {
    const specs = kind.segmentFields.filter((f) => !segment.fields.has(f.id));
    return { ...base, specs };
  }
  const keyed = keyedSection(chain);
  const spec = keyed ? kind.sections.find((s) => s.id === keyed.key) : undefined;
  if (!keyed || !spec) return { ...base, specs: [] };
  const present = new Set<string>();
  for (const f of sectionFields(keyed)) {
    const fs = fieldForKey(spec, f.key);
    if (fs) present.add(fs.id);
  }
  return { ...base, specs: spec.fields.filter((f) => !present.has(f.id)) };
}

// ---------------------------------------------------------------------------------------
// Values of a field

export interface FieldValue {
  /** As written (a canonical value or one of its aliases). */
  name: string;
  /** The canonical value it stands for. */
  value: string;
  /** From `enum` (validated) or from `examples` (suggestions only). */
  source: 'enum' | 'example';
}

/**
 * Every value the schema gives a field: its enum values with their aliases (kinds.ts
 * `enumNames`), else its `examples` with the aliases `x-segdoc.enumAliases` gives them.
 */
export function valuesOf(spec: FieldSpec | undefined): FieldValue[] {
  if (!spec) return [];
  if (spec.enum) return spec.enumNames.map((n) => ({ ...n, source: 'enum' }));
  const examples = Array.isArray(spec.schema['examples']) ? (spec.schema['examples'] as unknown[]).filter((v): v is string => typeof v === 'string') : [];
  const aliases = spec.schema['x-segdoc']?.enumAliases ?? {};
  return examples.flatMap((v) => [{ name: v, value: v, source: 'example' as const }, ...(aliases[v] ?? []).map((a) => ({ name: a, value: v, source: 'example' as const }))]);
}

function languageOf(name: string): Language {
  return cyrillicShare(name) > 0.5 ? 'ru' : 'en';
}

/**
 * The values to offer in a document in `language`: canonical values, and in a Russian
 * document first each value's first Russian spelling. Other aliases (`Economic`, `In Flight`,
 * the second Russian spelling) are accepted by the rules but not offered: one spelling per
 * language keeps the list short.
 */
export function offeredValues(spec: FieldSpec, language: Language): FieldValue[] {
  const all = valuesOf(spec);
  const canonical = all.filter((v) => v.name === v.value);
  if (language === 'en') return canonical;
  const russian: FieldValue[] = [];
  for (const c of canonical) {
    const ru = all.find((v) => v.value === c.value && v.name !== v.value && languageOf(v.name) === 'ru');
    if (ru) russian.push(ru);
  }
  return [...russian, ...canonical];
}

// ---------------------------------------------------------------------------------------
// Snippets

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A template as a snippet: each placeholder becomes a tabstop whose default is the
 * placeholder itself; everything else is escaped.
 */
export function templateSnippet(template: string): string {
  let out = '';
  let pos = 0;
  let n = 0;
  for (const p of findPlaceholders(template, new Set())) {
    out += escapeSnippet(template.slice(pos, p.span.start));
    out += `\${${++n}:${escapeSnippet(p.text)}}`;
    pos = p.span.end;
  }
  return out + escapeSnippet(template.slice(pos));
}

// ---------------------------------------------------------------------------------------
// Entries

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * The order of the groups of entries where headings and fields are both offered (and of each
 * alone): what is required first, what is optional last.
 */
const GROUPS = ['requiredSection', 'requiredField', 'recommendedSection', 'field', 'optionalSection'] as const;

type Group = (typeof GROUPS)[number];

function sortKey(group: Group, index: number): string {
  return `${GROUPS.indexOf(group)}.${pad(index)}`;
}

/** Entries in the order of their sort keys (groups first, then their own order). */
function byGroup(entries: CompletionEntry[]): CompletionEntry[] {
  return entries.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

/** The completion entries at a place. */
export function completionEntries(result: LintResult, place: CompletionPlace, options: CompletionOptions = {}): CompletionEntry[] {
  const { doc } = result;
  const range = (span: Span): Range => doc.lines.rangeOf(span);
  switch (place.type) {
    case 'heading': {
      const fields = place.fields ? fieldEntries(result, place.fields) : [];
      return byGroup([...fields, ...sectionEntries(result, place, options, range)]);
    }
    case 'field':
      return byGroup(fieldEntries(result, place));
    case 'value':
      return valueEntries(result, place, options, range);
  }
}

/** Where the cursor is and what to offer there, in one call. */
export function completions(result: LintResult, offset: number, options: CompletionOptions & { trigger?: string } = {}): CompletionEntry[] {
  const place = completionPlace(result, offset, options.trigger);
  return place ? completionEntries(result, place, options) : [];
}

function sectionEntries(
  result: LintResult,
  place: Extract<CompletionPlace, { type: 'heading' }>,
  options: CompletionOptions,
  range: (s: Span) => Range,
): CompletionEntry[] {
  const { doc, match, detection, locale } = result;
  const kind = detection!.kind;
  const language = doc.language;
  const depth = sectionDepth(kind, match!);
  const eol = doc.lines.eol;
  const line = doc.lines.lineAt(place.span.start);
  const nextLine = line + 1 < doc.lines.lineCount ? doc.text.slice(doc.lines.lineStart(line + 1), doc.lines.lineEnd(line + 1)) : '';
  // A heading inserted right above text would leave no blank line before it.
  const tail = nextLine.trim() ? eol : '';
  const missing = kind.sections.filter((s) => !match!.byId.has(s.id));
  return missing.map((spec, i): CompletionEntry => {
    const title = pick(spec.title, language);
    const template = pick(spec.template, language).replace(/\r?\n/g, eol);
    const heading = `${'#'.repeat(depth)} `;
    const newText = options.snippets
      ? `${escapeSnippet(heading + title)}${template ? eol + eol + templateSnippet(template) : ''}${escapeSnippet(tail)}`
      : `${heading}${title}${template ? eol + eol + template : ''}${tail}`;
    const status = spec.required ? 'requiredSection' : spec.recommended ? 'recommendedSection' : 'optionalSection';
    const tag = spec.required ? 'requiredSectionTag' : spec.recommended ? 'recommendedSectionTag' : undefined;
    return {
      label: title,
      kind: 'section',
      detail: text(status, locale),
      ...(tag ? { tag: text(tag, locale) } : {}),
      documentation: pick(spec.description, locale),
      newText,
      snippet: options.snippets === true,
      span: place.span,
      range: range(place.span),
      filterText: place.typed ? `${place.typed} ${title}` : title,
      sortText: sortKey(status, i),
    };
  });
}

function fieldEntries(result: LintResult, place: FieldPlace): CompletionEntry[] {
  const { doc, detection, locale } = result;
  const kind = detection!.kind;
  const language = doc.language;
  const keyed = place.section ? keyedSection(sectionChain(doc, place.span.start)) : undefined;
  const sectionSpec = keyed ? kind.sections.find((s) => s.id === keyed.key) : undefined;
  return place.specs.map((spec, i): CompletionEntry => {
    const title = pick(spec.title, language);
    const isSegmentField = !sectionSpec?.fields.includes(spec);
    const newText = place.marker || !place.section ? `**${title}**: ` : fieldLine(place.section, spec, language);
    const detail = isSegmentField
      ? text('segmentField', locale)
      : text(spec.required ? 'requiredField' : 'field', locale, { section: sectionSpec ? pick(sectionSpec.title, locale) : '' });
    const documentation = pick(spec.description, locale);
    const required = !isSegmentField && spec.required;
    return {
      label: title,
      kind: 'field',
      detail,
      ...(required ? { tag: text('requiredFieldTag', locale) } : {}),
      ...(documentation ? { documentation } : {}),
      newText,
      snippet: false,
      span: place.span,
      range: doc.lines.rangeOf(place.span),
      filterText: `**${title}**`,
      sortText: sortKey(required ? 'requiredField' : 'field', i),
    };
  });
}

function valueEntries(result: LintResult, place: Extract<CompletionPlace, { type: 'value' }>, options: CompletionOptions, range: (s: Span) => Range): CompletionEntry[] {
  const { doc, locale } = result;
  const lead = place.space ? ' ' : '';
  if (place.segment) {
    const seen = new Set<string>();
    const out: CompletionEntry[] = [];
    for (const s of options.segmentNames ?? []) {
      const key = segmentNameKey(s.name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push({
        label: s.name,
        kind: 'segment',
        detail: text('segmentFrom', locale, { source: s.source }),
        documentation: text('segmentDoc', locale, { source: s.source }),
        newText: lead + s.name,
        snippet: false,
        span: place.span,
        range: range(place.span),
        filterText: s.name,
        sortText: pad(out.length),
      });
    }
    return out;
  }
  const spec = place.spec!;
  const fieldTitle = pick(spec.title, locale);
  return offeredValues(spec, doc.language).map((v, i): CompletionEntry => {
    const documentation = pick(spec.description, locale);
    return {
      label: v.name,
      kind: v.source,
      detail: v.name === v.value ? text('value', locale, { field: fieldTitle }) : text('valueOf', locale, { field: fieldTitle, value: v.value }),
      ...(documentation ? { documentation } : {}),
      newText: lead + v.name,
      snippet: false,
      span: place.span,
      range: range(place.span),
      filterText: v.name,
      sortText: pad(i),
    };
  });
}
