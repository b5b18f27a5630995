/**
 * matrix-unknown-segment — a row of a prioritization matrix scores a segment that no
 * segmentation defines (the prioritization matrix scores "each segment" of the segmentation,
 * docs/methodology.md "The prioritization matrix"): a segment renamed or deleted in the
 * segmentation whose row stayed, or a row added for a segment nobody has analysed.
 *
 * A matrix inside a document that defines segments (a segmentation's own Segment
 * Prioritization) scores that document's segments, so its rows are compared with them only.
 * A matrix of a document that defines none (a prioritization) is compared with every segment
 * the workspace defines, as unknown-segment compares a persona's Segment; when the workspace
 * defines none, or none of the matrix's rows (the matrix is about segments the workspace does
 * not hold: another product, a draft), the rule says nothing. Names match as unknown-segment
 * matches them; a near miss of one segment is reported as such, with a fix that writes it.
 */
import { defineRule, type WorkspaceRuleContext } from './types';
import { reportSegmentName, SegmentList, workspaceMatch } from './workspace/compare';
import type { MatrixRowFact } from './workspace/facts';
import type { ReferenceMatch } from './segments/known';

function reportRow(
  ctx: WorkspaceRuleContext<object>,
  row: MatrixRowFact,
  match: ReferenceMatch,
  known: string,
  here: boolean,
): void {
  // A row of a document's own matrix is compared with the document's own segments: no related place.
  reportSegmentName(
    ctx,
    row.name,
    match,
    here ? { unknown: 'notHere', known } : { unknown: 'unknown', known, defined: 'defined' },
  );
}

export default defineRule({
  id: 'matrix-unknown-segment',
  severity: 'warning',
  description: 'A prioritization matrix scores a segment that no segmentation of the workspace defines.',
  messages: {
    unknown: 'Matrix row "{segment}" is not a segment the workspace defines; known segments: {known}',
    notHere: 'Matrix row "{segment}" is not one of the segments this document defines: {known}',
    typo: 'Matrix row "{segment}" is not a segment the workspace defines: did you mean "{name}" ({source})?',
    defined: 'Segment "{name}" is defined here',
    replace: 'Replace with "{name}"',
  },
  checkWorkspace(ctx) {
    const rows = ctx.facts.matrixRows;
    if (!rows?.length) return;
    if (ctx.facts.segments.length) {
      const own = new SegmentList(ctx.facts.segments, ctx.facts.title);
      for (const row of rows) reportRow(ctx, row, own.match(row.name.text), own.listed(), true);
      return;
    }
    const index = ctx.model.segmentIndex();
    if (index.empty) return;
    const matches = rows.map((row) => workspaceMatch(ctx.model, row.name.text));
    // A matrix none of whose rows the workspace defines (or nearly) is about segments it does not hold.
    if (!matches.some((m) => m.kind !== 'unknown')) return;
    rows.forEach((row, i) => reportRow(ctx, row, matches[i]!, index.listed(), false));
  },
});
