/**
 * recommended-section — a section the kind recommends is missing: for personas, the parts of
 * seed 002's comprehensive template that make a persona evidence-based (Quote, Objections,
 * Jobs-to-be-Done, Segment Economics, Real Quotes, Data Sources, Persona Validation); for
 * segmentation analyses, Data Sources, Prioritization and the Checklist (seeds 002–003).
 * Fix: insert the section template at its place in template order.
 */
import { renameHeading, sectionInsertion } from './util/insert';
import { documentSpan, sectionTitle } from './util/report';
import { maybeUnparsed, unparsedHeadings } from './util/skipped';
import { defineRule } from './types';

export default defineRule({
  id: 'recommended-section',
  severity: 'info',
  description: 'A section the methodology recommends for this kind of document is missing.',
  messages: {
    missing: 'Missing recommended section "{section}"',
    missingNear: 'Missing recommended section "{section}"; is "{heading}" meant to be it? Rename that heading if so',
    insert: 'Insert section "{section}"',
    rename: 'Rename "{heading}" to "{section}"',
  },
  check(ctx) {
    const unparsed = unparsedHeadings(ctx.doc);
    for (const spec of ctx.kind.sections) {
      if (!spec.recommended || spec.required || ctx.match.byId.has(spec.id)) continue;
      if (maybeUnparsed(spec, unparsed)) continue;
      const title = sectionTitle(spec, ctx.language);
      const near = ctx.match.probable.get(spec.id);
      ctx.report({
        message: near ? 'missingNear' : 'missing',
        args: near ? { section: title, heading: near.heading.text } : { section: title },
        span: documentSpan(ctx.doc),
        fixes: [
          { title: 'insert', args: { section: title }, edits: [sectionInsertion(ctx.doc, ctx.kind, ctx.match, spec, ctx.language)], preferred: true },
          ...(near ? [{ title: 'rename', args: { heading: near.heading.text, section: title }, edits: [renameHeading(near, title)] }] : []),
        ],
      });
    }
  },
});
