/**
 * How much two segments' needs overlap (docs/methodology.md, "The five segment criteria" 4,
 * Differentiable: do they have different needs?), in English, in Russian and in documents that mix both.
 *
 * Texts become sets of stems: lower case, `ё` → `е`, words are runs of letters (digits and
 * punctuation dropped), stop words of every language dropped (model/lexicon
 * `similarityStopWords`), each word stemmed with the Snowball stemmer of its script
 * (Cyrillic → Russian, otherwise English; @orama/stemmers).
 * Stemming is what makes "процессов" and "процессы", "automate" and "automation" the same
 * word, which plain words and character n-grams get wrong in a language with six cases.
 * The overlap is the Jaccard index of the two sets: shared stems over all stems, so that 1
 * means the same words and a segment whose needs add a new concern to another's stays below
 * a high threshold.
 */
import { similarityStopWords } from '../../model/lexicon';
import { stemWord } from '../../model/normalize';

const WORD = /[\p{L}]+/gu;

/** Texts stemmed by earlier checks: an edit changes one segment, the others' texts are the same. */
const memo = new Map<string, ReadonlySet<string>>();
const MEMO_ENTRIES = 20_000;

/** The set of stems of `text` (see the header); shared between checks, so not to be changed. */
export function stems(text: string): ReadonlySet<string> {
  let out = memo.get(text);
  if (!out) {
    out = stemsOf(text);
    // Oldest first: Map keeps insertion order.
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
    memo.set(text, out);
  }
  return out;
}

function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2) continue;
    if (similarityStopWords.has(w)) continue;
    const stem = stemWord(w);
    if (stem) out.add(stem);
  }
  return out;
}

/** Jaccard index of two stem sets: 0 when either is empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The same sets as sorted arrays of small integers (one id per distinct stem across all of
 * them), for comparing every pair of many segments: a merge of two sorted arrays is several
 * times faster than probing a Set of strings.
 */
export function internAll(sets: readonly ReadonlySet<string>[]): Int32Array[] {
  const ids = new Map<string, number>();
  return sets.map((set) => {
    const out = new Int32Array(set.size);
    let i = 0;
    for (const stem of set) {
      let id = ids.get(stem);
      if (id === undefined) {
        id = ids.size;
        ids.set(stem, id);
      }
      out[i++] = id;
    }
    return out.sort();
  });
}

/** {@link jaccard} of two sets given by {@link internAll}. */
export function jaccardIds(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
