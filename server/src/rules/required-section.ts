/**
 * required-section — a section the kind's schema requires is missing (seed 000 persona
 * template, seed 000/001 save templates). Fix: insert the section template at its place in
 * template order.
 */
import { renameHeading, sectionInsertion } from './util/insert';
import { documentSpan, headingSpan, sectionTitle } from './util/report';
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
      const title = sectionTitle(spec, ctx.language);
      // A check such as "at least one prioritization matrix" can fail while the section's
      // heading is there: point at that heading rather than insert the section again.
      const present = ctx.match.byId.get(spec.id);
      if (present && issue.keyword !== 'required') {
        ctx.report({ message: 'incomplete', args: { section: present.heading.text }, span: headingSpan(present) });
        continue;
      }
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
