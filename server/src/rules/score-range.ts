/**
 * score-range — a prioritization matrix score is outside the 1–10 scale (docs/methodology.md,
 * "The prioritization matrix": each segment is scored from 1 to 10 on four dimensions). The
 * finding points at the score's cell and names the dimension (as the matrix header writes
 * it) and the segment.
 */
import { evaluateMatrices, formatNumber, SCORE_COLUMNS } from './matrix/evaluate';
import { defineRule } from './types';

export interface ScoreRangeOptions {
  /** The lowest score the scale allows. */
  min: number;
  /** The highest score the scale allows. */
  max: number;
}

export default defineRule<ScoreRangeOptions>({
  id: 'score-range',
  severity: 'error',
  description: 'A prioritization matrix score is outside the scoring scale (1–10).',
  messages: {
    outside: '{column} score of "{segment}" is {value}, outside the {min}–{max} scale',
  },
  defaults: { min: 1, max: 10 },
  optionsSchema: {
    type: 'object',
    properties: {
      min: { type: 'number', description: 'The lowest score the scale allows (the prioritization matrix: 1).' },
      max: { type: 'number', description: 'The highest score the scale allows (the prioritization matrix: 10).' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { min, max } = ctx.options;
    for (const { matrix, rows } of evaluateMatrices(ctx.doc, { language: ctx.language })) {
      for (const row of rows) {
        for (const col of SCORE_COLUMNS) {
          const cell = row.scores[col];
          if (cell.value === undefined || (cell.value >= min && cell.value <= max)) continue;
          const header = matrix.table.header[matrix.columns[col]!]!.text;
          ctx.report({
            message: 'outside',
            args: {
              column: header,
              segment: row.segment,
              value: formatNumber(cell.value, ctx.language),
              min: formatNumber(min, ctx.language),
              max: formatNumber(max, ctx.language),
            },
            span: cell.span,
          });
        }
      }
    }
  },
});
