/**
 * Which allowed value an enum field's text names, the way people write these fields:
 * a value as listed (`Economic buyer`, `ЛПР`), several (`Technical evaluator (trial) + user`),
 * or a sentence that names one (`Technical evaluator and champion; the VP Engineering signs`,
 * `Mostly the economic buyer — signs off on anything above $50k`, `Влияет на решение, но
 * подписывает CFO`).
 *
 * In order, the first that answers:
 * 1. the whole text is a value or one of its aliases (`Лицо, принимающее решение`);
 * 2. every part of `A + B / C, D and E` is one (the first part's value);
 * 3. a value is named at the start of the text, as whole words compared by stem (so
 *    `Influencers`, `пользователи`, `экономическим покупателем` name theirs), the longest
 *    name first: `Draft, pending review` → Draft;
 * 4. unless `strict`: the first value named anywhere as a whole phrase, not negated within
 *    its clause (`not the economic buyer`, `не ЛПР`). A one-word alias that is the first
 *    word of its value (`Economic` of `Economic buyer`) counts only at the start, where it
 *    abbreviates the value; in a sentence it is just an adjective.
 *
 * `strict` is for the metadata block, where a value must be stated, not described
 * (`Will be approved next week` names no Status).
 */
import { stemWord } from '../model/normalize';
import type { FieldSpec } from './kinds';

export interface EnumValueOptions {
  /** Only steps 1–3 (see the header): the value must be stated first. */
  strict?: boolean;
}

/** Canonical value of an enum field's text, or undefined when it names no allowed value. */
export function canonicalEnum(spec: FieldSpec, raw: string, options: EnumValueOptions = {}): string | undefined {
  const cleaned = raw.replace(/\([^)]*\)/g, ' ').replace(/[*_`"«»“”„]/g, ' ');
  // A value with separators inside it ("Лицо, принимающее решение") is tried whole first.
  const whole = spec.enumKeys.get(partKey(cleaned));
  if (whole) return whole;
  const parts = cleaned
    .split(/\s*(?:[+/,;]| and | и | or | или )\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return undefined;
  let first: string | undefined;
  for (const p of parts) {
    const v = spec.enumKeys.get(partKey(p));
    if (!v) {
      first = undefined;
      break;
    }
    first ??= v;
  }
  if (first) return first;
  return namedValue(spec, cleaned, options.strict === true)?.value;
}

/** A value named in a text: the value and where its name stands (offsets into the text). */
export interface NamedValue {
  value: string;
  start: number;
  end: number;
}

/**
 * The value a text names by phrase (steps 3 and 4 of the header), with its place; `atStart`
 * limits the search to the start of the text.
 */
export function namedValue(spec: FieldSpec, text: string, atStart = false): NamedValue | undefined {
  const names = nameIndex(spec);
  if (!names.length) return undefined;
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && atStart) break;
    const hit = longestAt(names, tokens, i, i === 0);
    if (!hit) continue;
    const start = tokens[i]!.start;
    if (i > 0 && negated(text, start)) continue;
    return { value: hit.value, start, end: tokens[i + hit.stems.length - 1]!.end };
  }
  return undefined;
}

/** Lower case, `ё` → `е`, punctuation folded to spaces (how a part is compared with an alias). */
function partKey(p: string): string {
  return p.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Token {
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function stem(word: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  return stemWord(word) || word;
}

function tokenize(text: string): Token[] {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  const out: Token[] = [];
  for (const m of lower.matchAll(WORD)) out.push({ stem: stem(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

interface Name {
  stems: string[];
  value: string;
  /** A one-word alias that is the first word of its (longer) value, `Economic`: counts only at the start. */
  weak: boolean;
}

const indexes = new WeakMap<FieldSpec, Name[]>();

/** Every name of every value as stems, longest first. */
function nameIndex(spec: FieldSpec): Name[] {
  let names = indexes.get(spec);
  if (names) return names;
  const stemsOf = (name: string): string[] => tokenize(name).map((t) => t.stem);
  names = spec.enumNames
    .map(({ name, value }) => {
      const stems = stemsOf(name);
      const canonical = stemsOf(value);
      return { stems, value, weak: stems.length === 1 && canonical.length > 1 && canonical[0] === stems[0] };
    })
    .filter((n) => n.stems.length > 0)
    .sort((a, b) => b.stems.length - a.stems.length);
  indexes.set(spec, names);
  return names;
}

function longestAt(names: readonly Name[], tokens: readonly Token[], i: number, allowWeak: boolean): Name | undefined {
  for (const n of names) {
    if (n.weak && !allowWeak) continue;
    if (i + n.stems.length > tokens.length) continue;
    if (n.stems.every((s, k) => tokens[i + k]!.stem === s)) return n;
  }
  return undefined;
}

/** Words that negate what follows them in their clause. */
const NEGATION = /(?:^|[^\p{L}])(?:not|no|never|nor|neither|without|isn|aren|wasn|doesn|don|rather than|instead of|не|нет|ни|без|вместо)(?![\p{L}])/iu;

/** Whether the words before `at`, back to the start of its clause, negate it. */
function negated(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const clause = before.split(/[.;:!?()\u2014\u2013]|,|\s-\s|\b(?:but|however|although|while)\b|(?:^|\s)(?:но|однако|хотя|а)(?=\s)/iu).pop() ?? '';
  return NEGATION.test(clause);
}
