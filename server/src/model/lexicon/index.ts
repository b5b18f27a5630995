/**
 * The lexicons of every document language (./en.ts, ./ru.ts; ./types.ts says what each entry
 * is for) and the merged views the readers use. Documents mix languages — a Russian
 * segmentation writes `Tier 1`, `NRR` and English column headers — so recognition uses the
 * words of all languages at once; a reader that must know which language a word is from
 * (score-tier's fix writes a tier word in the language of the one it replaces) reads
 * `LEXICONS` itself. Merged lists keep the order of `LANGUAGES`, then each lexicon's order.
 *
 * Adding a language: its lexicon file, satisfying `Lexicon`, and one entry in `LEXICONS`
 * (its key is a `Language`, so the locale must exist too).
 */
import type { Language } from '../types';
import { en } from './en';
import { ru } from './ru';
import type {
  Lexicon,
  MatrixHeaderColumn,
  MetricId,
  ResearchSource,
  ResearchVerbSource,
  ResearchWords,
  StrategyHeadingWords,
  TierWordForm,
} from './types';

export type * from './types';

export const LEXICONS: Readonly<Record<Language, Lexicon>> = { en, ru };

/** The document languages, in the order merged lists take them. */
export const LANGUAGES: readonly Language[] = ['en', 'ru'];

/** One list's words in every language, each once. */
function allWords(pick: (l: Lexicon) => readonly string[]): string[] {
  return [...new Set(LANGUAGES.flatMap((language) => pick(LEXICONS[language])))];
}

/** A regular expression matching what any language's pattern matches (they must share flags). */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  if (patterns.some((p) => p.flags !== flags))
    throw new Error(`lexicon patterns differ in flags: ${patterns.map(String).join(', ')}`);
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
}

function anyLanguage(pick: (l: Lexicon) => RegExp): RegExp {
  return anyOf(LANGUAGES.map((language) => pick(LEXICONS[language])));
}

/** The source of a regular expression alternation of `words`, matched literally. */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}

// Headings (model/normalize.ts, model/segments/details.ts)

export const headingNumberWords: readonly string[] = allWords((l) => l.headingNumberWords);
export const headingConjunctions: readonly string[] = allWords((l) => l.headingConjunctions);
export const headingStopWords: ReadonlySet<string> = new Set(allWords((l) => l.headingStopWords));
/** Each pronoun → the one form of its language; that form → itself. */
export const pronounForms: ReadonlyMap<string, string> = new Map(
  LANGUAGES.flatMap((language) => {
    const { to, from } = LEXICONS[language].pronouns;
    return [...from.map((p): [string, string] => [p, to]), [to, to] as [string, string]];
  }),
);
/** Each part of a strategy heading, every language's words in one list. */
export const strategyHeadings: Readonly<StrategyHeadingWords> = {
  segment: allWords((l) => l.strategyHeadings.segment),
  before: allWords((l) => l.strategyHeadings.before),
  prepositions: allWords((l) => l.strategyHeadings.prepositions),
  nameLeads: allWords((l) => l.strategyHeadings.nameLeads),
  after: allWords((l) => l.strategyHeadings.after),
  alone: allWords((l) => l.strategyHeadings.alone),
};

// Prioritization matrices (model/matrix.ts)

const MATRIX_COLUMNS: readonly MatrixHeaderColumn[] = ['attractiveness', 'fit', 'accessibility', 'strategic', 'total', 'tier'];

export const matrixHeaders: Readonly<Record<MatrixHeaderColumn, readonly string[]>> = (() => {
  const out = {} as Record<MatrixHeaderColumn, readonly string[]>;
  for (const c of MATRIX_COLUMNS) out[c] = allWords((l) => l.matrixHeaders[c]);
  return out;
})();
export const matrixScoreWords: ReadonlySet<string> = new Set(allWords((l) => l.matrixScoreWords));
/** Every word a matrix header may hold without naming anything: the filler and the score words. */
export const matrixStopWords: ReadonlySet<string> = new Set([...allWords((l) => l.matrixHeaderFiller), ...matrixScoreWords]);
export const segmentHeaders: ReadonlySet<string> = new Set(allWords((l) => l.segmentHeaders));

