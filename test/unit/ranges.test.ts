/**
 * Exact LSP ranges of findings where offsets and editor columns part ways: CRLF line endings,
 * a byte order mark, Cyrillic text and emoji (UTF-16 surrogate pairs, a ZWJ sequence) before a
 * finding on the same line. The expected columns are written out by hand (with the
 * arithmetic in comments) rather than computed by the code under test. Fixes inserted into a
 * CRLF document must use CRLF.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, type Finding } from '../../server/src/services/engine';
import { applyFix } from '../fixtures/fixes';

const NOW = new Date('2026-11-01T00:00:00Z');

function only(findings: Finding[], rule: string, messageId?: string): Finding[] {
  return findings.filter((f) => f.rule === rule && (messageId === undefined || f.messageId === messageId));
}

const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

// A Russian persona with a BOM and CRLF line endings. Line numbers are 0-based, as in LSP.
const personaLines = [
  '\uFEFF---', // 0
  'segdoc: persona', // 1
  '---', // 2
  '# Персона: Ольга 🚀 [Роль]', // 3
  '', // 4
  '## Демография', // 5
  '- **Должность**: Руководитель 👩‍💻 [Конкретные должности]', // 6
  '- **Размер компании**: Enterprise', // 7
  '', // 8
  '## 🛒 Болевые тчоки', // 9
  '1. **Пики**: распродажи', // 10
  '', // 11
  '## Процесс покупки', // 12
  '- **Роль в решении**: Утвержденно', // 13
  '', // 14
  '## Маркетинговые тактики', // 15
  '', // 16
  '## Валидация персоны', // 17
  '', // 18
  '**Обновлено**: 🗓 январь 2025', // 19
  '', // 20
  '## Цели', // 21
  '- **Основная цель**: Перевести нагрузку в облако', // 22
  '', // 23
  '## Демография', // 24
  '- **Отрасль**: Ритейл', // 25
];
const persona = personaLines.join('\r\n') + '\r\n';

describe('ranges in a CRLF document with a BOM, Cyrillic and emoji', () => {
  const result = lint(persona, { path: 'olga.md', now: NOW });

  test('the document is read as a Russian persona despite the BOM', () => {
    assert.equal(result.detection?.kind.kind, 'persona');
    assert.equal(result.doc.language, 'ru');
  });

  test('placeholders after Cyrillic and emoji get UTF-16 columns', () => {
    const ranges = only(result.findings, 'placeholder').map((f) => f.range);
    assert.deepEqual(ranges, [
      // "# " 2 + "Персона: " 9 + "Ольга " 6 + "🚀" 2 (a surrogate pair) + " " 1 = 20; "[Роль]" is 6 long.
      range(3, 20, 3, 26),
      // "- " 2 + "**Должность**: " 15 + "Руководитель " 13 + "👩‍💻" 5 (2 + ZWJ + 2) + " " 1 = 36;
      // "[Конкретные должности]" is 22 long.
      range(6, 36, 6, 58),
    ]);
    // A range that ends at the end of a line stops before the CR.
    assert.equal(personaLines[3]!.length, 26);
  });

  test('a misspelled heading after an emoji: the heading text, and a rename that keeps the emoji', () => {
    const [f] = only(result.findings, 'misspelled-section');
    assert.ok(f);
    // "## " 3; "🛒 Болевые тчоки" is 2 + 1 + 13 = 16 long.
    assert.deepEqual(f.range, range(9, 3, 9, 19));
    assert.equal(f.message, 'Неизвестный раздел «🛒 Болевые тчоки»: возможно, имелся в виду «Болевые точки»?');
    const after = applyFix(persona, f.fixes[0]!).split('\r\n');
    assert.equal(after[9], '## 🛒 Болевые точки');
  });

  test('an enum value, an empty section and a stale date', () => {
    const [role] = only(result.findings, 'field-value');
    // "- " 2 + "**Роль в решении**: " 20 = 22; "Утвержденно" is 11 long.
    assert.deepEqual(role?.range, range(13, 22, 13, 33));
    const [empty] = only(result.findings, 'empty-section');
    assert.deepEqual(empty?.range, range(15, 3, 15, 24));
    const [stale] = only(result.findings, 'stale-document');
    // "**Обновлено**: " 15 + "🗓" 2 + " " 1 = 18; "январь 2025" is 11 long.
    assert.deepEqual(stale?.range, range(19, 18, 19, 29));
  });

  test('a duplicate names the line of the first heading as an editor counts it', () => {
    const [dup] = only(result.findings, 'duplicate-section');
    assert.deepEqual(dup?.range, range(24, 3, 24, 13));
    assert.equal(dup?.message, 'Раздел «Демография» повторяет раздел «Демография» из строки 6');
  });

  test('fixes inserted into a CRLF document use CRLF, and land where expected', () => {
    const noLoneLf = /(?<!\r)\n/;
    const inserting = result.findings.flatMap((f) => f.fixes).filter((fix) => fix.edits.some((e) => e.newText.includes('\n')));
    assert.ok(inserting.length >= 5, 'several fixes insert lines');
    for (const fix of inserting) {
      for (const e of fix.edits) assert.doesNotMatch(e.newText, noLoneLf, `${fix.title} inserts CRLF only`);
      assert.doesNotMatch(applyFix(persona, fix), noLoneLf, `${fix.title} leaves no lone LF`);
    }

    const [field] = only(result.findings, 'required-field', 'missing');
    assert.equal(field?.message, 'В разделе «Демография» нет поля «Отрасль»');
    const edit = field!.fixes[0]!.edits[0]!;
    // After the last field of the section, at the end of line 7 (before its CR).
    assert.deepEqual(edit.range, range(7, personaLines[7]!.length, 7, personaLines[7]!.length));
    assert.equal(edit.newText, '\r\n- **Отрасль**: ');

    const [section] = only(result.findings, 'required-section').filter((f) => f.args['section'] === 'Критерии принятия решения');
    assert.ok(section);
    const lines = applyFix(persona, section.fixes[0]!).split('\r\n');
    const at = lines.indexOf('## Критерии принятия решения');
    assert.ok(at > 0);
    assert.equal(lines[at - 1], '');
    assert.equal(lines[at + 1], '');
    assert.equal(lines[at + 2], '1. **[Критерий 1]**: [Почему важен, как ответить]');
  });
});

describe('a BOM on the line of the finding', () => {
  test('counts as one UTF-16 code unit of the first line', () => {
    const text = '\uFEFF# Persona: [Persona Name] - Platform Lead\r\n\r\n## Demographics\r\n';
    const [f] = only(lint(text, { path: 'dana.persona.md', now: NOW }).findings, 'placeholder');
    // BOM 1 + "# Persona: " 11 = 12; "[Persona Name]" is 14 long.
    assert.deepEqual(f?.range, range(0, 12, 0, 26));
    assert.equal(text.slice(f!.span.start, f!.span.end), '[Persona Name]');
  });

  test('document-level findings point at the title text, after the BOM and the # marker', () => {
    const text = '\uFEFF# Persona: Dana\r\n\r\n## Demographics\r\n- **Job Title**: SRE\r\n';
    const [f] = only(lint(text, { path: 'dana.persona.md', now: NOW }).findings, 'required-section');
    // BOM 1 + "# " 2 = 3; "Persona: Dana" is 13 long.
    assert.deepEqual(f?.range, range(0, 3, 0, 16));
  });
});
