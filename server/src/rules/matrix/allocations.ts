/**
 * Allocations: percentages that split one whole and so should add up to 100 %. The
 * prioritization matrix splits resources across the three tiers (Tier 1 60–70 %, Tier 2
 * 25–35 %, Tier 3 5–10 %; docs/methodology.md); a GTM strategy splits its channel mix (Direct / Partners / Marketplace) and its
 * budget across tactics, written as `- **Direct**: 65% — …` items.
 *
 * Read however they are written: as fields in any layout (model/layout.ts), as a table with
 * a percentage column (`| Channel | Share |`, `| Tactic | Budget | % |`) read like a list of
 * shares, and — for the tier split — wherever the document states it: the tier sections'
 * Resource Allocation, else a Resource Allocation section or label block listing the tiers,
 * else a table with a Tier column and an allocation column, in a document of any kind.
 * The words of labels and headers are the lexicon's (model/lexicon), every language at once.
 */
import {
  allocationHeaderStarts,
  allocationHeaderWords,
  allocationTotalKeys,
  alternation,
  shareHeaderWords,
  tierHeaders,
  tierLabelWords,
} from '../../model/lexicon';
import { normalizeKey } from '../../model/normalize';
import { findQuantities, type Quantity } from '../../model/numbers';
import type { Field, Language, Section, SegDocument, Table, TableCell, TextRun } from '../../model/types';
import type { Span } from '../../parse/text';
import { builtinKind } from '../../schemas/builtin';
import { sectionFields } from '../../model/items';
import type { KindMatch } from '../../schemas/validate';
import { tierWords, type Tier } from './evaluate';

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
 * it). A tier section without the field is left out; required-field reports it. When no tier
 * section states one and the document is given, the tier split is read wherever the
 * document writes it (see looseTierAllocations).
 */
export function tierAllocations(match: KindMatch, language: Language, doc?: SegDocument): TierAllocation[] {
  return readTierAllocations(match, language, doc).entries;
}

function readTierAllocations(
  match: KindMatch,
  language: Language,
  doc: SegDocument | undefined,
): { entries: TierAllocation[]; loose: boolean } {
  const out: TierAllocation[] = [];
  for (const [id, tier] of TIER_SECTIONS) {
    const section = match.byId.get(id);
    const field = match.fields.get(id)?.get(ALLOCATION_FIELD);
    if (!section || !field) continue;
    const entry: TierAllocation = { tier, section, field };
    const q = leadingPercent(field, language);
    if (q) entry.quantity = q;
    out.push(entry);
  }
  if (out.length || !doc) return { entries: out, loose: false };
  return { entries: looseTierAllocations(doc, match, language), loose: true };
}

/** The id of a tier section's Resource Allocation field in the prioritization schema. */
const ALLOCATION_FIELD = 'resource-allocation';

/**
 * Whether a required field that its section lacks is given elsewhere in the document, so the
 * section need not repeat it: a tier's Resource Allocation stated in a Resource Allocation
 * table or list (see looseTierAllocations). required-field and the completeness tally both
 * ask this.
 */
export function fieldStatedElsewhere(
  match: KindMatch,
  language: Language,
  doc: SegDocument,
  sectionId: string,
  fieldId: string,
): boolean {
  if (fieldId !== ALLOCATION_FIELD) return false;
  const tier = TIER_SECTIONS.find(([id]) => id === sectionId)?.[1];
  if (tier === undefined) return false;
  const { entries, loose } = readTierAllocations(match, language, doc);
  return loose && entries.some((e) => e.tier === tier && e.quantity !== undefined);
}

/** The names of Resource Allocation: the field's keys in the kind's schema and in the built-in prioritization schema. */
function allocationKeys(match: KindMatch): Set<string> {
  const keys = new Set<string>();
  for (const kind of [match.kind, builtinKind('prioritization')]) {
    const spec = kind?.sections.find((s) => s.id === 'tier-1')?.fields.find((f) => f.id === ALLOCATION_FIELD);
    for (const k of spec?.keys ?? []) keys.add(k);
  }
  return keys;
}

/** `Resource allocation`, `Resource allocation by tier`, `Распределение ресурсов по уровням`. */
function namesAllocation(key: string, keys: ReadonlySet<string>): boolean {
  if (keys.has(key)) return true;
  for (const k of keys) if (k.includes(' ') && key.startsWith(k + ' ')) return true;
  return false;
}

/** A tier's number after the lexicon's tier label word (`Tier 1`, `P2`, `Уровень 3`), in a normalised label. */
const TIER_LABEL = new RegExp(`^(?:${alternation(tierLabelWords)})\\s*([123])(?!\\d)`, 'u');

