/**
 * segment-differentiable — two segments' needs, pains and value propositions overlap above a
 * threshold, or a segment states none to tell it apart (seed 002, "Segmentation Validation
 * Criteria" 4: do they have different needs? and "Mistake 3: Segments Too Similar"). The
 * overlap is the Jaccard index of the stemmed words of both texts, in English and Russian
 * (segments/similarity.ts). A pair is reported once, at the later segment, naming both; a
 * segment like several earlier ones names the closest.
 */
import { EVALUATION_DEFAULTS } from './segments/evaluate';
import { failing, reportCriterion, segmentSpan } from './segments/report';
import { defineRule } from './types';

export interface DifferentiableOptions {
  /** Overlap (0–1) above which two segments are too similar. */
  threshold: number;
}

export default defineRule<DifferentiableOptions>({
  id: 'segment-differentiable',
  severity: 'warning',
  description: "Two segments' needs, pains and value propositions overlap above the threshold, or a segment states none.",
  messages: {
    overlap: 'Needs of "{other}" and "{segment}" overlap {percent}% (threshold {threshold}%): serve them differently or merge them',
    noNeeds: 'Segment "{segment}" states no needs, pains or value proposition to tell it apart from the other segments',
  },
  defaults: { threshold: EVALUATION_DEFAULTS.threshold },
  optionsSchema: {
    type: 'object',
    properties: {
      threshold: { type: 'number', minimum: 0, maximum: 1, description: 'Overlap (0–1, Jaccard index of stemmed words) above which two segments are too similar.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const threshold = ctx.options.threshold;
    for (const e of failing(ctx, 'differentiable', { threshold })) {
      const c = e.criteria.differentiable;
      if (c.reason !== 'overlap') {
        reportCriterion(ctx, e, 'differentiable');
        continue;
      }
      // At the later segment of a pair, naming the closest earlier one: one finding per
      // segment however many it resembles, and the earlier one gets its finding from its own
      // earlier partners, if any.
      const closest = (c.others ?? []).find((o) => o.segment.span.start < e.segment.span.start);
      if (!closest) continue;
      ctx.report({
        message: 'overlap',
        args: { segment: e.segment.name, other: closest.segment.name, percent: Math.round(closest.value * 100), threshold: Math.round(threshold * 100) },
        span: segmentSpan(e.segment),
      });
    }
  },
});
