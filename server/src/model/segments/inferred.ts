/**
 * Segments inferred when no heading, block line or table of a section that holds segments
 * gives one: the subheadings or bold blocks of a section nobody lists, when two or more of
 * them each size a segment (size, ACV or revenue) and say what it needs or how it is won
 * (needs, pains, channels, strategy…), and those of them with two kinds of segment field;
 * else the rows of a table keyed by segment that sizes them.
 */
import { readMatrix } from '../matrix';
import { normalizeKey } from '../normalize';
import type { Section } from '../types';
import { addBlockSegment, boldBlocks, type BoldBlock } from './block-lines';
import { inHeadingSegment, type Extraction } from './extraction';
import { fieldCategories } from './fields';
import { addHeadingSegment, addSectionBody } from './headings';
import { labelColumn, readSegmentTable } from './tables';
import type { CompiledVocabulary } from './vocabulary';

/** Categories that size a segment: a block with one of them and another field reads as a segment. */
const SIZING = new Set(['size', 'acv', 'revenue']);
/** Categories that say what a segment needs or how to win it. */
const DESCRIBING = new Set([
  'needs',
  'pains',
  'value-proposition',
  'channels',
  'go-to-market',
  'strategy',
  'behavioral',
  'psychographic',
]);

/** A subheading or bold block that may be a segment, and the categories of its segment fields. */
interface Candidate {
  categories: Set<string>;
  heading?: Section;
  block?: BoldBlock;
}

/** Step 4: when no segment was found so far, segments inferred from their fields. */
export function inferSegments(x: Extraction): void {
  if (x.builders.length > 0) return;
  for (const section of x.sections) {
    if (section.key !== undefined && x.describing.has(section.key)) continue;
    if (section.heading.depth > 0 && inHeadingSegment(x, section.span.start)) continue;
    const candidates = candidatesIn(x, section);
    // Sized, and saying something a segment has beyond its size and who its members are
    // (a breakdown by region with company counts and a TAM is not a set of segments).
    const sized = candidates.filter(
      (c) => [...c.categories].some((k) => SIZING.has(k)) && [...c.categories].some((k) => DESCRIBING.has(k)),
    );
    if (sized.length < 2) continue;
    for (const c of candidates) {
      if (c.categories.size < 2) continue;
      if (c.heading) {
        const b = addHeadingSegment(x, c.heading);
        addSectionBody(x, b, c.heading);
      } else if (c.block) {
        addBlockSegment(x, c.block);
        x.blockLines.push(c.block.line);
      }
    }
  }
  if (x.builders.length === 0) readSizingTables(x);
}

/** The subheadings (that are not sections nor fields) and bold blocks of a section. */
function candidatesIn(x: Extraction, section: Section): Candidate[] {
  const candidates: Candidate[] = [];
  for (const child of section.children) {
    if (child.key || child.heading.text === '' || x.vocab.fieldOf.has(normalizeKey(child.heading.text))) continue;
    candidates.push({ categories: sectionCategories(x.vocab, child), heading: child });
  }
  for (const block of boldBlocks(x, section)) candidates.push({ categories: fieldCategories(x.vocab, block.fields), block });
  return candidates;
}

/** The categories of a section's own segment fields: its fields and its subheadings that name a field. */
function sectionCategories(vocab: CompiledVocabulary, section: Section): Set<string> {
  const out = fieldCategories(vocab, section.fields);
  for (const c of section.children) {
    const term = vocab.fieldOf.get(normalizeKey(c.heading.text));
    if (term?.category) out.add(term.category);
    if (term) for (const k of fieldCategories(vocab, c.fields)) out.add(k);
  }
  return out;
}

/** A table keyed by segment that sizes them defines them. */
function readSizingTables(x: Extraction): void {
  for (const section of x.sections) {
    for (const table of section.tables) {
      if (readMatrix(table) || labelColumn(table, x.vocab) < 0) continue;
      const categories = new Set(
        table.header.map((h) => x.vocab.fieldOf.get(normalizeKey(h.text))?.category).filter((c): c is string => c !== undefined),
      );
      if (categories.size < 2 || ![...categories].some((c) => SIZING.has(c))) continue;
      if (readSegmentTable(x, table, true)) x.segmentTables.add(table);
    }
  }
}
