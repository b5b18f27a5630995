/**
 * Segments: reading them from documents (server/src/model/segments.ts) and judging them
 * against the five segment criteria (docs/methodology.md "The five segment criteria";
 * server/src/rules/segments/evaluate.ts). The documents here and in test/fixtures/reading/
 * are our own, written the way marketers write; the rule fixtures under
 * test/fixtures/rules/segment-* cover what each rule reports; this file covers what the
 * reader finds and the numbers behind the verdicts.
 *
 * The last part is an acceptance test against the methodology documents themselves
 * (../shared/seeds, outside the repository): it reads their examples and skips with one
 * line where they are absent (test/fixtures/methodology-documents.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { buildDocument } from '../../server/src/model/build';
import { findSegmentByName, type Segment } from '../../server/src/model/segments';
import { normalizeKey } from '../../server/src/model/normalize';
import { DEFAULT_RATES } from '../../server/src/model/numbers';
import { builtinKinds } from '../../server/src/schemas/builtin';
import type { KindSchema } from '../../server/src/schemas/kinds';
import { matchSections } from '../../server/src/schemas/validate';
import { CRITERIA, evaluateSegments, formatUSD, type EvaluationOptions, type SegmentEvaluation } from '../../server/src/rules/segments/evaluate';
import { jaccard, stems } from '../../server/src/rules/segments/similarity';
import { segmentsOf } from '../../server/src/rules/segments/vocabulary';
import { lint } from '../../server/src/services/engine';
import { SEEDS_ABSENT, seedsDir, seedsPresent } from '../fixtures/methodology-documents';
import { readingFixtures } from '../fixtures/reading/facts';

const repoRoot = path.resolve(__dirname, '..', '..');

function kindOf(name: string): KindSchema {
  return builtinKinds().find((k) => k.kind === name)!;
}

function read(text: string, kind = 'segmentation'): { segments: Segment[]; evaluate: (o?: EvaluationOptions) => SegmentEvaluation[] } {
  const doc = buildDocument(text);
  const k = kindOf(kind);
  const match = matchSections(doc, k);
  return { segments: segmentsOf(doc, match, k), evaluate: (o) => evaluateSegments(doc, match, k, o) };
}

function byName(evaluations: SegmentEvaluation[], name: string): SegmentEvaluation {
  const e = evaluations.find((x) => x.segment.name === name);
  assert.ok(e, `segment "${name}" among ${evaluations.map((x) => x.segment.name).join(', ')}`);
  return e;
}

/** Source text of a segment's name, as the findings point at it. */
function nameText(text: string, s: Segment): string {
  return text.slice(s.nameSpan.start, s.nameSpan.end);
}

// A hybrid segment (docs/methodology.md "Segmentation bases"): firmographic, behavioral,
// psychographic and needs-based groups, then the numbers the criteria need.
const HYBRID = `**Segment**: Growing Design Studios

**Firmographic**:
- Industry: Design, branding agencies
- Size: 10-50 employees
- Stage: profitable, founder-led
- Location: EU capitals

**Behavioral**:
- Try a new tool on one client project first
- Buy within a month of the trial

**Psychographic**:
- Value: craft over process
- Attitude: allergic to enterprise software

**Needs-Based**:
- **Job**: Take on more clients without hiring a producer
- **Functional**: Plan projects, track hours, send invoices
- **Emotional**: Stop chasing late approvals
- **Social**: Look organised in front of clients

**Size**: 8,000 companies
**ACV**: $25k (two seats more than the average studio)
**Growth Rate**: 20% YoY
**Priority**: Tier 1 (first to launch)
`;

