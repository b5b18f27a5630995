/**
 * Text → SegDocument. Parses chunk by chunk (see parse/blocks.ts) through a cache keyed by
 * chunk text, so an edit re-parses only the chunks it touches and the result is the same
 * as a parse of the whole text.
 */
import { parse as parseYaml } from 'yaml';
import { definitionLabels, splitChunks } from '../parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS, parseMarkdown, type ParseLimits } from '../parse/markdown';
import { BOM, LineIndex, type Span } from '../parse/text';
import { buildFragment, placeFragment, type ContentBlock, type Fragment } from './fragment';
import { cyrillicShare, normalizeHeading } from './normalize';
import type { FrontMatter, Heading, Language, Section, SegDocument, SkippedPart } from './types';

/** A bounded cache of chunk fragments, shared by every document of a process. */
export class FragmentCache {
  private readonly map = new Map<string, Fragment>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxChars = 8_000_000) {}

  get(text: string, make: () => Fragment): Fragment {
    const found = this.map.get(text);
    if (found) {
      // Refresh recency: Map iteration order is insertion order.
      this.map.delete(text);
      this.map.set(text, found);
      this.hits++;
      return found;
    }
    this.misses++;
    const made = make();
    this.map.set(text, made);
    this.size += text.length;
    for (const [key] of this.map) {
      if (this.size <= this.maxChars) break;
      this.map.delete(key);
      this.size -= key.length;
    }
    return made;
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}

export const sharedFragmentCache = new FragmentCache();

export interface BuildOptions {
  path?: string;
  cache?: FragmentCache | null;
  limits?: ParseLimits;
  /** Parse the whole text at once instead of chunk by chunk (used to test equivalence). */
  whole?: boolean;
}

function emptySection(span: Span, level: number): Section {
  return {
    heading: { depth: 0, text: '', span: { start: span.start, end: span.start }, textSpan: { start: span.start, end: span.start } },
    normalized: '',
    span,
    fields: [],
    lists: [],
    tables: [],
    paragraphs: [],
    otherBlocks: [],
    children: [],
    level,
  };
}

function addContent(section: Section, c: ContentBlock): void {
  section.fields.push(...c.fields);
  section.lists.push(...c.lists);
  section.tables.push(...c.tables);
  section.paragraphs.push(...c.paragraphs);
  section.otherBlocks.push(...c.otherBlocks);
}

export function buildDocument(text: string, options: BuildOptions = {}): SegDocument {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const cache = options.cache === undefined ? sharedFragmentCache : options.cache;
  const lines = new LineIndex(text);
  const bom = text.startsWith(BOM) ? 1 : 0;
  const body = text.slice(bom);
  const skipped: SkippedPart[] = [];
  const fragments: Fragment[] = [];

  if (text.length > limits.maxDocumentLength) {
    skipped.push({ span: { start: 0, end: 0 }, reason: 'document-length', detail: { length: text.length, limit: limits.maxDocumentLength } });
  } else {
    const chunks = options.whole ? [{ start: 0, text: body }] : splitChunks(body);
    for (const chunk of chunks) {
      const problem = checkChunkLimits(chunk.text, limits);
      if (problem) {
        const at = 'offset' in problem ? chunk.start + problem.offset : chunk.start;
        const { reason, ...detail } = problem;
        delete (detail as { offset?: number }).offset;
        skipped.push({ span: { start: bom + at, end: bom + at }, reason, detail: detail as Record<string, number> });
        continue;
      }
      const make = (): Fragment => buildFragment(chunk.text, parseMarkdown(chunk.text));
      const fragment = cache ? cache.get(chunk.text, make) : make();
      fragments.push(placeFragment(fragment, bom + chunk.start));
    }
  }
  return assemble(text, lines, fragments, skipped, options.path);
}

function assemble(text: string, lines: LineIndex, fragments: Fragment[], skipped: SkippedPart[], path: string | undefined): SegDocument {
  const preamble = emptySection({ start: 0, end: text.length }, 0);
  const sections: Section[] = [];
  const allSections: Section[] = [];
  const stack: Section[] = [];
  let current = preamble;
  let frontMatter: FrontMatter | undefined;
  let title: Heading | undefined;
  const comments = [];
  const codeSpans = [];

  for (const f of fragments) {
    comments.push(...f.comments);
    codeSpans.push(...f.codeSpans);
    if (f.frontMatter) frontMatter = readFrontMatter(text, f.frontMatter.raw, f.frontMatter.span);
    for (const block of f.blocks) {
      if (block.type === 'content') {
        addContent(current, block);
        continue;
      }
      const h = block.heading;
      if (!title && h.depth === 1) title = h;
      while (stack.length && stack[stack.length - 1]!.heading.depth >= h.depth) {
        const done = stack.pop()!;
        done.span = { start: done.span.start, end: h.span.start };
      }
      const section: Section = {
        ...emptySection({ start: h.span.start, end: text.length }, stack.length),
        heading: h,
        normalized: normalizeHeading(h.text),
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else sections.push(section);
      allSections.push(section);
      stack.push(section);
      current = section;
    }
  }
  if (allSections.length) preamble.span = { start: 0, end: allSections[0]!.span.start };

  const doc: SegDocument = {
    text,
    lines,
    ...(path !== undefined ? { path } : {}),
    ...(frontMatter ? { frontMatter } : {}),
    ...(title ? { title } : {}),
    sections,
    allSections,
    preamble,
    comments,
    definitions: definitionLabels(text),
    codeSpans,
    skipped,
    language: 'en',
  };
  doc.language = detectLanguage(doc);
  return doc;
}

function readFrontMatter(text: string, raw: string, span: Span): FrontMatter {
  try {
    const data: unknown = parseYaml(raw);
    if (data === null || data === undefined) return { raw, span, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { raw, span, data: {}, error: { message: 'Front matter is not a mapping of keys to values', span } };
    }
    return { raw, span, data: data as Record<string, unknown> };
  } catch (e) {
    const err = e as { message?: string; linePos?: Array<{ line: number; col: number }> };
    // Point at the YAML line that failed: the block starts after the `---` line.
    let at = span;
    const lp = err.linePos?.[0];
    if (lp) {
      const lineStarts = [0];
      for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1);
      const found = raw.length ? text.indexOf(raw, span.start) : -1;
      const first = found >= 0 ? found : span.start;
      const ls = lineStarts[lp.line - 1] ?? 0;
      const le = raw.indexOf('\n', ls);
      at = { start: first + ls, end: first + (le < 0 ? raw.length : le) };
    }
    return { raw, span, data: {}, error: { message: (err.message ?? 'Invalid YAML').split('\n')[0]!, span: at } };
  }
}

/**
 * The document language: front matter `lang`/`language`, else Cyrillic in the title, else
 * the share of Cyrillic letters in the headings, else in the whole text.
 */
function detectLanguage(doc: SegDocument): Language {
  const fm = doc.frontMatter?.data;
  const declared = fm && (fm['lang'] ?? fm['language']);
  if (typeof declared === 'string' && /^(ru|en)/i.test(declared)) return declared.slice(0, 2).toLowerCase() as Language;
  if (doc.title && cyrillicShare(doc.title.text) > 0.2) return 'ru';
  const headings = doc.allSections.map((s) => s.heading.text).join(' ');
  if (headings && cyrillicShare(headings) >= 0.3) return 'ru';
  return cyrillicShare(doc.text.slice(0, 20_000)) >= 0.3 ? 'ru' : 'en';
}
