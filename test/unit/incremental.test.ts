/**
 * The chunked, cached parse must give exactly the model of a whole-document parse
 * (ARCHITECTURE.md, "Parsing"). Property tests generate documents from the pieces real
 * segmentation documents are made of — and from the pieces that break naive splitters:
 * headings inside fences, unclosed fences, comments spanning headings, HTML blocks, front
 * matter, CRLF, lone CR, a BOM. Example tests pin the tricky splits down one by one.
 *
 * Runs default to a random seed so that every run explores new documents; a failure prints
 * the seed and the shrunk counterexample. FC_SEED and FC_RUNS reproduce or deepen a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDocument, FragmentCache } from '../../server/src/model/build';
import type { SegDocument } from '../../server/src/model/types';
import { DEFAULT_CHUNK_MIN, DEFAULT_CHUNK_TARGET, splitChunks } from '../../server/src/parse/blocks';

const RUNS = Number(process.env['FC_RUNS'] ?? 100);
const SEED = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : undefined;
const params = (runs: number): fc.Parameters<unknown> => ({ numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) });

/** The plain-data parts of a model: everything but the LineIndex, with the Set as a sorted list. */
function plain(doc: SegDocument): unknown {
  const { lines: _lines, definitions, ...rest } = doc;
  return JSON.parse(JSON.stringify({ ...rest, definitions: [...definitions].sort() }));
}

/**
 * Chunk sizes to test, as [target, min] (parse/blocks.ts splitChunks): a cut at every
 * possible place, small chunks, the defaults, and cuts at every heading only.
 */
interface Sizes {
  chunkTarget: number;
  chunkMin: number;
}
const targets: fc.Arbitrary<Sizes> = fc.constantFrom<Sizes>(
  { chunkTarget: 0, chunkMin: 0 },
  { chunkTarget: 24, chunkMin: 0 },
  { chunkTarget: 160, chunkMin: 40 },
  { chunkTarget: DEFAULT_CHUNK_TARGET, chunkMin: DEFAULT_CHUNK_MIN },
  { chunkTarget: Infinity, chunkMin: 0 },
);
const DEFAULTS: Sizes = { chunkTarget: DEFAULT_CHUNK_TARGET, chunkMin: DEFAULT_CHUNK_MIN };
const EVERY_CUT: Sizes = { chunkTarget: 0, chunkMin: 0 };

function assertSameModel(text: string, sizes: Sizes = DEFAULTS, cache: FragmentCache | null = new FragmentCache()): void {
  const whole = buildDocument(text, { whole: true, cache: null });
  const chunked = buildDocument(text, { cache, ...sizes });
  assert.deepStrictEqual(
    plain(chunked),
    plain(whole),
    `chunked model (${JSON.stringify(sizes)}) differs from whole model for ${JSON.stringify(text)}`,
  );
}

// ---------------------------------------------------------------------------------------
// Realistic pieces. Each piece is a list of lines; the document joins them with line breaks.

const words = fc.constantFrom(
  'Persona',
  'Segment 1: SMB Operators',
  'Боли и болевые точки',
  'Цели и обязанности',
  'DevOps Dana 🚀',
  '👩‍💻 Дана',
  'ICP',
  'Pain Points (Problems We Solve)',
  'TAM $180M',
  '[Persona Name]',
  '$[Amount]',
  '`code`',
  '`` a ` b ``',
  '*emphasis*',
  '**bold**',
  '[link](https://example.com)',
  '[ref]',
  '[^1]',
  '<span>x</span>',
  '<!-- c -->',
  'YYYY-MM-DD',
  'a | b',
  '\\# escaped',
  '12,000 × $15k',
  '1,5 млн ₽',
  'https://example.com/путь',
);
const phrase = fc.array(words, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const key = fc.constantFrom(
  'Job Title',
  'Company Size',
  'Industry',
  'Primary Goal',
  'Должность',
  'Размер компании',
  'Role in Decision',
  'Status',
  'Статус',
  'Date',
);
const value = fc.constantFrom(
  'DevOps Lead',
  '50–500',
  'SaaS',
  'Economic buyer',
  'Утверждено',
  '2026-01-15',
  '',
  '[Value]',
  '`x`',
  '😀 *x*',
);

type Lines = string[];

const atx: fc.Arbitrary<Lines> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), phrase, fc.constantFrom('', ' #', ' ###', ' '), fc.constantFrom('', '', '', ' ', '   '))
  .map(([d, t, close, indent]) => [`${indent}${'#'.repeat(d)} ${t}${close}`]);
