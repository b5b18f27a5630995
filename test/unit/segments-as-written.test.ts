/**
 * Segments as people write them rather than as the template does: containers under other
 * headings ("Who we sell to", «Кому мы продаём»), fields under their other names, bold lines
 * alone, strategy subsections for table rows (in Russian in another case), sections whose
 * subheadings size segments, segments as table columns, and numbered segment headings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeKey } from '../../server/src/model/normalize';
import { DEFAULT_RATES } from '../../server/src/model/numbers';
import { CRITERIA, type SegmentEvaluation } from '../../server/src/rules/segments/evaluate';
import { byName, kindOf, nameText, read } from './reading-helpers';

/** The criteria that fail for each segment, by name: `{ 'Enterprise fintech': ['measurable'] }`. */
function failures(evaluations: SegmentEvaluation[]): Record<string, string[]> {
  return Object.fromEntries(evaluations.map((e) => [e.segment.name, CRITERIA.filter((c) => !e.criteria[c].ok)]));
}

// Segments as table rows that share a value proposition; the strategy is written per segment below.
const TABLE_ROWS = `# Customer Segmentation: Ledgerly

## 1. Who we sell to

| Segment | Companies | Avg. contract | Value proposition |
| --- | --- | --- | --- |
| Mid-market SaaS (200–1,000 employees) | ~4,000 companies | $40k | Close the books in 3 days instead of 10 |
| Enterprise fintech | 900 companies | $90k per year | Close the books in 3 days instead of 10 |
| PE-backed roll-ups | 1,200 companies | $55k | Close the books in 3 days instead of 10 |

## 2. Strategy by segment

### Mid-market SaaS
Sales-assisted motion: inbound from our close-checklist content, a 14-day trial and an AE who closes within 30 days. Channels: LinkedIn, SaaStr, controller communities.

Needs: a faster month-end close without adding headcount.

### Strategy for enterprise fintech
Field sales with a solutions engineer; land in one entity, expand across subsidiaries. We reach them through Big Four advisory partners.

Needs: an audit trail for regulators and SOX controls.

### PE-backed roll-ups
Partner-led through the PE operating partners: one deal covers a portfolio. We reach them via portfolio CFO summits.

Needs: consolidating a dozen ledgers after each acquisition.
`;

// Segments as bold lines alone, each followed by its fields under other names.
const BOLD_LINES = `# Customer Segmentation: Ledgerly

## Segment Profiles

**1. Mid-market SaaS (200–1,000 employees)**
- Number of companies: ~4,000
- ARR per customer: ~$40k
- How we reach them: LinkedIn, SaaStr, RevOps communities
- Needs: close the books in days, not weeks
- Approach: sales-assisted trial

**2. Enterprise fintech**
- Market size: 900 companies
- Price: $90k per year
- Go-to-market: field sales with Big Four partners
- Pains: audit findings, manual reconciliations

**3. PE-backed roll-ups**
- Avg. contract: $55k
- Acquisition: operating-partner referrals
- Needs: one ledger across acquired companies
- Strategy: partner-led, portfolio-wide deals
`;

