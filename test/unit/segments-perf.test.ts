/**
 * The indexed workspace segments (rules/segments/known.ts) judge every reference as the
 * one-by-one scan the unknown-segment rule used to run: the scan is kept here as the
 * reference, and both are compared over generated name sets (exact names, other cases,
 * longer and shorter forms, names inside longer text, typos, unrelated names, ties).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { segmentNameKey } from '../../server/src/model/segments';
import { typoDistance } from '../../server/src/model/distance';
import { distanceWithin, knownSegmentIndex } from '../../server/src/rules/segments/known';
import { referenceMatch } from '../fixtures/segment-scan';

const WORDS = [
  'Mid-Market',
  'SaaS',
  'Platform',
  'Teams',
  'FinTech',
  'Regulated',
  'EU',
  'малый',
  'бизнес',
  'Enterprise',
  'a',
  'Ops',
  'DevOps',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'т', ' ', '-', '('), maxLength: 6 }),
);
const name = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));

/** A one-letter edit of a name: a typo within reach of the "did you mean" bar, or not. */
function typo(s: string, at: number, kind: number): string {
  if (!s) return 'x';
  const i = at % s.length;
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 1) return `${s.slice(0, i)}z${s.slice(i)}`;
  if (kind === 2 && i + 1 < s.length) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return `${s.slice(0, i)}q${s.slice(i + 1)}`;
}

const scenario = fc
  .record({
    names: fc.array(name, { minLength: 1, maxLength: 12 }),
    picks: fc.array(fc.record({ of: fc.nat(), how: fc.nat(7), at: fc.nat(), kind: fc.nat(3), extra: name }), { maxLength: 12 }),
  })
  .map(({ names, picks }) => {
    const known = names.map((n, i) => ({ name: n, source: `s${i % 3}.segmentation.md` }));
    const values = picks.map(({ of, how, at, kind, extra }) => {
      const base = names[of % names.length]!;
      switch (how) {
        case 0:
          return base;
        case 1:
          return base.toUpperCase();
        case 2:
          return `${base} ${extra}`;
        case 3:
          return `${extra} ${base} ${extra}`;
        case 4:
          return base.split(' ').slice(0, -1).join(' ');
        case 5:
          return typo(typo(base, at, kind), at * 7 + 3, (kind + 1) % 4);
        case 6:
          return extra;
        default:
          return typo(base, at, kind);
      }
    });
    return { known, values };
  });

describe('workspace segments, indexed', () => {
  test('the index judges every reference as the one-by-one scan does', () => {
    fc.assert(
      fc.property(scenario, ({ known, values }) => {
        const index = knownSegmentIndex(known);
        for (const value of values) assert.deepEqual(index.match(segmentNameKey(value)), referenceMatch(known, value), value);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  test('the banded distance is typoDistance with the same bound', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'д', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.nat(12), (a, b, max) => {
        assert.equal(distanceWithin(a, b, max), typoDistance(a, b, max));
      }),
      { numRuns: 5000, seed: 14 },
    );
  });

  test('ties go to the first of equally close names in the workspace order', () => {
    const known = [
      { name: 'Regulated FinTeck', source: 'b.md' },
      { name: 'Regulated FinTecg', source: 'a.md' },
    ];
    assert.deepEqual(knownSegmentIndex(known).match(segmentNameKey('Regulated FinTech')), { kind: 'typo', segment: known[0] });
  });

  test('the index is built once per list', () => {
    const known = [{ name: 'Mid-Market SaaS', source: 'a.md' }];
    assert.equal(knownSegmentIndex(known), knownSegmentIndex(known));
    assert.notEqual(knownSegmentIndex(known), knownSegmentIndex([...known]));
  });
});