const oddHeading: fc.Arbitrary<Lines> = fc.constantFrom(
  ['#'],
  ['##'],
  ['#hashtag not a heading'],
  ['####### seven'],
  ['#\tTabbed'],
  ['    # indented code'],
);
const setext: fc.Arbitrary<Lines> = fc.tuple(phrase, fc.constantFrom('===', '---', '- - -', '=')).map(([t, u]) => [t, u]);
const paragraph: fc.Arbitrary<Lines> = fc.array(phrase, { minLength: 1, maxLength: 3 });
const blank: fc.Arbitrary<Lines> = fc.constantFrom([''], ['', ''], ['   ']);
const hr: fc.Arbitrary<Lines> = fc.constantFrom(['---'], ['***'], ['___'], [' - - -']);

const field = fc
  .tuple(key, value, fc.constantFrom('bold', 'bold-in', 'plain'))
  .map(([k, v, s]) => (s === 'bold' ? `**${k}**: ${v}` : s === 'bold-in' ? `**${k}:** ${v}` : `${k}: ${v}`));
const itemText = fc.oneof(
  phrase,
  field,
  phrase.map((p) => `[ ] ${p}`),
  phrase.map((p) => `[x] ${p}`),
  fc.constant(''),
);

interface ItemSpec {
  text: string;
  children: ItemSpec[];
}
/** List items nested up to `levels` deep (fc.letrec trees grow without bound at larger sizes). */
function itemAt(levels: number): fc.Arbitrary<ItemSpec> {
  if (levels === 0) return itemText.map((text) => ({ text, children: [] }));
  return fc.record({ text: itemText, children: fc.array(itemAt(levels - 1), { maxLength: 2 }) });
}
const item = itemAt(3);
const list: fc.Arbitrary<Lines> = fc
  .tuple(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom('-', '*', '+', '1.', '1)'), fc.boolean(), fc.boolean())
  .map(([items, marker, loose, lazy]) => {
    const out: Lines = [];
    const render = (it: ItemSpec, indent: string, n: number): void => {
      const m = marker.startsWith('1') ? `${n}${marker.slice(1)}` : marker;
      out.push(`${indent}${m} ${it.text}`.trimEnd());
      if (lazy && it.text) out.push('lazy continuation line');
      if (loose) out.push('');
      it.children.forEach((c, i) => render(c, indent + ' '.repeat(m.length + 1), i + 1));
    };
    items.forEach((it, i) => render(it, '', i + 1));
    return out;
  });
const table: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(phrase, fc.integer({ min: 0, max: 12 })), { maxLength: 3 })
  .map((rows) => [
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---|:-:|---|---|---|---|---|',
    ...rows.map(([s, n]) => `| ${s.replace(/\|/g, '/')} | ${n} | 8 | 7 | 9 | ${n + 24} | 1 |`),
  ]);
const fenceBody = fc.array(
  fc.constantFrom(
    '# Persona: [Name]',
    '## Demographics',
    'plain code',
    '```',
    '~~~',
    '    # indented',
    '<!--',
    '-->',
    '',
    '- [ ] item',
    '---',
  ),
  { maxLength: 4 },
);
const fence: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.constantFrom('```', '````', '~~~', '~~~~'),
    fc.constantFrom('', 'markdown', 'yaml', ' js'),
    fc.constantFrom('', ' ', '  ', '   '),
    fenceBody,
    fc.constantFrom('same', 'longer', 'shorter', 'none', 'indented', 'trailing', 'other'),
  )
  .map(([f, info, indent, body, close]) => {
    const closer =
      close === 'same'
        ? [f]
        : close === 'longer'
          ? [f + f[0]]
          : close === 'shorter'
            ? [f.slice(1)]
            : close === 'none'
              ? []
              : close === 'indented'
                ? ['    ' + f]
                : close === 'trailing'
                  ? [f + '  ']
                  : [f[0] === '`' ? '~~~' : '```'];
    return [`${indent}${f}${info}`, ...body, ...closer];
  });
