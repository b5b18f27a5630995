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
import { LinearRegExp } from './linear-regexp';
import { resolveRefs } from './refs';

/** How the built-in schemas' `source` starts (`builtin:persona`); every other schema is the workspace's. */
export const BUILTIN_SOURCE = 'builtin:';

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
  /** On a segment field (`$defs.segment`): what the field tells about a segment (`size`, `needs`, `firmographic`, …). */
  category?: string;
  /**
   * On a section: `defines` when every heading directly under it is a segment (Target
   * Segments), `describes` when headings under it named after a segment add to that segment
   * (Segment Strategy).
   */
  segments?: 'defines' | 'describes';
  /**
   * On a section: content that makes a section this one whatever its heading says —
   * `research` (interviews, surveys, deal reviews with counts), `quote` (a customer quote
   * alone), `jtbd` (a jobs-to-be-done statement), `positioning` (a positioning statement in
   * prose). See schemas/recognize.ts.
   */
  content?: 'research' | 'quote' | 'jtbd' | 'positioning';
  /**
   * On a section: labels its content uses (`Pipeline`, `NRR`, `Communities`); a section
   * whose fields or table rows name two or more of them is this section (schemas/recognize.ts).
   */
  terms?: string[];
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
  /** Segment fields only: what the field tells about a segment (`x-segdoc.category`). */
  category?: string;
  schema: JsonSchema;
}

/**
 * What a kind says about segments (`$defs.segment` in its schema): the labels that name a
 * segment (`**Segment**: Name`, `### Segment 1: Name`) and the sections that hold them.
 */
export interface SegmentSpec {
  title: Localized;
  description: Localized;
  /** Every label that names a segment, as written (titles and aliases, both languages). */
  names: string[];
  /** The same labels normalised. */
  keys: Set<string>;
  /** Ids of the sections whose direct subheadings are segments (`x-segdoc.segments: defines`). */
  sections: string[];
  /** Ids of the sections whose subheadings add to the segment they name (`segments: describes`). */
  detailSections: string[];
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
  /** The segment vocabulary, when the kind has segments (`$defs.segment`). */
  segment?: SegmentSpec;
  /** The fields a segment can have, with their categories; empty when the kind has no segments. */
  segmentFields: FieldSpec[];
  /** Where the schema came from (a path, or `builtin:persona`). */
  source: string;
  /** The schema, its `$ref`s resolved (schemas/refs.ts). */
  json: JsonSchema;
  /**
   * For a kind that extends a built-in kind (`"extends"` in `.segdoc.json`,
   * services/config/extend.ts): that kind's id. What is said of the built-in kind (a rule's
   * `kinds`, the kind's own readers) is meant for it too: see {@link kindFamily}.
   */
  base?: string;
  /** An extended kind's own rule settings, over the config's `rules` (the engine's `RuleSetting`s by rule id). */
  rules?: Readonly<Record<string, unknown>>;
}

/** The built-in kind a kind is or extends: what rules' `kinds` lists and kind-specific readers compare. */
export function kindFamily(kind: Pick<KindSchema, 'kind' | 'base'>): string {
  return kind.base ?? kind.kind;
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
    ...(x.category ? { category: x.category } : {}),
    schema,
  };
}

/** Reads `$defs.segment`: the segment labels and fields, and the sections that hold segments. */
function segmentSpec(json: JsonSchema, sections: SectionSpec[]): { segment?: SegmentSpec; segmentFields: FieldSpec[] } {
  const defs = json['$defs'] as Record<string, JsonSchema> | undefined;
  const node = defs?.['segment'];
  if (!node) return { segmentFields: [] };
  const x = node['x-segdoc'] ?? {};
  const title = localized(x.title, node.title ?? 'Segment');
  const names = [title.en, title.ru, ...(x.aliases ?? [])];
  const fieldsNode = node.properties?.['fields'];
  const segmentFields = Object.entries(fieldsNode?.properties ?? {}).map(([id, f]) => fieldSpec(id, f, false));
  const holding = (how: 'defines' | 'describes'): string[] => sections.filter((s) => s.schema['x-segdoc']?.segments === how).map((s) => s.id);
  return {
    segment: {
      title,
      description: localized(x.description, node.description),
      names,
      keys: new Set(names.map(normalizeKey)),
      sections: holding('defines'),
      detailSections: holding('describes'),
    },
    segmentFields,
  };
}

/**
 * Reads the typed view of a kind schema. Throws with a clear message when it is malformed.
 * Its `$ref`s within the file are resolved first (schemas/refs.ts; a workspace schema's
 * references to other files are resolved by the config loader before), so `json` is the
 * resolved tree.
 */
export function readKindSchema(schema: JsonSchema, source: string): KindSchema {
  const json = resolveRefs(schema);
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
  // Built-in patterns are ours; a workspace schema's run on RE2 (linear time), and one RE2
  // cannot run (lookaround, backreferences) is refused (services/config.ts reports it).
  const builtin = source.startsWith(BUILTIN_SOURCE);
  const headingPatterns = (x.detect?.headings ?? []).map((p) => {
    try {
      new RegExp(p, 'iu');
    } catch {
      throw new Error(`${source}: "x-segdoc.detect.headings" has an invalid regular expression: ${p}`);
    }
    return builtin ? new RegExp(p, 'iu') : new LinearRegExp(p, 'iu');
  });
  const segments = segmentSpec(json, sections);
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
    ...(segments.segment ? { segment: segments.segment } : {}),
    segmentFields: segments.segmentFields,
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
