/**
 * score-tier — a prioritization matrix row's Tier is not the tier its total implies
 * (docs/methodology.md, "The prioritization matrix": 30–40 → Tier 1, 20–29 → Tier 2, <20 →
 * Tier 3; the thresholds are options). The total
 * is the computed one, the sum of the four scores, so a row with a wrong Total and a Tier
 * that follows the wrong Total gets both findings. The finding points at the Tier cell.
 * Fix: write the computed tier in the form the cell uses: `2` → `1`, `Tier 2` → `Tier 1`,
 * `Уровень 2` → `Уровень 1`, and a tier word beside it follows (`2 (Secondary)` →
 * `1 (Primary)`, `Вторичный` → `Основной`).
 */
import { tierWordForms } from '../model/lexicon';
import type { Language } from '../model/types';
import type { Span } from '../parse/text';
import {
  evaluateMatrices,
  formatNumber,
  tierRange,
  tierWords,
  type CellValue,
  type Tier,
  type TierThresholds,
} from './matrix/evaluate';
import { thresholdsOf, tierThresholdOptions } from './matrix/thresholds';
import { defineRule, type TextEdit } from './types';

export type ScoreTierOptions = TierThresholds;

/**
 * `Вторичная` → `Основная`: the same language, grammatical form and capitalisation. The words
 * a fix writes are the language's lexicon `tierWordForms` (model/lexicon): the first form whose
 * ending the written word has, else the language's first form.
 */
function tierWord(written: string, language: Language, tier: Tier): string {
  const forms = tierWordForms(language);
  const lower = written.toLowerCase();
  const form = forms.find((f) => f.ending?.test(lower)) ?? forms[0]!;
  const word = form.words[tier - 1]!;
  if (written === written.toUpperCase()) return word.toUpperCase();
  if (written[0] === written[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** Edits that make a Tier cell say `tier`, keeping everything else in it. */
export function tierCellEdits(cell: CellValue, tier: Tier): TextEdit[] {
  const edits: TextEdit[] = [];
  if (cell.numberSpan) edits.push({ span: cell.numberSpan, newText: String(tier) });
  for (const w of tierWords(cell.text)) {
    if (w.tier === tier) continue;
    const span: Span = { start: cell.span.start + w.start, end: cell.span.start + w.end };
    edits.push({ span, newText: tierWord(w.word, w.language, tier) });
  }
  return edits;
}

export default defineRule<ScoreTierOptions>({
  id: 'score-tier',
  severity: 'error',
  description: 'A prioritization matrix Tier is not the tier its total implies (30–40 → 1, 20–29 → 2, <20 → 3).',
  messages: {
    wrong: 'Tier of "{segment}" is {stated}, but its total {total} implies tier {tier} ({range})',
    replace: 'Replace with tier {tier}',
  },
  ...tierThresholdOptions('tier-mismatch'),
  check(ctx) {
    const thresholds = thresholdsOf(ctx.options);
    for (const { rows } of evaluateMatrices(ctx.doc, { ...thresholds, language: ctx.language })) {
      for (const row of rows) {
        const stated = row.statedTier;
        const tier = row.computedTier;
        if (tier === undefined || stated?.value === undefined || stated.value === tier) continue;
        const edits = tierCellEdits(stated, tier);
        ctx.report({
          message: 'wrong',
          args: {
            segment: row.segment,
            stated: formatNumber(stated.value, ctx.language),
            total: formatNumber(row.computedTotal!, ctx.language),
            tier,
            range: tierRange(tier, thresholds),
          },
          span: stated.span,
          fixes: edits.length ? [{ title: 'replace', args: { tier }, edits, preferred: true }] : [],
        });
      }
    }
  },
});
