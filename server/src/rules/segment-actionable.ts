/**
 * segment-actionable — a segment has no strategy, approach, messaging or value proposition of
 * its own, or the same one as another segment (seed 002, "Segmentation Validation Criteria"
 * 5: can you create different strategies per segment? If you'd market and sell the same way,
 * don't segment). Strategy comes from the segment's own fields and from its subsection under
 * Segment Strategy. "The same" means the same words once stemmed, whatever their order; a
 * pair is reported once, at the later segment.
 */
import { failing, reportCriterion, segmentSpan } from './segments/report';
import { defineRule } from './types';

export default defineRule({
  id: 'segment-actionable',
  severity: 'warning',
  description: 'A segment has no distinct strategy, approach or value proposition.',
  messages: {
    noStrategy: 'Segment "{segment}" has no strategy, approach or value proposition of its own',
    sameStrategy: 'Segment "{segment}" has the same strategy as "{other}" ("{value}"): if you would market and sell the same way, do not segment',
  },
  check(ctx) {
    for (const e of failing(ctx, 'actionable')) {
      const c = e.criteria.actionable;
      if (c.reason !== 'sameStrategy') {
        reportCriterion(ctx, e, 'actionable');
        continue;
      }
      const earlier = (c.others ?? []).find((o) => o.segment.span.start < e.segment.span.start);
      if (!earlier) continue;
      ctx.report({ message: 'sameStrategy', args: { ...c.args, other: earlier.segment.name }, span: segmentSpan(e.segment) });
    }
  },
});
