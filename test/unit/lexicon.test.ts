/**
 * The lexicons (server/src/model/lexicon): every language fills every entry, no list repeats
 * a word, and each list is written the way its reader compares it — so a word added in the
 * wrong form (capitals, punctuation, a word normalizeKey would fold) fails here instead of
 * silently never matching. `CHECKS` names a check per entry, so a new entry needs one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES, LEXICONS, type Lexicon, type ResearchSource, type ResearchWords } from '../../server/src/model/lexicon';
import { normalizeKey } from '../../server/src/model/normalize';

type Check =
  /** Compared with normalizeKey'd text: each word is its own normalizeKey. */
  | 'normalized'
  /** Normalised and stemmed by the reader: lower case, and normalizeKey leaves some text. */
  | 'reader-normalizes'
  /** Matched as written (case-insensitively or not): lower case, trimmed, no markup. */
  | 'lower-case'
  /** A pattern, or patterns per key, compared in the reader: compiled, not stateful. */
  | 'pattern'
  /** Tier word forms: checked against the tier words below. */
  | 'forms'
  /** Pronoun folding: the form and its pronouns are each their own normalizeKey, checked below. */
  | 'pronouns'
  /** Compared with lower-case runs of letters, `ё` written `е`: letters only, no `ё`. */
  | 'folded-letters';

/** Lists a language may leave empty, and why. */
const MAY_BE_EMPTY: ReadonlySet<string> = new Set([
  // A language that names the strategy before the segment (`Стратегия для SMB`) has no words after it.
  'strategyHeadings.after',
]);

const CHECKS: Record<keyof Lexicon, Check> = {
  headingNumberWords: 'lower-case',
  headingConjunctions: 'lower-case',
  headingStopWords: 'normalized',
  pronouns: 'pronouns',
  strategyHeadings: 'normalized',
  matrixHeaders: 'reader-normalizes',
  matrixHeaderFiller: 'normalized',
  matrixScoreWords: 'normalized',
  segmentHeaders: 'normalized',
  keyHeaders: 'normalized',
  valueHeaders: 'normalized',
  tierWords: 'pattern',
  tierWordForms: 'forms',
  tierHeaders: 'normalized',
  tierLabelWords: 'normalized',
  tierValueWords: 'lower-case',
  allocationTotalKeys: 'normalized',
  allocationHeaderStarts: 'normalized',
  allocationHeaderWords: 'normalized',
  shareHeaderWords: 'normalized',
  quoteKeys: 'normalized',
  speechWords: 'pattern',
  attributionWords: 'lower-case',
  researchSources: 'pattern',
  researchVerbs: 'pattern',
  researchPeople: 'pattern',
  researchLine: 'pattern',
  metricNames: 'pattern',
  ltvMultipleLinks: 'lower-case',
  ltvMultipleFillers: 'lower-case',
  metricValueLinks: 'lower-case',
  employeeNouns: 'pattern',
  similarityStopWords: 'folded-letters',
};

/** The word lists of an entry: the list itself, or one per key (matrixHeaders). */
function wordLists(value: unknown): Array<[string, readonly string[]]> {
  if (Array.isArray(value)) return [['', value as string[]]];
  return Object.entries(value as Record<string, readonly string[]>).map(([k, v]) => [`.${k}`, v]);
}

/** Every regular expression an entry holds. */
function patterns(value: unknown): RegExp[] {
  if (value instanceof RegExp) return [value];
  if (value === undefined || typeof value === 'string') return [];
  if (Array.isArray(value)) return value.flatMap(patterns);
  return Object.values(value as Record<string, unknown>).flatMap(patterns);
}

