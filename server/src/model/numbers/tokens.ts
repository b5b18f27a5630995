/**
 * What every reader of quantities shares: the space characters that group thousands
 * (`5 000`, `5\u00A0000`), character tests, sticky matching forward from an index and
 * `$`-anchored matching back from one, and the refusal that skips a numeric token whole
 * (`15.01.2025`, `GPT-4`) so its inner digits are not read again.
 */
import type { Language } from '../types';

/** A space that may group thousands, as a regular-expression class. */
export const SP = '[ \\u00A0\\u202F\\u2009\\u2007]';
/** The same spaces, as characters. */
export const GROUP_SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009', '\u2007']);
/** A currency sign that may stand before a number, as a lookahead-ready pattern. */
export const SIGN_THEN_DIGIT = '(?:US\\$|[$€£¥₽])?\\d';

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;

/** The text being scanned, with the caller's language and the offset added to spans. */
export interface Scan {
  text: string;
  lang: Language | undefined;
  offset: number;
}

/** "Not a quantity here; go on scanning at `refuse`." */
export interface Refusal {
  refuse: number;
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/** Sticky match at `i` (every forward pattern of the reader has the `y` flag). */
export function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/**
 * Match of a `$`-anchored pattern against the text just before `i`, not before `lo`. The
 * window fits the longest prefix word (`приблизительно `) and keeps the lookback cheap,
 * since the engine tries the pattern at every position of the window.
 */
export function before(re: RegExp, text: string, lo: number, i: number): RegExpExecArray | null {
  return re.exec(text.slice(Math.max(lo, i - 24), i));
}

/** A numeric token with its joiners, skipped as a whole when refused. */
const CHAIN = /\d+(?:(?:[.,:/\-–−]|[ \u00A0\u202F\u2009\u2007](?=\d{3}(?!\d)))\d+)*/y;

/** Where the numeric token starting at `i` ends (`15.01.2025`, `1:10`, `24/7`). */
export function chainEnd(text: string, i: number): number {
  const m = at(CHAIN, text, i);
  return m ? i + m[0].length : i + 1;
}

/** A refusal that skips the whole numeric token starting at `i`. */
export function refuseToken(text: string, i: number): Refusal {
  return { refuse: chainEnd(text, i) };
}