/** The tier a label names: `Tier 1`, `Tier 1 (Primary Focus)`, `Уровень 2`, `P1`, `Primary`, `Вторичный фокус`. */
export function tierOfLabel(text: string): Tier | undefined {
  const key = normalizeKey(text.replace(/[()]/g, ' '));
  const m = TIER_LABEL.exec(key);
  if (m) return Number(m[1]) as Tier;
  if (/^[123]$/.test(key)) return Number(key) as Tier;
  const w = tierWords(key)[0];
  return w && w.start === 0 ? w.tier : undefined;
}

/**
 * Column headers of the share in an allocation table, besides the Resource Allocation names:
 * `Share`, `Share of budget and headcount`, `% of resources`, `Доля ресурсов`, `Распределение`.
 */
const ALLOCATION_HEADER = new RegExp(
  `^(?:${alternation(allocationHeaderStarts)})(?: |$)|(?:^| )(?:${alternation(allocationHeaderWords)})(?: |$)`,
  'u',
);

/**
 * The tier split written outside the tier sections: the tier-labelled fields (a list, a
 * two-column table, label lines) of a section or label block named Resource Allocation, else
 * the rows of a table with a Tier column and an allocation column (one row per tier). The
 * first statement of a tier counts.
 */
function looseTierAllocations(doc: SegDocument, match: KindMatch, language: Language): TierAllocation[] {
  const keys = allocationKeys(match);
  const found = new Map<Tier, TierAllocation>();
  const add = (tier: Tier | undefined, section: Section, field: Field): void => {
    if (tier === undefined || found.has(tier)) return;
    const entry: TierAllocation = { tier, section, field };
    const q = leadingPercent(field, language);
    if (q) entry.quantity = q;
    found.set(tier, entry);
  };
  const sections = [doc.preamble, ...doc.allSections];
  for (const section of sections) {
    const fields = sectionFields(section);
    if (section.heading.depth > 0 && namesAllocation(section.normalized, keys)) {
      for (const f of fields) add(tierOfLabel(f.label.text), section, f);
    }
    // `**Resource Allocation**:` over a list of tiers.
    for (const block of fields) {
      if (block.value.text !== '' || !block.items.length || !namesAllocation(block.key, keys)) continue;
      const start = block.items[0]!.span.start;
      const end = block.items[block.items.length - 1]!.span.end;
      for (const f of fields) if (f.span.start >= start && f.span.start < end) add(tierOfLabel(f.label.text), section, f);
    }
  }
  if (found.size) return [...found.values()].sort((a, b) => a.tier - b.tier);
  for (const section of sections) {
    for (const table of section.tables) {
      const headers = table.header.map((c) => normalizeKey(c.text));
      const tierCol = headers.findIndex((h) => tierHeaders.has(h));
      const shareCol = headers.findIndex(
        (h, i) =>
          i !== tierCol && (namesAllocation(h, keys) || ALLOCATION_HEADER.test(h) || /^%/.test(table.header[i]!.text.trim())),
      );
      if (tierCol < 0 || shareCol < 0) continue;
      const rows = table.rows.filter((r) => r.some((c) => c.text !== ''));
      const tiers = rows.map((r) => tierOfLabel(r[tierCol]?.text ?? ''));
      // One row per tier, or the table is something else (a matrix lists segments, several per tier).
      if (tiers.some((t) => t === undefined) || new Set(tiers).size !== tiers.length) continue;
      rows.forEach((r, i) => add(tiers[i], section, cellField(doc, r[tierCol]!, r[shareCol])));
    }
    if (found.size) break;
  }
  return [...found.values()].sort((a, b) => a.tier - b.tier);
}

