/**
 * The parts of a document's facts (facts.ts) that the rules comparing documents read beyond
 * the segments: its matrix rows with the tiers their totals imply under the document's own
 * thresholds, the tiers it states for segments elsewhere, a GTM plan's targets, and the
 * segments its Buyer Personas list gives a persona. Each is read once, here, from the same
 * evaluations the per-document rules use (matrix/evaluate.ts, matrix/names.ts), so a
 * workspace rule and a document rule never read a document differently.
 */
import { normalizeKey } from '../../model/normalize';
import { isPlaceholderValue } from '../../model/placeholders';
import type { SegDocument, TextRun } from '../../model/types';
import type { KindSchema } from '../../schemas/kinds';
import type { KindMatch } from '../../schemas/validate';
import { DEFAULT_THRESHOLDS, evaluateMatrices, tierFor, type TierThresholds } from '../matrix/evaluate';
import { segmentKey, statedTier, tierLists } from '../matrix/names';
import { segmentsOf } from '../segments/vocabulary';
import type { Located, Locator, MatrixRowFact, SegmentTierFact, StatedTier } from './facts';

/** The rows of the document's prioritization matrices; placeholder rows (`[Segment 1]`) left out. */
export function matrixRowFacts(
  doc: SegDocument,
  locator: Locator,
  thresholds: TierThresholds = DEFAULT_THRESHOLDS,
): MatrixRowFact[] {
  const out: MatrixRowFact[] = [];
  for (const { rows } of evaluateMatrices(doc, { ...thresholds, language: doc.language })) {
    for (const row of rows) {
      const name = row.segment;
      if (!segmentKey(name) || isPlaceholderValue(name, doc.definitions)) continue;
      // The name without the emphasis around it, so that a fix keeps `**…**`.
      const inner = doc.text.indexOf(name, row.segmentSpan.start);
      const start = inner >= 0 && inner + name.length <= row.segmentSpan.end ? inner : row.segmentSpan.start;
      const fact: MatrixRowFact = { name: locator.at({ start, end: start + name.length }, name) };
      const total = row.computedTotal ?? row.statedTotal?.value;
      if (total !== undefined) {
        fact.total = total;
        fact.tier = tierFor(total, thresholds);
      }
      const cell = row.statedTier;
      if (cell?.value === 1 || cell?.value === 2 || cell?.value === 3) {
        const span = cell.numberSpan ?? cell.span;
        fact.stated = { tier: cell.value, at: locator.at(span) };
      }
      out.push(fact);
    }
  }
  return out;
}

function stated(locator: Locator, value: TextRun): StatedTier | undefined {
  const s = statedTier(value);
  return s ? { tier: s.tier, at: locator.at(s.span) } : undefined;
}

/**
 * The tiers the document states for segments outside its matrices: a persona's Priority
 * (for the segment its Segment names), a segment's own Priority field (segmentation, GTM),
 * and the names listed under a prioritization's tier sections.
 */
export function tierFacts(
  doc: SegDocument,
  match: KindMatch,
  kind: KindSchema,
  locator: Locator,
  segmentRefs: readonly Located[],
  rowKeys: ReadonlySet<string>,
): SegmentTierFact[] {
  const out: SegmentTierFact[] = [];
  if (kind.kind === 'persona') {
    const segment = segmentRefs[0]?.text;
    const priority = match.fields.get('executive-summary')?.get('priority');
    const s =
      segment && priority && !isPlaceholderValue(priority.value.text, doc.definitions)
        ? stated(locator, priority.value)
        : undefined;
    if (segment && s) out.push({ segment, stated: s, how: 'persona' });
    return out;
  }
  for (const segment of segmentsOf(doc, match, kind)) {
    if (segment.placeholder || !segment.name.trim()) continue;
    for (const field of segment.fields.values()) {
      if (field.category !== 'priority') continue;
      for (const v of field.values) {
        const s = v.placeholder ? undefined : stated(locator, v.value);
        if (s) out.push({ segment: segment.name, stated: s, how: 'priority' });
      }
    }
  }
  for (const list of tierLists(doc, match, rowKeys)) {
    if (list.unfilled) continue;
    for (const name of list.names)
      out.push({ segment: name.name, stated: { tier: list.tier, at: locator.at(name.span, name.name) }, how: 'listed' });
  }
  return out;
}

/** A label of the GTM plan's Target Segments that names a target (`Primary`, `Secondary`, `Основной`, …). */
const TARGET_LABEL =
  /^(?:primary|secondary|tertiary|main|core|beachhead|expansion|target|основн|вторичн|дополнительн|втор|трет|главн|приоритетн|целев)/u;
/** Where the name of a target ends: a dash before the reasons, a colon, a parenthesis. */
const NAME_END = /\s+[—–-]\s+|\s*[:(;]|\s*,\s+(?=\d)/u;

/** The segments a GTM plan targets: the values of its Target Segments' Primary/Secondary fields, the name only. */
export function targetFacts(doc: SegDocument, match: KindMatch, locator: Locator): Located[] {
  const section = match.byId.get('target-segments');
  if (!section) return [];
  const out: Located[] = [];
  const fields = [section, ...section.children.filter((c) => !c.key)].flatMap((s) => s.fields);
  for (const field of fields) {
    if (!TARGET_LABEL.test(field.key)) continue;
    const name = leadingName(field.value);
    if (!name || isPlaceholderValue(name.text, doc.definitions)) continue;
    out.push(locator.at(name.span, name.text));
  }
  return out;
}

/** The name a value starts with, before the reasons that follow it (`X — 4,200 companies …`). */
export function leadingName(value: TextRun): TextRun | undefined {
  const m = NAME_END.exec(value.text);
  const raw = m ? value.text.slice(0, m.index) : value.text;
  const lead = /^[\s*_`]*/u.exec(raw)![0].length;
  const text = raw.slice(lead).replace(/[\s*_`.]+$/u, '');
  if (!text || !normalizeKey(text)) return undefined;
  const start = value.span.start + lead;
  return { text, span: { start, end: start + text.length } };
}

/** A Buyer Personas item: `**Dana** (Platform Lead) — Mid-Market Platform Teams: [persona](dana.md)`. */
const PERSONA_ITEM = /^[^—–]*?\s[—–-]\s+/u;

/**
 * The segments a segmentation's Buyer Personas list gives a persona (the segment part of each
 * item, else the whole item), so that a segment whose persona is still being written counts.
 */
export function personaSegmentFacts(doc: SegDocument, match: KindMatch, locator: Locator): Located[] {
  const section = match.byId.get('buyer-personas');
  if (!section) return [];
  const out: Located[] = [];
  for (const list of section.lists) {
    for (const item of list.items) {
      if (!item.text || isPlaceholderValue(item.text, doc.definitions)) continue;
      const head = PERSONA_ITEM.exec(item.text);
      const rest: TextRun = head
        ? { text: item.text.slice(head[0].length), span: { start: item.textSpan.start + head[0].length, end: item.textSpan.end } }
        : { text: item.text, span: item.textSpan };
      const name = (head ? leadingName(rest) : undefined) ?? rest;
      if (normalizeKey(name.text)) out.push(locator.at(name.span, name.text));
    }
  }
  return out;
}
