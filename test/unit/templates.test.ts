/**
 * Templates built from the kind schemas (server/src/services/templates.ts): the default
 * document of each kind, the variants and blocks listed under `x-segdoc.templates`, the
 * snippet form (placeholders as tabstops), front matter for a title that would not be
 * recognised, and clear errors for malformed entries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import persona from '../../schemas/persona.schema.json';
import { builtinKind, builtinKinds } from '../../server/src/schemas/builtin';
import { readKindSchema, type JsonSchema } from '../../server/src/schemas/kinds';
import { lint } from '../../server/src/services/engine';
import {
  documentTemplates,
  renderTemplate,
  requiredSections,
  templateSpecs,
  templateText,
  toSnippet,
} from '../../server/src/services/templates';

/** The persona schema with `x-segdoc` changed by `edit` (a deep copy). */
function personaWith(edit: (x: Record<string, unknown>) => void): JsonSchema {
  const json = JSON.parse(JSON.stringify(persona)) as JsonSchema;
  edit(json['x-segdoc'] as Record<string, unknown>);
  return json;
}

describe('templates', () => {
  test('every kind has its default document first; the schemas add the methodology templates', () => {
    const ids = Object.fromEntries(builtinKinds().map((k) => [k.kind, templateSpecs(k).map((s) => s.id)]));
    assert.deepEqual(ids, {
      persona: ['default', 'comprehensive', 'pain-point', 'objection', 'jtbd'],
      segmentation: ['default', 'segment'],
      gtm: ['default', 'positioning'],
      prioritization: ['default'],
    });
    const prefixes = builtinKinds().flatMap((k) => templateSpecs(k).map((s) => s.prefix));
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique across kinds');
  });

  test('the default document: the title, then the required sections in template order', () => {
    const kind = builtinKind('persona')!;
    const text = renderTemplate(kind, 'en')!.text;
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, ['# Persona: [Persona Name] - [Role]', ...requiredSections(kind).map((s) => `## ${s.title.en}`)]);
    // The prioritization matrix is required through the top-level `matrices` property.
    assert.match(renderTemplate(builtinKind('prioritization')!, 'ru')!.text, /^## Матрица приоритизации$/m);
  });

  test('a document variant writes its sections in its own order; Russian titles in Russian', () => {
    const kind = builtinKind('persona')!;
    const full = renderTemplate(kind, 'ru', 'comprehensive')!;
    assert.equal(full.title, 'Персона покупателя (подробная)');
    const headings = full.text.split('\n').filter((l) => l.startsWith('## '));
    assert.equal(headings.length, kind.sections.length);
    assert.equal(headings[0], '## Краткое описание');
    assert.equal(headings.at(-1), '## Валидация персоны');
    assert.ok(
      headings.indexOf('## Психография') < headings.indexOf('## Источники информации'),
      'the comprehensive persona: psychographics before media consumption',
    );
  });

  test('a block is its own text, or its section’s template when the schema gives none', () => {
    const kind = builtinKind('persona')!;
    const specs = templateSpecs(kind);
    const objection = specs.find((s) => s.id === 'objection')!;
    assert.equal(objection.block, 'objections');
    assert.equal(templateText(kind, objection, 'ru'), `${kind.sections.find((s) => s.id === 'objections')!.template.ru}\n`);
    const jtbd = specs.find((s) => s.id === 'jtbd')!;
    assert.equal(
      templateText(kind, jtbd, 'en'),
      '**Job Statement**: When [situation], I want to [motivation], so I can [outcome]\n',
    );
    assert.match(
      templateText(builtinKind('segmentation')!, templateSpecs(builtinKind('segmentation')!)[1]!, 'ru'),
      /^\*\*Сегмент\*\*: \[Название сегмента\]\n/,
    );
  });

  test('the New Document list has the documents, not the blocks', () => {
    assert.deepEqual(
      documentTemplates(builtinKinds()).map((e) => `${e.kind}/${e.variant}`),
      ['persona/default', 'persona/comprehensive', 'segmentation/default', 'gtm/default', 'prioritization/default'],
    );
  });

  test('snippets: placeholders become tabstops that keep their text; literal $ } \\ are escaped', () => {
    assert.equal(toSnippet('# Persona: [Name] - [Role]\n'), '# Persona: ${1:[Name]} - ${2:[Role]}\n');
    assert.equal(toSnippet('- **ACV**: $[Amount]'), '- **ACV**: \\$${1:[Amount]}');
    assert.equal(toSnippet('- **Date**: YYYY-MM-DD'), '- **Date**: ${1:YYYY-MM-DD}');
    // Task boxes, links and footnotes are not placeholders; braces and backslashes are text.
    assert.equal(
      toSnippet('- [ ] done [x] [see](https://example.com) [^1] {a} \\'),
      '- [ ] done [x] [see](https://example.com) [^1] {a\\} \\\\',
    );
  });

  test('every document template lints clean apart from placeholders and recommended sections', () => {
    for (const kind of builtinKinds()) {
      for (const spec of templateSpecs(kind).filter((s) => s.block === undefined)) {
        for (const language of ['en', 'ru'] as const) {
          const text = renderTemplate(kind, language, spec.id)!.text;
          const result = lint(text, { path: 'untitled:Untitled-1' });
          assert.equal(
            result.detection?.kind.kind,
            kind.kind,
            `${kind.kind}/${spec.id}/${language} is detected without a file name`,
          );
          const other = result.findings.filter((f) => f.rule !== 'placeholder' && f.rule !== 'recommended-section');
          assert.deepEqual(
            other.map((f) => `${f.rule}: ${f.message}`),
            [],
            `${kind.kind}/${spec.id}/${language}`,
          );
        }
      }
    }
  });

  test('front matter names the kind when its title alone would not be recognised', () => {
    const json = personaWith((x) => {
      x['kind'] = 'team-persona';
      x['titleTemplate'] = { en: '# [Persona Name]', ru: '# [Имя персоны]' };
      x['detect'] = { headings: ['^team persona:'] };
    });
    const kind = readKindSchema(json, 'test:team-persona');
    const text = renderTemplate(kind, 'en')!.text;
    assert.match(text, /^---\nsegdoc: team-persona\n---\n\n# \[Persona Name\]\n/);
    assert.ok(!renderTemplate(builtinKind('persona')!, 'en')!.text.startsWith('---'), 'a recognised title needs none');
  });

  test('malformed entries fail with a message that names the schema and the entry', () => {
    const specs = (edit: (x: Record<string, unknown>) => void) => () =>
      templateSpecs(readKindSchema(personaWith(edit), 'test:persona'));
    const entry = { id: 'x', prefix: 'x', title: { en: 'X', ru: 'Икс' }, description: { en: 'X', ru: 'Икс' } };
    assert.throws(
      specs((x) => (x['templates'] = [{ ...entry, block: 'nope' }])),
      /test:persona: x-segdoc\.templates\[0\] names a section the kind does not have: "nope"/,
    );
    assert.throws(
      specs((x) => (x['templates'] = [{ ...entry, sections: ['demographics', 'nope'] }])),
      /names a section the kind does not have: "nope"/,
    );
    assert.throws(
      specs((x) => (x['templates'] = [entry])),
      /needs "block" \(a section id\) or "sections"/,
    );
    assert.throws(
      specs((x) => (x['templates'] = [{ ...entry, prefix: 'persona', block: 'quote' }])),
      /repeats an id or a prefix/,
    );
    assert.throws(
      specs((x) => (x['templates'] = [{ ...entry, title: 'X', block: 'quote' }])),
      /title needs \{ "en": …, "ru": … \}/,
    );
    assert.throws(
      specs((x) => (x['templates'] = { id: 'x' })),
      /"x-segdoc\.templates" must be an array/,
    );
  });
});
