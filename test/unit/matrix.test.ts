/**
 * Prioritization matrices (docs/methodology.md "The prioritization matrix"): the evaluation the matrix rules and the tallies share
 * (server/src/rules/matrix/evaluate.ts), the tier lists and priorities tier-mismatch compares
 * with it, and the quick fixes of score-total and score-tier applied to real text: the
 * finding goes away and nothing but the number (and a tier word beside it) changes, CRLF
 * line endings included. test/fixtures/reading/ holds our own prioritization documents with
 * the rows and findings expected of them; the last part is an acceptance test against the
 * methodology documents (../shared/seeds, outside the repository), skipped with one line
 * where they are absent (test/fixtures/methodology-documents.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { buildDocument } from '../../server/src/model/build';
import { evaluateMatrices, formatNumber, tierFor, tierRange, type MatrixRowEvaluation } from '../../server/src/rules/matrix/evaluate';
import { listedNames, statedTier } from '../../server/src/rules/matrix/names';
import { lint, type Finding, type LintOptions } from '../../server/src/services/engine';
import { applyFixes } from '../fixtures/fixes';
import { SEEDS_ABSENT, seedsDir, seedsPresent } from '../fixtures/methodology-documents';
import { readingFixtures } from '../fixtures/reading/facts';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'rules');
const NOW = new Date('2026-11-01T00:00:00Z');
const MATRIX_RULES = ['score-range', 'score-total', 'score-tier', 'tier-mismatch', 'allocation-sum', 'allocation-range'];

function rowsOf(text: string, options = {}): MatrixRowEvaluation[] {
  return evaluateMatrices(buildDocument(text), options).flatMap((m) => m.rows);
}

function lintText(text: string, extra: Partial<LintOptions> = {}) {
  return lint(text, { path: 'x.prioritization.md', now: NOW, ...extra });
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Pairs of differing lines between two texts of the same line count. */
function changed(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'a fix changes no line breaks');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

const HEADER = '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |\n|---|---|---|---|---|---|---|\n';

function matrixDoc(rows: string[], title = '# Segment Prioritization: Test'): string {
  return `${title}\n\n## Prioritization Matrix\n\n${HEADER}${rows.map((r) => `${r}\n`).join('')}`;
}

