/**
 * The typo distance behind "did you mean" (misspelled-section, enum values): a swap of two
 * neighbouring letters is one edit, and the bounded form used over many names agrees with
 * the full count wherever it matters.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { similarity, typoDistance } from '../../server/src/model/distance';

describe('typoDistance', () => {
  test('typing mistakes: one wrong, missing, extra or swapped letter is one edit', () => {
    assert.equal(typoDistance('pain points', 'pain points'), 0);
    assert.equal(typoDistance('pain points', 'pain pionts'), 1);
    assert.equal(typoDistance('pain points', 'pain poins'), 1);
    assert.equal(typoDistance('pain points', 'pain pointss'), 1);
    assert.equal(typoDistance('pain points', 'pain poimts'), 1);
    assert.equal(typoDistance('боли', 'болт'), 1);
    assert.equal(typoDistance('', 'abc'), 3);
    assert.equal(typoDistance('ca', 'abc'), 3, 'optimal string alignment: no edit of a swapped pair');
    assert.equal(similarity('messaging', 'mesaging'), 1 - 1 / 9);
  });

  test('bounded: the exact distance up to the bound, bound + 1 beyond it', () => {
    assert.equal(typoDistance('decision criteria', 'decision critera', 2), 1);
    assert.equal(typoDistance('decision criteria', 'marketing tactics', 3), 4);
    assert.equal(typoDistance('abc', 'abcdef', 2), 3, 'lengths alone rule it out');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdeаб '), maxLength: 14 }),
        fc.string({ unit: fc.constantFrom(...'abcdeаб '), maxLength: 14 }),
        fc.nat(8),
        (a, b, max) => {
          assert.equal(typoDistance(a, b, max), Math.min(typoDistance(a, b), max + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
