/**
 * Acceptance test of segment reading and the segment criteria against the methodology
 * documents themselves (../shared/seeds, outside the repository): the comprehensive
 * persona's hybrid segment example, and a real Russian segmentation document. Skipped with
 * one line where they are absent (test/fixtures/methodology-documents.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findSegmentByName } from '../../server/src/model/segments';
import { lint } from '../../server/src/services/engine';
import { SEEDS_ABSENT, seedsDir, seedsPresent } from '../fixtures/methodology-documents';
import { byName, read } from './reading-helpers';

describe('acceptance: the methodology documents (seeds 002 and 003)', { skip: seedsPresent ? false : SEEDS_ABSENT }, () => {
  test('seed 002 hybrid example, read from the seed: measurable and substantial', () => {
    const file = readdirSync(seedsDir).find((f) => f.startsWith('002'))!;
    const lines = readFileSync(path.join(seedsDir, file), 'utf8').split('\n');
    const start = lines.indexOf('**Segment**: Fast-Growing Tech Startups');
    assert.ok(start > 0);
    const body = lines.slice(start, lines.indexOf('```', start)).join('\n');
    const e = byName(read(body).evaluate(), 'Fast-Growing Tech Startups');
    assert.equal(e.criteria.measurable.value, 8000);
    assert.equal(e.criteria.substantial.value, 200_000_000);
  });

  test('seed 003: five segments, table rows merged, measurable and substantial fire on each', () => {
    const file = path.join(
      seedsDir,
      readdirSync(seedsDir).find((f) => f.startsWith('003'))!,
    );
    const text = readFileSync(file, 'utf8');
    const { segments } = read(text);
    assert.deepEqual(
      segments.map((s) => s.name),
      [
        'SMB‑операторы (малый/средний бизнес)',
        'Mid‑market с процессной зрелостью',
        'Enterprise с комплаенсом',
        'Growth‑команды (быстро растущие)',
        'Cost‑sensitive (экономящие)',
      ],
    );
    for (const s of segments) {
      // Section 4 gives needs and pains, section 5 value drivers (needs) and typical cases.
      assert.equal(s.fields.get('pains')?.values[0]?.source, 'table', `${s.name}: pains from section 4`);
      assert.equal(
        s.fields.get('needs')?.values.filter((v) => v.source === 'table').length,
        2,
        `${s.name}: needs from sections 4 and 5`,
      );
    }
    assert.equal(findSegmentByName(segments, 'Mid‑market')!.fields.get('pains')?.text, 'Разрозненные процессы и контроль');

    const findings = lint(text, { path: 'segmentation-003.md' }).findings;
    for (const rule of ['segment-measurable', 'segment-substantial']) {
      const at = findings.filter((f) => f.rule === rule).map((f) => text.slice(f.span.start, f.span.end));
      assert.deepEqual(
        at,
        segments.map((s) => s.name),
        `${rule} fires on each segment's name`,
      );
    }
    // Its segments are told apart by their needs, and none is firmographic only.
    assert.deepEqual(
      findings.filter((f) => f.rule === 'segment-differentiable' || f.rule === 'segment-demographic-only'),
      [],
    );
    assert.deepEqual(
      findings.filter((f) => f.rule === 'segment-count'),
      [],
    );
  });
});
