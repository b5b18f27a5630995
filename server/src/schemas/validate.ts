/**
 * Validating a document against its kind schema with ajv.
 *
 * The model is projected to a small JSON instance — `{ sections: { <id>: { fields, items,
 * empty } } }` — together with a source map from JSON pointers to spans. ajv validates the
 * instance; every error is mapped back through the source map to the text it is about, and
 * to the rule that owns it (`x-segdoc.rule` on the failing schema node, else a default by
 * keyword and place).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { findMatrices } from '../model/matrix';
import type { Field, Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { normalizeHeading } from '../model/normalize';
import { isPlaceholderValue } from '../model/placeholders';
import { fieldForKey, sectionForHeading, type FieldSpec, type JsonSchema, type KindSchema, type SectionSpec } from './kinds';

export interface SchemaIssue {
  /** The rule this issue belongs to, e.g. `required-section`. */
  rule: string;
  keyword: string;
  /** JSON pointer into the projected instance. */
  pointer: string;
  section?: SectionSpec;
  field?: FieldSpec;
  /** The model field behind the value, when the issue is about a value. */
  source?: Field;
  params: Record<string, unknown>;
  span: Span;
  /** ajv's own (English) message, for diagnostics of custom schemas. */
  detail: string;
}

export interface SectionMatch {
  spec: SectionSpec;
  section: Section;
}

/** Result of matching a document's headings to its kind's sections. */
export interface KindMatch {
  kind: KindSchema;
  /** Every heading that names a known section, in document order (duplicates included). */
  matches: SectionMatch[];
  /**
   * First occurrence per section id: the section of a heading, or — when no heading names
   * the section — one embedded in another as a bold label over a list (see `embeddedSections`).
   */
  byId: Map<string, Section>;
  /** The sections in `byId` that are embedded label blocks rather than headings. */
  embedded: Section[];
  /** Model fields matched to a section's field specs: first occurrence per field id. */
  fields: Map<string, Map<string, Field>>;
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, keywords: ['x-segdoc'] });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  return ajv;
}

const ajv = newAjv();
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** Compiles a kind schema (cached). Throws ajv's error when the schema itself is invalid. */
export function compileKind(kind: KindSchema): ValidateFunction {
  let v = compiled.get(kind.json);
  if (!v) {
    // Each kind is compiled on its own instance-free path: remove a previous schema with
    // the same $id so that reloading a changed custom schema works.
    const id = typeof kind.json['$id'] === 'string' ? (kind.json['$id'] as string) : undefined;
    if (id && ajv.getSchema(id)) ajv.removeSchema(id);
    v = ajv.compile(kind.json);
    compiled.set(kind.json, v);
  }
  return v;
}

/**
 * Whether a heading may name a section of the kind: any depth from 2 down, as long as no
 * ancestor below the title already names one (so `### Segments` inside a segment's body is
 * not mistaken for the Target Segments section).
 */
function eligible(section: Section, parentMatched: boolean): boolean {
  return section.heading.depth >= 2 && !parentMatched;
}

export function matchSections(doc: SegDocument, kind: KindSchema): KindMatch {
  const matches: SectionMatch[] = [];
  const byId = new Map<string, Section>();
  const walk = (list: Section[], parentMatched: boolean): void => {
    for (const section of list) {
      let matched = false;
      if (eligible(section, parentMatched)) {
        const spec = sectionForHeading(kind, section.normalized);
        if (spec) {
          section.key = spec.id;
          matches.push({ spec, section });
          if (!byId.has(spec.id)) byId.set(spec.id, section);
          matched = true;
        }
      }
      walk(section.children, parentMatched || matched);
    }
  };
  walk(doc.sections, false);
  const embedded = embeddedSections(doc, kind, matches, byId);
  for (const section of embedded) byId.set(section.key!, section);

  const fields = new Map<string, Map<string, Field>>();
  for (const { spec, section } of matches) {
    if (byId.get(spec.id) !== section) continue;
    const found = new Map<string, Field>();
    for (const f of sectionFields(section)) {
      const fs = fieldForKey(spec, f.key);
      if (fs && !found.has(fs.id)) found.set(fs.id, f);
    }
    fields.set(spec.id, found);
  }
  return { kind, matches, byId, fields, embedded };
}

