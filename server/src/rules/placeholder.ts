/**
 * placeholder — template text that was never filled in: `[Persona Name]`, `$[Amount]`,
 * `[X:1]`, `YYYY-MM-DD` (the methodology's templates are full of them). Each one is
 * reported where it is. Not placeholders (model/placeholders.ts): links and images, task-list
 * boxes, footnotes, reference labels that have a definition, and anything in code, front
 * matter or HTML comments (where people keep notes and templates on purpose), or in parts
 * too large to parse.
 */
import { findPlaceholders } from '../model/placeholders';
import type { Span } from '../parse/text';
import { unparsedRegions } from './util/skipped';
import { defineRule } from './types';

export default defineRule({
  id: 'placeholder',
  severity: 'warning',
  description: 'An unfilled template placeholder remains in the document.',
  messages: {
    unfilled: 'Unfilled placeholder "{text}"',
  },
  check(ctx) {
    const { doc } = ctx;
    const exclude: Span[] = [...doc.codeSpans, ...doc.comments.map((c) => c.span)];
    if (doc.frontMatter) exclude.push(doc.frontMatter.span);
    // What was not parsed was not checked (parse-limit says so), and code there is unknown.
    exclude.push(...unparsedRegions(doc));
    for (const p of findPlaceholders(doc.text, doc.definitions, exclude)) {
      ctx.report({ message: 'unfilled', args: { text: p.text }, span: p.span });
    }
  },
});
