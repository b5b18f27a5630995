/**
 * tier-mismatch — the tier a document gives a segment outside the matrix disagrees with the
 * tier its matrix total implies (the segments listed under the tiers must match the matrix
 * rows and their computed tiers):
 *   - a segment is listed under a tier section (`**Segments**:` of Tier 1/2/3) other than its
 *     matrix tier → the listed name;
 *   - a segment's own `**Priority**: Tier 1 (Primary target)` field says another tier → the
 *     stated tier;
 *   - a matrix row is listed under no tier section at all → the row's segment cell.
 * Messages give the matrix total and the tier it implies. The total is the computed one
 * (the sum of the scores), else the stated Total when a score is not a number. The tier
 * thresholds are options, as in score-tier. Names listed under a tier that are not matrix
 * rows are not this rule's business: nothing says which tier they belong to.
 */
import { evaluateMatrices, formatNumber, tierFor, tierRange } from './matrix/evaluate';
import type { MatrixRowEvaluation, Tier, TierThresholds } from './matrix/evaluate';
import { priorityFields, segmentKey, tierLists } from './matrix/names';
import { thresholdsOf, tierThresholdOptions } from './matrix/thresholds';
import { defineRule } from './types';

export type TierMismatchOptions = TierThresholds;

export default defineRule<TierMismatchOptions>({
  id: 'tier-mismatch',
  severity: 'warning',
  description: 'A segment is listed under a tier (or given a Priority/Tier) other than the one its matrix total implies.',
  messages: {
    listed: '"{segment}" is listed under tier {listed}, but its matrix total {total} implies tier {tier} ({range})',
    priority: '"{segment}" is given tier {listed}, but its matrix total {total} implies tier {tier} ({range})',
    unlisted: '"{segment}" (matrix total {total}, tier {tier}) is not listed under any tier',
  },
  ...tierThresholdOptions('score-tier'),
  check(ctx) {
    const thresholds = thresholdsOf(ctx.options);
    // The first row of a name decides its tier: a segment scored twice is a copy, not a second opinion.
    const rows = new Map<string, { row: MatrixRowEvaluation; total: number; tier: Tier }>();
    for (const { rows: list } of evaluateMatrices(ctx.doc, { ...thresholds, language: ctx.language })) {
      for (const row of list) {
        const key = segmentKey(row.segment);
        const total = row.computedTotal ?? row.statedTotal?.value;
        if (!key || total === undefined || rows.has(key)) continue;
        rows.set(key, { row, total, tier: tierFor(total, thresholds) });
      }
    }
    if (!rows.size) return;
    const keys = new Set(rows.keys());
    const args = (r: { total: number; tier: Tier }) => ({
      total: formatNumber(r.total, ctx.language),
      tier: r.tier,
      range: tierRange(r.tier, thresholds),
    });

    const lists = tierLists(ctx.doc, ctx.match, keys);
    const listed = new Set<string>();
    for (const list of lists) {
      for (const name of list.names) {
        const r = rows.get(name.key);
        if (!r) continue;
        listed.add(name.key);
        if (r.tier !== list.tier)
          ctx.report({ message: 'listed', args: { segment: name.name, listed: list.tier, ...args(r) }, span: name.span });
      }
    }
    // Until every tier's list is filled in, a row missing from them may be in the unfilled one.
    if (lists.length && !lists.some((l) => l.unfilled)) {
      for (const [key, r] of rows) {
        if (!listed.has(key))
          ctx.report({ message: 'unlisted', args: { segment: r.row.segment, ...args(r) }, span: r.row.segmentSpan });
      }
    }

    for (const p of priorityFields(ctx.doc, ctx.match, keys)) {
      const r = rows.get(p.key)!;
      if (r.tier !== p.tier)
        ctx.report({ message: 'priority', args: { segment: p.segment, listed: p.tier, ...args(r) }, span: p.tierSpan });
    }
  },
});
