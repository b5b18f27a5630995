/**
 * Documents that must stay clean of matrix findings: the examples (and a wrong total put into
 * one is reported), and, as an acceptance test, the prioritization template of the
 * methodology documents (../shared/seeds, outside the repository), skipped with one line
 * where they are absent (test/fixtures/methodology-documents.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../server/src/services/engine';
import { SEEDS_ABSENT, seedsDir, seedsPresent } from '../fixtures/methodology-documents';
import { MATRIX_RULES, NOW, only, repoRoot, rowsOf } from './reading-helpers';

describe('documents that must stay clean of matrix findings', () => {
  test('examples have no matrix or allocation findings', () => {
    for (const lang of ['en', 'ru']) {
      const dir = path.join(repoRoot, 'examples', lang);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const result = lint(readFileSync(path.join(dir, file), 'utf8'), { path: `examples/${lang}/${file}`, now: NOW });
        assert.deepEqual(
          result.findings.filter((f) => MATRIX_RULES.includes(f.rule)).map((f) => `${file}: ${f.message}`),
          [],
        );
      }
    }
  });

  test('the rules do see the examples: a wrong total in an example is reported', () => {
    const file = path.join(repoRoot, 'examples', 'en', 'stratus-cloud.prioritization.md');
    const text = readFileSync(file, 'utf8').replace('| 8 | 9 | 9 | 8 | 34 | 1 |', '| 8 | 9 | 9 | 8 | 35 | 1 |');
    assert.deepEqual(
      only(lint(text, { path: 'examples/en/stratus-cloud.prioritization.md', now: NOW }).findings, 'score-total').map(
        (f) => f.message,
      ),
      ['Total of "Cloud-Native Startups" is 35, but 8 + 9 + 9 + 8 = 34'],
    );
  });
});

describe('acceptance: the methodology documents (seed 002)', { skip: seedsPresent ? false : SEEDS_ABSENT }, () => {
  test('seed 002 "Prioritization Template": its matrix and allocation are right', () => {
    const name = readdirSync(seedsDir).find((f) => f.startsWith('002_'));
    assert.ok(name, `seed 002 in ${seedsDir}`);
    const lines = readFileSync(path.join(seedsDir, name), 'utf8').split('\n');
    const start = lines.findIndex(
      (l, i) => l === '```markdown' && lines[i + 1] === '# Segment Prioritization: [Company/Product Name]',
    );
    assert.ok(start >= 0, 'seed 002 has the Prioritization Template fence');
    const text = `${lines.slice(start + 1, lines.indexOf('```', start + 1)).join('\n')}\n`;
    const rows = rowsOf(text);
    assert.deepEqual(
      rows.map((r) => [r.segment, r.computedTotal, r.statedTotal?.value, r.computedTier, r.statedTier?.value]),
      [
        ['[Segment 1]', 34, 34, 1, 1],
        ['[Segment 2]', 32, 32, 1, 1],
        ['[Segment 3]', 26, 26, 2, 2],
        ['[Segment 4]', 21, 21, 2, 2],
        ['[Segment 5]', 17, 17, 3, 3],
      ],
    );
    const result = lint(text, { path: 'prioritization.md', now: NOW });
    assert.equal(result.detection?.kind.kind, 'prioritization');
    assert.deepEqual(
      result.findings.filter((f) => MATRIX_RULES.includes(f.rule)).map((f) => f.message),
      [],
    );
  });
});
