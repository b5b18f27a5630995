/**
 * allocation-sum — the percentages of one allocation do not add up to 100 %:
 *   - the Resource Allocation of the tier sections (docs/methodology.md, "The prioritization
 *     matrix"; e.g. 65 % + 30 % + 5 %);
 *   - the channel mix of a GTM Channel Strategy section (`- **Direct**: 65% — …`, "The GTM
 *     template");
 *   - the split of a GTM Budget section (`- **Paid campaigns**: 30%`; the `Total` line is the
 *     whole, not a share).
 * Each is read in any layout (matrix/allocations.ts): lists, label lines, nested lists, and
 * tables with a percentage column (`| Channel | Share |`); the tier split also from a
 * Resource Allocation list or table anywhere in the document when the tier sections state none.
 * The finding points at the last share and says the sum and its parts: "Resource allocation
 * adds up to 95 % (65 + 25 + 5), not 100 %". An allocation with a range (`60-70%`) has no
 * single sum and is not checked; neither is one with fewer than two percentages.
 */
import { allocationSpan, findAllocations } from './matrix/allocations';
import { formatNumber } from './matrix/evaluate';
import { defineRule } from './types';

export interface AllocationSumOptions {
  /** How far from 100 the sum may be, in percentage points (33.3 × 3 = 99.9). */
  tolerance: number;
}

export default defineRule<AllocationSumOptions>({
  id: 'allocation-sum',
  severity: 'warning',
  description: 'The percentages of one allocation (tiers, channels, budget) do not add up to 100 %.',
  messages: {
    tiers: 'Resource allocation adds up to {sum} % ({parts}), not 100 %',
    channels: 'Channel mix adds up to {sum} % ({parts}), not 100 %',
    budget: 'Budget split adds up to {sum} % ({parts}), not 100 %',
  },
  defaults: { tolerance: 0.5 },
  optionsSchema: {
    type: 'object',
    properties: {
      tolerance: {
        type: 'number',
        minimum: 0,
        description: 'How far from 100 the sum may be, in percentage points (rounding: 33.3 × 3 = 99.9).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    for (const allocation of findAllocations(ctx.match, ctx.language, ctx.doc)) {
      if (allocation.hasRange) continue;
      const values = allocation.parts.map((p) => p.quantity.value);
      const sum = values.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 100) <= ctx.options.tolerance + 1e-9) continue;
      ctx.report({
        message: allocation.kind,
        args: { sum: formatNumber(sum, ctx.language), parts: values.map((v) => formatNumber(v, ctx.language)).join(' + ') },
        span: allocationSpan(allocation),
      });
    }
  },
});
