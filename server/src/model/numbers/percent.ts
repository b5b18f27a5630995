/**
 * The marks after a number that make it a percent or a multiple: `8%`, `12,5 %`,
 * `40 процентов`, `5 percent`; `3x`, `3X`, `3х` (Cyrillic), `1.5×`. An `x` followed by an
 * amount (`3x $15k`, `3x 5`) is a product operator instead (see counts.ts), and `3x3` or
 * `3xl` is not a multiple.
 */
import { at, SP } from './tokens';

export type Mark = 'percent' | 'multiple';

const PERCENT = new RegExp(`${SP}?%|${SP}(?:percent|per cent|pct|процент(?:ов|а)?)(?![\\p{L}])`, 'iuy');
/** `3x` but not `3x $15k` (a product) nor `3x3`, `3xl`. */
const MULTIPLE = new RegExp(`[xXхХ×](?![\\p{L}\\p{N}])(?!${SP}*(?:[$€£¥₽]|\\d))`, 'uy');

/** The percent or multiple mark at `i`, with its length. */
export function readMark(text: string, i: number): { mark: Mark; length: number } | undefined {
  const percent = at(PERCENT, text, i);
  if (percent) return { mark: 'percent', length: percent[0].length };
  const multiple = at(MULTIPLE, text, i);
  if (multiple) return { mark: 'multiple', length: multiple[0].length };
  return undefined;
}