const indentedCode: fc.Arbitrary<Lines> = fc.constantFrom(
  ['    # code heading', '    more'],
  ['\t# tab code'],
  ['    ```', '    # x'],
);
const comment: fc.Arbitrary<Lines> = fc.constantFrom(
  ['<!-- segdoc-disable placeholder -->'],
  ['<!--', '# Heading inside a comment', '-->'],
  ['<!-- start', '## Still a comment'],
  ['text before <!-- inline comment', '# heading after an inline comment -->'],
  ['<!-- a --> <!-- b', '# c -->'],
  ['  <!-- indented', '-->'],
  ['<!-->'],
  ['-->'],
);
const html: fc.Arbitrary<Lines> = fc.constantFrom(
  ['<div>', '# Heading inside a div', '</div>'],
  ['<details>', '<summary>More</summary>', '', '# After blank'],
  ['<pre>', '# x', '</pre>'],
  ['<script>', '# x'],
  ['<?php', '# x', '?>'],
  ['<!DOCTYPE html>'],
  ['<![CDATA[', '# x', ']]>'],
  ['<span>inline</span> text'],
  ['<custom-tag>', '# y'],
  ['</div>'],
);
const quote: fc.Arbitrary<Lines> = fc.constantFrom(
  ['> A quote', '> # Heading in a quote'],
  ['> ```', '> # code in a quote'],
  ['> lazy', 'continuation'],
  ['>> nested', '> > deeper'],
  ['> - item', '>   - sub'],
  ['> <!--', '# after quote'],
);
/** A field with an empty value followed by a list: the list's items belong to the field. */
const fieldThenList: fc.Arbitrary<Lines> = fc
  .tuple(key, fc.constantFrom('', '<!-- note -->', 'text in between'), list)
  .map(([k, between, l]) => [`**${k}**:`, ...(between ? [between] : []), ...l]);
const definitions: fc.Arbitrary<Lines> = fc.constantFrom(
  ['[ref]: https://example.com'],
  ['[Persona Name]: /people "Title"'],
  ['[^1]: A footnote', '    continued'],
  ['[broken]:'],
);
const frontMatter: fc.Arbitrary<Lines> = fc.constantFrom(
  ['---', 'segdoc: persona', '# a YAML comment', 'lang: ru', '---'],
  ['---', 'title: "x"', '---  '],
  ['---', 'a: [', '---'],
  ['---', '---'],
  ['---', 'segdoc: gtm', '...'],
  ['---', 'unclosed: true'],
  ['--- ', 'k: v', '---'],
  ['----', 'k: v', '----'],
);

const piece = fc.oneof(
  { weight: 6, arbitrary: atx },
  { weight: 1, arbitrary: oddHeading },
  { weight: 2, arbitrary: setext },
  { weight: 5, arbitrary: paragraph },
  { weight: 5, arbitrary: blank },
  { weight: 1, arbitrary: hr },
  { weight: 5, arbitrary: list },
  { weight: 2, arbitrary: fieldThenList },
  { weight: 2, arbitrary: table },
  { weight: 3, arbitrary: fence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: comment },
  { weight: 2, arbitrary: html },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: definitions },
);

const eols = fc.oneof(
  { weight: 5, arbitrary: fc.constant(['\n']) },
  { weight: 3, arbitrary: fc.constant(['\r\n']) },
  { weight: 1, arbitrary: fc.constant(['\r']) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }) },
);

/** A whole document: optional BOM and front matter, pieces, line breaks of one or more kinds. */
const documentText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.option(frontMatter, { freq: 3 }), fc.array(piece, { minLength: 1, maxLength: 14 }), eols, fc.boolean())
  .map(([bom, fm, pieces, eol, finalBreak]) => {
    const lines = [...(fm ?? []), ...pieces.flat()];
    let text = bom ? '\uFEFF' : '';
    lines.forEach((l, i) => {
      text += l;
      if (i < lines.length - 1 || finalBreak) text += eol[i % eol.length];
    });
    return text;
  });

