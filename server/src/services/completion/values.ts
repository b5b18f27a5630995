/**
 * Values, offered after a field's colon (`**Status**: |`): the field's enum values in the
 * document's language and canonical English, or the schema's examples; after a label that
 * names a segment (`**Segment**: |`), the segment names other documents define. The
 * document's own segments are not offered there: in a document that defines segments, that
 * line defines one.
 */
import { readField } from '../../model/fragment';
import { cyrillicShare } from '../../model/normalize';
import { segmentNameKey } from '../../model/segments';
import type { Language } from '../../model/types';
import { builtinKinds } from '../../schemas/builtin';
import { pick, type FieldSpec, type KindSchema } from '../../schemas/kinds';
import type { LintResult } from '../engine';
import { pad } from './order';
import type { CompletionEntry, EntryContext, ValuePlace } from './types';
import { fieldSpecAt } from './where';

const MARKER = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
const LABEL_END = /^(?:\*\*[ \t]*:|:\*\*|:)/;

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
  const examples = Array.isArray(spec.schema['examples'])
    ? (spec.schema['examples'] as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
  const aliases = spec.schema['x-segdoc']?.enumAliases ?? {};
  return examples.flatMap((v) => [
    { name: v, value: v, source: 'example' as const },
    ...(aliases[v] ?? []).map((a) => ({ name: a, value: v, source: 'example' as const })),
  ]);
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

/** Whether a normalised label names a segment in some kind (`Segment`, `Сегмент`, `Segment Definition`). */
export function namesSegment(key: string, kinds: readonly KindSchema[]): boolean {
  return kinds.some((k) => k.segment?.keys.has(key));
}

/** The value place on the line from `lineStart` to `lineEnd`, when the cursor is after a label with values to offer. */
export function valuePlace(result: LintResult, lineStart: number, lineEnd: number, offset: number): ValuePlace | undefined {
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

export function valueEntries(context: EntryContext, place: ValuePlace): CompletionEntry[] {
  return place.segment ? segmentNameEntries(context, place) : enumEntries(context, place);
}

/** The segment names other documents define, each once. */
function segmentNameEntries({ result, options, text }: EntryContext, place: ValuePlace): CompletionEntry[] {
  const { doc, locale } = result;
  const lead = place.space ? ' ' : '';
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
      range: doc.lines.rangeOf(place.span),
      filterText: s.name,
      sortText: pad(out.length),
    });
  }
  return out;
}

/** The field's enum values or examples, in the document's language. */
function enumEntries({ result, text }: EntryContext, place: ValuePlace): CompletionEntry[] {
  const { doc, locale } = result;
  const lead = place.space ? ' ' : '';
  const spec = place.spec!;
  const fieldTitle = pick(spec.title, locale);
  return offeredValues(spec, doc.language).map((v, i): CompletionEntry => {
    const documentation = pick(spec.description, locale);
    return {
      label: v.name,
      kind: v.source,
      detail:
        v.name === v.value
          ? text('value', locale, { field: fieldTitle })
          : text('valueOf', locale, { field: fieldTitle, value: v.value }),
      ...(documentation ? { documentation } : {}),
      newText: lead + v.name,
      snippet: false,
      span: place.span,
      range: doc.lines.rangeOf(place.span),
      filterText: v.name,
      sortText: pad(i),
    };
  });
}
