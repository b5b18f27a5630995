/**
 * Templates of new documents and of the blocks inside them, built from the kind schemas and
 * nothing else: the snippets (scripts/gen-snippets.ts) and the editor's "New Document"
 * command (`segdoc/template`) both come from here, so neither keeps template text of its own.
 *
 * Every kind has its default document template: the title template, then every section the
 * kind requires, in template order, each as the required-section quick fix inserts it. A
 * kind schema may list more templates under `x-segdoc.templates`:
 *
 *   - a document variant names its sections (`"sections": ["executive-summary", …]`), in the
 *     order it writes them — the comprehensive persona (docs/methodology.md);
 *   - a block names the section it belongs in (`"block": "objections"`) and has its own
 *     `template`, or, without one, is that section's template body — a pain point, an
 *     objection, a JTBD statement, a positioning statement, a hybrid segment.
 *
 * Each entry has a snippet prefix, and a title and description in English and Russian.
 * Plain functions over plain data: the language server and the generator call them alike.
 */
import { buildDocument } from '../model/build';
import type { Language } from '../model/types';
import { LOCALES } from '../l10n';
import { sectionText } from '../rules/util/insert';
import { builtinKinds } from '../schemas/builtin';
import { detectKind } from '../schemas/detect';
import { pick, type KindSchema, type Localized, type SectionSpec } from '../schemas/kinds';

export const LANGUAGES: readonly Language[] = LOCALES;

/** The variant every kind has: its required sections. */
export const DEFAULT_VARIANT = 'default';

export interface TemplateSpec {
  /** `default`, or the id the schema gives (`comprehensive`, `pain-point`). */
  id: string;
  /** The snippet prefix in English; the Russian one adds `-ru`. */
  prefix: string;
  title: Localized;
  description: Localized;
  /** For a block: the id of the section it belongs in. */
  block?: string;
  /** For a document: its sections, in the order it writes them. */
  sections?: SectionSpec[];
  /** For a block: its text (the section's template body when the schema gives none). */
  template?: Localized;
}

