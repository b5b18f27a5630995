/**
 * segment-count — a segmentation has fewer than `min` (3) or more than `max` (7) segments
 * (docs/methodology.md, "The segmentation checklist": three to seven segments, not too few,
 * not too many). Only in segmentation documents, and only when the document has a
 * section that holds segments (Target Segments) or segments elsewhere. A Target Segments
 * section that is empty or still the template's placeholder is left to the empty-section and
 * placeholder rules. The finding sits on the Target Segments heading, else on the first
 * segment's name.
 */
import { isPlaceholderValue } from '../model/placeholders';
import type { ListItem, Section } from '../model/types';
import { hasSegments, segmentSpan } from './segments/report';
import { segmentsOf } from './segments/vocabulary';
import { headingSpan } from './util/report';
import { defineRule } from './types';

export interface SegmentCountOptions {
  min: number;
  max: number;
}

/** Every piece of text a section holds (its own and its subsections'), to tell real content from a template. */
function texts(section: Section): string[] {
  const items = (list: readonly ListItem[]): string[] => list.flatMap((i) => [i.text, ...items(i.children)]);
  return [
    ...section.paragraphs.map((p) => p.text),
    ...section.lists.flatMap((l) => items(l.items)),
    ...section.tables.flatMap((t) => [...t.header, ...t.rows.flat()].map((c) => c.text)),
    ...section.children.flatMap((c) => [c.heading.text, ...texts(c)]),
  ].filter((t) => t.trim() !== '');
}

export default defineRule<SegmentCountOptions>({
  id: 'segment-count',
  severity: 'warning',
  kinds: ['segmentation'],
  description: 'The segmentation has fewer or more segments than the recommended 3–7.',
  messages: {
    none: 'No segments found; a segmentation needs {min} to {max}. Write each as "### Segment 1: Name" under this section or as "**Segment**: Name"',
    tooFew: 'Found {count} {count:segment|segments}; a segmentation needs {min} to {max} (the segmentation checklist)',
    tooMany: 'Found {count} segments; more than {max} spreads resources thin: prioritise or merge',
  },
  defaults: { min: 3, max: 7 },
  optionsSchema: {
    type: 'object',
    properties: {
      min: {
        type: 'integer',
        minimum: 1,
        description: 'Fewest segments a segmentation should have (the segmentation checklist: 3).',
      },
      max: {
        type: 'integer',
        minimum: 1,
        description: 'Most segments a segmentation should have (the segmentation checklist: 7).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    if (!hasSegments(ctx.kind)) return;
    const { min, max } = ctx.options;
    const segments = segmentsOf(ctx.doc, ctx.match, ctx.kind);
    const holder = ctx.kind.segment!.sections.map((id) => ctx.match.byId.get(id)).find((s) => s !== undefined);
    if (!holder && segments.length === 0) return;
    const count = segments.length;
    if (count >= min && count <= max) return;
    const span = holder ? headingSpan(holder) : segmentSpan(segments[0]!);
    if (count === 0) {
      const content = texts(holder!);
      if (content.every((t) => isPlaceholderValue(t, ctx.doc.definitions))) return;
      ctx.report({ message: 'none', args: { min, max }, span });
      return;
    }
    ctx.report({ message: count < min ? 'tooFew' : 'tooMany', args: { count, min, max }, span });
  },
});
