/**
 * References to a segment from another document: a persona's `**Segment**:` (`**Сегмент**:`)
 * field names the segment of the segmentation it belongs to. The labels that name a segment
 * are the segment vocabulary of the kind schemas (`$defs.segment`), so a team's aliases count.
 * unknown-segment checks these fields; go to definition follows them.
 */
import type { Field, SegDocument } from '../../model/types';
import { builtinKinds } from '../../schemas/builtin';
import type { KindSchema } from '../../schemas/kinds';

/** The fields of `doc` whose label names a segment, in document order. */
export function segmentReferenceFields(doc: SegDocument, kind: KindSchema): Field[] {
  const keys = new Set<string>(kind.segment?.keys ?? []);
  for (const k of builtinKinds()) for (const key of k.segment?.keys ?? []) keys.add(key);
  return [doc.preamble, ...doc.allSections].flatMap((s) => s.fields).filter((f) => keys.has(f.key));
}
