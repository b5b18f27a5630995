/**
 * Evidence of research (model/evidence.ts) and values named in prose (schemas/enum-value.ts):
 * what marketers write, in English and Russian.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { buildDocument } from '../../server/src/model/build';
import { customerQuotes, isResearchSection, researchCounts } from '../../server/src/model/evidence';
import { canonicalEnum } from '../../server/src/schemas/enum-value';
import { readKindSchema, type JsonSchema } from '../../server/src/schemas/kinds';

const root = resolve(__dirname, '..', '..');
const kind = (name: string) =>
  readKindSchema(JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8')) as JsonSchema, name);
const field = (k: string, section: (s: { metadata: boolean; id: string }) => boolean, id: string) =>
  kind(k)
    .sections.find(section)!
    .fields.find((f) => f.id === id)!;

describe('values in prose', () => {
  const role = field('persona', (s) => s.id === 'buying-process', 'role-in-decision');
  const status = field('gtm', (s) => s.metadata, 'status');

  test('a sentence names the value it starts with, or names clearly, in both languages', () => {
    assert.equal(canonicalEnum(role, 'Technical evaluator and champion; the VP Engineering signs'), 'Technical evaluator');
    assert.equal(canonicalEnum(role, 'Mostly the economic buyer — signs off on anything above $50k'), 'Economic buyer');
    assert.equal(canonicalEnum(role, 'Влияет на решение, но подписывает CFO'), 'Influencer');
    assert.equal(canonicalEnum(role, 'Является экономическим покупателем'), 'Economic buyer');
    assert.equal(canonicalEnum(role, 'ЛПР по контрактам до 20 млн ₽'), 'Decision maker');
    assert.equal(canonicalEnum(role, 'Influencers'), 'Influencer');
  });

  test('the buying committee: champion, sponsor, procurement, legal, ЛПР, ЛВР, закупки, юристы', () => {
    const cases: Array<[string, string]> = [
      ['Champion', 'Champion'],
      ['Coach', 'Champion'],
      ['Чемпион', 'Champion'],
      ['Executive sponsor', 'Executive sponsor'],
      ['Спонсор проекта', 'Executive sponsor'],
      ['Blocker', 'Blocker'],
      ['Procurement', 'Procurement'],
      ['Закупки', 'Procurement'],
      ['Legal', 'Legal'],
      ['Юристы', 'Legal'],
      ['Security reviewer', 'Security reviewer'],
      ['Служба безопасности', 'Security reviewer'],
      ['ЛВР', 'Influencer'],
      ['ЛПР', 'Decision maker'],
      ['Инициатор', 'Initiator'],
      ['Согласующий', 'Approver'],
      ['Эксперт', 'Technical evaluator'],
      ['Budget holder', 'Economic buyer'],
      ['Technical buyer', 'Technical evaluator'],
      ['End user', 'User'],
      ['Пользователь', 'User'],
    ];
    for (const [text, value] of cases) assert.equal(canonicalEnum(role, text), value, text);
  });

  test('a denied value, or none, is not a value; a one-word abbreviation counts only at the start', () => {
    assert.equal(canonicalEnum(role, 'Not the economic buyer'), undefined);
    assert.equal(canonicalEnum(role, 'не ЛПР, решение за генеральным'), undefined);
    assert.equal(canonicalEnum(role, 'Not the economic buyer; influences the decision'), 'Influencer');
    assert.equal(canonicalEnum(role, 'Финансовый директор'), undefined);
    assert.equal(canonicalEnum(role, 'Economic'), 'Economic buyer');
    assert.equal(canonicalEnum(role, 'The economic case matters to her'), undefined);
  });

  test('the metadata block is strict: the value comes first', () => {
    assert.equal(canonicalEnum(status, 'Draft, pending review', { strict: true }), 'Draft');
    assert.equal(canonicalEnum(status, 'Черновик (на согласовании)', { strict: true }), 'Draft');
    assert.equal(canonicalEnum(status, 'Will be approved next week', { strict: true }), undefined);
    assert.equal(canonicalEnum(status, 'Not approved', { strict: true }), undefined);
  });
});

describe('research counts', () => {
  test('counts of interviews, surveys and deal reviews, in both languages', () => {
    const cases: Array<[string, string, number]> = [
      ['14 interviews', 'interviews', 14],
      ['interviewed 14 customers', 'interviews', 14],
      ['a survey of 212', 'surveys', 212],
      ['survey (n=212)', 'surveys', 212],
      ['212 survey responses', 'surveys', 212],
      ['9 win/loss deal reviews', 'deal-reviews', 9],
      ['CRM: 340 closed-won and closed-lost mid-market deals', 'deal-reviews', 340],
      ['40 recorded sales calls', 'calls', 40],
      ['500 support tickets, tagged by theme', 'tickets', 500],
      ['18 интервью', 'interviews', 18],
      ['опрос 212 клиентов', 'surveys', 212],
      ['опросили 300 человек', 'surveys', 300],
      ['разбор 12 сделок', 'deal-reviews', 12],
      ['| Interviews | 14 | Mar 2026 |', 'interviews', 14],
    ];
    for (const [text, source, count] of cases) {
      const [c] = researchCounts(text);
      assert.deepEqual(c && { source: c.source, count: c.count }, { source, count }, text);
      assert.equal(text.slice(c!.span.start, c!.span.end).replace(/^n=/, ''), String(count), text);
    }
  });

  test('numbers that describe the job, not a study', () => {
    for (const text of [
      'Team Size: 4–8 platform engineers',
      'handles 200 tickets a week',
      'joins 3 calls a week',
      'closed 2026 survey season',
      'Upgrading 14 windows servers',
    ]) {
      assert.deepEqual(researchCounts(text), [], text);
    }
  });

  test('a section that lists research with counts, whatever its heading; a pain point with a count is not one', () => {
    const text = [
      '# Persona: Fiona',
      '',
      '## Research behind this persona',
      '',
      'We interviewed 14 facilities leaders and ran a survey of 212 office managers.',
      '',
      '## На чём основана персона',
      '',
      '| Источник | Объём |',
      '|---|---|',
      '| Глубинные интервью | 18 интервью |',
      '| Разбор сделок | 9 сделок |',
      '',
      '## Pain Points',
      '',
      '1. **Noise**: 200 support tickets a week, most of them duplicates',
      '2. **No owner**: findings sit in a shared queue',
      '',
      '## Persona Validation',
      '',
      '**Last Updated**: 2026-10-01',
      '**Confidence Level**: Medium (only 7 interviews so far)',
      '',
    ].join('\n');
    const doc = buildDocument(text, { cache: null });
    const research = doc.allSections.filter((s) => isResearchSection(doc, s)).map((s) => s.heading.text);
    assert.deepEqual(research, ['Research behind this persona', 'На чём основана персона']);
  });
});

describe('customer quotes', () => {
  const quotes = (body: string, minWords?: number) => {
    const doc = buildDocument(`# Persona: X\n\n## Notes\n\n${body}\n`, { cache: null });
    return customerQuotes(doc, minWords === undefined ? {} : { minWords }).map((q) => q.text);
  };

  test('a block quote with an attribution, in any form', () => {
    assert.equal(quotes('> We lose two days every month closing the books.\n> — Dana, VP Eng at Acme').length, 1);
    assert.equal(quotes('> We lose two days every month closing the books.\n> - CTO, fintech, interview #4').length, 1);
    assert.equal(quotes('> We lose two days every month closing the books (Head of Ops, interview)').length, 1);
    assert.equal(quotes('> “We lose two days every month closing the books” — Dana').length, 1);
    assert.equal(quotes('> Мне не нужен ещё один сканер.\n>\n> (CISO, банк из топ-30, интервью №7)').length, 1);
  });

  test('a block quote that is a note or an alert is not a quote', () => {
    assert.deepEqual(quotes('> Tip: review this persona every quarter (see below)'), []);
    assert.deepEqual(quotes('> [!NOTE]\n> Built from 3 calls — Sales'), []);
    assert.deepEqual(quotes('> We lose two days every month closing the books.'), []);
  });

  test('a quoted sentence that stands on its own: an item, a cell, a field, after a colon or a speech verb', () => {
    assert.deepEqual(quotes('- "We lose two days every month closing the books"'), [
      '"We lose two days every month closing the books"',
    ]);
    assert.deepEqual(quotes('- **Quote**: «Согласование с ИБ дольше, чем сам проект»'), [
      '«Согласование с ИБ дольше, чем сам проект»',
    ]);
    assert.deepEqual(quotes('| Close | "We lose two days every month" |'), ['"We lose two days every month"']);
    assert.deepEqual(quotes('As one controller put it: «we lose two days every month»'), ['«we lose two days every month»']);
    assert.deepEqual(quotes('- *“We lose two days every month”* — controller'), ['“We lose two days every month”']);
  });

  test('a scare-quote or a quoted term inside a sentence is not a quote; minWords is respected', () => {
    assert.deepEqual(quotes('- She says we need "this"'), []);
    assert.deepEqual(quotes('- Every vendor sells the "single pane of glass" pitch'), []);
    assert.deepEqual(quotes('- Менеджеры ведут сделки в «своих табличках» и не верят CRM'), []);
    assert.deepEqual(quotes('- "Too expensive"'), []);
    assert.deepEqual(quotes('- "Too expensive"', 2), ['"Too expensive"']);
  });

  test('a quotation inside a pain point counts when it is not part of the sentence around it', () => {
    const text =
      '# Persona: X\n\n## Pain Points\n\n1. **Close**: controllers told us "we lose two days every month" and blame the ERP\n2. **Tools**: the "single pane of glass" pitch again\n';
    const doc = buildDocument(text, { cache: null });
    const pain = doc.allSections.find((s) => s.heading.text === 'Pain Points')!;
    assert.deepEqual(
      customerQuotes(doc, { painSections: [pain] }).map((q) => q.text),
      ['"we lose two days every month"'],
    );
    assert.deepEqual(
      customerQuotes(doc).map((q) => q.text),
      [],
    );
  });
});
