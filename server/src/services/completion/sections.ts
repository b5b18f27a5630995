/**
 * Sections, offered where a heading is being typed (`#`, `## Pa`) or on an empty line: the
 * sections the document still lacks, in template order, each inserting its heading (at the
 * depth the document uses) and its template, in the document's language.
 */
import { pick, type SectionSpec } from '../../schemas/kinds';
import { sectionDepth } from '../../rules/util/insert';
import { sortKey } from './order';
import { escapeSnippet, templateSnippet } from './snippets';
import type { CompletionEntry, EntryContext, HeadingPlace } from './types';

/** Whether a section of the kind is required, recommended or optional, as the texts name it. */
export function sectionStatus(spec: SectionSpec): 'requiredSection' | 'recommendedSection' | 'optionalSection' {
  return spec.required ? 'requiredSection' : spec.recommended ? 'recommendedSection' : 'optionalSection';
}

export function sectionEntries({ result, options, text }: EntryContext, place: HeadingPlace): CompletionEntry[] {
  const { doc, match, detection, locale } = result;
  const kind = detection!.kind;
  const language = doc.language;
  const depth = sectionDepth(kind, match!);
  const eol = doc.lines.eol;
  const line = doc.lines.lineAt(place.span.start);
  const nextLine =
    line + 1 < doc.lines.lineCount ? doc.text.slice(doc.lines.lineStart(line + 1), doc.lines.lineEnd(line + 1)) : '';
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
    const status = sectionStatus(spec);
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
      range: doc.lines.rangeOf(place.span),
      filterText: place.typed ? `${place.typed} ${title}` : title,
      sortText: sortKey(status, i),
    };
  });
}