describe('evaluateMatrices reads cells', () => {
  test('plain, bold, /10, blank and decimal scores; the total and tier they imply', () => {
    const text = matrixDoc([
      '| [Segment 1] | **9** | 9/10 | 8 | 8 | 34 | Tier 1 |',
      '| B | 1 | 2 | 3 | 4 | 10 | 1 (Primary) |',
      '| C | 8,5 |  | 3 | 4 | ~20 | Уровень 2 |',
      '| D | 8 | 8 | 8 | 8 | 32/40 |',
      '|  |  |  |  |  |  |  |',
      '| E | 7 | 6.5 | 8 | 5 | 26.5 | Secondary |',
    ]);
    const rows = rowsOf(text);
    assert.deepEqual(
      rows.map((r) => [r.segment, Object.values(r.scores).map((c) => c.value), r.computedTotal, r.statedTotal?.value, r.computedTier, r.statedTier?.value]),
      [
        // Placeholder rows count: the template's numbers are real.
        ['[Segment 1]', [9, 9, 8, 8], 34, 34, 1, 1],
        ['B', [1, 2, 3, 4], 10, 10, 3, 1],
        // A blank score leaves the total and the tier unknown; the stated ones are still read.
        ['C', [8.5, undefined, 3, 4], undefined, 20, undefined, 2],
        // A row shorter than the header has no Tier cell value.
        ['D', [8, 8, 8, 8], 32, 32, 1, undefined],
        ['E', [7, 6.5, 8, 5], 26.5, 26.5, 2, 2],
      ],
    );
  });

  test('spans: the cell for findings, the digits for fixes, the whole line for the row', () => {
    const text = matrixDoc(['| **Acme** | **9** | 9/10 | 8 | 8 |   **33**   | Tier 1 |']);
    const [row] = rowsOf(text);
    const slice = (s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);
    assert.equal(row!.segment, 'Acme');
    assert.equal(slice(row!.segmentSpan), '**Acme**');
    assert.equal(slice(row!.rowSpan), '| **Acme** | **9** | 9/10 | 8 | 8 |   **33**   | Tier 1 |');
    assert.equal(slice(row!.scores.attractiveness.span), '**9**');
    assert.equal(slice(row!.scores.attractiveness.numberSpan), '9');
    assert.equal(slice(row!.scores.fit.numberSpan), '9');
    assert.equal(slice(row!.statedTotal!.span), '**33**');
    assert.equal(slice(row!.statedTotal!.numberSpan), '33');
    assert.equal(slice(row!.statedTier!.numberSpan), '1');
  });

  test('cells that hold no score have no value: words, ranges, percentages', () => {
    const rows = rowsOf(matrixDoc(['| A | High | 7-8 | 80% | $5M | TBD | Primary |']));
    assert.deepEqual(Object.values(rows[0]!.scores).map((c) => c.value), [undefined, undefined, undefined, undefined]);
    assert.equal(rows[0]!.statedTotal!.value, undefined);
    // A tier word alone names its tier.
    assert.equal(rows[0]!.statedTier!.value, 1);
  });

  test('Russian headers, a matrix without Total and Tier columns, and a table that is not a matrix', () => {
    const text = [
      '# Приоритизация сегментов: Тест',
      '',
      '| Сегмент | Привлекательность | Соответствие | Доступность | Стратегическая ценность |',
      '|---|---|---|---|---|',
      '| Банки | 9 | 8 | 9 | 8 |',
      '',
      '| Segment | Size | ACV |',
      '|---|---|---|',
      '| Banks | 400 | $50K |',
      '',
    ].join('\n');
    const evaluations = evaluateMatrices(buildDocument(text));
    assert.equal(evaluations.length, 1);
    const row = evaluations[0]!.rows[0]!;
    assert.equal(row.computedTotal, 34);
    assert.equal(row.computedTier, 1);
    assert.equal(row.statedTotal, undefined);
    assert.equal(row.statedTier, undefined);
  });
});

describe('which tables are matrices, and their columns', () => {
  test('a Segment column after a rank column, `… Score` and `(1-10)` headers, a Priority tier column', () => {
    const text = [
      '# Segment Prioritization: Test',
      '',
      '| # | Segment | Attractiveness Score | Fit (1-10) | Accessibility | Strategic Value Score | Total Score | Priority |',
      '|---|---|---|---|---|---|---|---|',
      '| 1 | Banks | 9 | 8 | 9 | 8 | 34 | Tier 1 |',
      '',
    ].join('\n');
    const [evaluation] = evaluateMatrices(buildDocument(text));
    assert.deepEqual(evaluation!.matrix.columns, { segment: 1, attractiveness: 2, fit: 3, accessibility: 4, strategic: 5, total: 6, tier: 7 });
    const row = evaluation!.rows[0]!;
    assert.deepEqual([row.segment, row.computedTotal, row.statedTotal?.value, row.statedTier?.value], ['Banks', 34, 34, 1]);
  });
});

