/**
 * Where the cursor is, decided from the text of its line: a heading being typed, a field
 * being started, an empty line (both), or after a field's colon.
 *
 * A trigger character only opens what it starts: `#` a heading, `:` a value, a space right
 * after the `#` markers a heading title, a space right after a label's colon a value. Other
 * spaces (in prose, inside a value, after a list marker) open nothing: field names popping up
 * at every bullet would interrupt lists; asking for completion there does offer them.
 */
import type { Span } from '../../parse/text';
import { sectionDepth } from '../../rules/util/insert';
import type { LintResult } from '../engine';
import { fieldPlace } from './fields';
import type { CompletionPlace } from './types';
import { valuePlace } from './values';

const HEADING_PREFIX = /^( {0,3})(#{1,6})(?:[ \t]+([^#]*))?$/;
const FIELD_PREFIX = /^[ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*{0,2}[^*:[\]`|#>\n]{0,40})$/u;
/** A field label and its colon: `**Key**:` or `**Key:**` anywhere, `Key:` only after a list marker (as model/fragment.ts reads fields). */
const VALUE_PREFIX =
  /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[^\s:*[\]`|#>][^:*[\]`|\n]{0,40}?:|(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\*\*[^*\n]+?(?:\*\*[ \t]*:|:\*\*))/;

/**
 * Whether completion can offer anything on a line that starts with `linePrefix` (the text
 * from the line's start to the cursor), given the trigger character if one triggered it.
 * Cheap: the server asks this before checking the document, so a space typed in prose costs
 * nothing.
 */
export function mayComplete(linePrefix: string, trigger?: string): boolean {
  const heading = HEADING_PREFIX.test(linePrefix);
  const value = VALUE_PREFIX.test(linePrefix);
  if (trigger === '#') return heading;
  if (trigger === ':') return value;
  // A space opens completion only right after the `#` markers or right after a label's colon:
  // every other space typed in a heading or a value asks nothing (and checks nothing).
  if (trigger === ' ') return /^ {0,3}#{1,6}[ \t]+$/.test(linePrefix) || (value && /:(?:\*\*)?[ \t]+$/.test(linePrefix));
  return heading || value || FIELD_PREFIX.test(linePrefix);
}

/** Where the cursor is; undefined when completion has nothing to offer there. */
export function completionPlace(result: LintResult, offset: number, trigger?: string): CompletionPlace | undefined {
  const { doc, match, detection } = result;
  if (!match || !detection) return undefined;
  const inSpan = (s: Span): boolean => s.start <= offset && offset < s.end;
  if (doc.codeSpans.some(inSpan) || doc.comments.some((c) => inSpan(c.span)) || (doc.frontMatter && inSpan(doc.frontMatter.span)))
    return undefined;
  const lines = doc.lines;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const prefix = doc.text.slice(lineStart, offset);
  const rest = doc.text.slice(offset, lineEnd);
  const kind = detection.kind;
  if (trigger !== undefined && !mayComplete(prefix, trigger)) return undefined;

  if (trigger === undefined || trigger === '#' || trigger === ' ') {
    const h = HEADING_PREFIX.exec(prefix);
    if (h && h[2]!.length <= sectionDepth(kind, match)) {
      const start = lineStart + h[1]!.length;
      return { type: 'heading', span: { start, end: lineEnd }, typed: h[2]! };
    }
  }

  if (trigger === undefined || trigger === ':' || trigger === ' ') {
    const value = valuePlace(result, lineStart, lineEnd, offset);
    if (value) return value;
  }

  if (trigger !== undefined || rest.trim() !== '') return undefined;
  const f = FIELD_PREFIX.exec(prefix);
  if (!f) return undefined;
  const marker = f[1] !== undefined;
  const start = offset - f[2]!.length;
  const fields = fieldPlace(result, { start, end: offset }, marker);
  if (prefix.trim() === '') {
    return { type: 'heading', span: { start: lineStart, end: lineEnd }, typed: '', ...(fields.specs.length ? { fields } : {}) };
  }
  return fields.specs.length ? { type: 'field', ...fields } : undefined;
}
