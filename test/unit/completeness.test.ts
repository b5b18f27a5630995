/**
 * Honest completeness (services/scores.ts): an untouched template of every kind — each
 * document template in both languages, and each document snippet as it is inserted — starts
 * below 20 %; every example in examples/ and every good realistic fixture is 100 %; a persona
 * half taken from a filled example and half left as the template is in between, and what the
 * template half still holds is what `missing` lists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'jsonc-parser';
import { builtinKind, builtinKinds } from '../../server/src/schemas/builtin';
import { lint } from '../../server/src/services/engine';
import { computeScores, type Completeness } from '../../server/src/services/scores';
import { LANGUAGES, renderTemplate, templateSpecs } from '../../server/src/services/templates';

const repoRoot = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-23T12:00:00Z');

function completeness(text: string, file: string): Completeness {
  const scores = computeScores(lint(text, { path: file, now: NOW }));
  assert.ok(scores, `${file} is a segdoc document`);
  return scores.completeness;
}

/** What a snippet inserts when every tabstop keeps its default text. */
function snippetText(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:((?:[^\\}]|\\.)*)\}/g, '$1')
    .replace(/\\([\\$}])/g, '$1');
}

describe('completeness of untouched templates', () => {
  for (const kind of builtinKinds()) {
    for (const spec of templateSpecs(kind).filter((s) => s.block === undefined)) {
      for (const language of LANGUAGES) {
        test(`${kind.kind} ${spec.id} (${language}) is below 20 %`, () => {
          const c = completeness(renderTemplate(kind, language, spec.id)!.text, 'untitled.md');
          assert.ok(c.percent < 20, `${c.percent}% (${c.filled}/${c.total})`);
          assert.equal(c.missing.length > 0, true);
        });
      }
    }
  }

  test('every document snippet, as inserted, is below 20 %', () => {
    const snippets = parse(readFileSync(path.join(repoRoot, 'snippets', 'segdoc.code-snippets'), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >;
    const documents = Object.values(snippets).filter((s) => s.body[0]?.startsWith('# ') || s.body[0] === '---');
    // One per document template and language: persona, persona-full, segmentation, gtm, prioritization, twice.
    assert.equal(documents.length, 10, documents.map((s) => s.prefix).join(', '));
    for (const snippet of documents) {
      const c = completeness(snippetText(snippet.body), 'untitled.md');
      assert.ok(c.percent < 20, `${snippet.prefix}: ${c.percent}% (${c.filled}/${c.total})`);
    }
  });
});

describe('completeness of filled documents', () => {
  const examples = ['en', 'ru'].flatMap((lang) =>
    readdirSync(path.join(repoRoot, 'examples', lang))
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join('examples', lang, f)),
  );
  const good = readdirSync(path.join(repoRoot, 'test', 'fixtures', 'realistic'))
    .filter((f) => f.startsWith('good-') && f.endsWith('.md'))
    .map((f) => path.join('test', 'fixtures', 'realistic', f));

  test('there are examples of every kind and good fixtures to check', () => {
    assert.ok(examples.length >= 8 && good.length >= 10, `${examples.length} examples, ${good.length} good fixtures`);
  });

  for (const file of [...examples, ...good]) {
    test(`${file} is 100 %`, () => {
      const c = completeness(readFileSync(path.join(repoRoot, file), 'utf8'), path.basename(file));
      assert.deepEqual([c.percent, c.missing], [100, []]);
      assert.equal(c.filled, c.total);
    });
  }
});

describe('completeness of a half-filled document', () => {
  test('a persona filled up to Decision Criteria, the template after it: in between, the template half missing', () => {
    const example = readFileSync(path.join(repoRoot, 'examples', 'en', 'devops-dana.persona.md'), 'utf8');
    const template = renderTemplate(builtinKind('persona')!, 'en')!.text;
    const cut = example.indexOf('## Buying Process');
    const from = template.indexOf('## Buying Process');
    assert.ok(cut > 0 && from > 0);
    const c = completeness(example.slice(0, cut) + template.slice(from), 'dana.persona.md');
    assert.ok(c.percent > 20 && c.percent < 100, `${c.percent}%`);
    // The example's part counts; the template's sections and their required fields do not.
    assert.deepEqual(
      c.missing.map((m) => `${m.label} (${m.reason})`),
      [
        'Buying Process (placeholder)',
        'Buying Process › Role in Decision (placeholder)',
        'Information Sources (placeholder)',
        'Messaging (placeholder)',
        'Messaging › Value Proposition (placeholder)',
        'Marketing Tactics (placeholder)',
      ],
    );
    assert.equal(c.filled, c.total - c.missing.length);
    // Each unfilled item leads to its place: the section's heading, the field's line.
    for (const m of c.missing) assert.ok(m.range && m.range.start.line > 0, m.label);
  });
});
