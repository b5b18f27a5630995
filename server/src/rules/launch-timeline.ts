/**
 * launch-timeline — the milestones of a launch plan are in chronological order: those counted
 * from launch day (`T-24 weeks`, `T-8 недель`, `T-0`, `T+1 Week`, `T+12 weeks`; the GTM
 * template's "Launch Timeline"), and those given as calendar dates (`2027-01-15`, `15.01.2027`,
 * `15 January 2027`, `март 2027`), each among their own kind. The finding is on the first
 * milestone out of order and names the milestones it belongs between.
 *
 * Milestones are read in the Launch Plan section (its list items, paragraphs, table rows,
 * subheadings, or a fenced block as the GTM template writes it) where a line starts with one, so
 * that "risks addressed by T-4 weeks" or "signed on 2027-01-15" in running text is not taken for
 * a milestone. A T-milestone without a unit takes the previous one's (weeks at first). Dates
 * without a year (`15 марта`) are not read; when one date gives only a month, all are compared
 * by month, so that "January 2027" and "2027-01-15" are the same step. Milestones on the
 * same day may come in any order. Which one is out of order is decided like section-order
 * decides it: the longest run already in order stays, and of two equally long runs the one
 * that starts earlier in the document.
 */
import type { Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { leadLength, sectionLines } from './content/lines';
import { findDate } from './util/dates';
import { longestOrderedRun } from './util/order';
import { defineRule, type RuleContext } from './types';

export interface Milestone {
  /** As written: `T-24 weeks`, `2027-01-15`. */
  text: string;
  span: Span;
  /** For a T-milestone, days from launch day (negative before it); for a date, its sort key. */
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

/** Where a line's words begin: after its Markdown lead and a heading's or list item's opening bold. */
function wordsStart(text: string): number {
  const lead = leadLength(text);
  // A heading's own `#` run is followed by the milestone too: `### T-24 weeks: …`, and so is
  // the emoji a marketer puts first: `### 🚀 T-0`.
  return lead + /^[ \t]*(?:[\p{Extended_Pictographic}\uFE0F\u200D]+[ \t]*)*(?:\*\*|__)?/u.exec(text.slice(lead))![0].length;
}

/** The T-milestones of a launch plan section (`T-24 weeks`, `T-0`, `T+12 weeks`), in document order. */
export function readMilestones(doc: SegDocument, section: Section): Milestone[] {
  const milestones: Milestone[] = [];
  let unit: Unit = 'week';
  for (const line of sectionLines(doc, section)) {
    const lead = wordsStart(line.text);
    const m = MILESTONE.exec(line.text.slice(lead));
    if (!m) continue;
    const own = unitOf(m[4]);
    if (own) unit = own;
    const amount = m[3] !== undefined ? 0 : Number(m[2]!.replace(',', '.'));
    const sign = m[1] === '+' ? 1 : -1;
    const start = line.start + lead;
    milestones.push({ text: m[0], span: { start, end: start + m[0].length }, days: sign * amount * DAYS[unit] });
  }
  return milestones;
}

/** The milestones of a launch plan section given as calendar dates, in document order. */
export function readDateMilestones(doc: SegDocument, section: Section): Milestone[] {
  const found: Array<{ text: string; span: Span; date: Date; month: boolean }> = [];
  for (const line of sectionLines(doc, section)) {
    const lead = wordsStart(line.text);
    const date = findDate(line.text.slice(lead));
    if (!date || date.start !== 0) continue;
    const start = line.start + lead;
    found.push({
      text: date.text,
      span: { start, end: start + date.text.length },
      date: date.date,
      month: date.precision === 'month',
    });
  }
  const byMonth = found.some((d) => d.month);
  return found.map((d) => ({
    text: d.text,
    span: d.span,
    days: byMonth ? d.date.getUTCFullYear() * 12 + d.date.getUTCMonth() : d.date.getTime() / 86_400_000,
  }));
}

/** Reports the first milestone out of chronological order, naming the ones it belongs between. */
function reportOrder(ctx: RuleContext<object>, milestones: readonly Milestone[]): void {
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
}

export default defineRule({
  id: 'launch-timeline',
  severity: 'warning',
  kinds: ['gtm'],
  description: 'Launch plan milestones (T-24 weeks … T-0 … T+12 weeks, or calendar dates) are in chronological order.',
  messages: {
    between: 'Milestone "{milestone}" is out of chronological order: it belongs after "{after}" and before "{before}"',
    after: 'Milestone "{milestone}" is out of chronological order: it belongs after "{after}"',
    before: 'Milestone "{milestone}" is out of chronological order: it belongs before "{before}"',
  },
  check(ctx) {
    const section = ctx.match.byId.get('launch-plan');
    if (!section) return;
    reportOrder(ctx, readMilestones(ctx.doc, section));
    reportOrder(ctx, readDateMilestones(ctx.doc, section));
  },
});
