/**
 * Segments: the customer segments a document defines, with the fields that describe them,
 * read from the model (docs/methodology.md, "The segmentation template" and "The five
 * segment criteria"). This module is the entry point; the readers live in model/segments/.
 *
 * A segment is
 *   - a heading like `### Segment 1: SMB Operators` / `### Сегмент 1: SMB‑операторы`, anywhere;
 *   - any heading directly under a section that holds segments (Target Segments, Segment
 *     Profiles, Who we sell to…), unless it only groups segment headings below it; its
 *     numbering (`### 1. Mid-market`) is not part of the name (segments/headings.ts);
 *   - a `**Segment**: Name` / `**Segment Definition**: …` / `**Сегмент**: …` line in a paragraph
 *     (as the comprehensive persona writes it, docs/methodology.md), whose following fields
 *     belong to it up to the next such line or heading;
 *   - in a section that holds segments, a bold line alone (`**1. Mid-market SaaS**`) followed
 *     by segment fields, which belong to it up to the next bold line (segments/block-lines.ts);
 *   - a row of a table in a section that holds segments, keyed by its Segment column (or its
 *     first column, when the others name segment fields), or a column of a table whose rows
 *     name segment fields (`| | SMB | Enterprise |` over `| Size | … |`), naming none of the
 *     segments above (segments/tables.ts);
 *   - when nothing above gives a segment: a subheading or bold block of a section nobody
 *     lists, when two or more of them each size a segment (size, ACV or revenue) and say
 *     what it needs or how it is won (needs, pains, channels, strategy…), and those of them
 *     with two kinds of segment field; or the rows of a table keyed by segment that sizes
 *     them (segments/inferred.ts).
 *   Bold lines stand for segments only two or more at a time and not above segment headings.
 * Its fields come from `**Key**: value` lines and nested lists in its body, from subheadings
 * that name a field (`#### Needs`), and from everything written about it elsewhere: rows
 * (or columns) of other tables that name it (Russian segmentation documents give needs and
 * pains in tables of their own), subheadings of sections that describe segments (Segment
 * Strategy) or headings like "Strategy for mid-market" that name it by a prefix — whose
 * prose is its strategy — and any other heading that names it exactly (its fields only;
 * segments/details.ts). Names written elsewhere match by key, by stems (another grammatical
 * case: "для малого бизнеса" names "Малый бизнес") and, where a prefix is allowed, by the
 * only segment they start (segments/names.ts).
 *
 * This module does not read schemas (the model layer sits below them): the caller passes the
 * vocabulary — which labels name a segment, which labels name which field — as plain data.
 * Extraction needs `Section.key`, so it runs after the headings were matched to sections.
 */
export { extractSegments } from './segments/extract';
export { findSegmentByName, referencesSegment, segmentNameKey } from './segments/names';
export type {
  Segment,
  SegmentField,
  SegmentFieldTerm,
  SegmentFieldValue,
  SegmentSource,
  SegmentVocabulary,
} from './segments/types';
