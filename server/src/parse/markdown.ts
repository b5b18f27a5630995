/**
 * The one place that runs remark. Everything else consumes the document model.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { frontMatterLength } from './blocks';

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
 * Finds input that micromark handles super-linearly or recursively (see
 * ../shared/notes/remark-performance.md and bench/limits.ts): very long chunks, deep block
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
      } else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) && isSpaceOrTab(text.charCodeAt(i + 1))) {
        deepestMarker = column;
        column++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d !== 46 /* . */ && d !== 41 /* ) */) || !isSpaceOrTab(text.charCodeAt(j + 1))) break;
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
  if (c.setext.count > setextLimit) return { reason: 'setext', count: c.setext.count, limit: setextLimit, offset: c.setext.offset };
  if (c.emphasis.cost > limits.maxEmphasisCost) return { reason: 'emphasis', count: c.emphasis.count, offset: c.emphasis.offset };
  if (c.brackets.cost > limits.maxBracketCost) return { reason: 'brackets', count: c.brackets.count, offset: c.brackets.offset };
  if (c.html.cost > limits.maxHtmlCost) return { reason: 'inline-html', count: c.html.count, offset: c.html.offset };
  if (c.code.cost > limits.maxCodeCost) return { reason: 'code-spans', count: c.code.count, offset: c.code.offset };
  return undefined;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

// ---------------------------------------------------------------------------------------
// Quadratic paths (issue 10): micromark rescans text for some constructs. An emphasis
// closer (`a_ `) or a label end (`a]`) walks back over the paragraph to the nearest opener
// of its kind, to the paragraph's start when there is none; an inline HTML comment, tag or
// code span that nothing closes scans forward to the paragraph's end; each setext underline
// costs in proportion to the whole chunk. One line of `a]` × 20,000 is 40 KB and 5 s.
// `inlineCosts` estimates those rescans with the same pairing rules, in one pass.

/** The estimated rescans of one chunk, in characters, and where each is worst. */
export interface InlineCosts {
  setext: { count: number; offset: number };
  emphasis: { cost: number; count: number; offset: number };
  brackets: { cost: number; count: number; offset: number };
  html: { cost: number; count: number; offset: number };
  code: { cost: number; count: number; offset: number };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|\|)/;

/**
 * Scans a chunk line by line (container prefixes of `>` skipped), groups lines into
 * paragraph-like blocks (a blank line, a list item, a heading, a table row or a fence line
 * starts a new one; fenced code is left out) and estimates what micromark rescans in each.
 * Over-estimates rather than under: a block here may be several paragraphs in micromark.
 */
export function inlineCosts(text: string): InlineCosts {
  const out: InlineCosts = {
    setext: { count: 0, offset: -1 },
    emphasis: { cost: 0, count: 0, offset: 0 },
    brackets: { cost: 0, count: 0, offset: 0 },
    html: { cost: 0, count: 0, offset: 0 },
    code: { cost: 0, count: 0, offset: 0 },
  };
  const worst = { emphasis: 0, brackets: 0, html: 0, code: 0 };
  const n = text.length;
  let fence: string | undefined;
  let blockStart = -1;
  let prevText = false;
  const flush = (end: number): void => {
    if (blockStart >= 0 && end > blockStart) {
      const c = blockCosts(text, blockStart, end);
      for (const k of ['emphasis', 'brackets', 'html', 'code'] as const) {
        out[k].cost += c[k].cost;
        out[k].count += c[k].count;
        if (c[k].cost > worst[k]) {
          worst[k] = c[k].cost;
          out[k].offset = blockStart;
        }
      }
    }
    blockStart = -1;
  };
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let i = lineStart;
    // Block-quote prefixes: `>` with the spaces around them.
    for (;;) {
      let j = i;
      while (j < lineEnd && j - i < 3 && text.charCodeAt(j) === 32) j++;
      if (text.charCodeAt(j) !== 62) break;
      i = j + 1;
    }
    const content = text.slice(i, lineEnd).replace(/\r$/, '');
    const blank = content.trim() === '';
    if (fence !== undefined) {
      const m = FENCE_OPEN.exec(content);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && content.slice(m[0].length).trim() === '') fence = undefined;
      prevText = false;
    } else if (blank) {
      flush(lineStart);
      prevText = false;
    } else {
      const m = FENCE_OPEN.exec(content);
      if (m && !(m[1]![0] === '`' && content.slice(m[0].length).includes('`'))) {
        flush(lineStart);
        fence = m[1]!;
        prevText = false;
      } else if (prevText && SETEXT_UNDERLINE.test(content)) {
        if (out.setext.count++ === 0) out.setext.offset = lineStart;
        flush(lineStart);
        prevText = false;
      } else {
        if (BLOCK_START.test(content)) flush(lineStart);
        if (blockStart < 0) blockStart = lineStart;
        prevText = !/^ {0,3}#{1,6}(?:[ \t]|$)/.test(content);
      }
    }
    lineStart = lineEnd + 1;
  }
  flush(n);
  return out;
}

/**
 * What one marker costs micromark by itself, in characters rescanned: 100 KB of `_a ` takes
 * a second without any rescan, as does 100 KB of `![[]()`.
 */
