/**
 * One model for every layout of the same content (model/layout.ts, model/items.ts): the same
 * content — a persona's demographic fields, 3–5 pain points and decision criteria, a GTM
 * channel mix and resource split, a prioritization matrix — rendered in each layout people
 * use gives the same fields and items in the model and the same findings (rule ids and
 * messages; ranges differ by layout) from lint.
 *
 * Layouts: fields as bold-label lines, `- Key: value` items, `- **Key**: value` items, a
 * nested list (`- **Key**` over one child item), a key/value table, definition lines of a
 * paragraph; items as bullets, numbers or table rows; shares as a list, a two-column table or
 * a table with a percentage column among others; the tier split as Resource Allocation lines,
 * a list or a table; matrix headers as the template writes them or under their synonyms.
 *
 * The seed is fixed (FC_SEED overrides it, FC_RUNS deepens a run).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildDocument } from '../../server/src/model/build';
import { sectionItems } from '../../server/src/model/items';
import type { Language, Section, SegDocument } from '../../server/src/model/types';
import { sectionFields } from '../../server/src/model/items';
import { lint, type LintResult } from '../../server/src/services/engine';

const RUNS = Number(process.env['FC_RUNS'] ?? 10);
const SEED = Number(process.env['FC_SEED'] ?? 20261109);
const params = { numRuns: RUNS, seed: SEED };
const NOW = new Date('2026-11-01T00:00:00Z');

// ---------------------------------------------------------------------------------------
// Content

type Pair = [label: string, value: string];
interface Named {
  name: string;
  detail: string;
}

const LABELS: Record<Language, { job: string; size: string; industry: string }> = {
  en: { job: 'Job Title', size: 'Company Size', industry: 'Industry' },
  ru: { job: 'Должность', size: 'Размер компании', industry: 'Отрасль' },
};

const jobTitles = {
  en: ['VP of Engineering', 'Head of Platform Engineering', 'Director of IT Operations', 'Staff SRE'],
  ru: ['Технический директор', 'Руководитель платформенной команды', 'Ведущий DBA'],
};
const sizes = {
  en: ['Mid-Market (500–2,000 employees)', 'SMB (50–200 employees)', 'Enterprise (5,000+ employees)'],
  ru: ['Mid-Market (300–1 000 сотрудников)', 'SMB (до 200 сотрудников)'],
};
const industries = {
  en: ['FinTech, B2B SaaS', 'Retail and e-commerce', 'Healthcare IT'],
  ru: ['Финтех, SaaS для бизнеса', 'Ритейл и e-commerce'],
};
const painNames = {
  en: [
    'Cluster upgrades by hand',
    'Unexplained cloud bill',
    'Pager fatigue',
    'Slow onboarding',
    'Audit evidence',
    'Flaky pipelines',
    'Shadow IT',
  ],
  ru: [
    'Ночные окна обслуживания',
    'Ручной failover',
    'Непрозрачные расходы',
    'Долгий онбординг',
    'Аудит и отчёты',
    'Нестабильные релизы',
  ],
};
const criterionNames = {
  en: ['Less operational load', 'Predictable pricing', 'Open standards', 'Security review', 'Time to value', 'Local support'],
  ru: ['Обновления без простоя', 'Совместимость', 'Данные в России', 'Предсказуемая цена', 'Поддержка на русском'],
};
const details = {
  en: [
    'two engineers lose a sprint every quarter',
    'finance asks and nobody can answer',
    'three people share the pager for 40 services',
    'must remove work, not move it',
  ],
  ru: [
    'группа выгорает, двое ушли за год',
    'финансы режут бюджет вслепую',
    'до 20 минут простоя при сбое',
    'стандартный PostgreSQL и Grafana',
  ],
};
const channelNames = {
  en: ['Direct sales', 'Cloud marketplaces', 'SI partners', 'Resellers'],
  ru: ['Прямые продажи', 'Маркетплейсы', 'Интеграторы', 'Реселлеры'],
};
const segmentNames = {
  en: ['Platform teams', 'SRE consultancies', 'Fintech infrastructure', 'Game studios', 'Public sector IT'],
  ru: ['Маркетплейсы', 'Онлайн-школы', 'Турагентства', 'Доставка еды', 'Банки'],
};

const named = (language: Language, names: Record<Language, string[]>, min: number, max: number): fc.Arbitrary<Named[]> =>
  fc
    .uniqueArray(fc.constantFrom(...names[language]), { minLength: min, maxLength: max })
    .chain((ns) =>
      fc
        .tuple(...ns.map(() => fc.constantFrom(...details[language])))
        .map((ds) => ns.map((name, i) => ({ name, detail: ds[i]! }))),
    );

interface Persona {
  language: Language;
  demographics: Pair[];
  pains: Named[];
  criteria: Named[];
}

const persona: fc.Arbitrary<Persona> = fc.constantFrom<Language>('en', 'ru').chain((language) =>
  fc.record({
    language: fc.constant(language),
    demographics: fc
      .tuple(
        fc.constantFrom(...jobTitles[language]),
        fc.constantFrom(...sizes[language]),
        fc.constantFrom(...industries[language]),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([job, size, industry, hasJob, hasSize, hasIndustry]) => {
        const l = LABELS[language];
        const out: Pair[] = [];
        // Sometimes a required field is missing, so that required-field has something to say.
        if (hasJob || (!hasSize && !hasIndustry)) out.push([l.job, job]);
        if (hasSize || hasJob) out.push([l.size, size]);
        if (hasIndustry || !hasJob) out.push([l.industry, industry]);
        return out;
      }),
    // 2 sometimes, so that list-length has something to say too.
    pains: named(language, painNames, 2, 5),
    criteria: named(language, criterionNames, 2, 5),
  }),
);

// ---------------------------------------------------------------------------------------
// Layouts

const FIELD_LAYOUTS = ['bold', 'plain-list', 'bold-list', 'nested', 'table', 'definition'] as const;
type FieldLayout = (typeof FIELD_LAYOUTS)[number];
const ITEM_LAYOUTS = ['bullets', 'numbers', 'table'] as const;
type ItemLayout = (typeof ITEM_LAYOUTS)[number];

function renderFields(pairs: Pair[], layout: FieldLayout, language: Language): string[] {
  switch (layout) {
    case 'bold':
      return pairs.map(([k, v]) => `**${k}**: ${v}`);
    case 'plain-list':
      return pairs.map(([k, v]) => `- ${k}: ${v}`);
    case 'bold-list':
      return pairs.map(([k, v]) => `- **${k}**: ${v}`);
    case 'nested':
      return pairs.flatMap(([k, v]) => [`- **${k}**`, `  - ${v}`]);
    case 'table':
      return [
        language === 'ru' ? '| Параметр | Значение |' : '| Attribute | Detail |',
        '|---|---|',
        ...pairs.map(([k, v]) => `| ${k} | ${v} |`),
      ];
    case 'definition':
      return pairs.map(([k, v]) => `${k}: ${v}`);
  }
}

function renderItems(items: Named[], layout: ItemLayout, header: [string, string]): string[] {
  switch (layout) {
    case 'bullets':
      return items.map((i) => `- **${i.name}**: ${i.detail}`);
    case 'numbers':
      return items.map((i, n) => `${n + 1}. **${i.name}**: ${i.detail}`);
    case 'table':
      return [`| ${header[0]} | ${header[1]} |`, '|---|---|', ...items.map((i) => `| ${i.name} | ${i.detail} |`)];
  }
}

function personaText(p: Persona, fields: FieldLayout, pains: ItemLayout, criteria: ItemLayout): string {
  const en = p.language === 'en';
  return [
    en ? '# Persona: Platform Priya - Head of Platform' : '# Персона: Ирина — руководитель эксплуатации',
    '',
    en ? 'Built from 14 customer interviews and a survey of 212 engineers.' : 'Основано на 16 интервью и опросе 140 инженеров.',
    '',
    en ? '## Demographics' : '## Демография',
    ...renderFields(p.demographics, fields, p.language),
    '',
    en ? '## Goals & Responsibilities' : '## Цели и обязанности',
    en
      ? '- **Primary Goal**: A paved road to production for 150 developers'
      : '- **Основная цель**: доступность баз 99,95% без ночных окон',
    '',
    en ? '## Pain Points' : '## Боли',
    ...renderItems(p.pains, pains, en ? ['Pain point', 'What it costs'] : ['Боль', 'Чего стоит']),
    '',
    en ? '## Decision Criteria' : '## Критерии принятия решения',
    ...renderItems(p.criteria, criteria, en ? ['Criterion', 'Why it matters'] : ['Критерий', 'Почему важен']),
    '',
    en ? '## Buying Process' : '## Процесс покупки',
    en ? '- **Role in Decision**: Technical evaluator' : '- **Роль в решении**: Технический оценщик',
    '',
    en ? '## Information Sources' : '## Источники информации',
    en ? '- **Trusted Sources**: CNCF blog, SRE Weekly' : '- **Доверенные источники**: Хабр, HighLoad++',
    '',
    en ? '## Messaging' : '## Сообщения',
    en ? '- **Value Proposition**: Kubernetes that upgrades itself' : '- **Ценностное предложение**: PostgreSQL без простоя',
    '',
    en ? '## Marketing Tactics' : '## Маркетинговые тактики',
    en ? '- **Channels**: KubeCon, CNCF Slack' : '- **Каналы**: HighLoad++, Хабр',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// What must not depend on the layout

function sectionByHeading(doc: SegDocument, heading: string): Section {
  const s = doc.allSections.find((x) => x.heading.text === heading);
  assert.ok(s, `no section ${heading}`);
  return s;
}

/** Findings as the user reads them, order aside: rule and message. */
function findings(result: LintResult): string[] {
  return result.findings.map((f) => `${f.rule}: ${f.message}`).sort();
}

