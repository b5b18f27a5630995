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
import { emptySection } from '../model/build';
import { findMatrices } from '../model/matrix';
import { itemCount, sectionFields } from '../model/items';
import type { Field, Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { normalizeHeading } from '../model/normalize';
import { isPlaceholderValue } from '../model/placeholders';
import { isQuoteBlock, namesSegment, probableHeading, recognizeByContent, recognizeByWords, typoOfName, type MatchHow, type Recognition } from './recognize';
import { canonicalEnum } from './enum-value';
import { re2RegExpEngine } from './linear-regexp';
import { BUILTIN_SOURCE, fieldForKey, sectionForHeading, type FieldSpec, type JsonSchema, type KindSchema, type SectionSpec } from './kinds';

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
  /** How the heading was taken for the section (schemas/recognize.ts). */
  how: MatchHow;
  /** Whether the match is sure; an unsure one counts and is reported by misspelled-section. */
  sure: boolean;
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
  /**
   * For sections no heading stands for: an unmatched heading that probably meant the section
   * (it shares a word with one of its names or holds one of its fields), for messages.
   */
  probable: Map<string, Section>;
}

function newAjv(linear: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    keywords: ['x-segdoc'],
    // Workspace schemas: `pattern` and `patternProperties` run on RE2 (linear time); a
    // pattern RE2 cannot run makes compiling throw UnsupportedPatternError.
    ...(linear ? { code: { regExp: re2RegExpEngine } } : {}),
  });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  return ajv;
}

/** Built-in schemas: native RegExp. */
const builtinAjv = newAjv(false);
/** Workspace schemas: RE2. */
const workspaceAjv = newAjv(true);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Compiles a kind schema (cached). Throws ajv's error when the schema itself is invalid, and
 * UnsupportedPatternError when a workspace schema has a pattern RE2 cannot run.
 */
