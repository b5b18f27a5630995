/**
 * segment-unscored (info) — a segment a segmentation defines that no prioritization matrix
 * scores, while a matrix scores others of its segments: the methodology scores every segment
 * on the four dimensions before tiering it (docs/methodology.md, "The prioritization
 * matrix"), so a segment left out of the matrix has no tier and no share of the resources.
 *
 * The matrices counted are the document's own (a segmentation's Segment Prioritization) and
 * those of every other document; names match as unknown-segment matches them. When no matrix
 * scores any of the document's segments — the workspace has no matrix, or only matrices of
 * other segments (another product) — the rule says nothing.
 */
import { defineRule } from './types';
import { isSelf, relatedAt } from './workspace/compare';
import type { MatrixRowFact } from './workspace/facts';
import type { MatrixEntry } from './workspace/model';
import { NameIndex } from './workspace/names';

export default defineRule({
  id: 'segment-unscored',
  severity: 'info',
  kinds: ['segmentation'],
  description: 'A segment the document defines is scored by no prioritization matrix, while a matrix scores its other segments.',
  messages: {
    unscored:
      'Segment "{segment}" is not scored in the prioritization matrix ({source} scores {scored} of this document\'s segments)',
    unscoredHere: 'Segment "{segment}" is not scored in this document\'s prioritization matrix',
    matrix: 'The prioritization matrix',
  },
  checkWorkspace(ctx) {
    const segments = ctx.facts.segments;
    if (!segments.length) return;
    const own = new NameIndex<MatrixRowFact>();
    for (const row of ctx.facts.matrixRows ?? []) own.add(row.name.text, row);
    const rows = ctx.model.matrixRows();
    const others = (name: string): MatrixEntry[] => rows.lookup(name).filter((e) => !isSelf(e.doc, ctx.facts, ctx.self));
    const scoredHere = segments.filter((s) => own.has(s.name)).length;
    const elsewhere = segments.map((s) => others(s.name));
    // The other matrices about this document's segments: each scores two of them, and at least half.
    const byDoc = new Map<string, { entry: MatrixEntry; count: number }>();
    for (const list of elsewhere) {
      for (const id of new Set(list.map((e) => e.doc.id))) {
        const seen = byDoc.get(id) ?? { entry: list.find((e) => e.doc.id === id)!, count: 0 };
        seen.count++;
        byDoc.set(id, seen);
      }
    }
    const about = [...byDoc.values()].filter((m) => m.count >= 2 && m.count * 2 >= segments.length);
    if (!scoredHere && !about.length) return;
    const first = about[0];
    const scored = first?.count ?? 0;
    segments.forEach((s, i) => {
      if (own.has(s.name) || elsewhere[i]!.length) return;
      if (scoredHere || !first) ctx.report({ message: 'unscoredHere', args: { segment: s.name }, at: s.at });
      else
        ctx.report({
          message: 'unscored',
          args: { segment: s.name, source: first.entry.doc.source, scored },
          at: s.at,
          related: [relatedAt(first.entry.doc, first.entry.row.name, 'matrix')],
        });
    });
  },
});
