/**
 * Completion (README.md "In VS Code"): what segdoc offers where the cursor is, as plain data
 * with offsets. The language server turns the entries into protocol items
 * (lsp/completion.ts); nothing here knows the protocol. This module is the entry point; the
 * work is split by what is completed, under completion/:
 *
 * - place.ts: where the cursor is, from the text of its line (and which trigger characters
 *   open what);
 * - sections.ts: a heading being typed (`#`, `## Pa`): the sections the document still
 *   lacks, in template order, each inserting its heading and its template;
 * - fields.ts: a field being started (a list marker, `**Jo`): the fields the current section
 *   (or the segment the cursor is in) does not have yet;
 * - values.ts: after a field's colon (`**Status**: |`): the field's enum values or examples,
 *   and after a label that names a segment, the segment names other documents define;
 * - snippets.ts: templates as snippets; order.ts: the order of the entries; where.ts: the
 *   sections, segment and field spec at an offset (hover asks too).
 *
 * An empty line offers both sections and fields, led by what is required: the missing
 * required sections, then the current section's missing required fields, the recommended
 * sections, the other fields, and last the optional sections.
 *
 * Everything offered comes from the kind schema (schemas/kinds.ts): section titles,
 * templates, order and required/recommended flags; field titles, descriptions, enums with
 * their aliases and `examples`; the segment labels of `$defs.segment`. Inserted text
 * (headings, templates, field labels, values) is in the document's language, as quick fixes
 * insert it; details and documentation are in the locale the diagnostics use.
 */
import { translator } from '../l10n';
import type { LintResult } from './engine';
import { fieldEntries } from './completion/fields';
import { byGroup } from './completion/order';
import { completionPlace } from './completion/place';
import { sectionEntries } from './completion/sections';
import { texts } from './completion/texts';
import type { CompletionEntry, CompletionOptions, CompletionPlace, EntryContext } from './completion/types';
import { valueEntries } from './completion/values';

export { texts } from './completion/texts';
export type {
  CompletionEntry,
  CompletionEntryKind,
  CompletionOptions,
  CompletionPlace,
  FieldPlace,
  HeadingPlace,
  SegmentNameSource,
  ValuePlace,
} from './completion/types';
export { completionPlace, mayComplete } from './completion/place';
export { fieldSpecAt, sectionChain, segmentAt } from './completion/where';
export { namesSegment, offeredValues, valuesOf, type FieldValue } from './completion/values';
export { sectionStatus } from './completion/sections';
export { templateSnippet } from './completion/snippets';

/** The catalogue's texts, localized here: the l10n bundle reads them from this module (scripts/l10n.ts). */
const text = translator(texts);

/** The completion entries at a place. */
export function completionEntries(
  result: LintResult,
  place: CompletionPlace,
  options: CompletionOptions = {},
): CompletionEntry[] {
  const context: EntryContext = { result, options, text };
  switch (place.type) {
    case 'heading': {
      const fields = place.fields ? fieldEntries(context, place.fields) : [];
      return byGroup([...fields, ...sectionEntries(context, place)]);
    }
    case 'field':
      return byGroup(fieldEntries(context, place));
    case 'value':
      return valueEntries(context, place);
  }
}

/** Where the cursor is and what to offer there, in one call. */
export function completions(
  result: LintResult,
  offset: number,
  options: CompletionOptions & { trigger?: string } = {},
): CompletionEntry[] {
  const place = completionPlace(result, offset, options.trigger);
  return place ? completionEntries(result, place, options) : [];
}
