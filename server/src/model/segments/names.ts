/**
 * Segment names compared: a name written elsewhere (a table row, a strategy subheading, a
 * persona's `**Segment**:` field) names a segment by its comparison key, by its stems
 * (another grammatical case: "для малого бизнеса" names "Малый бизнес") and, where a prefix
 * is allowed, by the only segment it starts.
 */
import { normalizeKey, stemWord } from '../normalize';
import type { Segment } from './types';

/**
 * A segment name → comparison key: normalised like a heading (case, `ё`, punctuation and
 * the non-breaking hyphens Russian segmentation documents write folded), parentheticals and
 * a `Segment 1:` prefix removed.
 */
export function segmentNameKey(name: string): string {
  return normalizeKey(name);
}

/**
 * Whether a name written elsewhere (a table row, a strategy subheading) names the segment:
 * the same key, or one is the other followed by more words ("Mid‑market" ↔ "Mid‑market с
 * процессной зрелостью").
 */
function nameMatches(a: string, b: string): 'exact' | 'prefix' | undefined {
  if (!a || !b) return undefined;
  if (a === b) return 'exact';
  if (a.startsWith(`${b} `) || b.startsWith(`${a} `)) return 'prefix';
  return undefined;
}

/** The segment a name refers to: an exact match, else the only prefix match. */
export function findSegmentByName(segments: readonly Segment[], name: string): Segment | undefined {
  return findByKey(
    segments.map((segment) => ({ segment, key: segmentNameKey(segment.name) })),
    segmentNameKey(name),
  )?.segment;
}

/**
 * Whether a reference to a segment written in another document (a persona's `**Segment**:`)
 * names it, both as comparison keys ({@link segmentNameKey}): the same words, one the other
 * followed by more words, or the whole name inside ("Tier 1: Regulated FinTech (EU)").
 */
export function referencesSegment(referenceKey: string, segmentKey: string): boolean {
  if (!referenceKey || !segmentKey) return false;
  return nameMatches(referenceKey, segmentKey) !== undefined || ` ${referenceKey} `.includes(` ${segmentKey} `);
}

/** The entry of `key`: an exact match, else the only entry one key is the start of the other. */
export function findByKey<T extends { key: string }>(entries: readonly T[], key: string): T | undefined {
  if (!key) return undefined;
  const exact = entries.find((e) => e.key === key);
  if (exact) return exact;
  const prefix = entries.filter((e) => nameMatches(e.key, key) === 'prefix');
  return prefix.length === 1 ? prefix[0] : undefined;
}

/** A segment found so far, as names are compared with it. */
export interface NamedEntry {
  /** The name's comparison key ({@link segmentNameKey}), computed once. */
  key: string;
  /** The key's words stemmed ({@link stemKey}), computed when first needed. */
  stemmed?: string;
}

export function findExact<T extends NamedEntry>(entries: readonly T[], key: string): T | undefined {
  return key ? entries.find((b) => b.key === key) : undefined;
}

/** A comparison key with each word stemmed, so that "малый бизнес" names "малого бизнеса". */
function stemKey(key: string): string {
  return key
    .split(' ')
    .map((w) => (/^\d+$/.test(w) ? w : stemWord(w)))
    .join(' ');
}

function stemmedOf(entry: NamedEntry): string {
  return (entry.stemmed ??= stemKey(entry.key));
}

/**
 * The segment a name written elsewhere refers to: the same key, else the same stems; with
 * `prefix`, else the only segment one name is the start of the other (by key, then by stems).
 */
export function findNamed<T extends NamedEntry>(entries: readonly T[], key: string, prefix: boolean): T | undefined {
  if (!key) return undefined;
  const exact = findExact(entries, key);
  if (exact) return exact;
  const stemmed = stemKey(key);
  const sameStems = entries.filter((b) => stemmedOf(b) === stemmed);
  if (sameStems.length === 1) return sameStems[0];
  if (!prefix) return undefined;
  const byKey = entries.filter((b) => nameMatches(b.key, key) === 'prefix');
  if (byKey.length === 1) return byKey[0];
  if (byKey.length > 1) return undefined;
  const byStems = entries.filter((b) => nameMatches(stemmedOf(b), stemmed) === 'prefix');
  return byStems.length === 1 ? byStems[0] : undefined;
}
