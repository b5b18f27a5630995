/**
 * Tiers of a prioritization matrix (docs/methodology.md "The prioritization matrix"): the
 * tier a total implies, the thresholds as options of the evaluation and of score-tier,
 * tier-mismatch and score-range, tier ranges in messages; and the segment names listed under
 * a tier and the tier a Priority value states (server/src/rules/matrix/names.ts), which
 * tier-mismatch compares with the matrix.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNumber, tierFor, tierRange } from '../../server/src/rules/matrix/evaluate';
import { listedNames, statedTier } from '../../server/src/rules/matrix/names';
import { lintText, MATRIX_RULES, matrixDoc, only, rowsOf } from './reading-helpers';

describe('tiers and thresholds', () => {
  test("the methodology's tiers: 30–40 → 1, 20–29 → 2, <20 → 3", () => {
    assert.deepEqual(
      [40, 30, 29.5, 29, 20, 19.5, 19, 4].map((t) => tierFor(t)),
      [1, 1, 2, 2, 2, 3, 3, 3],
    );
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
    const text = [matrixDoc(['| Banks | 8 | 8 | 8 | 8 | 32 | 1 |']), '## Tier 1 (Primary Focus)', '**Segments**: Banks', ''].join(
      '\n',
    );
    assert.deepEqual(
      lintText(text).findings.filter((f) => MATRIX_RULES.includes(f.rule)),
      [],
    );
    const strict = { tier1Min: 35, tier2Min: 20 };
    const findings = lintText(text, {
      config: { rules: { 'score-tier': ['error', strict], 'tier-mismatch': ['warning', strict] } },
    }).findings;
    assert.deepEqual(
      only(findings, 'score-tier').map((f) => f.message),
      ['Tier of "Banks" is 1, but its total 32 implies tier 2 (20–34)'],
    );
    assert.deepEqual(
      only(findings, 'tier-mismatch').map((f) => f.message),
      ['"Banks" is listed under tier 1, but its matrix total 32 implies tier 2 (20–34)'],
    );
  });

  test('score-range takes the scale from its options', () => {
    const text = matrixDoc(['| Banks | 0 | 5 | 5 | 5 | 15 | 3 |']);
    assert.equal(only(lintText(text).findings, 'score-range').length, 1);
    assert.equal(
      only(lintText(text, { config: { rules: { 'score-range': ['error', { min: 0, max: 5 }] } } }).findings, 'score-range')
        .length,
      0,
    );
  });
});

describe('tier lists and priorities', () => {
  const run = (text: string, at = 0) => ({ text, span: { start: at, end: at + text.length } });

  test('names split at commas, and at and/и/& unless the whole part is a matrix row', () => {
    const rows = new Set(['banks insurers', 'segment 1', 'hospitals']);
    assert.deepEqual(
      listedNames(run('[Segment 1, Segment 2]'), rows).map((n) => n.name),
      ['Segment 1', 'Segment 2'],
    );
    assert.deepEqual(
      listedNames(run('Banks and Insurers, Hospitals (pilot)'), rows).map((n) => n.name),
      ['Banks and Insurers', 'Hospitals (pilot)'],
    );
    assert.deepEqual(
      listedNames(run('Banks & Hospitals'), rows).map((n) => n.name),
      ['Banks', 'Hospitals'],
    );
    assert.deepEqual(
      listedNames(run('Банки и Больницы; **Школы**'), rows).map((n) => n.name),
      ['Банки', 'Больницы', 'Школы'],
    );
    // Spans are document offsets of the names without brackets.
    const listed = listedNames(run('[Segment 1, Segment 2]', 100), rows);
    assert.deepEqual(
      listed.map((n) => n.span),
      [
        { start: 101, end: 110 },
        { start: 112, end: 121 },
      ],
    );
  });

  test('a Priority value states a tier only when it says one', () => {
    const tier = (v: string) => statedTier(run(v))?.tier;
    assert.deepEqual(
      [
        'Tier 1 (Primary target)',
        'Уровень 2',
        '3',
        '**2**',
        'Primary',
        'Вторичный',
        'High',
        'Top 3 focus',
        'Tier 4',
        '2026-01-01',
      ].map(tier),
      [1, 2, 3, 2, 1, 2, undefined, undefined, undefined, undefined],
    );
  });
});