describe('matrix headers by meaning, in both languages', () => {
  const columnsOf = (header: string[]) => {
    const text = ['# Segment Prioritization: Test', '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, `| A | ${header.slice(1).map(() => '5').join(' | ')} |`, ''].join('\n');
    return evaluateMatrices(buildDocument(text))[0]?.matrix.columns;
  };
  const full = { segment: 0, attractiveness: 1, fit: 2, accessibility: 3, strategic: 4, total: 5, tier: 6 };

  test('synonyms and word order: Market attractiveness, Ability to win (fit), Reachability, Score, Priority', () => {
    assert.deepEqual(columnsOf(['Segment', 'Market attractiveness', 'Ability to win (fit)', 'Reachability', 'Strategic importance', 'Score', 'Priority']), full);
    assert.deepEqual(columnsOf(['Segment', 'Attractiveness of market', 'Fit (ability to win)', 'Ease of reach', 'Strategic value', 'Total score', 'Tier']), full);
    assert.deepEqual(columnsOf(['Segment', 'Market size/attractiveness', 'Fit with product', 'Access', 'Strategic Value (1-10)', 'Sum', 'Priority tier']), full);
    assert.deepEqual(columnsOf(['Сегмент', 'Привлекательность рынка', 'Соответствие продукту', 'Доступность', 'Стратегическая важность', 'Итого', 'Приоритет']), full);
    assert.deepEqual(columnsOf(['Сегмент', 'Оценка привлекательности', 'Соответствие', 'Доступность', 'Стратегическая ценность', 'Балл', 'Уровень']), full);
  });

  test('a header naming two dimensions takes the one left; three dimensions are no matrix', () => {
    assert.deepEqual(columnsOf(['Segment', 'Attractiveness', 'Product fit', 'Access', 'Strategic fit', 'Total', 'Tier']), full);
    assert.equal(columnsOf(['Segment', 'Market attractiveness', 'Fit', 'Reachability', 'Notes']), undefined);
    assert.equal(columnsOf(['Segment', 'Market size', 'Fit', 'Access', 'Strategic value']), undefined);
    assert.equal(columnsOf(['Channel', 'Share', 'Reach', 'Notes']), undefined);
  });
});

describe('tiers and thresholds', () => {
  test('the methodology\'s tiers: 30–40 → 1, 20–29 → 2, <20 → 3', () => {
    assert.deepEqual([40, 30, 29.5, 29, 20, 19.5, 19, 4].map((t) => tierFor(t)), [1, 1, 2, 2, 2, 3, 3, 3]);
  });

  test('thresholds are options, of tierFor and of the evaluation', () => {
    assert.equal(tierFor(32, { tier1Min: 33 }), 2);
    assert.equal(tierFor(22, { tier2Min: 25 }), 3);
    const text = matrixDoc(['| A | 8 | 8 | 8 | 8 | 32 | 1 |']);
    assert.equal(rowsOf(text)[0]!.computedTier, 1);
    assert.equal(rowsOf(text, { tier1Min: 35 })[0]!.computedTier, 2);
  });

  test('tier ranges for messages', () => {
    assert.deepEqual([tierRange(1), tierRange(2), tierRange(3)], ['≥ 30', '20–29', '< 20']);
    assert.equal(tierRange(2, { tier1Min: 32, tier2Min: 22 }), '22–31');
    assert.equal(tierRange(2, { tier1Min: 30.5 }), '20 to < 30.5');
    assert.equal(formatNumber(8.1 + 7.2 + 9 + 6, 'ru'), '30,3');
  });

  test('score-tier and tier-mismatch take the thresholds from their options', () => {
    const text = [
      matrixDoc(['| Banks | 8 | 8 | 8 | 8 | 32 | 1 |']),
      '## Tier 1 (Primary Focus)',
      '**Segments**: Banks',
      '',
    ].join('\n');
    assert.deepEqual(lintText(text).findings.filter((f) => MATRIX_RULES.includes(f.rule)), []);
    const strict = { tier1Min: 35, tier2Min: 20 };
    const findings = lintText(text, { config: { rules: { 'score-tier': ['error', strict], 'tier-mismatch': ['warning', strict] } } }).findings;
    assert.deepEqual(only(findings, 'score-tier').map((f) => f.message), ['Tier of "Banks" is 1, but its total 32 implies tier 2 (20–34)']);
    assert.deepEqual(only(findings, 'tier-mismatch').map((f) => f.message), ['"Banks" is listed under tier 1, but its matrix total 32 implies tier 2 (20–34)']);
  });

  test('score-range takes the scale from its options', () => {
    const text = matrixDoc(['| Banks | 0 | 5 | 5 | 5 | 15 | 3 |']);
    assert.equal(only(lintText(text).findings, 'score-range').length, 1);
    assert.equal(only(lintText(text, { config: { rules: { 'score-range': ['error', { min: 0, max: 5 }] } } }).findings, 'score-range').length, 0);
  });
});

describe('tier lists and priorities', () => {
  const run = (text: string, at = 0) => ({ text, span: { start: at, end: at + text.length } });

  test('names split at commas, and at and/и/& unless the whole part is a matrix row', () => {
    const rows = new Set(['banks insurers', 'segment 1', 'hospitals']);
    assert.deepEqual(listedNames(run('[Segment 1, Segment 2]'), rows).map((n) => n.name), ['Segment 1', 'Segment 2']);
    assert.deepEqual(listedNames(run('Banks and Insurers, Hospitals (pilot)'), rows).map((n) => n.name), ['Banks and Insurers', 'Hospitals (pilot)']);
    assert.deepEqual(listedNames(run('Banks & Hospitals'), rows).map((n) => n.name), ['Banks', 'Hospitals']);
    assert.deepEqual(listedNames(run('Банки и Больницы; **Школы**'), rows).map((n) => n.name), ['Банки', 'Больницы', 'Школы']);
    // Spans are document offsets of the names without brackets.
    const listed = listedNames(run('[Segment 1, Segment 2]', 100), rows);
    assert.deepEqual(listed.map((n) => n.span), [
      { start: 101, end: 110 },
      { start: 112, end: 121 },
    ]);
  });

  test('a Priority value states a tier only when it says one', () => {
    const tier = (v: string) => statedTier(run(v))?.tier;
    assert.deepEqual(
      ['Tier 1 (Primary target)', 'Уровень 2', '3', '**2**', 'Primary', 'Вторичный', 'High', 'Top 3 focus', 'Tier 4', '2026-01-01'].map(tier),
      [1, 2, 3, 2, 1, 2, undefined, undefined, undefined, undefined],
    );
  });
});

describe('fixes', () => {
  test('score-total writes the computed total and keeps padding, emphasis, a comparator and a /40 scale', () => {
    const text = matrixDoc([
      '| A | 9 | 8 | 9 | 8 |   33   | 1 |',
      '| B | 8 | 9 | 7 | 8 | **30** | 1 |',
      '| C | 5 | 4 | 5 | 3 | ~19 | 3 |',
      '| D | 7 | 6 | 8 | 5 | 25/40 | 2 |',
      '| E | 7 | 6,5 | 8 | 5 | 26 | 2 |',
    ]);
    const findings = only(lintText(text).findings, 'score-total');
    assert.deepEqual(findings.map((f) => f.fixes.map((x) => x.title)), [['Replace with 34'], ['Replace with 32'], ['Replace with 17'], ['Replace with 26'], ['Replace with 26.5']]);
    const after = applyFixes(text, findings.map((f) => f.fixes[0]!));
    assert.deepEqual(changed(text, after), [
      ['| A | 9 | 8 | 9 | 8 |   33   | 1 |', '| A | 9 | 8 | 9 | 8 |   34   | 1 |'],
      ['| B | 8 | 9 | 7 | 8 | **30** | 1 |', '| B | 8 | 9 | 7 | 8 | **32** | 1 |'],
      ['| C | 5 | 4 | 5 | 3 | ~19 | 3 |', '| C | 5 | 4 | 5 | 3 | ~17 | 3 |'],
      ['| D | 7 | 6 | 8 | 5 | 25/40 | 2 |', '| D | 7 | 6 | 8 | 5 | 26/40 | 2 |'],
      ['| E | 7 | 6,5 | 8 | 5 | 26 | 2 |', '| E | 7 | 6,5 | 8 | 5 | 26.5 | 2 |'],
    ]);
    assert.deepEqual(only(lintText(after).findings, 'score-total'), []);
  });

  test('score-tier writes the computed tier in the form the cell uses', () => {
    const text = matrixDoc([
      '| A | 9 | 8 | 9 | 8 | 34 | Tier 2 |',
      '| B | 8 | 8 | 7 | 7 | 30 | 2 (Secondary) |',
      '| C | 7 | 6 | 8 | 8 | 29 |  1  |',
      '| D | 6 | 5 | 6 | 3 | 20 | Tertiary |',
      '| E | 5 | 4 | 5 | 3 | 17 | **PRIMARY** |',
    ]);
    const findings = only(lintText(text).findings, 'score-tier');
    const after = applyFixes(text, findings.map((f) => f.fixes[0]!));
    assert.deepEqual(changed(text, after).map(([, b]) => b.split('|')[7]), [' Tier 1 ', ' 1 (Primary) ', '  2  ', ' Secondary ', ' **OPPORTUNISTIC** ']);
    assert.deepEqual(only(lintText(after).findings, 'score-tier'), []);
  });

  test('score-tier in Russian keeps «Уровень» and the form of the adjective', () => {
    const text = [
      '# Приоритизация сегментов: Тест',
      '',
      '| Сегмент | Привлекательность | Соответствие | Доступность | Стратегическая ценность | Итого | Уровень |',
      '|---|---|---|---|---|---|---|',
      '| А | 9 | 8 | 9 | 8 | 34 | Уровень 2 |',
      '| Б | 8 | 8 | 7 | 7 | 30 | 2 (Вторичная) |',
      '| В | 4 | 4 | 5 | 5 | 18 | Вторичный |',
      '',
    ].join('\n');
    const findings = only(lintText(text).findings, 'score-tier');
    assert.deepEqual(findings.map((f) => f.fixes[0]!.title), ['Заменить на уровень 1', 'Заменить на уровень 1', 'Заменить на уровень 3']);
    const after = applyFixes(text, findings.map((f) => f.fixes[0]!));
    assert.deepEqual(changed(text, after).map(([, b]) => b.split('|')[7]!.trim()), ['Уровень 1', '1 (Основная)', 'Оппортунистический']);
  });

  test('CRLF fixtures: every fix keeps CRLF, and all fixes together leave no total or tier finding', () => {
    for (const file of ['score-total/reject-crlf.prioritization.md', 'score-tier/reject-crlf-ru.prioritization.md']) {
      const text = readFileSync(path.join(fixtures, file), 'utf8');
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), `${file} has CRLF line endings (keep them: no text conversion)`);
      const before = lintText(text).findings.filter((f) => f.rule === 'score-total' || f.rule === 'score-tier');
      assert.ok(before.length >= 3, `${file} has wrong totals or tiers`);
      for (const f of before) {
        const after = applyFixes(text, f.fixes);
        assert.ok(!/[^\r]\n/.test(after), `${f.rule} fix keeps CRLF`);
        assert.ok(!lintText(after).findings.some((g) => g.rule === f.rule && g.message === f.message), `${f.message} is gone`);
      }
      // Totals first: a tier is judged by the computed total, so fixing both at once is consistent.
      const all = applyFixes(text, before.map((f) => f.fixes[0]!));
      assert.ok(!/[^\r]\n/.test(all));
      assert.deepEqual(lintText(all).findings.filter((f) => f.rule === 'score-total' || f.rule === 'score-tier'), []);
      assert.equal(all.split('\r\n').length, text.split('\r\n').length);
    }
  });
});

