/**
 * The words segdoc recognises in a document's content, one lexicon per document language.
 * The kind schemas (schemas/*.schema.json) name what a kind holds — its sections, fields and
 * enum values, with their English and Russian titles and aliases; a lexicon holds the words
 * that are read in any kind, outside any one section: table headers, tier words, quote labels,
 * metric names, research words, and the words headings are compared without.
 *
 * Every language fills every entry (each lexicon `satisfies Lexicon`, so the compiler lists
 * what a new language still lacks). Documents mix languages, so readers recognise the words
 * of every language at once, through the merged views of model/lexicon/index.ts.
 *
 * Word lists are written as their readers compare them: lower case and already as
 * model/normalize.ts `normalizeKey` leaves them (test/unit/lexicon.test.ts checks it). Where
 * a language's grammar makes a list of words impractical (Russian case endings, stems), the
 * entry is a regular expression, and only the reader knows the text around it.
 */

/** A tier of the prioritization matrix ("The prioritization matrix": 1 primary, 2 secondary, 3 opportunistic). */
export type TierNumber = 1 | 2 | 3;

/** The columns of a prioritization matrix that are recognised by their header (the segment column is found apart). */
export type MatrixHeaderColumn = 'attractiveness' | 'fit' | 'accessibility' | 'strategic' | 'total' | 'tier';

/** The unit-economics metrics the GTM template sets bars for. */
export type MetricId = 'ltvCac' | 'payback' | 'nrr' | 'pmf';

/** What a research count counts (model/evidence.ts `researchCounts`). */
export type ResearchSource = 'interviews' | 'surveys' | 'deal-reviews' | 'calls' | 'tickets' | 'other';

/** The research sources a verb before the count can name (`interviewed 14`, `surveyed 200`, `reviewed 9 deals`). */
export type ResearchVerbSource = 'interviews' | 'surveys' | 'deal-reviews';

/** How a research count's source is told: a word next to the number, and for some sources a word saying it was studied. */
export interface ResearchWords {
  /** Matches a lower-case word (hyphenated words also give their parts) that says what is counted; anchored at the word's start. */
  word: RegExp;
  /**
   * Matches a word that must stand near `word` for the count to be research (`reviewed 200
   * tickets`, not `handles 200 tickets a week`); undefined when `word` alone is enough.
   * Every language gives a cue for the same sources.
   */
  cue: RegExp | undefined;
}

/** A grammatical form of the tier words a fix writes. */
export interface TierWordForm {
  /** Matches the lower-case written word when it is in this form; the first form is the default and has none. */
  ending?: RegExp;
  /** The words of tiers 1, 2 and 3 in this form, lower case. */
  words: readonly [string, string, string];
}

/**
 * The words of a heading about a segment's strategy (`Strategy for Mid-market`, `Mid-market
 * playbook`, `Стратегия для SMB`), compared as whole words of the normalizeKey'd heading.
 * model/segments/details.ts joins every language's words of a part into one alternation, in
 * `LANGUAGES` order, so that an English word may stand beside a Russian one.
 */
export interface StrategyHeadingWords {
  /** A word for "segment" that may stand before `before` or `after` (`Segment strategy for …`). */
  segment: readonly string[];
  /** Words before the segment's name that say the section is its strategy (`Playbook for …`, `How we win in …`). */
  before: readonly string[];
  /** Words after `before`, before the name (`for`, `in`, `для`). */
  prepositions: readonly string[];
  /** Words after the preposition, before the name, that are not part of it (`the`, `сегмента`). */
  nameLeads: readonly string[];
  /** Words after the segment's name that say the same (`Mid-market playbook`); may be empty where the language puts them first. */
  after: readonly string[];
  /** A heading that is only a preposition and a name (`For mid-market`, `Для SMB`) is about that segment's strategy too. */
  alone: readonly string[];
}

/** Pronouns folded to one form, so that "Who she is" and "Who they are" compare equal. */
export interface PronounFolding {
  /** The form every pronoun becomes (it stays itself). */
  to: string;
  /** The pronouns that become it, lower case and with `ё` written `е`. */
  from: readonly string[];
}

export interface Lexicon {
  // Headings (model/normalize.ts, model/segments/details.ts)

  /**
   * Words that number a heading before its number (`Part II —`, `Step 3.`, `Шаг 1 —`);
   * model/normalize.ts drops them with the number, on the lower-case heading, at its start.
   */
  headingNumberWords: readonly string[];
  /** The word "and" between a heading's words (`Pains and gains`); model/normalize.ts drops it, as a whole lower-case word. */
  headingConjunctions: readonly string[];
  /**
   * Words that decorate a heading without naming its subject (`*Key* challenges`, `*Our*
   * segments`, `*Ключевые* боли`); model/normalize.ts `headingWords` drops them, by normalizeKey'd word.
   */
  headingStopWords: readonly string[];
  /** Pronouns folded to one form; model/normalize.ts `headingWords`, by normalizeKey'd word. */
  pronouns: PronounFolding;
  /** The words of a heading about a segment's strategy; model/segments/details.ts. */
  strategyHeadings: StrategyHeadingWords;

  // Prioritization matrices (model/matrix.ts)

