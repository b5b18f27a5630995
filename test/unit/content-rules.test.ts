/**
 * The trickier parts of the content rules of issue 4, beyond their fixtures: the text the
 * positioning and list-length fixes insert (and that, applied, the finding goes away), how
 * market sizes are read and compared, the unit-economics bars and targets, motion names,
 * milestone order and what counts as persona evidence. Documents are small and inline, so
 * each test says what it is about.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { findQuantities } from '../../server/src/model/numbers';
import { statementParts } from '../../server/src/rules/content/schema';
import { longestOrderedRun } from '../../server/src/rules/util/order';
const inOrder = (values: number[]): Set<number> => longestOrderedRun(values, false);
import { judge } from '../../server/src/rules/unit-economics';
import { builtinKind } from '../../server/src/schemas/builtin';
import { pick } from '../../server/src/schemas/kinds';
import { lint, type Finding, type Fix, type LintOptions } from '../../server/src/services/engine';
import { loadFixture } from '../fixtures/wrap';

const root = resolve(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'rules');
const NOW = new Date('2026-11-01T00:00:00Z');

function run(text: string, path: string, extra: Partial<LintOptions> = {}) {
  return lint(text, { path, now: NOW, ...extra });
}

function findings(text: string, path: string, rule: string, extra: Partial<LintOptions> = {}): Finding[] {
  return run(text, path, extra).findings.filter((f) => f.rule === rule);
}

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The one finding of `rule`, its preferred fix applied, and that the finding is gone afterwards. */
function fixOnce(text: string, path: string, rule: string): { finding: Finding; after: string } {
  const found = findings(text, path, rule);
  assert.equal(found.length, 1, `one ${rule} finding: ${found.map((f) => f.message).join(' | ')}`);
  const finding = found[0]!;
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  assert.ok(fix, `${rule} offers a fix`);
  const after = apply(text, fix);
  assert.deepEqual(findings(after, path, rule), [], `after "${fix.title}" no ${rule} finding remains`);
  return { finding, after };
}

/** A rule fixture as rules.test.ts lints it: inside its wrapper when it starts with the directive. */
function fixture(rule: string, name: string): string {
  return loadFixture(join(fixtures, rule, name)).text;
}

/** The text between two lines (exclusive) of a document, for checking what a fix put there. */
function between(text: string, from: RegExp, to: RegExp): string[] {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => from.test(l));
  const b = lines.findIndex((l, i) => i > a && to.test(l));
  assert.ok(a >= 0 && b > a, `${from} comes before ${to}`);
  return lines.slice(a + 1, b);
}

const GTM = (positioning: string, ru = false): string =>
  ru
    ? `# GTM Стратегия: Облако\n\n## 3. Позиционирование и сообщения\n${positioning}\n\n## 4. GTM-модель\n**Модель**: Hybrid\n`
    : `# GTM Strategy: Cloud\n\n## 3. Positioning & Messaging\n${positioning}\n\n## 4. GTM Motion\n**Motion**: Hybrid\n`;

