/**
 * Which items of a sequence are "in order" the way a reader sees it: the longest run already
 * in order stays, the rest is out of place; of equally long runs, the one that takes the
 * earliest items, so that when two items are swapped the later one is the one reported.
 * Used by section-order (the template's order of sections, strictly increasing) and
 * launch-timeline (milestone dates, non-decreasing).
 */

/**
 * Indexes of a longest run of `values` in increasing order (`strict`) or non-decreasing
 * order, preferring earlier items. Quadratic in the number of items, which are sections or
 * milestones of one document.
 */
export function longestOrderedRun(values: readonly number[], strict: boolean): Set<number> {
  const n = values.length;
  const follows = (a: number, b: number): boolean => (strict ? b > a : b >= a);
  // longest[i]: the length of the longest ordered run that starts at i.
  const longest = new Array<number>(n).fill(1);
  let want = n > 0 ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++)
      if (follows(values[i]!, values[j]!) && longest[j]! + 1 > longest[i]!) longest[i] = longest[j]! + 1;
    if (longest[i]! > want) want = longest[i]!;
  }
  const kept = new Set<number>();
  let last: number | undefined;
  for (let i = 0; i < n && want > 0; i++) {
    if ((last === undefined || follows(last, values[i]!)) && longest[i] === want) {
      kept.add(i);
      last = values[i]!;
      want--;
    }
  }
  return kept;
}
