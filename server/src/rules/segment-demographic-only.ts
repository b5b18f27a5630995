/**
 * segment-demographic-only — a segment is defined by firmographics alone: industry, size,
 * location, stage, and nothing about its needs, pains, jobs, behaviour, values or value
 * proposition (docs/methodology.md, "Segmentation bases": firmographics are the weakest
 * alone, so use them as one layer). Table rows keyed by segment count as part of the
 * segment (Russian segmentation documents give needs and pains in a table).
 */
import type { Segment } from '../model/segments';
import { segmentsOf } from './segments/vocabulary';
import { hasSegments, segmentSpan } from './segments/report';
import { defineRule } from './types';

/** What says more about a segment than who it is. */
const BEYOND = new Set(['needs', 'pains', 'value-proposition', 'behavioral', 'psychographic']);

/** The firmographic labels of a segment that says nothing beyond them, else undefined. */
export function demographicOnly(segment: Segment): string[] | undefined {
  const fields = [...segment.fields.values()];
  // A field still holding a template placeholder is being written: not "missing".
  const beyond = fields.some((f) => BEYOND.has(f.category ?? '') && (f.filled || f.values.some((v) => v.placeholder)));
  if (beyond) return undefined;
  const labels = fields
    .filter((f) => f.category === 'firmographic' && f.filled)
    .flatMap((f) => f.values.map((v) => v.label.text));
  return labels.length ? [...new Set(labels)] : undefined;
}

export default defineRule({
  id: 'segment-demographic-only',
  severity: 'info',
  description: 'A segment is defined by firmographics alone, with no needs, pains, jobs or behaviour.',
  messages: {
    firmographicOnly:
      'Segment "{segment}" is defined by firmographics alone ({fields}): add its needs, pains or behaviour (a segmentation by demographics alone is a common mistake)',
  },
  check(ctx) {
    if (!hasSegments(ctx.kind)) return;
    for (const segment of segmentsOf(ctx.doc, ctx.match, ctx.kind)) {
      const labels = demographicOnly(segment);
      if (labels)
        ctx.report({
          message: 'firmographicOnly',
          args: { segment: segment.name, fields: labels.join(', ') },
          span: segmentSpan(segment),
        });
    }
  },
});
