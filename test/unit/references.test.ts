/**
 * Segment references, definitions and rename over the facts of a workspace
 * (server/src/services/references.ts): a segmentation, a prioritization matrix and two
 * personas, in English and in Russian, with exact ranges (UTF-16 columns after an emoji,
 * Cyrillic text), the mentions rename leaves (naming the segment only in part) and the new
 * names it refuses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../server/src/services/engine';
import {
  nameCore,
  prepareSegmentRename,
  renameSegment,
  segmentDefinitionsAt,
  segmentReferences,
  type SegmentRename,
} from '../../server/src/services/references';
import { summarizeResult, type SummarySource } from '../../server/src/services/symbols';

const SEGMENT_BODY = [
  '- **Profile**: SaaS startups, 10–200 employees.',
  '- **Size**: 9,500 companies',
  '- **Needs**: ship fast',
  '- **Pain Points**: setup takes weeks',
  '- **Value Proposition**: one-click clusters',
].join('\n');

const EN: Record<string, string> = {
  'acme.segmentation.md': [
    '# Customer Segmentation Analysis: Acme',
    '',
    '## Segmentation Approach',
    'Firmographic segmentation by company size.',
    '',
    '## Target Segments',
    '',
    '### 🚀 Cloud-Native Startups (NA)',
    SEGMENT_BODY,
    '',
    '### Segment 2: Regulated FinTech',
    SEGMENT_BODY,
    '',
  ].join('\n'),
  'acme.prioritization.md': [
    '# Segment Prioritization: Acme',
    '',
    '## Prioritization Matrix',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---------|---------------|-----|---------------|----------------|-------|------|',
    '| Cloud-Native Startups | 8 | 9 | 9 | 8 | 34 | 1 |',
    '| Regulated FinTech | 8 | 6 | 5 | 7 | 26 | 2 |',
    '',
  ].join('\n'),
  'dana.persona.md': [
    '# Persona: Dana - Platform Lead',
    '',
    '## Executive Summary',
    '**Segment**: Cloud-Native Startups',
    '',
  ].join('\n'),
  'sam.persona.md': ['# Persona: Sam - CTO', '', '## Executive Summary', '**Segment**: Tier 1: Cloud-Native Startups', ''].join(
    '\n',
  ),
};

const RU: Record<string, string> = {
  'oblako.segmentation.md': [
    '# Сегментация клиентов: Облако',
    '',
    '## Подход к сегментации',
    'Фирмографическая сегментация.',
    '',
    '## Целевые сегменты',
    '',
    '### 🛒 Интернет-магазины',
    '- **Профиль**: e-commerce, 20–300 сотрудников.',
    '- **Размер**: 14 000 компаний',
    '',
    '### Сегмент 2: Банки и финансовые организации',
    '- **Профиль**: банки.',
    '- **Размер**: 300 компаний',
    '',
  ].join('\n'),
  'oblako.prioritization.md': [
    '# Приоритизация сегментов: Облако',
    '',
    '## Матрица приоритизации',
    '| Сегмент | Привлекательность | Соответствие | Доступность | Стратегическая ценность | Итого | Уровень |',
    '|---------|-------------------|--------------|-------------|-------------------------|-------|---------|',
    '| Интернет-магазины | 8 | 9 | 8 | 7 | 32 | 1 |',
    '| Банки и финансовые организации | 9 | 5 | 4 | 8 | 26 | 2 |',
    '',
  ].join('\n'),
  'irina.persona.md': ['# Персона: Ирина — DBA', '', '## Краткое описание', '**Сегмент**: Интернет-магазины', ''].join('\n'),
  'oleg.persona.md': ['# Персона: Олег — CTO', '', '## Краткое описание', '**Сегмент**: Банки и финансовые организации', ''].join(
    '\n',
  ),
};

interface Workspace {
  texts: Record<string, string>;
  facts: (file: string) => NonNullable<ReturnType<typeof lint>['facts']>;
  sources: SummarySource[];
  /** The offset of `needle` in `file` (plus `delta`). */
  at: (file: string, needle: string, delta?: number) => number;
}

function workspace(texts: Record<string, string>): Workspace {
  const results = Object.fromEntries(Object.entries(texts).map(([f, t]) => [f, lint(t, { path: `/ws/${f}` })]));
  const sources = Object.entries(results).map(([f, r]) => ({ path: `/ws/${f}`, summary: summarizeResult(r)! }));
  for (const s of sources) assert.ok(s.summary, `${s.path} is a segdoc document`);
  return {
    texts,
    facts: (f) => results[f]!.facts!,
    sources,
    at: (f, needle, delta = 0) => {
      const i = texts[f]!.indexOf(needle);
      assert.ok(i >= 0, `${needle} in ${f}`);
      return i + delta;
    },
  };
}

