/**
 * Ratios `a:b`: `3:1` → 3, `12.6:1` → 12.6, `LTV:CAC 3:1`. A colon pair that reads as a
 * time is not a ratio: `8:00`, `14:30`, `9:00 AM`, `1:10`, `10:15:30` (hours ≤ 24 and
 * two-digit minutes), nor is one after a currency sign (`$1:2`).
 */
import type { Language } from '../types';
import { lexNumeral, numeralValue, type Numeral } from './numerals';
import { at, isDigit } from './tokens';

const TIME_TAIL = /[ \u00A0]?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])/iuy;

function isTime(text: string, hours: Numeral, minutes: Numeral): boolean {
  if (text[minutes.end] === ':' && isDigit(text[minutes.end + 1])) return true;
  if (at(TIME_TAIL, text, minutes.end)) return true;
  return (
    hours.seps.length === 0 &&
    hours.groups[0]!.length <= 2 &&
    Number(hours.groups[0]) <= 24 &&
    minutes.seps.length === 0 &&
    minutes.groups[0]!.length === 2 &&
    Number(minutes.groups[0]) <= 59
  );
}

/**
 * The ratio whose numerator is `num` and whose `:` is at `num.end`: its value and end, or
 * undefined when it is a time or not a number.
 */
export function readRatio(text: string, num: Numeral, lang: Language | undefined): { value: number; end: number } | undefined {
  const den = lexNumeral(text, num.end + 1);
  if (isTime(text, num, den)) return undefined;
  const a = numeralValue(num, undefined, lang);
  const b = numeralValue(den, undefined, lang);
  if (a === undefined || b === undefined || b === 0) return undefined;
  return { value: a / b, end: den.end };
}
