/**
 * Enum values as users write them: `Economic buyer / Influencer`, `Technical evaluator
 * (trial, POC) + user`, `Черновик`. validate.ts decides whether a value is allowed; this
 * module finds which parts of a rejected value are unknown and the nearest allowed spelling
 * for each, for the metadata rule's quick fix.
 */
import type { FieldSpec } from '../../schemas/kinds';
import { typoDistance } from './distance';

/** One part of a composite enum value, with its place inside the value text. */
export interface EnumPart {
  text: string;
  start: number;
  end: number;
  /** The canonical value the part names, when it names one. */
  value?: string;
}

function key(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Splits a value the way validate.ts `canonicalEnum` does (on `/ + , ;` and the words
 * and/и/or/или, ignoring parentheticals and emphasis), keeping offsets.
 */
export function enumParts(spec: FieldSpec, raw: string): EnumPart[] {
  // Blank out what canonicalEnum ignores, keeping the length so that offsets stay valid.
  const masked = raw.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length)).replace(/[*_`"«»]/g, ' ');
  const parts: EnumPart[] = [];
  const sep = /\s*(?:[+/,;]|\s(?:and|и|or|или)\s)\s*/giu;
  let from = 0;
  const push = (to: number): void => {
    const piece = masked.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text) {
      const start = from + lead;
      const value = spec.enumKeys.get(key(text));
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
