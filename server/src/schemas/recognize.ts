/**
 * Recognising sections by meaning, not by one spelling. A heading names a section of the kind
 *
 *   1. by name: its normalised text is one of the section's names (titles and aliases, both
 *      languages; `normalizeHeading` strips numbering, emoji and punctuation) — sure;
 *   2. by words: the stems of its meaningful words (`headingWords`: decoration dropped,
 *      pronouns folded, Snowball stems) hold all the words of one of the names ("Key
 *      Challenges & Frustrations" holds "Challenges"; "How she decides" is "How they decide"),
 *      or all its words are in a name and include that name's head word ("Criteria" in
 *      "Decision Criteria") — sure when no other section's name covers as much and the
 *      heading's other words belong to no other section, unsure otherwise;
 *   3. by content: its content is what the schema says belongs in the section — two or more of
 *      the section's fields (as bold labels, list items or table rows), a table whose first
 *      column is named after the section (`| Criterion | Why it matters |`), or, for sections whose
 *      schema says `x-segdoc.content`, research with counts (`research`: interviews, surveys,
 *      deal reviews), nothing but a customer quote (`quote`) or a jobs-to-be-done statement
 *      (`jtbd`: "When …, I want to …, so I can …") — sure for two fields or a content match,
 *      unsure for one required field.
 *
 * Names come first over the whole document, so a heading that names a section exactly is
 * never displaced by a guess; words and content only claim sections that no heading names,
 * each section once, in document order. A sure match counts silently; an unsure one counts
 * too, and the misspelled-section rule says what it was taken for. Headings that name a
 * segment (`### Segment 2: …`) are segments, not sections, and are never guessed.
 */