/** `**Decision Criteria** (in priority order):`, `**Decision Criteria:**`, `**Decision Criteria**` alone on a line. */
const LABEL_BLOCK = /^\*\*([^*\n]+?):?\*\*[ \t]*(?:\([^)\n]*\))?[ \t]*:?$/;

/**
 * Sections a template writes as a bold label over a list inside another section instead of
 * under a heading of their own: seed 002's comprehensive persona has `**Decision Criteria**
 * (in priority order):` and its numbered list inside "Buying Behavior & Decision Process".
 * When no heading names a section, such a block in a matched section stands for it: a
 * section whose "heading" is the label line and whose content is the list right below it.
 * They count as present (required-section, completeness, completion), and rules about the
 * section's content read its list; they are not in `matches`, which lists headings (order,
 * duplicates, outline).
 */
function embeddedSections(doc: SegDocument, kind: KindSchema, matches: readonly SectionMatch[], byId: ReadonlyMap<string, Section>): Section[] {
  const out: Section[] = [];
  const found = new Set<string>();
  for (const { section } of matches) {
    for (const p of section.paragraphs) {
      const label = LABEL_BLOCK.exec(p.text)?.[1]?.trim();
      if (!label) continue;
      const normalized = normalizeHeading(label);
      const spec = sectionForHeading(kind, normalized);
      if (!spec || byId.has(spec.id) || found.has(spec.id)) continue;
      // The list must follow the label directly: nothing but white space in between.
      const list = section.lists.find((l) => l.span.start >= p.span.end && doc.text.slice(p.span.end, l.span.start).trim() === '');
      if (!list) continue;
      found.add(spec.id);
      const labelStart = p.span.start + p.text.indexOf(label);
      out.push({
        heading: { depth: section.heading.depth + 1, text: label, span: p.span, textSpan: { start: labelStart, end: labelStart + label.length } },
        normalized,
        key: spec.id,
        span: { start: p.span.start, end: list.span.end },
        fields: [],
        lists: [list],
        tables: [],
        paragraphs: [],
        otherBlocks: [],
        children: [],
        level: section.level + 1,
      });
    }
  }
  return out;
}

/** Fields of a section and of its subsections that do not name a section themselves. */
export function sectionFields(section: Section): Field[] {
  const out = [...section.fields];
  for (const c of section.children) if (!c.key) out.push(...sectionFields(c));
  return out;
}

/** Whether a section has any content of its own or in its subsections. */
export function hasContent(section: Section): boolean {
  return (
    section.fields.length > 0 ||
    section.lists.length > 0 ||
    section.tables.length > 0 ||
    section.paragraphs.length > 0 ||
    section.otherBlocks.length > 0 ||
    section.children.some(hasContent)
  );
}

/** Number of top-level list items in the section (and its unnamed subsections). */
function itemCount(section: Section): number {
  let n = 0;
  for (const l of section.lists) n += l.items.length;
  for (const c of section.children) if (!c.key) n += itemCount(c);
  return n;
}

