/**
 * The digits of one number and the separators between them, and their value by the
 * separator rules in the header of ../numbers.ts: `5 000` → 5000, `12,000,000` → 12e6,
 * `2,400.50` → 2400.5, `1.500,50` → 1500.5, `1,5` → 1.5, `1.250` → 1.25, `1,500 млн` →
 * 1.5 (Russian comma), `12,000` → 12000 (English thousands), `15.01.2025` → not a number.
 */
import type { Language } from '../types';
import type { ScaleLang } from './scales';
import { GROUP_SPACES, isDigit } from './tokens';

export interface Numeral {
  start: number;
  end: number;
  groups: string[];
  /** `' '` for any space-like separator, `,` or `.`. */
  seps: string[];
}

/** Three digits and no fourth at `j`: a thousands group. */
function isThreeDigitGroup(text: string, j: number): boolean {
  return isDigit(text[j]) && isDigit(text[j + 1]) && isDigit(text[j + 2]) && !isDigit(text[j + 3]);
}

/** The numeral starting at the digit at `i`: digit groups joined by `,`, `.` or spaces. */
export function lexNumeral(text: string, i: number): Numeral {
  const start = i;
  let j = i;
  while (isDigit(text[j])) j++;
  const groups = [text.slice(i, j)];
  const seps: string[] = [];
  for (;;) {
    const c = text[j];
    if ((c === ',' || c === '.') && isDigit(text[j + 1])) {
      let k = j + 1;
      while (isDigit(text[k])) k++;
      seps.push(c);
      groups.push(text.slice(j + 1, k));
      j = k;
      continue;
    }
    // Rule 1: spaces group thousands only after a first group of 1–3 digits and other spaces.
    const spaceGroups = c !== undefined && GROUP_SPACES.has(c) && groups[0]!.length <= 3 && seps.every((s) => s === ' ');
    if (spaceGroups && isThreeDigitGroup(text, j + 1)) {
      seps.push(' ');
      groups.push(text.slice(j + 1, j + 4));
      j += 4;
      continue;
    }
    break;
  }
  return { start, end: j, groups, seps };
}

/**
 * The numeral's value by the separator rules; undefined when it is not a number.
 * `scaleLang` is the language of the scale after it (rule 6), `lang` the document's.
 */
export function numeralValue(n: Numeral, scaleLang: ScaleLang | undefined, lang: Language | undefined): number | undefined {
  const { groups, seps } = n;
  if (seps.length === 0) return Number(groups[0]);
  let spaced = 0;
  while (spaced < seps.length && seps[spaced] === ' ') spaced++;
  const intPart = groups.slice(0, spaced + 1).join('');
  const marks = seps.slice(spaced);
  const markGroups = groups.slice(spaced + 1);
  if (marks.length === 0) return Number(intPart);
  // After space groups, one `,` or `.` is the decimal mark (`5 000,50`).
  if (spaced > 0) return marks.length === 1 ? Number(`${intPart}.${markGroups[0]}`) : undefined;
  if (marks.length === 1) return oneMarkValue(groups[0]!, marks[0]!, markGroups[0]!, scaleLang, lang);
  return repeatedMarksValue(groups[0]!, marks, markGroups);
}

/** Rules 4–6: `a,b` or `a.b` with a single mark. */
function oneMarkValue(
  head: string,
  mark: string,
  tail: string,
  scaleLang: ScaleLang | undefined,
  lang: Language | undefined,
): number {
  const russianComma = scaleLang !== undefined && (scaleLang === 'ru' || lang === 'ru');
  const decimal = tail.length !== 3 || head.length > 3 || head.startsWith('0') || mark === '.' || russianComma;
  return decimal ? Number(`${head}.${tail}`) : Number(head + tail);
}

/** Rules 2–3: `12,000,000`, `1.500.000`, `2,400.50`; any other repeated pattern is no number. */
function repeatedMarksValue(head: string, marks: string[], markGroups: string[]): number | undefined {
  if (head.length > 3 || (head.startsWith('0') && head.length > 1)) return undefined;
  const thousandsMark = marks[0]!;
  const last = marks[marks.length - 1]!;
  const thousands = last === thousandsMark ? marks : marks.slice(0, -1);
  if (!thousands.every((s) => s === thousandsMark)) return undefined;
  const thousandGroups = markGroups.slice(0, thousands.length);
  if (!thousandGroups.every((g) => g.length === 3)) return undefined;
  const int = head + thousandGroups.join('');
  return last === thousandsMark ? Number(int) : Number(`${int}.${markGroups[markGroups.length - 1]}`);
}
