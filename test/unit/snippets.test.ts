/**
 * Snippets are generated from the kind schemas (scripts/gen-snippets.ts). This test fails
 * when the committed file is stale, and checks what a user gets from each snippet: expanded
 * as inserted, only placeholders (and missing recommended sections) are reported; with every
 * placeholder filled in, only missing recommended sections remain.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { renderSnippetsFile, SNIPPETS_PATH, type Snippet } from '../../scripts/gen-snippets';
import { lint } from '../../server/src/services/engine';

const committed = readFileSync(SNIPPETS_PATH, 'utf8');
const snippets = JSON.parse(committed) as Record<string, Snippet>;

/**
 * Expands a snippet body the way VS Code does for the subset the generator writes: escapes
 * (`\$`, `\}`, `\\`), tabstops `$1` / `${1}` and placeholders `${1:default}`. `fill` chooses
 * each placeholder's text from its default and the text expanded so far.
 */
function expand(body: string, fill: (value: string, before: string) => string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$') {
      const simple = /^\$(\d+)|^\$\{(\d+)\}/.exec(body.slice(i));
      if (simple) {
        i += simple[0].length;
        continue;
      }
      assert.ok(body.startsWith('${', i), `unsupported snippet syntax at ${JSON.stringify(body.slice(i, i + 20))}`);
      const head = /^\$\{(\d+):/.exec(body.slice(i));
      assert.ok(head, `unsupported snippet syntax at ${JSON.stringify(body.slice(i, i + 20))}`);
      i += head[0].length;
      let value = '';
      while (i < body.length && body[i] !== '}') {
        if (body[i] === '\\' && i + 1 < body.length) i++;
        assert.notEqual(body[i], '$', 'nested snippet syntax is not expected in a placeholder');
        value += body[i++];
      }
      assert.equal(body[i], '}', 'unterminated placeholder');
      i++;
      out += fill(value, out);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const NOW = new Date();
const RECENT = new Date(NOW.getTime() - 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * A realistic value for a template placeholder, the kind of thing a marketer would type:
 * dates, amounts and counts as numbers, the first option of `[A/B/C]` choices (enum values),
 * segment names that agree between the matrix and the tiers, and otherwise a word.
 */
function realistic(language: 'en' | 'ru'): (value: string, before: string) => string {
  const segments = language === 'en' ? ['Fintech Startups', 'Regional Retailers', 'Public Sector'] : ['Финтех-стартапы', 'Региональный ретейл', 'Госсектор'];
  const words = language === 'en' ? ['Acme', 'Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella'] : ['Альфа', 'Вектор', 'Орбита', 'Север', 'Гранит', 'Парус'];
  const percents = [50, 30, 20];
  let word = 0;
  let percent = 0;
  return (value, before) => {
    const inner = value.replace(/^\[|\]$/g, '').trim();
    const heading = /^#+\s+(.*)$/gm;
    let lastHeading = '';
    for (let m = heading.exec(before); m; m = heading.exec(before)) lastHeading = m[1]!;
    if (/^(YYYY|ГГГГ|DD|ДД)/.test(value) || /\b(date|deadline)\b|дата|срок(?!\s+оценки)/iu.test(inner)) return RECENT;
    if (before.endsWith('$')) return '2M';
    if (inner === '%') return `${percents[percent++ % percents.length]}%`;
    if (/>\s*3x/.test(inner)) return '4x';
    if (/<\s*6/.test(inner)) return language === 'en' ? '5 months' : '5 месяцев';
    if (/>\s*100%/.test(inner)) return '110%';
    if (/number|count|# of|количеств|число/iu.test(inner)) return language === 'en' ? '1,200 companies' : '1 200 компаний';
    const segment = /^(?:segment|сегмент)\s+(\d)$/iu.exec(inner);
    if (segment) return segments[Number(segment[1]) - 1] ?? segments[0]!;
    // `### Segment 1: [Segment Name]` names the segment that `[Segment 1]` stands for elsewhere.
    const numbered = /(?:segment|сегмент)\s+(\d)\s*:\s*$/iu.exec(before.slice(before.lastIndexOf('\n') + 1));
    if (numbered) return segments[Number(numbered[1]) - 1] ?? segments[0]!;
    const tier = /(?:tier|уровень)\s+(\d)/iu.exec(lastHeading);
    if (tier && /segment|сегмент/iu.test(inner)) return segments[Number(tier[1]) - 1] ?? segments[0]!;
    if (inner.includes('/')) return inner.split('/')[0]!.trim();
    return words[word++ % words.length]!;
  };
}

describe('snippets', () => {
  test('the committed snippets file is what scripts/gen-snippets.ts generates from the kind schemas', () => {
    assert.equal(committed, renderSnippetsFile(), 'snippets/segdoc.code-snippets is stale: run npx tsx scripts/gen-snippets.ts');
  });

  test('every kind has an English and a Russian snippet', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, ['gtm', 'gtm-ru', 'persona', 'persona-ru', 'prioritization', 'prioritization-ru', 'segmentation', 'segmentation-ru']);
    for (const s of Object.values(snippets)) {
      assert.ok(s.description.length > 20, `${s.prefix} has a description`);
      if (s.prefix.endsWith('-ru')) assert.match(s.description, /[а-яё]/iu, `${s.prefix} is described in Russian`);
    }
  });

  test('placeholders are tabstops that keep the placeholder as default text', () => {
    const persona = Object.values(snippets).find((s) => s.prefix === 'persona')!;
    assert.equal(persona.body[0], '# Persona: ${1:[Persona Name]} - ${2:[Role]}');
    // `$[Amount]` keeps its `$` as escaped literal text before the tabstop, so that typing
    // `2M` gives `$2M`; an unescaped `$` would start a snippet variable instead.
    const lines = Object.values(snippets).flatMap((s) => s.body);
    assert.ok(lines.some((l) => /\\\$\$\{\d+:\[[^\]]+\]\}/.test(l)), 'some snippet has an escaped $ before a tabstop');
    assert.deepEqual(lines.filter((l) => /(^|[^\\])\$(?![{\d])/.test(l)), [], 'every literal $ is escaped');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    const language = snippet.prefix.endsWith('-ru') ? 'ru' : 'en';
    const body = snippet.body.join('\n') + '\n';

    test(`${snippet.prefix}: as inserted, only placeholders and missing recommended sections are reported`, () => {
      const text = expand(body, (value) => value);
      const result = lint(text, { path: 'x.md', now: NOW });
      assert.ok(result.detection, `${name} is detected as a segdoc document`);
      assert.equal(result.doc.language, language, `${name} is detected as ${language}`);
      const unexpected = result.findings.filter((f) => f.rule !== 'placeholder' && f.rule !== 'recommended-section');
      assert.deepEqual(unexpected.map((f) => `${f.range.start.line + 1}: ${f.rule} ${f.message}`), []);
      assert.ok(result.findings.some((f) => f.rule === 'placeholder'), `${name} as inserted has placeholder findings`);
    });

    test(`${snippet.prefix}: filled in, only missing recommended sections are reported`, () => {
      const text = expand(body, realistic(language));
      const result = lint(text, { path: 'x.md', now: NOW });
      assert.ok(result.detection, `${name} filled in is still detected`);
      const unexpected = result.findings.filter((f) => f.rule !== 'recommended-section');
      assert.deepEqual(
        unexpected.map((f) => `${f.range.start.line + 1}: ${f.rule} ${f.message} — ${JSON.stringify(text.split('\n')[f.range.start.line])}`),
        [],
      );
    });
  }
});
