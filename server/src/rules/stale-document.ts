/**
 * stale-document — the persona's "Last Updated" (Persona Validation, docs/methodology.md
 * "The comprehensive persona") or the document's metadata Date is older than the review
 * period. The methodology refines personas and prioritization quarterly, hence 90 days by
 * default. Dates are read as YYYY-MM-DD,
 * DD.MM.YYYY or "Month YYYY" in English and Russian ("January 2025", "январь 2025"); a
 * month-only date counts from the month's last day. Dates that cannot be read are the
 * metadata rule's business, not this one's.
 */
import type { Field } from '../model/types';
import { daysBetween, findDate } from './util/dates';
import { defineRule } from './types';

export interface StaleOptions {
  /** Days after which a document is due for review. */
  reviewPeriodDays: number;
}

/** Where each kind keeps the date the document was last brought up to date. */
const DATE_FIELDS: Array<[section: string, field: string]> = [
  ['persona-validation', 'last-updated'],
  ['metadata', 'date'],
];

export default defineRule<StaleOptions>({
  id: 'stale-document',
  severity: 'info',
  description: 'The document was last updated longer ago than the review period.',
  messages: {
    stale: 'Last updated {days} days ago ({date}); the review period is {period} days',
  },
  defaults: { reviewPeriodDays: 90 },
  optionsSchema: {
    type: 'object',
    properties: {
      reviewPeriodDays: {
        type: 'integer',
        minimum: 1,
        description: 'Days after which a document is due for review (personas are refined quarterly).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const period = ctx.options.reviewPeriodDays;
    for (const [sectionId, fieldId] of DATE_FIELDS) {
      const field: Field | undefined = ctx.match.fields.get(sectionId)?.get(fieldId);
      if (!field) continue;
      const found = findDate(field.value.text);
      if (!found) continue;
      const days = daysBetween(found.date, ctx.now);
      if (days <= period) continue;
      const start = field.value.span.start + found.start;
      ctx.report({ message: 'stale', args: { days, date: found.text, period }, span: { start, end: start + found.text.length } });
    }
  },
});