export function compileKind(kind: KindSchema): ValidateFunction {
  let v = compiled.get(kind.json);
  if (!v) {
    const ajv = kind.source.startsWith(BUILTIN_SOURCE) ? builtinAjv : workspaceAjv;
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
 * Matches the document's headings to its kind's sections, by name, by words and by content
 * (schemas/recognize.ts). A heading may name a section at any depth from 2 down, as long as no
 * ancestor below the title already names one (so `### Segments` inside a segment's body is
 * not mistaken for the Target Segments section); a guess (words, content) is also never made
 * for a heading that holds recognised sections or names a segment.
 */
export function matchSections(doc: SegDocument, kind: KindSchema): KindMatch {
  const matches: SectionMatch[] = [];
  const byId = new Map<string, Section>();
  const claim = (section: Section, r: Recognition): void => {
    section.key = r.spec.id;
    matches.push({ spec: r.spec, section, how: r.how, sure: r.sure });
    if (!byId.has(r.spec.id)) byId.set(r.spec.id, section);
  };
  // 1. By name, over the whole document first.
  const byName = (list: Section[], parentMatched: boolean): void => {
    for (const section of list) {
      let matched = false;
      if (section.heading.depth >= 2 && !parentMatched) {
        const spec = sectionForHeading(kind, section.normalized);
        if (spec) {
          claim(section, { spec, how: 'name', sure: true });
          matched = true;
        }
      }
      byName(section.children, parentMatched || matched);
    }
  };
  byName(doc.sections, false);
  // 2. and 3. By words, then by content, for what no heading names, in document order.
  const claimed = new Set(byId.keys());
  const guess = (list: Section[], recognize: (s: Section) => Recognition | undefined): void => {
    for (const section of list) {
      if (section.key) continue;
      if (section.heading.depth >= 2 && !holdsMatch(section) && !namesSegment(kind, section) && !typoOfName(kind, section.normalized)) {
        const r = recognize(section);
        if (r) {
          claim(section, r);
          claimed.add(r.spec.id);
          continue;
        }
      }
      guess(section.children, recognize);
    }
  };
  guess(doc.sections, (s) => recognizeByWords(kind, s.normalized, claimed));
  guess(doc.sections, (s) => recognizeByContent(doc, kind, s, claimed));
  matches.sort((a, b) => a.section.span.start - b.section.span.start);

  const embedded = embeddedSections(doc, kind, matches, byId);
  for (const section of embedded) byId.set(section.key!, section);

  const fields = new Map<string, Map<string, Field>>();
  const present = [...matches, ...embedded.map((section) => ({ spec: kind.sections.find((s) => s.id === section.key)!, section }))];
  for (const { spec, section } of present) {
    if (byId.get(spec.id) !== section) continue;
    const found = new Map<string, Field>();
    for (const f of sectionFields(section)) {
      const fs = fieldForKey(spec, f.key);
      if (fs && !found.has(fs.id)) found.set(fs.id, f);
    }
    fields.set(spec.id, found);
  }
  return { kind, matches, byId, fields, embedded, probable: probableHeadings(doc, kind, byId) };
}

/** Whether a section or one of its subsections names a section. */
function holdsMatch(section: Section): boolean {
  return section.children.some((c) => c.key !== undefined || holdsMatch(c));
}

/** For every required or recommended section that is missing, the heading that probably meant it. */
function probableHeadings(doc: SegDocument, kind: KindSchema, byId: ReadonlyMap<string, Section>): Map<string, Section> {
  const out = new Map<string, Section>();
  const missing = kind.sections.filter((s) => (s.required || s.recommended) && !byId.has(s.id));
  if (!missing.length) return out;
  const unmatched: Section[] = [];
  const walk = (list: Section[], parentMatched: boolean): void => {
    for (const s of list) {
      if (s.heading.depth >= 2 && !parentMatched && !s.key && !namesSegment(kind, s)) unmatched.push(s);
      walk(s.children, parentMatched || s.key !== undefined);
    }
  };
  walk(doc.sections, false);
  for (const spec of missing) {
    const section = probableHeading(kind, spec, unmatched);
    if (section) out.set(spec.id, section);
  }
  return out;
}

/** `**Decision Criteria** (in priority order):`, `**Decision Criteria:**`, `**Decision Criteria**` alone on a line. */
const LABEL_BLOCK = /^\*\*([^*\n]+?):?\*\*[ \t]*(?:\([^)\n]*\))?[ \t]*:?$/;

/**
 * Sections a template writes as a bold label over a list inside another section instead of
 * under a heading of their own: the comprehensive persona has `**Decision Criteria**
 * (in priority order):` and its numbered list inside "Buying Behavior & Decision Process".
 * When no heading names a section, such a block in a matched section stands for it: a
 * section whose "heading" is the label line and whose content is the list right below it.
 * They count as present (required-section, completeness, completion), and rules about the
 * section's content read its list; they are not in `matches`, which lists headings (order,
 * duplicates, outline).
 */
function embeddedSections(doc: SegDocument, kind: KindSchema, matches: readonly SectionMatch[], byId: ReadonlyMap<string, Section>): Section[] {
  const out: Section[] = [];
  const found = new Set<string>(byId.keys());
  const block = (host: Section, start: number, end: number, spec: SectionSpec, heading: Section['heading'], content: Partial<Section>): void => {
    found.add(spec.id);
    out.push({ ...emptySection({ start, end }, host.level + 1), heading, normalized: normalizeHeading(heading.text), key: spec.id, ...content });
  };
  // Label blocks stand inside matched sections, or directly under the title of a document
  // written with bold labels instead of headings.
  const title = doc.title ? doc.sections.find((s) => s.heading.span.start === doc.title!.span.start) : undefined;
  const hosts = [...matches.map((m) => m.section), ...(title ? [title] : []), doc.preamble];
  for (const section of hosts) {
    for (const p of section.paragraphs) {
      const label = LABEL_BLOCK.exec(p.text)?.[1]?.trim();
      if (!label) continue;
      const normalized = normalizeHeading(label);
      const byWords = recognizeByWords(kind, normalized, found);
      const spec = sectionForHeading(kind, normalized) ?? (byWords?.sure ? byWords.spec : undefined);
      if (!spec || found.has(spec.id)) continue;
      // The list or table must follow the label directly: nothing but white space in between.
      const follows = (b: { span: Span }): boolean => b.span.start >= p.span.end && doc.text.slice(p.span.end, b.span.start).trim() === '';
      const list = section.lists.find(follows);
      const table = list ? undefined : section.tables.find(follows);
      if (!list && !table) continue;
      const labelStart = p.span.start + p.text.indexOf(label);
      const heading = { depth: section.heading.depth + 1, text: label, span: p.span, textSpan: { start: labelStart, end: labelStart + label.length } };
      const body = (list ?? table)!.span;
      const fields = section.fields.filter((f) => f.span.start >= body.start && f.span.end <= body.end);
      block(section, p.span.start, body.end, spec, heading, list ? { lists: [list], fields } : { tables: [table!], fields });
    }
  }
  // A customer quote that opens the document (under the title, before the first section)
  // stands for the kind's quote section when no heading names it.
  const quoteSpec = kind.sections.find((s) => s.schema['x-segdoc']?.content === 'quote' && !found.has(s.id));
  const host = title ?? doc.preamble;
  const quote = quoteSpec ? host.otherBlocks.find((b) => isQuoteBlock(doc, b)) : undefined;
  if (quoteSpec && quote) {
    const heading = { depth: host.heading.depth + 1, text: doc.text.slice(quote.start, quote.end).split(/\r?\n/)[0]!.replace(/^>\s*/, ''), span: quote, textSpan: quote };
    block(host, quote.start, quote.end, quoteSpec, heading, { otherBlocks: [quote] });
  }
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
      if (fs.enum) value = canonicalEnum(fs, value, { strict: spec.metadata }) ?? value;
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