import { customerQuotes, isResearchSection } from '../model/evidence';
import { typoDistance } from '../model/distance';
import { sectionFields } from '../model/items';
import { headingWords, normalizeHeading } from '../model/normalize';
import type { Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { fieldForKey, type KindSchema, type SectionSpec } from './kinds';

/** How a heading was taken for a section. */
export type MatchHow = 'name' | 'words' | 'content';

export interface Recognition {
  spec: SectionSpec;
  how: MatchHow;
  /** A sure match counts silently; an unsure one is reported (misspelled-section). */
  sure: boolean;
}

interface NameWords {
  spec: SectionSpec;
  words: string[];
  /** The word a shorter heading must keep to stand for this name ("criteria" of "decision criteria"). */
  head: string;
}

const namesOf = new WeakMap<KindSchema, NameWords[]>();

/** Every name of every section of a kind as word stems, read once per kind. */
function nameWords(kind: KindSchema): NameWords[] {
  let names = namesOf.get(kind);
  if (!names) {
    names = [];
    for (const spec of kind.sections) {
      const seen = new Set<string>();
      for (const name of spec.names) {
        const words = headingWords(normalizeHeading(name));
        const key = words.join(' ');
        if (!words.length || seen.has(key)) continue;
        seen.add(key);
        // English names end on their head noun ("decision criteria"), Russian ones start on it
        // ("критерии принятия решения").
        const head = /[\u0400-\u04FF]/.test(name) ? words[0]! : words[words.length - 1]!;
        names.push({ spec, words, head });
      }
    }
    namesOf.set(kind, names);
  }
  return names;
}

/**
 * Words that relate nothing on their own: how a heading asks ("who", "where", "как") and
 * the words of the kind's own title ("buyer", "persona" in a persona; "segment" in a
 * prioritization), which every section of the kind is about. (As stems: "почему" is `поч`.)
 */
const QUESTION_WORDS = ['they', 'они', 'we', 'мы', 'who', 'what', 'how', 'where', 'why', 'when', 'кто', 'что', 'как', 'где', 'поч', 'зач', 'custom', 'клиент'];

const genericOf = new WeakMap<KindSchema, ReadonlySet<string>>();

function generic(kind: KindSchema): ReadonlySet<string> {
  let set = genericOf.get(kind);
  if (!set) {
    set = new Set([...QUESTION_WORDS, ...headingWords(normalizeHeading(kind.title.en)), ...headingWords(normalizeHeading(kind.title.ru))]);
    genericOf.set(kind, set);
  }
  return set;
}

/** For each word of a kind's section names, the sections whose names have it. */
const ownersOf = new WeakMap<KindSchema, Map<string, Set<SectionSpec>>>();

function wordOwners(kind: KindSchema): Map<string, Set<SectionSpec>> {
  let owners = ownersOf.get(kind);
  if (!owners) {
    owners = new Map();
    for (const n of nameWords(kind)) {
      for (const w of n.words) {
        if (generic(kind).has(w)) continue;
        let set = owners.get(w);
        if (!set) owners.set(w, (set = new Set()));
        set.add(n.spec);
      }
    }
    ownersOf.set(kind, owners);
  }
  return owners;
}

/**
 * The section a heading's words name, if any (step 2 above). A heading that holds a whole
 * name is sure unless its other words belong to another section's names ("Messages for the
 * committee" holds "Key messages", but "committee" is the Buying Process's word); one whose
 * words are part of a name is sure when it has two thirds of that name.
 */
export function recognizeByWords(kind: KindSchema, normalized: string, claimed: ReadonlySet<string>): Recognition | undefined {
  let known = byWords.get(kind);
  if (!known) byWords.set(kind, (known = new Map()));
  let r = known.get(normalized);
  if (r === undefined) {
    r = wordsCandidate(kind, normalized) ?? null;
    if (known.size >= 5_000) known.clear();
    known.set(normalized, r);
  }
  return r && !claimed.has(r.spec.id) ? r : undefined;
}

const byWords = new WeakMap<KindSchema, Map<string, Recognition | null>>();

function wordsCandidate(kind: KindSchema, normalized: string): Recognition | undefined {
  const words = headingWords(normalized);
  if (!words.length) return undefined;
  const have = new Set(words);
  const GENERIC = generic(kind);
  let best: { name: NameWords; coverage: number; contains: boolean } | undefined;
  let tie = false;
  for (const n of nameWords(kind)) {
    // A name of question words only ("Who they are") must be the whole heading.
    if (n.words.every((w) => GENERIC.has(w)) && !(n.words.length === have.size && n.words.every((w) => have.has(w)))) continue;
    let coverage: number;
    let contains: boolean;
    if (n.words.every((w) => have.has(w))) {
      coverage = n.words.length / have.size;
      contains = true;
    } else if (have.has(n.head) && !GENERIC.has(n.head) && words.every((w) => n.words.includes(w))) {
      coverage = have.size / n.words.length;
      contains = false;
    } else continue;
    if (!best || coverage > best.coverage) {
      best = { name: n, coverage, contains };
      tie = false;
    } else if (coverage === best.coverage && n.spec !== best.name.spec) tie = true;
  }
  if (!best || tie || best.coverage < 1 / 4) return undefined;
  const spec = best.name.spec;
  if (!best.contains) return best.coverage >= 1 / 3 ? { spec, how: 'words', sure: best.coverage >= 2 / 3 } : undefined;
  const owners = wordOwners(kind);
  const rest = [...have].filter((w) => !best.name.words.includes(w) && !GENERIC.has(w));
  const elsewhere = rest.some((w) => [...(owners.get(w) ?? [])].some((o) => o !== spec));
  return { spec, how: 'words', sure: !elsewhere };
}

/** How close a heading must be to a section name to be a typo of it (misspelled-section's options). */
export interface TypoOptions {
  /** Minimum similarity (1 − edits / length; a swap of neighbours is one edit). */
  similarity: number;
  /** Headings and names shorter than this are never typos of each other. */
  minLength: number;
}

export const TYPO_DEFAULTS: TypoOptions = { similarity: 0.8, minLength: 5 };

interface TypoName {
  spec: SectionSpec;
  /** The name as the schema writes it. */
  name: string;
  key: string;
  digits: string;
}

const typoNamesOf = new WeakMap<KindSchema, TypoName[]>();

function digitsOf(s: string): string {
  return (s.match(/\d+/g) ?? []).join(' ');
}

function typoNames(kind: KindSchema): TypoName[] {
  let names = typoNamesOf.get(kind);
  if (!names) {
    names = kind.sections.flatMap((spec) => spec.names.map((name) => ({ spec, name, key: normalizeHeading(name) }))).map((n) => ({ ...n, digits: digitsOf(n.key) }));
    typoNamesOf.set(kind, names);
  }
  return names;
}

/**
 * The section name a normalised heading is a typo of ("Pain Pionts" → "Pain Points"), the
 * closest one: both at least `minLength` long, `similarity` reached, the same numbers ("Tier
 * 4" is no typo of "Tier 1"), and not a section in `skip`.
 */
export function typoOf(kind: KindSchema, normalized: string, options: TypoOptions = TYPO_DEFAULTS, skip?: ReadonlySet<string>): { spec: SectionSpec; name: string } | undefined {
  const { similarity, minLength } = options;
  if (normalized.length < minLength || !/\p{L}/u.test(normalized)) return undefined;
  const digits = digitsOf(normalized);
  let best: { spec: SectionSpec; name: string; distance: number } | undefined;
  for (const n of typoNames(kind)) {
    if (skip?.has(n.spec.id) || n.key.length < minLength || n.key === normalized || n.digits !== digits) continue;
    // The distance is at least the difference in length: skip names that cannot reach the
    // bar before paying for the quadratic distance, which stops counting past the bar.
    const longest = Math.max(normalized.length, n.key.length);
    if (1 - Math.abs(normalized.length - n.key.length) / longest < similarity) continue;
    const distance = typoDistance(normalized, n.key, Math.floor((1 - similarity) * longest + 1e-9));
    if (1 - distance / longest < similarity) continue;
    if (!best || distance < best.distance) best = { spec: n.spec, name: n.name, distance };
  }
  return best && { spec: best.spec, name: best.name };
}

/**
 * Whether a heading is a typo away from a section name at misspelled-section's default bar:
 * such a heading is left to that rule, which says so and offers the right spelling, rather
 * than taken for the section by its other words or its content.
 */
export function typoOfName(kind: KindSchema, normalized: string): boolean {
  let known = typos.get(kind);
  if (!known) typos.set(kind, (known = new Map()));
  let typo = known.get(normalized);
  if (typo === undefined) {
    // "Where he learns" is "Where they learn" word for word, not a typo of it.
    const words = new Set(headingWords(normalized));
    const sameWords = nameWords(kind).some((n) => n.words.length === words.size && n.words.every((w) => words.has(w)));
    typo = !sameWords && typoOf(kind, normalized) !== undefined;
    // Headings repeat from one check of a document to the next: bounded memo per kind.
    if (known.size >= 5_000) known.clear();
    known.set(normalized, typo);
  }
  return typo;
}

const typos = new WeakMap<KindSchema, Map<string, boolean>>();

/**
 * Whether a block (a `>` quote) is a customer quote: one the evidence reader takes for a
 * customer's words (an attributed quote), or quoted words of three or more (`> "We lose two
 * days every month"`) — not a `> Tip:` call-out.
 */
export function isQuoteBlock(doc: SegDocument, block: Span): boolean {
  if (doc.text.charCodeAt(block.start) !== 62 /* > */) return false;
  const body = doc.text.slice(block.start, block.end).replace(/^[ \t]*>[ \t]?/gm, '').trim();
  if (/^["“«„]/.test(body) && /\p{L}+\s+\p{L}+\s+\p{L}+/u.test(body)) return true;
  return customerQuotes(doc).some((q) => q.span.start >= block.start && q.span.end <= block.end);
}

/** Whether a section's own content is nothing but customer quotes (a persona's opening quote). */
function onlyQuotes(doc: SegDocument, section: Section): boolean {
  return (
    section.otherBlocks.length > 0 &&
    section.otherBlocks.every((b) => isQuoteBlock(doc, b)) &&
    section.fields.length + section.lists.length + section.tables.length + section.paragraphs.length === 0
  );
}

/**
 * The labels a section gives its content: field labels, and the first cells of its tables'
 * rows and header (`| LTV:CAC | 4.2 |`, `| Metric | Target |` over `| NRR | 112 % |`).
 */
function contentLabels(section: Section): string[] {
  const out = sectionFields(section).map((f) => f.key);
  for (const t of section.tables) {
    for (const cell of t.header) out.push(normalizeHeading(cell.text));
    for (const row of t.rows) if (row[0]) out.push(normalizeHeading(row[0].text));
  }
  return out;
}

const termsOf = new WeakMap<SectionSpec, string[][]>();

/** A section's `x-segdoc.terms` as word stems, read once. */
function sectionTerms(spec: SectionSpec): string[][] {
  let terms = termsOf.get(spec);
  if (!terms) {
    const raw = spec.schema['x-segdoc']?.terms;
    terms = (Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : []).map((t) => headingWords(normalizeHeading(t))).filter((w) => w.length > 0);
    termsOf.set(spec, terms);
  }
  return terms;
}

/**
 * The section whose `x-segdoc.terms` the section's labels name: two or more distinct terms
 * (Pipeline, NRR and PMF are Success Metrics; Communities and Events are Information Sources),
 * and more than any other section's.
 */
function recognizeByTerms(kind: KindSchema, section: Section, claimed: ReadonlySet<string>): Recognition | undefined {
  const labels = contentLabels(section).map((l) => new Set(headingWords(l)));
  if (labels.length < 2) return undefined;
  let best: { spec: SectionSpec; count: number } | undefined;
  let tie = false;
  for (const spec of kind.sections) {
    const terms = sectionTerms(spec);
    if (!terms.length) continue;
    const count = terms.filter((t) => labels.some((l) => t.every((w) => l.has(w)))).length;
    if (count < 2) continue;
    if (!best || count > best.count) {
      best = { spec, count };
      tie = false;
    } else if (count === best.count) tie = true;
  }
  return best && !tie && !claimed.has(best.spec.id) ? { spec: best.spec, how: 'content', sure: true } : undefined;
}

/**
 * A section whose subsections are segments holds the segments, whatever its heading says
 * ("Where we play"): two or more subheadings that name a segment (`### Segment 1: …`) or
 * give two segment fields each (size, ACV, channels, needs …), and none that gives none.
 */
function segmentContainer(kind: KindSchema, section: Section, claimed: ReadonlySet<string>): Recognition | undefined {
  const id = kind.segment?.sections[0];
  if (!id || claimed.has(id) || section.children.length < 2) return undefined;
  const spec = kind.sections.find((s) => s.id === id);
  if (!spec) return undefined;
  const segmentFields = (c: Section): number => new Set(sectionFields(c).flatMap((f) => kind.segmentFields.filter((fs) => fs.keys.has(f.key)).map((fs) => fs.id))).size;
  // Every subsection must look like a segment: a container with "### Open questions" under
  // it is left to the segment reader, which takes only the sized subheadings.
  const segments = section.children.filter((c) => namesSegment(kind, c) || segmentFields(c) >= 2).length;
  const others = section.children.filter((c) => !namesSegment(kind, c) && segmentFields(c) === 0).length;
  return segments >= 2 && others === 0 ? { spec, how: 'content', sure: true } : undefined;
}

/**
 * A positioning statement in prose: "For … who …" with "Unlike …", or "Для … которые/кто …"
 * with "В отличие от …" (the rule that checks its parts is positioning-statement).
 */
function hasPositioningStatement(text: string): boolean {
  const plain = text.replace(/[*_]/g, '');
  if (/\bfor\b[^\n]{3,300}?\bwho\b/iu.test(plain) && /\bunlike\b/iu.test(plain)) return true;
  return /(?:^|[^\p{L}])для(?![\p{L}])[^\n]{3,300}?(?:котор|кто)/iu.test(plain) && /в\s+отличие\s+от/iu.test(plain);
}

/**
 * A jobs-to-be-done statement in its usual forms: "When …, I want to …, so (that) I can …",
 * "Когда …, я хочу …, чтобы …", the keywords bold or plain, in any case.
 */
const JOB_STATEMENT = [
  /\bwhen\b[^\n]{3,200}?\bI\s+(?:want|need)\s+to\b[^\n]{3,200}?\bso\s+(?:that\s+)?(?:I|we)\s+can\b/iu,
  /(?:^|[^\p{L}])когда(?![\p{L}])[^\n]{3,200}?(?:^|[^\p{L}])я\s+хочу(?![\p{L}])[^\n]{3,200}?(?:^|[^\p{L}])чтобы(?![\p{L}])/iu,
];

export function hasJobStatement(text: string): boolean {
  const plain = text.replace(/[*_]/g, '');
  return JOB_STATEMENT.some((re) => re.test(plain));
}


/** The section a heading's content says it is, if any (step 3 above). */
export function recognizeByContent(doc: SegDocument, kind: KindSchema, section: Section, claimed: ReadonlySet<string>): Recognition | undefined {
  const fields = sectionFields(section);
  let best: { spec: SectionSpec; count: number; required: boolean } | undefined;
  let tie = false;
  if (fields.length) {
    for (const spec of kind.sections) {
      if (!spec.fields.length) continue;
      const found = new Set<string>();
      let required = false;
      for (const f of fields) {
        const fs = fieldForKey(spec, f.key);
        if (!fs) continue;
        found.add(fs.id);
        if (fs.required) required = true;
      }
      if (!found.size) continue;
      if (!best || found.size > best.count) {
        best = { spec, count: found.size, required };
        tie = false;
      } else if (found.size === best.count) tie = true;
    }
  }
  if (best && !tie && !claimed.has(best.spec.id) && (best.count >= 2 || best.required)) {
    return { spec: best.spec, how: 'content', sure: best.count >= 2 };
  }
  // A table whose first column names a section: `| Criterion | Why it matters |`, `| Боль | … |`.
  for (const table of section.tables) {
    const first = table.header[0]?.text;
    const named = first ? recognizeByWords(kind, normalizeHeading(first), claimed) : undefined;
    if (named?.sure) return { spec: named.spec, how: 'content', sure: true };
  }
  const byTerms = recognizeByTerms(kind, section, claimed);
  if (byTerms) return byTerms;
  const container = segmentContainer(kind, section, claimed);
  if (container) return container;
  for (const spec of kind.sections) {
    if (claimed.has(spec.id)) continue;
    const content = spec.schema['x-segdoc']?.content;
    if (content === 'positioning' && hasPositioningStatement(doc.text.slice(section.span.start, section.span.end))) return { spec, how: 'content', sure: true };
    if (content === 'research' && isResearchSection(doc, section)) return { spec, how: 'content', sure: true };
    if (content === 'quote' && onlyQuotes(doc, section)) return { spec, how: 'content', sure: true };
    if (content === 'jtbd' && hasJobStatement(doc.text.slice(section.span.start, section.span.end))) return { spec, how: 'content', sure: true };
  }
  return undefined;
}

/**
 * Whether a heading names a segment rather than a section: a segment label followed by a
 * number, a letter or a colon (`Segment 1: SMB`, `Сегмент Б — Ритейл`, `Segment: Fintech`).
 */
export function namesSegment(kind: KindSchema, section: Section): boolean {
  const labels = kind.segment?.keys;
  if (!labels?.size) return false;
  const words = section.normalized.split(' ');
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    if (!labels.has(words.slice(0, n).join(' '))) continue;
    const next = words[n];
    if (next !== undefined && (/^\d+$/.test(next) || next.length === 1)) return true;
    if (/^[^\p{L}\p{N}]*[\p{L} ]+?\s*(?:№\s*)?\S{0,3}\s*[:—–-]/u.test(section.heading.text)) return true;
  }
  return false;
}

/**
 * For a required or recommended section no heading stands for: an unmatched heading that
 * probably meant it — one that has the head word of one of its names ("Buying journey" for
 * "Buying Process" does not, "Our process" does), or holds one of its fields. Used to name the heading in the missing-section message.
 */
export function probableHeading(kind: KindSchema, spec: SectionSpec, candidates: readonly Section[]): Section | undefined {
  const names = nameWords(kind).filter((n) => n.spec === spec);
  for (const section of candidates) {
    const words = headingWords(section.normalized).filter((w) => !generic(kind).has(w));
    if (words.some((w) => names.some((n) => n.head === w))) return section;
    if (sectionFields(section).some((f) => fieldForKey(spec, f.key))) return section;
  }
  return undefined;
}
