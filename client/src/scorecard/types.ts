/**
 * The scorecard as the server sends it (`segdoc/scorecard`): its types are the server's own,
 * declared once in server/src/protocol. Here only the orders the view draws them in.
 */
import type { CriterionId, ScoreColumn } from '../../../server/src/protocol';

export type { Range, Scorecard, ScorecardRow, CriterionId } from '../../../server/src/protocol';

export type DimensionId = ScoreColumn;

/** The five segment criteria, in the order the methodology lists them (and the scorecard's columns). */
export const CRITERIA = [
  'measurable',
  'substantial',
  'accessible',
  'differentiable',
  'actionable',
] as const satisfies readonly CriterionId[];

/** The four scored dimensions of the prioritization matrix, in the order the methodology lists them. */
export const DIMENSIONS = ['attractiveness', 'fit', 'accessibility', 'strategic'] as const satisfies readonly DimensionId[];
