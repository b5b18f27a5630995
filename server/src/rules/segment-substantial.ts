/**
 * segment-substantial — a segment's revenue potential is below the minimum, or cannot be
 * computed (seed 002, "Segmentation Validation Criteria" 2: minimum viable segment usually
 * more than $1M revenue potential; "100 companies × $1k ACV = $100k (too small)"). The
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
  description: {
    en: "A segment's revenue potential (stated, or size × ACV) is below the minimum or cannot be computed.",
    ru: 'Потенциал выручки сегмента (указанный или размер × средний чек) ниже минимума или не вычисляется.',
  },
  messages: {
    below: {
      en: 'Revenue potential of segment "{segment}" is {amount} ({basis}), below the {minimum} minimum',
      ru: 'Потенциал выручки сегмента «{segment}» — {amount} ({basis}), это меньше минимума {minimum}',
    },
    belowStated: {
      en: 'Revenue potential of segment "{segment}" is {amount}, below the {minimum} minimum',
      ru: 'Потенциал выручки сегмента «{segment}» — {amount}, это меньше минимума {minimum}',
    },
    noRevenue: {
      en: 'Revenue potential of segment "{segment}" cannot be computed: no revenue potential and no size × ACV',
      ru: 'Потенциал выручки сегмента «{segment}» не вычислить: нет ни потенциала выручки, ни размера × среднего чека',
    },
    noAcv: {
      en: 'Revenue potential of segment "{segment}" cannot be computed: it has a size ({size}) but no ACV or revenue potential',
      ru: 'Потенциал выручки сегмента «{segment}» не вычислить: размер есть ({size}), но нет среднего чека или потенциала выручки',
    },
    noSize: {
      en: 'Revenue potential of segment "{segment}" cannot be computed: it has an ACV ({acv}) but no size or revenue potential',
      ru: 'Потенциал выручки сегмента «{segment}» не вычислить: средний чек есть ({acv}), но нет размера или потенциала выручки',
    },
  },
  defaults: { minimum: EVALUATION_DEFAULTS.minimum, rates: { ...DEFAULT_RATES } },
  optionsSchema: {
    type: 'object',
    properties: {
      minimum: { type: 'number', minimum: 0, description: 'Minimum revenue potential in US dollars (seed 002: usually more than $1M).' },
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
    for (const e of failing(ctx, 'substantial', { minimum: ctx.options.minimum, rates: ctx.options.rates })) reportCriterion(ctx, e, 'substantial');
  },
});
