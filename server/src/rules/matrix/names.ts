/**
 * Where a document says which tier a segment is in, besides the matrix: the `**Segments**:`
 * lists of the prioritization kind's tier sections (seed 002, "Prioritization Template") and
 * a segment's own `**Priority**: Tier 1 (Primary target)` field (seed 002, segment example).
 * The tier-mismatch rule compares these with the tiers the matrix totals imply.
 *
 * Names compare by their normalised text (model/normalize.ts), which already folds case,
 * punctuation, brackets and parentheticals, so `[Segment 1]` in the matrix and
 * `[Segment 1, Segment 2]` in a tier section name the same template segment.
 */
import { normalizeKey } from '../../model/normalize';
import { isPlaceholderValue } from '../../model/placeholders';
import type { Field, Section, SegDocument, TextRun } from '../../model/types';
import type { Span } from '../../parse/text';
import { fieldForKey } from '../../schemas/kinds';
import { sectionFields, type KindMatch } from '../../schemas/validate';
import { tierWords, type Tier } from './evaluate';

/** The comparison key of a segment name. */
export function segmentKey(name: string): string {
  return normalizeKey(name);
}

export interface ListedName {
  /** The name as written (brackets and emphasis around it removed). */
  name: string;
  key: string;
  span: Span;
}

/** `[Segment 1, Segment 2]`: brackets and emphasis around a whole value or name. */
const WRAP_START = /^[\s[*_`]+/u;
const WRAP_END = /[\s\]*_`.;]+$/u;

function trimmed(text: string, start: number, end: number): { text: string; start: number; end: number } | undefined {
  let s = start;
  let e = end;
  const head = WRAP_START.exec(text.slice(s, e));
  if (head) s += head[0].length;
  const tail = WRAP_END.exec(text.slice(s, e));
  if (tail) e -= tail[0].length;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

/** Splits `text[start, end)` at `separator` matches that are outside parentheses. */
function splitOutside(text: string, start: number, end: number, separator: RegExp): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(text);
      if (m && m.index === i) {
        parts.push([from, i]);
        from = i + m[0].length;
        i = from - 1;
      }
    }
  }
  parts.push([from, end]);
  return parts;
}

const COMMA = /[,;]/y;
const CONJUNCTION = /\s+(?:and|и|&)\s+|\s*&\s*/iuy;

/**
 * The names a tier's `Segments` value lists, with their spans. Commas and semicolons always
 * separate; `and`, `и` and `&` separate only when the whole part is not itself the name of a
 * matrix row (so "Banks and Insurers" stays one segment when the matrix has it).
 */
export function listedNames(value: TextRun, rowKeys: ReadonlySet<string>): ListedName[] {
  const text = value.text;
  const base = value.span.start;
  const outer = trimmed(text, 0, text.length);
  if (!outer) return [];
  const out: ListedName[] = [];
  const push = (s: number, e: number): void => {
    const t = trimmed(text, s, e);
    if (!t) return;
    const key = segmentKey(t.text);
    if (key) out.push({ name: t.text, key, span: { start: base + t.start, end: base + t.end } });
  };
  for (const [s, e] of splitOutside(text, outer.start, outer.end, COMMA)) {
    const t = trimmed(text, s, e);
    if (!t) continue;
    if (rowKeys.has(segmentKey(t.text))) {
      push(t.start, t.end);
      continue;
    }
    for (const [a, b] of splitOutside(text, t.start, t.end, CONJUNCTION)) push(a, b);
  }
  return out;
}

export interface TierList {
  tier: Tier;
  section: Section;
  field: Field;
  names: ListedName[];
  /** The value is still the template's placeholder and names no matrix row: nothing to compare yet. */
  unfilled: boolean;
}

const TIER_SECTIONS: Record<string, Tier> = { 'tier-1': 1, 'tier-2': 2, 'tier-3': 3 };

