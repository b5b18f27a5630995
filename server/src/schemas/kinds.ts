/**
 * Kind schemas: the JSON schemas in schemas/ are the single source of each kind's sections,
 * aliases, descriptions, templates, fields and checks. This module reads them into a typed
 * view ({@link KindSchema}); hover, completion, snippets, quick fixes and the rules all use
 * that view and keep no lists of their own.
 *
 * The segdoc-specific metadata lives under the `x-segdoc` keyword, which ajv is told about
 * so that schemas stay valid JSON Schema (2020-12) for any other tool.
 */
import { normalizeHeading, normalizeKey } from '../model/normalize';
import type { Language } from '../model/types';

export type Localized = { en: string; ru: string };

/** In the schema files, long texts (templates) may be written as arrays of lines. */
type LocalizedSource = { en?: string | string[]; ru?: string | string[] };

/** What a JSON schema node can say under `x-segdoc`. */
export interface XSegdoc {
  kind?: string;
  title?: LocalizedSource;
  description?: LocalizedSource;
  aliases?: string[];
  order?: number;
  recommended?: boolean;
  metadata?: boolean;
  template?: LocalizedSource;
  enumAliases?: Record<string, string[]>;
  rule?: string;
  /** On a top-level node: the section the node stands for (for messages and fixes). */
  section?: string;
  detect?: { headings?: string[]; files?: string[] };
  titleTemplate?: LocalizedSource;
  ordered?: boolean;
  /** Heading depth sections of this kind are written at (2 for `##`). */
  sectionDepth?: number;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  'x-segdoc'?: XSegdoc;
  [k: string]: unknown;
}

export interface FieldSpec {
  id: string;
  title: Localized;
  description: Localized;
  /** Normalised labels that name this field (titles and aliases, both languages). */
  keys: Set<string>;
  required: boolean;
  enum?: string[];
  /** Normalised alias → canonical enum value. */
  enumKeys: Map<string, string>;
  /**
   * Every spelling of every enum value as the schema writes it (canonical value first, then
   * its aliases), so that a quick fix can write a value in the language the user typed.
   */
  enumNames: Array<{ name: string; value: string }>;
  format?: string;
  rule?: string;
  schema: JsonSchema;
}

export interface SectionSpec {
  id: string;
  title: Localized;
  description: Localized;
  keys: Set<string>;
  /** Every name a user could write, for the misspelled-section rule. */
  names: string[];
  order: number;
  required: boolean;
  recommended: boolean;
  metadata: boolean;
  template: Localized;
  fields: FieldSpec[];
  schema: JsonSchema;
}

export interface KindSchema {
  kind: string;
  title: Localized;
  description: Localized;
  /** Regular expressions matched against the first H1 to detect the kind. */
  headingPatterns: RegExp[];
  filePatterns: string[];
  titleTemplate: Localized;
  /** Whether section-order applies. */
  ordered: boolean;
  sectionDepth: number;
  sections: SectionSpec[];
  /** Where the schema came from (a path, or `builtin:persona`). */
  source: string;
  json: JsonSchema;
}

function text(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join('\n') : v;
}

function localized(v: LocalizedSource | undefined, fallback: string | undefined): Localized {
  const en = text(v?.en) ?? fallback ?? '';
  return { en, ru: text(v?.ru) ?? en };
}

function fieldSpec(id: string, schema: JsonSchema, required: boolean): FieldSpec {
  const x = schema['x-segdoc'] ?? {};
  const title = localized(x.title, schema.title ?? id);
  const keys = new Set([title.en, title.ru, ...(x.aliases ?? [])].map(normalizeKey));
  const enumKeys = new Map<string, string>();
  const enumNames: FieldSpec['enumNames'] = [];
  const values = Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : undefined;
  for (const v of values ?? []) {
    enumKeys.set(normalizeKey(v), v);
    enumNames.push({ name: v, value: v });
    for (const a of x.enumAliases?.[v] ?? []) {
      enumKeys.set(normalizeKey(a), v);
      enumNames.push({ name: a, value: v });
    }
  }
  return {
    id,
    title,
    description: localized(x.description, schema.description),
    keys,
    required,
    ...(values ? { enum: values } : {}),
    enumKeys,
    enumNames,
    ...(schema.format ? { format: schema.format } : {}),
    ...(x.rule ? { rule: x.rule } : {}),
    schema,
  };
}

/** Reads the typed view of a kind schema. Throws with a clear message when it is malformed. */
export function readKindSchema(json: JsonSchema, source: string): KindSchema {
  const x = json['x-segdoc'];
  if (!x?.kind) throw new Error(`${source}: the schema has no "x-segdoc": { "kind": … }`);
  const sectionsNode = json.properties?.['sections'];
  if (!sectionsNode?.properties) throw new Error(`${source}: the schema has no "properties.sections.properties"`);
  const requiredSections = new Set(sectionsNode.required ?? []);
  const sections: SectionSpec[] = Object.entries(sectionsNode.properties).map(([id, s], index) => {
    const sx = s['x-segdoc'] ?? {};
    const title = localized(sx.title, s.title ?? id);
    const names = [title.en, title.ru, ...(sx.aliases ?? [])];
    const fieldsNode = s.properties?.['fields'];
    const requiredFields = new Set(fieldsNode?.required ?? []);
    return {
      id,
      title,
      description: localized(sx.description, s.description),
      keys: new Set(names.map(normalizeHeading)),
      names,
      order: sx.order ?? index + 1,
      required: requiredSections.has(id),
      recommended: sx.recommended === true,
      metadata: sx.metadata === true,
      template: localized(sx.template, ''),
      fields: Object.entries(fieldsNode?.properties ?? {}).map(([fid, f]) => fieldSpec(fid, f, requiredFields.has(fid))),
      schema: s,
    };
  });
  sections.sort((a, b) => a.order - b.order);
  const headingPatterns = (x.detect?.headings ?? []).map((p) => {
    try {
      return new RegExp(p, 'iu');
    } catch {
      throw new Error(`${source}: "x-segdoc.detect.headings" has an invalid regular expression: ${p}`);
    }
  });
  return {
    kind: x.kind,
    title: localized(x.title, json.title ?? x.kind),
    description: localized(x.description, json.description),
    headingPatterns,
    filePatterns: x.detect?.files ?? [],
    titleTemplate: localized(x.titleTemplate, `# ${json.title ?? x.kind}`),
    ordered: x.ordered === true,
    sectionDepth: x.sectionDepth ?? 2,
    sections,
    source,
    json,
  };
}

/** Section spec whose names include the normalised heading, if any. */
export function sectionForHeading(kind: KindSchema, normalized: string): SectionSpec | undefined {
  return kind.sections.find((s) => s.keys.has(normalized));
}

export function fieldForKey(section: SectionSpec, key: string): FieldSpec | undefined {
  return section.fields.find((f) => f.keys.has(key));
}

export function pick(l: Localized, lang: Language): string {
  return l[lang] || l.en;
}
