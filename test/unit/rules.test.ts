/**
 * Rule fixtures (markdownlint's test/*.md, remark-lint's @example pairs): every rule has
 * documents it accepts and documents it rejects, in English and in Russian, under
 * test/fixtures/rules/<rule-id>/ (test/README.md says how to add one). Beside a rejected
 * `<name>.md` sits `<name>.expected`, that rule's findings one per line as an editor shows
 * them:
 *
 *   startLine:startCol-endLine:endCol rule-id message      (1-based lines and columns)
 *
 * An accepted document needs no `.expected`: none means no findings of its rule; one that
 * exists is compared all the same. A fixture starting with `<!-- fixture: <kind> <lang> -->`
 * holds only the lines its rule needs and is checked inside a minimal valid document of that
 * kind (test/fixtures/wrap.ts); its positions still count the lines of the fixture file.
 * `UPDATE_GOLDEN=1` rewrites the golden files from the current output (review the diff before
 * committing it).
 *
 * Every fix of every finding in a rejected document is applied and the document linted again:
 * the finding must be gone. A few fixes are also checked for the exact text they produce.
 */
import { segmentsWorkspace } from '../../server/src/rules/workspace/model';
import type { KnownSegment } from '../../server/src/rules/types';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { rules } from '../../server/src/rules/registry';
import { longestOrderedRun } from '../../server/src/rules/util/order';
const keptInOrder = (orders: number[]): Set<number> => longestOrderedRun(orders, true);
import { findDate } from '../../server/src/rules/util/dates';
import { DEFAULT_LIMITS } from '../../server/src/parse/markdown';
import { lint, type Finding, type Fix, type LintOptions } from '../../server/src/services/engine';
import { applyFix } from '../fixtures/fixes';
import { loadFixture, type Fixture } from '../fixtures/wrap';

