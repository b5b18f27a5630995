/**
 * Names the content rules read from the kind schemas, which are the single source of names
 * and aliases: TAM / SAM / SOM in Market Analysis, the GTM motions, the parts of a
 * positioning statement. A document of another kind (or of a custom kind whose schema does
 * not describe them) is read with the built-in GTM schema's names.
 */
import type { Localized } from '../../schemas/kinds';
import { builtinKind } from '../../schemas/builtin';
import type { FieldSpec, KindSchema, SectionSpec } from '../../schemas/kinds';

/** A section of the kind, else of the built-in GTM kind. */
export function gtmSection(kind: KindSchema, id: string): SectionSpec | undefined {
  return kind.sections.find((s) => s.id === id) ?? builtinKind('gtm')?.sections.find((s) => s.id === id);
}

/** A field of a section (see gtmSection). */
export function gtmField(kind: KindSchema, sectionId: string, fieldId: string): FieldSpec | undefined {
  const own = kind.sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId);
  return (
    own ??
    builtinKind('gtm')
      ?.sections.find((s) => s.id === sectionId)
      ?.fields.find((f) => f.id === fieldId)
  );
}

/** Every name of a field as the schema writes it: titles in both languages, then aliases. */
export function fieldNames(field: FieldSpec): string[] {
  const aliases = (field.schema['x-segdoc']?.aliases ?? []) as string[];
  return [...new Set([field.title.en, field.title.ru, ...aliases])];
}

/** One part of a positioning statement, as `x-segdoc.statement` on the positioning section declares it. */
export interface StatementPart {
  id: string;
  title: Localized;
  /** Words a line of this part starts with (`For`, `Для`, `В отличие от`). */
  aliases: string[];
  /** The line a fix inserts when the part is missing. */
  template: Localized;
}

/**
 * The parts of a positioning statement (Geoffrey Moore; the GTM template's "Positioning Strategy"), in
 * order, from the positioning section's `x-segdoc.statement`.
 */
export function statementParts(kind: KindSchema): StatementPart[] {
  let parts = partsOf.get(kind);
  if (!parts) partsOf.set(kind, (parts = readStatementParts(kind)));
  return parts;
}

/** Per kind: a kind schema is read once and not changed afterwards. */
const partsOf = new WeakMap<KindSchema, StatementPart[]>();

function readStatementParts(kind: KindSchema): StatementPart[] {
  const spec = gtmSection(kind, 'positioning');
  const raw = (spec?.schema['x-segdoc'] as { statement?: unknown } | undefined)?.statement;
  if (!Array.isArray(raw)) return [];
  const out: StatementPart[] = [];
  for (const p of raw as Array<Record<string, unknown>>) {
    const title = p['title'] as Partial<Localized> | undefined;
    const template = p['template'] as Partial<Localized> | undefined;
    if (typeof p['id'] !== 'string' || !title?.en || !template?.en) continue;
    const aliases = Array.isArray(p['aliases'])
      ? (p['aliases'] as unknown[]).filter((a): a is string => typeof a === 'string')
      : [];
    out.push({
      id: p['id'],
      title: { en: title.en, ru: title.ru ?? title.en },
      aliases,
      template: { en: template.en, ru: template.ru ?? template.en },
    });
  }
  return out;
}
