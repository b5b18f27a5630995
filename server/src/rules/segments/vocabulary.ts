/**
 * The bridge between a kind schema's segment vocabulary (`$defs.segment`, read by
 * schemas/kinds.ts) and the model's segment reader, which takes it as plain data.
 */
import { extractSegments, type Segment, type SegmentVocabulary } from '../../model/segments';
import type { SegDocument } from '../../model/types';
import type { KindSchema } from '../../schemas/kinds';
import type { KindMatch } from '../../schemas/validate';

const vocabularies = new WeakMap<KindSchema, SegmentVocabulary | null>();

/** The kind's segment vocabulary; undefined when the kind has no segments (persona, prioritization). */
export function segmentVocabulary(kind: KindSchema): SegmentVocabulary | undefined {
  let v = vocabularies.get(kind);
  if (v === undefined) {
    v = kind.segment
      ? {
          names: kind.segment.names,
          fields: kind.segmentFields.map((f) => ({ id: f.id, keys: f.keys, ...(f.category ? { category: f.category } : {}) })),
          sections: kind.segment.sections,
          detailSections: kind.segment.detailSections,
        }
      : null;
    vocabularies.set(kind, v);
  }
  return v ?? undefined;
}

const segmentsCache = new WeakMap<KindMatch, Segment[]>();

/**
 * The segments of a document whose sections `match` keyed, cached per match (so every rule of
 * one check reads the same segments).
 */
export function segmentsOf(doc: SegDocument, match: KindMatch, kind: KindSchema = match.kind): Segment[] {
  let segments = segmentsCache.get(match);
  if (!segments) {
    const vocabulary = segmentVocabulary(kind);
    segments = vocabulary ? extractSegments(doc, vocabulary) : [];
    segmentsCache.set(match, segments);
  }
  return segments;
}