/** An item's name: a table row's first cell, a list item's bold label. */
function itemName(text: string): string {
  return text.replace(/\*\*/g, '').split(':')[0]!.trim();
}

/**
 * Lints a document, first checking that its model built chunk by chunk (a cut wherever one
 * may fall) equals the whole-document model: the layout fields are read after assembly.
 */
function lintText(text: string): LintResult {
  const plain = (doc: SegDocument): unknown =>
    JSON.parse(JSON.stringify({ ...doc, lines: undefined, definitions: [...doc.definitions] }));
  assert.deepStrictEqual(
    plain(buildDocument(text, { cache: null, chunkTarget: 0, chunkMin: 0 })),
    plain(buildDocument(text, { cache: null, whole: true })),
  );
  return lint(text, { now: NOW, cache: null });
}

describe('the same content in every layout', () => {
  test('persona: demographic fields, pain points and criteria give the same fields, items and findings', () => {
    fc.assert(
      fc.property(persona, fc.nat(), (p, shift) => {
        const en = p.language === 'en';
        let expected: { fields: string[]; pains: string[]; criteria: string[]; findings: string[] } | undefined;
        let first = '';
        for (let i = 0; i < FIELD_LAYOUTS.length; i++) {
          const fields = FIELD_LAYOUTS[i]!;
          const pains = ITEM_LAYOUTS[(i + shift) % ITEM_LAYOUTS.length]!;
          const criteria = ITEM_LAYOUTS[(i + shift + 1) % ITEM_LAYOUTS.length]!;
          const text = personaText(p, fields, pains, criteria);
          const result = lintText(text);
          const doc = result.doc;
          const got = {
            fields: sectionFields(sectionByHeading(doc, en ? 'Demographics' : 'Демография')).map(
              (f) => `${f.key}=${f.value.text}`,
            ),
            pains: sectionItems(sectionByHeading(doc, en ? 'Pain Points' : 'Боли')).map((x) => itemName(x.text)),
            criteria: sectionItems(sectionByHeading(doc, en ? 'Decision Criteria' : 'Критерии принятия решения')).map((x) =>
              itemName(x.text),
            ),
            findings: findings(result),
          };
          assert.deepEqual(
            got.pains,
            p.pains.map((x) => x.name),
          );
          assert.deepEqual(
            got.criteria,
            p.criteria.map((x) => x.name),
          );
          if (!expected) {
            expected = got;
            first = text;
          } else {
            assert.deepEqual(
              got,
              expected,
              `layout ${fields}/${pains}/${criteria} differs from the first:\n${text}\n--- first ---\n${first}`,
            );
          }
        }
        // The content decides the findings: a missing required field and a short list are found.
        const missing = 3 - p.demographics.length;
        assert.equal(expected!.findings.filter((f) => f.startsWith('required-field:')).length, missing);
        assert.equal(
          expected!.findings.filter((f) => f.startsWith('list-length:')).length,
          (p.pains.length < 3 ? 1 : 0) + (p.criteria.length < 3 ? 1 : 0),
        );
      }),
      params,
    );
  });

  // -------------------------------------------------------------------------------------
  // GTM: the channel mix and the tier split, as lists and as tables.

  interface Shares {
    language: Language;
    channels: Array<[string, number]>;
    tiers: [number, number, number];
  }
  const shares: fc.Arbitrary<Shares> = fc.constantFrom<Language>('en', 'ru').chain((language) =>
    fc.record({
      language: fc.constant(language),
      channels: fc
        .uniqueArray(fc.constantFrom(...channelNames[language]), { minLength: 2, maxLength: 4 })
        .chain((names) =>
          fc
            .tuple(...names.map(() => fc.integer({ min: 5, max: 70 })))
            .map((ps) => names.map((n, i): [string, number] => [n, ps[i]!])),
        ),
      tiers: fc.constantFrom<[number, number, number]>(
        [65, 30, 5],
        [60, 30, 10],
        [70, 25, 5],
        [50, 40, 10],
        [65, 30, 10],
        [80, 15, 5],
      ),
    }),
  );

  const SHARE_LAYOUTS = ['bold-list', 'plain-list', 'nested', 'table', 'wide-table', 'bold-lines'] as const;
  type ShareLayout = (typeof SHARE_LAYOUTS)[number];

  function renderShares(rows: Array<[string, string, string]>, layout: ShareLayout, header: [string, string, string]): string[] {
    switch (layout) {
      case 'bold-list':
        return rows.map(([k, v, note]) => `- **${k}**: ${v} — ${note}`);
      case 'plain-list':
        return rows.map(([k, v, note]) => `- ${k}: ${v} — ${note}`);
      case 'nested':
        return rows.flatMap(([k, v]) => [`- **${k}**`, `  - ${v}`]);
      case 'table':
        return [`| ${header[0]} | ${header[1]} |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
      case 'wide-table':
        return [
          `| ${header[0]} | ${header[1]} | ${header[2]} |`,
          '|---|---:|---|',
          ...rows.map(([k, v, note]) => `| **${k}** | ${v} | ${note} |`),
        ];
      case 'bold-lines':
        return rows.map(([k, v, note]) => `**${k}**: ${v} (${note})`);
    }
  }

  function gtmText(s: Shares, channels: ShareLayout, tiers: ShareLayout): string {
    const en = s.language === 'en';
    const tierLabel = (n: number): string => (en ? `Tier ${n}` : `Уровень ${n}`);
    return [
      en ? '# GTM Strategy: Beacon Observability' : '# GTM Стратегия: Вектор Мониторинг',
      '',
      en ? '## Metadata' : '## Метаданные',
      en ? '- **Product**: Beacon' : '- **Продукт**: Вектор',
      en ? '- **Date**: 2026-10-12' : '- **Дата**: 2026-10-12',
      en ? '- **Owner**: Maya Chen' : '- **Владелец**: Ольга Мельник',
      '- **Status**: Draft',
      '',
      en ? '## 5. Channel Strategy' : '## 5. Стратегия каналов',
      ...renderShares(
        s.channels.map(([n, p]) => [n, `${p}%`, en ? 'pipeline this year' : 'пайплайн этого года']),
        channels,
        en ? ['Channel', 'Share', 'Notes'] : ['Канал', 'Доля', 'Комментарий'],
      ),
      '',
      en ? '## Resource Allocation' : '## Распределение ресурсов',
      ...renderShares(
        s.tiers.map((p, i): [string, string, string] => [tierLabel(i + 1), `${p}%`, en ? 'of the team' : 'команды']),
        tiers,
        en ? ['Tier', 'Share of resources', 'Notes'] : ['Уровень', 'Доля ресурсов', 'Комментарий'],
      ),
      '',
    ].join('\n');
  }

  test('GTM: a channel mix and a tier split give the same findings as lists, lines and tables', () => {
    fc.assert(
      fc.property(shares, fc.nat(), (s, shift) => {
        let expected: string[] | undefined;
        let first = '';
        for (let i = 0; i < SHARE_LAYOUTS.length; i++) {
          const channels = SHARE_LAYOUTS[i]!;
          const tiers = SHARE_LAYOUTS[(i + shift) % SHARE_LAYOUTS.length]!;
          const text = gtmText(s, channels, tiers);
          const got = findings(lintText(text));
          if (!expected) {
            expected = got;
            first = text;
          } else {
            assert.deepEqual(
              got,
              expected,
              `layout ${channels}/${tiers} differs from the first:\n${text}\n--- first ---\n${first}`,
            );
          }
        }
        const channelSum = s.channels.reduce((a, [, p]) => a + p, 0);
        const tierSum = s.tiers.reduce((a, b) => a + b, 0);
        const sums = expected!.filter((f) => f.startsWith('allocation-sum:'));
        assert.equal(
          sums.length,
          (channelSum !== 100 ? 1 : 0) + (tierSum !== 100 ? 1 : 0),
          `allocation-sum findings for channels ${channelSum} % and tiers ${tierSum} %`,
        );
        const [t1, t2, t3] = s.tiers;
        const outside = (t1 < 60 || t1 > 70 ? 1 : 0) + (t2 < 25 || t2 > 35 ? 1 : 0) + (t3 < 5 || t3 > 10 ? 1 : 0);
        assert.equal(expected!.filter((f) => f.startsWith('allocation-range:')).length, outside);
      }),
      params,
    );
  });

  // -------------------------------------------------------------------------------------
  // Prioritization: the same rows under the template's headers and under their synonyms.

  const HEADERS: Record<Language, string[][]> = {
    en: [
      ['Segment', 'Attractiveness', 'Fit', 'Accessibility', 'Strategic Value', 'Total', 'Tier'],
      ['Segment', 'Market attractiveness', 'Ability to win (fit)', 'Reachability', 'Strategic importance', 'Score', 'Priority'],
      [
        'Segment',
        'Attractiveness of market',
        'Fit (ability to win)',
        'Ease of reach',
        'Strategic value',
        'Total score',
        'Priority tier',
      ],
      ['Segment', 'Market size/attractiveness', 'Product fit', 'Access', 'Strategic Value (1-10)', 'Sum', 'Tier'],
    ],
    ru: [
      ['Сегмент', 'Привлекательность', 'Соответствие', 'Доступность', 'Стратегическая ценность', 'Итого', 'Уровень'],
      [
        'Сегмент',
        'Привлекательность рынка',
        'Соответствие продукту',
        'Доступность',
        'Стратегическая важность',
        'Сумма',
        'Приоритет',
      ],
      [
        'Сегмент',
        'Оценка привлекательности',
        'Соответствие',
        'Доступность',
        'Стратегическая ценность',
        'Балл',
        'Уровень приоритета',
      ],
    ],
  };

  interface Row {
    name: string;
    scores: [number, number, number, number];
    totalDelta: number;
    tierDelta: number;
  }
  const score = fc.integer({ min: 1, max: 10 });
  const matrix = fc.constantFrom<Language>('en', 'ru').chain((language) =>
    fc.record({
      language: fc.constant(language),
      rows: fc.uniqueArray(fc.constantFrom(...segmentNames[language]), { minLength: 3, maxLength: 5 }).chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc.record({
              name: fc.constant(name),
              scores: fc.tuple(score, score, score, score),
              totalDelta: fc.constantFrom(0, 0, 0, 1, -2),
              tierDelta: fc.constantFrom(0, 0, 0, 1),
            }),
          ),
        ),
      ),
    }),
  );

  function tierOf(total: number): number {
    return total >= 30 ? 1 : total >= 20 ? 2 : 3;
  }

  function matrixText(language: Language, rows: Row[], header: string[]): string {
    const en = language === 'en';
    return [
      en ? '# Segment Prioritization: Beacon Observability' : '# Приоритизация сегментов: Вектор',
      '',
      en ? '## Prioritization Matrix' : '## Матрица приоритизации',
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map((r) => {
        const total = r.scores.reduce((a, b) => a + b, 0);
        const tier = Math.min(3, tierOf(total) + r.tierDelta);
        return `| ${r.name} | ${r.scores.join(' | ')} | ${total + r.totalDelta} | ${tier} |`;
      }),
      '',
    ].join('\n');
  }

  test('prioritization: the matrix is read the same under synonym headers, in both languages', () => {
    fc.assert(
      fc.property(matrix, ({ language, rows }) => {
        const variants = HEADERS[language];
        const results = variants.map((h) => matrixText(language, rows, h)).map((text) => ({ text, result: lintText(text) }));
        const expected = findings(results[0]!.result);
        for (const { text, result } of results.slice(1)) assert.deepEqual(findings(result), expected, text);
        // Each wrong total is found.
        assert.equal(expected.filter((f) => f.startsWith('score-total:')).length, rows.filter((r) => r.totalDelta !== 0).length);
      }),
      params,
    );
  });
});

describe('no false layouts', () => {
  test('a table with three of the four dimensions is no matrix; prose with a colon is no field', () => {
    const text = [
      '# Segment Prioritization: Beacon',
      '',
      '## Notes',
      '| Segment | Market attractiveness | Fit | Reachability | Notes |',
      '|---|---|---|---|---|',
      '| Platform teams | 9 | 8 | 9 | strong |',
      '',
      'We met the team at 10: 30 and the lesson was clear: pricing decides, see https://example.com for the notes.',
      'Another line of the same paragraph follows here.',
      '',
    ].join('\n');
    const result = lintText(text);
    const notes = result.doc.allSections.find((s) => s.heading.text === 'Notes')!;
    assert.deepEqual(notes.fields, []);
    assert.equal(result.findings.filter((f) => f.rule.startsWith('score-')).length, 0);
  });
});
