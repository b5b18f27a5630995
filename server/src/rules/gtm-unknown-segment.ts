/**
 * gtm-unknown-segment — a GTM plan's Target Segments (`**Primary**: …`, `**Secondary**: …`,
 * `**Основной**: …`) name a segment that no document of the workspace defines. The GTM
 * template targets segments of the segmentation ("Primary: [Segment] — [Why]"); a target
 * that matches none of them is a typo, a renamed segment, or a segment nobody has sized.
 *
 * The name is the value up to the reasons after it (`Mid-Market Platform Teams — 4,200
 * companies …`). It is known when the plan itself defines it (segment headings under its
 * Target Segments) or any document of the workspace does, matched as unknown-segment matches
 * a persona's Segment (keys, more words, the whole name inside, the same stems). When the
 * workspace defines no segment at all the rule says nothing; a near miss of one segment is
 * reported as such, with a fix that writes it.
 */
import { defineRule } from './types';
import { reportSegmentName, SegmentList, workspaceMatch } from './workspace/compare';

export default defineRule({
  id: 'gtm-unknown-segment',
  severity: 'warning',
  kinds: ['gtm'],
  description: "A GTM plan's Target Segments name a segment that no document of the workspace defines.",
  messages: {
    unknown: 'Target segment "{segment}" is not defined in the workspace; known segments: {known}',
    typo: 'Target segment "{segment}" is not defined in the workspace: did you mean "{name}" ({source})?',
    defined: 'Segment "{name}" is defined here',
    replace: 'Replace with "{name}"',
  },
  checkWorkspace(ctx) {
    const targets = ctx.facts.targets;
    if (!targets?.length) return;
    const index = ctx.model.segmentIndex();
    const own = new SegmentList(ctx.facts.segments, ctx.facts.title);
    if (index.empty && own.empty) return;
    const matches = targets.map((at) => {
      if (own.match(at.text).kind === 'known') return { kind: 'known' } as const;
      return index.empty ? own.match(at.text) : workspaceMatch(ctx.model, at.text);
    });
    // A plan none of whose targets the workspace defines (or nearly) is about segments it does not hold.
    if (!matches.some((m) => m.kind !== 'unknown')) return;
    const known = index.empty ? own.listed() : index.listed();
    targets.forEach((at, i) => reportSegmentName(ctx, at, matches[i]!, { unknown: 'unknown', known, defined: 'defined' }));
  },
});