const EMPHASIS_RUN_COST = 200;
const BRACKET_COST = 400;
const LINK_COST = 8;

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

function kindOf(c: string | undefined): 0 | 1 | 2 {
  if (c === undefined || SPACE.test(c)) return 0; // whitespace (or the edge)
  return PUNCT.test(c) ? 1 : 2; // punctuation, other
}

interface Cost {
  cost: number;
  count: number;
}

/**
 * The rescans of one block [start, end): emphasis closers and label ends walk back to the
 * nearest opener of their kind, or to the start; a label start nothing closes costs a
 * sixteenth of the rest (measured); inline HTML and code spans that nothing closes scan to
 * the end. Code spans are found first and skipped by the rest.
 */
function blockCosts(text: string, start: number, end: number): Record<'emphasis' | 'brackets' | 'html' | 'code', Cost> {
  const res = { emphasis: { cost: 0, count: 0 }, brackets: { cost: 0, count: 0 }, html: { cost: 0, count: 0 }, code: { cost: 0, count: 0 } };
  // Backtick runs; an opener scans forward to the next run of the same length.
  const runs: Array<[number, number]> = [];
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 92 /* \ */) p++;
    else if (c === 96 /* ` */) {
      let q = p;
      while (q < end && text.charCodeAt(q) === 96) q++;
      runs.push([p, q - p]);
      p = q - 1;
    }
  }
  const codeSpans: Array<[number, number]> = [];
  if (runs.length) {
    const next = new Array<number>(runs.length).fill(-1);
    const seen = new Map<number, number>();
    for (let r = runs.length - 1; r >= 0; r--) {
      const k = runs[r]![1];
      next[r] = seen.get(k) ?? -1;
      seen.set(k, r);
    }
    for (let r = 0; r < runs.length; ) {
      const [p, k] = runs[r]!;
      const j = next[r]!;
      if (j >= 0) {
        res.code.cost += runs[j]![0] - p;
        codeSpans.push([p, runs[j]![0] + k]);
        r = j + 1;
      } else {
        res.code.cost += end - p;
        res.code.count++;
        r++;
      }
    }
  }
  const openers: Record<string, number[]> = { '*': [], _: [], '[': [] };
  let span = 0;
  const htmlEnd: Record<string, number> = {};
  for (let p = start; p < end; p++) {
    if (span < codeSpans.length && p >= codeSpans[span]![0]) {
      p = codeSpans[span++]![1] - 1;
      continue;
    }
    const ch = text[p]!;
    if (ch === '\\') {
      p++;
    } else if (ch === '*' || ch === '_') {
      let q = p;
      while (q < end && text[q] === ch) q++;
      const before = kindOf(p > start ? text[p - 1] : undefined);
      const after = kindOf(q < end ? text[q] : undefined);
      const left = after !== 0 && (after === 2 || before !== 2);
      const right = before !== 0 && (before === 2 || after !== 2);
      const canOpen = ch === '*' ? left : left && (!right || before === 1);
      const canClose = ch === '*' ? right : right && (!left || after === 1);
      const stack = openers[ch]!;
      res.emphasis.cost += EMPHASIS_RUN_COST;
      if (canClose && stack.length) res.emphasis.cost += p - stack.pop()!;
      else {
        if (canClose) {
          res.emphasis.cost += p - start;
          res.emphasis.count++;
        }
        if (canOpen) stack.push(p);
      }
      p = q - 1;
    } else if (ch === '[') {
      res.brackets.cost += BRACKET_COST;
      openers['['].push(p);
    } else if (ch === ']') {
      res.brackets.cost += BRACKET_COST;
      const stack = openers['[']!;
      if (stack.length) {
        res.brackets.cost += p - stack.pop()!;
        // A label end that may close a link or a reference marks what precedes it: each
        // costs about eight times the text before it (measured: 40 KB of `[a](b) ` 2.7 s).
        res.brackets.cost += (p - start) * LINK_COST;
        if (text[p + 1] === '(') {
          // The resource: an unclosed title or destination scans on to the end.
          let at = htmlEnd[')'] ?? -1;
          if (at <= p) {
            at = text.indexOf(')', p + 2);
            if (at < 0 || at >= end) at = end;
            htmlEnd[')'] = at;
          }
          res.brackets.cost += at - p;
        }
      } else {
        res.brackets.cost += p - start;
        res.brackets.count++;
      }
    } else if (ch === '<') {
      const d = text[p + 1] ?? '';
      let close: string | undefined;
      if (text.startsWith('<!--', p)) close = '-->';
      else if (d === '?') close = '?>';
      else if (text.startsWith('<![CDATA[', p)) close = ']]>';
      else if (/[A-Za-z/!]/.test(d)) close = '>';
      if (close) {
        let at = htmlEnd[close] ?? -1;
        if (at <= p) {
          at = text.indexOf(close, p + 2);
          if (at < 0 || at >= end) at = end;
          htmlEnd[close] = at;
        }
        res.html.cost += at - p;
        if (at === end) res.html.count++;
      }
    }
  }
  for (const p of openers['[']!) res.brackets.cost += (end - p) / 16;
  res.brackets.count += openers['[']!.length;
  return res;
}
