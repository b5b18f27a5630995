/**
 * Snippets are generated from the kind schemas (scripts/gen-snippets.ts). This test fails
 * when the committed file is stale, checks that there is one for every template of the methodology
 * (docs/methodology.md) in both languages and that the block templates agree with the schemas they sit beside, and
 * checks what a user gets from each snippet: expanded as inserted, only placeholders (and
 * missing recommended sections) are reported; with every placeholder filled in, only missing
 * recommended sections remain. A block (a pain point, a segment, …) is checked inside a
 * minimal document of its kind: the kind's own snippet with the block at the end of the
 * section it belongs in.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { renderSnippetsFile, snippetPrefix, snippetSources, SNIPPETS_PATH, type Snippet } from '../../scripts/gen-snippets';
import { normalizeKey } from '../../server/src/model/normalize';
import { builtinKind } from '../../server/src/schemas/builtin';
import { pick } from '../../server/src/schemas/kinds';
import { lint } from '../../server/src/services/engine';
import { realistic } from '../fixtures/authoring/realistic';

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

describe('snippets', () => {
  const sources = snippetSources();
  const source = (prefix: string) => {
    const found = sources.find((s) => s.snippet.prefix === prefix);
    assert.ok(found, `a snippet with prefix ${prefix}`);
    return found;
  };

  test('the committed snippets file is what scripts/gen-snippets.ts generates from the kind schemas', () => {
    assert.equal(committed, renderSnippetsFile(), 'snippets/segdoc.code-snippets is stale: run npx tsx scripts/gen-snippets.ts');
  });

  test('every template of the methodology has an English and a Russian snippet', () => {
    const prefixes = Object.values(snippets)
      .map((s) => s.prefix)
      .sort();
    const templates = [
      'gtm',
      'jtbd',
      'objection',
      'pain-point',
      'persona',
      'persona-full',
      'positioning',
      'prioritization',
      'segment',
      'segmentation',
    ];
    assert.deepEqual(prefixes, templates.flatMap((p) => [p, `${p}-ru`]).sort());
    for (const s of Object.values(snippets)) {
      assert.ok(s.description.length > 20, `${s.prefix} has a description`);
      if (s.prefix.endsWith('-ru')) assert.match(s.description, /[а-яё]/iu, `${s.prefix} is described in Russian`);
      else assert.doesNotMatch(s.description, /[а-яё]/iu, `${s.prefix} is described in English`);
    }
  });

  test('placeholders are tabstops that keep the placeholder as default text', () => {
    const persona = Object.values(snippets).find((s) => s.prefix === 'persona')!;
    assert.equal(persona.body[0], '# Persona: ${1:[Persona Name]} - ${2:[Role]}');
    // `$[Amount]` keeps its `$` as escaped literal text before the tabstop, so that typing
    // `2M` gives `$2M`; an unescaped `$` would start a snippet variable instead.
    const lines = Object.values(snippets).flatMap((s) => s.body);
    assert.ok(
      lines.some((l) => /\\\$\$\{\d+:\[[^\]]+\]\}/.test(l)),
      'some snippet has an escaped $ before a tabstop',
    );
    assert.deepEqual(
      lines.filter((l) => /(^|[^\\])\$(?![{\d])/.test(l)),
      [],
      'every literal $ is escaped',
    );
  });

  test('the comprehensive persona has every persona section, recommended ones included, in the order of the comprehensive persona template', () => {
    const persona = builtinKind('persona')!;
    const spec = source('persona-full').spec;
    assert.deepEqual(
      spec.sections!.map((s) => s.id).sort(),
      persona.sections.map((s) => s.id).sort(),
      'every section of the persona schema, each once',
    );
    // The comprehensive persona ("Persona Template (Comprehensive)"): decision criteria sit inside "Buying
    // Behavior & Decision Process", psychographics come before media consumption.
    const ids = spec.sections!.map((s) => s.id);
    for (const [a, b] of [
      ['executive-summary', 'demographics'],
      ['quote', 'background'],
      ['pain-points', 'buying-process'],
      ['buying-process', 'decision-criteria'],
      ['objections', 'psychographics'],
      ['psychographics', 'information-sources'],
      ['jtbd', 'messaging'],
      ['real-quotes', 'data-sources'],
      ['data-sources', 'persona-validation'],
    ]) {
      assert.ok(ids.indexOf(a!) < ids.indexOf(b!), `${a} before ${b}`);
    }
    const body = snippets['segdoc: Buyer persona (comprehensive)']!.body.join('\n');
    for (const title of [
      '## Executive Summary',
      '## Quote',
      '## Objections & Concerns',
      '## Needs Analysis (Jobs-to-be-Done)',
      '## Segment Economics',
      '## Real Quotes',
      '## Data Sources',
      '## Persona Validation',
    ]) {
      assert.ok(body.includes(title), `the comprehensive persona has ${title}`);
    }
  });

  test('the positioning block is the Moore statement the GTM positioning section starts with', () => {
    const gtm = builtinKind('gtm')!;
    const section = gtm.sections.find((s) => s.id === 'positioning')!;
    for (const language of ['en', 'ru'] as const) {
      const block = pick(source(snippetPrefix(source('positioning').spec, language)).spec.template!, language);
      assert.equal(block.split('\n').length, 6, 'For, Who, Our … is, That, Unlike, Our product');
      assert.ok(pick(section.template, language).startsWith(block), `${language}: the section template starts with the block`);
    }
  });

  test('the JTBD block is the statement of the persona JTBD section, and the objection block is the Objections template', () => {
    const persona = builtinKind('persona')!;
    const jtbd = persona.sections.find((s) => s.id === 'jtbd')!;
    const objections = persona.sections.find((s) => s.id === 'objections')!;
    for (const language of ['en', 'ru'] as const) {
      const statement = pick(source('jtbd').spec.template!, language).replace(/^\*\*[^*]+\*\*:\s*/, '');
      assert.ok(
        pick(jtbd.template, language).toLowerCase().includes(statement.toLowerCase()),
        `${language}: "${statement}" is in the JTBD section template`,
      );
      assert.equal(source('objection').spec.template, objections.template);
      const pain = pick(source('pain-point').spec.template!, language);
      const quote = pain.split('\n').find((l) => /\*\*(Quote|Цитата)\*\*/.test(l))!;
      assert.ok(
        pick(persona.sections.find((s) => s.id === 'pain-points')!.template, language).includes(quote),
        `${language}: the pain point's quote line is the Pain Points template's`,
      );
    }
  });

  test('every label of the segment block names a segment field of the vocabulary, and every kind of field the criteria read is there', () => {
    const kind = builtinKind('segmentation')!;
    for (const language of ['en', 'ru'] as const) {
      const text = pick(source('segment').spec.template!, language);
      const labels = [...text.matchAll(/\*\*([^*]+)\*\*\s*(?:\([^)]*\))?:/g)].map((m) => m[1]!);
      const [first, ...rest] = labels;
      assert.ok(kind.segment!.keys.has(normalizeKey(first!)), `${language}: "${first}" names a segment`);
      const categories = new Set<string>();
      for (const label of rest) {
        const field = kind.segmentFields.find((f) => f.keys.has(normalizeKey(label)));
        assert.ok(field, `${language}: "${label}" is a segment field`);
        categories.add(field.category!);
      }
      for (const c of [
        'firmographic',
        'behavioral',
        'psychographic',
        'needs',
        'pains',
        'size',
        'acv',
        'revenue',
        'channels',
        'value-proposition',
        'strategy',
        'priority',
      ]) {
        assert.ok(categories.has(c), `${language}: the segment block has a ${c} field`);
      }
    }
  });

  for (const { name, kind, spec, language, snippet } of sources) {
    // A block is checked inside the kind's own snippet, at the end of the section it belongs in.
    const home =
      spec.block === undefined
        ? undefined
        : sources.find((s) => s.kind === kind && s.spec.id === 'default' && s.language === language)!;
    const body = home
      ? insertBlock(
          home.snippet.body,
          kind.sections.find((s) => s.id === spec.block)!,
          kind.sectionDepth,
          language,
          snippet.body,
        )
      : snippet.body.join('\n') + '\n';
    const where = home ? ` (inside a ${kind.kind} document)` : '';

    test(`${snippet.prefix}: as inserted${where}, only placeholders and missing recommended sections are reported`, () => {
      const text = expand(body, (value) => value);
      const result = lint(text, { path: 'x.md', now: NOW });
      assert.ok(result.detection, `${name} is detected as a segdoc document`);
      assert.equal(result.detection.kind.kind, kind.kind);
      assert.equal(result.doc.language, language, `${name} is detected as ${language}`);
      const unexpected = result.findings.filter((f) => f.rule !== 'placeholder' && f.rule !== 'recommended-section');
      assert.deepEqual(
        unexpected.map((f) => `${f.range.start.line + 1}: ${f.rule} ${f.message}`),
        [],
      );
      assert.ok(
        result.findings.some((f) => f.rule === 'placeholder'),
        `${name} as inserted has placeholder findings`,
      );
    });

    test(`${snippet.prefix}: filled in${where}, only missing recommended sections are reported`, () => {
      const text = expand(body, realistic(language));
      const result = lint(text, { path: 'x.md', now: NOW });
      assert.ok(result.detection, `${name} filled in is still detected`);
      // A template with every section of its kind (the comprehensive persona) leaves nothing
      // at all; the others leave only the info hints about recommended sections they lack.
      const complete = kind.sections.every((s) => result.match?.byId.has(s.id));
      if (snippet.prefix.startsWith('persona-full'))
        assert.ok(complete, 'the comprehensive persona has every section of its kind');
      const unexpected = result.findings.filter((f) => complete || f.rule !== 'recommended-section');
      assert.deepEqual(
        unexpected.map(
          (f) => `${f.range.start.line + 1}: ${f.rule} ${f.message} — ${JSON.stringify(text.split('\n')[f.range.start.line])}`,
        ),
        [],
      );
    });
  }
});

/**
 * The snippet body of a document with a block snippet's body added at the end of a section's
 * own text: before the next heading (a subheading too: a `**Segment**:` block under
 * `### Segment 3` would belong to that segment), after one blank line. A section
 * the document does not have (a recommended one, such as Objections) is added at the end,
 * with the block as its body.
 */
function insertBlock(
  document: string[],
  section: { title: { en: string; ru: string } },
  depth: number,
  language: 'en' | 'ru',
  block: string[],
): string {
  const heading = `${'#'.repeat(depth)} ${escape(pick(section.title, language))}`;
  const at = document.indexOf(heading);
  if (at < 0) return [...document, '', heading, '', ...block].join('\n') + '\n';
  let end = document.findIndex((l, i) => i > at && /^#{1,6} /.test(l));
  if (end < 0) end = document.length;
  const before = document.slice(0, end);
  while (before.length && before[before.length - 1] === '') before.pop();
  const after = document.slice(end);
  return [...before, '', ...block, ...(after.length ? ['', ...after] : [])].join('\n') + '\n';
}

/** A heading as it appears in a snippet body (`$`, `}` and `\\` escaped). */
function escape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
