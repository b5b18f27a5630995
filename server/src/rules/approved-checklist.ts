/**
 * approved-checklist — a segmentation whose metadata Status is Approved (Утверждено) still
 * has unticked items (`- [ ]`) in its segmentation checklist. The checklist is the one the
 * methodology runs "before finalizing segmentation" (research quality, segment quality,
 * persona quality, prioritization, strategy; docs/methodology.md "The segmentation
 * checklist"), so an approved analysis with open items says two things at once.
 *
 * Only the Segmentation Checklist section (and its subsections: `### Research Quality`) is
 * read, under any of its headings (Checklist, Чек-лист, Self-check, …). Task lists elsewhere —
 * next steps, owners' to-dos — are work still to come, which an approved document naturally
 * has. An item struck through (`- [ ] ~~Win/loss interviews~~`) or marked n/a (`н/п`, "не
 * применимо") is a decision, not an open item. The finding is on the Status value and names the
 * first open item; nothing is reported while the status is a placeholder or anything else.
 */
import type { ListItem, Section } from '../model/types';
import { canonicalEnum } from '../schemas/enum-value';
import { spelling } from './util/enum';
import { defineRule } from './types';

/** An item set aside on purpose: struck through, or not applicable. */
const SET_ASIDE = /^~~|(?<![\p{L}])(?:n\/a|not applicable|н\/п|н\/д|не применимо|неприменимо)(?![\p{L}])/iu;

function openItems(items: readonly ListItem[], out: ListItem[]): void {
  for (const item of items) {
    if (item.checked === false && !SET_ASIDE.test(item.text.replace(/^\[ \][ \t]*/, ''))) out.push(item);
    openItems(item.children, out);
  }
}

function taskCount(items: readonly ListItem[]): number {
  return items.reduce((n, i) => n + (i.checked === null ? 0 : 1) + taskCount(i.children), 0);
}

/** The section and its subsections, in document order. */
function withChildren(section: Section): Section[] {
  return [section, ...section.children.flatMap(withChildren)];
}

export default defineRule({
  id: 'approved-checklist',
  severity: 'warning',
  kinds: ['segmentation'],
  description:
    'A segmentation whose Status is Approved has no unticked items left in its segmentation checklist (the checklist to run before finalizing).',
  messages: {
    open: 'Status is "{status}", but the segmentation checklist, run before finalizing, has {open} of {total} items not ticked, the first "{item}"',
  },
  check(ctx) {
    const status = ctx.match.fields.get('metadata')?.get('status');
    const spec = ctx.kind.sections.find((s) => s.id === 'metadata')?.fields.find((f) => f.id === 'status');
    if (!status || !spec || canonicalEnum(spec, status.value.text, { strict: true }) !== 'Approved') return;
    const checklist = ctx.match.byId.get('checklist');
    if (!checklist) return;
    const sections = withChildren(checklist);
    const open: ListItem[] = [];
    let total = 0;
    for (const section of sections)
      for (const list of section.lists) {
        openItems(list.items, open);
        total += taskCount(list.items);
      }
    if (!open.length) return;
    const item = open[0]!.text.replace(/^\[ \][ \t]*/, '');
    ctx.report({
      message: 'open',
      args: {
        status: spelling(spec, 'Approved', ctx.language),
        open: open.length,
        total,
        item: item.length > 60 ? `${item.slice(0, 59)}…` : item,
      },
      span: status.value.span,
    });
  },
});
