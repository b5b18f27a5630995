/**
 * String distance for "did you mean": misspelled headings (schemas/recognize.ts, misspelled-section), enum fixes, unknown kinds and segments.
 *
 * Typing mistakes are mostly one of: a wrong, missing or extra letter, or two neighbouring
 * letters swapped ("Pain Pionts"). Plain Levenshtein counts a swap as two edits, which
 * would make the commonest typo look as far away as two unrelated ones, so this is the
 * optimal-string-alignment distance, which counts an adjacent swap as one edit.
 */

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance between a and b.
 * With `max`, the caller only cares whether the distance is at most `max`: the count stops
 * as soon as every entry of a row exceeds it (a row's minimum never decreases further down)
 * and returns `max + 1`, which is what makes "did you mean" over many names cheap.
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (!a.length) return Math.min(b.length, max + 1);
  if (!b.length) return Math.min(a.length, max + 1);
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows are enough: the swap case looks two rows back.
  let prev2 = new Int32Array(width);
  let prev = new Int32Array(width);
  let cur = new Int32Array(width);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later row is at least this row's minimum: past `max` there is nothing to find.
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/**
 * The candidate nearest to `word` within a typo's reach (two edits, or a quarter of the
 * word's length for longer words), for "did you mean" on names: rule ids and options in a
 * config, kind names in front matter. The first of equally near candidates wins.
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = typoDistance(word, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** 1 for equal strings, falling towards 0 as the share of edits grows. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - typoDistance(a, b) / n;
}