const file = (p: { path?: string }): string => p.path!.replace('/ws/', '');
const span = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const read = (texts: Record<string, string>) => async (src: SummarySource) => texts[src.path!.replace('/ws/', '')];

describe('segment references (English)', () => {
  const ws = workspace(EN);

  test('from a heading: its definition, both personas, the matrix row, with their ranges', () => {
    const places = segmentReferences(
      ws.facts('acme.segmentation.md'),
      ws.at('acme.segmentation.md', 'Cloud-Native'),
      ws.sources,
      true,
    )!;
    const got = places.map((p) => [file(p), p.role, p.range, p.exact]);
    assert.deepEqual(got, [
      // The heading's name starts after the emoji (two UTF-16 units) at column 4.
      ['acme.segmentation.md', 'definition', span(7, 4, 33), true],
      ['acme.prioritization.md', 'matrix-row', span(5, 2, 23), true],
      ['dana.persona.md', 'reference', span(3, 13, 34), true],
      ['sam.persona.md', 'reference', span(3, 13, 42), false],
    ]);
    const without = segmentReferences(
      ws.facts('acme.segmentation.md'),
      ws.at('acme.segmentation.md', 'Cloud-Native'),
      ws.sources,
      false,
    )!;
    assert.deepEqual(
      without.map((p) => p.role),
      ['matrix-row', 'reference', 'reference'],
    );
  });

  test('from a persona value or a matrix row: the same places; nothing off a mention', () => {
    const fromPersona = segmentReferences(ws.facts('dana.persona.md'), ws.at('dana.persona.md', 'Native'), ws.sources, true)!;
    const fromRow = segmentReferences(
      ws.facts('acme.prioritization.md'),
      ws.at('acme.prioritization.md', 'Cloud'),
      ws.sources,
      true,
    )!;
    assert.equal(fromPersona.length, 4);
    assert.deepEqual(fromRow, fromPersona);
    assert.equal(segmentReferences(ws.facts('dana.persona.md'), 0, ws.sources, true), undefined);
  });

  test('go to definition from a matrix row and from a persona that names the segment in part', () => {
    const fromRow = segmentDefinitionsAt(
      ws.facts('acme.prioritization.md'),
      ws.at('acme.prioritization.md', 'Regulated'),
      ws.sources,
    )!;
    assert.deepEqual(fromRow.origin, span(6, 2, 19));
    assert.deepEqual(
      fromRow.targets.map((t) => [file(t), t.range]),
      [['acme.segmentation.md', span(14, 15, 32)]],
    );
    const fromSam = segmentDefinitionsAt(ws.facts('sam.persona.md'), ws.at('sam.persona.md', 'Cloud'), ws.sources)!;
    assert.deepEqual(
      fromSam.targets.map((t) => [file(t), t.text]),
      [['acme.segmentation.md', '🚀 Cloud-Native Startups (NA)']],
    );
  });

  test('prepareRename: the words of the name, without the emoji, numbering or parenthetical', () => {
    const seg = 'acme.segmentation.md';
    const prepared = prepareSegmentRename(ws.facts(seg), EN[seg]!, ws.at(seg, '🚀'), ws.sources);
    assert.deepEqual(prepared, { range: span(7, 7, 28), placeholder: 'Cloud-Native Startups' });
    assert.deepEqual(
      prepareSegmentRename(ws.facts('sam.persona.md'), EN['sam.persona.md']!, ws.at('sam.persona.md', 'Cloud'), ws.sources),
      {
        problem: 'partial',
        name: '🚀 Cloud-Native Startups (NA)',
      },
    );
    assert.equal(prepareSegmentRename(ws.facts(seg), EN[seg]!, 0, ws.sources), undefined);
  });

  test('rename: every exact mention in three documents, the partial one listed and left', async () => {
    const seg = 'acme.segmentation.md';
    const renamed = (await renameSegment(
      ws.facts(seg),
      ws.at(seg, 'Startups'),
      ' Cloud Scaleups ',
      ws.sources,
      read(EN),
    )) as SegmentRename;
    assert.deepEqual(
      renamed.documents.map((d) => [file(d), d.edits]),
      [
        ['acme.segmentation.md', [{ range: span(7, 7, 28), newText: 'Cloud Scaleups' }]],
        ['acme.prioritization.md', [{ range: span(5, 2, 23), newText: 'Cloud Scaleups' }]],
        ['dana.persona.md', [{ range: span(3, 13, 34), newText: 'Cloud Scaleups' }]],
      ],
    );
    assert.deepEqual(
      renamed.partial.map((p) => [file(p), p.text]),
      [['sam.persona.md', 'Tier 1: Cloud-Native Startups']],
    );
    assert.deepEqual(renamed.stale, []);
  });

  test('rename refuses an empty name, a newline, no words, "|" in a table, a name taken', async () => {
    const seg = 'acme.segmentation.md';
    const offset = ws.at(seg, 'Startups');
    const problem = async (name: string) => {
      const r = await renameSegment(ws.facts(seg), offset, name, ws.sources, read(EN));
      return r && 'problem' in r ? r : undefined;
    };
    assert.deepEqual(await problem('  '), { problem: 'empty' });
    assert.deepEqual(await problem('Cloud\nStartups'), { problem: 'newline' });
    assert.deepEqual(await problem('(!)'), { problem: 'no-words' });
    assert.deepEqual(await problem('Cloud | Startups'), { problem: 'pipe' });
    assert.deepEqual(await problem('regulated fintech'), { problem: 'taken', name: 'Regulated FinTech' });
    assert.equal(await problem('cloud-native startups'), undefined, 'the same segment in another spelling');
  });

  test('a mention whose file changed since it was read is left and listed', async () => {
    const seg = 'acme.segmentation.md';
    const changed = { ...EN, 'dana.persona.md': EN['dana.persona.md']!.replace('**Segment**', '**Segment**   ') };
    const renamed = (await renameSegment(
      ws.facts(seg),
      ws.at(seg, 'Startups'),
      'Scaleups',
      ws.sources,
      read(changed),
    )) as SegmentRename;
    assert.deepEqual(
      renamed.stale.map((p) => file(p)),
      ['dana.persona.md'],
    );
    assert.equal(renamed.documents.length, 2);
  });

  test('nameCore: the innermost span with the same key', () => {
    assert.deepEqual(nameCore('🚀 1. Cloud-Native Startups (NA)', 'cloud native startups'), { start: 6, end: 27 });
    assert.deepEqual(nameCore('**Regulated FinTech**', 'regulated fintech'), { start: 2, end: 19 });
    assert.equal(nameCore('Regulated FinTech', 'cloud native startups'), undefined);
  });
});