describe('positioning-statement', () => {
  test('the schema template of the positioning section is the statement parts, in order, in both languages', () => {
    const kind = builtinKind('gtm')!;
    const parts = statementParts(kind);
    assert.deepEqual(
      parts.map((p) => p.id),
      ['for', 'who', 'category', 'benefit', 'unlike', 'product'],
    );
    const section = kind.sections.find((s) => s.id === 'positioning')!;
    for (const lang of ['en', 'ru'] as const) {
      const lines = pick(section.template, lang).split('\n').slice(0, parts.length);
      assert.deepEqual(
        lines,
        parts.map((p) => p.template[lang]),
      );
    }
  });

  test("English: a missing Unlike goes between That and the last line, inside the GTM template's quoted paragraph", () => {
    const text = fixture('positioning-statement', 'reject-template-no-unlike.md');
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.equal(finding.fixes[0]!.title, 'Insert Unlike');
    assert.deepEqual(between(after, /^That enables deployment/, /^Our platform provides/), ['Unlike [competitive alternatives]']);
  });

  test('English: a missing For opens the quote and a missing last line closes it', () => {
    const text = GTM(
      '"Who need to deploy fast\nOur cloud platform is a managed infrastructure\nThat deploys in minutes\nUnlike AWS and Azure"',
    );
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.equal(
      finding.message,
      'The positioning statement lacks For / Our product (the template is For / Who / Our … is / That / Unlike / Our product)',
    );
    assert.match(after, /\n"For \[target segment\]\nWho need to deploy fast\n/);
    assert.match(after, /\nUnlike AWS and Azure\nOur product \[primary differentiation\]"\n/);
  });

  test('Russian: missing lines of a list statement are inserted as list items, in order, in Russian', () => {
    const text = fixture('positioning-statement', 'reject-list-ru.md');
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.equal(finding.fixes[0]!.title, 'Вставить строки: Наш … это / Который / Наш продукт');
    assert.deepEqual(between(after, /^## 3\./, /^\*\*Ключевые сообщения/), [
      '- **Для**: продуктовых ИТ-компаний со своей командой эксплуатации',
      '- **Которым нужно** обновлять десятки кластеров PostgreSQL без ночных окон',
      '- Наш [продукт] — это [категория продукта]',
      '- Который [ключевая выгода]',
      '- **В отличие от** самостоятельного Patroni',
      '- Наш продукт [главное отличие]',
      '',
    ]);
  });

  test('Russian: Который before "Наш … это" is the need, Которые after it the benefit', () => {
    const text = GTM(
      '> Для операционных директоров\n> Который теряет недели на согласование\n> Наш ОблакоДок — это платформа документооборота\n> Которые сокращают согласование до часов\n> Наш продукт даёт маршруты без программистов',
      true,
    );
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.match(finding.message, /^В позиционировании не хватает строк: В отличие от \(/);
    assert.match(
      after,
      /\n> Которые сокращают согласование до часов\n> В отличие от \[конкурентные альтернативы\]\n> Наш продукт даёт/,
    );
  });

  test('a section without a statement gets the whole template, and the finding goes away', () => {
    const text = fixture('positioning-statement', 'reject-no-statement.md');
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.equal(finding.messageId, 'none');
    assert.match(
      after,
      /## 3\. Positioning & Messaging\n\nFor \[target segment\]\nWho \[statement of need\/opportunity\]\nOur \[product\] is \[product category\]\nThat \[key benefit statement\]\nUnlike \[competitive alternatives\]\nOur product \[primary differentiation\]\n\nWe position/,
    );
    const ru = GTM('Мы позиционируем продукт как самый простой.', true);
    const fixedRu = fixOnce(ru, 'x.md', 'positioning-statement').after;
    assert.match(
      fixedRu,
      /\n\nДля \[целевой сегмент\]\nКоторые \[потребность или возможность\]\nНаш \[продукт\] — это \[категория продукта\]\n/,
    );
  });

  test('an unfilled template section, prose lines that begin with "for" and one-off "For example" are not statements', () => {
    assert.deepEqual(
      findings(GTM('[Positioning statement, key messages, differentiation]'), 'x.md', 'positioning-statement'),
      [],
    );
    const prose = GTM(
      'For example, we lead with upgrades.\n\nOur platform is simple and developers like it,\nfor teams who\nthat want speed.\n\nFor the CFO we stress cost.',
    );
    // No statement at all: reported once at the heading, not as a broken statement.
    assert.deepEqual(
      findings(prose, 'x.md', 'positioning-statement').map((f) => f.messageId),
      ['none'],
    );
  });

  test('one or two sentences, bold or plain keywords in any case, labels and table cells are statements', () => {
    for (const [body, ru] of [
      [
        'For platform teams at Series B–D SaaS companies who lose a day per release to flaky pipelines, Shipyard is a CI service that cuts build times in half. Unlike Jenkins, it needs no servers to babysit.',
      ],
      [
        '> **Positioning statement**: For platform teams who lose a day per release, our Shipyard is a CI service that cuts build times in half; unlike Jenkins, our product needs no servers.',
      ],
      [
        '| Element | Text |\n| --- | --- |\n| Positioning | For platform teams who lose a day per release, Shipyard is a CI service that halves build times, unlike Jenkins. |',
      ],
      [
        'For platform teams who lose a day per release to flaky pipelines,\nShipyard is a CI service that cuts build times in half.\nUnlike Jenkins, it needs no servers to babysit.',
      ],
      [
        '**for** platform teams\n**who** lose a day per release\n**our** Shipyard **is** a CI service\n**that** cuts build times in half\n**unlike** Jenkins\n**our product** needs no servers',
      ],
      [
        'FOR platform teams\nWHO lose a day per release\nOUR Shipyard IS a CI service\nTHAT cuts build times in half\nUNLIKE Jenkins\nOUR PRODUCT needs no servers',
      ],
      [
        'For: platform teams\nWho: lose a day per release\nOur Shipyard is: a CI service\nThat: cuts build times in half\nUnlike: Jenkins\nOur product: needs no servers',
      ],
      [
        'Для платформенных команд, которые теряют день на каждом релизе, Конвейер — это облачный CI, который вдвое сокращает время сборки. В отличие от GitLab Runner, ему не нужны серверы.',
        true,
      ],
      [
        'Для платформенных команд, теряющих день на каждом релизе, Конвейер — облачный CI, сокращающий время сборки вдвое. В отличие от Jenkins, ему не нужны серверы.',
        true,
      ],
      [
        '**для** платформенных команд\n**которые** теряют день на релизе\n**наш** Конвейер — **это** облачный CI\n**который** вдвое сокращает сборку\n**в отличие от** Jenkins\n**наш продукт** не требует серверов',
        true,
      ],
    ] as Array<[string, boolean?]>) {
      assert.deepEqual(
        findings(GTM(body, ru), 'x.md', 'positioning-statement').map((f) => f.message),
        [],
        body,
      );
    }
  });

  test('a sentence statement without its contrast is reported over the sentence; the fix appends the missing parts as a sentence', () => {
    const text = GTM(
      '**Positioning statement**: For platform teams who lose a day per release, Shipyard is a CI service that cuts build times in half.\n\n**Key Messages**:\n- Half the build time',
    );
    const { finding, after } = fixOnce(text, 'x.md', 'positioning-statement');
    assert.equal(
      finding.message,
      'The positioning statement lacks Unlike / Our product (the template is For / Who / Our … is / That / Unlike / Our product)',
    );
    assert.match(text.slice(finding.span.start, finding.span.end), /^For platform teams .* in half\.$/);
    assert.match(
      after,
      /cuts build times in half\. Unlike \[competitive alternatives\], our product \[primary differentiation\]\.\n/,
    );
    const ru = GTM(
      'Для платформенных команд, которые теряют день на каждом релизе, Конвейер — это облачный CI, который вдвое сокращает время сборки',
      true,
    );
    assert.match(
      fixOnce(ru, 'x.md', 'positioning-statement').after,
      /сокращает время сборки\. В отличие от \[конкурентные альтернативы\], наш продукт \[главное отличие\]\.\n/,
    );
  });

  test('a sentence missing its need is reported without a fix: no line goes into the middle of a sentence', () => {
    const [f, ...rest] = findings(
      GTM('For platform teams, Shipyard is a CI service that cuts build times in half. Unlike Jenkins, it needs no servers.'),
      'x.md',
      'positioning-statement',
    );
    assert.equal(rest.length, 0);
    assert.match(f!.message, /lacks Who \(/);
    assert.deepEqual(f!.fixes, []);
  });

  test('prose that opens with For is not a broken statement, and prose in other documents is not read as sentences', () => {
    // For and one or two more parts: the section has a statement in its own words, not reported.
    assert.deepEqual(findings(GTM('For platform teams, Shipyard is the fastest CI.'), 'x.md', 'positioning-statement'), []);
    assert.deepEqual(
      findings(
        GTM(
          'For enterprise accounts, the message is security first.\n\nFor platform teams who lose a day per release, Shipyard is a CI service that cuts build times in half. Unlike Jenkins, it needs no servers.',
        ),
        'x.md',
        'positioning-statement',
      ),
      [],
    );
    // A category, a benefit and a contrast without "For" are a statement too.
    assert.deepEqual(
      findings(
        GTM('Shipyard is the CI service for platform teams that cuts build times in half. Unlike Jenkins, it needs no servers.'),
        'x.md',
        'positioning-statement',
      ),
      [],
    );
    const persona =
      '# Buyer Persona: Platform Lead Priya\n\n## Goals\nFor Priya, who runs a platform team of six, the CI system is a tax that slows every release.\n';
    assert.deepEqual(findings(persona, 'x.md', 'positioning-statement'), []);
  });

  test('a statement in another kind of document is checked when it has three parts with For', () => {
    const seg =
      '# Customer Segmentation Analysis\n\n## Segment Strategy\n\n### Mid-Market\nFor platform teams\nWho run many clusters\nUnlike Rancher\n\n### Startups\nFor example, we lead with price.\n';
    const found = findings(seg, 'x.md', 'positioning-statement');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /lacks Our … is \/ That \/ Our product/);
  });
});

describe('list-length', () => {
  test('two pain points: the third stub continues the numbering, from the schema template', () => {
    const text = fixture('list-length', 'reject-two-pain-points.md');
    const { finding, after } = fixOnce(text, 'x.md', 'list-length');
    assert.equal(finding.message, 'Pain Points lists 2 items; the methodology asks for at least 3');
    assert.deepEqual(between(after, /^2\. \*\*Cost surprises/, /^## Decision Criteria/), [
      '3. **[Pain Point 3]**: [Detailed description]',
      '',
    ]);
  });

  test('a bulleted Russian list gets bulleted Russian stubs', () => {
    const text = fixture('list-length', 'reject-criteria-bullets-ru.md');
    const { finding, after } = fixOnce(text, 'x.md', 'list-length');
    assert.equal(finding.fixes[0]!.title, 'Добавить пункты (1) в раздел «Критерии принятия решения»');
    assert.deepEqual(between(after, /^- \*\*Совместимость/, /^## Процесс покупки/), [
      '- **[Критерий 3]**: [Почему важен, как ответить]',
      '',
    ]);
  });

  test('a list numbered from 5 continues at 7, with `)` and the stub of item 3', () => {
    const text = fixture('list-length', 'reject-two-pain-points.md')
      .replace('1. **Cluster toil**', '5) **Cluster toil**')
      .replace('2. **Cost surprises**', '6) **Cost surprises**');
    const { after } = fixOnce(text, 'x.md', 'list-length');
    assert.match(after, /\n6\) \*\*Cost surprises\*\*[^\n]*\n7\) \*\*\[Pain Point 3\]\*\*: \[Detailed description\]\n/);
  });

  test('one `*` item gets two `*` stubs; a section without a list gets the numbered template items', () => {
    const one = fixture('list-length', 'reject-two-pain-points.md')
      .replace(/1\. (\*\*Cluster toil)/, '* $1')
      .replace(/\n2\. \*\*Cost surprises[^\n]*/, '');
    const { finding, after } = fixOnce(one, 'x.md', 'list-length');
    assert.equal(finding.args['count'], 1);
    assert.deepEqual(between(after, /^\* \*\*Cluster toil/, /^## Decision Criteria/), [
      '* **[Pain Point 2]**: [Detailed description]',
      '* **[Pain Point 3]**: [Detailed description]',
      '',
    ]);
    const para = fixOnce(fixture('list-length', 'reject-criteria-paragraph.md'), 'x.md', 'list-length');
    assert.equal(
      para.finding.message,
      'Decision Criteria is a paragraph with fewer than 3 items in it; the methodology asks for at least 3: list them',
    );
    assert.deepEqual(between(para.after, /^Dana cares most/, /^## Buying Process/), [
      '',
      '1. **[Criterion 1]**: [Why important, how to address]',
      '2. **[Criterion 2]**: [Why important, how to address]',
      '3. **[Criterion 3]**: [Why important, how to address]',
      '',
    ]);
  });

  test('the finding is on the list, or on the heading when there is no list', () => {
    const list = findings(fixture('list-length', 'reject-two-pain-points.md'), 'x.md', 'list-length')[0]!;
    assert.match(list.message, /Pain Points/);
    assert.equal(list.range.start.character, 0);
    const heading = findings(fixture('list-length', 'reject-criteria-paragraph.md'), 'x.md', 'list-length')[0]!;
    const text = fixture('list-length', 'reject-criteria-paragraph.md');
    assert.equal(text.slice(heading.span.start, heading.span.end), '## Decision Criteria');
  });
});

describe('market-sizing', () => {
  const market = (body: string): string =>
    `# GTM Strategy: Cloud\n\n## 1. Market Analysis\n${body}\n\n## 2. Target Segments\n- **Primary**: SMB\n`;

  test("the GTM template's $250B ≥ $45B ≥ $900M is accepted, in any of the ways it is written", () => {
    for (const body of [
      '- **TAM**: $250B\n- **SAM**: $45B\n- **SOM**: $900M',
      'Total Addressable Market (TAM): Global cloud infrastructure market = $250B\nServiceable Addressable Market (SAM): $45B\nServiceable Obtainable Market (SOM): 2% market share = $900M',
      'TAM/SAM/SOM: $250B / $45B / $900M',
      '| Market | Size |\n| --- | --- |\n| TAM | $250B |\n| SAM | $45B |\n| SOM | $900M |',
      '- **TAM**: 22 трлн ₽\n- **SAM**: 4 трлн ₽\n- **SOM**: 80 млрд ₽',
    ]) {
      assert.deepEqual(
        findings(market(body), 'x.md', 'market-sizing').map((f) => f.message),
        [],
        body,
      );
    }
  });

  test('a swapped SAM and SOM is reported on the SOM amount, with both amounts', () => {
    const text = market('- **TAM**: $250B\n- **SAM**: $900M\n- **SOM**: $45B');
    const [f, ...rest] = findings(text, 'x.md', 'market-sizing');
    assert.equal(rest.length, 0);
    assert.equal(f!.message, 'SOM ($45B) is larger than SAM ($900M); expected TAM ≥ SAM ≥ SOM');
    assert.equal(text.slice(f!.span.start, f!.span.end), '$45B');
    assert.equal(f!.severity, 'error');
  });

  test('amounts in other currencies compare in dollars, and say so', () => {
    const [f] = findings(market('- **TAM**: $1B\n- **SAM**: 200 млрд ₽\n- **SOM**: $50M'), 'x.md', 'market-sizing');
    assert.equal(f!.message, 'SAM (200 млрд ₽ ≈ $2.2B) is larger than TAM ($1B); expected TAM ≥ SAM ≥ SOM');
    // With a rate that makes the rouble amount smaller, it is in order.
    assert.deepEqual(
      findings(market('- **TAM**: $1B\n- **SAM**: 200 млрд ₽\n- **SOM**: $50M'), 'x.md', 'market-sizing', {
        config: { rules: { 'market-sizing': ['error', { rates: { RUB: 0.004 } }] } },
      }),
      [],
    );
  });

  test('ranges are wrong only when they cannot be right', () => {
    assert.deepEqual(findings(market('- **TAM**: $10B-$15B\n- **SAM**: $12B–$20B\n- **SOM**: $1B'), 'x.md', 'market-sizing'), []);
    const [f] = findings(market('- **TAM**: $10B-$15B\n- **SAM**: $16B–$20B\n- **SOM**: $1B'), 'x.md', 'market-sizing');
    assert.equal(f!.message, 'SAM ($16B–$20B) is larger than TAM ($10B-$15B); expected TAM ≥ SAM ≥ SOM');
  });

  test('without SAM, SOM is compared with TAM; a missing market is reported at the heading', () => {
    const text = market('- **TAM**: $1B\n- **SOM**: $2B');
    const found = findings(text, 'x.md', 'market-sizing');
    assert.deepEqual(
      found.map((f) => f.message),
      [
        '"1. Market Analysis" does not give SAM; size the market as TAM ≥ SAM ≥ SOM',
        'SOM ($2B) is larger than TAM ($1B); expected TAM ≥ SAM ≥ SOM',
      ],
    );
    assert.equal(text.slice(found[0]!.span.start, found[0]!.span.end), '1. Market Analysis');
  });

  test('prose, wrapped prose, Cyrillic ТАМ / САМ / СОМ and tables with the markets as columns', () => {
    const ok = [
      'We size the total addressable market at $4.2B. The serviceable available market is roughly $900M, and our serviceable obtainable market is ~$180M.',
      'We size the total addressable market at $4.2B. The serviceable available\nmarket is roughly $900M, and our serviceable obtainable market is ~$180M.',
      '- ТАМ: 4,2 млрд ₽\n- САМ: 900 млн ₽\n- СОМ: 180 млн ₽\n\nТам, где команды сами держат раннеры, мы сами продаём миграцию.',
      '| TAM | SAM | SOM |\n| --- | --- | --- |\n| $4.2B | $900M | $180M |',
      '| Year | TAM | SAM | SOM |\n| --- | --- | --- | --- |\n| 2026 | $4.2B | $900M | $12M |\n| 2029 | $5.6B | $1.3B | $180M |',
    ];
    for (const body of ok)
      assert.deepEqual(
        findings(market(body), 'x.md', 'market-sizing').map((f) => f.message),
        [],
        body,
      );
    const larger = (body: string): string[] => findings(market(body), 'x.md', 'market-sizing').map((f) => f.message);
    assert.deepEqual(
      larger(
        'We size the total addressable market at $4.2B. The serviceable available\nmarket is roughly $900M, and our serviceable obtainable market is ~$1.8B.',
      ),
      ['SOM (~$1.8B) is larger than SAM (roughly $900M); expected TAM ≥ SAM ≥ SOM'],
    );
    assert.deepEqual(larger('| TAM | SAM | SOM |\n| --- | --- | --- |\n| $4.2B | $900M | $1.2B |'), [
      'SOM ($1.2B) is larger than SAM ($900M); expected TAM ≥ SAM ≥ SOM',
    ]);
    assert.deepEqual(larger('- ТАМ: $4.2B\n- САМ: $900M\n- СОМ: $1.2B'), [
      'SOM ($1.2B) is larger than SAM ($900M); expected TAM ≥ SAM ≥ SOM',
    ]);
    // A name waits for its amount within its sentence only.
    assert.deepEqual(
      larger(
        '- **TAM**: $4.2B\n- **SAM**: $900M\n\nSOM is the share we win through partners. Partners\nresell $2B of CI licences a year.',
      ),
      [],
    );
    // A SAM per segment is a part of the market: its rows are not compared with the SOM.
    assert.deepEqual(
      larger('- TAM: $4.2B\n- SOM: $180M\n\n| Segment | SAM |\n| --- | --- |\n| Mid-market | $100M |\n| Enterprise | $800M |'),
      [],
    );
  });

  test('a name in passing does not give the figure; a verb or a placeholder does', () => {
    const passing = findings(market('- **SAM**: $45B (18% of TAM)\n- **SOM**: $900M'), 'x.md', 'market-sizing');
    assert.deepEqual(
      passing.map((f) => f.args['missing']),
      ['TAM'],
    );
    assert.deepEqual(findings(market('- **TAM**: $250B\n- **SAM**: $45B\n\nSOM is 2% of SAM.'), 'x.md', 'market-sizing'), []);
    assert.deepEqual(
      findings(
        market('- **TAM**: $[Amount] ([Total addressable market])\n- **SAM**: $[Amount]\n- **SOM**: $[Amount]'),
        'x.md',
        'market-sizing',
      ),
      [],
    );
    assert.deepEqual(findings(market('[TAM/SAM/SOM, конкуренты, тренды]'), 'x.md', 'market-sizing'), []);
  });
});

describe('unit-economics', () => {
  const metrics = (body: string): string => `# GTM Strategy: Cloud\n\n## 7. Success Metrics\n${body}\n`;
  const messages = (body: string, extra: Partial<LintOptions> = {}): string[] =>
    findings(metrics(body), 'x.md', 'unit-economics', extra).map((f) => f.message);
  const values = (body: string): string[] => {
    const text = metrics(body);
    return findings(text, 'x.md', 'unit-economics').map((f) => text.slice(f.span.start, f.span.end));
  };

  test("the GTM template's bars, as it writes them, are met", () => {
    assert.deepEqual(
      messages(
        '- >3x LTV/CAC ratio (sustainability)\n- <6 месяцев CAC payback (cash efficiency)\n- >100% Net Revenue Retention (expansion evidence)\n- 40%+ users would be "very disappointed" if product gone (PMF threshold)',
      ),
      [],
    );
  });

  test('LTV/CAC: 12.6:1 and 4,5x pass; 2.5:1, 3x and a >2x target do not', () => {
    assert.deepEqual(values('- **LTV:CAC**: 12.6:1\n- **LTV/CAC**: 4,5x'), []);
    assert.deepEqual(values('- LTV:CAC 2.5:1\n- **LTV/CAC**: 3x\n- Target: >2x LTV/CAC'), ['2.5:1', '3x', '>2x']);
    assert.deepEqual(messages('- LTV:CAC 2.5:1'), ['LTV/CAC 2.5:1 is not above 3x, the bar for sustainable unit economics']);
  });

  test('CAC payback: <6 месяцев and 5 months pass; 6 months, 1 year, 4-8 months and a bare 8 do not', () => {
    assert.deepEqual(values('- **Окупаемость CAC**: <6 месяцев\n- **CAC Payback**: 5 months\n- **CAC payback**: 20 weeks'), []);
    assert.deepEqual(
      values('- **CAC Payback**: 6 months\n- **CAC payback**: 1 year\n- CAC payback 4-8 months\n- **Payback Period**: 8'),
      ['6 months', '1 year', '4-8 months', '8'],
    );
    assert.deepEqual(messages('- **CAC payback**: 1 year'), [
      'CAC payback 1 year (about 12 months) is not under 6 months, the bar for cash efficiency',
    ]);
  });

  test('NRR above 100% and PMF of at least 40%', () => {
    assert.deepEqual(values('- **NRR**: 118%\n- **NRR**: >100%\n- **PMF**: 40% "very disappointed"'), []);
    assert.deepEqual(values('- **NRR**: 100%\n- **PMF**: 39% of users would be very disappointed'), ['100%', '39%']);
  });

  test('table columns named after a metric are read row by row', () => {
    assert.deepEqual(
      values('| Segment | LTV:CAC | Payback |\n| --- | --- | --- |\n| SMB | 2.1:1 | 9 months |\n| Mid | 12.6:1 | 4 months |'),
      ['2.1:1', '9 months'],
    );
  });

  test('the forms people write: ratios, payback verbs, NRR and PMF in prose, wrapped lines, Russian', () => {
    assert.deepEqual(
      values(
        '- LTV:CAC of 4.2\n- LTV/CAC = 4.2x\n- 4.2:1 LTV to CAC\n- payback in 5 months\n- CAC payback: ~5 mo\n- NRR 112%\n- net revenue retention of 112 %\n- PMF score 44 %\n- 44% "very disappointed"\n- Sean Ellis test: 44%\n\n| LTV:CAC | 4.2x |\n| --- | --- |',
      ),
      [],
    );
    assert.deepEqual(
      values(
        '- LTV is 2.1x CAC\n- LTV of 2.1× CAC\n- CAC is paid back in 11 months\n- we pay back CAC in 9 months\n- Sean Ellis score 24%',
      ),
      ['2.1x', '2.1×', '11 months', '9 months', '24%'],
    );
    assert.deepEqual(
      values(
        'Across the beta we paid back CAC in 5 months and net revenue\nretention of 96 % came from teams adding repositories.',
      ),
      ['96 %'],
    );
    // On the next line, a value after the end of the sentence is not the metric's.
    assert.deepEqual(values('We report NRR monthly to the board.\nChurn was 4% in Q3.'), []);
    assert.deepEqual(values('- LTV/CAC — 4,2\n- окупаемость CAC 5 месяцев\n- NRR 112 %\n- CAC окупается за 5 месяцев'), []);
    assert.deepEqual(values('- LTV/CAC — 2,0\n- CAC окупается за 9 месяцев'), ['2,0', '9 месяцев']);
    // A target written with a comparator word is a bound.
    assert.deepEqual(values('- NRR should exceed 100%\n- NRR выше 100%\n- окупаемость CAC ниже 6 месяцев'), []);
  });

  test('placeholders and names without figures are not read', () => {
    assert.deepEqual(
      values(
        '- **LTV/CAC**: [Target, >3x]\n- **CAC Payback**: [Target, <6 months]\n- Efficiency: CAC payback, LTV/CAC by segment for 3 segments',
      ),
      [],
    );
  });

  test('options move the bars', () => {
    const strict = {
      config: {
        rules: {
          'unit-economics': ['warning', { minLtvToCac: 5, maxCacPaybackMonths: 4, minNrrPercent: 120, minPmfPercent: 50 }],
        },
      },
    } as Partial<LintOptions>;
    assert.equal(messages('- **LTV/CAC**: 4.5x\n- **CAC payback**: 5 months\n- **NRR**: 110%\n- **PMF**: 44%', strict).length, 4);
    const lax = {
      config: { rules: { 'unit-economics': ['warning', { minLtvToCac: 2, maxCacPaybackMonths: 12 }] } },
    } as Partial<LintOptions>;
    assert.deepEqual(messages('- LTV:CAC 2.5:1\n- **CAC payback**: 8 months', lax), []);
  });

  test('judge: a comparator makes the figure a bound', () => {
    const q = (s: string) => findQuantities(s)[0]!;
    const id = (n: number): number => n;
    assert.equal(judge(q('>3x'), id, 3, 'above', true), 'meets');
    assert.equal(judge(q('3x'), id, 3, 'above', true), 'misses');
    assert.equal(judge(q('40%+'), id, 40, 'above', false), 'meets');
    assert.equal(judge(q('<3x'), id, 2, 'above', true), 'misses');
    assert.equal(judge(q('<6 months'), id, 6, 'below', true), 'meets');
    assert.equal(judge(q('<8 months'), id, 6, 'below', true), 'misses');
    assert.equal(judge(q('>4 months'), id, 6, 'below', true), 'misses');
  });
});

describe('gtm-motion', () => {
  const motion = (body: string, ru = false): string =>
    ru
      ? `# GTM Стратегия: Облако\n\n## 4. GTM-модель\n${body}\n\n## 5. Стратегия каналов\n- **Прямые**: 100%\n`
      : `# GTM Strategy: Cloud\n\n## 4. GTM Motion\n${body}\n\n## 5. Channel Strategy\n- **Direct**: 100%\n`;
  const found = (body: string, ru = false) => findings(motion(body, ru), 'x.md', 'gtm-motion');

  test('any motion name or alias, in any spelling, counts', () => {
    for (const body of [
      '**Motion**: PLG',
      'We start product-led and add sales later.',
      'Sales led, with field sales for banks.',
      '**Motion**: Hybrid: PLG for signups, Sales for >$5K MRR',
    ]) {
      assert.deepEqual(found(body), [], body);
    }
    for (const body of [
      'Гибридная модель: PLG для регистраций',
      'Выбираем гибридную модель.',
      'Рост через продукт: бесплатный тариф.',
      'Продажи через отдел продаж.',
    ]) {
      assert.deepEqual(found(body, true), [], body);
    }
  });

  test('a motion outside the list is reported at the heading, and not as a metadata error', () => {
    const text = motion('**Motion**: Community-led');
    const all = run(text, 'x.md').findings;
    assert.deepEqual(
      all.filter((f) => f.rule === 'metadata'),
      [],
    );
    const [f] = all.filter((x) => x.rule === 'gtm-motion');
    assert.equal(text.slice(f!.span.start, f!.span.end), '4. GTM Motion');
    assert.equal(f!.message, '"4. GTM Motion" does not name a motion: PLG (Product-Led Growth), Sales-Led, Hybrid');
  });

  test("a motion still to be chosen is the placeholder rule's", () => {
    assert.deepEqual(found('**Motion**: [PLG/Sales-Led/Hybrid]\n\n**Rationale**: developers evaluate on their own'), []);
    assert.deepEqual(found('[PLG/Sales-Led/Hybrid с обоснованием]', true), []);
  });

  test("extraNames adds a team's own words", () => {
    const opts = { config: { rules: { 'gtm-motion': ['warning', { extraNames: ['Community-led'] }] } } } as Partial<LintOptions>;
    assert.deepEqual(findings(motion('**Motion**: Community-led'), 'x.md', 'gtm-motion', opts), []);
  });
});

describe('launch-timeline', () => {
  const plan = (body: string): string =>
    `# GTM Strategy: Cloud\n\n## 6. Launch Plan\n${body}\n\n## 7. Success Metrics\n- **NRR**: 110%\n`;
  const messages = (body: string): string[] => findings(plan(body), 'x.md', 'launch-timeline').map((f) => f.message);

  test('units mix: T-6 months comes before T-8 weeks, T+1 Week after T-0', () => {
    assert.deepEqual(
      messages(
        '- T-6 months: research\n- T-8 weeks: enablement\n- T-3 days: press\n- T-0: launch\n- T+1 Week: monitoring\n- T+12 weeks: review',
      ),
      [],
    );
    assert.deepEqual(messages('- T-8 weeks: enablement\n- T-6 months: research'), [
      'Milestone "T-6 months" is out of chronological order: it belongs before "T-8 weeks"',
    ]);
  });

  test('the milestone out of place is named with its neighbours; running text is not a milestone', () => {
    assert.deepEqual(
      messages(
        '### T-24 weeks: Research\nDone by T-4 weeks at the latest.\n\n### T-0: Launch\n\n### T-4 weeks: Campaigns\n\n### T+12 weeks: Review',
      ),
      ['Milestone "T-4 weeks" is out of chronological order: it belongs after "T-24 weeks" and before "T-0"'],
    );
    assert.deepEqual(messages('- T+12 weeks: review\n- T+4 weeks: optimisation'), [
      'Milestone "T+4 weeks" is out of chronological order: it belongs before "T+12 weeks"',
    ]);
  });

  test('in order means non-decreasing; of two equal runs the earlier stays', () => {
    assert.deepEqual([...inOrder([-168, -112, -112, 0, 7])], [0, 1, 2, 3, 4]);
    assert.deepEqual([...inOrder([-168, -56, -112, 0])], [0, 1, 3]);
    assert.deepEqual([...inOrder([])], []);
  });
});

describe('persona-evidence', () => {
  const base = fixture('persona-evidence', 'reject-made-up.md');

  test("quoted copy in Messaging is ours, not the customer's; the same sentence elsewhere is a quote", () => {
    assert.match(base, /\*\*Proof Points\*\*: "Fintech Co cut platform toil by 60% in two quarters"/);
    assert.equal(findings(base, 'x.md', 'persona-evidence').length, 1);
    const quoted = base.replace(
      '## Buying Process\n',
      '## Buying Process\n- **Objections**: "We already have an AWS enterprise agreement"\n',
    );
    assert.deepEqual(findings(quoted, 'x.md', 'persona-evidence'), []);
  });

  test('research counts: n=, interviews and surveys before or after the number, in both languages', () => {
    for (const line of [
      'Survey: n=120, March 2026',
      '18 customer interviews, April 2026',
      'Survey of 212 platform engineers',
      'Основано на 15 интервью',
      'Опрос 120 клиентов, октябрь 2026',
    ]) {
      assert.deepEqual(
        findings(base.replace('## Demographics', `${line}\n\n## Demographics`), 'x.md', 'persona-evidence'),
        [],
        line,
      );
    }
    assert.equal(
      findings(base.replace('## Demographics', 'We talked to customers in 2026.\n\n## Demographics'), 'x.md', 'persona-evidence')
        .length,
      1,
    );
  });

  test('requireBoth asks for a quote and data sources', () => {
    const opts = { config: { rules: { 'persona-evidence': ['warning', { requireBoth: true }] } } } as Partial<LintOptions>;
    const counts = base.replace('## Demographics', 'Based on 18 customer interviews.\n\n## Demographics');
    assert.deepEqual(findings(counts, 'x.md', 'persona-evidence'), []);
    assert.deepEqual(
      findings(counts, 'x.md', 'persona-evidence', opts).map((f) => f.messageId),
      ['noQuote'],
    );
  });

  test("the finding is on the title and names the persona without the kind's words", () => {
    const [f] = findings(base, 'x.md', 'persona-evidence');
    assert.equal(base.slice(f!.span.start, f!.span.end), 'Persona: DevOps Dana - Platform Engineering Lead');
    assert.equal(f!.args['persona'], 'DevOps Dana - Platform Engineering Lead');
  });
});
