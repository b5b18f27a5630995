/**
 * Evaluating prioritization matrices (docs/methodology.md, "The prioritization matrix"): each
 * row's four scores, the total they add up to, the tier that total implies, and what the
 * document states for Total and Tier. The matrix rules (score-range, score-total,
 * score-tier, tier-mismatch) and the score tallies (code lenses, CLI `scores`) read this one
 * evaluation, so the editor's lens and the diagnostics can never disagree about a total.
 *
 * Cells are read with the quantities reader (model/numbers.ts), after blanking what is
 * markup or a scale around the number, so `9`, `**9**`, `9/10`, `8,5`, `Tier 1`,
 * `1 (Primary)` and `Уровень 1` all read as numbers with the span of the digits. A cell that
 * holds no number (blank, `High`, `TBD`) has no value; nothing is guessed for it.
 *
 * Placeholder rows (`[Segment 1]` in the prioritization template) are evaluated like any other row:
 * the template's numbers are real numbers that a marketer keeps when filling in the names.
 */
import { LANGUAGES, LEXICONS, type TierNumber } from '../../model/lexicon';
import { findMatrices, type Matrix } from '../../model/matrix';
import { parseQuantity } from '../../model/numbers';
import type { Language, SegDocument, TableCell } from '../../model/types';
import type { Span } from '../../parse/text';

export type Tier = TierNumber;

export type ScoreColumn = 'attractiveness' | 'fit' | 'accessibility' | 'strategic';

/** The four scored dimensions, in the order the methodology lists them. */
export const SCORE_COLUMNS: readonly ScoreColumn[] = ['attractiveness', 'fit', 'accessibility', 'strategic'];

/** Lowest total of each tier: the prioritization matrix puts 30–40 in tier 1, 20–29 in tier 2, <20 in tier 3. */
export interface TierThresholds {
  tier1Min: number;
  tier2Min: number;
}

export const DEFAULT_THRESHOLDS: Readonly<TierThresholds> = { tier1Min: 30, tier2Min: 20 };

export interface MatrixOptions extends Partial<TierThresholds> {
  /** The document language, for the decimal comma of `8,5`; the document's own when absent. */
  language?: Language;
}

/** One cell as read: the number it holds (if any) and where it is. */
export interface CellValue {
  /** The number the cell states; undefined for a blank or non-numeric cell. */
  value?: number;
  /** The cell's text (trimmed, without the pipes), or a zero-length span at the row's end when the row has no such cell. */
  span: Span;
  /** The cell text as written. */
  text: string;
  /** The digits of the number only (what a fix replaces, so padding and `**` stay). */
  numberSpan?: Span;
}

export interface MatrixRowEvaluation {
  /** The segment name as written in its cell, emphasis markers removed (`[Segment 1]` keeps its brackets). */
  segment: string;
  segmentSpan: Span;
  /** The whole table row line, pipes included. */
  rowSpan: Span;
  scores: Record<ScoreColumn, CellValue>;
  /** Sum of the four scores; undefined when one of them has no value. */
  computedTotal?: number;
  /** Present when the matrix has a Total column. */
  statedTotal?: CellValue;
  /** The tier `computedTotal` implies; undefined when the total is. */
  computedTier?: Tier;
  /** Present when the matrix has a Tier column. */
  statedTier?: CellValue;
}

export interface MatrixEvaluation {
  matrix: Matrix;
  rows: MatrixRowEvaluation[];
}

/** The tier a total implies: at least tier1Min → 1, at least tier2Min → 2, otherwise 3. */
export function tierFor(total: number, thresholds: Partial<TierThresholds> = {}): Tier {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  if (total >= t.tier1Min) return 1;
  if (total >= t.tier2Min) return 2;
  return 3;
}

/**
 * The totals of a tier as people write them: `≥ 30`, `20–29`, `< 20` (integer thresholds,
 * the matrix's 1–40 scale), or `20 to < 30.5` when a threshold has decimals.
 */
export function tierRange(tier: Tier, thresholds: Partial<TierThresholds> = {}): string {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  if (tier === 1) return `≥ ${formatNumber(t.tier1Min)}`;
  if (tier === 3) return `< ${formatNumber(t.tier2Min)}`;
  return Number.isInteger(t.tier1Min) && Number.isInteger(t.tier2Min)
    ? `${t.tier2Min}–${t.tier1Min - 1}`
    : `${formatNumber(t.tier2Min)} to < ${formatNumber(t.tier1Min)}`;
}

/**
 * A number for a message or a replacement: integers as they are, fractions with at most two
 * decimals (float sums such as 8.1 + 7.2 print as 15.3), with a decimal comma in Russian.
 */
export function formatNumber(n: number, language: Language = 'en'): string {
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return language === 'ru' ? s.replace('.', ',') : s;
}

/** Whether two numbers are equal up to float noise (a sum of decimals is not exact). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** Every prioritization matrix of the document, evaluated row by row, in document order. */
export function evaluateMatrices(doc: SegDocument, options: MatrixOptions = {}): MatrixEvaluation[] {
  return findMatrices(doc).map((matrix) => evaluateMatrix(doc, matrix, options));
}

