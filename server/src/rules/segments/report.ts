/**
 * Shared by the segment rules: where a segment finding goes, and the kinds the rules apply to.
 */
import type { Segment } from '../../model/segments';
import type { Span } from '../../parse/text';
import type { KindSchema } from '../../schemas/kinds';
import { evaluateSegments, type CriterionId, type EvaluationOptions, type SegmentEvaluation } from './evaluate';
import type { RuleContext } from '../types';

/** A segment finding points at the segment's name; at its heading or block line when the name is empty. */
export function segmentSpan(segment: Segment): Span {
  if (segment.nameSpan.end > segment.nameSpan.start) return segment.nameSpan;
  return segment.headingSpan ?? segment.blockSpan ?? segment.span;
}

/** Whether the kind has segments at all (a `$defs.segment` vocabulary): persona and prioritization do not. */
export function hasSegments(kind: KindSchema): boolean {
  return kind.segment !== undefined && kind.segmentFields.length > 0;
}

/** Evaluations whose `criterion` fails for a reason worth reporting (not a placeholder still to fill). */
export function failing(ctx: RuleContext<object>, criterion: CriterionId, options: EvaluationOptions = {}): SegmentEvaluation[] {
  if (!hasSegments(ctx.kind)) return [];
  return evaluateSegments(ctx.doc, ctx.match, ctx.kind, options).filter((e) => {
    const c = e.criteria[criterion];
    return !c.ok && !c.pending && c.reason !== undefined;
  });
}

/**
 * Reports a failing criterion with the message its evaluation names (`reason`, `args`): the
 * evaluation and the rule share one catalogue, so the tallies can render the same text.
 */
export function reportCriterion(ctx: RuleContext<object>, e: SegmentEvaluation, criterion: CriterionId): void {
  const c = e.criteria[criterion];
  ctx.report({ message: c.reason!, args: c.args ?? {}, span: segmentSpan(e.segment) });
}

/**
 * Reports the failures of a criterion that compares segments (differentiable, actionable):
 * a failure against other segments (reason `pairReason`) once per pair, at the later
 * segment, naming the closest earlier one (`others` come closest first) — one finding per
 * segment however many it resembles, and the earlier one gets its finding from its own
 * earlier partners, if any; any other failure as its evaluation words it.
 */
export function reportPairs(
  ctx: RuleContext<object>,
  evaluations: readonly SegmentEvaluation[],
  criterion: CriterionId,
  pairReason: string,
  reportPair: (e: SegmentEvaluation, earlier: { segment: Segment; value: number }) => void,
): void {
  for (const e of evaluations) {
    const c = e.criteria[criterion];
    if (c.reason !== pairReason) {
      reportCriterion(ctx, e, criterion);
      continue;
    }
    const earlier = (c.others ?? []).find((o) => o.segment.span.start < e.segment.span.start);
    if (earlier) reportPair(e, earlier);
  }
}
