/**
 * segment-accessible — a segment names no channel or way to reach or identify its members
 * (docs/methodology.md, "The five segment criteria" 3, Accessible: can marketing and sales
 * reach this segment, can you identify its members?). Channels come from the segment's own fields
 * (Channels, How to Reach, Каналы, Как достучаться) and from its subsection under Segment
 * Strategy.
 */
import { failing, reportCriterion } from './segments/report';
import { defineRule } from './types';

export default defineRule({
  id: 'segment-accessible',
  severity: 'warning',
  description: 'A segment names no channel or way to reach or identify its members.',
  messages: {
    noChannels: 'Segment "{segment}" names no channel to reach or identify its members',
  },
  check(ctx) {
    for (const e of failing(ctx, 'accessible')) reportCriterion(ctx, e, 'accessible');
  },
});
