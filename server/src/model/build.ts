/**
 * Text → SegDocument. Parses chunk by chunk (see parse/blocks.ts) through a cache keyed by
 * chunk text, so an edit re-parses only the chunks it touches and the result is the same
 * as a parse of the whole text.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_CHUNK_MIN, DEFAULT_CHUNK_TARGET, definitionLabels, findBlockEnd, splitChunks, type Chunk } from '../parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS, parseMarkdown, type ParseLimits } from '../parse/markdown';
import { BOM, LineIndex, type Span } from '../parse/text';
import { buildFragment, placeFragment, type ContentBlock, type Fragment } from './fragment';
import { addLayoutFields } from './layout';
import { cyrillicShare, normalizeHeading } from './normalize';
import type { Field, FrontMatter, Heading, Language, List, Section, SegDocument, SkippedPart } from './types';

/**
 * A bounded cache of chunk fragments, shared by every document of a process. Keyed by a
 * digest of the chunk's text and whether the chunk ends the document (a chunk is parsed a
 * little differently then; see makeFragment), and bounded by an estimate of the bytes its
 * fragments hold. Least recently used chunks go first.
 *
 * The cache keeps no text of a document: a key is a digest, not the chunk (a chunk is a slice
 * of one version of the document, and a slice keeps the whole version alive), and a stored
 * fragment is a copy whose strings are its own (see `own`).
 */
export class FragmentCache {
  private readonly map = new Map<string, { inner?: Fragment; last?: Fragment; bytes: number }>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  /** The estimated bytes held (for the benchmark and tests). */
  get bytes(): number {
    return this.size;
  }

  get entries(): number {
    return this.map.size;
  }