describe('segment references (Russian)', () => {
  const ws = workspace(RU);

  test('from a Cyrillic heading after an emoji: the definition, the matrix row, the persona', () => {
    const seg = 'oblako.segmentation.md';
    const places = segmentReferences(ws.facts(seg), ws.at(seg, 'Интернет'), ws.sources, true)!;
    assert.deepEqual(
      places.map((p) => [file(p), p.role, p.range]),
      [
        ['oblako.segmentation.md', 'definition', span(7, 4, 24)],
        ['oblako.prioritization.md', 'matrix-row', span(5, 2, 19)],
        ['irina.persona.md', 'reference', span(3, 13, 30)],
      ],
    );
  });

  test('definition from a matrix row; rename across three documents keeps the emoji', async () => {
    const matrix = 'oblako.prioritization.md';
    const def = segmentDefinitionsAt(ws.facts(matrix), ws.at(matrix, 'Банки'), ws.sources)!;
    assert.deepEqual(
      def.targets.map((t) => [file(t), t.range]),
      [['oblako.segmentation.md', span(11, 15, 45)]],
    );
    const seg = 'oblako.segmentation.md';
    assert.deepEqual(prepareSegmentRename(ws.facts(seg), RU[seg]!, ws.at(seg, 'магазины'), ws.sources), {
      range: span(7, 7, 24),
      placeholder: 'Интернет-магазины',
    });
    const renamed = (await renameSegment(
      ws.facts('irina.persona.md'),
      ws.at('irina.persona.md', 'магазины'),
      'Онлайн-ритейл',
      ws.sources,
      read(RU),
    )) as SegmentRename;
    assert.deepEqual(
      renamed.documents.map((d) => [file(d), d.edits.map((e) => e.range)]),
      [
        ['oblako.segmentation.md', [span(7, 7, 24)]],
        ['oblako.prioritization.md', [span(5, 2, 19)]],
        ['irina.persona.md', [span(3, 13, 30)]],
      ],
    );
  });
});
