/**
 * What segment extraction has found so far. extractSegments (extract.ts) runs its steps in
 * order over one such state: each step reads what the earlier ones found.
 */
import type { Span } from '../../parse/text';
import type { Section, SegDocument, Table } from '../types';
import type { Builder } from './fields';
import { segmentNameKey } from './names';
import type { Segment, SegmentVocabulary } from './types';
import { compileVocabulary, type CompiledVocabulary } from './vocabulary';

export interface Extraction {
  doc: SegDocument;
  vocab: CompiledVocabulary;
  /** The preamble and every section, in document order. */
  sections: Section[];
  /** Ids of the sections that hold segments (their subheadings, bold lines and tables are segments). */
  holding: Set<string>;
  /** Ids of the sections that describe segments (their subheadings add to the segment they name). */
  describing: Set<string>;
  /** The segments found, in the order they were found. */
  builders: Builder[];
  /** Heading segments, by their section. */
  headingSegments: Map<Section, Builder>;
  /** The lines of block segments: `**Segment**: Name` lines and bold lines alone. */
  blockLines: Span[];
  /** Tables already read as tables of segments (the last step leaves them alone). */
  segmentTables: Set<Table>;
}

export function startExtraction(doc: SegDocument, vocabulary: SegmentVocabulary): Extraction {
  return {
    doc,
    vocab: compileVocabulary(vocabulary),
    sections: [doc.preamble, ...doc.allSections],
    holding: new Set(vocabulary.sections),
    describing: new Set(vocabulary.detailSections),
    builders: [],
    headingSegments: new Map(),
    blockLines: [],
    segmentTables: new Set(),
  };
}

/** Records a new segment. */
export function newBuilder(x: Extraction, segment: Segment): Builder {
  const b: Builder = { segment, key: segmentNameKey(segment.name), values: new Map() };
  x.builders.push(b);
  return b;
}

/** Whether the section holds segments (Target Segments, Segment Profiles…). */
export function holdsSegments(x: Extraction, section: Section): boolean {
  return section.key !== undefined && x.holding.has(section.key);
}

/** Whether the offset lies inside a heading segment found so far. */
export function inHeadingSegment(x: Extraction, offset: number): boolean {
  for (const s of x.headingSegments.keys()) if (offset >= s.span.start && offset < s.span.end) return true;
  return false;
}
