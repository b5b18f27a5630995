/**
 * Reading segments (server/src/model/segments.ts): segment headings ("Segment N: Name", any
 * heading under Target Segments), `**Segment**: Name` blocks, table rows and tables keyed by
 * segment, Segment Strategy subsections, finding a segment by its name, GTM documents read
 * the same way; the segment vocabulary the segmentation and GTM schemas share; and the
 * reading fixtures (test/fixtures/reading/), our own documents with the segments expected of
 * them. Less regular layouts are in segments-as-written.test.ts, the criteria in
 * segments-criteria.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findSegmentByName, type Segment } from '../../server/src/model/segments';
import { readingFixtures } from '../fixtures/reading/facts';
import { byName, HYBRID, kindOf, MID_MARKET, nameText, read, repoRoot } from './reading-helpers';

describe('reading segments', () => {
  test('headings: "Segment N: Name" anywhere, and any heading directly under Target Segments', () => {
    const text = [
      '# Customer Segmentation Analysis',
      '',
      '## Target Segments',
      '',
      '### Segment 1: Cloud-Native Startups',
      '- **Size**: 9,500 companies',
      '',
      '#### Needs',
      '- ship features without a DevOps hire',
      '- a bill they can predict',
      '',
      '### Regulated FinTech',
      '- **Channels**: field sales',
      '',
      '## Appendix',
      '',
      '### Segment B — Digital Agencies',
      '- **Size**: 6,000 agencies',
      '',
      '### Not a segment',
      '- **Size**: 12 things',
      '',
    ].join('\n');
    const { segments } = read(text);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source, nameText(text, s)]),
      [
        ['Cloud-Native Startups', 'heading', 'Cloud-Native Startups'],
        ['Regulated FinTech', 'heading', 'Regulated FinTech'],
        ['Digital Agencies', 'heading', 'Digital Agencies'],
      ],
    );
    const startups = segments[0]!;
    // A subheading that names a field gives that field its list.
    assert.equal(startups.fields.get('needs')?.text, 'ship features without a DevOps hire; a bill they can predict');
    assert.equal(startups.fields.get('size')?.text, '9,500 companies');
    assert.equal(segments[1]!.fields.get('channels')?.text, 'field sales');
  });

  test('a heading that only groups segment headings is not a segment itself', () => {
    const text = '# Segmentation\n\n## Target Segments\n\n### Tier 1\n\n#### Segment 1: Banks\n\n#### Segment 2: Insurers\n';
    assert.deepEqual(
      read(text).segments.map((s) => s.name),
      ['Banks', 'Insurers'],
    );
  });

  test('"Segment Strategy", "Segment Economics" and "Segmentation:" headings are not segments', () => {
    const text =
      '# Segmentation: Acme\n\n## Segment Strategy\n\n## Segment Economics\n\n## Segment Prioritization: Acme\n\n## Segment-Specific Offers\n';
    assert.deepEqual(read(text).segments, []);
  });

  test('blocks: `**Segment**: Name` owns the fields after it, and firmographic groups keep their own Size', () => {
    const { segments } = read(`${HYBRID}\n${MID_MARKET}`);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source]),
      [
        ['Growing Design Studios', 'block'],
        ['Mid-Market Logistics Firms', 'block'],
      ],
    );
    const [startups, midMarket] = segments as [Segment, Segment];
    // `- Size: 10-50 employees` under **Firmographic** is the companies' size, not the segment's.
    assert.equal(startups.fields.get('size')?.text, '8,000 companies');
    assert.match(
      startups.fields.get('firmographic')!.text,
      /^Design, branding agencies; 10-50 employees; profitable, founder-led/,
    );
    // The items of the Needs-Based group and its `**Job**:` lines are needs, without their labels.
    const needs = startups.fields.get('needs')!.text;
    assert.match(needs, /Take on more clients without hiring a producer/);
    assert.doesNotMatch(needs, /\*\*Job\*\*/);
    assert.equal(startups.fields.get('priority')?.text, 'Tier 1 (first to launch)');
    assert.equal(midMarket.fields.get('revenue-potential')?.text, '$144M (9,000 × $16k ACV)');
    assert.deepEqual(
      midMarket.fields.get('industry')?.values.map((v) => v.label.text),
      ['Industry'],
    );
    // Each block ends where the next begins.
    assert.ok(startups.span.end <= midMarket.span.start);
  });

  test('a `**Segment**:` inside a list (a persona under Buyer Personas) is not a segment block', () => {
    const text = '# Segmentation\n\n## Buyer Personas\n\n- **Segment**: Banks\n- **Role**: CISO\n';
    assert.deepEqual(read(text).segments, []);
  });

  test('tables keyed by segment add to the segment they name, by prefix and without parentheticals', () => {
    const text = [
      '# Сегментация клиентов',
      '',
      '## Ключевые сегменты',
      '',
      '### Сегмент 1: Кофейни (одна-две точки)',
      '- **Профиль:** 3–15 сотрудников.',
      '',
      '### Сегмент 2: Сети пекарен с собственным производством',
      '- **Цели:** единые техкарты.',
      '',
      '## Потребности и боли',
      '',
      '| Сегмент | Потребности | Боли | Барьеры |',
      '| --- | --- | --- | --- |',
      '| Кофейни | Касса за один день | Кассир уходит без сдачи смены | Цена оборудования |',
      '| Сети пекарен | Учёт сырья по техкартам | Списания не сходятся | Интеграция с 1С |',
      '| Госсектор | Импортозамещение | Тендеры | Бюджет |',
      '',
      '## Приоритизация сегментов',
      '',
      '| Сегмент | Привлекательность | Соответствие | Доступность | Стратегическая ценность | Итого | Уровень |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| Кофейни | 8 | 9 | 8 | 7 | 32 | 1 |',
    ].join('\n');
    const { segments } = read(text);
    assert.deepEqual(
      segments.map((s) => s.name),
      ['Кофейни (одна-две точки)', 'Сети пекарен с собственным производством'],
      'a row naming no segment outside Target Segments creates none',
    );
    const [smb, mid] = segments as [Segment, Segment];
    assert.equal(smb.fields.get('needs')?.text, 'Касса за один день');
    assert.equal(smb.fields.get('pains')?.text, 'Кассир уходит без сдачи смены');
    assert.equal(mid.fields.get('needs')?.text, 'единые техкарты.; Учёт сырья по техкартам');
    assert.deepEqual(
      mid.fields.get('needs')!.values.map((v) => v.source),
      ['field', 'table'],
    );
    // The prioritization matrix is not a table of segment fields.
    assert.equal(smb.fields.get('priority'), undefined);
  });

  test('rows of a segment table in Target Segments are segments', () => {
    const text = [
      '# Customer Segmentation Analysis',
      '',
      '## Target Segments',
      '',
      '| Segment | Size | ACV | Channels |',
      '| --- | --- | --- | --- |',
      '| Startups | 9,500 companies | $18k | GitHub |',
      '| Platform Teams | 4,200 companies | $85k | KubeCon |',
    ].join('\n');
    const { segments, evaluate } = read(text);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source, nameText(text, s)]),
      [
        ['Startups', 'table', 'Startups'],
        ['Platform Teams', 'table', 'Platform Teams'],
      ],
    );
    assert.equal(byName(evaluate(), 'Platform Teams').criteria.substantial.value, 4200 * 85_000);
  });

  test('subsections of Segment Strategy add strategy and channels to the segment they name', () => {
    const text = readFileSync(path.join(repoRoot, 'examples', 'en', 'stratus-cloud.segmentation.md'), 'utf8');
    const { segments } = read(text);
    assert.equal(segments.length, 5);
    const fintech = findSegmentByName(segments, 'Regulated FinTech')!;
    assert.equal(fintech.fields.get('strategy')?.text, 'Sales-Led; "Audit-ready Kubernetes for card data"');
    assert.match(
      fintech.fields.get('channels')!.text,
      /^field sales, systems integrators .*; field sales, SI partners, CISO roundtables$/,
    );
    // The Needs & Pains table adds the primary job to the needs.
    assert.match(fintech.fields.get('needs')!.text, /Pass audits while shipping weekly$/);
  });

  test('names match exactly first, then by a unique prefix', () => {
    const { segments } = read(
      '# Segmentation\n\n## Target Segments\n\n### Mid-market\n\n### Mid-market with IT\n\n### Mid-market without IT\n\n### Enterprise (regulated)\n',
    );
    assert.equal(findSegmentByName(segments, 'mid market')?.name, 'Mid-market');
    assert.equal(
      findSegmentByName(segments, 'Mid-market with IT department'),
      undefined,
      'no segment is named that, and a prefix of several is ambiguous',
    );
    assert.equal(findSegmentByName(segments, '**Enterprise**')?.name, 'Enterprise (regulated)');
    assert.equal(findSegmentByName(segments, 'Banks'), undefined);
  });

  test('persona and prioritization documents have no segments; GTM documents read them the same way', () => {
    assert.deepEqual(read('# Persona: Dana\n\n**Segment**: Startups\n\n- **Size**: 5 people\n', 'persona').segments, []);
    const gtm = read(
      '# GTM Strategy: Fleet\n\n## 2. Target Segments\n\n### Segment 1: Platform Teams\n- **Size**: 4,200 companies\n- **ACV**: $85k\n',
      'gtm',
    );
    assert.equal(byName(gtm.evaluate(), 'Platform Teams').criteria.substantial.value, 357_000_000);
  });
});