/** Canonical value of an enum field: every part of `A + B / C (note)` must be a known value. */
export function canonicalEnum(spec: FieldSpec, raw: string): string | undefined {
  const key = (p: string): string => p.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const cleaned = raw.replace(/\([^)]*\)/g, ' ').replace(/[*_`"«»]/g, ' ');
  // A value with separators inside it ("Лицо, принимающее решение") is tried whole first.
  const whole = spec.enumKeys.get(key(cleaned));
  if (whole) return whole;
  const parts = cleaned
    .split(/\s*(?:[+/,;]| and | и | or | или )\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return undefined;
  let first: string | undefined;
  for (const p of parts) {
    const v = spec.enumKeys.get(key(p));
    if (!v) return undefined;
    first ??= v;
  }
  return first;
}

interface Projection {
  instance: { sections: Record<string, { fields: Record<string, string>; items: number; empty: boolean }>; matrices: number };
  spans: Map<string, Span>;
  placeholders: Set<string>;
  sources: Map<string, Field>;
}

function project(doc: SegDocument, match: KindMatch): Projection {
  const spans = new Map<string, Span>();
  const placeholders = new Set<string>();
  const sources = new Map<string, Field>();
  const sections: Projection['instance']['sections'] = {};
  for (const [id, section] of match.byId) {
    const spec = match.kind.sections.find((s) => s.id === id)!;
    const base = `/sections/${id}`;
    spans.set(base, section.heading.span);
    spans.set(`${base}/fields`, section.heading.span);
    const fields: Record<string, string> = {};
    for (const [fid, f] of match.fields.get(id) ?? []) {
      const fs = spec.fields.find((x) => x.id === fid)!;
      const pointer = `${base}/fields/${fid}`;
      let value = f.value.text;
      if (fs.enum) value = canonicalEnum(fs, value) ?? value;
      fields[fid] = value;
      spans.set(pointer, f.value.text ? f.value.span : f.span);
      sources.set(pointer, f);
      if (isPlaceholderValue(f.value.text, doc.definitions)) placeholders.add(pointer);
    }
    const firstList = section.lists[0];
    spans.set(`${base}/items`, firstList ? firstList.span : section.heading.span);
    sections[id] = { fields, items: itemCount(section), empty: !hasContent(section) };
  }
  spans.set('/sections', doc.title?.span ?? { start: 0, end: 0 });
  spans.set('', doc.title?.span ?? { start: 0, end: 0 });
  spans.set('/matrices', doc.title?.span ?? { start: 0, end: 0 });
  return { instance: { sections, matrices: findMatrices(doc).length }, spans, placeholders, sources };
}

function xRule(schema: unknown): string | undefined {
  const x = (schema as JsonSchema | undefined)?.['x-segdoc'];
  return x?.rule;
}

/** The section a top-level schema node is about (`x-segdoc.section`), e.g. `/matrices` → matrix. */
function xSection(kind: KindSchema, schema: unknown): SectionSpec | undefined {
  const id = (schema as JsonSchema | undefined)?.['x-segdoc']?.section;
  return id ? kind.sections.find((s) => s.id === id) : undefined;
}

/** Validates the document against its kind schema and maps every error to a rule and a span. */
export function validateKind(doc: SegDocument, match: KindMatch): SchemaIssue[] {
  const validate = compileKind(match.kind);
  const { instance, spans, placeholders, sources } = project(doc, match);
  validate(instance);
  const issues: SchemaIssue[] = [];
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    const segs = e.instancePath.split('/').slice(1);
    const section =
      segs[0] === 'sections' && segs[1] ? match.kind.sections.find((s) => s.id === segs[1]) : xSection(match.kind, e.parentSchema);
    let pointer = e.instancePath;
    let rule: string | undefined = xRule(e.parentSchema);
    let field: FieldSpec | undefined;
    if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      if (segs.length === 1 && segs[0] === 'sections') {
        const spec = match.kind.sections.find((s) => s.id === missing);
        issues.push({
          rule: 'required-section',
          keyword: e.keyword,
          pointer: `/sections/${missing}`,
          ...(spec ? { section: spec } : {}),
          params: e.params,
          span: spans.get('/sections')!,
          detail: e.message ?? '',
        });
        continue;
      }
      if (section && segs[2] === 'fields') {
        field = section.fields.find((f) => f.id === missing);
        rule = xRule(field?.schema) ?? (section.metadata ? 'metadata' : 'required-field');
        pointer = `${e.instancePath}/${missing}`;
      }
    } else if (section && segs[2] === 'fields' && segs[3]) {
      if (placeholders.has(e.instancePath)) continue; // reported once, by the placeholder rule
      field = section.fields.find((f) => f.id === segs[3]);
      rule ??= 'metadata';
    }
    const span = spans.get(e.instancePath) ?? spans.get(segs.slice(0, 2).map((s) => `/${s}`).join('')) ?? { start: 0, end: 0 };
    const source = sources.get(pointer);
    issues.push({
      rule: rule ?? 'schema',
      keyword: e.keyword,
      pointer,
      ...(section ? { section } : {}),
      ...(field ? { field } : {}),
      ...(source ? { source } : {}),
      params: e.params,
      span,
      detail: e.message ?? '',
    });
  }
  return issues;
}
