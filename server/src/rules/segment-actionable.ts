/**
 * segment-actionable — a segment has no strategy, approach, messaging or value proposition of
 * its own, or the same one as another segment (docs/methodology.md, "The five segment
 * criteria" 5, Actionable: can you create different strategies per segment? If you would
 * market and sell the same way, do not segment). Strategy comes from the segment's own
 * fields and from its subsection under Segment Strategy. "The same" means the same words
 * once stemmed, whatever their order; a pair is reported once, at the later segment
 * (segments/report.ts reportPairs).
 */
import { failing, reportPairs, segmentSpan } from './segments/report';
import { defineRule } from './types';

export default defineRule({
  id: 'segment-actionable',
  severity: 'warning',
  description: 'A segment has no distinct strategy, approach or value proposition.',
  messages: {
    noStrategy: 'Segment "{segment}" has no strategy, approach or value proposition of its own',
    sameStrategy:
      'Segment "{segment}" has the same strategy as "{other}" ("{value}"): if you would market and sell the same way, do not segment',
  },
  check(ctx) {
    reportPairs(ctx, failing(ctx, 'actionable'), 'actionable', 'sameStrategy', (e, earlier) => {
      const args = e.criteria.actionable.args;
      ctx.report({ message: 'sameStrategy', args: { ...args, other: earlier.segment.name }, span: segmentSpan(e.segment) });
    });
  },
});
