/**
 * Resource allocations (docs/methodology.md "The prioritization matrix"): allocation-sum and
 * allocation-range on tier sections, GTM channel mixes and budgets, and in every layout
 * (channel tables, Resource Allocation tables and lists); a matrix is not a tier split.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../server/src/services/engine';
import { lintText, NOW, only } from './reading-helpers';

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
    assert.deepEqual(
      only(lintText(tiers('65%', '25%', '5%')).findings, 'allocation-sum').map((f) => f.message),
      ['Resource allocation adds up to 95 % (65 + 25 + 5), not 100 %'],
    );
    assert.deepEqual(only(lintText(tiers('65%', '30%', '5%')).findings, 'allocation-sum'), []);
    assert.deepEqual(only(lintText(tiers('60-70%', '25%', '5%')).findings, 'allocation-sum'), []);
    assert.deepEqual(only(lintText(tiers('65%', '[%]', '5%')).findings, 'allocation-sum'), []);
    // 33.3 × 3 is within the default tolerance; a stricter one reports it.
    assert.deepEqual(only(lintText(tiers('33.3%', '33.3%', '33.3%')).findings, 'allocation-sum'), []);
    const strict = lintText(tiers('33.3%', '33.3%', '33.3%'), {
      config: { rules: { 'allocation-sum': ['warning', { tolerance: 0 }] } },
    }).findings;
    assert.deepEqual(
      only(strict, 'allocation-sum').map((f) => f.args['sum']),
      ['99.9'],
    );
  });

  test('allocation-range points at the value and follows its options', () => {
    const text = tiers('75%', '20%', '5%');
    const findings = only(lintText(text).findings, 'allocation-range');
    assert.deepEqual(
      findings.map((f) => text.slice(f.span.start, f.span.end)),
      ['75%', '20%'],
    );
    const loose = { tier1Min: 50, tier1Max: 80, tier2Min: 15, tier2Max: 35, tier3Min: 5, tier3Max: 10 };
    assert.deepEqual(
      only(lintText(text, { config: { rules: { 'allocation-range': ['info', loose] } } }).findings, 'allocation-range'),
      [],
    );
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
    assert.deepEqual(
      findings.map((f) => f.message),
      ['Channel mix adds up to 90 % (70 + 20), not 100 %', 'Budget split adds up to 50 % (30 + 20), not 100 %'],
    );
    assert.deepEqual(
      findings.map((f) => text.slice(f.span.start, f.span.end)),
      ['20%', '20%'],
    );
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
    assert.deepEqual(
      findings.map((f) => f.message),
      ['Channel mix adds up to 110 % (60 + 35 + 15), not 100 %'],
    );
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '15%');
  });

  test('a Resource Allocation table or list anywhere is the tier split', () => {
    const table = [
      '# GTM Strategy: Test',
      '',
      '## Resource Allocation',
      '| Tier | Segments | Share of resources |',
      '|---|---|---|',
      '| Tier 1 | Banks | 75% |',
      '| Tier 2 | Retail | 20% |',
      '| Tier 3 | Other | 10% |',
      '',
    ].join('\n');
    const result = lint(table, { path: 'x.gtm.md', now: NOW });
    assert.deepEqual(
      only(result.findings, 'allocation-sum').map((f) => f.message),
      ['Resource allocation adds up to 105 % (75 + 20 + 10), not 100 %'],
    );
    assert.deepEqual(
      only(result.findings, 'allocation-range').map((f) => f.args['tier']),
      [1, 2],
    );
    const list = [
      '# Сегментация: Тест',
      '',
      '## Сегменты',
      '',
      '**Распределение ресурсов**:',
      '- Уровень 1 (основной фокус): 65 %',
      '- Уровень 2: 30 %',
      '- Уровень 3: 5 %',
      '',
    ].join('\n');
    const clean = lint(list, { path: 'x.segmentation.md', now: NOW });
    assert.deepEqual([...only(clean.findings, 'allocation-sum'), ...only(clean.findings, 'allocation-range')], []);
    const wrong = lint(list.replace('Уровень 3: 5 %', 'Уровень 3: 15 %'), { path: 'x.segmentation.md', now: NOW });
    assert.deepEqual(
      only(wrong.findings, 'allocation-sum').map((f) => f.args['sum']),
      ['110'],
    );
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
