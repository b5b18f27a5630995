/**
 * services/fixes.ts: the one choice of safe fixes (shared by the editor's fix-all and
 * `segdoc check --fix`) and applying edits to a text, over offset spans.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, chooseSafeFixes, isSafeFix, type FixCandidate } from '../../server/src/services/fixes';

const TEXT = 'alpha beta gamma delta';

function replace(start: number, end: number, newText: string, preferred = true) {
  return { preferred, edits: [{ span: { start, end }, newText }] };
}

function fixed(findings: FixCandidate[]): string {
  return applyEdits(TEXT, chooseSafeFixes(findings).edits);
}

describe('safe fixes', () => {
  test('a preferred replacement of an error or a warning is safe; insertions, deletions, infos and hints are not', () => {
    assert.equal(isSafeFix(replace(0, 5, 'A'), 'error'), true);
    assert.equal(isSafeFix(replace(0, 5, 'A'), 'warning'), true);
    assert.equal(isSafeFix(replace(0, 5, 'A'), 'info'), false);
    assert.equal(isSafeFix(replace(0, 5, 'A'), 'hint'), false);
    assert.equal(isSafeFix(replace(0, 0, 'A'), 'error'), false);
    assert.equal(isSafeFix(replace(0, 5, ''), 'error'), false);
    assert.equal(isSafeFix(replace(0, 5, 'A', false), 'error'), false);
    assert.equal(isSafeFix({ preferred: true, edits: [] }, 'error'), false);
  });

  test('fixes are applied in document order, whatever the findings order', () => {
    const chosen = chooseSafeFixes([
      { severity: 'error', fixes: [replace(17, 22, 'DELTA')] },
      { severity: 'warning', fixes: [replace(0, 5, 'ALPHA')] },
    ]);
    assert.equal(chosen.fixed, 2);
    assert.deepEqual(
      chosen.edits.map((e) => e.span.start),
      [0, 17],
    );
    assert.equal(applyEdits(TEXT, chosen.edits), 'ALPHA beta gamma DELTA');
  });

  test('a fix overlapping one taken is skipped whole; the earlier finding wins', () => {
    const second = {
      preferred: true,
      edits: [
        { span: { start: 11, end: 16 }, newText: 'GAMMA' },
        { span: { start: 0, end: 5 }, newText: 'ALPHA' },
      ],
    };
    assert.equal(
      fixed([
        { severity: 'error', fixes: [replace(6, 16, 'BETA GAMMA')] },
        { severity: 'error', fixes: [second] },
      ]),
      'alpha BETA GAMMA delta',
    );
  });

  test('a fix whose own edits overlap is skipped', () => {
    const selfOverlapping = {
      preferred: true,
      edits: [
        { span: { start: 0, end: 10 }, newText: 'X' },
        { span: { start: 6, end: 16 }, newText: 'Y' },
      ],
    };
    assert.equal(
      fixed([
        { severity: 'error', fixes: [selfOverlapping] },
        { severity: 'error', fixes: [replace(17, 22, 'D')] },
      ]),
      'alpha beta gamma D',
    );
  });

  test('adjacent fixes both apply; the preferred one of several is taken', () => {
    assert.equal(
      fixed([
        { severity: 'error', fixes: [replace(0, 5, 'one', false), replace(0, 5, 'two')] },
        { severity: 'error', fixes: [replace(5, 6, '_')] },
      ]),
      'two_beta gamma delta',
    );
  });
});
