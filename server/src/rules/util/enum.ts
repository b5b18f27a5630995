/**
 * Enum values as users write them: `Economic buyer / Influencer`, `Technical evaluator
 * (trial, POC) + user`, `Черновик`. schemas/enum-value.ts decides whether a value names an
 * allowed one; this module finds which parts of a rejected value are unknown and the nearest
 * allowed spelling for each, for the quick fixes of the metadata and field-value rules, and
 * writes the list of allowed values their messages give.
 */
import type { Language } from '../../model/types';
import { namedValue } from '../../schemas/enum-value';
import type { FieldSpec } from '../../schemas/kinds';
import type { FixSpec } from '../types';
import { typoDistance } from '../../model/distance';

/** One part of a composite enum value, with its place inside the value text. */
export interface EnumPart {
  text: string;
  start: number;
  end: number;
  /** The canonical value the part names, when it names one. */
  value?: string;
}

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Splits a value the way enum-value.ts `canonicalEnum` does (on `/ + , ;` and the words
 * and/и/or/или, ignoring parentheticals and emphasis), keeping offsets. A part names a value
 * when it is one of its spellings or starts with one (compared by stem: `Influencers`).
 */
export function enumParts(spec: FieldSpec, raw: string): EnumPart[] {
  // Blank out what canonicalEnum ignores, keeping the length so that offsets stay valid.
  const masked = raw.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length)).replace(/[*_`"«»“”„]/g, ' ');
  const parts: EnumPart[] = [];
  const sep = /\s*(?:[+/,;]|\s(?:and|и|or|или)\s)\s*/giu;
  let from = 0;
  const push = (to: number): void => {
    const piece = masked.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text) {
      const start = from + lead;
      const value = spec.enumKeys.get(key(text)) ?? namedValue(spec, text, true)?.value;
      parts.push({ text: raw.slice(start, start + text.length), start, end: start + text.length, ...(value ? { value } : {}) });
    }
  };
  for (let m = sep.exec(masked); m; m = sep.exec(masked)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(masked.length);
  return parts;
}

export interface Suggestion {
  /** The spelling to write (canonical value or one of its aliases). */
  name: string;
  value: string;
  distance: number;
}

/**
 * Allowed values ordered from nearest to farthest from `text`, each written in the spelling
 * (canonical or alias, English or Russian) closest to what the user typed.
 */
export function suggestions(spec: FieldSpec, text: string): Suggestion[] {
  const typed = key(text);
  const best = new Map<string, Suggestion>();
  for (const { name, value } of spec.enumNames) {
    const distance = typoDistance(typed, key(name));
    const seen = best.get(value);
    if (!seen || distance < seen.distance) best.set(value, { name, value, distance });
  }
  const order = spec.enum ?? [];
  return [...best.values()].sort((a, b) => a.distance - b.distance || order.indexOf(a.value) - order.indexOf(b.value));
}

/** Whether a suggestion is close enough to be what the user meant (not just any value). */
export function isNear(s: Suggestion, text: string): boolean {
  const n = Math.max(key(text).length, key(s.name).length);
  return s.distance <= Math.max(1, Math.floor(n / 3));
}

/** Allowed values for a message: canonical values, with their Russian name in Russian documents. */
export function allowedList(field: FieldSpec, language: Language): string {
  return (field.enum ?? [])
    .map((v) => {
      const ru = spelling(field, v, language);
      return ru !== v ? `${v} (${ru})` : v;
    })
    .join(', ');
}

/**
 * Fixes for a value outside the enum (message id `replace` with `{value}`). Only the parts
 * that name no allowed value are replaced, so `Economic buyer / Influnecer` keeps its first
 * half. When the nearest value is plausibly what was meant there is one preferred fix, in the
 * spelling closest to what was typed; otherwise every allowed value is offered and none is
 * preferred.
 */
export function enumFixes(spec: FieldSpec, value: string, span: { start: number; end: number }, language: Language): FixSpec[] {
  const parts = enumParts(spec, value);
  const unknown = parts.filter((p) => !p.value);
  if (!unknown.length) return [];
  const nearest = unknown.map((p) => ({ part: p, best: suggestions(spec, p.text)[0]! }));
  if (nearest.some((n) => !n.best)) return [];
  const allNear = nearest.every((n) => isNear(n.best, n.part.text));
  const rewrite = (choose: (i: number) => string): string => {
    let out = value;
    for (let i = unknown.length - 1; i >= 0; i--) {
      const p = unknown[i]!;
      out = out.slice(0, p.start) + choose(i) + out.slice(p.end);
    }
    return out;
  };
  const fix = (text: string, preferred: boolean): FixSpec => ({
    title: 'replace',
    args: { value: text },
    edits: [{ span, newText: text }],
    preferred,
  });
  if (allNear || unknown.length > 1) {
    return [
      fix(
        rewrite((i) => nearest[i]!.best.name),
        allNear,
      ),
    ];
  }
  // Nothing is close: offer every value, in the document's language and the schema's order.
  return (spec.enum ?? []).map((v) =>
    fix(
      rewrite(() => spelling(spec, v, language)),
      false,
    ),
  );
}

/** How a value is written in a document of `language`: its first Russian alias in Russian. */
export function spelling(spec: FieldSpec, value: string, language: Language): string {
  if (language !== 'ru') return value;
  return spec.enumNames.find((n) => n.value === value && /[\u0400-\u04FF]/.test(n.name))?.name ?? value;
}
