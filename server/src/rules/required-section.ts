/**
 * required-section — a section the kind's schema requires is missing (docs/methodology.md:
 * "The persona template", "The segmentation template", "The GTM template"). Fix: insert the
 * section template at its place in template order.
 */
import { reportMissingSection } from './util/missing-section';
import { headingSpan } from './util/report';
import { maybeUnparsed, unparsedHeadings } from './util/skipped';
import { defineRule } from './types';

export default defineRule({
  id: 'required-section',
  severity: 'error',
  description: 'A section the document kind requires is missing.',
  messages: {
    missing: 'Missing required section "{section}"',
    missingNear: 'Missing required section "{section}"; is "{heading}" meant to be it? Rename that heading if so',
    insert: 'Insert section "{section}"',
    rename: 'Rename "{heading}" to "{section}"',
    incomplete: 'Section "{section}" lacks the content the document kind requires',
  },
  check(ctx) {
    const unparsed = unparsedHeadings(ctx.doc);
    for (const issue of ctx.issues) {
      if (issue.rule !== 'required-section' || !issue.section) continue;
      const spec = issue.section;
      // A section in a part that was too large to parse may well be there; parse-limit says so.
      if (maybeUnparsed(spec, unparsed)) continue;
      // A check such as "at least one prioritization matrix" can fail while the section's
      // heading is there: point at that heading rather than insert the section again.
      const present = ctx.match.byId.get(spec.id);
      if (present && issue.keyword !== 'required') {
        ctx.report({ message: 'incomplete', args: { section: present.heading.text }, span: headingSpan(present) });
        continue;
      }
      reportMissingSection(ctx, spec);
    }
  },
});