/** Edits a user (or a paste) makes: characters, line breaks, and the markers that change block structure. */
const insertion = fc.oneof(
  fc.constantFrom('a', 'я', '😀', ' ', '#', '\n', '\r\n', '\r', '`', '~', '<', '>', '-', '|', '*', '['),
  fc.constantFrom(
    '\n# New heading\n',
    '\n```\n',
    '\n~~~md\n',
    '<!--',
    '-->',
    '\n<div>\n',
    '\n---\n',
    '\n- **Key**: value\n',
    '\n> ',
  ),
);
const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(insertion, fc.constant('')),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

// ---------------------------------------------------------------------------------------

test('chunks concatenate back to the text', () => {
  fc.assert(
    fc.property(documentText, targets, (text, sizes) => {
      const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
      const chunks = splitChunks(body, sizes.chunkTarget, sizes.chunkMin);
      assert.equal(chunks.map((c) => c.text).join(''), body);
      let at = 0;
      for (const c of chunks) {
        assert.equal(c.start, at);
        at += c.text.length;
      }
    }),
    params(RUNS * 2),
  );
});

test('the chunked model equals the whole-document model', () => {
  fc.assert(
    fc.property(documentText, targets, (text, sizes) => assertSameModel(text, sizes)),
    params(RUNS),
  );
});

test('edit sequences over a shared cache give the model of a fresh build', () => {
  fc.assert(
    fc.property(
      documentText,
      fc.array(edit, { minLength: 1, maxLength: 8 }),
      fc.constantFrom(8_000_000, 400),
      targets,
      (start, edits, cacheChars, sizes) => {
        // A small cache also exercises eviction in the middle of a sequence.
        const cache = new FragmentCache(cacheChars);
        let text = start;
        buildDocument(text, { cache, ...sizes });
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = buildDocument(text, { cache, ...sizes });
          const fresh = buildDocument(text, { cache: null, ...sizes });
          assert.deepStrictEqual(
            plain(incremental),
            plain(fresh),
            `incremental model differs after edits: ${JSON.stringify(text)}`,
          );
        }
        assert.deepStrictEqual(
          plain(buildDocument(text, { cache, ...sizes })),
          plain(buildDocument(text, { whole: true, cache: null })),
        );
      },
    ),
    params(Math.max(1, Math.round(RUNS / 3))),
  );
});

test('a cached fragment is never changed by the documents that use it', () => {
  const cache = new FragmentCache();
  const text = '# Persona: Dana\n\n## Pain Points\n\n- **Cost**: high\n  - sub\n- two\n';
  const first = JSON.stringify(plain(buildDocument(text, { cache })));
  const doc = buildDocument(text, { cache });
  // Mutate everything a careless rule could touch; the next build must not see it.
  for (const s of doc.allSections) {
    s.span.start = -1;
    s.heading.span.end = -1;
    for (const l of s.lists) for (const i of l.items) i.span.start = -1;
    for (const f of s.fields) f.value.span.start = -1;
  }
  assert.equal(JSON.stringify(plain(buildDocument(text, { cache }))), first);
  assert.ok(cache.hits > 0);
});

// ---------------------------------------------------------------------------------------
// Tricky splits, one by one.

