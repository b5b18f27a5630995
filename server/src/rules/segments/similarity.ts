/**
 * How much two segments' needs overlap (seed 002, "Differentiable": do they have different
 * needs?), in English, in Russian and in documents that mix both.
 *
 * Texts become sets of stems: lower case, `ё` → `е`, words are runs of letters (digits and
 * punctuation dropped), stop words of both languages dropped, each word stemmed with the
 * Snowball stemmer of its script (Cyrillic → Russian, otherwise English; @orama/stemmers).
 * Stemming is what makes "процессов" and "процессы", "automate" and "automation" the same
 * word, which plain words and character n-grams get wrong in a language with six cases.
 * The overlap is the Jaccard index of the two sets: shared stems over all stems, so that 1
 * means the same words and a segment whose needs add a new concern to another's stays below
 * a high threshold.
 */
import { stemWord } from '../../model/normalize';

// Function words and the generic words of these documents, which say nothing about a need.
const STOP_EN = new Set(
  (
    'a an the and or but nor of to in on at by for with without from into onto over under about as than then so such ' +
    'is are was were be been being am do does did doing have has had having will would shall should can could may might must ' +
    'i me my we our us you your he him his she her it its they them their this that these those who whom whose which what when where why how ' +
    'not no yes all any each every both few more most other some own same very just also only too even still ' +
    'up down out off again further once here there via per vs etc e g ie eg'
  ).split(' '),
);

const STOP_RU = new Set(
  (
    'и или а но да нет не ни же ли бы то что чтобы как так также тоже только уже ещё еще вот там тут здесь где когда ' +
    'в во на за под над при про о об обо от до из изо к ко с со у по для без через между перед после вместо кроме ' +
    'я мы ты вы он она оно они его её ее их им ими ему ей нам нас вам вас мне меня себя свой своя свое своё свои ' +
    'этот эта это эти тот та те кто чей который которая которое которые какой какая какое какие весь вся всё все всех всем ' +
    'быть есть был была было были будет будут является являются каждый каждая каждое любой сам сама само сами ' +
    'очень более менее самый самая самое самые др т е тд тп'
  ).split(' '),
);

const WORD = /[\p{L}]+/gu;
const CYRILLIC = /[\u0400-\u04FF]/;

/** The set of stems of `text` (see the header). */
export function stems(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2) continue;
    const ru = CYRILLIC.test(w);
    if ((ru ? STOP_RU : STOP_EN).has(w)) continue;
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