/** One matrix, evaluated row by row. Rows whose cells are all blank are left out. */
export function evaluateMatrix(doc: SegDocument, matrix: Matrix, options: MatrixOptions = {}): MatrixEvaluation {
  const language = options.language ?? doc.language;
  const thresholds: TierThresholds = {
    tier1Min: options.tier1Min ?? DEFAULT_THRESHOLDS.tier1Min,
    tier2Min: options.tier2Min ?? DEFAULT_THRESHOLDS.tier2Min,
  };
  const { columns } = matrix;
  const rows: MatrixRowEvaluation[] = [];
  for (const cells of matrix.table.rows) {
    if (!cells.length || cells.every((c) => c.text === '')) continue;
    const line = doc.lines.lineAt(cells[0]!.span.start);
    const rowSpan = { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
    const cellAt = (i: number | undefined): TableCell => {
      const c = i === undefined ? undefined : cells[i];
      // GFM lets a row have fewer cells than the header; the missing ones are blank.
      return c ?? { text: '', span: { start: rowSpan.end, end: rowSpan.end } };
    };
    const segmentCell = cellAt(columns.segment);
    const scores = {} as Record<ScoreColumn, CellValue>;
    for (const col of SCORE_COLUMNS) scores[col] = readScoreCell(cellAt(columns[col]), language);
    const row: MatrixRowEvaluation = {
      segment: stripEmphasis(segmentCell.text),
      segmentSpan: segmentCell.span,
      rowSpan,
      scores,
    };
    const values = SCORE_COLUMNS.map((c) => scores[c].value);
    if (values.every((v): v is number => v !== undefined)) {
      row.computedTotal = values.reduce((a, b) => a + b, 0);
      row.computedTier = tierFor(row.computedTotal, thresholds);
    }
    if (columns.total !== undefined) row.statedTotal = readScoreCell(cellAt(columns.total), language);
    if (columns.tier !== undefined) row.statedTier = readTierCell(cellAt(columns.tier), language);
    rows.push(row);
  }
  return { matrix, rows };
}

/** `**Acme**` → `Acme`: emphasis and code markers around a name are not part of it. */
function stripEmphasis(text: string): string {
  return text.replace(/^[*_`]+|[*_`]+$/g, '').trim();
}

/**
 * The cell text with what is not the number blanked to spaces of the same length, so that
 * offsets stay those of the document: emphasis and code markers (`**9**`), and the scale of
 * a `9/10` or `34/40` (the quantities reader rightly refuses fractions elsewhere, but in a
 * score cell `/10` only says which scale the score is on).
 */
function readable(text: string): string {
  return text
    .replace(/[*_`~]/g, ' ')
    .replace(/(\d)(\s*\/\s*\d+)(?!\d)/g, (_m, d: string, scale: string) => d + ' '.repeat(scale.length));
}

/** A score or total cell: a single number (not a range, a percent or an amount). */
export function readScoreCell(cell: TableCell, language: Language): CellValue {
  const out: CellValue = { span: cell.span, text: cell.text };
  const q = parseQuantity(readable(cell.text), { language, offset: cell.span.start });
  if (q && (q.kind === 'number' || q.kind === 'count') && q.min === undefined) {
    out.value = q.value;
    out.numberSpan = digitsSpan(cell, q.span);
  }
  return out;
}

/**
 * The digits of a quantity's span: a comparator (`~34`) or sign stays outside, so a fix
 * that writes the computed number keeps what surrounds it.
 */
function digitsSpan(cell: TableCell, span: Span): Span {
  const rel = cell.text.slice(span.start - cell.span.start, span.end - cell.span.start);
  const m = /[-−]?\d[\d\s.,\u00A0\u202F]*\d|[-−]?\d/u.exec(rel);
  if (!m) return span;
  return { start: span.start + m.index, end: span.start + m.index + m[0].length };
}

/**
 * Words that name a tier without its number, as the tier section titles of the
 * prioritization template do: Tier 1 (Primary Focus), Tier 2 (Secondary Focus), Tier 3
 * (Opportunistic), and the Russian Уровень 1 (Основной фокус) … Each language's patterns are
 * its lexicon's `tierWords` (model/lexicon); each matches the whole word.
 */
const TIER_PATTERNS: ReadonlyArray<{ tier: Tier; language: Language; pattern: RegExp }> = ([1, 2, 3] as const).flatMap((tier) =>
  LANGUAGES.map((language) => ({ tier, language, pattern: LEXICONS[language].tierWords[tier - 1] })),
);

const WORD = /\p{L}+/gu;

/** Tier words in `text`, with their offsets relative to `text`. */
export function tierWords(text: string): Array<{ tier: Tier; language: Language; start: number; end: number; word: string }> {
  const out: Array<{ tier: Tier; language: Language; start: number; end: number; word: string }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    for (const { tier, language, pattern } of TIER_PATTERNS) {
      const w = pattern.exec(m[0]);
      if (w && w.index === 0 && w[0].length === m[0].length)
        out.push({ tier, language, start: m.index, end: m.index + m[0].length, word: m[0] });
    }
  }
  return out;
}

/**
 * A Tier cell: its number (`1`, `Tier 1`, `1 (Primary)`, `Уровень 1`, `**1**`), else a tier
 * word alone (`Primary`, `Вторичный`).
 */
export function readTierCell(cell: TableCell, language: Language): CellValue {
  const out = readScoreCell(cell, language);
  if (out.value !== undefined) return out;
  const words = tierWords(cell.text);
  if (words.length) out.value = words[0]!.tier;
  return out;
}
