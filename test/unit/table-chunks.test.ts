/**
 * Tables cut between their rows (parse/table-scan.ts, model/table-cut.ts, model/table-join.ts)
 * must give exactly the model — and so the findings — of a whole-document parse, and an edit
 * inside a long table must re-parse only the rows around it. Property tests generate tables
 * from the pieces that make rows tricky: escaped pipes, pipes in inline code, emphasis,
 * comments, Russian text and emoji, ragged rows, rows without pipes, lines that end the table
 * or look as if they might, tables after a paragraph, in a list or a block quote (which are
 * never cut), CRLF, lone CR and a BOM.
 *
 * Runs default to a random seed; FC_SEED and FC_RUNS reproduce or deepen a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDocument, FragmentCache } from '../../server/src/model/build';
import type { SegDocument } from '../../server/src/model/types';
import { DEFAULT_CHUNK_MIN, DEFAULT_CHUNK_TARGET, splitChunks } from '../../server/src/parse/blocks';
import { DEFAULT_LIMITS } from '../../server/src/parse/markdown';
import { check } from '../../server/src/services/engine';

const RUNS = Number(process.env['FC_RUNS'] ?? 100);
const SEED = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : undefined;
const params = (runs: number): fc.Parameters<unknown> => ({ numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) });
const NOW = new Date('2026-11-01T00:00:00Z');

/** The plain-data parts of a model: everything but the LineIndex, with the Set as a sorted list. */
function plain(doc: SegDocument): unknown {
  const { lines: _lines, definitions, ...rest } = doc;
  return JSON.parse(JSON.stringify({ ...rest, definitions: [...definitions].sort() }));
}

interface Sizes {
  chunkTarget: number;
  chunkMin: number;
}
const DEFAULTS: Sizes = { chunkTarget: DEFAULT_CHUNK_TARGET, chunkMin: DEFAULT_CHUNK_MIN };
const sizes: fc.Arbitrary<Sizes> = fc.constantFrom<Sizes>(
  { chunkTarget: 0, chunkMin: 0 },
  { chunkTarget: 24, chunkMin: 0 },
  { chunkTarget: 90, chunkMin: 40 },
  DEFAULTS,
  { chunkTarget: Infinity, chunkMin: 0 },
);

const PATHS = ['matrix.prioritization.md', 'x.segmentation.md', 'notes.md'];

/** The model and, for a document of a kind, the findings: chunked (through `cache`) and whole must agree. */
function assertSame(text: string, s: Sizes, cache: FragmentCache | null = new FragmentCache(), path = PATHS[0]!): void {
  const whole = buildDocument(text, { whole: true, cache: null, path });
  const chunked = buildDocument(text, { cache, path, ...s });
  assert.deepStrictEqual(
    plain(chunked),
    plain(whole),
    `chunked model (${JSON.stringify(s)}) differs for ${JSON.stringify(text)}`,
  );
  const a = check(chunked, { path, now: NOW, locale: 'en' }).findings;
  const b = check(whole, { path, now: NOW, locale: 'en' }).findings;
  assert.deepStrictEqual(
    JSON.parse(JSON.stringify(a)),
    JSON.parse(JSON.stringify(b)),
    `findings differ for ${JSON.stringify(text)}`,
  );
}

// ---------------------------------------------------------------------------------------
// Tables.

const cellText = fc.constantFrom(
  'Independent Coffee Roasters',
  'SMB Operators',
  'Малый бизнес',
  'Боли и цели',
  'DevOps Dana 🚀',
  '👩‍💻 Дана',
  '8',
  '32',
  '$2.4M',
  '60%',
  '1,5 млн ₽',
  '',
  ' ',
  'a \\| b',
  '\\|',
  '\\\\',
  '`code`',
  '`a \\| b`',
  '`a | b`',
  '``x|y``',
  '`open',
  '*emphasis*',
  '**bold**',
  '_a|b_',
  '*open',
  '<!-- c -->',
  '<!-- open',
  '-->',
  '<span>x</span>',
  '[Name]',
  '[link](https://example.com)',
  '[^1]',
  'https://example.com/путь',
  'YYYY-MM-DD',
  'Tier 1',
);
const cell = fc.array(cellText, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));

/** A row of cells, with or without the outer pipes, padded or not. */
function row(cells: string[], outer: 'both' | 'left' | 'right' | 'none', pad: string): string {
  const inner = cells.map((c) => `${pad}${c}${pad}`).join('|');
  if (cells.length === 0) return '|';
  return `${outer === 'both' || outer === 'left' ? '|' : ''}${inner}${outer === 'both' || outer === 'right' ? '|' : ''}`;
}
const outer = fc.constantFrom<'both' | 'left' | 'right' | 'none'>('both', 'both', 'both', 'left', 'right', 'none');
const pad = fc.constantFrom(' ', ' ', '', '  ');

