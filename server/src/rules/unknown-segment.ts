/**
 * unknown-segment — a persona's `**Segment**:` names no segment the workspace's segdoc
 * documents define. The comprehensive persona ties every persona to a segment of the
 * segmentation ("Segment: [Which segment this persona represents]"); a name that matches
 * none of them is a typo, a renamed segment, or a segment nobody has analysed yet.
 *
 * The known segments come from the workspace model (rules/workspace/model.ts): the language
 * server's workspace, the CLI's checked files. When it knows of no segment at all the rule says
 * nothing — there is nothing to compare with. A name matches a segment when their keys are
 * equal, or one is the other followed by more words ("Mid-Market SaaS" ↔ "Mid-Market SaaS
 * platform teams"), or the value mentions the segment's whole name. When one known segment
 * is close enough to be a typo, the message says which and the fix writes it. The list is
 * indexed once per workspace (segments/known.ts), so a check costs the same whatever its size.
 */
import { segmentNameKey } from '../model/segments';
import { defineRule } from './types';
import { reportSegmentName } from './workspace/compare';

export default defineRule({
  id: 'unknown-segment',
  severity: 'warning',
  kinds: ['persona'],
  description: "A persona's Segment names no segment the workspace's segmentation documents define.",
  messages: {
    unknown: 'Segment "{segment}" is not defined in the workspace; known segments: {known}',
    typo: 'Segment "{segment}" is not defined in the workspace: did you mean "{name}" ({source})?',
    replace: 'Replace with "{name}"',
  },
  checkWorkspace(ctx) {
    const index = ctx.model.segmentIndex();
    if (index.empty) return;
    for (const at of ctx.facts.segmentRefs) {
      reportSegmentName(ctx, at, index.match(segmentNameKey(at.text)), { unknown: 'unknown', known: index.listed() });
    }
  },
});
