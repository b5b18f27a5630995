/**
 * segment-without-persona (info) — a Tier 1 segment (the `tiers` option: Tier 2 too) that no
 * persona belongs to: "each segment has 1-2 representative personas" (docs/methodology.md,
 * "The comprehensive persona"), and the segments the team invests in first need them first.
 * Tier 1 only by default: teams write the personas of their primary segments first, and a
 * Tier 2 segment whose persona is still to come is the usual state of a good workspace.
 *
 * A segment's tier is the one its matrix total implies (any matrix of the workspace, the
 * document's own included, when they agree), else its own Priority field. A persona belongs
 * to it when a persona document's Segment names it, or when a Buyer Personas list (this
 * document's or another's) gives it one — a persona still being written counts. Names match
 * as unknown-segment matches them. When no persona belongs to any of the document's segments
 * (the workspace has no persona, or only personas of other segments) the rule says nothing.
 */
import { defineRule, type WorkspaceRuleContext } from './types';
import { isSelf } from './workspace/compare';
import type { DefinedSegment } from './workspace/facts';
import { NameIndex } from './workspace/names';

export interface SegmentWithoutPersonaOptions {
  /** The tiers whose segments need a persona. */
  tiers: number[];
}

/** The tier of a segment: the one its matrix totals imply when they agree, else its own Priority. */
function tierOf(ctx: WorkspaceRuleContext<SegmentWithoutPersonaOptions>, segment: DefinedSegment): number | undefined {
  const tiers = new Set<number>();
  const own = new NameIndex<number>();
  for (const row of ctx.facts.matrixRows ?? []) if (row.tier !== undefined) own.add(row.name.text, row.tier);
  for (const t of own.lookup(segment.name)) tiers.add(t);
  for (const e of ctx.model.matrixRows().lookup(segment.name))
    if (e.row.tier !== undefined && !isSelf(e.doc, ctx.facts, ctx.self)) tiers.add(e.row.tier);
  if (tiers.size) return tiers.size === 1 ? [...tiers][0] : undefined;
  const stated = new NameIndex<number>();
  for (const t of ctx.facts.tiers ?? []) if (t.how === 'priority') stated.add(t.segment, t.stated.tier);
  const values = new Set(stated.lookup(segment.name));
  return values.size === 1 ? [...values][0] : undefined;
}

export default defineRule<SegmentWithoutPersonaOptions>({
  id: 'segment-without-persona',
  severity: 'info',
  kinds: ['segmentation'],
  description:
    'A Tier 1 segment (Tier 2 too, by option) has no persona: no persona document and no Buyer Personas entry belongs to it.',
  messages: {
    missing: 'Segment "{segment}" (tier {tier}) has no persona: write one or two for it, or list it under Buyer Personas',
  },
  defaults: { tiers: [1] },
  optionsSchema: {
    type: 'object',
    properties: {
      tiers: {
        type: 'array',
        items: { type: 'integer', minimum: 1, maximum: 3 },
        description: 'The tiers whose segments need a persona: Tier 1 by default; [1, 2] asks for Tier 2 personas too.',
      },
    },
    additionalProperties: false,
  },
  checkWorkspace(ctx) {
    const segments = ctx.facts.segments;
    if (!segments.length) return;
    const listed = new NameIndex<true>();
    for (const at of ctx.facts.personaSegments ?? []) listed.add(at.text, true);
    const personas = ctx.model.personas();
    const has = (s: DefinedSegment): boolean => listed.has(s.name) || personas.has(s.name);
    if (!segments.some(has)) return;
    const wanted = new Set(ctx.options.tiers);
    for (const s of segments) {
      if (has(s)) continue;
      const tier = tierOf(ctx, s);
      if (tier !== undefined && wanted.has(tier)) ctx.report({ message: 'missing', args: { segment: s.name, tier }, at: s.at });
    }
  },
});
