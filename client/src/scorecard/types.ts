/**
 * The scorecard as the server sends it (`segdoc/scorecard`, server/src/services/scorecard.ts):
 * the score tallies plus each prioritization-matrix row's four dimension scores and the tier
 * thresholds. Declared here because the client never imports the server's code; only the
 * fields the scorecard view reads are listed.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type CriterionId = 'measurable' | 'substantial' | 'accessible' | 'differentiable' | 'actionable';

/** The five seed-002 criteria, in the order the seed lists them. */
export const CRITERIA: readonly CriterionId[] = ['measurable', 'substantial', 'accessible', 'differentiable', 'actionable'];

export type DimensionId = 'attractiveness' | 'fit' | 'accessibility' | 'strategic';

/** The four scored dimensions of the prioritization matrix, in the order the seed lists them. */
export const DIMENSIONS: readonly DimensionId[] = ['attractiveness', 'fit', 'accessibility', 'strategic'];

export interface ScorecardSegment {
  name: string;
  range: Range;
  criteria: Record<CriterionId, boolean>;
  met: number;
  of: number;
}

export interface ScorecardRow {
  segment: string;
  range: Range;
  total: number | null;
  tier: number | null;
  statedTotal?: number;
  statedTier?: number;
  dimensions: Record<DimensionId, number | null>;
}

export interface Scorecard {
  kind: string;
  title: string;
  language: 'en' | 'ru';
  range: Range;
  completeness: { present: number; required: number; percent: number; missing: string[] };
  segments: { items: ScorecardSegment[]; met: number; of: number };
  matrices: {
    items: Array<{ range: Range; rows: ScorecardRow[] }>;
    tiers: Array<{ tier: number; segments: string[]; share: number; allocation?: { min: number; max: number } }>;
    thresholds: { tier1Min: number; tier2Min: number };
    max: number;
  };
  checklists: { items: Array<{ range: Range; done: number; total: number }>; done: number; total: number };
  placeholders: number;
}
