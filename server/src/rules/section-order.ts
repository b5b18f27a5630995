/**
 * section-order — for kinds whose template is a sequence (the numbered GTM template:
 * Metadata, Executive Summary, 1. Market Analysis … 10. Next Steps, Appendices), a section
 * that is out of template order.
 *
 * Which section is "out of order" is decided the way a reader would: the longest run of
 * sections already in order stays, and only the others are reported. Moving "8. Budget" to
 * the top is one misplaced section, not seven; for a swapped pair the later one is reported.
 * The message names the section it should precede (or, at the end, follow).
 */
import type { Section } from '../model/types';
import { headingSpan } from './util/report';
import { longestOrderedRun } from './util/order';
import { defineRule } from './types';

export default defineRule({
  id: 'section-order',
  severity: 'info',
  description: 'Sections are not in the order of the template.',
  messages: {
    before: 'Section "{section}" should come before "{other}"',
    after: 'Section "{section}" should come after "{other}"',
  },
  check(ctx) {
    if (!ctx.kind.ordered) return;
    const present = ctx.match.matches.filter(({ spec, section }) => ctx.match.byId.get(spec.id) === section);
    const kept = longestOrderedRun(
      present.map((m) => m.spec.order),
      true,
    );
    present.forEach(({ spec, section }, i) => {
      if (kept.has(i)) return;
      // Where it belongs among the sections that stay: before the first of them that the
      // template puts after it, when that one comes earlier in the document; otherwise after
      // the last of them that the template puts before it, which then comes later.
      let other: Section | undefined;
      let message = 'before';
      const next = present.findIndex((m, j) => kept.has(j) && m.spec.order > spec.order);
      if (next >= 0 && next < i) other = present[next]!.section;
      else {
        message = 'after';
        for (let j = present.length - 1; j > i; j--) {
          if (kept.has(j) && present[j]!.spec.order < spec.order) {
            other = present[j]!.section;
            break;
          }
        }
      }
      if (!other) return;
      ctx.report({ message, args: { section: section.heading.text, other: other.heading.text }, span: headingSpan(section) });
    });
  },
});
