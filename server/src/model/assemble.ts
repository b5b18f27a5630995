/**
 * Placed, joined fragments → SegDocument: the section tree from the headings, each section's
 * content, the layout fields, the front matter and the document language.
 */
import type { LineIndex, Span } from '../parse/text';
import type { ContentBlock, Fragment } from './fragment';
import { readFrontMatter } from './front-matter';
import { addLayoutFields } from './layout';
import { cyrillicShare, normalizeHeading } from './normalize';
import type { Comment, FrontMatter, Heading, Language, Section, SegDocument, SkippedPart } from './types';

/** A section with no heading text and no content (the preamble; a base for synthetic sections). */
export function emptySection(span: Span, level: number): Section {
  return {
    heading: {
      depth: 0,
      text: '',
      span: { start: span.start, end: span.start },
      textSpan: { start: span.start, end: span.start },
    },
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

/** The sections of a document as its headings nest them, with their content. */
class SectionTree {
  readonly preamble: Section;
  readonly sections: Section[] = [];
  readonly allSections: Section[] = [];
  title: Heading | undefined;
  /** The open sections, outermost first. */
  private readonly stack: Section[] = [];
  private current: Section;

  constructor(private readonly text: string) {
    this.preamble = emptySection({ start: 0, end: text.length }, 0);
    this.current = this.preamble;
  }

  addContent(block: ContentBlock): void {
    addContent(this.current, block);
  }

  /** A heading closes the open sections of its depth or deeper and opens its own. */
  addHeading(h: Heading, normalized: string | undefined): void {
    const { stack } = this;
    if (!this.title && h.depth === 1) this.title = h;
    while (stack.length && stack[stack.length - 1]!.heading.depth >= h.depth) {
      const done = stack.pop()!;
      done.span = { start: done.span.start, end: h.span.start };
    }
    const section: Section = {
      ...emptySection({ start: h.span.start, end: this.text.length }, stack.length),
      heading: h,
      normalized: normalized ?? normalizeHeading(h.text),
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(section);
    else this.sections.push(section);
    this.allSections.push(section);
    stack.push(section);
    this.current = section;
  }

  /** Ends the preamble at the first heading, and adds the layout fields once content is complete. */
  finish(): void {
    if (this.allSections.length) this.preamble.span = { start: 0, end: this.allSections[0]!.span.start };
    // Fields from every layout (tables, nested lists, definition lines), once a section's
    // content is complete: fragments joined across chunk cuts give the same sections.
    addLayoutFields(this.text, this.preamble);
    for (const s of this.allSections) addLayoutFields(this.text, s);
  }
}

export function assemble(
  text: string,
  lines: LineIndex,
  fragments: Fragment[],
  skipped: SkippedPart[],
  path: string | undefined,
): SegDocument {
  const tree = new SectionTree(text);
  let frontMatter: FrontMatter | undefined;
  const comments: Comment[] = [];
  const codeSpans: Span[] = [];
  const definitions = new Set<string>();
  for (const f of fragments) {
    if (f.definitions) for (const d of f.definitions) definitions.add(d);
    comments.push(...f.comments);
    codeSpans.push(...f.codeSpans);
    if (f.frontMatter) frontMatter = readFrontMatter(text, f.frontMatter.raw, f.frontMatter.span);
    for (const block of f.blocks) {
      if (block.type === 'content') tree.addContent(block);
      else tree.addHeading(block.heading, block.normalized);
    }
  }
  tree.finish();
  const { title, sections, allSections, preamble } = tree;
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
    definitions,
    codeSpans,
    skipped,
    language: 'en',
  };
  doc.language = detectLanguage(doc);
  return doc;
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
  return letterShare(doc.text, 20_000) >= 0.3 ? 'ru' : 'en';
}

/**
 * cyrillicShare (model/normalize.ts) of the first `limit` characters, counted in one pass
 * without building match arrays: this runs on every build of a document.
 */
function letterShare(text: string, limit: number): number {
  let cyrillic = 0;
  let latin = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cyrillic + latin === 0 ? 0 : cyrillic / (cyrillic + latin);
}