const tricky: Record<string, string> = {
  'heading inside a fence': '# Title\n\n```markdown\n# Persona: [Name]\n## Demographics\n```\n\n## After\ntext\n',
  'heading inside a tilde fence with a backtick line': '# T\n~~~\n```\n# inside\n~~~\n# out\n',
  'unclosed fence runs to the end': '# T\n\n```\n# not a heading\n## neither\n',
  'fence opened in a list item does not swallow the next heading': '- item\n  ```\n# A\n```\n# B (code)\n```\n# C\n',
  'closing fence shorter than the opener': '````\n# x\n```\n# still code\n````\n# out\n',
  'closing fence indented four spaces': '```\n# x\n    ```\n# still code\n```\n# out\n',
  '<!-- comment spanning a heading': '# T\n\n<!--\n# Hidden heading\n-->\n\n## Visible\n',
  'unclosed comment': '# T\n<!-- open\n# x\n## y\n',
  'inline comment in a paragraph does not hide a heading': 'Text <!-- open\n# Heading -->\n## Next\n',
  'html block continues until a blank line': '<div>\n# inside html\n</div>\n# out\n',
  'html type 7 cannot interrupt a paragraph': 'para\n<custom-tag>\n# heading\n',
  'pre block with a heading line': '<pre>\n# x\n</pre>\n# y\n',
  'BOM and front matter':
    '\uFEFF---\nsegdoc: persona\n# a YAML comment\n---\n# Persona: Dana\n\n## Goals\n- **Primary Goal**: ship\n',
  'front matter followed by a thematic break': '---\na: 1\n---\n---\nb\n---\n# H\n',
  'front matter closed by dots is not front matter': '---\na: 1\n...\n# b\n---\n# c\n',
  'unclosed front matter': '---\n# h\n## i\n',
  CRLF: '# Persona: Dana\r\n\r\n## Pain Points\r\n\r\n- one\r\n- two\r\n\r\n```\r\n# code\r\n```\r\n## Next\r\n',
  'lone CR': '# A\r## B\r- x\r```\r# c\r```\r# D\r',
  'mixed line endings': '# A\r\n- x\n## B\r```\r\n# c\n```\r\n# D',
  'Cyrillic and emoji': '# Персона: Дана 👩‍💻\n\n## Боли\n\n- 😀 *x*\n- **Должность**: DevOps\n## Цели\n',
  'field before a heading, list after it': '# A\n**Needs**:\n# B\n- one\n- two\n',
  'table ended by a heading': '| a | b |\n| - | - |\n| 1 | 2 |\n# x\n| c |\n',
  'block quote ended by a heading': '> quote\n# x\n> # quoted heading\n',
  'reference link defined in another chunk': '# A\n[Persona Name]\n# B\n[persona name]: https://x\n',
  'task box before a reference link defined elsewhere': '- [x] Persona\n  - [ ] [ref]\n# Persona\n[ref]: https://example.com\n',
  // micromark quirks that a cut inside a section must not expose (see parse/blocks.ts).
  'unclosed fence in a list item, closed by the next item': '## S\n- a\n    ```\n    # x\n- b\n- c\n',
  'unclosed comment in a list item, closed by the next item': '## S\n- a\n  <!--\n  x\n- b\n',
  'unclosed fence in a quoted list, then a list': '## S\n> - a\n>   ```\n- b\n',
  'indented code, a blank line, then `2.`': '## S\n    code\n\n2. b\n\n- c\n',
  'indented code, a blank line, then an empty item': '## S\n* a\n\n    *\n\n*\n\n* b\n',
  'indented code, a heading, then `2.`': '    code\n\n# H\n2. b\n',
  'an item interrupting a paragraph holds an empty item': '## S\nPersona\n- -\n# H\n',
  'an item interrupting a paragraph holds indented code': '## S\nPersona\n-     code\n- b\n',
  'one list across many chunks with a field taking its items': '## S\n**Needs**:\n- a\n- b\n\n- c\n\n<!-- note -->\n- d\n+ e\n',
};

for (const [name, text] of Object.entries(tricky)) {
  test(`tricky split: ${name}`, () => {
    for (const sizes of [DEFAULTS, EVERY_CUT]) {
      assertSameModel(text, sizes);
      // With a BOM in front, every offset moves by one and nothing else changes.
      if (!text.startsWith('\uFEFF')) assertSameModel('\uFEFF' + text, sizes);
    }
  });
}

test('headings outside fences and comments are cut points; those inside are not', () => {
  const text = '# A\n```\n# in fence\n```\n<!--\n# in comment\n-->\n## B\n';
  const starts = splitChunks(text, 0, 0).map((c) => c.text.split('\n')[0]);
  assert.deepEqual(starts, ['# A', '## B']);
});
