/**
 * The five segment criteria (docs/methodology.md "The five segment criteria";
 * server/src/rules/segments/evaluate.ts): measurable, substantial (sizes, ACVs, roubles, the
 * minimum and rates options), differentiable (stems, overlap, the threshold), actionable,
 * unfilled placeholders left pending, the examples meeting all five, and amounts in
 * messages. The rule fixtures under test/fixtures/rules/segment-* cover what each rule
 * reports; this file covers the numbers behind the verdicts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CRITERIA, formatUSD } from '../../server/src/rules/segments/evaluate';
import { jaccard, stems } from '../../server/src/rules/segments/similarity';
import { lint } from '../../server/src/services/engine';
import { byName, HYBRID, MID_MARKET, read, repoRoot } from './reading-helpers';

describe('the five criteria', () => {
  test('a hybrid segment: 8,000 companies × $25k ACV is measurable and substantial ($200M)', () => {
    const e = byName(read(HYBRID).evaluate(), 'Growing Design Studios');
    assert.deepEqual(e.criteria.measurable, { ok: true, value: 8000 });
    assert.deepEqual(e.criteria.substantial, { ok: true, value: 200_000_000 });
    // It names no channel and no strategy of its own: 3 of 5.
    assert.equal(e.criteria.accessible.ok, false);
    assert.equal(e.criteria.actionable.reason, 'noStrategy');
    assert.equal(e.met, 3);
  });

  test('a firmographic segment: 9,000 × $16k is substantial, from its TAM', () => {
    const e = byName(read(MID_MARKET).evaluate(), 'Mid-Market Logistics Firms');
    assert.equal(e.criteria.measurable.value, 9_000);
    assert.deepEqual(e.criteria.substantial, { ok: true, value: 144_000_000 });
    // Size × ACV alone gives the same answer.
    const product = byName(read('**Segment**: Mid-Market\n\n**Size**: 9,000 × $16k ACV\n').evaluate(), 'Mid-Market');
    assert.deepEqual(product.criteria.measurable, { ok: true, value: 9_000 });
    assert.deepEqual(product.criteria.substantial, { ok: true, value: 144_000_000 });
  });

  test('too small: 100 companies × $1k ACV = $100k, under the $1M minimum', () => {
    const e = byName(read('**Segment**: Boutiques\n- **Size**: 100 companies\n- **ACV**: $1k\n').evaluate(), 'Boutiques');
    assert.deepEqual(e.criteria.substantial, {
      ok: false,
      value: 100_000,
      reason: 'below',
      args: { segment: 'Boutiques', amount: '$100k', basis: '100 × $1k', minimum: '$1M' },
    });
  });

  test('`200 × 50 тыс. ₽` (about $110k) is not substantial; the rates option changes that', () => {
    const { evaluate } = read('**Сегмент**: Студии\n- **Размер**: 200 компаний\n- **Средний чек**: 50 тыс. ₽\n');
    const e = byName(evaluate(), 'Студии');
    assert.equal(e.criteria.substantial.ok, false);
    assert.equal(Math.round(e.criteria.substantial.value!), 110_000);
    assert.equal(e.criteria.substantial.args?.['basis'], '200 × 50 тыс. ₽');
    // At 0.11 USD per rouble the same segment is worth $1.1M.
    assert.equal(byName(evaluate({ rates: { RUB: 0.11 } }), 'Студии').criteria.substantial.ok, true);
    // A lower minimum makes it substantial too.
    assert.equal(byName(evaluate({ minimum: 100_000 }), 'Студии').criteria.substantial.ok, true);
  });

  test('monthly ARPU is made yearly; a revenue potential in roubles is converted', () => {
    const { evaluate } = read(
      '**Segment**: Freelancers\n- **Size**: 2,000 users\n- **ARPU**: $40/month\n\n**Сегмент**: Школы\n- **Потенциал выручки**: 630 млн ₽\n',
    );
    const all = evaluate();
    assert.equal(byName(all, 'Freelancers').criteria.substantial.value, 960_000);
    assert.equal(byName(all, 'Freelancers').criteria.substantial.ok, false);
    assert.equal(Math.round(byName(all, 'Школы').criteria.substantial.value!), 6_930_000);
    assert.equal(byName(all, 'Школы').criteria.substantial.ok, true);
    // A revenue potential alone does not size a segment.
    assert.equal(byName(all, 'Школы').criteria.measurable.reason, 'noSize');
  });

  test('measurable wants a count: not a percent, not employees, not a word', () => {
    const all = read(
      [
        '**Segment**: Champions\n**Size**: ~10% of market\n',
        '**Segment**: Scale-ups\n**Size**: 50-500 employees\n',
        '**Segment**: Big\n**Size**: large enterprises\n',
        '**Segment**: Power Users\n**Size**: 5,000 users (8% of base)\n',
        '**Сегмент**: Банки\n**Размер**: 450 организаций\n',
      ].join('\n'),
    ).evaluate();
    assert.equal(byName(all, 'Champions').criteria.measurable.reason, 'noCount');
    assert.equal(byName(all, 'Scale-ups').criteria.measurable.reason, 'noCount');
    assert.deepEqual(byName(all, 'Big').criteria.measurable.args, { segment: 'Big', value: 'large enterprises' });
    assert.equal(byName(all, 'Power Users').criteria.measurable.value, 5000);
    assert.equal(byName(all, 'Банки').criteria.measurable.value, 450);
  });

  test('differentiable: Russian word forms and English inflections count as the same words', () => {
    const a = stems('автоматизация процессов, интеграция инструментов, контроль качества');
    const b = stems('автоматизировать процессы, интеграции инструментов и контроль качества');
    assert.ok(jaccard(a, b) > 0.6, `overlap ${jaccard(a, b)}`);
    assert.ok(jaccard(stems('Automates processes and integrations'), stems('automate the process, integration')) === 1);
    assert.equal(jaccard(stems('быстрый старт'), stems('безопасность и комплаенс')), 0);
    // Stop words of both languages carry no weight.
    assert.deepEqual([...stems('the and of и в на для')], []);
  });

  test('differentiable: segments whose needs overlap are too similar; the threshold option moves the line', () => {
    const text = [
      '# Customer Segmentation Analysis',
      '## Target Segments',
      '### Segment A: Mid-Market Companies',
      '- **Needs**: automate processes, integrate tools, maintain quality',
      '### Segment B: Upper Mid-Market Companies',
      '- **Needs**: automate processes and integrate tools; keep quality high',
      '### Segment C: Audit Leads',
      '- **Needs**: track changing regulations; generate audit reports',
    ].join('\n');
    const { evaluate } = read(text);
    const all = evaluate();
    const b = byName(all, 'Upper Mid-Market Companies').criteria.differentiable;
    assert.equal(b.ok, false);
    assert.equal(b.reason, 'overlap');
    assert.equal(Math.round(b.value! * 100), 63);
    assert.equal(b.args?.['other'], 'Mid-Market Companies');
    // Both of the pair fail; the third segment does not.
    assert.equal(byName(all, 'Mid-Market Companies').criteria.differentiable.ok, false);
    assert.equal(byName(all, 'Audit Leads').criteria.differentiable.ok, true);
    assert.equal(byName(evaluate({ threshold: 0.7 }), 'Upper Mid-Market Companies').criteria.differentiable.ok, true);
    // The rule reports the pair once, at the later segment, naming both.
    const found = lint(text, { path: 'x.segmentation.md' }).findings.filter((f) => f.rule === 'segment-differentiable');
    assert.deepEqual(
      found.map((f) => [text.slice(f.span.start, f.span.end), f.message]),
      [
        [
          'Upper Mid-Market Companies',
          'Needs of "Mid-Market Companies" and "Upper Mid-Market Companies" overlap 63% (threshold 60%): serve them differently or merge them',
        ],
      ],
    );
  });

  test('actionable: the same strategy in other words order is the same strategy', () => {
    const all = read(
      '**Segment**: A\n- **Strategy**: Sales-led with inside sales and webinars\n\n**Segment**: B\n- **Strategy**: webinars, inside sales; sales-led\n\n**Segment**: C\n- **Value Proposition**: audit evidence on demand\n',
    ).evaluate();
    assert.equal(byName(all, 'B').criteria.actionable.reason, 'sameStrategy');
    assert.equal(byName(all, 'A').criteria.actionable.ok, false);
    assert.deepEqual(byName(all, 'C').criteria.actionable, { ok: true });
  });

  test('unfilled template placeholders leave a criterion pending, and the rules quiet', () => {
    const text = [
      '# Customer Segmentation Analysis',
      '## Target Segments',
      '### Segment 1: [Segment Name]',
      '- **Size**: [Number of companies/users]',
      '- **ACV**: $[Amount]',
      '- **Channels**: [How to reach and identify them]',
      '- **Needs**: [Primary job to be done]',
      '- **Value Proposition**: [Why they buy from us]',
    ].join('\n');
    const e = read(text).evaluate()[0]!;
    for (const c of CRITERIA) {
      assert.equal(e.criteria[c].ok, false, c);
      assert.equal(e.criteria[c].pending, true, c);
    }
    assert.equal(e.met, 0);
    const found = lint(text, { path: 'x.segmentation.md' }).findings.filter(
      (f) => f.rule.startsWith('segment-') && f.rule !== 'segment-count',
    );
    assert.deepEqual(found, []);
  });

  test('the examples meet all five criteria in every segment', () => {
    for (const file of ['en/stratus-cloud.segmentation.md', 'ru/severnoe-oblako.segmentation.md']) {
      const all = read(readFileSync(path.join(repoRoot, 'examples', file), 'utf8')).evaluate();
      assert.equal(all.length, 5, file);
      for (const e of all) assert.equal(e.met, 5, `${file}: ${e.segment.name} ${JSON.stringify(e.criteria)}`);
    }
  });

  test('amounts in messages', () => {
    assert.deepEqual([100_000, 1_000_000, 13_800_000, 171_000_000, 2_400_000_000, 950, 109_999].map(formatUSD), [
      '$100k',
      '$1M',
      '$13.8M',
      '$171M',
      '$2.4B',
      '$950',
      '$110k',
    ]);
  });
});
