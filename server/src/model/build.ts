/**
 * Text → SegDocument. Parses chunk by chunk (see parse/blocks.ts) through a cache keyed by
 * chunk text, so an edit re-parses only the chunks it touches and the result is the same
 * as a parse of the whole text.
 */
import { parse as parseYaml } from 'yaml';
import { DEFAULT_CHUNK_MIN, DEFAULT_CHUNK_TARGET, definitionLabels, findBlockEnd, splitChunks, type Chunk } from '../parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS, parseMarkdown, type ParseLimits } from '../parse/markdown';
import { BOM, LineIndex, type Span } from '../parse/text';
import { buildFragment, placeFragment, type ContentBlock, type Fragment } from './fragment';
import { addLayoutFields } from './layout';
import { cyrillicShare, normalizeHeading } from './normalize';
import type { Field, FrontMatter, Heading, Language, List, Section, SegDocument, SkippedPart } from './types';

/**
 * A bounded cache of chunk fragments, shared by every document of a process. Keyed by the
 * chunk's text and whether the chunk ends the document (a chunk is parsed a little
 * differently then; see makeFragment). Least recently used texts go first.
 */
export class FragmentCache {
  private readonly map = new Map<string, { inner?: Fragment; last?: Fragment }>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxChars = 8_000_000) {}

  get(text: string, make: () => Fragment, last = false): Fragment {
    let entry = this.map.get(text);
    if (entry) {
      // Refresh recency: Map iteration order is insertion order.
      this.map.delete(text);
      this.map.set(text, entry);
      const found = last ? entry.last : entry.inner;
      if (found) {
        this.hits++;
        return found;
      }
    } else {
      entry = {};
      this.map.set(text, entry);
      this.size += text.length;
    }
    this.misses++;
    const made = make();
    if (last) entry.last = made;
    else entry.inner = made;
    for (const [key] of this.map) {
      if (this.size <= this.maxChars || key === text) break;
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

/** A chunk that starts with a column-0 ATX heading (the cuts that are not inside a section). */
const ATX_LINE = /^#{1,6}(?:[ \t\r\n]|$)/;

export interface BuildOptions {
  path?: string;
  cache?: FragmentCache | null;
  limits?: ParseLimits;
  /** Parse the whole text at once instead of chunk by chunk (used to test equivalence). */
  whole?: boolean;
  /**
   * Sections longer than this are cut into chunks of about this size at block boundaries
   * (parse/blocks.ts splitChunks); `Infinity` cuts at headings only. Tests make it small.
   */
  chunkTarget?: number;
  /** Headings start a new chunk only after this many code units (parse/blocks.ts); tests make it 0. */
  chunkMin?: number;
}

/** A section with no heading text and no content (the preamble; a base for synthetic sections). */
export function emptySection(span: Span, level: number): Section {
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

/**
 * Parses one chunk (or reports why not), relative to the chunk. Cached by text.
 *
 * In the document a heading line follows every chunk but the last, and the chunk is parsed
 * with one after it (then dropped): micromark ends a list or quote that runs to the end of
 * the input (holding an unclosed fence or comment) after the final line break, but one that
 * a following line closes before it, so only that parse matches the whole document's.
 */
function makeFragment(text: string, limits: ParseLimits, last: boolean): Fragment {
  const problem = checkChunkLimits(text, limits);
  if (problem) {
    const { reason, ...rest } = problem;
    const at = 'offset' in problem ? problem.offset : 0;
    const detail: Record<string, number> = { ...rest };
    delete detail['offset'];
    const definitions = [...definitionLabels(text)];
    // Keep the heading the chunk starts with (one line parses safely), so that the section
    // is still there, empty, rather than reported missing.
    const firstLine = /^#{1,6}(?:[ \t][^\r\n]*)?(?=\r|\n|$)/.exec(text)?.[0];
    const blocks = firstLine !== undefined ? buildFragment(firstLine, parseMarkdown(firstLine)).blocks : [];
    return { blocks, comments: [], codeSpans: [], skipped: { span: { start: at, end: at }, reason, detail }, ...(definitions.length ? { definitions } : {}) };
  }
  if (last) return buildFragment(text, parseMarkdown(text));
  const src = text + '#';
  const root = parseMarkdown(src);
  const tail = root.children[root.children.length - 1];
  if (tail && tail.type === 'heading' && tail.position?.start.offset === text.length) root.children.pop();
  return buildFragment(src, root);
}

export function buildDocument(text: string, options: BuildOptions = {}): SegDocument {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // Results depend on the limits too; only the default limits share the cache.
  const cache = options.cache === undefined ? sharedFragmentCache : options.limits && options.limits !== DEFAULT_LIMITS ? null : options.cache;
  const lines = new LineIndex(text);
  const bom = text.startsWith(BOM) ? 1 : 0;
  const body = bom ? text.slice(bom) : text;
  const skipped: SkippedPart[] = [];
  const fragments: Fragment[] = [];
  const fragmentOf = (chunk: string, last: boolean): Fragment => (cache ? cache.get(chunk, () => makeFragment(chunk, limits, last), last) : makeFragment(chunk, limits, last));

  if (text.length > limits.maxDocumentLength) {
    skipped.push({ span: { start: 0, end: 0 }, reason: 'document-length', detail: { length: text.length, limit: limits.maxDocumentLength } });
  } else {
    const target = options.chunkTarget ?? DEFAULT_CHUNK_TARGET;
    const pieces: Chunk[] = options.whole ? [{ start: 0, text: body }] : splitChunks(body, target, options.chunkMin ?? DEFAULT_CHUNK_MIN);
    for (let i = 0; i < pieces.length; ) {
      const start = pieces[i]!.start;
      let end = start + pieces[i]!.text.length;
      let j = i + 1;
      let fragment = fragmentOf(pieces[i]!.text, j === pieces.length);
      // A chunk that ends inside a top-level fence or HTML block was cut at a heading that
      // block swallows: merge it with the following chunks up to the line closing the block,
      // and check again (the merged chunk may end inside another one).
      while (j < pieces.length && (fragment.open || (fragment.deepOpen && !ATX_LINE.test(pieces[j]!.text)))) {
        const close = fragment.open ? findBlockEnd(body, end, fragment.open) : end + 1;
        while (j < pieces.length && pieces[j]!.start < close) {
          end = pieces[j]!.start + pieces[j]!.text.length;
          j++;
        }
        fragment = fragmentOf(body.slice(start, end), j === pieces.length);
      }
      if (fragment.skipped && !options.whole) {
        // Short sections share a chunk (DEFAULT_CHUNK_MIN); one of them over a limit must not
        // take the others along: cut at every heading and try again. The pieces only ever
        // get more numerous, so this ends.
        const finer = splitChunks(body.slice(start, end), target, 0);
        if (finer.length > j - i) {
          pieces.splice(i, j - i, ...finer.map((c) => ({ start: start + c.start, text: c.text })));
          continue;
        }
      }
      const placed = placeFragment(fragment, bom + start);
      if (placed.skipped) skipped.push(placed.skipped);
      fragments.push(placed);
      i = j;
    }
  }
  joinFragments(fragments);
  return assemble(text, lines, fragments, skipped, options.path);
}

/**
 * Joins consecutive placed fragments where the whole parse has one construct across the
 * cut (see FragmentEdges): a list continued by the next chunk's list of the same marker
 * becomes one list, and a `**Field**:` line at the end of a chunk takes the items of the
 * list the next chunk starts with. Placed fragments are fresh copies, so they may change.
 */
function joinFragments(fragments: Fragment[]): void {
  // The last top-level node so far, when it is a list (and the field that took its items).
  let open: { list: List; marker: string; field: Field | undefined } | undefined;
  // A field whose value is still empty, waiting for a list.
  let pending: Field | undefined;
  for (const f of fragments) {
    const edges = f.edges;
    if (f.skipped || (f.blocks.length && f.blocks[0]!.type === 'heading')) {
      open = undefined;
      pending = undefined;
    }
    if (f.skipped) continue;
    const first = f.blocks[0];
    const last = f.blocks[f.blocks.length - 1];
    const firstContent = first && first.type === 'content' ? first : undefined;
    const lastContent = last && last.type === 'content' ? last : undefined;
    const lastListBefore = lastContent && edges?.lastList ? lastContent.lists[lastContent.lists.length - 1] : undefined;
    let continued: typeof open;
    if (edges?.firstList && firstContent) {
      const list = firstContent.lists[0]!;
      if (pending) {
        pending.items.push(...list.items);
        // The field keeps taking items while later chunks continue this list.
        if (list === lastListBefore) continued = { list, marker: edges.firstList.marker, field: pending };
      } else if (open && edges.firstList.atStart && edges.firstList.marker === open.marker) {
        open.list.items.push(...list.items);
        open.list.span = { start: open.list.span.start, end: list.span.end };
        open.field?.items.push(...list.items);
        firstContent.lists.shift();
        if (list === lastListBefore) continued = open;
      }
    }
    if (edges?.passive === 'empty') continue;
    if (edges?.passive === 'quiet') {
      open = undefined;
      continue;
    }
    pending = undefined;
    open = continued;
    if (!continued && edges?.lastList && lastContent && lastListBefore) {
      const field = edges.lastList.field === undefined ? undefined : lastContent.fields[edges.lastList.field];
      open = { list: lastListBefore, marker: edges.lastList.marker, field };
    }
    if (edges?.pendingField !== undefined && lastContent) pending = lastContent.fields[edges.pendingField];
  }
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

  const definitions = new Set<string>();
  for (const f of fragments) {
    if (f.definitions) for (const d of f.definitions) definitions.add(d);
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
        normalized: block.normalized ?? normalizeHeading(h.text),
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
  // Fields from every layout (tables, nested lists, definition lines), once a section's
  // content is complete: fragments joined across chunk cuts give the same sections.
  addLayoutFields(text, preamble);
  for (const s of allSections) addLayoutFields(text, s);

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
 * YAML parses of recent front matter, by its text: the front matter rarely changes while the
 * rest of the document is edited. The parsed data is shared, like fragments: not to be changed.
 */
const yamlCache = new Map<string, { data: unknown } | { error: unknown }>();

function parseYamlCached(raw: string): unknown {
  let hit = yamlCache.get(raw);
  if (!hit) {
    try {
      // logLevel 'error': YAML warnings (an unknown `!tag`) are not printed to stderr on every
      // parse; errors still throw and become the front matter's error.
      hit = { data: parseYaml(raw, { logLevel: 'error' }) as unknown };
    } catch (e) {
      hit = { error: e };
    }
    yamlCache.set(raw, hit);
    if (yamlCache.size > 64) yamlCache.delete(yamlCache.keys().next().value!);
  }
  if ('error' in hit) throw hit.error;
  return hit.data;
}

function readFrontMatter(text: string, raw: string, span: Span): FrontMatter {
  try {
    const data: unknown = parseYamlCached(raw);
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