const root = resolve(__dirname, '..', '..');
const fixturesDir = join(root, 'test', 'fixtures', 'rules');
// A fixed "today", so that stale-document fixtures keep their meaning.
const NOW = new Date('2026-11-01T00:00:00Z');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** A finding as an `.expected` line; lines count in the fixture file (a wrapper's line shows as `wrapper`). */
function show(f: Finding, fixture?: Fixture): string {
  const { start, end } = f.range;
  const line = (l: number) => {
    const at = fixture ? fixture.fixtureLine(l) : l;
    return at === undefined ? 'wrapper' : String(at + 1);
  };
  return `${line(start.line)}:${start.character + 1}-${line(end.line)}:${end.character + 1} ${f.rule} ${f.message}`;
}

/**
 * A rule folder's `workspace.json` stands for the other documents of the workspace (the
 * segments they define), for rules that compare a document with them (unknown-segment).
 */
function workspaceOf(path: string): Pick<LintOptions, 'workspace'> {
  const file = join(path, '..', 'workspace.json');
  if (!existsSync(file)) return {};
  const { segments } = JSON.parse(readFileSync(file, 'utf8')) as { segments: KnownSegment[] };
  return { workspace: { model: segmentsWorkspace(segments) } };
}

function lintFixture(path: string, text: string, extra: Partial<LintOptions> = {}) {
  return lint(text, { path: relative(root, path), now: NOW, ...workspaceOf(path), ...extra });
}

/** How many findings of a rule carry a message: what "the finding went away" is measured by. */
function count(findings: Finding[], rule: string, message: string): number {
  return findings.filter((f) => f.rule === rule && f.message === message).length;
}

const ruleDirs = existsSync(fixturesDir) ? readdirSync(fixturesDir).sort() : [];

// The config rule reports in .segdoc.json files, never in a Markdown document; the config
// loader's tests cover it.
const NOT_IN_DOCUMENTS = new Set(['config']);

test('every rule that checks documents has a fixture folder, and every folder is a registered rule', () => {
  const ids = rules.map((r) => r.id).filter((id) => !NOT_IN_DOCUMENTS.has(id));
  assert.deepEqual(
    [...ruleDirs].sort(),
    ids.sort(),
    'test/fixtures/rules/<rule-id>/ holds accept-*.md and reject-*.md documents',
  );
});

for (const ruleId of ruleDirs) {
  const dir = join(fixturesDir, ruleId);
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();

  describe(ruleId, () => {
    test('has accepted and rejected documents in English and in Russian', () => {
      const seen = new Set<string>();
      for (const name of fixtures) {
        const path = join(dir, name);
        const result = lintFixture(path, loadFixture(path).text);
        seen.add(`${name.startsWith('accept') ? 'accept' : 'reject'} ${result.doc.language}`);
      }
      assert.deepEqual([...seen].sort(), ['accept en', 'accept ru', 'reject en', 'reject ru']);
    });

    for (const name of fixtures) {
      const path = join(dir, name);
      const goldenPath = path.replace(/\.md$/, '.expected');
      const accepted = name.startsWith('accept');
      assert.ok(accepted || name.startsWith('reject'), `${name}: fixture names start with accept or reject`);

      test(`${name} matches ${accepted ? 'no findings' : relative(dir, goldenPath)}`, () => {
        const fixture = loadFixture(path);
        const result = lintFixture(path, fixture.text);
        assert.ok(result.detection, `${name} is detected as a segdoc document`);
        const actual = result.findings.filter((f) => f.rule === ruleId).map((f) => show(f, fixture));
        // An accepted fixture with no findings needs no golden file; UPDATE_GOLDEN writes one only where there is something to say.
        if (UPDATE && (!accepted || actual.length > 0 || existsSync(goldenPath)))
          writeFileSync(goldenPath, actual.map((l) => `${l}\n`).join(''));
        assert.ok(accepted || existsSync(goldenPath), `${goldenPath} exists (run with UPDATE_GOLDEN=1 to create it)`);
        const expected = existsSync(goldenPath)
          ? readFileSync(goldenPath, 'utf8')
              .split('\n')
              .filter((l) => l.trim() !== '')
          : [];
        assert.deepEqual(actual, expected);
        if (accepted) assert.equal(actual.length, 0, `${name} is accepted: no ${ruleId} findings`);
        else assert.ok(actual.length > 0, `${name} is rejected: at least one ${ruleId} finding`);
      });

      if (!accepted) {
        test(`${name}: every fix removes its finding`, () => {
          const fixture = loadFixture(path);
          const before = lintFixture(path, fixture.text).findings;
          for (const finding of before.filter((f) => f.rule === ruleId)) {
            for (const fix of finding.fixes) {
              const after = lintFixture(path, applyFix(fixture.text, fix)).findings;
              assert.ok(
                count(after, ruleId, finding.message) < count(before, ruleId, finding.message),
                `"${fix.title}" removes "${show(finding, fixture)}"`,
              );
            }
          }
        });
      }
    }
  });
}

describe('fixture wrappers', () => {
  const wrappersDir = join(root, 'test', 'fixtures', 'wrappers');
  for (const file of readdirSync(wrappersDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    test(`${file} is a clean document of its kind and language`, () => {
      const [kind, language] = file.split('.') as [string, string];
      const result = lint(readFileSync(join(wrappersDir, file), 'utf8'), { path: `wrapper-${file}`, now: NOW });
      assert.equal(result.detection?.kind.kind, kind);
      assert.equal(result.doc.language, language);
      assert.deepEqual(
        result.findings.map((f) => show(f)),
        [],
        'every rule accepts a wrapper, so a fixture inside it shows only its own findings',
      );
    });
  }
});

/** Lints a fixture, applies the only fix of the one finding with `messageId`, returns the new text. */
function fixed(rule: string, fixture: string, messageId: string, which = 0): { before: string; after: string; fix: Fix } {
  const path = join(fixturesDir, rule, fixture);
  const text = loadFixture(path).text;
  const finding = lintFixture(path, text).findings.filter((f) => f.rule === rule && f.messageId === messageId)[which];
  assert.ok(finding, `${fixture} has a ${rule} ${messageId} finding`);
  const fix = finding.fixes[0];
  assert.ok(fix, `${rule} ${messageId} has a fix`);
  return { before: text, after: applyFix(text, fix), fix };
}

/** The lines of `after` that are not in `before` (a fix here only inserts or replaces lines). */
function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((l) => !old.has(l));
}

describe('fixes produce the expected text', () => {
  test('required-section inserts the template after the section that precedes it', () => {
    const { after, fix } = fixed('required-section', 'reject-missing-buying-process.persona.md', 'missing');
    assert.equal(fix.title, 'Insert section "Buying Process"');
    assert.match(after, /## Decision Criteria\n[\s\S]*?\n\n## Buying Process\n\n- \*\*Role in Decision\*\*: \[Economic buyer/);
    assert.match(after, /no proprietary lock-in\n\n## Buying Process\n/);
    assert.match(after, /\n\n## Objections & Concerns\n/);
  });

  test('recommended-section inserts Russian templates in Russian documents', () => {
    const { after, fix } = fixed('recommended-section', 'reject-no-checklist-ru.md', 'missing', 1);
    assert.equal(fix.title, 'Вставить раздел «Чек-лист сегментации»');
    assert.match(after, /\n## Чек-лист сегментации\n\n- \[ \] От 3 до 7 сегментов\n/);
  });

  test('required-field continues a `*` list with `*`', () => {
    const { before, after } = fixed('required-field', 'reject-no-industry.persona.md', 'missing');
    assert.deepEqual(changedLines(before, after), ['* **Industry**: ']);
    assert.match(after, /\* \*\*Experience\*\*: 8–12 years, started as a backend developer\n\* \*\*Industry\*\*: \n\n## Quote/);
  });

  test('required-field continues an ordered list with the next number', () => {
    const { before, after } = fixed('required-field', 'reject-ordered-list-tier.prioritization.md', 'missing');
    assert.deepEqual(changedLines(before, after), ['4. **Resource Allocation**: ']);
  });

  test('required-field adds a line to a paragraph of `**Key**: value` lines, in Russian', () => {
    const { after, fix } = fixed('required-field', 'reject-tier-fields-ru.prioritization.md', 'missing');
    assert.equal(fix.title, 'Вставить поле «Доля ресурсов»');
    assert.match(
      after,
      /\*\*Стратегия\*\*: Общая команда продаж, вебинары по ИБ, партнёры-интеграторы\n\*\*Доля ресурсов\*\*: \n\n## Уровень 3/,
    );
  });

  test('empty-section fills the section with its template', () => {
    const { after } = fixed('empty-section', 'reject-empty-personas.md', 'empty', 1);
    assert.match(
      after,
      /## ICP Definition\n\n- \*\*Firmographics\*\*: \[Industry, size, geography\]\n[\s\S]*\[Who is not a fit\]\n\n## Segment Prioritization/,
    );
  });

  test('misspelled-section keeps the numbering and writes the alias being typed', () => {
    const ru = fixed('misspelled-section', 'reject-typos-ru.md', 'misspelled', 1);
    assert.deepEqual(changedLines(ru.before, ru.after), ['## 3. Процесс покупки']);
    const alias = fixed('misspelled-section', 'reject-typos-ru.md', 'misspelled', 0);
    assert.deepEqual(changedLines(alias.before, alias.after), ['## Болевые точки']);
    const en = fixed('misspelled-section', 'reject-english-heading-ru.md', 'misspelled');
    assert.deepEqual(changedLines(en.before, en.after), ['## 3. Positioning & Messaging']);
  });

  test('metadata replaces a misspelt enum value in the language it was typed in', () => {
    const ru = fixed('metadata', 'reject-metadata-ru.md', 'enum');
    assert.equal(ru.fix.title, 'Заменить на «Утверждено»');
    assert.deepEqual(changedLines(ru.before, ru.after), ['- **Статус**: Утверждено']);
    const en = fixed('metadata', 'reject-metadata.md', 'enum');
    assert.deepEqual(changedLines(en.before, en.after), ['- **Status**: Approved']);
    const role = fixed('field-value', 'reject-role.persona.md', 'enum');
    assert.deepEqual(changedLines(role.before, role.after), ['- **Role in Decision**: Economic buyer / Influencer']);
  });

  test('field-value offers every allowed value when nothing is close, none preferred', () => {
    const path = join(fixturesDir, 'field-value', 'reject-role-ru.md');
    const finding = lintFixture(path, loadFixture(path).text).findings.find((f) => f.rule === 'field-value')!;
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      [
        'Экономический покупатель',
        'Технический оценщик',
        'Влияющий',
        'Пользователь',
        'ЛПР',
        'Привратник',
        'Чемпион',
        'Спонсор',
        'Инициатор',
        'Согласующий',
        'Блокер',
        'Закупки',
        'Юристы',
        'Служба безопасности',
      ].map((v) => `Заменить на «${v}»`),
    );
    assert.ok(finding.fixes.every((f) => !f.preferred));
  });

  test('metadata rewrites a DD.MM.YYYY date as YYYY-MM-DD and inserts a missing field', () => {
    const date = fixed('metadata', 'reject-metadata-ru.md', 'date');
    assert.deepEqual(changedLines(date.before, date.after), ['- **Дата**: 2026-10-20']);
    const missing = fixed('metadata', 'reject-metadata-ru.md', 'missing');
    assert.deepEqual(changedLines(missing.before, missing.after), ['- **Владелец**: ']);
    assert.match(missing.after, /- \*\*Дата запуска\*\*: 2027-02-01\n- \*\*Владелец\*\*: \n\n## Исполнительное резюме/);
  });
});

describe('parts that were not parsed are not reported on', () => {
  const path = join(fixturesDir, 'parse-limit', 'reject-deep-quotes.md');
  const text = loadFixture(path).text;

  test('a section in a skipped part is not reported missing', () => {
    const findings = lintFixture(path, text).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['parse-limit'],
    );
    // Without the deep quotes, the same document is clean: Real Quotes was there all along.
    const clean = text.replace(/^>{2,}.*\n/gm, '');
    assert.deepEqual(
      lintFixture(path, clean).findings.map((f) => show(f)),
      [],
    );
  });

  test('a document over the size limit gets one diagnostic and nothing else', () => {
    // The wrapped fixture starts with the blank line that stands for its directive: the document starts at its title.
    const big = loadFixture(join(fixturesDir, 'placeholder', 'reject-unfilled.md')).text.trimStart();
    const findings = lint(big, {
      path: 'dana.persona.md',
      now: NOW,
      limits: { ...DEFAULT_LIMITS, maxDocumentLength: 1000 },
    }).findings;
    assert.deepEqual(
      findings.map((f) => show(f)),
      [`1:1-1:54 parse-limit This document was not checked: it is ${big.length} characters long, over the limit of 1000`],
    );
  });
});

describe('options', () => {
  const persona = join(fixturesDir, 'stale-document', 'reject-january-2025.md');

  test('stale-document: reviewPeriodDays moves the threshold', () => {
    const text = loadFixture(persona).text;
    const stale = (days: number) =>
      lintFixture(persona, text, {
        config: { rules: { 'stale-document': ['info', { reviewPeriodDays: days }] } },
      }).findings.filter((f) => f.rule === 'stale-document');
    // January 2025 counts from its last day: 639 days before 2026-11-01.
    assert.equal(stale(638).length, 1);
    assert.equal(stale(639).length, 0);
    assert.match(stale(365)[0]!.message, /639 days ago \(January 2025\); the review period is 365 days/);
  });

  test('misspelled-section: a stricter similarity stops a two-letter typo', () => {
    const path = join(fixturesDir, 'misspelled-section', 'reject-typos.md');
    const text = loadFixture(path).text;
    const found = (similarity: number) =>
      lintFixture(path, text, { config: { rules: { 'misspelled-section': ['info', { similarity }] } } })
        .findings.filter((f) => f.rule === 'misspelled-section')
        .map((f) => f.args['heading']);
    assert.deepEqual(found(0.8), ['Pain Pionts', 'Decison Criteria']);
    // "Decison Criteria" is one edit from its name (0.94), "Pain Pionts" one swap (0.91).
    assert.deepEqual(found(0.93), ['Decison Criteria']);
  });

  test('rules with options declare defaults that their options schema accepts', () => {
    for (const rule of rules) {
      if (!rule.defaults) continue;
      assert.ok(rule.optionsSchema, `${rule.id} has an options schema`);
      const props = (rule.optionsSchema as { properties: Record<string, unknown> }).properties;
      assert.deepEqual(Object.keys(rule.defaults).sort(), Object.keys(props).sort(), `${rule.id}: every option is described`);
    }
  });
});

describe('helpers', () => {
  test('dates in the forms segmentation documents use', () => {
    const iso = (s: string) => {
      const d = findDate(s);
      return d && `${d.date.toISOString().slice(0, 10)} ${d.precision} ${d.text}`;
    };
    assert.equal(iso('2025-01-15'), '2025-01-15 day 2025-01-15');
    assert.equal(iso('обновлено 15.01.2025 (Sales)'), '2025-01-15 day 15.01.2025');
    assert.equal(iso('January 2025'), '2025-01-31 month January 2025');
    assert.equal(iso('December 2025'), '2025-12-31 month December 2025');
    assert.equal(iso('февраль 2024'), '2024-02-29 month февраль 2024');
    assert.equal(iso('3 марта 2026 г.'), '2026-03-03 day 3 марта 2026');
    assert.equal(iso('March 3, 2026'), '2026-03-03 day March 3, 2026');
    assert.equal(iso('2025-02-30'), undefined);
    assert.equal(iso('[Date]'), undefined);
    assert.equal(iso('Q1 2025'), undefined);
  });

  test('section order keeps the longest in-order run and reports the rest', () => {
    assert.deepEqual([...keptInOrder([1, 2, 10, 3, 4, 5])], [0, 1, 3, 4, 5]);
    // A swapped pair: the earlier section stays, the later one is out of place.
    assert.deepEqual([...keptInOrder([1, 3, 2, 4])], [0, 1, 3]);
    assert.deepEqual([...keptInOrder([])], []);
  });
});