// A firmographic segment with its market written as a TAM.
const MID_MARKET = `**Segment**: Mid-Market Logistics Firms
- Industry: Freight forwarding, 3PL
- Employees: 100-1,000
- Revenue: $20M-$200M
- Location: Germany and Benelux
- Tech Maturity: ERP in place, spreadsheets on top

**Size**: 9,000 companies
**TAM**: $144M (9,000 × $16k ACV)
`;

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
    const text = '# Segmentation: Acme\n\n## Segment Strategy\n\n## Segment Economics\n\n## Segment Prioritization: Acme\n\n## Segment-Specific Offers\n';
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
    assert.match(startups.fields.get('firmographic')!.text, /^Design, branding agencies; 10-50 employees; profitable, founder-led/);
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
    assert.match(fintech.fields.get('channels')!.text, /^field sales, systems integrators .*; field sales, SI partners, CISO roundtables$/);
    // The Needs & Pains table adds the primary job to the needs.
    assert.match(fintech.fields.get('needs')!.text, /Pass audits while shipping weekly$/);
  });

  test('names match exactly first, then by a unique prefix', () => {
    const { segments } = read('# Segmentation\n\n## Target Segments\n\n### Mid-market\n\n### Mid-market with IT\n\n### Mid-market without IT\n\n### Enterprise (regulated)\n');
    assert.equal(findSegmentByName(segments, 'mid market')?.name, 'Mid-market');
    assert.equal(findSegmentByName(segments, 'Mid-market with IT department'), undefined, 'no segment is named that, and a prefix of several is ambiguous');
    assert.equal(findSegmentByName(segments, '**Enterprise**')?.name, 'Enterprise (regulated)');
    assert.equal(findSegmentByName(segments, 'Banks'), undefined);
  });

  test('persona and prioritization documents have no segments; GTM documents read them the same way', () => {
    assert.deepEqual(read('# Persona: Dana\n\n**Segment**: Startups\n\n- **Size**: 5 people\n', 'persona').segments, []);
    const gtm = read('# GTM Strategy: Fleet\n\n## 2. Target Segments\n\n### Segment 1: Platform Teams\n- **Size**: 4,200 companies\n- **ACV**: $85k\n', 'gtm');
    assert.equal(byName(gtm.evaluate(), 'Platform Teams').criteria.substantial.value, 357_000_000);
  });
});

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
    for (const heading of ['## Segment Profiles', '## Our Segments', '## Who we sell to', '## 2. Target segments we focus on', '## Сегменты, на которых мы фокусируемся', '## Кому мы продаём']) {
      const text = `# Customer Segmentation\n\n${heading}\n\n### Banks\n- **Size**: 400 banks\n\n### Insurers\n- **Size**: 250 insurers\n`;
      assert.deepEqual(
        read(text).segments.map((s) => s.name),
        ['Banks', 'Insurers'],
        heading,
      );
    }
    const gtm = read('# GTM Strategy: Fleet\n\n## Who we sell to\n\n### Platform Teams\n- **Size**: 4,200 companies\n', 'gtm');
    assert.deepEqual(gtm.segments.map((s) => s.name), ['Platform Teams']);
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
    const text = '# Segmentation\n\n## Our Segments\n\n**Notes**\n\nWe revisit this every quarter.\n\n**Banks**\n- Size: 400 banks\n\n**Insurers**\n- Size: 250 insurers\n';
    assert.deepEqual(read(text).segments.map((s) => s.name), ['Banks', 'Insurers']);
    const summary = '# Segmentation\n\n## Our Segments\n\n**Summary**\n- Size: 650 companies in all\n\n**Scope**\n- Region: EU\n\n### Banks\n- Size: 400 banks\n';
    assert.deepEqual(read(summary).segments.map((s) => s.name), ['Banks']);
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
    assert.deepEqual(segments.map((s) => s.name), ['Малый бизнес на УСН', 'Сети розницы']);
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
    assert.deepEqual(read(text).segments.map((s) => s.name), ['Mid-market SaaS', 'Enterprise fintech', 'Roll-ups']);
    // One sized subheading does not make a container; nor do subheadings that size nothing,
    // nor a breakdown by region that only sizes.
    assert.deepEqual(read('# Segmentation\n\n## Market\n\n### Overview\n**Companies:** 40,000\n**Channels:** events\n\n### Trends\n**Needs:** speed\n**Pains:** cost\n').segments, []);
    assert.deepEqual(read('# GTM Strategy: Fleet\n\n## Where the market is\n\n### North America\n**Companies:** 40,000\n**TAM:** $2B\n\n### Europe\n**Companies:** 31,000\n**TAM:** $1.4B\n', 'gtm').segments, []);
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
    assert.deepEqual(segments.map((s) => [s.name, s.source, nameText(text, s)]), [
      ['Mid-market SaaS', 'table', 'Mid-market SaaS'],
      ['Enterprise fintech', 'table', 'Enterprise fintech'],
    ]);
    assert.equal(segments[1]!.fields.get('strategy')?.text, 'Field sales');
    assert.equal(byName(evaluate(), 'Enterprise fintech').criteria.substantial.value, 900 * 90_000);
    // A key/value table in the container names fields, not segments.
    assert.deepEqual(read('# Segmentation\n\n## Target Segments\n\n| Attribute | Value |\n| --- | --- |\n| Size | 4,000 companies |\n| ACV | $40k |\n').segments, []);
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
    const text = '# Segmentation\n\n## Our Segments\n\n### 1. Mid-Market Finance Teams\n- **Market size**: $200M\n- **Channels**: partners\n';
    const { segments, evaluate } = read(text);
    assert.equal(nameText(text, segments[0]!), 'Mid-Market Finance Teams');
    const e = byName(evaluate(), 'Mid-Market Finance Teams');
    assert.equal(e.criteria.substantial.value, 200_000_000);
    assert.equal(e.criteria.measurable.reason, 'noCount', 'money is not a count of companies');
  });
});

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
      [['Upper Mid-Market Companies', 'Needs of "Mid-Market Companies" and "Upper Mid-Market Companies" overlap 63% (threshold 60%): serve them differently or merge them']],
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
    const found = lint(text, { path: 'x.segmentation.md' }).findings.filter((f) => f.rule.startsWith('segment-') && f.rule !== 'segment-count');
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
      assert.match(f.description.en, /the five segment criteria|criterion|segmentation bases|segmentation checklist|prioritization matrix/i, `${f.id} names the framework it comes from`);
      assert.match(f.description.ru, /[а-яё]/iu, `${f.id} is described in Russian`);
    }
    // No label names two fields.
    const seen = new Map<string, string>();
    for (const f of fields) for (const k of f.keys) {
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
    assert.ok(all.some((f) => f.actual.kind === 'gtm'), 'a GTM document reads segments too');
  });
});