describe('allocations', () => {
  const tiers = (a: string, b: string, c: string, h1 = '# Segment Prioritization: Test') =>
    [
      h1,
      '',
      `## Tier 1 (Primary Focus)\n**Segments**: A\n**Resource Allocation**: ${a}\n`,
      `## Tier 2 (Secondary Focus)\n**Segments**: B\n**Resource Allocation**: ${b}\n`,
      `## Tier 3 (Opportunistic)\n**Segments**: C\n**Resource Allocation**: ${c}\n`,
    ].join('\n');

  test('allocation-sum says the sum and its parts, and skips ranges and unfilled shares', () => {
    assert.deepEqual(only(lintText(tiers('65%', '25%', '5%')).findings, 'allocation-sum').map((f) => f.message), [
      'Resource allocation adds up to 95 % (65 + 25 + 5), not 100 %',
    ]);
    assert.deepEqual(only(lintText(tiers('65%', '30%', '5%')).findings, 'allocation-sum'), []);
    assert.deepEqual(only(lintText(tiers('60-70%', '25%', '5%')).findings, 'allocation-sum'), []);
    assert.deepEqual(only(lintText(tiers('65%', '[%]', '5%')).findings, 'allocation-sum'), []);
    // 33.3 × 3 is within the default tolerance; a stricter one reports it.
    assert.deepEqual(only(lintText(tiers('33.3%', '33.3%', '33.3%')).findings, 'allocation-sum'), []);
    const strict = lintText(tiers('33.3%', '33.3%', '33.3%'), { config: { rules: { 'allocation-sum': ['warning', { tolerance: 0 }] } } }).findings;
    assert.deepEqual(only(strict, 'allocation-sum').map((f) => f.args['sum']), ['99.9']);
  });

  test('allocation-range points at the value and follows its options', () => {
    const text = tiers('75%', '20%', '5%');
    const findings = only(lintText(text).findings, 'allocation-range');
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['75%', '20%']);
    const loose = { tier1Min: 50, tier1Max: 80, tier2Min: 15, tier2Max: 35, tier3Min: 5, tier3Max: 10 };
    assert.deepEqual(only(lintText(text, { config: { rules: { 'allocation-range': ['info', loose] } } }).findings, 'allocation-range'), []);
  });

  test('GTM channel mix and budget: the Total line and sub-items are not shares', () => {
    const text = [
      '# GTM Strategy: Test',
      '',
      '## 5. Channel Strategy',
      '- **Direct**: 70% — website, inside sales',
      '  - **Inside sales**: 50% of direct',
      '- **Partners**: 20% — resellers, 15% partner margin',
      '',
      '## 8. Budget',
      '- **Total**: $1.4M',
      '- **Paid campaigns**: $420K (30%)',
      '- **Content**: 20%',
      '- **Events**: growth of 10% over last year',
      '',
    ].join('\n');
    const findings = only(lint(text, { path: 'x.gtm.md', now: NOW }).findings, 'allocation-sum');
    assert.deepEqual(findings.map((f) => f.message), ['Channel mix adds up to 90 % (70 + 20), not 100 %', 'Budget split adds up to 50 % (30 + 20), not 100 %']);
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['20%', '20%']);
  });
});

