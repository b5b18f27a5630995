/**
 * The fragment cache: chunk fragments shared by every document of a process, so that an
 * edit re-parses only the chunks it touched (see model/build.ts).
 */
import { createHash } from 'node:crypto';
import type { Fragment } from './fragment';

/**
 * A bounded cache of chunk fragments, shared by every document of a process. Keyed by a
 * digest of the chunk's text and whether the chunk ends the document (a chunk is parsed a
 * little differently then; see makeFragment), and bounded by an estimate of the bytes its
 * fragments hold. Least recently used chunks go first.
 *
 * The cache keeps no text of a document: a key is a digest, not the chunk (a chunk is a slice
 * of one version of the document, and a slice keeps the whole version alive), and a stored
 * fragment is a copy whose strings are its own (see `own`).
 */
export class FragmentCache {
  private readonly map = new Map<string, { inner?: Fragment; last?: Fragment; bytes: number }>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  /** The estimated bytes held (for the benchmark and tests). */
  get bytes(): number {
    return this.size;
  }

  get entries(): number {
    return this.map.size;
  }

  /** The cached fragment of a chunk, refreshed as recently used; undefined on a miss. */
  peek(text: string, last = false): Fragment | undefined {
    const key = chunkKey(text);
    const entry = this.map.get(key);
    const found = entry && (last ? entry.last : entry.inner);
    if (!found) {
      this.misses++;
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order.
    this.map.delete(key);
    this.map.set(key, entry);
    this.hits++;
    return found;
  }

  /** Stores a fragment made for a chunk (the fragment must own its strings: see `own`). */
  put(text: string, last: boolean, fragment: Fragment): void {
    const key = chunkKey(text);
    let entry = this.map.get(key);
    if (entry) this.map.delete(key);
    else entry = { bytes: 0 };
    const previous = last ? entry.last : entry.inner;
    const bytes = estimateBytes(fragment) - (previous ? estimateBytes(previous) : 0);
    if (last) entry.last = fragment;
    else entry.inner = fragment;
    entry.bytes += bytes;
    this.size += bytes;
    this.map.set(key, entry);
    for (const [k, e] of this.map) {
      if (this.size <= this.maxBytes || k === key) break;
      this.map.delete(k);
      this.size -= e.bytes;
    }
  }

  /** The cached fragment of a chunk, or `make()`'s, stored. */
  get(text: string, make: () => Fragment, last = false): Fragment {
    const found = this.peek(text, last);
    if (found) return found;
    const made = own(make());
    this.put(text, last, made);
    return made;
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}

/** Fragments the shared cache may hold, in estimated bytes (see estimateBytes). */
export const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;

function chunkKey(text: string): string {
  // 160 bits: a collision would need 2^80 chunks. Hashing is about 1 GB/s, a small part of a check.
  return createHash('sha1').update(text).digest('base64');
}

/**
 * A deep copy of a fragment whose strings are flat copies: strings sliced from the chunk
 * would keep the whole document text (the chunk is a slice of it) alive for as long as the
 * fragment is cached. Fragments that came from a parse worker are such copies already.
 */
export function own(fragment: Fragment): Fragment {
  return structuredClone(fragment);
}

/**
 * Roughly the bytes a fragment holds in memory: strings at two bytes a character, and
 * arrays and objects by their slots. An estimate in bytes, not characters of the chunk,
 * because a fragment is several times larger than its text.
 */
export function estimateBytes(value: unknown): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  // Objects shared within a fragment are counted once (and a cycle cannot loop).
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (v && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (typeof v === 'number' || typeof v === 'boolean') bytes += 8;
    else if (Array.isArray(v)) {
      bytes += 16 + 8 * v.length;
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      const values = Object.values(v as Record<string, unknown>);
      bytes += 24 + 16 * values.length;
      for (const x of values) stack.push(x);
    }
  }
  return bytes;
}

export const sharedFragmentCache = new FragmentCache();
