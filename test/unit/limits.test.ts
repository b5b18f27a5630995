/**
 * Parse limits (server/src/parse/markdown.ts): the pathological inputs of
 * ../shared/notes/remark-performance.md must come back at once — no exception, no stack
 * overflow, no minutes-long parse — with `doc.skipped` saying what was too much and where.
 * Realistic documents, however large, must never be skipped.
 *
 * Each pathological input here is far past what micromark survives (bench/limits.ts
 * measures where it breaks), so a limit that stopped working would show up as a hang or a
 * stack overflow, not as a slow test. No assertion here is about time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDocument, FragmentCache } from '../../server/src/model/build';
import { FAMILIES } from '../fixtures/pathological';
import type { SegDocument, SkippedPart } from '../../server/src/model/types';
import { splitChunks } from '../../server/src/parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS, type ParseLimits } from '../../server/src/parse/markdown';
import { lint } from '../../server/src/services/engine';

const repoRoot = resolve(__dirname, '..', '..');

function only(doc: SegDocument): SkippedPart {
  assert.equal(doc.skipped.length, 1, `expected one skipped part, got ${JSON.stringify(doc.skipped)}`);
  return doc.skipped[0]!;
}

function lineOf(doc: SegDocument, offset: number): number {
  return doc.lines.positionAt(offset).line;
}

test('deeply nested block quotes are skipped at their line', () => {
  const text = '# Persona: Dana\n\n## Quote\n\nintro\n\n' + '>'.repeat(20_000) + ' deep\n\n## After\n\n- one\n';
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'quote-depth');
  assert.equal(s.detail['depth'], 20_000);
  assert.equal(s.detail['limit'], DEFAULT_LIMITS.maxQuoteDepth);
  assert.equal(s.span.start, text.indexOf('>'));
  assert.equal(lineOf(doc, s.span.start), 6);
  // Only the chunk holding the quotes is lost (its heading stays, the section empty); the
  // sections around it are parsed.
  assert.deepEqual(
    doc.allSections.map((x) => x.heading.text),
    ['Persona: Dana', 'Quote', 'After'],
  );
  assert.deepEqual(doc.allSections[1]!.paragraphs, []);
  assert.equal(doc.allSections[2]!.lists[0]!.items[0]!.text, 'one');
});

test('spaced nested block quotes (`> > > …`) are skipped too', () => {
  const text = '## Q\n' + '> '.repeat(5_000) + 'a\n';
  const s = only(buildDocument(text, { cache: null }));
  assert.equal(s.reason, 'quote-depth');
  assert.equal(s.span.start, 5);
});

test('emphasis in a deep block quote is skipped', () => {
  const text = '# T\n\n' + '>'.repeat(30_000) + 'a*' + 'b'.repeat(30_000) + '*c\n';
  const s = only(buildDocument(text, { cache: null }));
  assert.equal(s.reason, 'quote-depth');
  assert.equal(s.span.start, 5);
});

test('empty lines in deeply nested lists are skipped', () => {
  const text = '# T\n\n## Deep\n' + '- '.repeat(10_000) + 'x' + '\n'.repeat(10_000) + '## Next\ntext\n';
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'indent');
  assert.ok(s.detail['indent']! > DEFAULT_LIMITS.maxIndent);
  // The location is the line with the markers (inside the "## Deep" chunk).
  assert.equal(s.span.start, text.indexOf('## Deep\n') + '## Deep\n'.length);
  assert.equal(lineOf(doc, s.span.start), 3);
  assert.deepEqual(
    doc.allSections.map((x) => x.heading.text),
    ['T', 'Deep', 'Next'],
  );
});

test('empty lines in deeply nested lists inside a block quote are skipped', () => {
  const text = '> ' + '- '.repeat(10_000) + 'x\n' + '>\n'.repeat(10_000);
  const s = only(buildDocument(text, { cache: null }));
  assert.equal(s.reason, 'indent');
  assert.equal(s.span.start, 0);
});

test('lists nested by indentation are skipped at the first line that is too deep', () => {
  const lines = Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- a\n\n');
  const text = '# T\n' + lines.join('');
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'indent');
  // Markers sit at columns 0, 2, 4, …: the first past the limit is the next even column.
  const column = DEFAULT_LIMITS.maxIndent + 2 - (DEFAULT_LIMITS.maxIndent % 2);
  assert.equal(s.detail['indent'], column);
  assert.equal(s.span.start, text.indexOf('\n' + ' '.repeat(column) + '- a') + 1);
  assert.equal(lineOf(doc, s.span.start), 1 + 2 * (column / 2));
});

test('deep indentation without list markers (code, ASCII art) is not a problem', () => {
  const text =
    '## Code\n\n```\n' +
    ' '.repeat(200) +
    'deep\n```\n\n' +
    ' '.repeat(120) +
    'text\n\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n';
  const doc = buildDocument(text, { cache: null });
  assert.deepEqual(doc.skipped, []);
  assert.equal(doc.allSections[0]!.otherBlocks.length >= 1, true);
});

test('a huge single chunk is skipped where it starts; the rest is parsed', () => {
  // One block that cannot be cut: a table of 160 KB+ (long sections of separate blocks are
  // cut into small chunks; see the next test).
  const rows = '| SMB Operators | 8 | 7 | 9 | 6 | 30 | 1 |\n'.repeat(4_000);
  const big =
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |\n|---|---|---|---|---|---|---|\n' + rows;
  assert.ok(big.length > DEFAULT_LIMITS.maxChunkLength);
  const text =
    '# Persona: Dana\n\n## Goals\n\n- **Primary Goal**: ship\n\n## Matrix\n\n' +
    big +
    '\n## Messaging\n\n**Value Proposition**: faster\n';
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'chunk-length');
  assert.equal(s.detail['limit'], DEFAULT_LIMITS.maxChunkLength);
  // The location is where the chunk starts: the section's heading.
  assert.equal(s.span.start, text.indexOf('## Matrix'));
  assert.deepEqual(
    doc.allSections.map((x) => x.heading.text),
    ['Persona: Dana', 'Goals', 'Matrix', 'Messaging'],
  );
  assert.deepEqual(doc.allSections[2]!.tables, []);
  assert.equal(doc.allSections[3]!.fields[0]!.value.text, 'faster');
});

test('a long section of separate blocks is cut into chunks and never skipped', () => {
  const big = 'Segment analysis paragraph with **bold** text and a [link](https://x.y).\n\n'.repeat(3_000);
  assert.ok(big.length > DEFAULT_LIMITS.maxChunkLength);
  const text = '# Persona: Dana\n\n## Notes\n\n' + big + '## Messaging\n\n**Value Proposition**: faster\n';
  const doc = buildDocument(text, { cache: null });
  assert.deepEqual(doc.skipped, []);
  assert.equal(doc.allSections[1]!.paragraphs.length, 3_000);
});

test('offsets of skipped parts count the BOM and CRLF line breaks', () => {
  const text = '\uFEFF# T\r\n\r\n## Q\r\n' + '>'.repeat(100) + ' x\r\n';
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'quote-depth');
  assert.equal(s.span.start, text.indexOf('>'));
  assert.deepEqual(doc.lines.positionAt(s.span.start), { line: 3, character: 0 });
});

test('a document over 2 MB is not parsed at all', () => {
  const section = '## Pain Points\n\n- **Cost**: high\n- Speed\n\n';
  const text = '# Persona: Big\n\n' + section.repeat(Math.ceil(2_100_000 / section.length));
  assert.ok(text.length > 2_000_000);
  const doc = buildDocument(text, { cache: null });
  const s = only(doc);
  assert.equal(s.reason, 'document-length');
  assert.equal(s.detail['length'], text.length);
  assert.equal(s.detail['limit'], DEFAULT_LIMITS.maxDocumentLength);
  assert.deepEqual(s.span, { start: 0, end: 0 });
  assert.equal(doc.allSections.length, 0);
  // The engine runs on it without throwing.
  const result = lint(text, { path: 'big.persona.md', cache: null });
  assert.equal(result.doc.skipped[0]!.reason, 'document-length');
});

test('the engine does not throw on any pathological input', () => {
  const inputs = [
    '>'.repeat(50_000) + 'a',
    '- '.repeat(30_000) + 'x' + '\n'.repeat(30_000),
    '> ' + '- '.repeat(30_000) + 'x\n' + '>\n'.repeat(30_000),
  ];
  for (const body of inputs) {
    const result = lint('# Persona: X\n\n' + body, { path: 'x.persona.md', cache: null });
    assert.equal(result.doc.skipped.length, 1);
  }
});

test('custom limits apply and do not share cached fragments with the defaults', () => {
  const cache = new FragmentCache();
  const text = '## Q\n' + '>'.repeat(5) + ' x\n';
  assert.deepEqual(buildDocument(text, { cache }).skipped, []);
  const tight: ParseLimits = { ...DEFAULT_LIMITS, maxQuoteDepth: 3 };
  const s = only(buildDocument(text, { cache, limits: tight }));
  assert.equal(s.reason, 'quote-depth');
  assert.equal(s.detail['limit'], 3);
  assert.deepEqual(buildDocument(text, { cache }).skipped, []);
});

test('inputs at the limits are parsed', () => {
  const quotes = '>'.repeat(DEFAULT_LIMITS.maxQuoteDepth) + ' deep but allowed\n';
  assert.deepEqual(buildDocument(quotes, { cache: null }).skipped, []);
  const nested = Array.from({ length: DEFAULT_LIMITS.maxIndent / 2 + 1 }, (_, i) => '  '.repeat(i) + '- a\n').join('');
  const doc = buildDocument(nested, { cache: null });
  assert.deepEqual(doc.skipped, []);
  assert.equal(doc.preamble.lists.length, 1);
});

// ---------------------------------------------------------------------------------------
// Realistic documents are never skipped.

function realisticTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seeds = resolve(repoRoot, '..', 'shared', 'seeds');
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).sort()) if (f.endsWith('.txt')) out.push([f, readFileSync(join(seeds, f), 'utf8')]);
  }
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push([p, readFileSync(p, 'utf8')]);
    }
  };
  walk(join(repoRoot, 'examples'));
  return out;
}

test('the seeds and examples are never skipped', () => {
  const texts = realisticTexts();
  assert.ok(texts.length > 0, 'no seeds or examples found');
  for (const [name, text] of texts) {
    assert.deepEqual(buildDocument(text, { cache: null }).skipped, [], name);
    assert.deepEqual(
      buildDocument('\uFEFF' + text.replace(/\n/g, '\r\n'), { cache: null }).skipped,
      [],
      `${name} with BOM and CRLF`,
    );
  }
});

test('a large realistic document (all seeds and examples, ten times over) passes every limit', () => {
  // Checking the limits needs no parse, so the 1 MB+ document costs little here.
  const all = realisticTexts()
    .map(([, t]) => t)
    .join('\n\n');
  const text = Array.from({ length: 10 }, () => all).join('\n\n');
  assert.ok(text.length < DEFAULT_LIMITS.maxDocumentLength, `${text.length} chars`);
  for (const chunk of splitChunks(text)) {
    assert.equal(checkChunkLimits(chunk.text, DEFAULT_LIMITS), undefined, chunk.text.slice(0, 80));
  }
});

// ---------------------------------------------------------------------------------------
// Shapes micromark parses in quadratic time (issue 10): each is bounded before parsing, at
// 100 KB (under the chunk limit: the inline pre-scan) and at 1 MB (over it). A family whose
// bound stopped working would take minutes here, not a slow second.

for (const [name, family] of Object.entries(FAMILIES)) {
  test(`${name} are not parsed, at 100 KB and 1 MB, and the rest is checked`, { timeout: 20_000 }, () => {
    for (const size of [96 * 1024, 1024 * 1024]) {
      const body = family.make(size);
      const text = '# Persona: Dana\n\n## Notes\n\n' + body + '\n\n## Goals\n\n- **Primary Goal**: ship\n';
      const result = lint(text, { path: 'dana.persona.md', cache: null });
      const s = only(result.doc);
      assert.equal(s.reason, body.length > DEFAULT_LIMITS.maxChunkLength ? 'chunk-length' : family.reason, `${name} at ${size}`);
      assert.ok(s.span.start >= text.indexOf('## Notes') && s.span.start < text.indexOf('## Goals'));
      assert.deepEqual(
        result.doc.allSections.map((x) => x.heading.text),
        ['Persona: Dana', 'Notes', 'Goals'],
      );
      assert.equal(result.doc.allSections[2]!.lists[0]!.items.length, 1);
      assert.equal(result.findings.filter((f) => f.rule === 'parse-limit').length, 1);
      assert.deepEqual(result.ruleErrors, []);
    }
  });
}

test('ordinary emphasis, links, comments and code at 96 KB are parsed', { timeout: 20_000 }, () => {
  // Paragraphs, so the chunker cuts them; and one table, which it cannot cut.
  const para =
    'Сегмент SMB растёт на 20% в год, *ключевые* боли — **стоимость** и `сложность`. See [the report](https://example.com) <!-- note -->.\n\n';
  const table =
    '| Segment | **Fit** | Notes |\n|---|---|---|\n' +
    '| SMB *Operators* | 8 | see [report](https://x.y) and `code` |\n'.repeat(1_500);
  for (const body of [para.repeat(Math.floor((96 * 1024) / para.length)), table]) {
    const doc = buildDocument('# T\n\n## Notes\n\n' + body, { cache: null });
    assert.deepEqual(doc.skipped, []);
  }
});

test('rule code is linear: lines of 50,000 placeholders, 10,000 fields, 1 MB', { timeout: 20_000 }, () => {
  const lines = [
    '[Placeholder N] '.repeat(50_000),
    '**Job Title**: [Title]; '.repeat(10_000),
    'YYYY-MM-DD [x] [Amount] '.repeat(45_000),
    'Interviews with 12 buyers, $15B TAM, CAC $300, T-24 weeks, "a quote here" [Name]. '.repeat(12_000),
  ];
  const heads = [
    ['dana.persona.md', '# Persona: Dana\n\n## Research Basis\n\n'],
    ['x.segmentation.md', '# Segmentation Analysis: X\n\n## Market Sizing\n\n'],
    ['x.gtm.md', '# GTM Strategy: X\n\n## Unit Economics\n\n'],
  ] as const;
  for (const line of lines) {
    for (const [path, head] of heads) {
      const text = head + line + '\n\n## Goals\n\n- ship\n';
      const result = lint(text, { path, cache: null });
      assert.equal(result.doc.skipped[0]?.reason, 'chunk-length');
      assert.deepEqual(result.ruleErrors, []);
    }
  }
});
