/**
 * Field labels, offered where a field is being started (a list marker, `**Jo`) or on an empty
 * line: the fields the current section (or the segment the cursor is in) does not have yet.
 */
import { sectionFields } from '../../model/items';
import type { Span } from '../../parse/text';
import { fieldForKey, pick } from '../../schemas/kinds';
import { fieldLine } from '../../rules/util/insert';
import type { LintResult } from '../engine';
import { sortKey } from './order';
import type { CompletionEntry, EntryContext, FieldPlace } from './types';
import { keyedSection, sectionChain, segmentAt } from './where';

/** The fields to offer at `span`: the segment's missing fields inside a segment, else the section's. */
export function fieldPlace(result: LintResult, span: Span, marker: boolean): FieldPlace {
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

export function fieldEntries({ result, text }: EntryContext, place: FieldPlace): CompletionEntry[] {
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
