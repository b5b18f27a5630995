/**
 * Authoring help as plain functions (services/completion.ts, hover.ts, symbols.ts): what is
 * offered, said and outlined at a cursor, in English and Russian, without the protocol. The
 * cursor is marked with `‸` in each document (a `|` would be a table pipe) and stripped
 * before checking.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { ruleById } from '../../server/src/rules/registry';
import { builtinKind } from '../../server/src/schemas/builtin';
import { completions, mayComplete, templateSnippet, type CompletionEntry } from '../../server/src/services/completion';
import { lint, type LintOptions, type LintResult } from '../../server/src/services/engine';
import { hoverAt } from '../../server/src/services/hover';
import {
  documentOutline,
  flattenOutline,
  matchesQuery,
  personaName,
  segmentNames,
  summarizeResult,
  WorkspaceIndex,
  workspaceSymbols,
  type OutlineSymbol,
} from '../../server/src/services/symbols';
import { CURSOR, PERSONA, PERSONA_RU } from '../fixtures/authoring/documents';

const repoRoot = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-23T12:00:00Z');

/** The document without its cursor mark, checked, and the cursor's offset. */
function at(marked: string, file: string, options: LintOptions = {}): { result: LintResult; offset: number } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'the document marks the cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return { result: lint(text, { path: file, now: NOW, ...options }), offset };
}

function complete(
  marked: string,
  file: string,
  options: Parameters<typeof completions>[2] = {},
  lintOptions: LintOptions = {},
): CompletionEntry[] {
  const { result, offset } = at(marked, file, lintOptions);
  return completions(result, offset, options);
}

const labels = (list: CompletionEntry[]): string[] => list.map((e) => e.label);

/** Applies an entry to the marked document the way an editor would (snippet syntax left in). */
function apply(marked: string, entry: CompletionEntry): string {
  const text = marked.replace(CURSOR, '');
  return text.slice(0, entry.span.start) + entry.newText + text.slice(entry.span.end);
}

