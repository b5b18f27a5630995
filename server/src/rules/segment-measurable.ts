/**
 * segment-measurable — a segment has no size with a number: no count of companies or users
 * (docs/methodology.md, "The five segment criteria" 1, Measurable: can you size the segment
 * with data?). A
 * money amount (TAM) or a percent of the market does not size a segment, and a count of
 * employees is the companies' size, not the segment's (see segments/evaluate.ts).
 */
import { failing, reportCriterion } from './segments/report';
import { defineRule } from './types';

export default defineRule({
  id: 'segment-measurable',
  severity: 'warning',
  description: 'A segment has no size with a number (a count of companies or users).',
  messages: {
    noSize: 'Segment "{segment}" has no size: give the number of companies or users in it',
    noCount: 'The size of segment "{segment}" has no count of companies or users: "{value}"',
  },
  check(ctx) {
    for (const e of failing(ctx, 'measurable')) reportCriterion(ctx, e, 'measurable');
  },
});
