/**
 * recommended-section — a section the kind recommends is missing: for personas, the parts of
 * the comprehensive persona (docs/methodology.md, "The comprehensive persona") that make a
 * persona evidence-based (Quote, Objections, Jobs-to-be-Done, Segment Economics, Real Quotes,
 * Data Sources, Persona Validation); for segmentation analyses, Data Sources, Prioritization
 * and the Checklist ("The prioritization matrix", "The segmentation checklist"), which
 * Russian segmentation documents write too. Fix: insert the section template at its place in
 * template order.
 */
import { reportMissingSection } from './util/missing-section';
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
      reportMissingSection(ctx, spec);
    }
  },
});