describe('allocations in every layout', () => {
  test('a channel table with a percentage column is a channel mix; a Total row and a rate column are not shares', () => {
    const text = [
      '# GTM Strategy: Test',
      '',
      '## 5. Channel Strategy',
      '| Channel | Share | Win rate | Notes |',
      '|---|---|---|---|',
      '| Direct | 60% | 22% | inside sales |',
      '| Partners | 35% | 18% | integrators |',
      '| Marketplaces | 15% | 9% | AWS, GCP |',
      '| **Total** | 100% | | |',
      '',
    ].join('\n');
    const findings = only(lint(text, { path: 'x.gtm.md', now: NOW }).findings, 'allocation-sum');
    assert.deepEqual(findings.map((f) => f.message), ['Channel mix adds up to 110 % (60 + 35 + 15), not 100 %']);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '15%');
  });

  test('a Resource Allocation table or list anywhere is the tier split', () => {
    const table = ['# GTM Strategy: Test', '', '## Resource Allocation', '| Tier | Segments | Share of resources |', '|---|---|---|', '| Tier 1 | Banks | 75% |', '| Tier 2 | Retail | 20% |', '| Tier 3 | Other | 10% |', ''].join('\n');
    const result = lint(table, { path: 'x.gtm.md', now: NOW });
    assert.deepEqual(only(result.findings, 'allocation-sum').map((f) => f.message), ['Resource allocation adds up to 105 % (75 + 20 + 10), not 100 %']);
    assert.deepEqual(only(result.findings, 'allocation-range').map((f) => f.args['tier']), [1, 2]);
    const list = ['# Сегментация: Тест', '', '## Сегменты', '', '**Распределение ресурсов**:', '- Уровень 1 (основной фокус): 65 %', '- Уровень 2: 30 %', '- Уровень 3: 5 %', ''].join('\n');
    const clean = lint(list, { path: 'x.segmentation.md', now: NOW });
    assert.deepEqual([...only(clean.findings, 'allocation-sum'), ...only(clean.findings, 'allocation-range')], []);
    const wrong = lint(list.replace('Уровень 3: 5 %', 'Уровень 3: 15 %'), { path: 'x.segmentation.md', now: NOW });
    assert.deepEqual(only(wrong.findings, 'allocation-sum').map((f) => f.args['sum']), ['110']);
  });

  test('a matrix is not a tier split (several segments share a tier), and tier sections come first', () => {
    const text = [
      '# Segment Prioritization: Test',
      '',
      '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier | Share of resources |',
      '|---|---|---|---|---|---|---|---|',
      '| A | 9 | 8 | 9 | 8 | 34 | 1 | 40% |',
      '| B | 9 | 8 | 9 | 8 | 34 | 1 | 40% |',
      '| C | 5 | 4 | 5 | 3 | 17 | 3 | 5% |',
      '',
    ].join('\n');
    assert.deepEqual(only(lintText(text).findings, 'allocation-sum'), []);
  });
});

