/**
 * The one place that runs remark. Everything else consumes the document model.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { frontMatterLength } from './blocks';
import { inlineCosts } from './inline-costs';

export { inlineCosts, type InlineCosts } from './inline-costs';

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses Markdown with the plugins segdoc uses (CommonMark + GFM + YAML front matter).
 * Offsets in the tree are offsets into `text`; callers strip a BOM first (micromark drops
 * it silently, which would shift every offset by one).
 *
 * The front matter extension runs only when the text has front matter: when a document
 * opens with a `---` line that nothing closes, micromark-extension-frontmatter's failed
 * attempt leaves its "concrete" construct in place and no list or block quote is
 * recognised anywhere after it (micromark/micromark-extension-frontmatter#5). That would
 * also make the first chunk parse differently from the whole text.
 */
export function parseMarkdown(text: string): Root {
  const processor = text.startsWith('---') && frontMatterLength(text) > 0 ? withFrontMatter : withoutFrontMatter;
  return processor.parse(text) as Root;
}

/** Limits that keep a pathological document from freezing the server (see docs/performance.md). */
export interface ParseLimits {
  /** Documents longer than this (UTF-16 code units) are not checked at all. */
  maxDocumentLength: number;
  /** A single chunk (the text between two top-level headings) longer than this is not parsed. */
  maxChunkLength: number;
  /** Block quotes nested deeper than this are not parsed (micromark overflows its stack). */
  maxQuoteDepth: number;
  /**
   * A list item whose marker sits further right than this column (nested lists, by
   * indentation or by `- - - x` on one line) is not parsed: micromark slows down
   * exponentially-ish with nesting when blank lines follow.
   */
  maxIndent: number;
  /**
   * Setext underlines (`=` or `-` under a line of text) × the chunk's length: each one costs
   * micromark in proportion to the whole chunk. Up to `minSetext` are always allowed.
   */
  maxSetextCost: number;
  minSetext: number;
  /** Characters micromark rescans for emphasis markers (`*`, `_`) that do not pair up (see inlineCosts). */
  maxEmphasisCost: number;
  /** … for `[` and `]` that do not pair up. */
  maxBracketCost: number;
  /** … for inline HTML (`<!--`, `<tag`) that nothing closes. */
  maxHtmlCost: number;
  /** … for backtick runs that nothing closes. */
  maxCodeCost: number;
}

/**
 * Chosen with bench/limits.ts (figures in docs/performance.md): realistic documents stay far
 * below every limit — quotes nest 1–3 deep, lists 2–6 levels, and sections are cut into
 * ~2 KB chunks — while what passes parses in at most about a second per chunk. Block quotes
 * and list nesting cost little up to these depths and grow superlinearly past a few hundred
 * levels (micromark overflows its stack near 10,000 `>`); one block that cannot be cut (a
 * table, a list item holding a long list) parses at 0.1–0.3 MB/s, so 100 KB of it takes up to
 * about a second; 2 MB of document take 6–10 s on a cold parse.
 */
export const DEFAULT_LIMITS: ParseLimits = {
  maxDocumentLength: 2_000_000,
  maxChunkLength: 100_000,
  maxQuoteDepth: 16,
  maxIndent: 64,
  maxSetextCost: 200_000,
  minSetext: 20,
  maxEmphasisCost: 3_000_000,
  maxBracketCost: 12_000_000,
  maxHtmlCost: 20_000_000,
  maxCodeCost: 20_000_000,
};

export type LimitReason =
  | { reason: 'document-length'; length: number; limit: number }
  | { reason: 'chunk-length'; length: number; limit: number }
  | { reason: 'quote-depth'; depth: number; limit: number; offset: number }
  | { reason: 'indent'; indent: number; limit: number; offset: number }
  | { reason: 'setext'; count: number; limit: number; offset: number }
  | { reason: 'emphasis' | 'brackets' | 'inline-html' | 'code-spans'; count: number; offset: number };

/** A thematic break (`- - -`, `* * *`) looks like nested list markers but is not. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Finds input that micromark handles super-linearly or recursively (see docs/performance.md,
 * "Parse limits", and bench/limits.ts): very long chunks, deep block
 * quotes, deeply nested list items. Reads only the container prefix of each line (spaces,
 * tabs, `>`, list markers), so it is linear in the text; returns the first problem found.
 *
 * Deep indentation alone (code, ASCII art) is harmless and allowed: only a list marker
 * placed deeper than `maxIndent` counts, because a container can only be opened by one.
 */
export function checkChunkLimits(text: string, limits: ParseLimits): LimitReason | undefined {
  if (text.length > limits.maxChunkLength) {
    return { reason: 'chunk-length', length: text.length, limit: limits.maxChunkLength };
  }
  const n = text.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let depth = 0;
    let column = 0;
    let deepestMarker = -1;
    let i = lineStart;
    for (;;) {
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === 32 /* space */) {
        column++;
        i++;
      } else if (c === 9 /* tab */) {
        column += 4 - (column % 4);
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        column++;
        i++;
      } else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && isSpaceOrTab(text.charCodeAt(i + 1))) {
        deepestMarker = column;
        column++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d !== 46 /* . */ && d !== 41) /* ) */ || !isSpaceOrTab(text.charCodeAt(j + 1))) break;
        deepestMarker = column;
        column += j + 1 - i;
        i = j + 1;
      } else {
        break;
      }
    }
    let lineEnd = i;
    while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (depth > limits.maxQuoteDepth) {
      return { reason: 'quote-depth', depth, limit: limits.maxQuoteDepth, offset: lineStart };
    }
    if (deepestMarker > limits.maxIndent && !THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) {
      return { reason: 'indent', indent: deepestMarker, limit: limits.maxIndent, offset: lineStart };
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return checkInlineCosts(text, limits);
}

/** The quadratic paths of inlineCosts, against the limits. */
function checkInlineCosts(text: string, limits: ParseLimits): LimitReason | undefined {
  const c = inlineCosts(text);
  const setextLimit = Math.max(limits.minSetext, Math.floor(limits.maxSetextCost / Math.max(1, text.length)));
  if (c.setext.count > setextLimit)
    return { reason: 'setext', count: c.setext.count, limit: setextLimit, offset: c.setext.offset };
  if (c.emphasis.cost > limits.maxEmphasisCost) return { reason: 'emphasis', count: c.emphasis.count, offset: c.emphasis.offset };
  if (c.brackets.cost > limits.maxBracketCost) return { reason: 'brackets', count: c.brackets.count, offset: c.brackets.offset };
  if (c.html.cost > limits.maxHtmlCost) return { reason: 'inline-html', count: c.html.count, offset: c.html.offset };
  if (c.code.cost > limits.maxCodeCost) return { reason: 'code-spans', count: c.code.count, offset: c.code.offset };
  return undefined;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}
