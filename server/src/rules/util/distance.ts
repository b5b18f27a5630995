/**
 * String distance for "did you mean" rules (misspelled-section, metadata enum fixes).
 *
 * Typing mistakes are mostly one of: a wrong, missing or extra letter, or two neighbouring
 * letters swapped ("Pain Pionts"). Plain Levenshtein counts a swap as two edits, which
 * would make the commonest typo look as far away as two unrelated ones, so this is the
 * optimal-string-alignment distance, which counts an adjacent swap as one edit.
 */

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance between a and b. */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const width = b.length + 1;
  // Three rows are enough: the swap case looks two rows back.
  let prev2 = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let cur = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, falling towards 0 as the share of edits grows. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - typoDistance(a, b) / n;
}
