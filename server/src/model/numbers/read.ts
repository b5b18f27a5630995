/**
 * One quantity, read from its first digit on: the number part (a bound or a range, see
 * bounds.ts and ranges.ts), then what may follow it in this order — a trailing `+`, a
 * duration unit, a recurrence period, a counted noun, a product operator and the amount
 * after it — and the kind all that makes: `3:1` ratio, `8%` percent, `3x` multiple,
 * `$180M` money, `6 месяцев` duration, `n=100` or `8,000 companies` count, `Tier 1` number.
 * Dates and numbering (not-quantities.ts) are refused as soon as what they need is known.
 */
import type { Comparator, Period, Quantity, QuantityKind } from './types';
import { isRefusal, readBound, type Bound } from './bounds';
import { isOrMoreAt, type Prefix } from './comparators';
import { product, productOperatorLength, readNoun } from './counts';
import { readDurationUnit, readRecurrence } from './durations';
import { afterMonth, isLineNumbering, isMonth, isYear, isYearNoun } from './not-quantities';
import { readValue, type Core } from './ranges';
import { isLetter, refuseToken, type Refusal, type Scan } from './tokens';

export type Read = { q: Quantity; end: number } | Refusal;

/** A quantity as read so far; each stage below extends `end` over what it reads. */
interface Reading {
  first: Bound;
  /** The range's second bound; undefined for a single value. */
  second?: Bound;
  core: Core;
  start: number;
  end: number;
  comparator?: Comparator;
  /** A trailing `+` was read (`100+`). */
  orMore: boolean;
  unit?: Period;
  per?: Period;
  kind: QuantityKind;
  noun?: string;
  nounEnd: number;
  /** The length of a product operator after the number (or its noun), when one follows. */
  productOpLength?: number;
}

/**
 * One quantity whose number (after any currency sign) starts at `p`; `pre` is what stands
 * before it. `nested` is set for the amount of a product, which reads no noun nor product.
 */
export function readQuantity(s: Scan, p: number, pre: Prefix, nested: boolean): Read {
  const text = s.text;
  const first = readBound(s, p);
  if (first === undefined) return { refuse: p + 1 };
  if (isRefusal(first)) return first;
  const value = readValue(s, first, pre);
  if (!value) return refuseToken(text, first.num.start);
  const r = startReading(p, pre, first, value.core, value.second);
  readTail(text, r, pre.sample);
  // `3x $15k`, `12,000×$15k`: a product operator right after the number.
  if (!nested) r.productOpLength = productOperatorLength(text, r.end);
  // `3rd`, `2FA`, `5G`, `$15kACV`: glued to letters, so a name, not a quantity.
  if (r.productOpLength === undefined && isLetter(text[r.end])) return refuseToken(text, first.num.start);
  const refusal = refuseNumberingOrDay(text, r) ?? readCountNoun(text, r, nested) ?? refuseYear(r);
  if (refusal) return refusal;
  const q = toQuantity(s, r);
  if (r.productOpLength !== undefined) {
    const amountStart = (r.noun !== undefined ? r.nounEnd : r.end) + r.productOpLength;
    const amount = readQuantity(s, amountStart, { start: amountStart, negative: false, sample: false }, true);
    if (!('refuse' in amount)) return { q: product(s, q, amount.q), end: amount.end };
  }
  return { q, end: r.end };
}

function startReading(p: number, pre: Prefix, first: Bound, core: Core, second: Bound | undefined): Reading {
  const r: Reading = { first, core, start: pre.start, end: core.end, orMore: false, kind: 'number', nounEnd: core.end };
  if (second) r.second = second;
  // `from 5 to 10`, `от 5 до 10`: the opener belongs to the range and compares nothing.
  if (!(second && pre.opener)) r.comparator = pre.comparator;
  // `between 5` without its `and`: the word is not part of the quantity.
  if (!second && pre.opener === 'between') r.start = p;
  return r;
}

