/**
 * Allocations: percentages that split one whole and so should add up to 100 %. Seed 002
 * splits resources across the three tiers (Tier 1 60–70 %, Tier 2 25–35 %, Tier 3 5–10 %);
 * a GTM strategy (seed 001) splits its channel mix (Direct / Partners / Marketplace) and its
 * budget across tactics, written as `- **Direct**: 65% — …` items.
 */
import { findQuantities, type Quantity } from '../../model/numbers';
import type { Field, Language, Section } from '../../model/types';
import type { Span } from '../../parse/text';
import { sectionFields, type KindMatch } from '../../schemas/validate';
import type { Tier } from './evaluate';

export type AllocationKind = 'tiers' | 'channels' | 'budget';

export interface AllocationPart {
  /** What the share is of: the field label (`Direct`) or the tier (`1`). */
  label: string;
  quantity: Quantity;
}

export interface Allocation {
  kind: AllocationKind;
  section: Section;
  parts: AllocationPart[];
  /** Some part is a range (`60-70%`): a range has no single sum, so the allocation is not summed. */
  hasRange: boolean;
}

export interface TierAllocation {
  tier: Tier;
  section: Section;
  field: Field;
  /** The percentage the field states first; undefined when it states none (`[%]`, `$2M`). */
  quantity?: Quantity;
}

const TIER_SECTIONS: ReadonlyArray<[string, Tier]> = [
  ['tier-1', 1],
  ['tier-2', 2],
  ['tier-3', 3],
];

/**
 * Each present tier section's Resource Allocation (the first one, where the schema reads
 * it). A tier section without the field is left out; required-field reports it.
 */
export function tierAllocations(match: KindMatch, language: Language): TierAllocation[] {
  const out: TierAllocation[] = [];
  for (const [id, tier] of TIER_SECTIONS) {
    const section = match.byId.get(id);
    const field = match.fields.get(id)?.get('resource-allocation');
    if (!section || !field) continue;
    const entry: TierAllocation = { tier, section, field };
    const q = leadingPercent(field, language);
    if (q) entry.quantity = q;
    out.push(entry);
  }
  return out;
}

/** Labels of a line that states the whole, not a share of it: `- **Total**: $1.4M`, `100%`. */
const TOTAL_KEYS = new Set(['total', 'total budget', 'overall', 'sum', 'итого', 'всего', 'сумма', 'общий бюджет', 'бюджет']);

/**
 * The percentage a `Label: value` line states as its share: the first percentage, when no
 * words come before it (`65% — website trials`, `$420K (30%)`, `~10 %`). A percentage after
 * words (`website trials, 40% margin`) describes something else and is not a share.
 */
export function leadingPercent(field: Field, language: Language): Quantity | undefined {
  const qs = findQuantities(field.value.text, { language, offset: field.value.span.start });
  const pct = qs.find((q) => q.kind === 'percent');
  if (!pct) return undefined;
  let before = field.value.text.slice(0, pct.span.start - field.value.span.start);
  for (const q of qs) {
    if (q.span.end > pct.span.start) break;
    const s = q.span.start - field.value.span.start;
    const e = q.span.end - field.value.span.start;
    before = before.slice(0, s) + ' '.repeat(e - s) + before.slice(e);
  }
  return /\p{L}/u.test(before) ? undefined : pct;
}

/** Whether `offset` lies in a nested list item (depth ≥ 1) of the section: a sub-share, not a share. */
function nested(section: Section, offset: number): boolean {
  const inside = (items: Section['lists'][number]['items']): boolean =>
    items.some((i) => (i.depth >= 1 && i.span.start <= offset && offset < i.span.end) || inside(i.children));
  return section.lists.some((l) => inside(l.items));
}

function listAllocation(kind: AllocationKind, section: Section, language: Language): Allocation | undefined {
  const parts: AllocationPart[] = [];
  for (const field of sectionFields(section)) {
    if (TOTAL_KEYS.has(field.key) || nested(section, field.span.start)) continue;
    const q = leadingPercent(field, language);
    if (q) parts.push({ label: field.label.text, quantity: q });
  }
  return parts.length >= 2 ? { kind, section, parts, hasRange: parts.some((p) => p.quantity.min !== undefined) } : undefined;
}

/**
 * The document's allocations: the tiers' resource split (when at least two tiers state a
 * percentage and every present tier section states one), the GTM channel mix and the GTM budget
 * split (when at least two items state a percentage).
 */
export function findAllocations(match: KindMatch, language: Language): Allocation[] {
  const out: Allocation[] = [];
  const tiers = tierAllocations(match, language);
  // A tier section without a readable share (missing field, `[%]`) leaves the sum unknown.
  const present = TIER_SECTIONS.filter(([id]) => match.byId.has(id)).length;
  if (tiers.length >= 2 && tiers.length === present && tiers.every((t) => t.quantity)) {
    out.push({
      kind: 'tiers',
      section: tiers[0]!.section,
      parts: tiers.map((t) => ({ label: String(t.tier), quantity: t.quantity! })),
      hasRange: tiers.some((t) => t.quantity!.min !== undefined),
    });
  }
  const channels = match.byId.get('channel-strategy');
  const channelAllocation = channels && listAllocation('channels', channels, language);
  if (channelAllocation) out.push(channelAllocation);
  const budget = match.byId.get('budget');
  const budgetAllocation = budget && listAllocation('budget', budget, language);
  if (budgetAllocation) out.push(budgetAllocation);
  return out;
}

/** Where an allocation's finding goes: its last share, where the reader sees the sum fail. */
export function allocationSpan(a: Allocation): Span {
  return a.parts[a.parts.length - 1]!.quantity.span;
}