for (const language of LANGUAGES) {
  const lexicon = LEXICONS[language];
  describe(`the ${language} lexicon`, () => {
    test('fills every entry, every list non-empty and without repeats', () => {
      for (const key of Object.keys(CHECKS) as Array<keyof Lexicon>) {
        const value: unknown = lexicon[key];
        assert.ok(value !== undefined, `${language}.${key} is missing`);
        if (CHECKS[key] === 'pattern') {
          assert.ok(patterns(value).length > 0, `${language}.${key} holds no pattern`);
          continue;
        }
        if (CHECKS[key] === 'forms') {
          assert.ok(lexicon.tierWordForms.length > 0, `${language}.${key} is empty`);
          continue;
        }
        if (CHECKS[key] === 'pronouns') {
          assert.ok(lexicon.pronouns.from.length > 0, `${language}.${key} folds no pronoun`);
          continue;
        }
        for (const [sub, words] of wordLists(value)) {
          const where = `${language}.${key}${sub}`;
          assert.ok(words.length > 0 || MAY_BE_EMPTY.has(`${key}${sub}`), `${where} is empty`);
          const repeated = words.filter((w, i) => words.indexOf(w) !== i);
          assert.deepEqual(repeated, [], `${where} repeats ${repeated.join(', ')}`);
          assert.ok(!words.includes(''), `${where} holds an empty word`);
        }
      }
    });

    test('writes each list the way its reader compares it', () => {
      for (const key of Object.keys(CHECKS) as Array<keyof Lexicon>) {
        const check = CHECKS[key];
        if (check === 'pattern' || check === 'forms' || check === 'pronouns') continue;
        for (const [sub, words] of wordLists(lexicon[key])) {
          for (const w of words) {
            const where = `${language}.${key}${sub}: "${w}"`;
            assert.equal(w, w.toLowerCase().trim(), `${where} is not lower case and trimmed`);
            if (check === 'normalized')
              assert.equal(normalizeKey(w), w, `${where} is not its normalizeKey, "${normalizeKey(w)}"`);
            if (check === 'reader-normalizes') assert.notEqual(normalizeKey(w), '', `${where} normalises to nothing`);
            if (check === 'lower-case') assert.match(w, /^[\p{L} ]+$/u, `${where} holds more than letters`);
            if (check === 'folded-letters')
              assert.match(w, /^(?:(?!ё)\p{L})+$/u, `${where} is not one word of letters without ё`);
          }
        }
      }
    });

    test('patterns are plain and stateless: no global or sticky flag', () => {
      for (const key of Object.keys(CHECKS) as Array<keyof Lexicon>) {
        for (const p of patterns(lexicon[key])) assert.ok(!p.global && !p.sticky, `${language}.${key}: ${String(p)} is stateful`);
      }
    });

    test('the tier words a fix writes are tier words of their tier, in their form', () => {
      lexicon.tierWordForms.forEach((form, i) => {
        assert.equal(new Set(form.words).size, 3, `${language} form ${i} repeats a word`);
        form.words.forEach((word, t) => {
          assert.equal(word, word.toLowerCase().trim(), `${language} form ${i}: "${word}" is not lower case`);
          const m = lexicon.tierWords[t]!.exec(word);
          assert.ok(m && m.index === 0 && m[0] === word, `${language} tier ${t + 1} does not match "${word}"`);
          const chosen = lexicon.tierWordForms.find((f) => f.ending?.test(word)) ?? lexicon.tierWordForms[0];
          assert.equal(chosen, form, `${language} "${word}" is read as another form than form ${i}`);
        });
      });
      assert.equal(lexicon.tierWordForms[0]!.ending, undefined, `${language}: the first (default) form has an ending`);
    });

    test('pronouns fold to a form of their own, and are not dropped as heading stop words first', () => {
      const { to, from } = lexicon.pronouns;
      for (const w of [to, ...from]) {
        assert.equal(normalizeKey(w), w, `${language}.pronouns: "${w}" is not its normalizeKey`);
        assert.ok(!lexicon.headingStopWords.includes(w), `${language}.pronouns: "${w}" is a heading stop word`);
      }
      assert.ok(!from.includes(to), `${language}.pronouns: "${to}" folds to itself`);
      assert.equal(new Set(from).size, from.length, `${language}.pronouns repeats a pronoun`);
    });
  });
}

describe('the lexicons agree', () => {
  test('patterns that are merged share their flags, and a cue is given for the same sources', () => {
    const [first, ...rest] = LANGUAGES.map((l) => LEXICONS[l]);
    for (const other of rest) {
      for (const key of ['speechWords', 'researchPeople', 'researchLine', 'employeeNouns'] as const) {
        assert.equal(other[key].flags, first![key].flags, key);
      }
      for (const [source, words] of Object.entries(first!.researchSources) as Array<[ResearchSource, ResearchWords]>) {
        const theirs = other.researchSources[source];
        assert.equal(theirs.word.flags, words.word.flags, `researchSources.${source}.word`);
        assert.equal(theirs.cue === undefined, words.cue === undefined, `researchSources.${source}.cue`);
        if (theirs.cue && words.cue) assert.equal(theirs.cue.flags, words.cue.flags, `researchSources.${source}.cue`);
      }
      for (const [source, word] of Object.entries(first!.researchVerbs)) {
        assert.equal(other.researchVerbs[source as keyof Lexicon['researchVerbs']].flags, word.flags, `researchVerbs.${source}`);
      }
    }
  });

  test('metric names compile into one pattern per metric, with Unicode escapes', () => {
    for (const language of LANGUAGES) {
      for (const [id, name] of Object.entries(LEXICONS[language].metricNames)) {
        assert.ok(name.unicode, `${language}.metricNames.${id} lacks the u flag`);
      }
    }
  });
});
