/**
 * Model values read from source slices, never from mdast string values (see fragment.ts):
 * trimmed text runs, `**Key**: value` fields, lines, and a heading's text.
 */
import type { Span } from '../parse/text';
import type { Field, TextRun } from './types';
import { normalizeKey } from './normalize';

/** Trims a span of source text, returning the trimmed text and its span. */
export function trimRun(text: string, start: number, end: number): TextRun {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), span: { start, end } };
}

/** `/\s/` for one UTF-16 unit, without a regular expression for the common ASCII case. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

const BOLD_FIELD = /^\*\*([^*\n]+?)\*\*[ \t]*:[ \t]*|^\*\*([^*\n]+?):\*\*[ \t]*/;
const PLAIN_FIELD = /^([^\s:*[\]`|#>][^:*[\]`|\n]{0,40}?):[ \t]+(?=\S)/;

/**
 * Reads a field from one line of source text starting at `start`. `plain` allows the
 * `Key: value` form (only inside list items, where marketers write it that way).
 */
export function readField(src: string, start: number, end: number, plain: boolean): Field | undefined {
  const line = src.slice(start, end);
  const lead = line.length - line.trimStart().length;
  const body = line.slice(lead);
  let m = BOLD_FIELD.exec(body);
  let style: Field['style'] = 'bold';
  let labelText: string | undefined;
  let labelOffset = 0;
  if (m) {
    labelText = m[1] ?? m[2]!;
    labelOffset = 2;
  } else if (plain) {
    m = PLAIN_FIELD.exec(body);
    if (m && /^(https?|mailto|ftp)$/i.test(m[1]!)) m = null;
    if (m) {
      labelText = m[1]!;
      style = 'plain';
    }
  }
  if (!m || labelText === undefined) return undefined;
  const labelStart = start + lead + labelOffset;
  const label = trimRun(src, labelStart, labelStart + labelText.length);
  const value = trimRun(src, start + lead + m[0].length, end);
  if (value.text === '' && value.span.start < start + lead + m[0].length) {
    value.span = { start: end, end };
  }
  return { label, key: normalizeKey(label.text), value, span: trimRun(src, start, end).span, style, items: [] };
}

/** Iterates the lines inside [start, end) of src as [lineStart, lineEnd]. */
export function* linesIn(src: string, start: number, end: number): Generator<[number, number]> {
  let pos = start;
  while (pos < end) {
    let e = pos;
    while (e < end && src[e] !== '\n' && src[e] !== '\r') e++;
    yield [pos, e];
    pos = e;
    if (src[pos] === '\r') pos++;
    if (src[pos] === '\n') pos++;
    if (pos === e) break;
  }
}

/**
 * The text of a heading, from its source: for an ATX heading, what lies between the opening
 * `#`s and the optional closing sequence (`## Pain Points ##`); for a setext heading, the
 * lines above the underline.
 */
export function headingTextSpan(src: string, span: Span): Span {
  const line = src.slice(span.start, lineEndAt(src, span.start));
  const atx = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (atx) {
    const start = span.start + atx[0].length;
    let body = line.slice(atx[0].length);
    // A closing sequence must be preceded by a space or tab (or be all there is).
    body = body.replace(/[ \t]+$/, '').replace(/(^|[ \t]+)#+$/, '');
    const lead = body.length - body.trimStart().length;
    return { start: start + lead, end: start + body.length };
  }
  // Setext: everything before the underline, which is the last line of the span.
  let e = span.end;
  while (e > span.start && src.charCodeAt(e - 1) !== 10 && src.charCodeAt(e - 1) !== 13) e--;
  if (e > span.start && src.charCodeAt(e - 1) === 10) e--;
  if (e > span.start && src.charCodeAt(e - 1) === 13) e--;
  return { start: span.start, end: Math.max(span.start, e) };
}

export function lineStartAt(src: string, offset: number): number {
  let i = offset;
  while (i > 0 && src.charCodeAt(i - 1) !== 10 && src.charCodeAt(i - 1) !== 13) i--;
  return i;
}

export function lineEndAt(src: string, offset: number): number {
  let i = offset;
  while (i < src.length && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
  return i;
}

/**
 * The last line of a block that starts at `from` and ends at `end`: an unclosed block may
 * end after its last line break, and then its last line is the one before. `contentEnd` is
 * `end` without that break.
 */
export function lastLineOf(src: string, from: number, end: number): { start: number; text: string; contentEnd: number } {
  let e = end;
  if (e > from && src.charCodeAt(e - 1) === 10) e--;
  if (e > from && src.charCodeAt(e - 1) === 13) e--;
  const start = Math.max(from, lineStartAt(src, e));
  return { start, text: src.slice(start, lineEndAt(src, start)), contentEnd: e };
}

/** The line breaks after the line that holds `offset`, to the end of `src`. */
export function lineBreaksAfter(src: string, offset: number): number {
  return src
    .slice(lineEndAt(src, offset))
    .replace(/\r\n/g, '\n')
    .replace(/[^\r\n]/g, '').length;
}