describe('the schemas', () => {
  test('segmentation and GTM share one segment vocabulary, described in both languages, naming the framework each field comes from', () => {
    const seg = kindOf('segmentation').json['$defs'];
    const gtm = kindOf('gtm').json['$defs'];
    assert.deepEqual(gtm, seg);
    const fields = kindOf('segmentation').segmentFields;
    assert.ok(fields.length >= 12);
    for (const f of fields) {
      assert.ok(f.category, `${f.id} has a category`);
      assert.ok(f.title.en && f.title.ru && f.title.en !== f.title.ru, `${f.id} has titles in both languages`);
      assert.match(
        f.description.en,
        /the five segment criteria|criterion|segmentation bases|segmentation checklist|prioritization matrix/i,
        `${f.id} names the framework it comes from`,
      );
      assert.match(f.description.ru, /[а-яё]/iu, `${f.id} is described in Russian`);
    }
    // No label names two fields.
    const seen = new Map<string, string>();
    for (const f of fields)
      for (const k of f.keys) {
        assert.ok(!seen.has(k) || seen.get(k) === f.id, `"${k}" names both ${seen.get(k)} and ${f.id}`);
        seen.set(k, f.id);
      }
    assert.deepEqual(kindOf('segmentation').segment?.sections, ['target-segments']);
    assert.deepEqual(kindOf('segmentation').segment?.detailSections, ['segment-strategy']);
    assert.equal(kindOf('persona').segment, undefined);
    assert.deepEqual(kindOf('persona').segmentFields, []);
  });
});

describe('reading fixtures (test/fixtures/reading): our own documents, as marketers write them', () => {
  for (const fixture of readingFixtures().filter((f) => f.actual.segments)) {
    test(`${fixture.name}: segments, fields, criteria and where the segment rules point`, () => {
      assert.deepEqual(fixture.actual, fixture.expected());
    });
  }

  test('they cover segments by heading, bold lead line, `**Segment**:` block and table row, in both languages', () => {
    const all = readingFixtures().filter((f) => f.actual.segments);
    const seen = new Set(all.flatMap((f) => f.actual.segments!.map((s) => `${s.source} ${f.actual.language}`)));
    for (const want of ['heading ru', 'heading en', 'block en', 'table en']) assert.ok(seen.has(want), want);
    assert.ok(
      all.some((f) => f.actual.kind === 'gtm'),
      'a GTM document reads segments too',
    );
  });
});
