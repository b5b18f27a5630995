/**
 * The kind schemas are the single source of sections, aliases, templates and checks, so
 * their integrity is tested here: every schema compiles with ajv, every section and field
 * has English and Russian titles and descriptions, and no name is claimed twice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinKinds } from '../../server/src/schemas/builtin';
import { compileKind } from '../../server/src/schemas/validate';
import { lint } from '../../server/src/services/engine';

for (const kind of builtinKinds()) {
  describe(`${kind.kind} schema`, () => {
    test('compiles with ajv in strict mode', () => {
      assert.doesNotThrow(() => compileKind(kind));
    });

    test('every section has titles, descriptions and a template in both languages', () => {
      for (const s of kind.sections) {
        for (const lang of ['en', 'ru'] as const) {
          assert.ok(s.title[lang], `${s.id}: title.${lang}`);
          assert.ok(s.description[lang].length > 20, `${s.id}: description.${lang}`);
          assert.ok(s.template[lang], `${s.id}: template.${lang}`);
        }
        assert.match(s.title.ru, /[а-яё]/i, `${s.id}: the Russian title is in Russian`);
      }
    });

    test('no heading name belongs to two sections, and no field label to two fields', () => {
      const owner = new Map<string, string>();
      for (const s of kind.sections) {
        for (const key of s.keys) {
          assert.ok(!owner.has(key) || owner.get(key) === s.id, `"${key}" names both ${owner.get(key)} and ${s.id}`);
          owner.set(key, s.id);
        }
        const fieldOwner = new Map<string, string>();
        for (const f of s.fields) {
          for (const key of f.keys) {
            assert.ok(!fieldOwner.has(key), `${s.id}: "${key}" names both ${fieldOwner.get(key)} and ${f.id}`);
            fieldOwner.set(key, f.id);
          }
        }
      }
    });

    test('the title template is detected as this kind', () => {
      for (const lang of ['en', 'ru'] as const) {
        const r = lint(`${kind.titleTemplate[lang]}\n`, { path: 'untitled.md' });
        assert.equal(r.detection?.kind.kind, kind.kind, kind.titleTemplate[lang]);
      }
    });
  });
}

test('a README is not a segdoc document and gets nothing', () => {
  const r = lint('# My project\n\n## Installation\n\nRun `npm install`.\n\n## Pain Points\n', { path: 'README.md' });
  assert.equal(r.detection, undefined);
  assert.deepEqual(r.findings, []);
});

test('front matter declares the kind before file name and heading', () => {
  const r = lint('---\nsegdoc: gtm\n---\n# Persona: Dana\n', { path: 'dana.persona.md' });
  assert.equal(r.detection?.kind.kind, 'gtm');
  assert.equal(r.detection?.source, 'front-matter');
  const byName = lint('# Notes\n', { path: '/work/x/dana.persona.md' });
  assert.equal(byName.detection?.kind.kind, 'persona');
  assert.equal(byName.detection?.source, 'file-name');
});

test('Russian headings, numbering and parentheticals match their sections', () => {
  const r = lint('# Персона: Дана\n\n## 1. Демография\n\n## Боли (проблемы, которые мы решаем)\n', { path: 'x.md' });
  assert.equal(r.detection?.kind.kind, 'persona');
  assert.equal(r.doc.language, 'ru');
  assert.deepEqual(
    r.match?.matches.map((m) => m.spec.id),
    ['demographics', 'pain-points'],
  );
});
