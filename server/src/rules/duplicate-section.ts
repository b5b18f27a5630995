/**
 * duplicate-section — two headings name the same section (`## Goals` and later
 * `## Goals & Success Metrics`). Only the first one counts for validation and tallies, so
 * what is written under the later one is easy to lose; the later heading is reported with
 * the line of the first.
 */
import { headingSpan } from './util/report';
import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-section',
  severity: 'warning',
  description: 'The same section appears more than once.',
  messages: {
    duplicate: 'Section "{section}" repeats "{first}" from line {line}',
  },
  check(ctx) {
    for (const { spec, section } of ctx.match.matches) {
      const first = ctx.match.byId.get(spec.id);
      if (!first || first === section) continue;
      ctx.report({
        message: 'duplicate',
        args: {
          section: section.heading.text,
          first: first.heading.text,
          line: ctx.doc.lines.lineAt(first.heading.span.start) + 1,
        },
        span: headingSpan(section),
      });
    }
  },
});
