/**
 * Where a document says which tier a segment is in, besides the matrix: the `**Segments**:`
 * lists of the prioritization kind's tier sections (docs/methodology.md, "The prioritization
 * matrix") and a segment's own `**Priority**: Tier 1 (Primary target)` field.
 * The tier-mismatch rule compares these with the tiers the matrix totals imply.
 *
 * Names compare by their normalised text (model/normalize.ts), which already folds case,
 * punctuation, brackets and parentheticals, so `[Segment 1]` in the matrix and
 * `[Segment 1, Segment 2]` in a tier section name the same template segment.
 */
import { alternation, tierValueWords } from '../../model/lexicon';
import { normalizeKey } from '../../model/normalize';
import { isPlaceholderValue } from '../../model/placeholders';
import type { Field, Section, SegDocument, TextRun } from '../../model/types';
import type { Span } from '../../parse/text';
import { fieldForKey } from '../../schemas/kinds';
import { sectionFields } from '../../model/items';
import type { KindMatch } from '../../schemas/validate';
import { segmentsOf } from '../segments/vocabulary';
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

export interface PriorityField {
  /** The label that states the priority (`Priority`, a table's `Tier` column header). */
  label: TextRun;
  /** The tier the value states. */
  tier: Tier;
  /** The span of what states it (`Tier 1`, `1`, `Primary`). */
  tierSpan: Span;
  /** The matrix row key of the segment the field belongs to. */
  key: string;
  segment: string;
}

/** A tier's number after the lexicon's tier word (`Tier 1`, `Уровень 2`), else a number the value starts with. */
const STATED_TIER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation(tierValueWords)})\\s*[-–#]?\\s*(\\d+)(?![\\p{N}])|^[\\s*_]*(\\d+)(?![\\p{N}.,/%:])`,
  'iu',
);

/**
 * The tier a Priority/Tier value states: `Tier 1 (Primary target)`, `Уровень 2`, a leading
 * `1`, or a tier word (`Primary`). Other values (`High`, `Top 3 focus`) state no tier.
 */
export function statedTier(value: TextRun): { tier: Tier; span: Span } | undefined {
  const text = value.text;
  const base = value.span.start;
  const m = STATED_TIER.exec(text);
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

/**
 * The matrix row a segment name refers to: the same key, else the only row whose name
 * begins with the other ("Mid‑market" ↔ "Mid‑market с процессной зрелостью"), as the
 * segment reader matches names.
 */
function rowFor(name: string, rowKeys: ReadonlySet<string>): string | undefined {
  const key = segmentKey(name);
  if (!key) return undefined;
  if (rowKeys.has(key)) return key;
  const prefix = [...rowKeys].filter((k) => k.startsWith(`${key} `) || key.startsWith(`${k} `));
  return prefix.length === 1 ? prefix[0] : undefined;
}

/**
 * The Priority/Tier values of the document's segments (model/segments.ts: segment headings,
 * `**Segment**:` blocks and rows of segment tables) whose segment is a matrix row. A segment
 * that is not in the matrix has nothing to be compared with and is left out, and so is a
 * kind without segments (persona, prioritization: its tier sections are compared instead).
 */
export function priorityFields(doc: SegDocument, match: KindMatch, rowKeys: ReadonlySet<string>): PriorityField[] {
  const out: PriorityField[] = [];
  for (const segment of segmentsOf(doc, match)) {
    const key = rowFor(segment.name, rowKeys);
    if (key === undefined) continue;
    for (const field of segment.fields.values()) {
      if (field.category !== 'priority') continue;
      for (const v of field.values) {
        if (v.placeholder) continue;
        const stated = statedTier(v.value);
        if (stated) out.push({ label: v.label, tier: stated.tier, tierSpan: stated.span, key, segment: segment.name });
      }
    }
  }
  return out;
}
