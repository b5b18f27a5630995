/**
 * The one place that runs remark. Everything else consumes the document model.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * Parses Markdown with the plugins segdoc uses (CommonMark + GFM + YAML front matter).
 * Offsets in the tree are offsets into `text`; callers strip a BOM first (micromark drops
 * it silently, which would shift every offset by one).
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Limits that keep a pathological document from freezing the server. */
export interface ParseLimits {
  /** Documents longer than this (UTF-16 code units) are not checked at all. */
  maxDocumentLength: number;
  /** A single chunk (the text between two top-level headings) longer than this is not parsed. */
  maxChunkLength: number;
  /** Block quotes nested deeper than this are not parsed (micromark overflows its stack). */
  maxQuoteDepth: number;
  /** Lines indented deeper than this (deeply nested lists) are not parsed. */
  maxIndent: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxDocumentLength: 2_000_000,
  maxChunkLength: 160_000,
  maxQuoteDepth: 16,
  maxIndent: 64,
};

export type LimitReason =
  | { reason: 'document-length'; length: number; limit: number }
  | { reason: 'chunk-length'; length: number; limit: number }
  | { reason: 'quote-depth'; depth: number; limit: number; offset: number }
  | { reason: 'indent'; indent: number; limit: number; offset: number };

/**
 * Finds input that micromark handles super-linearly or recursively (see
 * ../shared/notes/remark-performance.md): very long chunks, deep block quotes, deep
 * nesting. Linear in the text; returns the first problem found.
 */
export function checkChunkLimits(text: string, limits: ParseLimits): LimitReason | undefined {
  if (text.length > limits.maxChunkLength) {
    return { reason: 'chunk-length', length: text.length, limit: limits.maxChunkLength };
  }
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let depth = 0;
    let indent = 0;
    let j = lineStart;
    for (; j < i; j++) {
      const d = text.charCodeAt(j);
      if (d === 62 /* > */) depth++;
      else if (d === 32) indent++;
      else if (d === 9) indent += 4;
      else break;
    }
    if (depth > limits.maxQuoteDepth) {
      return { reason: 'quote-depth', depth, limit: limits.maxQuoteDepth, offset: lineStart };
    }
    if (indent > limits.maxIndent && j < i) {
      return { reason: 'indent', indent, limit: limits.maxIndent, offset: lineStart };
    }
    lineStart = i + 1;
  }
  return undefined;
}
