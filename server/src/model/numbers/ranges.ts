/**
 * Ranges: two bounds joined by a tight dash (`3-5%`, `10–200`), a spaced dash when the first
 * bound already carries a currency, scale, `%` or `x` (`$500K - $2M`), `to`, `от … до`,
 * `between … and`, `между … и`. A range's value is its lower bound.
 *
 * A bound without a currency, scale or `%`/`x` inherits them from the other bound:
 * `$6K-120K`, `$5K-10` = $5K–$10K, `3-5%`, `1,5–2 млн ₽`. The first bound takes the
 * second's scale only when the second has no currency sign of its own and the order stays
 * ascending: `$5-10M` = $5M–$10M, but `$500-5K` = $500–$5,000 and `$500-$10K` as written.
 * A descending pair (`10-5`) and a date part (`2026-01`) are not ranges.
 */
import type { Currency } from './types';
import { isMarked, isRefusal, readBound, type Bound } from './bounds';
import type { Opener, Prefix } from './comparators';
import { numeralValue } from './numerals';
import type { Mark } from './percent';
import { at, SIGN_THEN_DIGIT, SP, type Scan } from './tokens';

/** The number part of a quantity, a single value or a range, before units and nouns. */
export interface Core {
  end: number;
  value: number;
  min?: number;
  max?: number;
  currency?: Currency;
  mark?: Mark;
  ratio: boolean;
}

/** The value of one bound, scale and sign applied. */
export function singleCore(s: Scan, b: Bound, negative: boolean): Core | undefined {
  if (b.ratio !== undefined) return { end: b.end, value: negative ? -b.ratio : b.ratio, ratio: true };
  const v = numeralValue(b.num, b.scaleLang, s.lang);
  if (v === undefined) return undefined;
  const value = (negative ? -v : v) * (b.scale ?? 1);
  const core: Core = { end: b.end, value, ratio: false };
  if (b.currency) core.currency = b.currency;
  if (b.mark) core.mark = b.mark;
  return core;
}

/** Bounds of a range whose currencies, marks and numbers agree; ratios and date parts never do. */
function canPair(low: Bound, high: Bound): boolean {
  if (low.ratio !== undefined || high.ratio !== undefined) return false;
  // `2026-01`: a second bound with a leading zero is a date part, not a bound.
  const g = high.num.groups[0]!;
  if (g.length > 1 && g.startsWith('0')) return false;
  if (low.currency && high.currency && low.currency !== high.currency) return false;
  // `$3.1B — 5% share`: an amount and a percentage are two figures, never one range's bounds.
  if ((low.currency && high.mark) || (low.mark && high.currency)) return false;
  return !(low.mark && high.mark && low.mark !== high.mark);
}

/**
 * The lower bound's value when the first bound has no scale: the second's scale when that
 * keeps the order ascending and the second has no currency sign of its own, else as written.
 */
function unscaledLow(s: Scan, low: Bound, high: Bound, sign: number, max: number): number | undefined {
  if (high.scale !== undefined && !high.currencyPrefix) {
    const scaled = numeralValue(low.num, high.scaleLang, s.lang);
    if (scaled !== undefined && sign * scaled * high.scale <= max) return sign * scaled * high.scale;
  }
  const v = numeralValue(low.num, undefined, s.lang);
  return v === undefined ? undefined : sign * v;
}

/** Two bounds as a range, with the inheritance rules above; undefined when they are not one. */
export function rangeCore(s: Scan, low: Bound, high: Bound, negative: boolean): Core | undefined {
  if (!canPair(low, high)) return undefined;
  const highValue = numeralValue(high.num, high.scaleLang ?? low.scaleLang, s.lang);
  if (highValue === undefined) return undefined;
  const sign = negative ? -1 : 1;
  let min: number | undefined;
  let max: number;
  if (low.scale !== undefined) {
    const v = numeralValue(low.num, low.scaleLang, s.lang);
    if (v === undefined) return undefined;
    min = sign * v * low.scale;
    // A second bound without a scale (and without its own currency sign) takes the first's.
    max = highValue * (high.scale ?? (high.currencyPrefix ? 1 : low.scale));
  } else {
    max = highValue * (high.scale ?? 1);
    min = unscaledLow(s, low, high, sign, max);
    if (min === undefined) return undefined;
  }
  if (!(min <= max)) return undefined;
  const core: Core = { end: high.end, value: min, min, max, ratio: false };
  const currency = low.currency ?? high.currency;
  if (currency) core.currency = currency;
  const mark = low.mark ?? high.mark;
  if (mark) core.mark = mark;
  return core;
}

const CONN_TIGHT = new RegExp(`[-–—‒](?=${SIGN_THEN_DIGIT})`, 'uy');
const CONN_SPACED = new RegExp(`${SP}+[-–—‒]${SP}+(?=${SIGN_THEN_DIGIT})`, 'uy');
const CONN_WORD = new RegExp(`${SP}+(to|до|and|и)${SP}+(?=${SIGN_THEN_DIGIT})`, 'iuy');

/** `to` joins any range; `до` only after `от`, `and`/`и` only after `between`/`между`. */
function connectorWord(text: string, i: number, opener: Opener | undefined): RegExpExecArray | null {
  const m = at(CONN_WORD, text, i);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w === 'to') return m;
  if (w === 'до') return opener === 'from' ? m : null;
  return opener === 'between' ? m : null;
}

/** The length of the connector between a first bound and a second one at `first.end`. */
function connectorLength(text: string, first: Bound, opener: Opener | undefined): number | undefined {
  const conn =
    at(CONN_TIGHT, text, first.end) ??
    (isMarked(first) ? at(CONN_SPACED, text, first.end) : null) ??
    connectorWord(text, first.end, opener);
  return conn?.[0].length;
}

export interface ValueRead {
  core: Core;
  /** The range's second bound; undefined for a single value. */
  second?: Bound;
}

/** The number part read from `first` on: a range when a connector and a fitting second bound follow. */
export function readValue(s: Scan, first: Bound, pre: Prefix): ValueRead | undefined {
  if (first.ratio === undefined) {
    const length = connectorLength(s.text, first, pre.opener);
    const second = length === undefined ? undefined : readBound(s, first.end + length);
    if (second !== undefined && !isRefusal(second)) {
      const core = rangeCore(s, first, second, pre.negative);
      if (core) return { core, second };
    }
  }
  const core = singleCore(s, first, pre.negative);
  return core && { core };
}
