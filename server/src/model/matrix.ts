/**
 * Prioritization matrices (seed 002, "Segment Prioritization Framework"): any table whose
 * header names Attractiveness, Fit, Accessibility and Strategic Value (optionally Total and
 * Tier), in English or Russian, in any kind of document.
 */
import { normalizeKey } from './normalize';
import type { SegDocument, Table } from './types';

export type MatrixColumn = 'segment' | 'attractiveness' | 'fit' | 'accessibility' | 'strategic' | 'total' | 'tier';

const HEADERS: Record<Exclude<MatrixColumn, 'segment'>, string[]> = {
  attractiveness: ['attractiveness', 'привлекательность'],
  fit: ['fit', 'соответствие'],
  accessibility: ['accessibility', 'доступность'],
  strategic: ['strategic value', 'стратегическая ценность', 'strategic'],
  total: ['total', 'total score', 'score', 'итого', 'сумма', 'всего', 'итоговый балл', 'сумма баллов', 'балл'],
  tier: ['tier', 'priority tier', 'priority', 'уровень', 'приоритет', 'уровень приоритета'],
};

/** Headers that name the segment column, so a leading `#` or `Rank` column is not taken for it. */
const SEGMENT_HEADERS = ['segment', 'segments', 'segment name', 'сегмент', 'сегменты', 'название сегмента'];

export interface Matrix {
  table: Table;
  /**
   * Column index of each known column; `segment` is the column headed Segment / Сегмент, else
   * the first column that is none of the others.
   */
  columns: Partial<Record<MatrixColumn, number>>;
}

export function readMatrix(table: Table): Matrix | undefined {
  const columns: Partial<Record<MatrixColumn, number>> = {};
  const named = table.header.findIndex((cell) => SEGMENT_HEADERS.includes(normalizeKey(cell.text)));
  if (named >= 0) columns.segment = named;
  table.header.forEach((cell, i) => {
    const key = normalizeKey(cell.text);
    if (i === named) return;
    // `Attractiveness Score` is the attractiveness column (a scale such as `Fit (1-10)` is
    // already gone: normalizeKey drops parentheticals).
    const bare = key.replace(/ (?:score|оценка|балл|баллы)$/u, '');
    for (const [col, names] of Object.entries(HEADERS) as Array<[Exclude<MatrixColumn, 'segment'>, string[]]>) {
      if (columns[col] === undefined && (names.includes(key) || names.includes(bare))) {
        columns[col] = i;
        return;
      }
    }
    if (columns.segment === undefined) columns.segment = i;
  });
  const required: MatrixColumn[] = ['attractiveness', 'fit', 'accessibility', 'strategic'];
  return required.every((c) => columns[c] !== undefined) ? { table, columns } : undefined;
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
