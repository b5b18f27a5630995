/**
 * Counts and products. A number followed by a word counts that word: `8,000 companies`,
 * `50K+ developers`, `**5,000** users`, `12 000 компаний`, `34-cluster fleet`; the word is
 * kept in `noun` and is not part of the span. A product `a × b` multiplies a count by an
 * amount: `12,000 × $15k ACV`, `200 × 50 тыс. ₽`, `3 x 5`, `12,000 companies × $15k`
 * (`×`, `*`, or `x`/`х` with a space on at least one side).
 */
import type { Quantity } from './types';
import { at, SIGN_THEN_DIGIT, SP, type Scan } from './tokens';

/** The word after a number that makes it a count. Emphasis closers (`**5,000** users`) are skipped. */
const NOUN = new RegExp(`(?:\\*\\*|__|\\*|_)?${SP}+([\\p{L}][\\p{L}\\p{M}\\p{N}'’]*(?:-[\\p{L}\\p{N}]+)*)`, 'uy');
/** `34-cluster fleet`: a count used as an adjective. */
const HYPHEN_NOUN = /-(\p{L}[\p{L}\p{M}]*)/uy;

/** Words after a number that are not what it counts. */
// prettier-ignore
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'at', 'in', 'on', 'to', 'for', 'from', 'by', 'with', 'than', 'vs', 'per',
  'is', 'are', 'was', 'were', 'be', 'as', 'over', 'under', 'into', 'out', 'up', 'if', 'so', 'but', 'that', 'this',
  'am', 'pm', 'x', 'х',
  'и', 'или', 'а', 'но', 'в', 'во', 'на', 'по', 'от', 'до', 'из', 'за', 'с', 'со', 'к', 'ко', 'для', 'при', 'через',
  'после', 'около', 'это', 'же', 'не',
]);

export interface NounMatch {
  word: string;
  /** Characters taken from the number's end to the word's end. */
  length: number;
  /** Joined by a hyphen (`34-cluster`) rather than a space. */
  hyphenated: boolean;
}

/** The word a number at `i` counts, unless it is a stop word; `hyphenated` also allows `34-cluster`. */
export function readNoun(text: string, i: number, hyphenated: boolean): NounMatch | undefined {
  const m = at(NOUN, text, i) ?? (hyphenated ? at(HYPHEN_NOUN, text, i) : null);
  const word = m?.[1];
  if (!m || !word || STOP_WORDS.has(word.toLowerCase())) return undefined;
  return { word, length: m[0].length, hyphenated: m[0].startsWith('-') };
}

const PRODUCT_OP = new RegExp(`(?:${SP}*[×*]${SP}*|${SP}*[xXхХ]${SP}+|${SP}+[xXхХ]${SP}*)(?=${SIGN_THEN_DIGIT})`, 'uy');

/** The length of the product operator at `i` (`×`, ` x `, `*`), when an amount follows it. */
export function productOperatorLength(text: string, i: number): number | undefined {
  return at(PRODUCT_OP, text, i)?.[0].length;
}

/** `count × amount`: the value is the product; money wins the kind and the currency. */
export function product(s: Scan, left: Quantity, amount: Quantity): Quantity {
  const count: Quantity = left.kind === 'number' ? { ...left, kind: 'count' } : left;
  // The amount's currency wins; a money count (`$5 × 3`) gives its own.
  const money = [amount, count].find((factor) => factor.kind === 'money');
  const q: Quantity = {
    kind: money ? 'money' : 'number',
    value: count.value * amount.value,
    span: { start: count.span.start, end: amount.span.end },
    text: s.text.slice(count.span.start - s.offset, amount.span.end - s.offset),
    product: { count, amount },
  };
  if (count.min !== undefined || amount.min !== undefined) {
    q.min = (count.min ?? count.value) * (amount.min ?? amount.value);
    q.max = (count.max ?? count.value) * (amount.max ?? amount.value);
  }
  if (money?.currency) q.currency = money.currency;
  const comparator = count.comparator ?? amount.comparator;
  if (comparator) q.comparator = comparator;
  const per = amount.per ?? count.per;
  if (per) q.per = per;
  return q;
}
