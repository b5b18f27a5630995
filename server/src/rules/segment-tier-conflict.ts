/**
 * segment-tier-conflict — a tier one document states for a segment disagrees with the tier
 * its matrix total implies in another document (the prioritization matrix: 30–40 is Tier 1,
 * 20–29 Tier 2, below 20 Tier 3, docs/methodology.md). The tiers compared are a persona's
 * Priority (for the segment its Segment names), a segment's own `**Priority**: Tier 2`
 * (segmentation, GTM plan), a name listed under a prioritization's tier section, and a
 * matrix's Tier cell or, without one, the tier its own total implies. The implied tier is
 * computed with the thresholds of the matrix's own document (score-tier's options).
 *
 * Only other documents are compared: a document whose own matrix scores the segment is
 * tier-mismatch's and score-tier's business. When no other matrix scores the segment, or the
 * other matrices disagree among themselves, the rule says nothing. Names match as
 * unknown-segment matches them. The fix writes the implied tier where the tier is a number.
 */
import { defineRule, type WorkspaceRuleContext } from './types';
import { formatNumber } from './matrix/evaluate';
import { isSelf, relatedAt } from './workspace/compare';
import type { MatrixRowFact, StatedTier } from './workspace/facts';
import type { MatrixEntry } from './workspace/model';
import { NameIndex } from './workspace/names';

type How = 'persona' | 'priority' | 'listed' | 'cell' | 'total';

const matrix = (how: How): boolean => how === 'cell' || how === 'total';

/** The folder of a document id (a path or a URI). */
function folderOf(id: string): string {
  return id.slice(0, Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
}

/**
 * The other documents' rows of a segment, when they all imply one tier. A matrix is compared
 * with the matrices of its own folder only (`sameFolder`): one elsewhere that scores a segment
 * of the same name is more often another product's, or an older scoring, than a disagreement.
 */
function implied(ctx: WorkspaceRuleContext<object>, name: string, how: How): { tier: number; rows: MatrixEntry[] } | undefined {
  const here = ctx.self !== undefined ? folderOf(ctx.self) : undefined;
  const rows = ctx.model
    .matrixRows()
    .lookup(name, how === 'persona')
    .filter((e) => e.row.tier !== undefined && !isSelf(e.doc, ctx.facts, ctx.self))
    .filter((e) => !matrix(how) || (here !== undefined && folderOf(e.doc.id) === here));
  const tiers = new Set(rows.map((e) => e.row.tier));
  return tiers.size === 1 ? { tier: rows[0]!.row.tier!, rows } : undefined;
}

function conflict(ctx: WorkspaceRuleContext<object>, segment: string, stated: StatedTier, how: How): void {
  const other = implied(ctx, segment, how);
  if (!other || other.tier === stated.tier) return;
  const first = other.rows[0]!;
  const total = formatNumber(first.row.total!, ctx.language);
  const args = { segment, listed: stated.tier, total, tier: other.tier, source: first.doc.source };
  // Which of two matrices is right is not for a fix to say.
  const fixes =
    !matrix(how) && /^\d$/.test(stated.at.text)
      ? // Not preferred: the tier it writes comes from another document, which `--fix` and
        // "Fix all" may be changing in the same run (its totals, its tiers); the user applies it.
        [{ title: 'write', args: { tier: other.tier }, edits: [{ at: stated.at, newText: String(other.tier) }] }]
      : [];
  ctx.report({
    message: how,
    args,
    at: stated.at,
    ...(fixes.length ? { fixes } : {}),
    related: other.rows.map((e) =>
      relatedAt(e.doc, e.row.name, 'scored', {
        segment: e.row.name.text,
        total: formatNumber(e.row.total!, ctx.language),
        tier: e.row.tier!,
      }),
    ),
  });
}

export default defineRule({
  id: 'segment-tier-conflict',
  severity: 'warning',
  description: 'A tier stated for a segment in one document disagrees with the tier its matrix total implies in another.',
  messages: {
    persona:
      'This persona\'s priority is tier {listed}, but "{segment}" has matrix total {total} in {source}, which implies tier {tier}',
    priority: '"{segment}" is given tier {listed}, but its matrix total {total} in {source} implies tier {tier}',
    listed: '"{segment}" is listed under tier {listed}, but its matrix total {total} in {source} implies tier {tier}',
    cell: '"{segment}" is in tier {listed} in this matrix, but its matrix total {total} in {source} implies tier {tier}',
    total: '"{segment}" totals to tier {listed} in this matrix, but its matrix total {total} in {source} implies tier {tier}',
    scored: '"{segment}": matrix total {total}, tier {tier}',
    write: 'Change to tier {tier}',
  },
  checkWorkspace(ctx) {
    const rows = ctx.facts.matrixRows ?? [];
    const own = new NameIndex<MatrixRowFact>();
    for (const row of rows) own.add(row.name.text, row);
    for (const t of ctx.facts.tiers ?? []) {
      // A segment this document's own matrix scores is compared with it by tier-mismatch.
      if (own.lookup(t.segment).length) continue;
      conflict(ctx, t.segment, t.stated, t.how);
    }
    for (const row of rows) {
      // A Tier cell that disagrees with its own row's total is score-tier's.
      if (row.stated && (row.tier === undefined || row.stated.tier === row.tier))
        conflict(ctx, row.name.text, row.stated, 'cell');
      else if (!row.stated && row.tier !== undefined) conflict(ctx, row.name.text, { tier: row.tier, at: row.name }, 'total');
    }
  },
});