/** A table row as a `label: value` field (label cell, value cell, the row's line). */
function cellField(doc: SegDocument, label: TableCell, value: TableCell | undefined): Field {
  const line = doc.lines.lineAt(label.span.start);
  const span = { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
  const v: TextRun = value ? { text: value.text, span: value.span } : { text: '', span: { start: span.end, end: span.end } };
  return {
    label: { text: label.text.replace(/^[*_]+|[*_]+$/g, ''), span: label.span },
    key: normalizeKey(label.text),
    value: v,
    span,
    style: 'table',
    items: [],
  };
}

/**
 * The percentage a `Label: value` line states as its share: the first percentage, when no
 * words come before it (`65% — website trials`, `$420K (30%)`, `~10 %`). A percentage after
 * words (`website trials, 40% margin`) describes something else and is not a share.
 */
export function leadingPercent(field: Field, language: Language): Quantity | undefined {
  return leadingPercentOf(field.value, language);
}

/** leadingPercent of a run of text (a field's value, a table cell). */
function leadingPercentOf(run: TextRun, language: Language): Quantity | undefined {
  const qs = findQuantities(run.text, { language, offset: run.span.start });
  const pct = qs.find((q) => q.kind === 'percent');
  if (!pct) return undefined;
  let before = run.text.slice(0, pct.span.start - run.span.start);
  for (const q of qs) {
    if (q.span.end > pct.span.start) break;
    const s = q.span.start - run.span.start;
    const e = q.span.end - run.span.start;
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
    // Table rows are read per table, by tableAllocations.
    if (field.style === 'table' || allocationTotalKeys.has(field.key) || nested(section, field.span.start)) continue;
    const q = leadingPercent(field, language);
    if (q) parts.push({ label: field.label.text, quantity: q });
  }
  return parts.length >= 2 ? { kind, section, parts, hasRange: parts.some((p) => p.quantity.min !== undefined) } : undefined;
}

/**
 * Headers of a column that states shares (`Share`, `% of budget`, `Mix`, `Доля`), or that
 * says nothing of its own (`Detail`, `Value`, empty) so that the cells decide, as in a list.
 */
const SHARE_WORDS = new RegExp(`(?:^| )(?:${alternation(shareHeaderWords)})(?: |$)`, 'u');

/** Whether a column header may head shares: it has `%`, a share word, or nothing of its own. */
function shareHeader(cell: TableCell | undefined): boolean {
  if (!cell) return false;
  return cell.text.trim() === '' || cell.text.includes('%') || SHARE_WORDS.test(normalizeKey(cell.text));
}

/**
 * A table with a percentage column, read like a list of shares: the first column names each
 * part, and a column whose header may head shares (shareHeader) states a leading percentage
 * in every row but a Total row (at least two). Each such column is one allocation.
 */
function tableAllocations(kind: AllocationKind, section: Section, language: Language): Allocation[] {
  const out: Allocation[] = [];
  const visit = (s: Section): void => {
    for (const table of s.tables) out.push(...oneTable(kind, section, table, language));
    for (const c of s.children) if (!c.key) visit(c);
  };
  visit(section);
  return out;
}

function oneTable(kind: AllocationKind, section: Section, table: Table, language: Language): Allocation[] {
  const rows = table.rows.filter(
    (r) => r[0] !== undefined && r[0].text !== '' && !allocationTotalKeys.has(normalizeKey(r[0].text)),
  );
  if (rows.length < 2) return [];
  const out: Allocation[] = [];
  for (let col = 1; col < table.header.length; col++) {
    if (!shareHeader(table.header[col])) continue;
    const parts: AllocationPart[] = [];
    for (const r of rows) {
      const cell = r[col];
      const q = cell && leadingPercentOf(cell, language);
      if (!q) break;
      parts.push({ label: r[0]!.text.replace(/^[*_]+|[*_]+$/g, ''), quantity: q });
    }
    if (parts.length === rows.length)
      out.push({ kind, section, parts, hasRange: parts.some((p) => p.quantity.min !== undefined) });
  }
  return out;
}

/**
 * The document's allocations: the tiers' resource split (when at least two tiers state a
 * percentage and every present tier section states one), the GTM channel mix and the GTM budget
 * split (when at least two items state a percentage).
 */
export function findAllocations(match: KindMatch, language: Language, doc?: SegDocument): Allocation[] {
  const out: Allocation[] = [];
  const { entries: tiers, loose } = readTierAllocations(match, language, doc);
  // A tier section without a readable share (missing field, `[%]`) leaves the sum unknown.
  const present = loose ? tiers.length : TIER_SECTIONS.filter(([id]) => match.byId.has(id)).length;
  if (tiers.length >= 2 && tiers.length === present && tiers.every((t) => t.quantity)) {
    out.push({
      kind: 'tiers',
      section: tiers[0]!.section,
      parts: tiers.map((t) => ({ label: String(t.tier), quantity: t.quantity! })),
      hasRange: tiers.some((t) => t.quantity!.min !== undefined),
    });
  }
  for (const [kind, id] of [
    ['channels', 'channel-strategy'],
    ['budget', 'budget'],
  ] as const) {
    const section = match.byId.get(id);
    if (!section) continue;
    const list = listAllocation(kind, section, language);
    if (list) out.push(list);
    out.push(...tableAllocations(kind, section, language));
  }
  return out;
}

/** Where an allocation's finding goes: its last share, where the reader sees the sum fail. */
export function allocationSpan(a: Allocation): Span {
  return a.parts[a.parts.length - 1]!.quantity.span;
}
