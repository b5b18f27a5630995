/**
 * What stands before a number: a comparator symbol (`>3x`, `<$200`, `≥ 30%`, `~5`, `≈ 10`)
 * or word (`more than 5`, `up to $2M`, `не менее 5`, `свыше 100`, `около 3 млн`), a sign
 * (`-20%`, `+15%`), a sample size `n=100`, and the range openers `from … to`, `от … до`,
 * `between … and`, `между … и`; and the trailing "or more" `+` (`100+`, `$1M+`, `40%+`).
 * Also refuses digits glued to a word (`Q1`, `K8s`, `FY2025`) or joined to one (`T-24`,
 * `T+12`, `GPT-4`, `[X:1]`, `v.2`).
 */
import type { Comparator } from './types';
import { CUR_BEFORE } from './money';
import { at, before, isWordChar, refuseToken, type Refusal, type Scan } from './tokens';

export type Opener = 'from' | 'between';

export interface Prefix {
  start: number;
  comparator?: Comparator;
  negative: boolean;
  /** `n=` before the number: a sample size, so a count. */
  sample: boolean;
  opener?: Opener;
}

const N_BEFORE = /(?<![\p{L}\p{N}])[nN][ \u00A0]?=[ \u00A0]?$/u;
const CMP_BEFORE = /(<=|>=|=<|=>|≤|≥|<|>|~|≈)[ \u00A0\u202F]?$/u;
const CMP_WORD_BEFORE =
  /(?<![\p{L}\p{N}])(more than|less than|fewer than|at least|at most|up to|over|under|above|below|exceeds?|exceeding|about|around|approx\.|approximately|roughly|nearly|almost|between|from|не менее|не более|не меньше|не больше|более|больше|свыше|выше|превышает|менее|меньше|ниже|около|примерно|приблизительно|порядка|почти|между|от|до)[ \u00A0\u202F]+$/iu;

/** Comparator words other than the openers; any other word of CMP_WORD_BEFORE means `~`. */
const COMPARATOR_WORDS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(more than|over|above|exceeds?|exceeding|более|больше|свыше|выше|превышает)$/, '>'],
  [/^(less than|fewer than|under|below|менее|меньше|ниже)$/, '<'],
  [/^(at least|не менее|не меньше)$/, '>='],
  [/^(at most|up to|не более|не больше|до)$/, '<='],
];

function comparatorOfWord(word: string): { comparator?: Comparator; opener?: Opener } {
  const w = word.toLowerCase();
  if (w === 'between' || w === 'между') return { opener: 'between' };
  if (w === 'from' || w === 'от') return { comparator: '>=', opener: 'from' };
  return { comparator: COMPARATOR_WORDS.find(([words]) => words.test(w))?.[1] ?? '~' };
}

const COMPARATOR_OF_SYMBOL: Readonly<Record<string, Comparator>> = {
  '<=': '<=',
  '=<': '<=',
  '≤': '<=',
  '>=': '>=',
  '=>': '>=',
  '≥': '>=',
  '<': '<',
  '>': '>',
};

function comparatorOfSymbol(sym: string): Comparator {
  return COMPARATOR_OF_SYMBOL[sym] ?? '~';
}

/**
 * A `> ` (with a space) that has only spaces and other `>` before it on its line opens a
 * block quote. `>3x` at a line start is read as a comparator: that is how documents write
 * thresholds, and quotes are written with the space.
 */
function isBlockquoteMarker(text: string, i: number): boolean {
  if (!/[ \t]/.test(text[i + 1] ?? '')) return false;
  for (let j = i - 1; j >= 0; j--) {
    const c = text[j]!;
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '>') return false;
  }
  return true;
}

/** A `-`, `−` or `+` right before the number at `q`, after a space or punctuation: the sign. */
function signBefore(text: string, q: number, lo: number): string | undefined {
  const sign = text[q - 1];
  if (sign === undefined || !'-−+'.includes(sign) || q - 1 < lo) return undefined;
  const prev = text[q - 2];
  return prev === undefined || /[\s([{|:;,*_"'«“=]/.test(prev) ? sign : undefined;
}

/** The comparator symbol or word ending at `q`, written into `pre`; returns where it starts. */
function readComparatorBefore(text: string, lo: number, q: number, pre: Prefix): number {
  const sym = before(CMP_BEFORE, text, lo, q);
  if (sym && !(sym[1] === '>' && isBlockquoteMarker(text, q - sym[0].length))) {
    pre.comparator = comparatorOfSymbol(sym[1]!);
    return q - sym[0].length;
  }
  const word = before(CMP_WORD_BEFORE, text, lo, q);
  if (!word) return q;
  const read = comparatorOfWord(word[1]!);
  if (read.comparator) pre.comparator = read.comparator;
  if (read.opener) pre.opener = read.opener;
  return q - word[0].length;
}

/**
 * What stands before the digit at `d` (not looking before `lo`): `p` is where the bound
 * starts, its currency sign included; a refusal when the digit is glued to a word.
 */
export function readPrefix(s: Scan, d: number, lo: number): { p: number; pre: Prefix } | Refusal {
  const text = s.text;
  let p = d;
  const cur = before(CUR_BEFORE, text, lo, p);
  if (cur) p -= cur[0].length;
  const c = text[p - 1];
  // `Q1`, `K8s`, `FY2025`, `C$5`: a number glued to letters is part of a name.
  if (p - 1 >= 0 && isWordChar(c)) return refuseToken(text, d);
  // `T-24`, `T+12`, `GPT-4`, `[X:1]`, `v.2`: joined to a word by a hyphen, plus, colon or dot.
  if (c !== undefined && "-–−‐+/.:,'".includes(c) && isWordChar(text[p - 2])) return refuseToken(text, d);
  const pre: Prefix = { start: p, negative: false, sample: false };
  const sample = before(N_BEFORE, text, lo, p);
  if (sample) {
    pre.sample = true;
    pre.start = p - sample[0].length;
    return { p, pre };
  }
  let q = p;
  const sign = signBefore(text, q, lo);
  if (sign !== undefined) {
    pre.negative = sign !== '+';
    q -= 1;
  }
  pre.start = readComparatorBefore(text, lo, q, pre);
  return { p, pre };
}

const OR_MORE = /\+(?![\d$€£¥₽])/y;

/** A trailing `+` at `i` that means "or more", not the sign of a following number (`5+3`, `+$5`). */
export function isOrMoreAt(text: string, i: number): boolean {
  return at(OR_MORE, text, i) !== null;
}