/** Lines that may sit among a table's rows: rows for the parse, though not all look like rows. */
const oddRow = fc.constantFrom(
  'plain text line',
  'Текст без разделителей',
  '|',
  '||',
  '| trailing spaces |   ',
  '===',
  '[ref]: https://example.com',
  '\\- escaped marker | x',
  '| a | b | c | d | e | f | g | h |',
  ' | one space in front |',
  '   | three spaces |',
  '|\t tab | cell |',
  '[^1]: a footnote | x',
  '#hashtag | x',
);
/** Lines that end a table (or would end it were they not lazy or indented). */
const ender = fc.constantFrom(
  [''],
  ['', 'A paragraph after the table.'],
  ['# Heading'],
  ['## Tier 1 (Primary Focus)', '**Segments**: SMB Operators'],
  ['- list item'],
  ['* [ ] task'],
  ['2. second'],
  ['1) first'],
  ['> quote'],
  ['```', '| in code |', '```'],
  ['~~~'],
  ['<div>', '| in html |', '</div>'],
  ['<span>type 7</span>'],
  ['<!-- comment', '| in a comment |', '-->'],
  ['---'],
  ['***'],
  ['    indented code'],
  ['\tcode'],
  ['[^1]: a footnote', '| lazy | row |'],
  [],
);

const alignment = fc.constantFrom('---', ':--', '--:', ':-:', '-', '---------');

const table = fc
  .record({
    cols: fc.integer({ min: 1, max: 6 }),
    head: fc.array(cell, { minLength: 6, maxLength: 6 }),
    aligns: fc.array(alignment, { minLength: 6, maxLength: 6 }),
    headOuter: outer,
    delimiterOuter: outer,
    // A delimiter row with another number of cells: no table.
    mismatch: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    rows: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.record({ cells: fc.array(cell, { maxLength: 8 }), outer, pad }) },
        { weight: 1, arbitrary: oddRow },
      ),
      { maxLength: 14 },
    ),
    end: ender,
  })
  .map(({ cols, head, aligns, headOuter, delimiterOuter, mismatch, rows, end }) => {
    const width = mismatch ? cols + 1 : cols;
    const lines = [
      row(head.slice(0, cols), headOuter, ' '),
      row(aligns.slice(0, width), headOuter === 'none' ? 'none' : delimiterOuter, ' '),
    ];
    for (const r of rows) lines.push(typeof r === 'string' ? r : row(r.cells, r.outer, r.pad));
    return [...lines, ...end];
  });

/** What a table follows: nothing, a paragraph it interrupts, or a list item or quote that makes it lazy or nested. */
const context = fc.constantFrom<(lines: string[]) => string[]>(
  (l) => l,
  (l) => ['', ...l],
  (l) => ['Intro paragraph line', ...l],
  (l) => ['- list item', ...l],
  (l) => ['- list item', '', ...l.map((x) => (x ? '  ' + x : x))],
  (l) => ['> quoted', ...l],
  (l) => l.map((x) => '> ' + x),
  (l) => ['1. item', '   ' + l[0], ...l.slice(1)],
  (l) => ['**Segments**:', ...l],
  (l) => ['[^1]: a footnote', ...l],
  (l) => ['<div>', ...l],
);

const matrixHead = fc.constant([
  '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
  '|---------|----------------|-----|---------------|-----------------|-------|------|',
]);
/** A prioritization matrix, the table the rules read most, with realistic and odd rows. */
const matrix = fc
  .tuple(
    matrixHead,
    fc.array(
      fc.oneof(
        fc
          .tuple(cell, fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 4 }))
          .map(([s, n, t]) => `| ${s} | ${n.join(' | ')} | ${n.reduce((a, b) => a + b, 0)} | ${t} |`),
        oddRow,
      ),
      { maxLength: 12 },
    ),
    ender,
  )
  .map(([h, rows, end]) => [...h, ...rows, ...end]);

const section = fc
  .tuple(
    fc.constantFrom('## Prioritization Matrix', '## Матрица приоритизации', '## Tier 1 (Primary Focus)', '### Notes', ''),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(context, table).map(([c, t]) => c(t)) },
        { weight: 3, arbitrary: matrix },
        { weight: 2, arbitrary: fc.constantFrom(['Some text.'], [''], ['**Resource Allocation**: 60%'], ['- one', '- two']) },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([h, parts]) => [...(h ? [h, ''] : []), ...parts.flat()]);

