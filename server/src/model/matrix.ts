/**
 * Prioritization matrices (docs/methodology.md, "The prioritization matrix"): any table whose
 * header names Attractiveness, Fit, Accessibility and Strategic Value (optionally Total and
 * Tier), in any language of the lexicon (model/lexicon), under the names people give them
 * ("Market attractiveness", "Ability to win (fit)", "Reachability", "Score"), in any kind of
 * document. All four dimensions must be named: a table with three is not a matrix.
 */
import { matrixHeaders, matrixScoreWords, matrixStopWords, segmentHeaders, type MatrixHeaderColumn } from './lexicon';
import { normalizeKey, stemWord } from './normalize';
import type { SegDocument, Table } from './types';

export type MatrixColumn = 'segment' | MatrixHeaderColumn;

/**
 * A header names a dimension when its words (stemmed, linking words dropped) include all the
 * words of one of that dimension's names in the lexicon (model/lexicon), so "Market
 * attractiveness", "Attractiveness of market", "Ability to win (fit)" and "Fit (ability to
 * win)" all name theirs; Total and Tier headers must consist of their words only ("Fit
 * score" is the fit column, "Score" alone the total).
 */
const DIMENSIONS = ['attractiveness', 'fit', 'accessibility', 'strategic'] as const;

/** Stems by the script of the word (model/normalize.ts `stemWord`, memoised there). */
const stem = stemWord;

/** A header's meaningful stems. `keepScore` keeps `score` / `оценка` (for Total headers). */
function stems(text: string, keepScore = false): string[] {
  return normalizeKey(text)
    .split(' ')
    .filter((w) => w !== '' && (!matrixStopWords.has(w) || (keepScore && matrixScoreWords.has(w))))
    .map(stem);
}

const DIMENSION_NAMES = DIMENSIONS.map((col) => ({
  col,
  names: matrixHeaders[col].map((n) => stems(n)).filter((n) => n.length),
}));
const TOTAL_STEMS = new Set(matrixHeaders.total.flatMap((n) => stems(n, true)));
const TIER_STEMS = new Set(matrixHeaders.tier.flatMap((n) => stems(n)));

/** The dimensions a header names (usually none or one). */
function dimensionsOf(text: string): Array<(typeof DIMENSIONS)[number]> {
  const read = (words: string[]): Array<(typeof DIMENSIONS)[number]> => {
    const have = new Set(words);
    return DIMENSION_NAMES.filter(({ names }) => names.some((n) => n.every((w) => have.has(w)))).map(({ col }) => col);
  };
  const own = read(stems(text));
  if (own.length) return own;
  // `Fit (ability to win)` has lost its aside to normalisation; `(fit)` may be all that names it.
  const aside = /\(([^)]*)\)/.exec(text)?.[1];
  return aside ? read(stems(aside)) : [];
}

function onlyOf(text: string, set: ReadonlySet<string>, keepScore: boolean): boolean {
  const words = stems(text, keepScore);
  return words.length > 0 && words.every((w) => set.has(w));
}

export interface Matrix {
  table: Table;
  /**
   * Column index of each known column; `segment` is the column headed Segment / Сегмент, else
   * the first column that is none of the others.
   */
  columns: Partial<Record<MatrixColumn, number>>;
}

/** Matrices already read, by table: rules, validation and the item counts all ask. */
const read = new WeakMap<Table, Matrix | null>();

export function readMatrix(table: Table): Matrix | undefined {
  let m = read.get(table);
  if (m === undefined) {
    m = matrixOf(table) ?? null;
    read.set(table, m);
  }
  return m ?? undefined;
}

function matrixOf(table: Table): Matrix | undefined {
  if (table.header.length < 4) return undefined;
  const columns: Partial<Record<MatrixColumn, number>> = {};
  const named = table.header.findIndex((cell) => segmentHeaders.has(normalizeKey(cell.text)));
  if (named >= 0) columns.segment = named;
  // Dimensions first; a header naming two ("Strategic fit") takes the one no other header took.
  const candidates = table.header.map((cell, i) => (i === named ? [] : dimensionsOf(cell.text)));
  const assigned = new Set<number>();
  for (let pass = 0; pass < 2; pass++) {
    candidates.forEach((cands, i) => {
      if (assigned.has(i)) return;
      const open = cands.filter((c) => columns[c] === undefined);
      if (open.length === 1 && (pass === 1 || cands.length === 1)) {
        columns[open[0]!] = i;
        assigned.add(i);
      }
    });
  }
  if (!DIMENSIONS.every((c) => columns[c] !== undefined)) return undefined;
  table.header.forEach((cell, i) => {
    if (i === named || assigned.has(i) || candidates[i]!.length) return;
    if (columns.total === undefined && onlyOf(cell.text, TOTAL_STEMS, true)) columns.total = i;
    else if (columns.tier === undefined && onlyOf(cell.text, TIER_STEMS, false)) columns.tier = i;
    else if (columns.segment === undefined) columns.segment = i;
  });
  return { table, columns };
}

/** Every prioritization matrix in the document, in document order. */
export function findMatrices(doc: SegDocument): Matrix[] {
  const out: Matrix[] = [];
  for (const section of [doc.preamble, ...doc.allSections]) {
    for (const t of section.tables) {
      const m = readMatrix(t);
      if (m) out.push(m);
    }
  }
  return out.sort((a, b) => a.table.span.start - b.table.span.start);
}
