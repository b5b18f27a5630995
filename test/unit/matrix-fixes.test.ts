/**
 * The quick fixes of score-total and score-tier applied to real text: the finding goes away
 * and nothing but the number (and a tier word beside it) changes, in English and Russian,
 * CRLF line endings included.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { applyFixes } from '../fixtures/fixes';
import { lintText, matrixDoc, only, repoRoot } from './reading-helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'rules');

/** Pairs of differing lines between two texts of the same line count. */
function changed(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'a fix changes no line breaks');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

describe('fixes', () => {
  test('score-total writes the computed total and keeps padding, emphasis, a comparator and a /40 scale', () => {
    const text = matrixDoc([
      '| A | 9 | 8 | 9 | 8 |   33   | 1 |',
      '| B | 8 | 9 | 7 | 8 | **30** | 1 |',
      '| C | 5 | 4 | 5 | 3 | ~19 | 3 |',
      '| D | 7 | 6 | 8 | 5 | 25/40 | 2 |',
      '| E | 7 | 6,5 | 8 | 5 | 26 | 2 |',
    ]);
    const findings = only(lintText(text).findings, 'score-total');
    assert.deepEqual(
      findings.map((f) => f.fixes.map((x) => x.title)),
      [['Replace with 34'], ['Replace with 32'], ['Replace with 17'], ['Replace with 26'], ['Replace with 26.5']],
    );
    const after = applyFixes(
      text,
      findings.map((f) => f.fixes[0]!),
    );
    assert.deepEqual(changed(text, after), [
      ['| A | 9 | 8 | 9 | 8 |   33   | 1 |', '| A | 9 | 8 | 9 | 8 |   34   | 1 |'],
      ['| B | 8 | 9 | 7 | 8 | **30** | 1 |', '| B | 8 | 9 | 7 | 8 | **32** | 1 |'],
      ['| C | 5 | 4 | 5 | 3 | ~19 | 3 |', '| C | 5 | 4 | 5 | 3 | ~17 | 3 |'],
      ['| D | 7 | 6 | 8 | 5 | 25/40 | 2 |', '| D | 7 | 6 | 8 | 5 | 26/40 | 2 |'],
      ['| E | 7 | 6,5 | 8 | 5 | 26 | 2 |', '| E | 7 | 6,5 | 8 | 5 | 26.5 | 2 |'],
    ]);
    assert.deepEqual(only(lintText(after).findings, 'score-total'), []);
  });

  test('score-tier writes the computed tier in the form the cell uses', () => {
    const text = matrixDoc([
      '| A | 9 | 8 | 9 | 8 | 34 | Tier 2 |',
      '| B | 8 | 8 | 7 | 7 | 30 | 2 (Secondary) |',
      '| C | 7 | 6 | 8 | 8 | 29 |  1  |',
      '| D | 6 | 5 | 6 | 3 | 20 | Tertiary |',
      '| E | 5 | 4 | 5 | 3 | 17 | **PRIMARY** |',
    ]);
    const findings = only(lintText(text).findings, 'score-tier');
    const after = applyFixes(
      text,
      findings.map((f) => f.fixes[0]!),
    );
    assert.deepEqual(
      changed(text, after).map(([, b]) => b.split('|')[7]),
      [' Tier 1 ', ' 1 (Primary) ', '  2  ', ' Secondary ', ' **OPPORTUNISTIC** '],
    );
    assert.deepEqual(only(lintText(after).findings, 'score-tier'), []);
  });

  test('score-tier in Russian keeps «Уровень» and the form of the adjective', () => {
    const text = [
      '# Приоритизация сегментов: Тест',
      '',
      '| Сегмент | Привлекательность | Соответствие | Доступность | Стратегическая ценность | Итого | Уровень |',
      '|---|---|---|---|---|---|---|',
      '| А | 9 | 8 | 9 | 8 | 34 | Уровень 2 |',
      '| Б | 8 | 8 | 7 | 7 | 30 | 2 (Вторичная) |',
      '| В | 4 | 4 | 5 | 5 | 18 | Вторичный |',
      '',
    ].join('\n');
    const findings = only(lintText(text).findings, 'score-tier');
    assert.deepEqual(
      findings.map((f) => f.fixes[0]!.title),
      ['Заменить на уровень 1', 'Заменить на уровень 1', 'Заменить на уровень 3'],
    );
    const after = applyFixes(
      text,
      findings.map((f) => f.fixes[0]!),
    );
    assert.deepEqual(
      changed(text, after).map(([, b]) => b.split('|')[7]!.trim()),
      ['Уровень 1', '1 (Основная)', 'Оппортунистический'],
    );
  });

  test('CRLF fixtures: every fix keeps CRLF, and all fixes together leave no total or tier finding', () => {
    for (const file of ['score-total/reject-crlf.prioritization.md', 'score-tier/reject-crlf-ru.prioritization.md']) {
      const text = readFileSync(path.join(fixtures, file), 'utf8');
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), `${file} has CRLF line endings (keep them: no text conversion)`);
      const before = lintText(text).findings.filter((f) => f.rule === 'score-total' || f.rule === 'score-tier');
      assert.ok(before.length >= 3, `${file} has wrong totals or tiers`);
      for (const f of before) {
        const after = applyFixes(text, f.fixes);
        assert.ok(!/[^\r]\n/.test(after), `${f.rule} fix keeps CRLF`);
        assert.ok(!lintText(after).findings.some((g) => g.rule === f.rule && g.message === f.message), `${f.message} is gone`);
      }
      // Totals first: a tier is judged by the computed total, so fixing both at once is consistent.
      const all = applyFixes(
        text,
        before.map((f) => f.fixes[0]!),
      );
      assert.ok(!/[^\r]\n/.test(all));
      assert.deepEqual(
        lintText(all).findings.filter((f) => f.rule === 'score-total' || f.rule === 'score-tier'),
        [],
      );
      assert.equal(all.split('\r\n').length, text.split('\r\n').length);
    }
  });
});