const eols = fc.oneof(
  { weight: 5, arbitrary: fc.constant(['\n']) },
  { weight: 3, arbitrary: fc.constant(['\r\n']) },
  { weight: 1, arbitrary: fc.constant(['\r']) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 5 }) },
);

const documentText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(section, { minLength: 1, maxLength: 4 }), eols, fc.boolean())
  .map(([bom, title, sections, eol, finalBreak]) => {
    const lines = [...(title ? ['# Segment Prioritization: Tallybook', ''] : []), ...sections.flat()];
    let text = bom ? '\uFEFF' : '';
    lines.forEach((l, i) => {
      text += l;
      if (i < lines.length - 1 || finalBreak) text += eol[i % eol.length];
    });
    return text;
  });

/** Typing in a table: characters, pipes, escapes, backticks, line breaks. */
const insertion = fc.constantFrom(
  'a',
  'я',
  '😀',
  ' ',
  '|',
  '\\',
  '`',
  '*',
  '<!--',
  '-->',
  '\n',
  '\r\n',
  '\n\n',
  '\n| x |',
  '- ',
  '#',
);
const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 30 })),
  insert: insertion,
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

// ---------------------------------------------------------------------------------------

test('documents with tables: the chunked model and findings equal the whole parse', () => {
  fc.assert(
    fc.property(documentText, sizes, fc.constantFrom(...PATHS), (text, s, path) =>
      assertSame(text, s, new FragmentCache(), path),
    ),
    params(RUNS * 3),
  );
});

test('edits inside tables over a shared cache give the model of a whole parse', () => {
  fc.assert(
    fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 8 }), sizes, (start, edits, s) => {
      const cache = new FragmentCache();
      let text = start;
      buildDocument(text, { cache, ...s });
      for (const e of edits) {
        text = applyEdit(text, e);
        assertSame(text, s, cache);
      }
    }),
    params(Math.max(1, Math.round(RUNS / 2))),
  );
});

// ---------------------------------------------------------------------------------------
// The cuts are made, confirmed by the parse, and an edit re-parses only its rows.

function bigTable(rows: number, eol = '\n'): string {
  const lines = [
    '# Segment Prioritization: Big',
    '',
    '## Prioritization Matrix',
    '',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---------|:--------------:|-----|---------------|-----------------|-------|------|',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(`| Segment ${i} \\| Сегмент \`a|b\` 🚀 | ${i % 10} | 8 | 7 | 9 | ${(i % 10) + 24} | ${1 + (i % 3)} |`);
  }
  lines.push('', '## Tier 1 (Primary Focus)', '**Segments**: Segment 1', '');
  return lines.join(eol);
}

test('a long table is cut between rows, every cut is confirmed, and an edit re-parses one chunk', () => {
  for (const [eol, bom] of [
    ['\n', ''],
    ['\r\n', '\uFEFF'],
  ] as const) {
    const text = bom + bigTable(400, eol);
    const body = text.slice(bom.length);
    const chunks = splitChunks(body);
    const carried = chunks.filter((c) => c.carry);
    assert.ok(carried.length >= 10, `the table is cut (${carried.length} carried chunks)`);
    for (const c of carried) assert.equal(body.slice(c.carry!.start, c.carry!.end).split(eol).length, 3);
    const cache = new FragmentCache();
    const doc = buildDocument(text, { cache });
    // No cut was undone: one parse per chunk.
    assert.equal(cache.misses, chunks.length);
    assert.deepStrictEqual(plain(doc), plain(buildDocument(text, { whole: true, cache: null })));
    assert.equal(doc.allSections[1]!.tables.length, 1);
    assert.equal(doc.allSections[1]!.tables[0]!.rows.length, 400);
    // Typing in a row in the middle of the table parses that row's chunk alone.
    const at = body.indexOf('| Segment 250 ') + bom.length + 3;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const misses = cache.misses;
    const again = buildDocument(edited, { cache });
    assert.equal(cache.misses - misses, 1);
    assert.deepStrictEqual(plain(again), plain(buildDocument(edited, { whole: true, cache: null })));
  }
});

test('tables in a list item or a block quote, or lazy after one, are not cut', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `| r${i} | ${i} |`);
  const shapes = [
    ['- item', '', '  | a | b |', '  | - | - |', ...rows.map((r) => '  ' + r)],
    ['> | a | b |', '> | - | - |', ...rows.map((r) => '> ' + r)],
    ['- item', '| a | b |', '| - | - |', ...rows],
    ['> quote', '| a | b |', '| - | - |', ...rows],
  ];
  for (const lines of shapes) {
    const text = '# T\n\n' + lines.join('\n') + '\n';
    assert.ok(
      splitChunks(text, 0, 0).every((c) => !c.carry),
      lines[0],
    );
    assertSame(text, { chunkTarget: 0, chunkMin: 0 });
  }
});

