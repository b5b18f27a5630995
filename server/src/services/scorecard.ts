/**
 * The scorecard: the score tallies of services/scores.ts plus what a chart of the
 * prioritization matrix needs and the tallies leave out — each row's four dimension scores
 * (the prioritization matrix: Attractiveness, Fit, Accessibility, Strategic Value, 1–10 each) and the tier
 * thresholds the totals were tiered with (30 and 20 of 40 unless the config says otherwise).
 *
 * The tallies stay the one shape every front end reads; this only adds to a copy of them.
 * The dimension scores come from the same evaluation the matrix rules report from
 * (rules/matrix/evaluate.ts), row for row, so a bar can never disagree with a diagnostic.
 */
import type { Language } from '../model/types';
import { evaluateMatrices, SCORE_COLUMNS, type ScoreColumn, type TierThresholds } from '../rules/matrix/evaluate';
import type { LintResult } from './engine';
import { computeScores, type MatrixRowScore, type MatrixScore, type Scores } from './scores';
import { tierThresholds } from './tiers';

export type { ScoreColumn } from '../rules/matrix/evaluate';

/** The highest total on the prioritization matrix's scale: four dimensions of at most 10. */
export const MAX_TOTAL = 40;

export interface ScorecardRow extends MatrixRowScore {
  /** The four scores as the row states them; null for a cell that holds no number. */
  dimensions: Record<ScoreColumn, number | null>;
}

export interface ScorecardMatrix extends Omit<MatrixScore, 'rows'> {
  rows: ScorecardRow[];
}

export interface Scorecard extends Omit<Scores, 'matrices'> {
  matrices: Omit<Scores['matrices'], 'items'> & {
    items: ScorecardMatrix[];
    /** The lowest total of tier 1 and of tier 2 (score-tier's options). */
    thresholds: TierThresholds;
    /** The highest total of the scale. */
    max: number;
  };
}

export interface ScorecardOptions {
  /** The language of texts; the result's (the diagnostics') when absent. */
  locale?: Language;
  /** The tallies already computed for this result, so they are not computed twice. */
  scores?: Scores | null;
}

/** The scorecard of a checked document; null when it is not a segdoc document. */
export function computeScorecard(result: LintResult, options: ScorecardOptions = {}): Scorecard | null {
  const scores =
    options.scores !== undefined ? options.scores : computeScores(result, options.locale ? { locale: options.locale } : {});
  if (!scores) return null;
  const thresholds = tierThresholds(result.config);
  // The tallies list the matrices and their rows in the evaluation's order; thresholds do not
  // change which rows there are, so the two line up index by index.
  const evaluations = evaluateMatrices(result.doc, thresholds);
  const items = scores.matrices.items.map((m, i): ScorecardMatrix => ({
    ...m,
    rows: m.rows.map((row, j): ScorecardRow => {
      const cells = evaluations[i]?.rows[j]?.scores;
      const dimensions = Object.fromEntries(SCORE_COLUMNS.map((c) => [c, cells?.[c].value ?? null])) as Record<
        ScoreColumn,
        number | null
      >;
      return { ...row, dimensions };
    }),
  }));
  return { ...scores, matrices: { ...scores.matrices, items, thresholds, max: MAX_TOTAL } };
}
