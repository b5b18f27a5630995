/**
 * Numbers that are not quantities: dates (`2026-01-15`, `January 2025`, `15 января`,
 * `2025 г.`, bare years 1900–2100 with nothing after them), phone numbers
 * (`+7 495 123-45-67`, `(555) 123-4567`, `8 (800) 555-35-35`, three or more hyphen groups)
 * and ordered-list or heading numbering at the start of a line (`1. Market Analysis`,
 * `### 2) Buyer Personas`). Versions, fractions, times and names glued to digits are refused
 * where they are read (bounds.ts, ratio.ts, comparators.ts).
 */
import type { Bound } from './bounds';
import { at, before, SP, type Refusal } from './tokens';

const MONTHS_EN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const MONTHS_RU =
  '(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|фев|мар|апр|авг|сен|сент|окт|ноя|дек)\\.?';
// English month names are capitalised in writing, which keeps `may` the verb out; Russian
// ones are lower case but may open a sentence.
const MONTH_BEFORE_EN = new RegExp(`(?<![\\p{L}])${MONTHS_EN}${SP}+$`, 'u');
const MONTH_BEFORE_RU = new RegExp(`(?<![\\p{L}])${MONTHS_RU}${SP}+$`, 'iu');
const MONTH_WORD_EN = new RegExp(`^${MONTHS_EN}$`, 'u');
const MONTH_WORD_RU = new RegExp(`^${MONTHS_RU}$`, 'iu');

/** A month name just before `i`: `January 2025`, `марта 15`. */
export function afterMonth(text: string, i: number): boolean {
  return before(MONTH_BEFORE_EN, text, 0, i) !== null || before(MONTH_BEFORE_RU, text, 0, i) !== null;
}

/** `word` is a month name: the noun of `15 января`, `15 Jan`. */
export function isMonth(word: string): boolean {
  return MONTH_WORD_EN.test(word) || MONTH_WORD_RU.test(word);
}

/** Russian year abbreviations and words after a year: `2025 г.`, `2024–2025 гг.`, `2025 года`. */
const YEAR_NOUNS = new Set(['г', 'гг', 'год', 'года', 'году']);

export function isYearNoun(noun: string | undefined): boolean {
  return noun !== undefined && YEAR_NOUNS.has(noun.toLowerCase());
}

/** A bare four-digit number from 1900 to 2100: no separators, scale, currency or mark. */
export function isYear(b: Bound | undefined): boolean {
  if (!b || b.ratio !== undefined || b.currency || b.scale !== undefined || b.mark || b.num.seps.length > 0) return false;
  const g = b.num.groups[0]!;
  const v = Number(g);
  return g.length === 4 && v >= 1900 && v <= 2100;
}

/** `1. Market Analysis`, `### 2) Buyer Personas`: list or heading numbering at a line start. */
export function isLineNumbering(text: string, start: number, end: number): boolean {
  if (!(text[end] === '.' || text[end] === ')') || !/[ \t]/.test(text[end + 1] ?? '')) return false;
  for (let j = start - 1; j >= 0; j--) {
    const c = text[j]!;
    if (c === '\n' || c === '\r') return true;
    if (!' \t#>'.includes(c)) return false;
  }
  return true;
}

/** Phone numbers: `+7 (495) 123-45-67`, `+1 555 123 4567`. */
const PHONE_INTL = /\+\d{1,3}((?:[ \u00A0-]?\(?\d{1,5}\)?){2,})/y;
/** `(555) 123-4567`, `8 (800) 555-35-35`. */
const PHONE_AREA = /(?:\d{1,2}[ \u00A0]?)?\(\d{2,5}\)[ \u00A0-]?\d{2,4}(?:[ \u00A0-]\d{2,4})+/y;
/** Three or more hyphen-joined groups: dates `2026-01-15`, phones `555-123-4567`. */
const HYPHEN_CHAIN = /\d+(?:-\d+){2,}/y;

/**
 * An international number at the `+` at `i`: 8 or more digits, written with brackets or
 * hyphens or in groups other than threes (`+1 000 000 000` is a number, not a phone).
 */
function internationalPhoneLength(text: string, i: number): number | undefined {
  const m = at(PHONE_INTL, text, i);
  if (!m) return undefined;
  const digitCount = m[0].replace(/\D/g, '').length;
  const groups = m[1]!.match(/\d+/g) ?? [];
  const phoneLike = /[()-]/.test(m[0]) || groups.some((g) => g.length !== 3);
  return digitCount >= 8 && phoneLike ? m[0].length : undefined;
}

/** A phone number or hyphenated date around the digit at `d` (not looking before `lo`), skipped whole. */
export function skipPhoneOrDate(text: string, d: number, lo: number): Refusal | undefined {
  if (text[d - 1] === '+' && d - 1 >= lo) {
    const length = internationalPhoneLength(text, d - 1);
    if (length !== undefined) return { refuse: d - 1 + length };
  }
  const area = at(PHONE_AREA, text, text[d - 1] === '(' && d - 1 >= lo ? d - 1 : d);
  if (area) return { refuse: area.index + area[0].length };
  const chain = at(HYPHEN_CHAIN, text, d);
  if (chain) return { refuse: d + chain[0].length };
  return undefined;
}
