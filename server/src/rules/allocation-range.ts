/**
 * allocation-range — a tier's Resource Allocation is outside the share the prioritization matrix recommends
 * (docs/methodology.md, "The prioritization matrix"):
 * Tier 1 60–70 %, Tier 2 25–35 %, Tier 3 5–10 % (options). The finding points at the value.
 * A range (`60-70%`) is accepted when it lies within the recommended one. A value that is not
 * a percentage (`[%]`, `$2M`) is not read. The shares are the tier sections' Resource
 * Allocation, else a Resource Allocation list or table anywhere in the document.
 */
import { tierAllocations } from './matrix/allocations';
import { formatNumber, type Tier } from './matrix/evaluate';
import { defineRule } from './types';

export interface AllocationRangeOptions {
  tier1Min: number;
  tier1Max: number;
  tier2Min: number;
  tier2Max: number;
  tier3Min: number;
  tier3Max: number;
}

function bounds(o: AllocationRangeOptions, tier: Tier): [number, number] {
  return tier === 1 ? [o.tier1Min, o.tier1Max] : tier === 2 ? [o.tier2Min, o.tier2Max] : [o.tier3Min, o.tier3Max];
}

const percent = (description: string) => ({ type: 'number', minimum: 0, maximum: 100, description });

export default defineRule<AllocationRangeOptions>({
  id: 'allocation-range',
  severity: 'info',
  description: "A tier's resource allocation is outside the recommended share (Tier 1 60–70 %, Tier 2 25–35 %, Tier 3 5–10 %).",
  messages: {
    outside: 'Tier {tier} resource allocation is {value} %, outside the recommended {min}–{max} %',
  },
  defaults: { tier1Min: 60, tier1Max: 70, tier2Min: 25, tier2Max: 35, tier3Min: 5, tier3Max: 10 },
  optionsSchema: {
    type: 'object',
    properties: {
      tier1Min: percent('Lowest recommended Tier 1 share, % (the prioritization matrix: 60).'),
      tier1Max: percent('Highest recommended Tier 1 share, % (the prioritization matrix: 70).'),
      tier2Min: percent('Lowest recommended Tier 2 share, % (the prioritization matrix: 25).'),
      tier2Max: percent('Highest recommended Tier 2 share, % (the prioritization matrix: 35).'),
      tier3Min: percent('Lowest recommended Tier 3 share, % (the prioritization matrix: 5).'),
      tier3Max: percent('Highest recommended Tier 3 share, % (the prioritization matrix: 10).'),
    },
    additionalProperties: false,
  },
  check(ctx) {
    for (const { tier, quantity } of tierAllocations(ctx.match, ctx.language, ctx.doc)) {
      if (!quantity) continue;
      const [min, max] = bounds(ctx.options, tier);
      const low = quantity.min ?? quantity.value;
      const high = quantity.max ?? quantity.value;
      if (low >= min - 1e-9 && high <= max + 1e-9) continue;
      const f = (n: number) => formatNumber(n, ctx.language);
      ctx.report({
        message: 'outside',
        args: { tier, value: quantity.min !== undefined ? `${f(low)}–${f(high)}` : f(quantity.value), min: f(min), max: f(max) },
        span: quantity.span,
      });
    }
  },
});
