/**
 * `segdoc check` and the score tallies: `--format json` carries computeScores' object in each
 * file's `scores`, honouring the config file, and stylish prints a localized tally line per
 * document. Runs the built CLI (dist/cli.js through bin/segdoc.js) as CI does; run
 * `node scripts/build.mjs` before running this file alone.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Scores } from '../../server/src/services/scores';
import { ensureBuilt, repoRoot, segdoc } from './run-cli';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'scores', 'tally.segmentation.md');

function scoresIn(stdout: string): Array<{ path: string; kind: string; scores: Scores | Record<string, never> }> {
  return (JSON.parse(stdout) as { files: Array<{ path: string; kind: string; scores: Scores }> }).files;
}

let tmp: string;

/** A folder holding the tally fixture and, optionally, a config file. */
function workspace(name: string, config?: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  copyFileSync(fixture, path.join(dir, 'tally.segmentation.md'));
  if (config !== undefined) writeFileSync(path.join(dir, '.segdoc.json'), config);
  return dir;
}

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'segdoc-cli-scores-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('scores in the CLI', () => {
  test("json: each file's scores is the tallies object", () => {
    const dir = workspace('json');
    const [file] = scoresIn(segdoc(['check', '--format', 'json'], dir).stdout);
    const s = file!.scores as Scores;
    assert.equal(s.kind, 'segmentation');
    assert.deepEqual([s.completeness.filled, s.completeness.total, s.completeness.percent], [5, 9, 55]);
    assert.deepEqual(
      s.completeness.missing.map((m) => m.label),
      ['Metadata', 'Metadata › Author', 'Segment Strategy', 'ICP Definition'],
    );
    assert.deepEqual(
      s.segments.items.map((x) => [x.name, x.met, x.of, x.criteria.substantial]),
      [
        ['SMB Operators', 5, 5, true],
        ['Enterprise IT', 5, 5, true],
        ['Hobbyists', 4, 5, false],
      ],
    );
    assert.deepEqual([s.segments.met, s.segments.of], [14, 15]);
    assert.deepEqual(
      s.matrices.items[0]!.rows.map((r) => [r.segment, r.total, r.tier, r.statedTotal, r.statedTier]),
      [
        ['SMB Operators', 34, 1, 34, 1],
        ['Enterprise IT', 27, 2, 27, 2],
        ['Hobbyists', 14, 3, 15, 2],
      ],
    );
    assert.deepEqual(s.matrices.items[0]!.rows[2]!.range, {
      start: { line: 40, character: 0 },
      end: { line: 40, character: 38 },
    });
    assert.deepEqual(
      s.matrices.tiers.map((t) => [t.tier, t.segments]),
      [
        [1, ['SMB Operators']],
        [2, ['Enterprise IT']],
        [3, ['Hobbyists']],
      ],
    );
    assert.deepEqual([s.checklists.items.length, s.checklists.done, s.checklists.total], [1, 3, 5]);
    assert.equal(s.placeholders, 1);
  });

  test("json: the config file's rule options change the tallies as they change the diagnostics", () => {
    const dir = workspace(
      'config',
      '{ "rules": { "segment-substantial": ["warning", { "minimum": 50000 }], "score-tier": ["error", { "tier1Min": 35, "tier2Min": 20 }] } }',
    );
    const [file] = scoresIn(segdoc(['check', '--format', 'json'], dir).stdout);
    const s = file!.scores as Scores;
    assert.equal(s.segments.items[2]!.criteria.substantial, true);
    assert.equal(s.segments.met, 15);
    assert.deepEqual(
      s.matrices.items[0]!.rows.map((r) => r.tier),
      [2, 2, 3],
    );
  });

  test("json: a config file's own report keeps an empty scores object", () => {
    const dir = workspace('broken', '{ "rules": { "no-such-rule": "off" } }');
    const files = scoresIn(segdoc(['check', '--format', 'json'], dir).stdout);
    assert.deepEqual(
      files.map((f) => [f.path, f.kind]),
      [
        ['.segdoc.json', 'config'],
        ['tally.segmentation.md', 'segmentation'],
      ],
    );
    assert.deepEqual(files[0]!.scores, {});
  });

  test('stylish: the tally line after the path, in the language of the messages', () => {
    const dir = workspace('stylish');
    const en = segdoc(['check'], dir).stdout.split('\n')[0];
    assert.equal(
      en,
      'tally.segmentation.md  Segmentation analysis · 55% complete · segments 5/5, 5/5, 4/5 · tier 1: 1, tier 2: 1, tier 3: 1 · checklist 3/5 · 1 placeholder',
    );
    const ru = segdoc(['check', '--lang', 'ru'], dir).stdout.split('\n')[0];
    assert.equal(
      ru,
      'tally.segmentation.md  Анализ сегментации · заполнено 55% · сегменты 5/5, 5/5, 4/5 · уровень 1: 1, уровень 2: 1, уровень 3: 1 · чек-лист 3/5 · 1 плейсхолдер',
    );
  });
});
