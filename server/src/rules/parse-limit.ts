/**
 * parse-limit — part of the document was not checked because it exceeds a parse limit
 * (parse/markdown.ts DEFAULT_LIMITS: documents over 2 MB, chunks over 100 KB, block quotes
 * nested deeper than 16, list markers past column 64, and the inline shapes micromark parses in
 * quadratic time: runs of setext headings, unpaired emphasis markers and brackets, unclosed
 * inline HTML and code spans; see ARCHITECTURE.md "Parsing"). Without this the
 * user would take silence for a clean bill of health. One diagnostic per skipped part, on
 * the line where the problem starts, with the numbers.
 */
import { defineRule } from './types';

export default defineRule({
  id: 'parse-limit',
  severity: 'warning',
  description: 'Part of the document is too large or too deeply nested to be checked.',
  messages: {
    'document-length': 'This document was not checked: it is {length} characters long, over the limit of {limit}',
    'chunk-length': 'This section was not checked: it is {length} characters long, over the limit of {limit}',
    'quote-depth': 'This section was not checked: block quotes are nested {depth} deep here, over the limit of {limit}',
    indent: 'This section was not checked: this line is indented {indent} columns, over the limit of {limit}',
    setext:
      'This section was not checked: it has {count} headings underlined with = or -, over the limit of {limit} for its length',
    emphasis:
      'This section was not checked: its * and _ markers do not pair up, and a paragraph like this takes too long to read',
    brackets:
      'This section was not checked: it has too many links or square brackets that do not pair up, and a paragraph like this takes too long to read',
    'inline-html':
      'This section was not checked: it has HTML comments or tags that are never closed, and a paragraph like this takes too long to read',
    'code-spans':
      'This section was not checked: it has backticks that are never closed, and a paragraph like this takes too long to read',
    'parse-time':
      'This section was not checked: reading it took longer than {budget} ms, so it was stopped (the rest of the document is checked)',
    'parse-failed':
      'This section was not checked: reading it failed (it needs more memory than segdoc allows); the rest of the document is checked',
  },
  check(ctx) {
    const { lines } = ctx.doc;
    for (const part of ctx.doc.skipped) {
      // The skipped part is a point; the whole line it is on is easier to see.
      const line = lines.lineAt(part.span.start);
      const span = lines.lineSpan(line);
      ctx.report({ message: part.reason, args: { ...part.detail }, span: span.end > span.start ? span : part.span });
    }
  },
});
