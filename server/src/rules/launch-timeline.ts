/**
 * launch-timeline — the milestones of a launch plan, counted from launch day (`T-24 weeks`,
 * `T-8 недель`, `T-0`, `T+1 Week`, `T+12 weeks`; the GTM template's "Launch Timeline"), are in
 * chronological order. The finding is on the first milestone out of order and names the
 * milestones it belongs between.
 *
 * Milestones are read in the Launch Plan section (its list items, paragraphs, table rows,
 * subheadings, or a fenced block as the GTM template writes it) where a line starts with one, so
 * that "risks addressed by T-4 weeks" in running text is not taken for a milestone. A
 * milestone without a unit takes the previous one's (weeks at first). Milestones on the
 * same day may come in any order. Which one is out of order is decided like section-order
 * decides it: the longest run already in order stays, and of two equally long runs the one
 * that starts earlier in the document.
 */
import type { Span } from '../parse/text';
import { leadLength, sectionLines } from './content/lines';
import { longestOrderedRun } from './util/order';
import { defineRule } from './types';

interface Milestone {
  /** As written: `T-24 weeks`. */
  text: string;
  span: Span;
  /** Days from launch day: negative before it. */
  days: number;
}

type Unit = 'day' | 'week' | 'month';
const DAYS: Record<Unit, number> = { day: 1, week: 7, month: 30.44 };

const MILESTONE =
  /^T[ \t]*(?:([-−–—+])[ \t]*(\d+(?:[.,]\d+)?)|(0))(?:[ \t]*(weeks?|wks?|w|days?|d|months?|mos?|недел[\p{L}]*|нед\.?|дн(?:я|ей)|день|дн\.?|месяц[\p{L}]*|мес\.?)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/iu;

function unitOf(word: string | undefined): Unit | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (/^(w|wk|нед)/.test(w)) return 'week';
  if (/^(d|дн|день)/.test(w)) return 'day';
  return 'month';
}

export default defineRule({
  id: 'launch-timeline',
  severity: 'warning',
  kinds: ['gtm'],
  description: 'Launch plan milestones (T-24 weeks … T-0 … T+12 weeks) are in chronological order.',
  messages: {
    between: 'Milestone "{milestone}" is out of chronological order: it belongs after "{after}" and before "{before}"',
    after: 'Milestone "{milestone}" is out of chronological order: it belongs after "{after}"',
    before: 'Milestone "{milestone}" is out of chronological order: it belongs before "{before}"',
  },
  check(ctx) {
    const section = ctx.match.byId.get('launch-plan');
    if (!section) return;
    const milestones: Milestone[] = [];
    let unit: Unit = 'week';
    for (const line of sectionLines(ctx.doc, section)) {
      let lead = leadLength(line.text);
      // A heading's own `#` run is followed by the milestone too: `### T-24 weeks: …`.
      lead += /^[ \t]*(?:\*\*|__)?/.exec(line.text.slice(lead))![0].length;
      const m = MILESTONE.exec(line.text.slice(lead));
      if (!m) continue;
      const own = unitOf(m[4]);
      if (own) unit = own;
      const amount = m[3] !== undefined ? 0 : Number(m[2]!.replace(',', '.'));
      const sign = m[1] === '+' ? 1 : -1;
      const start = line.start + lead;
      milestones.push({ text: m[0], span: { start, end: start + m[0].length }, days: sign * amount * DAYS[unit] });
    }
    const kept = longestOrderedRun(
      milestones.map((m) => m.days),
      false,
    );
    const i = milestones.findIndex((_, k) => !kept.has(k));
    if (i < 0) return;
    const m = milestones[i]!;
    let after: Milestone | undefined;
    let before: Milestone | undefined;
    milestones.forEach((x, k) => {
      if (!kept.has(k)) return;
      if (x.days <= m.days && (!after || x.days >= after.days)) after = x;
      if (x.days > m.days && (!before || x.days < before.days)) before = x;
    });
    if (after && before)
      ctx.report({ message: 'between', args: { milestone: m.text, after: after.text, before: before.text }, span: m.span });
    else if (after) ctx.report({ message: 'after', args: { milestone: m.text, after: after.text }, span: m.span });
    else if (before) ctx.report({ message: 'before', args: { milestone: m.text, before: before.text }, span: m.span });
  },
});
