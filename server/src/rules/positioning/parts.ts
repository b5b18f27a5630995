/**
 * The words that name the parts of a positioning statement (`For`, `Who`, `Our … is`, `That`,
 * `Unlike`, `Our product`; `Для`, `Которые`, `Наш … это`, `Который`, `В отличие от`,
 * `Наш продукт`), as the schema spells them, and where a line's words begin. Both forms of
 * a statement, lines and sentences, find their parts with these.
 */
import type { Language } from '../../model/types';
import { leadLength, NameFinder } from '../content/lines';
import type { StatementPart } from '../content/schema';

export const OPENING_QUOTE = /^["“«„']/;
export const CLOSING_QUOTE = /["”»“']\s*$/;
export const LIST_ITEM = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
export const TABLE_ROW = /^(?:[ \t]*>)*[ \t]*\|/;
export const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(?:```|~~~)/;
/** "For example, …", "Для этого …": a sentence that starts like a statement but is not one. */
const NOT_A_PART = /^(?:For[ \t]+(?:example|instance|more|details)|Для[ \t]+(?:примера|этого|справки))(?![\p{L}\p{N}])/iu;

export function pickTitle(p: StatementPart, language: Language): string {
  return p.title[language] || p.title.en;
}

export function pickTemplate(p: StatementPart, language: Language): string {
  return p.template[language] || p.template.en;
}

/** Where a line's words begin: after its container, emphasis and an opening quote. */
export function wordsStart(text: string): number {
  let i = leadLength(text);
  const rest = text.slice(i);
  const q = OPENING_QUOTE.exec(rest);
  if (q) i += q[0].length;
  const em = /^(?:\*\*|__)/.exec(text.slice(i));
  if (em) i += em[0].length;
  return i;
}

/** The keywords of a kind's statement parts, each with the part it names. */
export class PartWords {
  private readonly finder: NameFinder;
  /** Keyword → part id; a keyword two parts share (`Которые`, `Который`) names the first. */
  private readonly partOf = new Map<string, string>();

  constructor(parts: readonly StatementPart[]) {
    this.finder = NameFinder.of(parts.flatMap((p) => p.aliases));
    for (const p of parts) for (const a of p.aliases) if (!this.partOf.has(a)) this.partOf.set(a, p.id);
  }

  /**
   * The part whose keyword starts at `at` in `text`. Keywords are capitalised (`For`, `FOR`),
   * bold (`**for**`) or a label (`for:`): a wrapped line of prose that begins with "for" is not a part.
   */
  partAt(text: string, at: number): string | undefined {
    const rest = text.slice(at);
    if (NOT_A_PART.test(rest)) return undefined;
    const m = this.finder.findAtStart(rest);
    if (!m) return undefined;
    if (!/^\p{Lu}/u.test(rest)) {
      const after = rest.slice(m.end);
      const bold = /(?:\*\*|__)$/.test(text.slice(0, at)) && /^(?:\*\*|__)/.test(after);
      const label = /^(?:\*\*|__)?[ \t]*:/.test(after);
      if (!bold && !label) return undefined;
    }
    return this.partOf.get(m.name);
  }

  /** The part a line starts with, by its first words; undefined when it starts with none. */
  spelledPart(text: string): string | undefined {
    return this.partAt(text, wordsStart(text));
  }
}