describe('completion: section headings', () => {
  const persona = builtinKind('persona')!;
  const present = new Set(['executive-summary', 'demographics', 'buying-process']);
  const missing = persona.sections.filter((s) => !present.has(s.id));

  test('on an empty line: the sections the document lacks, required ones first and marked, each group in template order', () => {
    const list = complete(`${PERSONA}\n${CURSOR}`, 'dana.persona.md').filter((e) => e.kind === 'section');
    const group = (g: (s: (typeof missing)[number]) => boolean): string[] => missing.filter(g).map((s) => s.title.en);
    assert.deepEqual(labels(list), [
      ...group((s) => s.required),
      ...group((s) => !s.required && s.recommended),
      ...group((s) => !s.required && !s.recommended),
    ]);
    const goals = list.find((e) => e.label === 'Goals & Responsibilities')!;
    assert.equal(goals.detail, 'Required section');
    assert.equal(goals.tag, 'required section');
    const quote = list.find((e) => e.label === 'Quote')!;
    assert.deepEqual([quote.detail, quote.tag], ['Recommended section', 'recommended section']);
    const psychographics = list.find((e) => e.label === 'Psychographics')!;
    assert.deepEqual([psychographics.detail, psychographics.tag], ['Optional section', undefined]);
    assert.equal(goals.documentation, persona.sections.find((s) => s.id === 'goals')!.description.en);
    // Sorted as listed.
    assert.deepEqual(
      list.map((e) => e.sortText),
      [...list.map((e) => e.sortText)].sort(),
    );
  });

  test('the heading and its template, placeholders as tabstops keeping their brackets', () => {
    const goals = complete(`${PERSONA}\n${CURSOR}`, 'dana.persona.md', { snippets: true }).find(
      (e) => e.label === 'Goals & Responsibilities',
    )!;
    assert.equal(goals.snippet, true);
    assert.ok(
      goals.newText.startsWith('## Goals & Responsibilities\n\n- **Primary Goal**: ${1:[What success looks like]}\n'),
      goals.newText,
    );
    assert.match(goals.newText, /\$\{2:\[/);
    // Without snippet support: the template as it is.
    const plain = complete(`${PERSONA}\n${CURSOR}`, 'dana.persona.md', { snippets: false }).find(
      (e) => e.label === 'Goals & Responsibilities',
    )!;
    assert.equal(plain.snippet, false);
    assert.equal(plain.newText, `## Goals & Responsibilities\n\n${persona.sections.find((s) => s.id === 'goals')!.template.en}`);
  });

  test('template snippets: task boxes and links are not tabstops; $ and } are escaped', () => {
    assert.equal(
      templateSnippet('- [ ] 3-7 segments\n- [x] [Name]\n[docs](http://x) costs $5 {a}'),
      '- [ ] 3-7 segments\n- [x] ${1:[Name]}\n[docs](http://x) costs \\$5 {a\\}',
    );
  });

  test('after `#` or `##`: headings only, at the depth the document uses, filtered by what was typed', () => {
    const list = complete(`${PERSONA}\n#${CURSOR}`, 'dana.persona.md', { trigger: '#' });
    assert.ok(list.length > 0 && list.every((e) => e.kind === 'section'));
    // The first missing required section leads.
    assert.equal(list[0]!.filterText, '# Goals & Responsibilities');
    assert.ok(list[0]!.newText.startsWith('## Goals & Responsibilities'));
    // The whole line is replaced.
    const text = `${PERSONA}\n## Pa${CURSOR}`;
    const pains = complete(text, 'dana.persona.md').find((e) => e.label === 'Pain Points')!;
    assert.equal(pains.filterText, '## Pain Points');
    assert.ok(
      apply(text, pains).includes('\n## Pain Points\n\n1. **[Pain Point 1]**: [Detailed description]\n'),
      apply(text, pains),
    );
    // A document whose sections are `###` gets `###` headings.
    const deep = complete('# Persona: Dana\n\n### Demographics\n- **Job Title**: Lead\n\n##' + CURSOR, 'dana.persona.md', {
      trigger: '#',
    });
    assert.ok(deep[0]!.newText.startsWith('### '), deep[0]!.newText);
    // A heading deeper than the sections is a subheading: nothing to offer.
    assert.deepEqual(complete(`${PERSONA}\n###${CURSOR}`, 'dana.persona.md', { trigger: '#' }), []);
  });

  test('Russian documents get Russian titles and templates', () => {
    const list = complete(`${PERSONA_RU}\n${CURSOR}`, 'irina.persona.md').filter((e) => e.kind === 'section');
    assert.deepEqual([list[0]!.label, list[0]!.tag], ['Цели и обязанности', 'обязательный раздел']);
    assert.ok(list.some((e) => e.label === 'Боли' && e.newText.startsWith('## Боли\n\n1. **[Боль 1]**')));
    // Details follow the locale of the diagnostics.
    const ru = complete(`${PERSONA}\n${CURSOR}`, 'dana.persona.md', {}, { locale: 'ru' }).filter((e) => e.kind === 'section');
    assert.equal(ru.find((e) => e.label === 'Pain Points')!.detail, 'Обязательный раздел');
    assert.equal(ru.find((e) => e.label === 'Pain Points')!.tag, 'обязательный раздел');
  });

  test('nothing in code, in prose after a space, or in a file that is not a segdoc document', () => {
    assert.deepEqual(complete(`${PERSONA}\n\`\`\`\n${CURSOR}\n\`\`\`\n`, 'dana.persona.md'), []);
    assert.deepEqual(complete('# Notes\n\n' + CURSOR, 'README.md'), []);
    assert.equal(mayComplete('Dana builds ', ' '), false);
    assert.equal(mayComplete('## ', ' '), true);
    assert.equal(mayComplete('- **Status**:', ':'), true);
    assert.equal(mayComplete('Note:', ':'), false);
    assert.equal(mayComplete('- ', ' '), false);
    // A space inside a heading's title or a field's value asks nothing.
    assert.equal(mayComplete('## Pain ', ' '), false);
    assert.equal(mayComplete('- **Primary Goal**: let developers ', ' '), false);
    assert.equal(mayComplete('- **Status**:  ', ' '), true);
  });
});

describe('completion: field names', () => {
  test("inside a section: the fields it does not have yet, with the schema's descriptions", () => {
    const text = PERSONA.replace('- **Company Size**: Mid-Market\n', `- **Company Size**: Mid-Market\n- ${CURSOR}\n`);
    const list = complete(text, 'dana.persona.md');
    assert.deepEqual(labels(list), ['Industry', 'Reporting To', 'Team Size', 'Experience']);
    const industry = list[0]!;
    assert.equal(industry.newText, '**Industry**: ');
    assert.equal(industry.detail, 'Required field · Demographics');
    assert.equal(industry.documentation, 'The verticals where this persona is common.');
    assert.equal(industry.filterText, '**Industry**');
    assert.equal(list[1]!.detail, 'Field · Demographics');
  });

  test('on an empty line of a list section: missing required sections, the required field, recommended sections, the other fields', () => {
    const text = PERSONA.replace('- **Company Size**: Mid-Market\n', `- **Company Size**: Mid-Market\n${CURSOR}\n`);
    const list = complete(text, 'dana.persona.md');
    const required = [
      'Goals & Responsibilities',
      'Pain Points',
      'Decision Criteria',
      'Information Sources',
      'Messaging',
      'Marketing Tactics',
    ];
    assert.deepEqual(labels(list).slice(0, 7), [...required, 'Industry']);
    const industry = list[6]!;
    assert.deepEqual([industry.kind, industry.newText, industry.tag], ['field', '- **Industry**: ', 'required field']);
    const rest = labels(list).slice(7);
    // Recommended sections, then the section's other fields as list items, then the optional sections.
    const firstField = rest.indexOf('Reporting To');
    assert.ok(
      firstField > 0 && list.slice(7, 7 + firstField).every((e) => e.kind === 'section' && e.tag === 'recommended section'),
      rest.join(', '),
    );
    assert.deepEqual(rest.slice(firstField, firstField + 3), ['Reporting To', 'Team Size', 'Experience']);
    assert.ok(list.slice(7 + firstField + 3).every((e) => e.kind === 'section' && e.tag === undefined));
    assert.deepEqual(
      list.map((e) => e.sortText),
      [...list.map((e) => e.sortText)].sort(),
    );
  });

  test('on an empty line of a persona missing two required sections: those two lead, marked required', () => {
    const dana = readFileSync(path.join(repoRoot, 'examples', 'en', 'devops-dana.persona.md'), 'utf8');
    const cut = (text: string, heading: string): string => {
      const start = text.indexOf(`## ${heading}\n`);
      const end = text.indexOf('\n## ', start + 1);
      assert.ok(start > 0 && end > start, heading);
      return text.slice(0, start) + text.slice(end + 1);
    };
    const text = cut(cut(dana, 'Pain Points'), 'Messaging');
    const list = complete(`${text.trimEnd()}\n\n${CURSOR}\n`, 'dana.persona.md');
    assert.deepEqual(
      list.slice(0, 2).map((e) => [e.label, e.kind, e.detail, e.tag]),
      [
        ['Pain Points', 'section', 'Required section', 'required section'],
        ['Messaging', 'section', 'Required section', 'required section'],
      ],
    );
    // After them no required section; recommended ones come before any optional one.
    const rest = list.slice(2);
    assert.ok(rest.every((e) => e.tag !== 'required section'));
    const lastRecommended = rest.map((e) => e.tag).lastIndexOf('recommended section');
    const firstOptional = rest.findIndex((e) => e.kind === 'section' && e.tag === undefined);
    assert.ok(firstOptional === -1 || lastRecommended < firstOptional);
    // Every client keeps this order: the sort keys sort the same way.
    assert.deepEqual(
      list.map((e) => e.sortText),
      [...list.map((e) => e.sortText)].sort(),
    );
  });

  test('a paragraph-style section gets `**Label**: ` lines; Russian documents Russian labels', () => {
    const text = PERSONA.replace('**Priority**: Tier 1\n', `**Priority**: Tier 1\n${CURSOR}\n`);
    // Executive Summary has Segment and Priority: nothing left but headings.
    assert.ok(complete(text, 'dana.persona.md').every((e) => e.kind === 'section'));
    const ru = complete(
      PERSONA_RU.replace(
        '- **Должность**: руководитель группы DBA\n',
        `- **Должность**: руководитель группы DBA\n- **Раз${CURSOR}\n`,
      ),
      'irina.persona.md',
    );
    assert.deepEqual(labels(ru).slice(0, 2), ['Размер компании', 'Отрасль']);
    assert.equal(ru[0]!.span.end - ru[0]!.span.start, '**Раз'.length);
  });

  test('inside a segment: the segment fields it lacks', () => {
    const text = readFileSync(
      path.join(repoRoot, 'test/fixtures/authoring/workspace/analysis/stratus.segmentation.md'),
      'utf8',
    ).replace('- **ACV**: $18k\n', `- **ACV**: $18k\n- ${CURSOR}\n`);
    const list = complete(text, 'stratus.segmentation.md');
    assert.ok(list.length > 0);
    assert.ok(!labels(list).includes('Size') && !labels(list).includes('ACV'));
    assert.ok(labels(list).includes('Revenue Potential'));
    assert.equal(list[0]!.detail, 'Segment field');
  });
});

describe('completion: values', () => {
  const SEGMENTATION = [
    '# Customer Segmentation Analysis: Acme',
    '',
    '## Metadata',
    '- **Date**: 2026-11-16',
    '- **Status**: ',
    '',
  ].join('\n');

  test('after an enum field: its values, in English documents the canonical ones', () => {
    const list = complete(SEGMENTATION.replace('- **Status**: ', `- **Status**: ${CURSOR}`), 'acme.segmentation.md', {
      trigger: ' ',
    });
    assert.deepEqual(labels(list), ['Draft', 'Approved']);
    assert.equal(list[0]!.kind, 'enum');
    assert.equal(list[0]!.newText, 'Draft');
    // Right after the colon, a space comes with the value.
    const colon = complete(SEGMENTATION.replace('- **Status**: ', `- **Status**:${CURSOR}`), 'acme.segmentation.md', {
      trigger: ':',
    });
    assert.equal(colon[0]!.newText, ' Draft');
    // A value already there is replaced whole.
    const text = SEGMENTATION.replace('- **Status**: ', `- **Status**: Dr${CURSOR}aft`);
    const draft = complete(text, 'acme.segmentation.md')[0]!;
    assert.equal(apply(text, draft).split('\n')[4], '- **Status**: Draft');
  });

  test('in Russian documents: the Russian spelling first, canonical English too', () => {
    const list = complete(PERSONA_RU.replace('- **Роль в решении**: ЛПР', `- **Роль в решении**: ${CURSOR}`), 'irina.persona.md');
    assert.deepEqual(labels(list), [
      'Экономический покупатель',
      'Технический оценщик',
      'Влияющий',
      'Пользователь',
      'ЛПР',
      'Привратник',
      'Чемпион',
      'Спонсор',
      'Инициатор',
      'Согласующий',
      'Блокер',
      'Закупки',
      'Юристы',
      'Служба безопасности',
      'Economic buyer',
      'Technical evaluator',
      'Influencer',
      'User',
      'Decision maker',
      'Gatekeeper',
      'Champion',
      'Executive sponsor',
      'Initiator',
      'Approver',
      'Blocker',
      'Procurement',
      'Legal',
      'Security reviewer',
    ]);
    assert.equal(list[0]!.detail, 'Роль в решении · Economic buyer');
  });

  test('GTM motion, company size examples and the persona priority tier', () => {
    const gtm = ['# Go-to-Market Strategy: Fleet', '', '## 4. GTM Motion', `**Motion**: ${CURSOR}`, ''].join('\n');
    assert.deepEqual(labels(complete(gtm, 'fleet.gtm.md')), ['PLG', 'Sales-Led', 'Hybrid']);
    const size = complete(PERSONA.replace('- **Company Size**: Mid-Market', `- **Company Size**: ${CURSOR}`), 'dana.persona.md');
    assert.deepEqual(labels(size), ['SMB', 'Mid-Market', 'Enterprise']);
    assert.equal(size[0]!.kind, 'example');
    const tier = complete(PERSONA.replace('**Priority**: Tier 1', `**Priority**: ${CURSOR}`), 'dana.persona.md');
    assert.deepEqual(labels(tier), ['Tier 1', 'Tier 2', 'Tier 3']);
    const tierRu = complete(
      ['# Персона: Ирина', '', '## Краткое описание', `**Приоритет**: ${CURSOR}`, ''].join('\n'),
      'irina.persona.md',
    );
    assert.deepEqual(labels(tierRu), ['Уровень 1', 'Уровень 2', 'Уровень 3', 'Tier 1', 'Tier 2', 'Tier 3']);
  });

  test('after `**Segment**:`: the segment names other documents define, once each', () => {
    const text = PERSONA.replace('**Segment**: Mid-Market Platform Teams', `**Segment**: ${CURSOR}`);
    const names = [
      { name: 'Cloud-Native Startups', source: 'stratus.segmentation.md' },
      { name: 'Regulated FinTech', source: 'stratus.segmentation.md' },
      { name: 'cloud-native startups', source: 'other.gtm.md' },
    ];
    const list = complete(text, 'dana.persona.md', { segmentNames: names });
    assert.deepEqual(labels(list), ['Cloud-Native Startups', 'Regulated FinTech']);
    assert.equal(list[0]!.kind, 'segment');
    assert.equal(list[0]!.detail, 'Segment · stratus.segmentation.md');
    assert.deepEqual(complete(text, 'dana.persona.md'), []);
  });

  test('a field without values offers nothing', () => {
    assert.deepEqual(
      complete(PERSONA.replace('- **Job Title**: Platform Engineering Lead', `- **Job Title**: ${CURSOR}`), 'dana.persona.md', {
        trigger: ' ',
      }),
      [],
    );
  });
});

describe('hover', () => {
  const hover = (marked: string, file: string, options: LintOptions = {}): string | undefined => {
    const { result, offset } = at(marked, file, options);
    return hoverAt(result, offset)?.markdown;
  };

  test("a section heading: the schema's title and description, required, what it must contain", () => {
    const md = hover(PERSONA.replace('## Demographics', `## Demo${CURSOR}graphics`), 'dana.persona.md')!;
    const spec = builtinKind('persona')!.sections.find((s) => s.id === 'demographics')!;
    assert.equal(
      md,
      [
        '**Demographics** · Required section',
        '',
        spec.description.en,
        '',
        'Must contain: **Job Title**, **Company Size**, **Industry**',
        '',
        'Missing here: Industry',
      ].join('\n'),
    );
    const { result, offset } = at(PERSONA.replace('## Demographics', `## Demo${CURSOR}graphics`), 'dana.persona.md');
    const h = hoverAt(result, offset)!;
    assert.equal(result.doc.text.slice(h.span.start, h.span.end), 'Demographics');
  });

  test('a field label: its description and allowed values; in Russian for a Russian locale', () => {
    const md = hover(PERSONA.replace('**Role in Decision**', `**Role in ${CURSOR}Decision**`), 'dana.persona.md')!;
    assert.match(md, /^\*\*Role in Decision\*\* · Required field of Buying Process\n\n/);
    assert.match(
      md,
      /Allowed values: Economic buyer, Technical evaluator, Influencer, User, Decision maker, Gatekeeper, Champion, .*, Security reviewer$/,
    );
    // The markup around the label counts as the label.
    assert.ok(hover(PERSONA.replace('- **Role', `- ${CURSOR}**Role`), 'dana.persona.md'));
    const ru = hover(PERSONA.replace('**Role in Decision**', `**Role in ${CURSOR}Decision**`), 'dana.persona.md', {
      locale: 'ru',
    })!;
    assert.match(ru, /^\*\*Роль в решении\*\* · Обязательное поле раздела «Процесс покупки»/);
    assert.match(ru, /Допустимые значения: Экономический покупатель \(Economic buyer\), /);
    const size = hover(PERSONA.replace('**Company Size**', `**Company ${CURSOR}Size**`), 'dana.persona.md')!;
    assert.match(size, /For example: SMB, Mid-Market, Enterprise$/);
  });

  const MATRIX = [
    '# Segment Prioritization: Acme',
    '',
    '## Prioritization Matrix',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---------|---------------|-----|---------------|----------------|-------|------|',
    '| SMB Operators | 9 | 8 | 9 | 8 | 34 | 1 |',
    '| Hobbyists | 3 | 4 | 5 | 2 | 15 | 2 |',
    '',
  ].join('\n');

  test('a matrix row: the score breakdown and the tier thresholds', () => {
    const md = hover(MATRIX.replace('| SMB Operators', `| SMB ${CURSOR}Operators`), 'acme.prioritization.md')!;
    assert.equal(
      md,
      [
        '**SMB Operators**',
        '',
        '9 + 8 + 9 + 8 = **34** → **Tier 1**',
        '',
        'Attractiveness: 9 · Fit: 8 · Accessibility: 9 · Strategic Value: 8',
        '',
        'Tiers: Tier 1 ≥ 30 · Tier 2 20–29 · Tier 3 < 20',
      ].join('\n'),
    );
    const wrong = hover(MATRIX.replace('| 15 | 2 |', `| 15 | 2 ${CURSOR}|`), 'acme.prioritization.md')!;
    assert.match(wrong, /3 \+ 4 \+ 5 \+ 2 = \*\*14\*\* → \*\*Tier 3\*\*/);
    assert.match(wrong, /The row states: total 15, tier 2/);
    // The thresholds are the score-tier rule's, config included.
    const config = { rules: { 'score-tier': ['error', { tier1Min: 32, tier2Min: 25 }] as ['error', Record<string, unknown>] } };
    const custom = hover(MATRIX.replace('| SMB Operators', `| SMB ${CURSOR}Operators`), 'acme.prioritization.md', { config })!;
    assert.match(custom, /Tiers: Tier 1 ≥ 32 · Tier 2 25–31 · Tier 3 < 25$/);
    const ru = hover(MATRIX.replace('| SMB Operators', `| SMB ${CURSOR}Operators`), 'acme.prioritization.md', { locale: 'ru' })!;
    assert.match(ru, /= \*\*34\*\* → \*\*Уровень 1\*\*/);
    assert.match(ru, /Уровни: Уровень 1 ≥ 30 · Уровень 2 20–29 · Уровень 3 < 20$/);
  });

  test('a rule id in a disable comment: the rule description and a link to its page', () => {
    const text = PERSONA.replace(
      '## Buying Process',
      `<!-- segdoc-disable-next-line placeholder required-${CURSOR}field -->\n## Buying Process`,
    );
    const page = 'https://github.com/segdoc/segdoc/blob/main/docs/rules/required-field.md';
    assert.equal(
      hover(text, 'dana.persona.md'),
      `**segdoc rule \`required-field\`**\n\n${ruleById('required-field')!.description}\n\n[The rule's page](${page}): what it checks and why, with examples and options.`,
    );
    const ru = hover(text, 'dana.persona.md', { locale: 'ru' })!;
    assert.match(ru, /^\*\*Правило segdoc `required-field`\*\*\n\n/);
    assert.ok(ru.includes(`[Страница правила](${page})`), ru);
    const unknown = PERSONA.replace('## Buying Process', `<!-- segdoc-disable no-${CURSOR}such-rule -->\n## Buying Process`);
    assert.equal(hover(unknown, 'dana.persona.md'), 'segdoc has no rule `no-such-rule`.');
  });

  test('nothing on plain text', () => {
    assert.equal(
      hover(PERSONA.replace('Platform Engineering Lead', `Platform ${CURSOR}Engineering Lead`), 'dana.persona.md'),
      undefined,
    );
  });
});

describe('document outline', () => {
  const outline = (file: string, options: LintOptions = {}): OutlineSymbol[] =>
    documentOutline(lint(readFileSync(path.join(repoRoot, file), 'utf8'), { path: file, now: NOW, ...options }));
  const lines = (list: OutlineSymbol[]): string[] =>
    flattenOutline(list).map(
      ({ symbol: s, container }) =>
        `${container ?? ''} > ${s.kind} ${s.name} [${s.detail}] ${s.range.start.line}:${s.selectionRange.start.character}`,
    );

  test('sections, segments with their criteria, matrix rows with total and tier', () => {
    const list = lines(outline('examples/en/stratus-cloud.segmentation.md'));
    assert.equal(list[0], ' > title Customer Segmentation Analysis: Stratus Cloud [Segmentation analysis] 0:2');
    assert.ok(list.includes('Target Segments > segment Cloud-Native Startups [5/5 criteria] 23:15'), list.join('\n'));
    assert.ok(
      list.includes('Segment Prioritization > matrix-row Cloud-Native Startups [Total 34 · Tier 1] 133:2'),
      list.join('\n'),
    );
    assert.ok(list.includes('Customer Segmentation Analysis: Stratus Cloud > section Metadata [] 2:3'));
  });

  test('a persona document: the title is the persona; Russian details for a Russian locale', () => {
    const [root] = outline('examples/ru/irina-dba.persona.md');
    assert.equal(root!.kind, 'persona');
    assert.equal(root!.name, 'Ирина — руководитель группы эксплуатации баз данных');
    assert.equal(root!.detail, 'Персона покупателя');
    assert.equal(root!.children[0]!.name, 'Краткое описание');
    const en = outline('examples/en/devops-dana.persona.md', { locale: 'en' });
    assert.equal(en[0]!.name, 'DevOps Dana - Platform Engineering Lead');
    assert.equal(personaName(builtinKind('persona')!, 'Persona: Dana'), 'Dana');
  });

  test('block segments sit inside their section; symbols select inside their range', () => {
    const text = [
      '# Customer Segmentation Analysis: Acme',
      '',
      '## Target Segments',
      '',
      '**Segment**: SMB Operators',
      '**Size**: 8,000 companies',
      '',
      '**Segment**: Enterprise IT',
      '**Size**: 900 companies',
      '',
    ].join('\n');
    const [root] = documentOutline(lint(text, { path: 'acme.segmentation.md' }));
    const target = root!.children[0]!;
    assert.deepEqual(
      target.children.map((c) => `${c.kind} ${c.name} ${c.detail}`),
      ['segment SMB Operators 1/5 criteria', 'segment Enterprise IT 1/5 criteria'],
    );
    const within = (s: OutlineSymbol): void => {
      assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, s.name);
      s.children.forEach(within);
    };
    within(root!);
  });

  test('nothing for a file that is not a segdoc document', () => {
    assert.deepEqual(documentOutline(lint('# Notes\n\n## Ideas\n', { path: 'README.md' })), []);
  });
});

describe('workspace', () => {
  /** A fresh copy of the fixture workspace, with folders the walk must skip. */
  function workspace(t: TestContext): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'segdoc-authoring-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(repoRoot, 'test/fixtures/authoring/workspace'), dir, { recursive: true });
    for (const skipped of ['node_modules/pkg', '.archive']) {
      mkdirSync(path.join(dir, skipped), { recursive: true });
      writeFileSync(
        path.join(dir, skipped, 'hidden.segmentation.md'),
        '# Customer Segmentation Analysis: Hidden\n\n## Target Segments\n\n### Segment 1: Hidden Segment\n- **Size**: 10 companies\n',
      );
    }
    return dir;
  }

  test('summaries of the segdoc files, skipping node_modules and dot folders', async (t) => {
    const dir = workspace(t);
    const index = new WorkspaceIndex();
    index.setFolders([dir]);
    const docs = await index.documents();
    assert.deepEqual(
      docs.map((d) => path.relative(dir, d.path!).split(path.sep).join('/')),
      ['analysis/stratus.segmentation.md', 'personas/dana.persona.md'],
    );
    assert.deepEqual(segmentNames(docs), [
      { name: 'Cloud-Native Startups', source: 'stratus.segmentation.md' },
      { name: 'Regulated FinTech', source: 'stratus.segmentation.md' },
    ]);
    assert.equal(index.truncated, false);
  });

  test('cached by modification time: an edited file is read again, an unchanged one is not', async (t) => {
    const dir = workspace(t);
    const index = new WorkspaceIndex();
    index.setFolders([dir]);
    const first = await index.documents();
    const again = await index.documents();
    assert.equal(again[0]!.summary, first[0]!.summary);
    const file = path.join(dir, 'analysis/stratus.segmentation.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Regulated FinTech', 'Regulated Banks'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const changed = await index.documents();
    assert.deepEqual(
      changed[0]!.summary.segments.map((s) => s.name),
      ['Cloud-Native Startups', 'Regulated Banks'],
    );
    // A new file shows up (its folder's modification time changed).
    writeFileSync(path.join(dir, 'analysis/more.persona.md'), '# Persona: Felix - CTO\n');
    assert.deepEqual(
      (await index.documents()).map((d) => d.summary.title),
      [
        'Persona: Felix - CTO',
        'Customer Segmentation Analysis: Stratus Cloud',
        'Persona: DevOps Dana - Platform Engineering Lead',
      ],
    );
  });

  test('an open document replaces its file', async (t) => {
    const dir = workspace(t);
    const index = new WorkspaceIndex();
    index.setFolders([dir]);
    const file = path.join(dir, 'personas/dana.persona.md');
    const open = summarizeResult(lint('# Persona: Dana - changed\n\n## Demographics\n', { path: file }))!;
    const docs = await index.documents([{ uri: 'file:///dana', path: file, summary: open }]);
    assert.deepEqual(
      docs.map((d) => d.summary.title),
      ['Persona: Dana - changed', 'Customer Segmentation Analysis: Stratus Cloud'],
    );
  });

  test('limits cut the walk, and the index says so', async (t) => {
    const dir = workspace(t);
    const index = new WorkspaceIndex({ maxFiles: 1, maxDirectories: 100, maxDepth: 5, maxFileSize: 1_000_000 });
    index.setFolders([dir]);
    // Breadth first: notes.md at the top is the one file looked at, and it is no segdoc document.
    assert.deepEqual(await index.documents(), []);
    assert.equal(index.truncated, true);
    const shallow = new WorkspaceIndex({ maxFiles: 100, maxDirectories: 100, maxDepth: 0, maxFileSize: 1_000_000 });
    shallow.setFolders([dir]);
    assert.deepEqual(await shallow.documents(), []);
    assert.equal(shallow.truncated, true);
  });

  test('workspace symbols: personas and segments, filtered by the query', async (t) => {
    const dir = workspace(t);
    const index = new WorkspaceIndex();
    index.setFolders([dir]);
    const docs = await index.documents();
    const all = workspaceSymbols(docs, '');
    assert.deepEqual(
      all.map((e) => `${e.kind} ${e.name} (${e.container}) ${e.range.start.line}:${e.range.start.character}`),
      [
        'segment Cloud-Native Startups (Customer Segmentation Analysis: Stratus Cloud) 9:15',
        'segment Regulated FinTech (Customer Segmentation Analysis: Stratus Cloud) 16:15',
        'persona DevOps Dana - Platform Engineering Lead (Persona: DevOps Dana - Platform Engineering Lead) 0:2',
      ],
    );
    assert.deepEqual(
      workspaceSymbols(docs, 'cns').map((e) => e.name),
      ['Cloud-Native Startups'],
    );
    assert.deepEqual(
      workspaceSymbols(docs, 'dana').map((e) => e.kind),
      ['persona'],
    );
    assert.equal(matchesQuery('Ёлки Палки', 'елк'), true);
    assert.equal(matchesQuery('Dana', 'dx'), false);
  });
});
