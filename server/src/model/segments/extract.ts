/**
 * extractSegments: the steps that find a document's segments, in the order that lets each
 * rely on the ones before (see model/segments.ts for what counts as a segment).
 */
import type { SegDocument } from '../types';
import { findBlockSegments } from './block-lines';
import { addDetails } from './details';
import { startExtraction } from './extraction';
import { finishFields } from './fields';
import { findHeadingSegments } from './headings';
import { inferSegments } from './inferred';
import { readTablesNamingSegments, readTablesOfSegments } from './tables';
import type { Segment, SegmentVocabulary } from './types';

/** Reads the segments of a document. Pure: the document is not changed. */
export function extractSegments(doc: SegDocument, vocabulary: SegmentVocabulary): Segment[] {
  const x = startExtraction(doc, vocabulary);
  findHeadingSegments(x);
  findBlockSegments(x);
  readTablesOfSegments(x);
  inferSegments(x);
  addDetails(x);
  readTablesNamingSegments(x);
  for (const b of x.builders) finishFields(b);
  return x.builders.map((b) => b.segment).sort((p, q) => p.span.start - q.span.start);
}