describe('segments as people write them', () => {
  test('containers under the headings people use hold segments', () => {
    for (const heading of [
      '## Segment Profiles',
      '## Our Segments',
      '## Who we sell to',
      '## 2. Target segments we focus on',
      '## Сегменты, на которых мы фокусируемся',
      '## Кому мы продаём',
    ]) {
      const text = `# Customer Segmentation\n\n${heading}\n\n### Banks\n- **Size**: 400 banks\n\n### Insurers\n- **Size**: 250 insurers\n`;
      assert.deepEqual(
        read(text).segments.map((s) => s.name),
        ['Banks', 'Insurers'],
        heading,
      );
    }
    const gtm = read('# GTM Strategy: Fleet\n\n## Who we sell to\n\n### Platform Teams\n- **Size**: 4,200 companies\n', 'gtm');
    assert.deepEqual(
      gtm.segments.map((s) => s.name),
      ['Platform Teams'],
    );
  });

  test('segment fields under their other names, in both languages', () => {
    const fields = kindOf('segmentation').segmentFields;
    const idOf = (label: string): string | undefined => fields.find((f) => f.keys.has(normalizeKey(label)))?.id;
    const expected: Record<string, string> = {
      'Go-to-market': 'go-to-market',
      GTM: 'go-to-market',
      Acquisition: 'channels',
      'How to reach': 'channels',
      'How we reach them': 'channels',
      'ARR per customer': 'acv',
      'Avg. contract': 'acv',
      'Average contract value': 'acv',
      Price: 'acv',
      'Deal size': 'acv',
      'Number of companies': 'size',
      'Market size': 'size',
      Count: 'size',
      'Каналы привлечения': 'channels',
      'Как достучаться': 'channels',
      'Средний чек': 'acv',
      'Средний контракт': 'acv',
      'Количество компаний': 'size',
      'Кол-во компаний': 'size',
    };
    for (const [label, id] of Object.entries(expected)) assert.equal(idOf(label), id, label);
  });

  test('bold lines alone in a container are segments, their numbering left out of the name', () => {
    const { segments, evaluate } = read(BOLD_LINES);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source, nameText(BOLD_LINES, s)]),
      [
        ['Mid-market SaaS (200–1,000 employees)', 'block', 'Mid-market SaaS (200–1,000 employees)'],
        ['Enterprise fintech', 'block', 'Enterprise fintech'],
        ['PE-backed roll-ups', 'block', 'PE-backed roll-ups'],
      ],
    );
    const evaluations = evaluate();
    // `ARR per customer: ~$40k` and `Price: $90k per year` are ACVs.
    assert.equal(byName(evaluations, 'Mid-market SaaS (200–1,000 employees)').criteria.substantial.value, 4000 * 40_000);
    assert.equal(byName(evaluations, 'Enterprise fintech').criteria.substantial.value, 900 * 90_000);
    // A go-to-market line names both the way to reach the segment and its strategy.
    assert.deepEqual(failures(evaluations), {
      'Mid-market SaaS (200–1,000 employees)': [],
      'Enterprise fintech': [],
      'PE-backed roll-ups': ['measurable', 'substantial'],
    });
  });

  test('a bold line alone followed by no segment field is not a segment; nor is one above segment headings', () => {
    const text =
      '# Segmentation\n\n## Our Segments\n\n**Notes**\n\nWe revisit this every quarter.\n\n**Banks**\n- Size: 400 banks\n\n**Insurers**\n- Size: 250 insurers\n';
    assert.deepEqual(
      read(text).segments.map((s) => s.name),
      ['Banks', 'Insurers'],
    );
    const summary =
      '# Segmentation\n\n## Our Segments\n\n**Summary**\n- Size: 650 companies in all\n\n**Scope**\n- Region: EU\n\n### Banks\n- Size: 400 banks\n';
    assert.deepEqual(
      read(summary).segments.map((s) => s.name),
      ['Banks'],
    );
  });

  test('table rows get the strategy subsections written for them below: a shared value proposition, different motions', () => {
    const { segments, evaluate } = read(TABLE_ROWS);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source]),
      [
        ['Mid-market SaaS (200–1,000 employees)', 'table'],
        ['Enterprise fintech', 'table'],
        ['PE-backed roll-ups', 'table'],
      ],
    );
    const midMarket = segments[0]!;
    assert.match(midMarket.fields.get('strategy')!.text, /^Sales-assisted motion: inbound/);
    assert.equal(midMarket.fields.get('strategy')!.values[0]!.source, 'heading');
    // "Strategy for enterprise fintech" names its segment after the word strategy.
    assert.match(segments[1]!.fields.get('strategy')!.text, /^Field sales with a solutions engineer/);
    assert.match(segments[1]!.fields.get('needs')!.text, /audit trail/);
    assert.deepEqual(failures(evaluate()), {
      'Mid-market SaaS (200–1,000 employees)': [],
      'Enterprise fintech': [],
      'PE-backed roll-ups': [],
    });
  });

  test('a Russian strategy heading names its segment in another case', () => {
    const text = [
      '# Сегментация клиентов: «Учётка»',
      '',
      '## 👥 Сегменты, на которых мы фокусируемся',
      '',
      '### Малый бизнес на УСН',
      '- **Количество компаний:** ≈ 350 000',
      '- **Средний чек:** 36 тыс. ₽ в год',
      '- **Каналы привлечения:** бухгалтерские сообщества, партнёрство с банками',
      '',
      '### Сети розницы',
      '- **Кол-во компаний:** 2 400',
      '- **Средний контракт:** 1,2 млн ₽ в год',
      '- **Как достучаться:** отраслевые конференции, интеграторы 1С',
      '',
      '## Стратегия по сегментам',
      '',
      '### Стратегия для малого бизнеса',
      'Продукт-лед: бесплатный месяц, онбординг в чате, допродажа консультаций.',
      '',
      '### Сети розницы',
      'Прямые продажи через аккаунт-менеджеров и пилот на трёх магазинах.',
    ].join('\n');
    const { segments, evaluate } = read(text);
    assert.deepEqual(
      segments.map((s) => s.name),
      ['Малый бизнес на УСН', 'Сети розницы'],
    );
    assert.match(segments[0]!.fields.get('strategy')!.text, /^Продукт-лед/);
    assert.match(segments[1]!.fields.get('strategy')!.text, /^Прямые продажи/);
    assert.equal(byName(evaluate(), 'Сети розницы').criteria.substantial.value, 2400 * 1_200_000 * DEFAULT_RATES.RUB);
  });

  test('a section nobody lists holds segments when two or more of its subheadings size one', () => {
    const text = [
      '# Segmentation: Ledgerly',
      '',
      '## The three bets',
      '',
      '### Mid-market SaaS',
      '**Companies:** ~4,000',
      '**ACV:** $40k',
      '**Channels:** LinkedIn, SaaStr',
      '',
      '### Enterprise fintech',
      '**Companies:** 900',
      '**Pains:** audit findings',
      '',
      '### Roll-ups',
      '**Channels:** PE operating partners',
      '**Needs:** consolidation',
      '',
      '### Open questions',
      'Do roll-ups buy centrally?',
      '',
      '## Notes',
      '',
      '### Pricing',
      '**Price**: from $12k',
    ].join('\n');
    assert.deepEqual(
      read(text).segments.map((s) => s.name),
      ['Mid-market SaaS', 'Enterprise fintech', 'Roll-ups'],
    );
    // One sized subheading does not make a container; nor do subheadings that size nothing,
    // nor a breakdown by region that only sizes.
    assert.deepEqual(
      read(
        '# Segmentation\n\n## Market\n\n### Overview\n**Companies:** 40,000\n**Channels:** events\n\n### Trends\n**Needs:** speed\n**Pains:** cost\n',
      ).segments,
      [],
    );
    assert.deepEqual(
      read(
        '# GTM Strategy: Fleet\n\n## Where the market is\n\n### North America\n**Companies:** 40,000\n**TAM:** $2B\n\n### Europe\n**Companies:** 31,000\n**TAM:** $1.4B\n',
        'gtm',
      ).segments,
      [],
    );
  });

  test('segments as table columns, and other tables keyed by their names', () => {
    const text = [
      '# Segmentation: Ledgerly',
      '',
      '## Target Segments',
      '',
      '| | Mid-market SaaS | Enterprise fintech |',
      '| --- | --- | --- |',
      '| Companies | 4,000 | 900 |',
      '| ACV | $40k | $90k |',
      '',
      '## Messaging',
      '',
      '| Who | Motion | Needs |',
      '| --- | --- | --- |',
      '| Mid-market SaaS | Sales-assisted | speed |',
      '| Enterprise fintech | Field sales | audit trail |',
    ].join('\n');
    const { segments, evaluate } = read(text);
    assert.deepEqual(
      segments.map((s) => [s.name, s.source, nameText(text, s)]),
      [
        ['Mid-market SaaS', 'table', 'Mid-market SaaS'],
        ['Enterprise fintech', 'table', 'Enterprise fintech'],
      ],
    );
    assert.equal(segments[1]!.fields.get('strategy')?.text, 'Field sales');
    assert.equal(byName(evaluate(), 'Enterprise fintech').criteria.substantial.value, 900 * 90_000);
    // A key/value table in the container names fields, not segments.
    assert.deepEqual(
      read(
        '# Segmentation\n\n## Target Segments\n\n| Attribute | Value |\n| --- | --- |\n| Size | 4,000 companies |\n| ACV | $40k |\n',
      ).segments,
      [],
    );
  });

  test('a heading elsewhere that names a segment exactly gives its fields; its prose is not a strategy', () => {
    const text = [
      '# Segmentation',
      '',
      '## Target Segments',
      '',
      '| Segment | Companies |',
      '| --- | --- |',
      '| Banks | 400 |',
      '| Insurers | 250 |',
      '',
      '## Pricing',
      '',
      '### Banks',
      '**Price**: $120k per year',
      '',
      'Banks negotiate hard.',
    ].join('\n');
    const banks = read(text).segments[0]!;
    assert.equal(banks.fields.get('acv')?.text, '$120k per year');
    assert.equal(banks.fields.get('strategy'), undefined);
  });

  test('numbered segment headings are named without their number; a money size states the revenue potential', () => {
    const text =
      '# Segmentation\n\n## Our Segments\n\n### 1. Mid-Market Finance Teams\n- **Market size**: $200M\n- **Channels**: partners\n';
    const { segments, evaluate } = read(text);
    assert.equal(nameText(text, segments[0]!), 'Mid-Market Finance Teams');
    const e = byName(evaluate(), 'Mid-Market Finance Teams');
    assert.equal(e.criteria.substantial.value, 200_000_000);
    assert.equal(e.criteria.measurable.reason, 'noCount', 'money is not a count of companies');
  });
});