  /** The cached fragment of a chunk, refreshed as recently used; undefined on a miss. */
  peek(text: string, last = false): Fragment | undefined {
    const key = chunkKey(text);
    const entry = this.map.get(key);
    const found = entry && (last ? entry.last : entry.inner);
    if (!found) {
      this.misses++;
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order.
    this.map.delete(key);
    this.map.set(key, entry);
    this.hits++;
    return found;
  }

  /** Stores a fragment made for a chunk (the fragment must own its strings: see `own`). */
  put(text: string, last: boolean, fragment: Fragment): void {
    const key = chunkKey(text);
    let entry = this.map.get(key);
    if (entry) this.map.delete(key);
    else entry = { bytes: 0 };
    const previous = last ? entry.last : entry.inner;
    const bytes = estimateBytes(fragment) - (previous ? estimateBytes(previous) : 0);
    if (last) entry.last = fragment;
    else entry.inner = fragment;
    entry.bytes += bytes;
    this.size += bytes;
    this.map.set(key, entry);
    for (const [k, e] of this.map) {
      if (this.size <= this.maxBytes || k === key) break;
      this.map.delete(k);
      this.size -= e.bytes;
    }
  }

  /** The cached fragment of a chunk, or `make()`'s, stored. */
  get(text: string, make: () => Fragment, last = false): Fragment {
    const found = this.peek(text, last);
    if (found) return found;
    const made = own(make());
    this.put(text, last, made);
    return made;
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}

/** Fragments the shared cache may hold, in estimated bytes (see estimateBytes). */
export const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;

function chunkKey(text: string): string {
  // 160 bits: a collision would need 2^80 chunks. Hashing is about 1 GB/s, a small part of a check.
  return createHash('sha1').update(text).digest('base64');
}

/**
 * A deep copy of a fragment whose strings are flat copies: strings sliced from the chunk
 * would keep the whole document text (the chunk is a slice of it) alive for as long as the
 * fragment is cached. Fragments that came from a parse worker are such copies already.
 */
export function own(fragment: Fragment): Fragment {
  return structuredClone(fragment);
}

/**
 * Roughly the bytes a fragment holds in memory: strings at two bytes a character, and
 * arrays and objects by their slots. An estimate in bytes, not characters of the chunk,
 * because a fragment is several times larger than its text.
 */
export function estimateBytes(value: unknown): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  // Objects shared within a fragment are counted once (and a cycle cannot loop).
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (v && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (typeof v === 'number' || typeof v === 'boolean') bytes += 8;
    else if (Array.isArray(v)) {
      bytes += 16 + 8 * v.length;
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      const values = Object.values(v as Record<string, unknown>);
      bytes += 24 + 16 * values.length;
      for (const x of values) stack.push(x);
    }
  }
  return bytes;
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
export function makeFragment(text: string, limits: ParseLimits, last: boolean): Fragment {
  const problem = checkChunkLimits(text, limits);
  if (problem) {
    const { reason, ...rest } = problem;
    const at = 'offset' in problem ? problem.offset : 0;
    const detail: Record<string, number> = { ...rest };
    delete detail['offset'];
    return skippedFragment(text, limits, { span: { start: at, end: at }, reason, detail });
  }
  if (last) return buildFragment(text, parseMarkdown(text));
  const src = text + '#';
  const root = parseMarkdown(src);
  const tail = root.children[root.children.length - 1];
  if (tail && tail.type === 'heading' && tail.position?.start.offset === text.length) root.children.pop();
  return buildFragment(src, root);
}

/** A heading line longer than this is not parsed for a skipped chunk (it may be what is slow). */
const MAX_KEPT_HEADING = 2_000;

/**
 * The fragment of a chunk that is not parsed (over a limit, or too slow to parse): no content,
 * the reason, the chunk's reference definitions, and the heading the chunk starts with (one
 * line parses safely), so that the section is still there, empty, rather than reported missing.
 */
export function skippedFragment(text: string, limits: ParseLimits, skipped: SkippedPart): Fragment {
  const definitions = [...definitionLabels(text)];
  const firstLine = /^#{1,6}(?:[ \t][^\r\n]*)?(?=\r|\n|$)/.exec(text)?.[0];
  const safe = firstLine !== undefined && firstLine.length <= MAX_KEPT_HEADING && !checkChunkLimits(firstLine, limits);
  const blocks = safe ? buildFragment(firstLine, parseMarkdown(firstLine)).blocks : [];
  return { blocks, comments: [], codeSpans: [], skipped, ...(definitions.length ? { definitions } : {}) };
}

/** A chunk the build needs the fragment of: its text, and whether it ends the document. */
export interface ChunkRequest {
  text: string;
  last: boolean;
}

/**
 * What a build asks its driver for: the fragment of one chunk, now, or — once, first — a
 * hint of the chunks it will most likely ask for, so that an asynchronous driver can have
 * them parsed in parallel. A synchronous driver ignores hints.
 */
type BuildStep = { need: ChunkRequest } | { prefetch: ChunkRequest[] };

/** Parses chunks off the calling thread (services/parse-pool.ts); the cache stays with the caller. */
export interface ChunkParser {
  parse(text: string, last: boolean, limits: ParseLimits): Promise<Fragment>;
}

interface Built {
  limits: ParseLimits;
  cache: FragmentCache | null;
}

/** Caches for limits other than the defaults (tests), one per limits object. */
const cachesByLimits = new WeakMap<ParseLimits, FragmentCache>();

function buildSettings(options: BuildOptions): Built {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (limits === DEFAULT_LIMITS) return { limits, cache: options.cache === undefined ? sharedFragmentCache : options.cache };
  // Fragments depend on the limits too: other limits never share the default ones' cache.
  // A cache given with them is not used (it may hold fragments of other limits).
  if (options.cache !== undefined) return { limits, cache: null };
  let cache = cachesByLimits.get(limits);
  if (!cache) cachesByLimits.set(limits, (cache = new FragmentCache(8 * 1024 * 1024)));
  return { limits, cache };
}

/** Text → SegDocument on this thread. */
export function buildDocument(text: string, options: BuildOptions = {}): SegDocument {
  const { limits, cache } = buildSettings(options);
  const steps = buildSteps(text, options, limits);
  for (let next = steps.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    if (!('need' in step)) {
      next = steps.next(undefined);
      continue;
    }
    const { text: chunk, last } = step.need;
    next = steps.next(cache ? cache.get(chunk, () => makeFragment(chunk, limits, last), last) : makeFragment(chunk, limits, last));
  }
}

/**
 * Text → SegDocument with the chunks parsed by `parser` (worker threads, each parse within a
 * time budget): the same document as buildDocument's, except that a chunk too slow to parse
 * is a skipped part instead of a stall. Chunks are parsed in parallel where they can be.
 */
export async function buildDocumentAsync(text: string, parser: ChunkParser, options: BuildOptions = {}): Promise<SegDocument> {
  const { limits, cache } = buildSettings(options);
  // Parses of this build in flight, so that a prefetched chunk is not parsed twice.
  const inFlight = new Map<string, Promise<Fragment>>();
  const fetch = (req: ChunkRequest): Promise<Fragment> => {
    const found = cache?.peek(req.text, req.last);
    if (found) return Promise.resolve(found);
    const key = (req.last ? '1' : '0') + req.text;
    let p = inFlight.get(key);
    if (!p) {
      p = parser.parse(req.text, req.last, limits).then((f) => {
        cache?.put(req.text, req.last, f);
        return f;
      });
      inFlight.set(key, p);
    }
    return p;
  };
  const steps = buildSteps(text, options, limits);
  for (let next = steps.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    if ('prefetch' in step) {
      // Failures surface when the chunk is needed.
      for (const req of step.prefetch) fetch(req).catch(() => undefined);
      next = steps.next(undefined);
    } else next = steps.next(await fetch(step.need));
  }
}

function* buildSteps(text: string, options: BuildOptions, limits: ParseLimits): Generator<BuildStep, SegDocument, Fragment | undefined> {
  const lines = new LineIndex(text);
  const bom = text.startsWith(BOM) ? 1 : 0;
  const body = bom ? text.slice(bom) : text;
  const skipped: SkippedPart[] = [];
  const fragments: Fragment[] = [];
  function* fragmentOf(chunk: string, last: boolean): Generator<BuildStep, Fragment, Fragment | undefined> {
    const f = yield { need: { text: chunk, last } };
    return f!;
  }

  if (text.length > limits.maxDocumentLength) {
    skipped.push({ span: { start: 0, end: 0 }, reason: 'document-length', detail: { length: text.length, limit: limits.maxDocumentLength } });
  } else {
    const target = options.chunkTarget ?? DEFAULT_CHUNK_TARGET;
    const pieces: Chunk[] = options.whole ? [{ start: 0, text: body }] : splitChunks(body, target, options.chunkMin ?? DEFAULT_CHUNK_MIN);
    yield { prefetch: pieces.map((p, i) => ({ text: p.text, last: i === pieces.length - 1 })) };
    for (let i = 0; i < pieces.length; ) {
      const start = pieces[i]!.start;
      let end = start + pieces[i]!.text.length;
      let j = i + 1;
      let fragment = yield* fragmentOf(pieces[i]!.text, j === pieces.length);
      // A chunk that ends inside a top-level fence or HTML block was cut at a heading that
      // block swallows: merge it with the following chunks up to the line closing the block,
      // and check again (the merged chunk may end inside another one).
      while (j < pieces.length && (fragment.open || (fragment.deepOpen && !ATX_LINE.test(pieces[j]!.text)))) {
        const close = fragment.open ? findBlockEnd(body, end, fragment.open) : end + 1;
        while (j < pieces.length && pieces[j]!.start < close) {
          end = pieces[j]!.start + pieces[j]!.text.length;
          j++;
        }
        fragment = yield* fragmentOf(body.slice(start, end), j === pieces.length);
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