/** The trailing `+`, the duration unit and the recurrence period, then the kind they make. */
function readTail(text: string, r: Reading, sample: boolean): void {
  const { core } = r;
  if (isOrMoreAt(text, r.end)) {
    r.comparator ??= '+';
    r.orMore = true;
    r.end += 1;
  }
  if (!core.currency && !core.mark && !core.ratio) {
    const unit = readDurationUnit(text, r.end, r.second === undefined);
    if (unit) {
      r.unit = unit.period;
      r.end += unit.length;
    }
  }
  if (!core.ratio && core.mark !== 'multiple') {
    const per = readRecurrence(text, r.end, core.currency !== undefined);
    if (per) {
      r.per = per.period;
      r.end += per.length;
    }
  }
  r.kind = kindOf(core, r.unit, sample);
}

/** The kind before any noun is read; a noun later makes a `number` a `count`. */
function kindOf(core: Core, unit: Period | undefined, sample: boolean): QuantityKind {
  if (core.ratio) return 'ratio';
  // The marks are named after their kinds: 'percent', 'multiple'.
  if (core.mark) return core.mark;
  if (core.currency) return 'money';
  if (unit) return 'duration';
  return sample ? 'count' : 'number';
}

/** `1. Market Analysis` (list numbering) and `January 15` (a day after a month) are not quantities. */
function refuseNumberingOrDay(text: string, r: Reading): Refusal | undefined {
  if (r.second) return undefined;
  if (r.kind === 'number' && !r.comparator && isLineNumbering(text, r.start, r.end)) return { refuse: r.end };
  const plain = r.first.num.seps.length === 0 && !r.first.scale;
  if ((r.kind === 'number' || r.kind === 'duration') && plain && afterMonth(text, r.start)) return { refuse: r.end };
  return undefined;
}

/**
 * The word a plain number counts (`8,000 companies`), which makes it a count and may be
 * followed by a product operator (`12,000 companies × $15k`). `15 января` is a date and
 * `152-ФЗ` a code: refused.
 */
function readCountNoun(text: string, r: Reading, nested: boolean): Refusal | undefined {
  if (nested || r.productOpLength !== undefined || (r.kind !== 'number' && r.kind !== 'count')) return undefined;
  const noun = readNoun(text, r.end, !r.second && !r.orMore);
  if (!noun) return undefined;
  if (isMonth(noun.word) && !r.second && r.first.num.seps.length === 0) return { refuse: r.end };
  // `152-ФЗ`: a hyphenated code, not a count.
  if (noun.hyphenated && noun.word === noun.word.toUpperCase()) return refuseToken(text, r.first.num.start);
  r.noun = noun.word;
  r.nounEnd = r.end + noun.length;
  r.kind = 'count';
  r.productOpLength = productOperatorLength(text, r.nounEnd);
  return undefined;
}

/** Bare years and year ranges (`2025`, `2024-2026`, `2025 г.`, `2025 года`) without a comparator. */
function refuseYear(r: Reading): Refusal | undefined {
  if (r.comparator) return undefined;
  const yearWord = r.kind === 'number' || (r.kind === 'count' && isYearNoun(r.noun));
  if (yearWord && isYear(r.first) && (r.second === undefined || isYear(r.second))) return { refuse: r.end };
  if (r.kind === 'duration' && r.unit === 'year' && !r.second && isYear(r.first)) return { refuse: r.end };
  return undefined;
}

function toQuantity(s: Scan, r: Reading): Quantity {
  const { core } = r;
  const span = { start: r.start + s.offset, end: r.end + s.offset };
  const q: Quantity = { kind: r.kind, value: core.value, span, text: s.text.slice(r.start, r.end) };
  if (core.min !== undefined && core.max !== undefined) {
    q.min = core.min;
    q.max = core.max;
  }
  if (core.currency) q.currency = core.currency;
  if (r.comparator) q.comparator = r.comparator;
  if (r.per) q.per = r.per;
  if (r.unit) q.unit = r.unit;
  if (r.noun !== undefined) q.noun = r.noun;
  return q;
}