/** What a schema may write in an `x-segdoc.templates` entry. */
interface TemplateSource {
  id?: unknown;
  prefix?: unknown;
  title?: unknown;
  description?: unknown;
  block?: unknown;
  sections?: unknown;
  template?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ en, ru }` where each may be written as an array of lines, as elsewhere in the schemas. */
function localized(v: unknown, what: string): Localized {
  const text = (x: unknown): string | undefined =>
    typeof x === 'string' ? x : Array.isArray(x) && x.every((l) => typeof l === 'string') ? x.join('\n') : undefined;
  const en = isRecord(v) ? text(v['en']) : undefined;
  if (en === undefined) throw new Error(`${what} needs { "en": …, "ru": … }`);
  return { en, ru: (isRecord(v) ? text(v['ru']) : undefined) ?? en };
}

/** The sections a new document of the default variant has: the required ones, in template order. */
export function requiredSections(kind: KindSchema): SectionSpec[] {
  const wanted = new Set(kind.sections.filter((s) => s.required).map((s) => s.id));
  // A required top-level property that stands for a section (`x-segdoc.section`), such as
  // the prioritization kind's `matrices`, makes that section's template part of the document.
  for (const name of kind.json.required ?? []) {
    const section = kind.json.properties?.[name]?.['x-segdoc']?.section;
    if (section) wanted.add(section);
  }
  return kind.sections.filter((s) => wanted.has(s.id));
}

/**
 * Every template of a kind: the default document first, then the schema's entries in the
 * order it lists them. Throws with a clear message when an entry is malformed (an unknown
 * section, a block without text), so a schema mistake fails the generator and the tests.
 */
export function templateSpecs(kind: KindSchema): TemplateSpec[] {
  const specs: TemplateSpec[] = [
    {
      id: DEFAULT_VARIANT,
      prefix: kind.kind,
      title: kind.title,
      description: kind.description,
      sections: requiredSections(kind),
    },
  ];
  const raw = (kind.json['x-segdoc'] as { templates?: unknown } | undefined)?.templates;
  if (raw === undefined) return specs;
  if (!Array.isArray(raw)) throw new Error(`${kind.source}: "x-segdoc.templates" must be an array`);
  const byId = new Map(kind.sections.map((s) => [s.id, s]));
  for (const [i, entry] of (raw as TemplateSource[]).entries()) {
    const where = `${kind.source}: x-segdoc.templates[${i}]`;
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.prefix !== 'string')
      throw new Error(`${where} needs an "id" and a "prefix"`);
    if (specs.some((s) => s.id === entry.id || s.prefix === entry.prefix))
      throw new Error(`${where}: "${entry.id}" repeats an id or a prefix`);
    const spec: TemplateSpec = {
      id: entry.id,
      prefix: entry.prefix,
      title: localized(entry.title, `${where}.title`),
      description: localized(entry.description, `${where}.description`),
    };
    const section = (id: unknown): SectionSpec => {
      const s = typeof id === 'string' ? byId.get(id) : undefined;
      if (!s) throw new Error(`${where} names a section the kind does not have: ${JSON.stringify(id)}`);
      return s;
    };
    if (entry.block !== undefined) {
      const home = section(entry.block);
      spec.block = home.id;
      spec.template = entry.template === undefined ? home.template : localized(entry.template, `${where}.template`);
      if (!spec.template.en.trim()) throw new Error(`${where}: the block has no text (and its section no template)`);
    } else if (Array.isArray(entry.sections) && entry.sections.length) {
      spec.sections = entry.sections.map(section);
    } else {
      throw new Error(`${where} needs "block" (a section id) or "sections" (a list of section ids)`);
    }
    specs.push(spec);
  }
  return specs;
}

/** One template of a kind by id; undefined when the kind has no such template. */
export function templateSpec(kind: KindSchema, id: string = DEFAULT_VARIANT): TemplateSpec | undefined {
  return templateSpecs(kind).find((s) => s.id === id);
}

/**
 * Whether a document starting with the kind's title template alone is detected as the kind,
 * among the built-in kinds (the kind standing in for a built-in one of its name).
 */
function titleDetects(kind: KindSchema, language: Language): boolean {
  const builtin = builtinKinds();
  const kinds = builtin.some((k) => k.kind === kind.kind)
    ? builtin.map((k) => (k.kind === kind.kind ? kind : k))
    : [...builtin, kind];
  const doc = buildDocument(`${pick(kind.titleTemplate, language)}\n`, { path: 'untitled.md' });
  return detectKind(doc, kinds)?.kind === kind;
}

/**
 * The plain Markdown of a template (what its snippet inserts when every placeholder keeps
 * its text). A document starts with the title template; when that title alone would not be
 * recognised (an untitled buffer has no telling file name), segdoc front matter says the kind.
 */
export function templateText(kind: KindSchema, spec: TemplateSpec, language: Language): string {
  if (spec.block !== undefined) return `${pick(spec.template!, language)}\n`;
  const parts = [pick(kind.titleTemplate, language) + '\n'];
  for (const section of spec.sections ?? []) parts.push(sectionText(section, kind.sectionDepth, language));
  const body = parts.join('\n');
  return titleDetects(kind, language) ? body : `---\nsegdoc: ${kind.kind}\n---\n\n${body}`;
}

/**
 * What counts as a placeholder inside a template: `[Text]` (with an optional `$` before it,
 * which stays literal so that typing `2M` gives `$2M`) and date templates. Links, task-list
 * boxes and footnotes are not placeholders. This deliberately does not reuse the
 * `placeholder` rule's finder: that one must be conservative about `[label]: …` in user text
 * (it could be a link definition), while in a template every bracket is a placeholder.
 */
const PLACEHOLDER = /\[([^[\]\n]{1,120})\](?!\()|\b(?:YYYY-MM-DD|YYYY-MM|DD\.MM\.YYYY|ГГГГ-ММ-ДД|ДД\.ММ\.ГГГГ)\b/gu;

function isPlaceholder(match: RegExpExecArray): boolean {
  const inner = match[1];
  if (inner === undefined) return true;
  return !/^[ xX]$/.test(inner) && !inner.startsWith('^');
}

/** Escapes text for a snippet body: `$`, `}` and `\` are special in the snippet grammar. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * Turns plain template text into snippet text: each placeholder becomes a tabstop whose
 * default text is the placeholder itself, numbered from 1, so that an untouched snippet is
 * still flagged by the `placeholder` rule and Tab walks through what is left to fill in.
 */
export function toSnippet(text: string): string {
  let out = '';
  let last = 0;
  let next = 1;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    if (!isPlaceholder(m)) continue;
    out += escapeSnippetText(text.slice(last, m.index));
    out += `\${${next++}:${escapeSnippetText(m[0])}}`;
    last = m.index + m[0].length;
  }
  return out + escapeSnippetText(text.slice(last));
}

/** A template ready to insert: its plain text and the same as a snippet with tabstops. */
export interface RenderedTemplate {
  kind: string;
  variant: string;
  language: Language;
  /** The template's title in `language` (`Buyer persona (comprehensive)`). */
  title: string;
  text: string;
  snippet: string;
}

/** A template of a kind in a language; undefined when the kind has no such template. */
export function renderTemplate(
  kind: KindSchema,
  language: Language,
  variant: string = DEFAULT_VARIANT,
): RenderedTemplate | undefined {
  const spec = templateSpec(kind, variant);
  if (!spec) return undefined;
  const text = templateText(kind, spec, language);
  return { kind: kind.kind, variant: spec.id, language, title: pick(spec.title, language), text, snippet: toSnippet(text) };
}

/** What the editor lists for "New Document": the document templates (not blocks) of the kinds. */
export interface TemplateEntry {
  kind: string;
  variant: string;
  title: Localized;
  description: Localized;
}

export function documentTemplates(kinds: readonly KindSchema[]): TemplateEntry[] {
  return kinds.flatMap((kind) =>
    templateSpecs(kind)
      .filter((s) => s.block === undefined)
      .map((s) => ({ kind: kind.kind, variant: s.id, title: s.title, description: s.description })),
  );
}
