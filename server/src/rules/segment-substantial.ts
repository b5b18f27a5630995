/**
 * segment-substantial — a segment's revenue potential is below the minimum, or cannot be
 * computed (docs/methodology.md, "The five segment criteria" 2, Substantial: a viable segment
 * usually has more than $1M revenue potential; 100 companies × $1k ACV = $100k is too small). The
 * revenue potential is the one stated in money, else size × ACV; amounts in other currencies
 * are converted to US dollars at the `rates` (so `200 × 50 тыс. ₽`, about $110k, is not
 * substantial), and monthly amounts are made yearly.
 */
import { DEFAULT_RATES, type Currency } from '../model/numbers';
import { EVALUATION_DEFAULTS } from './segments/evaluate';
import { failing, reportCriterion } from './segments/report';
import { defineRule } from './types';

export interface SubstantialOptions {
  /** Minimum revenue potential, in US dollars. */
  minimum: number;
  /** US dollars per unit of each currency. */
  rates: Partial<Record<Currency, number>>;
}

export default defineRule<SubstantialOptions>({
  id: 'segment-substantial',
  severity: 'warning',
  description: "A segment's revenue potential (stated, or size × ACV) is below the minimum or cannot be computed.",
  messages: {
    below: 'Revenue potential of segment "{segment}" is {amount} ({basis}), below the {minimum} minimum',
    belowStated: 'Revenue potential of segment "{segment}" is {amount}, below the {minimum} minimum',
    noRevenue: 'Revenue potential of segment "{segment}" cannot be computed: no revenue potential and no size × ACV',
    noAcv: 'Revenue potential of segment "{segment}" cannot be computed: it has a size ({size}) but no ACV or revenue potential',
    noSize: 'Revenue potential of segment "{segment}" cannot be computed: it has an ACV ({acv}) but no size or revenue potential',
  },
  defaults: { minimum: EVALUATION_DEFAULTS.minimum, rates: { ...DEFAULT_RATES } },
  optionsSchema: {
    type: 'object',
    properties: {
      minimum: {
        type: 'number',
        minimum: 0,
        description: 'Minimum revenue potential in US dollars (the five segment criteria: usually more than $1M).',
      },
      rates: {
        type: 'object',
        description: 'US dollars per unit of each currency, used to convert amounts in other currencies.',
        properties: Object.fromEntries(Object.keys(DEFAULT_RATES).map((c) => [c, { type: 'number', exclusiveMinimum: 0 }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    for (const e of failing(ctx, 'substantial', { minimum: ctx.options.minimum, rates: ctx.options.rates }))
      reportCriterion(ctx, e, 'substantial');
  },
});
