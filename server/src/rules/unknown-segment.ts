/**
 * unknown-segment — a persona's `**Segment**:` names no segment the workspace's segdoc
 * documents define. The comprehensive persona ties every persona to a segment of the
 * segmentation ("Segment: [Which segment this persona represents]"); a name that matches
 * none of them is a typo, a renamed segment, or a segment nobody has analysed yet.
 *
 * The known segments come from the front end (`ctx.workspace`): the language server's
 * workspace, the CLI's checked files. When it knows of no segment at all the rule says
 * nothing — there is nothing to compare with. A name matches a segment when their keys are
 * equal, or one is the other followed by more words ("Mid-Market SaaS" ↔ "Mid-Market SaaS
 * platform teams"), or the value mentions the segment's whole name. When one known segment
 * is close enough to be a typo, the message says which and the fix writes it.
 */
import { referencesSegment, segmentNameKey } from '../model/segments';
import { isPlaceholderValue } from '../model/placeholders';
import { segmentReferenceFields } from './segments/references';
import { similarity } from '../model/distance';
import { defineRule, type KnownSegment } from './types';

/** At least this similar (1 − edits / length) to be offered as "did you mean". */
const TYPO_SIMILARITY = 0.8;
/** At most this many known segments are listed in a message. */
const LISTED = 5;

export default defineRule({
  id: 'unknown-segment',
  severity: 'warning',
  kinds: ['persona'],
  workspace: true,
  description: "A persona's Segment names no segment the workspace's segmentation documents define.",
  messages: {
    unknown: 'Segment "{segment}" is not defined in the workspace; known segments: {known}',
    typo: 'Segment "{segment}" is not defined in the workspace: did you mean "{name}" ({source})?',
    replace: 'Replace with "{name}"',
  },
  check(ctx) {
    const known = ctx.workspace?.segments ?? [];
    if (!known.length) return;
    const segments = known.map((s) => ({ ...s, key: segmentNameKey(s.name) })).filter((s) => s.key !== '');
    for (const field of segmentReferenceFields(ctx.doc, ctx.kind)) {
      const value = field.value.text.trim();
      if (!value || isPlaceholderValue(value, ctx.doc.definitions)) continue;
      const key = segmentNameKey(value);
      if (!key || segments.some((s) => referencesSegment(key, s.key))) continue;
      const closest = segments
        .map((s) => ({ s, score: similarity(key, s.key) }))
        .filter((c) => c.score >= TYPO_SIMILARITY)
        .sort((a, b) => b.score - a.score)[0]?.s;
      if (closest) {
        ctx.report({
          message: 'typo',
          args: { segment: value, name: closest.name, source: closest.source },
          span: field.value.span,
          fixes: [
            {
              title: 'replace',
              args: { name: closest.name },
              edits: [{ span: field.value.span, newText: closest.name }],
              preferred: true,
            },
          ],
        });
      } else {
        ctx.report({ message: 'unknown', args: { segment: value, known: listed(known) }, span: field.value.span });
      }
    }
  },
});

/** `A, B, C, D, E, …` — distinct names, in the order the workspace lists them (unquoted: the quotes differ by language). */
function listed(known: readonly KnownSegment[]): string {
  const seen = new Set<string>();
  const distinct = known.filter((s) => {
    const key = segmentNameKey(s.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shown = distinct.slice(0, LISTED).map((s) => s.name);
  return distinct.length > LISTED ? `${shown.join(', ')}, …` : shown.join(', ');
}