describe('reading fixtures (test/fixtures/reading): our own prioritization documents', () => {
  const matrices = readingFixtures().filter((f) => f.actual.rows);
  for (const fixture of matrices) {
    test(`${fixture.name}: rows, totals, tiers and where the matrix rules point`, () => {
      assert.deepEqual(fixture.actual, fixture.expected());
    });
  }

  test('they cover English synonyms with a rank column and Russian headers with wrong totals and tiers', () => {
    assert.deepEqual(matrices.map((f) => f.actual.language).sort(), ['en', 'ru']);
    // One document whose arithmetic is right (34, 32, 26, 21, 17 → tiers 1, 1, 2, 2, 3; 65 + 30 + 5 = 100 %)…
    assert.ok(matrices.some((f) => f.actual.rows!.length === 5 && Object.keys(f.actual.findings).length === 0));
    // …and one that every matrix rule but the ranges has something to say about.
    assert.ok(matrices.some((f) => ['score-total', 'score-tier', 'tier-mismatch', 'allocation-sum'].every((r) => f.actual.findings[r])));
  });
});

describe('documents that must stay clean of matrix findings', () => {
  test('examples have no matrix or allocation findings', () => {
    for (const lang of ['en', 'ru']) {
      const dir = path.join(repoRoot, 'examples', lang);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const result = lint(readFileSync(path.join(dir, file), 'utf8'), { path: `examples/${lang}/${file}`, now: NOW });
        assert.deepEqual(result.findings.filter((f) => MATRIX_RULES.includes(f.rule)).map((f) => `${file}: ${f.message}`), []);
      }
    }
  });

  test('the rules do see the examples: a wrong total in an example is reported', () => {
    const file = path.join(repoRoot, 'examples', 'en', 'stratus-cloud.prioritization.md');
    const text = readFileSync(file, 'utf8').replace('| 8 | 9 | 9 | 8 | 34 | 1 |', '| 8 | 9 | 9 | 8 | 35 | 1 |');
    assert.deepEqual(only(lint(text, { path: 'examples/en/stratus-cloud.prioritization.md', now: NOW }).findings, 'score-total').map((f) => f.message), [
      'Total of "Cloud-Native Startups" is 35, but 8 + 9 + 9 + 8 = 34',
    ]);
  });
});