test('a table over the chunk-length limit is not cut (it is skipped as one chunk)', () => {
  const text = bigTable(1800);
  assert.ok(text.length > 100_000);
  assert.ok(splitChunks(text).every((c) => !c.carry));
  const doc = buildDocument(text, { cache: null });
  assert.equal(doc.skipped[0]?.reason, 'chunk-length');
});

const tricky: Record<string, string> = {
  'a row without pipes continues the table': '| a | b |\n| - | - |\n| 1 | 2 |\nplain\n| 3 | 4 |\n',
  'a type 7 HTML line ends the table': '| a | b |\n| - | - |\n| 1 | 2 |\n<span>x</span>\n| 3 | 4 |\n',
  'a list item ends the table, a table-looking line after it is lazy': '| a |\n| - |\n| 1 |\n- x\n| 2 |\n| 3 |\n',
  'an unclosed comment in a cell': '| a | b |\n| - | - |\n| <!-- x | y |\n| --> | z |\n| 1 | 2 |\n',
  'an unclosed code span in a cell': '| a | b |\n| - | - |\n| `x | y |\n| z` | w |\n| 1 | 2 |\n',
  'ragged rows': '| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n|\n| x | y |\n',
  'a table after a paragraph line': 'Intro\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n',
  'a delimiter row of another width is no table': '| a | b |\n| - | - | - |\n| 1 | 2 |\n| 3 | 4 |\n',
  'two tables in a row': '| a |\n| - |\n| 1 |\n| 2 |\n\n| b |\n| - |\n| 3 |\n| 4 |\n',
  'a table ended by a setext-looking line': '| a |\n| - |\n| 1 |\n---\n| 2 |\n',
  'a table at the end without a final break': '| a |\n| - |\n| 1 |\n| 2 |',
  'lone CR': '| a | b |\r| - | - |\r| 1 | 2 |\r| 3 | 4 |\r',
  'a footnote definition ends the table, and the lines after it are lazy':
    '| a | b |\n| - | - |\n| 1 | 2 |\n[^1]: note\n| 3 | 4 |\n| 5 | 6 |\n',
  'a table lazy in a footnote definition': '[^1]: note\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n',
  'a reference definition line is a row': '[ref]: https://x.y\n\n| a |\n| - |\n| 1 |\n[ref]: https://x.y\n| [ref] |\n',
};

for (const [name, text] of Object.entries(tricky)) {
  test(`tricky table: ${name}`, () => {
    for (const s of [DEFAULTS, { chunkTarget: 0, chunkMin: 0 }, { chunkTarget: 12, chunkMin: 0 }]) {
      assertSame(text, s);
      assertSame('\uFEFF# T\n' + text, s);
    }
  });
}

test('a cut the parse does not confirm is undone: the rest of the table is parsed as one chunk', () => {
  // A lone pipe is no table's head for micromark (a head needs two cells or a pipe between),
  // though the scanner takes it for one.
  const text = '|\n|-|\n| 1 |\n| 2 |\n| 3 |\n';
  const cache = new FragmentCache();
  assert.ok(splitChunks(text, 0, 0).some((c) => c.carry));
  assertSame(text, { chunkTarget: 0, chunkMin: 0 }, cache);
  assert.ok(cache.peek(text, true), 'the whole text was parsed as one chunk');
});

test('a table chunk over a parse limit takes the whole table along, and only it', () => {
  const rows = Array.from({ length: 300 }, (_, i) => (i === 150 ? '| `open ` ` `` x | 1 |' : `| row ${i} \`c\` | ${i} |`));
  const text = '# T\n\n## A\n\ntext\n\n## M\n\n| a | b |\n| - | - |\n' + rows.join('\n') + '\n\n## After\n\n- item\n';
  const limits = { ...DEFAULT_LIMITS, maxCodeCost: 10 };
  const doc = buildDocument(text, { limits, chunkTarget: 200, chunkMin: 0 });
  assert.deepEqual(
    doc.skipped.map((s) => s.reason),
    ['code-spans'],
  );
  assert.deepEqual(doc.skipped, buildDocument(text, { limits, whole: true }).skipped);
  assert.deepEqual(
    doc.allSections.map((s) => [s.heading.text, s.tables.length, s.paragraphs.length, s.lists.length]),
    [
      ['T', 0, 0, 0],
      ['A', 0, 1, 0],
      ['M', 0, 0, 0],
      ['After', 0, 0, 1],
    ],
  );
});
