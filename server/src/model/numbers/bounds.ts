/**
 * One bound of a quantity: `[currency] number [scale] [currency] [% | x]`, as in `$180M`,
 * `US$ 1.5B`, `4,5 млрд ₽`, `5 000 руб.`, `8%`, `3x`, `15к`; or a ratio `3:1`. A range
 * (ranges.ts) is two bounds; a single value is one. Fractions and `24/7` are refused here.
 */
import type { Currency } from './types';
import { CUR_PREFIX, CUR_SUFFIX, currencyOf } from './money';
import { lexNumeral, type Numeral } from './numerals';
import { readMark, type Mark } from './percent';
import { readRatio } from './ratio';
import { SCALE_ATTACHED, SCALE_WORD, scaleOf, type ScaleLang } from './scales';
import { at, isDigit, refuseToken, type Refusal, type Scan } from './tokens';

export interface Bound {
  start: number;
  end: number;
  num: Numeral;
  currency?: Currency;
  /** A currency sign or code written before this bound's number. */
  currencyPrefix: boolean;
  scale?: number;
  scaleLang?: ScaleLang;
  mark?: Mark;
  /** Set for `a:b`: a / b. */
  ratio?: number;
}

export function isRefusal(r: Bound | Refusal | undefined): r is Refusal {
  return r !== undefined && 'refuse' in r;
}

/** A bound carries a currency, scale or mark: enough to make a spaced dash a range. */
export function isMarked(b: Bound): boolean {
  return b.currency !== undefined || b.scale !== undefined || b.mark !== undefined;
}

/** One bound starting at `p` (its currency sign, if any, included); undefined when no digit is there. */
export function readBound(s: Scan, p: number): Bound | Refusal | undefined {
  const text = s.text;
  let i = p;
  const prefix = at(CUR_PREFIX, text, i);
  if (prefix) i += prefix[0].length;
  if (!isDigit(text[i])) return undefined;
  const num = lexNumeral(text, i);
  // Fractions, `24/7` and slashed dates are not quantities.
  if (text[num.end] === '/' && isDigit(text[num.end + 1])) return refuseToken(text, num.start);
  if (text[num.end] === ':' && isDigit(text[num.end + 1])) {
    const ratio = prefix ? undefined : readRatio(text, num, s.lang);
    if (!ratio) return refuseToken(text, num.start);
    return { start: p, end: ratio.end, num, currencyPrefix: false, ratio: ratio.value };
  }
  const bound: Bound = { start: p, end: num.end, num, currencyPrefix: prefix !== null };
  if (prefix) bound.currency = currencyOf(prefix[1]!);
  bound.end = readAfterNumber(text, bound);
  return bound;
}

/** The scale, a currency written after the number, then `%` or `x`, written into `b`; returns the new end. */
function readAfterNumber(text: string, b: Bound): number {
  let i = b.num.end;
  const attached = at(SCALE_ATTACHED, text, i);
  const scaleMatch = attached && !(scaleOf(attached[1]!).needsCurrency && !b.currency) ? attached : at(SCALE_WORD, text, i);
  if (scaleMatch) {
    const scale = scaleOf(scaleMatch[1]!);
    b.scale = scale.factor;
    b.scaleLang = scale.lang;
    i += scaleMatch[0].length;
  }
  if (b.currency) return i;
  const suffix = at(CUR_SUFFIX, text, i);
  if (suffix) {
    b.currency = currencyOf((suffix[1] ?? suffix[2])!);
    return i + suffix[0].length;
  }
  const mark = readMark(text, i);
  if (!mark) return i;
  b.mark = mark.mark;
  return i + mark.length;
}
