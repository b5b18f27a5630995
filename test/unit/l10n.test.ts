/**
 * Every text a user sees is translated: the l10n bundles (l10n/bundle.l10n.<locale>.json)
 * and the manifest's package.nls.<locale>.json hold a translation of each English text, with
 * the same placeholders, and no English is left in them except product names and terms a
 * marketer writes as they are (TAM, CAC, Markdown, …). One suite per locale.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { localize, localizeCount, LOCALES, type Locale } from '../../server/src/l10n';
import { ruleById } from '../../server/src/rules/registry';
import { lint } from '../../server/src/services/engine';
import { bundleText, BUNDLE_PATH, expectedKeys, SOURCES } from '../../scripts/l10n';
import { englishWords } from '../fixtures/l10n';

const root = resolve(__dirname, '..', '..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/** The English text of a bundle key (a plural form's key ends in `/<category>`). */
function englishOf(key: string, english: Record<string, unknown>): string {
  const entry = english[key] ?? english[key.replace(/\/(few|many|two|zero)$/, '/other')];
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && 'message' in entry) return String((entry as { message: string }).message);
  return key.replace(/\/\w+$/, '');
}

function checkTranslations(translations: Record<string, string>, englishFor: (key: string) => string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(translations)) {
    const english = englishFor(key);
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${JSON.stringify(key)}: empty translation`);
      continue;
    }
    if (placeholders(value).join() !== placeholders(english).join()) {
      problems.push(
        `${JSON.stringify(key)}: placeholders ${placeholders(value).join(' ') || '(none)'} instead of ${placeholders(english).join(' ') || '(none)'}`,
      );
    }
    const left = englishWords(value);
    if (left.length) problems.push(`${JSON.stringify(key)}: English left in the translation: ${left.join(', ')}`);
    if (englishWords(english).length && value === english) problems.push(`${JSON.stringify(key)}: not translated`);
  }
  return problems;
}

describe('l10n: the English bundle', () => {
  test('l10n/bundle.l10n.json lists every text of the code (run `npm run l10n` after changing a message)', () => {
    assert.equal(readFileSync(BUNDLE_PATH, 'utf8'), bundleText());
  });

  test('every module that localizes text is a source of the bundle, and every source localizes', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(relative(root, path).split('\\').join('/'));
      }
    };
    walk(join(root, 'server', 'src'));
    walk(join(root, 'client', 'src'));
    const localizing = files
      .filter(
        (f) =>
          f !== 'server/src/l10n/index.ts' &&
          /\b(localize|localizeCount|translator|counter)\(/.test(readFileSync(join(root, f), 'utf8')),
      )
      .sort();
    assert.deepEqual(localizing, Object.keys(SOURCES).sort());
  });

  test('no English text of the code is left in an English-only catalogue: the old en/ru pairs are gone', () => {
    for (const file of Object.keys(SOURCES)) {
      assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /\bru: ['"`]/, file);
    }
  });
});

const TRANSLATED = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');

for (const locale of TRANSLATED) {
  describe(`l10n: ${locale}`, () => {
    const english = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8')) as Record<string, unknown>;
    const bundle = readJson(join(root, 'l10n', `bundle.l10n.${locale}.json`));

    test(`bundle.l10n.${locale}.json translates every text, plural forms in each ${locale} category, and nothing else`, () => {
      const expected = expectedKeys(locale);
      const missing = expected.filter((k) => !(k in bundle));
      const stale = Object.keys(bundle).filter((k) => !expected.includes(k));
      assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
    });

    test(`bundle.l10n.${locale}.json keeps the placeholders and leaves no English but product names`, () => {
      assert.deepEqual(
        checkTranslations(bundle, (key) => englishOf(key, english)),
        [],
      );
    });

    test(`package.nls.${locale}.json translates every manifest string and leaves no English`, () => {
      const base = readJson(join(root, 'package.nls.json'));
      const nls = readJson(join(root, `package.nls.${locale}.json`));
      assert.deepEqual(Object.keys(nls).sort(), Object.keys(base).sort());
      assert.deepEqual(
        checkTranslations(nls, (key) => base[key]!),
        [],
      );
    });
  });
}

describe('l10n: lookups', () => {
  test('a rule message and its fix title in Russian, with the arguments filled', () => {
    const rule = ruleById('required-section')!;
    assert.equal(localize('ru', rule.messages.missing!, { section: 'Цели' }), 'Отсутствует обязательный раздел «Цели»');
    assert.equal(localize('en', rule.messages.missing!, { section: 'Goals' }), 'Missing required section "Goals"');
    // Switching back and forth between locales in one process keeps each call in its own.
    assert.equal(localize('ru', rule.messages.insert!, { section: 'Цели' }), 'Вставить раздел «Цели»');
  });

  test('plural forms follow each language: 1 / 2 / 5 / 21 in Russian, 1 / 2 in English', () => {
    const plural = { one: '{n} error', other: '{n} errors' };
    assert.deepEqual(
      [1, 2, 5, 21, 0].map((n) => localizeCount('ru', n, plural)),
      ['1 ошибка', '2 ошибки', '5 ошибок', '21 ошибка', '0 ошибок'],
    );
    assert.deepEqual(
      [1, 2, 0].map((n) => localizeCount('en', n, plural)),
      ['1 error', '2 errors', '0 errors'],
    );
  });

  test('a message chooses a word by a number: {count:segment|segments}, and the forms of each Russian category', () => {
    const english = (count: number): string => localize('en', 'Found {count} {count:segment|segments}', { count });
    assert.deepEqual([1, 2, 0].map(english), ['Found 1 segment', 'Found 2 segments', 'Found 0 segments']);
    const russian = (count: number): string => localize('ru', '{count} {count:пункт|пункта|пунктов|пункта}', { count });
    assert.deepEqual([1, 3, 5, 21, 1.5].map(russian), ['1 пункт', '3 пункта', '5 пунктов', '21 пункт', '1.5 пункта']);
    // Fewer forms than categories: the last stands for the rest; a missing or non-numeric argument leaves the text.
    assert.equal(localize('ru', '{count} {count:раз|раза}', { count: 5 }), '5 раза');
    assert.equal(localize('en', '{count:item|items} left', {}), '{count:item|items} left');
    assert.equal(localize('en', 'in {name:a|b}', { name: 'x' }), 'in {name:a|b}');
    // Rule messages use it: one segment found is "1 segment".
    const finding = lint('# Segmentation Analysis: Tiny\n\n## Segment Profiles\n\n### Segment 1: Only one\n', { locale: 'en' });
    const count = finding.findings.find((f) => f.rule === 'segment-count');
    assert.match(count?.message ?? '', /^Found 1 segment;/);
  });

  test('a text with no translation falls back to English rather than to an empty string', () => {
    assert.equal(localize('ru', 'Not in any bundle {x}', { x: 1 }), 'Not in any bundle 1');
  });

  test('the English-word check catches English and lets product names through', () => {
    assert.deepEqual(englishWords('Missing section «Цели»'), ['Missing', 'section']);
    assert.deepEqual(englishWords('LTV/CAC {value} — не выше {bar}x; segdoc, TAM, "en", --max-warnings, *.md, T-24'), []);
  });
});
