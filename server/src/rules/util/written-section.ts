/**
 * The section a content rule reads (GTM Motion, Market Analysis), with its own lines — unless
 * the document lacks it, or it is still its template (nothing but placeholders, labels and
 * subheadings: `[PLG/Sales-Led/Hybrid]`, `[TAM/SAM/SOM, конкуренты, тренды]`), which is the
 * placeholder rule's to report.
 */
import type { Section, SegDocument } from '../../model/types';
import type { KindMatch } from '../../schemas/validate';
import { isUnfilled, sectionLines, type Line } from '../content/lines';

export function writtenSection(doc: SegDocument, match: KindMatch, id: string): { section: Section; lines: Line[] } | undefined {
  const section = match.byId.get(id);
  if (!section) return undefined;
  const lines = sectionLines(doc, section);
  return isUnfilled(doc, lines) ? undefined : { section, lines };
}
