/**
 * Normalising headings and field labels so that `## 3) Pain Points (Problems We Solve)`,
 * `## Pain points:` and `## Боли и болевые точки` compare by meaning, not by spelling.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
// The lexicon imports nothing from here, so this import makes no cycle.
import { alternation, headingConjunctions, headingNumberWords, headingStopWords, pronounForms } from './lexicon';

/**
 * Heading → comparison key: lower case, `ё` → `е`, numbering (`1.`, `3)`, `IV.`) and
 * parentheticals removed, `&` / `and` / `и` dropped, punctuation folded to spaces.
 */
export function normalizeHeading(text: string): string {
  // Headings, aliases and labels repeat across documents and checks; the folding below is a
  // dozen regular expressions, so results are memoised (bounded, cleared when full).
  const known = memo.get(text);
  if (known !== undefined) return known;
  const folded = fold(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, folded);
  return folded;
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

// Numbering words before a number (`Section 2:`, `Part II —`, `Step 3.`, `Раздел 4.`, `Шаг 1 —`)
// and `and` between words; the words are model/lexicon's, the numbering notation is here.
const NUMBERING_WORD = new RegExp(`^(?:${alternation(headingNumberWords)})\\s+(?:\\d+|[ivx]+)\\b\\s*[.:)—–-]?\\s*(?=\\S)`, 'u');
const CONJUNCTION = new RegExp(`(^| )(${alternation(headingConjunctions)})(?= |$)`, 'g');

function fold(text: string): string {
  let s = text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
  // Inline markup that can wrap a heading: emphasis, code, links.
  s = s.replace(/[*_`~]/g, '');
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\([^)]*\)/g, ' ');
  // Decoration before the name: emoji, bullets, arrows (`🎯 `, `→ `, `★ `, `#1 `).
  s = s.replace(/^[^\p{L}\p{N}]+/u, '');
  s = s.replace(NUMBERING_WORD, '');
  s = s.replace(/^\s*(?:\d+|[ivx]+|[a-zа-я])[.)]\s+/u, '');
  s = s.replace(/^\s*\d+(?:\.\d+)*[.)]?\s*[—–-]?\s+/, '');
  s = s.replace(/^[^\p{L}\p{N}]+/u, '');
  s = s.replace(/&/g, ' ');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  s = s.replace(CONJUNCTION, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Field label → comparison key. Same folding as headings. */
export function normalizeKey(label: string): string {
  return normalizeHeading(label);
}

const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z]/g;

/** Share of Cyrillic among the letters of `text` (0 when it has no letters). */
export function cyrillicShare(text: string): number {
  const c = text.match(CYRILLIC)?.length ?? 0;
  const l = text.match(LATIN)?.length ?? 0;
  return c + l === 0 ? 0 : c / (c + l);
}

const HAS_CYRILLIC = /[\u0400-\u04FF]/;

/** One word's stem, by the Snowball stemmer of its script (Cyrillic → Russian, else English). */
export function stemWord(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = HAS_CYRILLIC.test(word) ? stemRussian(word) : stemEnglish(word);
    if (stems.size >= MEMO_LIMIT) stems.clear();
    stems.set(word, s);
  }
  return s;
}
const stems = new Map<string, string>();

/**
 * A normalised heading (see normalizeHeading) → the stems of the words that carry its
 * meaning: decoration and linking words dropped and pronouns folded (model/lexicon
 * `headingStopWords`, `pronouns`), each word stemmed, so that
 * "Key Challenges & Frustrations" gives `challeng frustrat` and "Кто она" gives `кто они`.
 * Numbers stay (they tell "Tier 1" from "Tier 2").
 */
export function headingWords(normalized: string): string[] {
  const out: string[] = [];
  for (const w of normalized.split(' ')) {
    if (!w || headingStopWords.has(w)) continue;
    const pronoun = pronounForms.get(w);
    out.push(pronoun ?? (/^\d+$/.test(w) ? w : stemWord(w)));
  }
  return out;
}
