/**
 * A segment vocabulary compiled into the patterns extraction tests lines with: the heading
 * prefix that names a segment (`Segment 1:`), the field label that does (`**Segment**:`),
 * and the field term of each label.
 */
import { normalizeKey } from '../normalize';
import type { SegmentFieldTerm, SegmentVocabulary } from './types';

/** Compiled forms of a vocabulary, cached by identity. */
export interface CompiledVocabulary {
  vocabulary: SegmentVocabulary;
  /** `Segment 1: Name`, `Сегмент №2 — Name`, `Segment A. Name`, `Segment: Name`. */
  heading: RegExp;
  /** A field label that names a segment: `segment`, `segment 1`, `сегмент`. */
  label: RegExp;
  fieldOf: Map<string, SegmentFieldTerm>;
}

/** The numbering before a name (`1.`, `#2`, `3a)`, `IV.`): not part of the name. */
export const NUMBERING = /^(?:#?\d+[a-zа-я]?[.):]|#\d+|[IVX]+[.)])\s+/u;

const compiled = new WeakMap<SegmentVocabulary, CompiledVocabulary>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileVocabulary(vocabulary: SegmentVocabulary): CompiledVocabulary {
  let vocab = compiled.get(vocabulary);
  if (vocab) return vocab;
  const words = [...vocabulary.names].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'));
  const word = `(?:${words.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`;
  const number = '(?:№\\s*|#)?(?:\\d+[a-zа-я]?|\\p{L})';
  const heading = new RegExp(`^${word}(?:\\s+${number})?\\s*(?::|\\s[—–-]\\s)\\s*|^${word}\\s+${number}\\s*[.)]\\s+`, 'iu');
  const keys = vocabulary.names.map((n) => escapeRegExp(normalizeKey(n)));
  const label = new RegExp(`^(?:${keys.join('|') || '(?!)'})(?: (?:\\d+[a-zа-я]?|\\p{L}))?$`, 'u');
  const fieldOf = new Map<string, SegmentFieldTerm>();
  for (const f of vocabulary.fields) for (const k of f.keys) if (!fieldOf.has(k)) fieldOf.set(k, f);
  vocab = { vocabulary, heading, label, fieldOf };
  compiled.set(vocabulary, vocab);
  return vocab;
}

/** The name in a segment heading: after `Segment 1:` when it has one, else the whole text. */
export function stripSegmentPrefix(text: string, vocab: CompiledVocabulary): string {
  const m = vocab.heading.exec(text);
  return m && m[0].length < text.length ? text.slice(m[0].length) : text;
}
