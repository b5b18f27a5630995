/**
 * The segments a workspace defines, indexed once for the unknown-segment rule. A workspace
 * of thousands of documents checks every persona against the same list, so the names' keys,
 * the exact-key lookup and the near-miss candidates are prepared once per list (the front
 * ends pass the same array to every check until the workspace changes) instead of once per
 * persona, and a near miss is searched among names of about the same length that share
 * enough letter pairs, not among all of them.
 */
import { segmentNameKey } from '../../model/segments';
import type { KnownSegment } from '../types';

/** At least this similar (1 − edits / length) to be offered as "did you mean". */
export const TYPO_SIMILARITY = 0.8;
/** At most this many known segments are listed in a message. */
const LISTED = 5;

interface Entry {
  segment: KnownSegment;
  key: string;
  /** Position in the workspace's list: the first of equally close names wins. */
  order: number;
}

/** What a reference names: a known segment, a near miss of one, or nothing the workspace defines. */
export type ReferenceMatch = { kind: 'known' } | { kind: 'typo'; segment: KnownSegment } | { kind: 'unknown' };

const KNOWN: ReferenceMatch = { kind: 'known' };
const UNKNOWN: ReferenceMatch = { kind: 'unknown' };

/** A key's adjacent character pairs (as numbers) and how often each occurs. */
function pairCounts(key: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 1 < key.length; i++) {
    const pair = key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** The most edits two keys, the longer of length n, may differ by and still be TYPO_SIMILARITY alike (as `similarity` computes it). */
function reachOf(n: number): number {
  let d = Math.floor(n * (1 - TYPO_SIMILARITY)) + 1;
  while (d > 0 && 1 - d / n < TYPO_SIMILARITY) d--;
  return d;
}

/** Rows reused by {@link distanceWithin}: a workspace pass computes thousands of distances. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * model/distance.ts `typoDistance(a, b, max)` computed in the diagonal band |i − j| ≤ max
 * only (a cell outside it is more than `max` edits anyway), on reused rows: the same result,
 * the exact distance when it is at most `max`, else `max + 1`.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (rows[0]!.length < b.length + 2) rows = rows.map(() => new Int32Array(b.length * 2 + 2));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = Math.min(j, over);
  prev[b.length + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[0] = Math.min(i, over);
    cur[lo - 1] = lo === 1 ? cur[0] : over;
    let rowMin = lo === 1 ? cur[0] : over;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prev2[j - 2]! + 1);
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = over;
    if (rowMin > max) return over;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length]!, over);
}

/** The known keys of one length, with the entries holding each character pair. */
class LengthBucket {
  readonly entries: Entry[] = [];
  private readonly postings = new Map<number, { ids: number[]; counts: number[] }>();
  private counters = new Int32Array(0);

  add(entry: Entry): void {
    const id = this.entries.length;
    this.entries.push(entry);
    for (const [pair, count] of pairCounts(entry.key)) {
      let posting = this.postings.get(pair);
      if (!posting) this.postings.set(pair, (posting = { ids: [], counts: [] }));
      posting.ids.push(id);
      posting.counts.push(count);
    }
  }

  /** The entries sharing at least `least` pairs with the query (counted as multisets); all of them when `least` ≤ 0. */
  candidates(query: ReadonlyMap<number, number>, least: number): readonly Entry[] {
    if (least <= 0) return this.entries;
    if (this.counters.length < this.entries.length) this.counters = new Int32Array(this.entries.length);
    const counters = this.counters;
    const touched: number[] = [];
    const out: Entry[] = [];
    for (const [pair, count] of query) {
      const posting = this.postings.get(pair);
      if (!posting) continue;
      for (let k = 0; k < posting.ids.length; k++) {
        const id = posting.ids[k]!;
        const before = counters[id]!;
        if (before === 0) touched.push(id);
        const after = before + Math.min(count, posting.counts[k]!);
        counters[id] = after;
        if (before < least && after >= least) out.push(this.entries[id]!);
      }
    }
    for (const id of touched) counters[id] = 0;
    return out;
  }
}

export class KnownSegmentIndex {
  private readonly entries: Entry[];
  private readonly keys = new Set<string>();
  /** The distinct keys in code-unit order: the keys starting with a prefix are one run of it. */
  private readonly sorted: string[];
  private readonly longest: number;
  /** Entries by key length, each in workspace order. */
  private readonly byLength: LengthBucket[] = [];
  private listing: string | undefined;
  private readonly matches = new Map<string, ReferenceMatch>();

  constructor(private readonly known: readonly KnownSegment[]) {
    this.entries = known
      .map((segment, order) => ({ segment, key: segmentNameKey(segment.name), order }))
      .filter((e) => e.key !== '');
    for (const e of this.entries) {
      // A name defined again (another version of a segmentation) is found as its first definition.
      if (this.keys.has(e.key)) continue;
      this.keys.add(e.key);
      (this.byLength[e.key.length] ??= new LengthBucket()).add(e);
    }
    this.sorted = [...this.keys].sort();
    this.longest = this.entries.reduce((m, e) => Math.max(m, e.key.length), 0);
  }

  get empty(): boolean {
    return this.known.length === 0;
  }

  /**
   * Whether some known segment is named by the reference key (model/segments
   * `referencesSegment`): a known key between spaces of ` reference ` (the same words, the
   * reference longer, or the whole name inside), or a known key that is the reference
   * followed by more words.
   */
  references(key: string): boolean {
    if (!key) return false;
    if (this.keys.has(key)) return true;
    const padded = ` ${key} `;
    const spaces: number[] = [];
    for (let i = 0; i < padded.length; i++) if (padded.charCodeAt(i) === 32) spaces.push(i);
    for (let a = 0; a < spaces.length; a++) {
      for (let b = a + 1; b < spaces.length; b++) {
        const length = spaces[b]! - spaces[a]! - 1;
        if (length > this.longest) break;
        if (length > 0 && this.keys.has(padded.slice(spaces[a]! + 1, spaces[b]))) return true;
      }
    }
    const prefix = `${key} `;
    const next = this.sorted[lowerBound(this.sorted, prefix)];
    return next !== undefined && next.startsWith(prefix);
  }

  /**
   * The known segment closest to the key with a similarity of at least TYPO_SIMILARITY (the
   * first in workspace order of equally close ones). Only names whose length allows that
   * similarity are compared, and only those sharing enough character pairs: each edit of
   * the optimal-string-alignment distance breaks at most three pairs of the longer key.
   */
  closest(key: string): KnownSegment | undefined {
    let best: Entry | undefined;
    let bestScore = -1;
    const query = pairCounts(key);
    const from = Math.max(1, Math.floor(key.length * TYPO_SIMILARITY) - 1);
    const to = Math.min(this.byLength.length - 1, Math.ceil(key.length / TYPO_SIMILARITY) + 1);
    for (let length = from; length <= to; length++) {
      const bucket = this.byLength[length];
      if (!bucket) continue;
      const n = Math.max(key.length, length);
      const reach = reachOf(n);
      // Each edit breaks at most three pairs of the longer key (a swap: the pair and both neighbours).
      for (const e of bucket.candidates(query, n - 1 - 3 * reach)) {
        const d = distanceWithin(key, e.key, reach);
        if (d > reach) continue;
        const score = 1 - d / n;
        if (score < TYPO_SIMILARITY) continue;
        if (score > bestScore || (score === bestScore && e.order < best!.order)) {
          best = e;
          bestScore = score;
        }
      }
    }
    return best?.segment;
  }

  /** How a reference key is judged: known, a near miss, or unknown (remembered: personas repeat names). */
  match(key: string): ReferenceMatch {
    let match = this.matches.get(key);
    if (!match) {
      if (!key || this.references(key)) match = KNOWN;
      else {
        const segment = this.closest(key);
        match = segment ? { kind: 'typo', segment } : UNKNOWN;
      }
      this.matches.set(key, match);
    }
    return match;
  }

  /** `A, B, C, D, E, …` — distinct names, in the order the workspace lists them (unquoted: the quotes differ by language). */
  listed(): string {
    if (this.listing === undefined) {
      const seen = new Set<string>();
      const distinct = this.known.filter((s) => {
        const key = segmentNameKey(s.name);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const shown = distinct.slice(0, LISTED).map((s) => s.name);
      this.listing = distinct.length > LISTED ? `${shown.join(', ')}, …` : shown.join(', ');
    }
    return this.listing;
  }
}

/** The first index of `sorted` whose string is not below `s`. */
function lowerBound(sorted: readonly string[], s: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexes = new WeakMap<readonly KnownSegment[], KnownSegmentIndex>();

/** The index of a workspace's segment list, built once per list object. */
export function knownSegmentIndex(known: readonly KnownSegment[]): KnownSegmentIndex {
  let index = indexes.get(known);
  if (!index) {
    index = new KnownSegmentIndex(known);
    indexes.set(known, index);
  }
  return index;
}
