/**
 * Completeness, one of the score tallies (scores.ts): the share of the items a document must
 * fill in that it has filled in, and what is still to fill in.
 *
 * The items are the title, the kind's required sections and their required fields. The title
 * counts unless a placeholder is left in it, a section when it has content and no placeholder
 * is left in it (subsections included), a field when its value is neither empty nor only
 * placeholders; the share is rounded down, and while a placeholder is left anywhere, the
 * percentage stays below 100 (scores.ts `texts.completenessRule` says it in one sentence, in
 * the lens tooltip). So an untouched template starts near 0 % (its headings and labels are
 * there, but each holds placeholders) and a filled document reaches 100 %. An absent section
 * counts as not filled with its required fields. A tier's Resource Allocation stated in a
 * table or list elsewhere is filled, as required-field says.
 *
 * `missing` lists what is not filled, in template order: the title; a section by its title in
 * the document's language when absent (as the required-section diagnostic quotes it), else by
 * its heading as written; then the required fields of a present section.
 *
 * Placeholders are counted where the placeholder rule looks for them (not in code, HTML
 * comments, front matter or unparsed parts), whatever that rule's settings.
 */
import { findPlaceholders, isPlaceholderValue, type Placeholder } from '../model/placeholders';
import type { Field, SegDocument } from '../model/types';
import type { Range, Span } from '../parse/text';
import { pick, type SectionSpec } from '../schemas/kinds';
import { hasContent, type KindMatch } from '../schemas/validate';
import { fieldStatedElsewhere } from '../rules/matrix/allocations';
import { documentSpan, headingSpan, isEmptyField } from '../rules/util/report';
import { unparsedRegions } from '../rules/util/skipped';
import type { LintResult } from './engine';

/** The title, a required section or a required field that is not filled in yet. */
export interface MissingItem {
  /** The title as written, a section (`Goals & Responsibilities`) or a field with its section (`Demographics › Job Title`). */
  label: string;
  what: 'title' | 'section' | 'field';
  /** The section's id in the kind schema, for a section or a field. */
  section?: string;
  /** The field's id, for a field. */
  field?: string;
  /** `absent`: not in the document; `empty`: nothing in it; `placeholder`: template placeholders left in it. */
  reason: 'absent' | 'empty' | 'placeholder';
  /** Where to go: the section's heading, or the field's line; none for an absent section. */
  range?: Range;
}

export interface Completeness {
  /** Items filled in: the title without a placeholder, required sections with content and no placeholder, required fields with a value. */
  filled: number;
  /** Items: the title, the kind's required sections and their required fields. */
  total: number;
  /**
   * `filled / total` in percent, rounded down, and at most 99 while a placeholder is left
   * (so 100 means everything required is filled in and nothing is left to fill).
   */
  percent: number;
  /** What is not filled in, in template order; an absent section once, with its fields implied. */
  missing: MissingItem[];
}

/** Placeholders where the placeholder rule looks for them. */
export function placeholdersLeft(doc: SegDocument): Placeholder[] {
  const exclude: Span[] = [...doc.codeSpans, ...doc.comments.map((c) => c.span), ...unparsedRegions(doc)];
  if (doc.frontMatter) exclude.push(doc.frontMatter.span);
  return findPlaceholders(doc.text, doc.definitions, exclude);
}

/** Whether a field holds a value: not empty, and not only placeholders (its nested items neither). */
function fieldFilled(doc: SegDocument, field: Field): boolean {
  if (isEmptyField(doc, field)) return false;
  const value = field.value.text.trim();
  if (value) return !isPlaceholderValue(value, doc.definitions);
  // The value is in nested items, or continues on the next line: filled unless every item is a placeholder.
  return !field.items.length || field.items.some((item) => !isPlaceholderValue(item.text, doc.definitions));
}

/** The items filled in so far and what is missing, counted as they are found. */
interface Tally {
  filled: number;
  total: number;
  missing: MissingItem[];
}

/** Completeness as the module header defines it; `placeholders` are those placeholdersLeft finds. */
export function completenessOf(
  result: LintResult,
  placeholders: readonly Placeholder[],
  rangeOf: (span: Span) => Range,
): Completeness {
  const { doc, match } = result;
  const required = match!.kind.sections.filter((s) => s.required).sort((a, b) => a.order - b.order);
  const inside = (span: Span): boolean => placeholders.some((p) => p.span.start >= span.start && p.span.start < span.end);
  // The title: filled unless a placeholder is left in it (a document without one is another rule's business).
  const tally: Tally = { filled: 0, total: 1, missing: [] };
  if (doc.title && inside(doc.title.span))
    tally.missing.push({ label: doc.title.text, what: 'title', reason: 'placeholder', range: rangeOf(documentSpan(doc)) });
  else tally.filled++;
  for (const spec of required) countSection(tally, doc, match!, spec, inside, rangeOf);
  const { filled, total, missing } = tally;
  let percent = total ? Math.floor((filled * 100) / total) : 100;
  if (placeholders.length) percent = Math.min(percent, 99);
  return { filled, total, percent, missing };
}

/** Counts a required section and its required fields into `tally`. */
function countSection(
  tally: Tally,
  doc: SegDocument,
  match: KindMatch,
  spec: SectionSpec,
  inside: (span: Span) => boolean,
  rangeOf: (span: Span) => Range,
): void {
  const language = doc.language;
  const fields = spec.fields.filter((f) => f.required);
  tally.total += 1 + fields.length;
  const section = match.byId.get(spec.id);
  if (!section) {
    tally.missing.push({ label: pick(spec.title, language), what: 'section', section: spec.id, reason: 'absent' });
    return;
  }
  const label = section.heading.text || pick(spec.title, language);
  const at = rangeOf(headingSpan(section));
  if (!hasContent(section)) tally.missing.push({ label, what: 'section', section: spec.id, reason: 'empty', range: at });
  else if (inside(section.span))
    tally.missing.push({ label, what: 'section', section: spec.id, reason: 'placeholder', range: at });
  else tally.filled++;
  const found = match.fields.get(spec.id);
  for (const f of fields) {
    const field = found?.get(f.id);
    const item = { label: `${label} › ${pick(f.title, language)}`, what: 'field' as const, section: spec.id, field: f.id };
    if (field && fieldFilled(doc, field)) tally.filled++;
    else if (!field && fieldStatedElsewhere(match, language, doc, spec.id, f.id)) tally.filled++;
    else if (!field) tally.missing.push({ ...item, reason: 'absent', range: at });
    else tally.missing.push({ ...item, reason: isEmptyField(doc, field) ? 'empty' : 'placeholder', range: rangeOf(field.span) });
  }
}