describe('acceptance: the methodology documents (seed 002)', { skip: seedsPresent ? false : SEEDS_ABSENT }, () => {
  test('seed 002 "Prioritization Template": its matrix and allocation are right', () => {
    const name = readdirSync(seedsDir).find((f) => f.startsWith('002_'));
    assert.ok(name, `seed 002 in ${seedsDir}`);
    const lines = readFileSync(path.join(seedsDir, name), 'utf8').split('\n');
    const start = lines.findIndex((l, i) => l === '```markdown' && lines[i + 1] === '# Segment Prioritization: [Company/Product Name]');
    assert.ok(start >= 0, 'seed 002 has the Prioritization Template fence');
    const text = `${lines.slice(start + 1, lines.indexOf('```', start + 1)).join('\n')}\n`;
    const rows = rowsOf(text);
    assert.deepEqual(rows.map((r) => [r.segment, r.computedTotal, r.statedTotal?.value, r.computedTier, r.statedTier?.value]), [
      ['[Segment 1]', 34, 34, 1, 1],
      ['[Segment 2]', 32, 32, 1, 1],
      ['[Segment 3]', 26, 26, 2, 2],
      ['[Segment 4]', 21, 21, 2, 2],
      ['[Segment 5]', 17, 17, 3, 3],
    ]);
    const result = lint(text, { path: 'prioritization.md', now: NOW });
    assert.equal(result.detection?.kind.kind, 'prioritization');
    assert.deepEqual(result.findings.filter((f) => MATRIX_RULES.includes(f.rule)).map((f) => f.message), []);
  });
});
