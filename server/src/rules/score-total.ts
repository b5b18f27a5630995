/**
 * score-total — a prioritization matrix row's Total is not the sum of its four scores (the
 * prioritization matrix: "Total Score = Attractiveness + Fit + Accessibility + Strategic Value"). The finding
 * points at the Total cell and says both numbers: "Total is 33, but 9 + 8 + 9 + 8 = 34".
 * Fix: write the computed total in place of the stated one; only the digits change, so the
 * cell's padding, emphasis and a `/40` scale stay as they were.
 * A row with a score that is not a number has no computed total and is not checked.
 */
import { evaluateMatrices, formatNumber, sameNumber, SCORE_COLUMNS } from './matrix/evaluate';
import { defineRule } from './types';

export default defineRule({
  id: 'score-total',
  severity: 'error',
  description: 'A prioritization matrix Total is not the sum of the four scores.',
  messages: {
    wrong: 'Total of "{segment}" is {stated}, but {sum} = {total}',
    replace: 'Replace with {total}',
  },
  check(ctx) {
    for (const { rows } of evaluateMatrices(ctx.doc, { language: ctx.language })) {
      for (const row of rows) {
        const stated = row.statedTotal;
        if (row.computedTotal === undefined || stated?.value === undefined || sameNumber(stated.value, row.computedTotal))
          continue;
        const total = formatNumber(row.computedTotal, ctx.language);
        const sum = SCORE_COLUMNS.map((c) => formatNumber(row.scores[c].value!, ctx.language)).join(' + ');
        ctx.report({
          message: 'wrong',
          args: { segment: row.segment, stated: formatNumber(stated.value, ctx.language), sum, total },
          span: stated.span,
          fixes: stated.numberSpan
            ? [{ title: 'replace', args: { total }, edits: [{ span: stated.numberSpan, newText: total }], preferred: true }]
            : [],
        });
      }
    }
  },
});