describe('acceptance: the methodology documents (seeds 002 and 003)', { skip: seedsPresent ? false : SEEDS_ABSENT }, () => {
  test('seed 002 hybrid example, read from the seed: measurable and substantial', () => {
    const file = readdirSync(seedsDir).find((f) => f.startsWith('002'))!;
    const lines = readFileSync(path.join(seedsDir, file), 'utf8').split('\n');
    const start = lines.indexOf('**Segment**: Fast-Growing Tech Startups');
    assert.ok(start > 0);
    const body = lines.slice(start, lines.indexOf('```', start)).join('\n');
    const e = byName(read(body).evaluate(), 'Fast-Growing Tech Startups');
    assert.equal(e.criteria.measurable.value, 8000);
    assert.equal(e.criteria.substantial.value, 200_000_000);
  });

  test('seed 003: five segments, table rows merged, measurable and substantial fire on each', () => {
    const file = path.join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith('003'))!);
    const text = readFileSync(file, 'utf8');
    const { segments } = read(text);
    assert.deepEqual(
      segments.map((s) => s.name),
      ['SMB‑операторы (малый/средний бизнес)', 'Mid‑market с процессной зрелостью', 'Enterprise с комплаенсом', 'Growth‑команды (быстро растущие)', 'Cost‑sensitive (экономящие)'],
    );
    for (const s of segments) {
      // Section 4 gives needs and pains, section 5 value drivers (needs) and typical cases.
      assert.equal(s.fields.get('pains')?.values[0]?.source, 'table', `${s.name}: pains from section 4`);
      assert.equal(s.fields.get('needs')?.values.filter((v) => v.source === 'table').length, 2, `${s.name}: needs from sections 4 and 5`);
    }
    assert.equal(findSegmentByName(segments, 'Mid‑market')!.fields.get('pains')?.text, 'Разрозненные процессы и контроль');

    const findings = lint(text, { path: 'segmentation-003.md' }).findings;
    for (const rule of ['segment-measurable', 'segment-substantial']) {
      const at = findings.filter((f) => f.rule === rule).map((f) => text.slice(f.span.start, f.span.end));
      assert.deepEqual(at, segments.map((s) => s.name), `${rule} fires on each segment's name`);
    }
    // Its segments are told apart by their needs, and none is firmographic only.
    assert.deepEqual(findings.filter((f) => f.rule === 'segment-differentiable' || f.rule === 'segment-demographic-only'), []);
    assert.deepEqual(findings.filter((f) => f.rule === 'segment-count'), []);
  });
});
