/**
 * Reading prioritization matrices (docs/methodology.md "The prioritization matrix";
 * server/src/rules/matrix/evaluate.ts): the scores, totals and tiers in their cells and the
 * spans findings and fixes use, which tables are matrices, headers recognised by meaning in
 * both languages, and the reading fixtures (test/fixtures/reading/), our own prioritization
 * documents with the rows and findings expected of them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDocument } from '../../server/src/model/build';
import { evaluateMatrices } from '../../server/src/rules/matrix/evaluate';
import { readingFixtures } from '../fixtures/reading/facts';
import { matrixDoc, rowsOf } from './reading-helpers';

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
      rows.map((r) => [
        r.segment,
        Object.values(r.scores).map((c) => c.value),
        r.computedTotal,
        r.statedTotal?.value,
        r.computedTier,
        r.statedTier?.value,
      ]),
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
    assert.deepEqual(
      Object.values(rows[0]!.scores).map((c) => c.value),
      [undefined, undefined, undefined, undefined],
    );
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
    assert.deepEqual(evaluation!.matrix.columns, {
      segment: 1,
      attractiveness: 2,
      fit: 3,
      accessibility: 4,
      strategic: 5,
      total: 6,
      tier: 7,
    });
    const row = evaluation!.rows[0]!;
    assert.deepEqual([row.segment, row.computedTotal, row.statedTotal?.value, row.statedTier?.value], ['Banks', 34, 34, 1]);
  });
});

describe('matrix headers by meaning, in both languages', () => {
  const columnsOf = (header: string[]) => {
    const text = [
      '# Segment Prioritization: Test',
      '',
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      `| A | ${header
        .slice(1)
        .map(() => '5')
        .join(' | ')} |`,
      '',
    ].join('\n');
    return evaluateMatrices(buildDocument(text))[0]?.matrix.columns;
  };
  const full = { segment: 0, attractiveness: 1, fit: 2, accessibility: 3, strategic: 4, total: 5, tier: 6 };

  test('synonyms and word order: Market attractiveness, Ability to win (fit), Reachability, Score, Priority', () => {
    assert.deepEqual(
      columnsOf([
        'Segment',
        'Market attractiveness',
        'Ability to win (fit)',
        'Reachability',
        'Strategic importance',
        'Score',
        'Priority',
      ]),
      full,
    );
    assert.deepEqual(
      columnsOf([
        'Segment',
        'Attractiveness of market',
        'Fit (ability to win)',
        'Ease of reach',
        'Strategic value',
        'Total score',
        'Tier',
      ]),
      full,
    );
    assert.deepEqual(
      columnsOf([
        'Segment',
        'Market size/attractiveness',
        'Fit with product',
        'Access',
        'Strategic Value (1-10)',
        'Sum',
        'Priority tier',
      ]),
      full,
    );
    assert.deepEqual(
      columnsOf([
        'Сегмент',
        'Привлекательность рынка',
        'Соответствие продукту',
        'Доступность',
        'Стратегическая важность',
        'Итого',
        'Приоритет',
      ]),
      full,
    );
    assert.deepEqual(
      columnsOf([
        'Сегмент',
        'Оценка привлекательности',
        'Соответствие',
        'Доступность',
        'Стратегическая ценность',
        'Балл',
        'Уровень',
      ]),
      full,
    );
  });

  test('a header naming two dimensions takes the one left; three dimensions are no matrix', () => {
    assert.deepEqual(columnsOf(['Segment', 'Attractiveness', 'Product fit', 'Access', 'Strategic fit', 'Total', 'Tier']), full);
    assert.equal(columnsOf(['Segment', 'Market attractiveness', 'Fit', 'Reachability', 'Notes']), undefined);
    assert.equal(columnsOf(['Segment', 'Market size', 'Fit', 'Access', 'Strategic value']), undefined);
    assert.equal(columnsOf(['Channel', 'Share', 'Reach', 'Notes']), undefined);
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
    assert.ok(
      matrices.some((f) => ['score-total', 'score-tier', 'tier-mismatch', 'allocation-sum'].every((r) => f.actual.findings[r])),
    );
  });
});
