/**
 * segment-differentiable — two segments' needs, pains and value propositions overlap above a
 * threshold, or a segment states none to tell it apart (docs/methodology.md, "The five
 * segment criteria" 4, Differentiable: do they have different needs?). The overlap is the
 * Jaccard index of the stemmed words of both texts, in English and Russian
 * (segments/similarity.ts). A pair is reported once, at the later segment, naming both; a
 * segment like several earlier ones names the closest (segments/report.ts reportPairs).
 */
import { EVALUATION_DEFAULTS } from './segments/evaluate';
import { failing, reportPairs, segmentSpan } from './segments/report';
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
    overlap:
      'Needs of "{other}" and "{segment}" overlap {percent}% (threshold {threshold}%): serve them differently or merge them',
    noNeeds: 'Segment "{segment}" states no needs, pains or value proposition to tell it apart from the other segments',
  },
  defaults: { threshold: EVALUATION_DEFAULTS.threshold },
  optionsSchema: {
    type: 'object',
    properties: {
      threshold: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'Overlap (0–1, Jaccard index of stemmed words) above which two segments are too similar.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const threshold = ctx.options.threshold;
    reportPairs(ctx, failing(ctx, 'differentiable', { threshold }), 'differentiable', 'overlap', (e, closest) => {
      ctx.report({
        message: 'overlap',
        args: {
          segment: e.segment.name,
          other: closest.segment.name,
          percent: Math.round(closest.value * 100),
          threshold: Math.round(threshold * 100),
        },
        span: segmentSpan(e.segment),
      });
    });
  },
});