/** The `Segments` lists of the tier sections (prioritization kind), in document order. */
export function tierLists(doc: SegDocument, match: KindMatch, rowKeys: ReadonlySet<string>): TierList[] {
  const out: TierList[] = [];
  for (const { spec, section } of match.matches) {
    const tier = TIER_SECTIONS[spec.id];
    if (!tier) continue;
    for (const field of sectionFields(section)) {
      if (fieldForKey(spec, field.key)?.id !== 'segments' || !field.value.text) continue;
      const names = listedNames(field.value, rowKeys);
      const unfilled = isPlaceholderValue(field.value.text, doc.definitions) && !names.some((n) => rowKeys.has(n.key));
      out.push({ tier, section, field, names, unfilled });
    }
  }
  return out;
}

/** Labels of a segment's own priority: `**Priority**: Tier 1 (Primary target)`. */
const PRIORITY_KEYS = new Set(['priority', 'tier', 'strategic priority', 'priority tier', 'приоритет', 'уровень', 'стратегический приоритет', 'уровень приоритета']);
/** Labels that name the segment a block is about: `**Segment**: SMB Operators`. */
const SEGMENT_KEYS = new Set(['segment', 'segment name', 'name', 'сегмент', 'название сегмента', 'название']);

export interface PriorityField {
  field: Field;
  /** The tier the value states. */
  tier: Tier;
  /** The span of what states it (`Tier 1`, `1`, `Primary`). */
  tierSpan: Span;
  /** The matrix row key of the segment the field belongs to. */
  key: string;
  segment: string;
}

/**
 * The tier a Priority/Tier value states: `Tier 1 (Primary target)`, `Уровень 2`, a leading
 * `1`, or a tier word (`Primary`). Other values (`High`, `Top 3 focus`) state no tier.
 */
export function statedTier(value: TextRun): { tier: Tier; span: Span } | undefined {
  const text = value.text;
  const base = value.span.start;
  const m = /(?<![\p{L}\p{N}])(?:tier|уровень|уровня)\s*[-–#]?\s*(\d+)(?![\p{N}])|^[\s*_]*(\d+)(?![\p{N}.,/%:])/iu.exec(text);
  if (m) {
    const digits = (m[1] ?? m[2])!;
    const n = Number(digits);
    if (n === 1 || n === 2 || n === 3) {
      const at = m.index + m[0].lastIndexOf(digits);
      return { tier: n, span: { start: base + at, end: base + at + digits.length } };
    }
    return undefined;
  }
  const w = tierWords(text)[0];
  return w ? { tier: w.tier, span: { start: base + w.start, end: base + w.end } } : undefined;
}

/** `Segment 1: SMB Operators` → `SMB Operators`; the heading otherwise as it is. */
function headingName(text: string): string[] {
  const m = /^(?:segment|сегмент)\s*\d*\s*[:.—–-]\s*(.+)$/iu.exec(text.trim());
  return m ? [m[1]!, text] : [text];
}

/**
 * Segments' Priority/Tier fields whose segment is a matrix row. The segment is named by the
 * nearest `**Segment**:` field above the priority in the same section, else by the section
 * heading (`### Segment 1: SMB Operators`); a field whose segment is not in the matrix has
 * nothing to be compared with and is left out. Tier sections are skipped: their fields
 * describe a tier, not a segment.
 */
export function priorityFields(doc: SegDocument, rowKeys: ReadonlySet<string>): PriorityField[] {
  const out: PriorityField[] = [];
  for (const section of [doc.preamble, ...doc.allSections]) {
    if (section.key && TIER_SECTIONS[section.key]) continue;
    for (const field of section.fields) {
      if (!PRIORITY_KEYS.has(field.key) || isPlaceholderValue(field.value.text, doc.definitions)) continue;
      const stated = statedTier(field.value);
      if (!stated) continue;
      const candidates: string[] = [];
      const named = section.fields.filter((f) => SEGMENT_KEYS.has(f.key) && f.span.start < field.span.start).pop();
      if (named) candidates.push(named.value.text);
      if (section !== doc.preamble) candidates.push(...headingName(section.heading.text));
      const hit = candidates.find((c) => rowKeys.has(segmentKey(c)));
      if (hit === undefined) continue;
      out.push({ field, tier: stated.tier, tierSpan: stated.span, key: segmentKey(hit), segment: hit.replace(/^[*_`[\s]+|[*_`\]\s]+$/g, '') });
    }
  }
  return out;
}