  /**
   * What each matrix column is called. model/matrix.ts compares headers by their stemmed
   * words (`normalizeKey`, then `stemWord`), linking words dropped: a header names a
   * dimension when it holds all the words of one of its names; Total and Tier headers
   * consist of their words only.
   */
  matrixHeaders: Readonly<Record<MatrixHeaderColumn, readonly string[]>>;
  /** Words a matrix header may hold without them naming anything (`ability *to* win`, `fit *rating*`); model/matrix.ts drops them. */
  matrixHeaderFiller: readonly string[];
  /**
   * The word "score": dropped from dimension headers (`Fit score` is the fit column), kept in
   * Total headers (`Total score`); model/matrix.ts.
   */
  matrixScoreWords: readonly string[];
  /** Headers of the segment column, so that a leading `#` or `Rank` column is not taken for it; model/matrix.ts, by `normalizeKey`. */
  segmentHeaders: readonly string[];

  // Key/value tables (model/layout.ts)

  /** Key-column headers of a two-column table of one thing's attributes (`| Attribute | Detail |`); model/layout.ts, by `normalizeKey`. */
  keyHeaders: readonly string[];
  /** Value-column headers of such a table; model/layout.ts, by `normalizeKey`. An empty header counts in every language. */
  valueHeaders: readonly string[];

  // Tiers (rules/matrix/*.ts, rules/score-tier.ts)

  /**
   * The words that name tiers 1, 2 and 3 without their number (`Primary`, `Вторичный`), each
   * matching a whole word in any case; rules/matrix/evaluate.ts `tierWords`, which the Tier
   * cell, the allocation labels, the Priority fields and score-tier's fix all read.
   */
  tierWords: readonly [RegExp, RegExp, RegExp];
  /**
   * The tier words score-tier's fix writes, per grammatical form: the form of the word it
   * replaces (`Вторичная` → `Основная`). Each form's words are matched by `tierWords`.
   */
  tierWordForms: readonly TierWordForm[];
  /** Tier-column headers of a resource allocation table (`| Tier | Share |`); rules/matrix/allocations.ts, by `normalizeKey`. */
  tierHeaders: readonly string[];
  /** Words before a tier's number in an allocation label (`Tier 1`, `Priority 2`); rules/matrix/allocations.ts, by `normalizeKey`. */
  tierLabelWords: readonly string[];
  /** Words before a tier's number in a segment's Priority value (`Tier 1 (Primary target)`); rules/matrix/names.ts, in any case. */
  tierValueWords: readonly string[];

  // Allocations (rules/matrix/allocations.ts)

  /** Labels of a line or row that states the whole, not a share (`Total`, `Итого`); by `normalizeKey`. */
  allocationTotalKeys: readonly string[];
  /** Words that begin a share column's header (`Share`, `Percent`, `Доля`); by `normalizeKey`, as whole words. */
  allocationHeaderStarts: readonly string[];
  /** Words that make a header a share column wherever they stand (`Resource allocation`); by `normalizeKey`, as whole words. */
  allocationHeaderWords: readonly string[];
  /**
   * Words of a column header that may head shares, or that says nothing of its own (`Mix`,
   * `% of budget`, `Value`); by `normalizeKey`, as whole words.
   */
  shareHeaderWords: readonly string[];

  // Evidence of research (model/evidence.ts, rules/persona-evidence.ts)

  /** Field labels that hold a customer quote (`**Quote**:`); rules/persona-evidence.ts, by `normalizeKey`. */
  quoteKeys: readonly string[];
  /**
   * Speech verbs and phrases that introduce a quotation (`As one CFO put it: «…»`);
   * model/evidence.ts, in any case, at the end of the text before the quotation.
   */
  speechWords: RegExp;
  /**
   * Research words that make a closing parenthetical an attribution (`(Head of Ops,
   * interview)`); model/evidence.ts, as written (case matters).
   */
  attributionWords: readonly string[];
  /** The words that tell what a research count counts, per source; model/evidence.ts, on lower-case words. */
  researchSources: Readonly<Record<ResearchSource, ResearchWords>>;
  /** Verbs before a count that make it research (`interviewed 14`), per source; model/evidence.ts, on lower-case words. */
  researchVerbs: Readonly<Record<ResearchVerbSource, RegExp>>;
  /** Words for people after a number, so that a year-like number is still a count (`2000 respondents`); lower-case words. */
  researchPeople: RegExp;
  /** Words that make a line about research, with or without a count; model/evidence.ts, anywhere on a line, in any case. */
  researchLine: RegExp;

  // Unit economics (rules/unit-economics.ts)

  /**
   * How each metric is named, anywhere on a line or in a table header; rules/unit-economics.ts
   * joins the languages and requires no letter or digit on either side. Abbreviations match
   * in capitals only: `nrr` or `pmf` in running text are not the metrics.
   */
  metricNames: Readonly<Record<MetricId, RegExp>>;
  /** Words between `LTV` and a multiple of CAC (`LTV *is* 4.2x CAC`); rules/unit-economics.ts, as written. */
  ltvMultipleLinks: readonly string[];
  /** Words between a multiple and `CAC` (`LTV of 4.2× *the* CAC`); rules/unit-economics.ts, as written. */
  ltvMultipleFillers: readonly string[];
  /** Words between a metric's name and a bare number that is its value (`LTV/CAC *ratio* 4.2`); rules/unit-economics.ts, in any case. */
  metricValueLinks: readonly string[];

  // Segments (rules/segments/*.ts)

  /**
   * Matches the noun of a count that counts a company's people, not its customers (`200
   * employees`, `50 сотрудников`), at the noun's start, in any case; rules/segments/evaluate.ts
   * skips such counts when it reads a segment's size.
   */
  employeeNouns: RegExp;
  /**
   * Function words and the generic words of these documents, which say nothing about a need;
   * rules/segments/similarity.ts drops them before comparing two segments' needs. Compared
   * with lower-case runs of letters, `ё` written `е`.
   */
  similarityStopWords: readonly string[];
}