// Key/value tables (model/layout.ts); an empty header says nothing either way, in any language.

export const keyHeaders: ReadonlySet<string> = new Set(['', ...allWords((l) => l.keyHeaders)]);
export const valueHeaders: ReadonlySet<string> = new Set(['', ...allWords((l) => l.valueHeaders)]);

// Tiers and allocations (rules/matrix/*.ts)

export const tierHeaders: ReadonlySet<string> = new Set(allWords((l) => l.tierHeaders));
export const tierLabelWords: readonly string[] = allWords((l) => l.tierLabelWords);
export const tierValueWords: readonly string[] = allWords((l) => l.tierValueWords);
export const allocationTotalKeys: ReadonlySet<string> = new Set(allWords((l) => l.allocationTotalKeys));
export const allocationHeaderStarts: readonly string[] = allWords((l) => l.allocationHeaderStarts);
export const allocationHeaderWords: readonly string[] = allWords((l) => l.allocationHeaderWords);
export const shareHeaderWords: readonly string[] = allWords((l) => l.shareHeaderWords);

/** The tier word forms of a language, for a fix written in the language of the word it replaces. */
export function tierWordForms(language: Language): readonly TierWordForm[] {
  return LEXICONS[language].tierWordForms;
}

// Evidence of research (model/evidence.ts, rules/persona-evidence.ts)

export const quoteKeys: ReadonlySet<string> = new Set(allWords((l) => l.quoteKeys));
export const speechWords: RegExp = anyLanguage((l) => l.speechWords);
export const attributionWords: readonly string[] = allWords((l) => l.attributionWords);

const RESEARCH_SOURCES: readonly ResearchSource[] = ['interviews', 'surveys', 'deal-reviews', 'calls', 'tickets', 'other'];
const VERB_SOURCES: readonly ResearchVerbSource[] = ['interviews', 'surveys', 'deal-reviews'];

/** Each source's words in every language, in the order sources are tried. */
export const researchSources: ReadonlyArray<{ source: ResearchSource } & ResearchWords> = RESEARCH_SOURCES.map((source) => {
  const cues = LANGUAGES.map((language) => LEXICONS[language].researchSources[source].cue).filter(
    (c): c is RegExp => c !== undefined,
  );
  return { source, word: anyLanguage((l) => l.researchSources[source].word), cue: cues.length ? anyOf(cues) : undefined };
});
export const researchVerbs: ReadonlyArray<{ source: ResearchVerbSource; word: RegExp }> = VERB_SOURCES.map((source) => ({
  source,
  word: anyLanguage((l) => l.researchVerbs[source]),
}));
export const researchPeople: RegExp = anyLanguage((l) => l.researchPeople);
export const researchLine: RegExp = anyLanguage((l) => l.researchLine);

// Unit economics (rules/unit-economics.ts)

/** The source of an alternation of a metric's names in every language. */
export function metricNameSource(id: MetricId): string {
  return LANGUAGES.map((language) => `(?:${LEXICONS[language].metricNames[id].source})`).join('|');
}
export const ltvMultipleLinks: readonly string[] = allWords((l) => l.ltvMultipleLinks);
export const ltvMultipleFillers: readonly string[] = allWords((l) => l.ltvMultipleFillers);
export const metricValueLinks: readonly string[] = allWords((l) => l.metricValueLinks);

// Segments (rules/segments/*.ts)

export const employeeNouns: RegExp = anyLanguage((l) => l.employeeNouns);
export const similarityStopWords: ReadonlySet<string> = new Set(allWords((l) => l.similarityStopWords));
