/**
 * Text → SegDocument. Parses chunk by chunk (see parse/blocks.ts) through a cache keyed by
 * chunk text (model/fragment-cache.ts), so an edit re-parses only the chunks it touches and
 * the result is the same as a parse of the whole text.
 *
 * The build is a generator of chunk requests (buildSteps) with two drivers: buildDocument
 * parses on the calling thread, buildDocumentAsync hands each chunk to a ChunkParser. The
 * fragments it gets back are joined across cuts (model/join-fragments.ts) and assembled into
 * the document (model/assemble.ts).
 */
import {
  DEFAULT_CHUNK_MIN,
  DEFAULT_CHUNK_TARGET,
  definitionLabels,
  findBlockEnd,
  splitChunks,
  type Chunk,
} from '../parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS, parseMarkdown, type ParseLimits } from '../parse/markdown';
import { BOM, LineIndex, type Span } from '../parse/text';
import { assemble } from './assemble';
import { buildFragment, placeFragment, type Fragment } from './fragment';
import { FragmentCache, sharedFragmentCache } from './fragment-cache';
import { joinFragments } from './join-fragments';
import { continuesTable, redoWithout, type Origin } from './table-cut';
import { joinTables } from './table-join';
import type { SegDocument, SkippedPart } from './types';

export { emptySection } from './assemble';
export { DEFAULT_CACHE_BYTES, estimateBytes, FragmentCache, own, sharedFragmentCache } from './fragment-cache';

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
  for (let next = steps.next(); ;) {
    if (next.done) return next.value;
    const step = next.value;
    if (!('need' in step)) {
      next = steps.next(undefined);
      continue;
    }
    const { text: chunk, last } = step.need;
    next = steps.next(
      cache ? cache.get(chunk, () => makeFragment(chunk, limits, last), last) : makeFragment(chunk, limits, last),
    );
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
  for (let next = steps.next(); ;) {
    if (next.done) return next.value;
    const step = next.value;
    if ('prefetch' in step) {
      // Failures surface when the chunk is needed.
      for (const req of step.prefetch) fetch(req).catch(() => undefined);
      next = steps.next(undefined);
    } else next = steps.next(await fetch(step.need));
  }
}

function* buildSteps(
  text: string,
  options: BuildOptions,
  limits: ParseLimits,
): Generator<BuildStep, SegDocument, Fragment | undefined> {
  const lines = new LineIndex(text);
  const skipped: SkippedPart[] = [];
  const fragments: Fragment[] = [];
  if (text.length > limits.maxDocumentLength) {
    skipped.push({
      span: { start: 0, end: 0 },
      reason: 'document-length',
      detail: { length: text.length, limit: limits.maxDocumentLength },
    });
  } else {
    yield* parseChunks(text, options, limits, fragments, skipped);
  }
  joinTables(fragments);
  joinFragments(fragments);
  return assemble(text, lines, fragments, skipped, options.path);
}

/** Asks for the fragment of one chunk of text. */
function* fragmentOf(chunk: string, last: boolean): Generator<BuildStep, Fragment, Fragment | undefined> {
  const f = yield { need: { text: chunk, last } };
  return f!;
}

/** The request for a piece's fragment. */
function request(body: string, p: Chunk, last: boolean): ChunkRequest {
  return { text: parseText(body, p.carry, p.start, p.start + p.text.length), last };
}

/** The text parsed for a chunk: its own, after the table head it carries, if any. */
function parseText(body: string, carry: Span | undefined, start: number, end: number): string {
  return (carry ? body.slice(carry.start, carry.end) : '') + body.slice(start, end);
}

/**
 * The fragment of the chunk that starts with piece `i`, and where that chunk ends (`end`,
 * before piece `j`). A chunk that ends inside a top-level fence or HTML block was cut at a
 * heading that block swallows: it is merged with the following pieces up to the line closing
 * the block, and checked again (the merged chunk may end inside another one).
 */
function* closedChunk(
  body: string,
  pieces: Chunk[],
  i: number,
): Generator<BuildStep, { fragment: Fragment; end: number; j: number }, Fragment | undefined> {
  const { start, carry } = pieces[i]!;
  let end = start + pieces[i]!.text.length;
  let j = i + 1;
  let fragment = yield* fragmentOf(parseText(body, carry, start, end), j === pieces.length);
  while (j < pieces.length && (fragment.open || (fragment.deepOpen && !ATX_LINE.test(pieces[j]!.text)))) {
    const close = fragment.open ? findBlockEnd(body, end, fragment.open) : end + 1;
    while (j < pieces.length && pieces[j]!.start < close) {
      end = pieces[j]!.start + pieces[j]!.text.length;
      j++;
    }
    fragment = yield* fragmentOf(parseText(body, carry, start, end), j === pieces.length);
  }
  return { fragment, end, j };
}

/** Cuts the document into chunks, asks for their fragments and places them (in document offsets) in `fragments`. */
function* parseChunks(
  text: string,
  options: BuildOptions,
  limits: ParseLimits,
  fragments: Fragment[],
  skipped: SkippedPart[],
): Generator<BuildStep, void, Fragment | undefined> {
  const bom = text.startsWith(BOM) ? 1 : 0;
  const body = bom ? text.slice(bom) : text;
  const target = options.chunkTarget ?? DEFAULT_CHUNK_TARGET;
  const pieces: Chunk[] = options.whole
    ? [{ start: 0, text: body }]
    : splitChunks(body, target, options.chunkMin ?? DEFAULT_CHUNK_MIN, limits.maxChunkLength);
  yield { prefetch: pieces.map((p, i) => request(body, p, i === pieces.length - 1)) };
  const origins: Origin[] = [];
  for (let i = 0; i < pieces.length;) {
    const { start, carry } = pieces[i]!;
    const carried = carry ? carry.end - carry.start : 0;
    const { fragment, end, j } = yield* closedChunk(body, pieces, i);
    if (fragment.skipped && !options.whole) {
      // Short sections share a chunk (DEFAULT_CHUNK_MIN); one of them over a limit must not
      // take the others along: cut at every heading (not between table rows) and try again.
      // The pieces only ever get more numerous, so this ends.
      const finer = splitChunks(body.slice(start, end), target, 0, 0);
      if (finer.length > j - i) {
        const more = finer.map((c, k): Chunk => ({
          start: start + c.start,
          text: c.text,
          ...(k === 0 && carry ? { carry } : {}),
        }));
        pieces.splice(i, j - i, ...more);
        continue;
      }
    }
    const placed = placeFragment(fragment, bom + start - carried);
    if (carry) {
      const before = origins[origins.length - 1];
      if (!before || !continuesTable(fragments[fragments.length - 1]!, before, placed, body, bom, start, carry)) {
        // The parse does not confirm the cut: join the rest of the table to the chunk
        // before and parse that again (one chunk, as if the table had not been cut).
        redoWithout(pieces, i, j, before, carry, body);
        if (before) {
          origins.pop();
          fragments.pop();
          skipped.length = before.skipped;
          i = before.piece;
        }
        continue;
      }
      placed.carried = bom + start;
    }
    origins.push({ piece: i, start, carry, skipped: skipped.length });
    if (placed.skipped) skipped.push(placed.skipped);
    fragments.push(placed);
    i = j;
  }
}
