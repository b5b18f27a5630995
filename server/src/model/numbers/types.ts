/**
 * The shapes the quantities reader returns: a `Quantity` (`$180M` → money, 180 000 000, USD;
 * `6 месяцев` → duration, 6, month; `8,000 companies` → count, 8000, noun `companies`) and
 * the options it takes. The reading rules are in the header of ../numbers.ts.
 */
import type { Span } from '../../parse/text';
import type { Language } from '../types';

export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'RUB';
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR', 'GBP', 'JPY', 'RUB'];

export type QuantityKind = 'money' | 'count' | 'percent' | 'ratio' | 'multiple' | 'duration' | 'number';

/** `+` is the trailing "or more" of `100+`, `$1M+`, `40%+`. */
export type Comparator = '<' | '>' | '<=' | '>=' | '~' | '+';

export type Period = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Quantity {
  kind: QuantityKind;
  /**
   * The number as meant, scale applied: money in its stated currency (`$15k` → 15000),
   * percent as the number (`8%` → 8), multiple and ratio as the factor (`3x` → 3,
   * `12.6:1` → 12.6), duration in `unit`. For a range, the lower bound.
   */
  value: number;
  /** Both set for a range (`$500K-$2M`), never for a single value. */
  min?: number;
  max?: number;
  /** Money only. */
  currency?: Currency;
  comparator?: Comparator;
  /** The period an amount recurs in: `/month`, `annually`, `в год`, `MRR` (month), `ARR` (year). */
  per?: Period;
  /** Durations only: the unit of `value` (`6 месяцев` → 6, 'month'). */
  unit?: Period;
  /** Counts only: the word after the number, as written (`companies`, `сотрудников`). */
  noun?: string;
  /** For `count × amount`: the two factors, each with its own span. */
  product?: { count: Quantity; amount: Quantity };
  /** Comparator, currency, scale, unit and period included; a count's noun excluded. */
  span: Span;
  /** The source text of `span`. */
  text: string;
}

export interface QuantityOptions {
  /** The document language; decides the ambiguous `1,500 млн`-style comma (separator rule 6 in ../numbers.ts). */
  language?: Language;
  /** Added to every span, so callers reading a slice get document offsets. */
  offset?: number;
}
