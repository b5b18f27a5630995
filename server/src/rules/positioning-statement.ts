/**
 * positioning-statement — a positioning statement has every line of Geoffrey Moore's
 * template (seed 001, "Positioning Strategy"):
 *
 *   For [target segment] / Who [need] / Our [product] is [category] / That [key benefit] /
 *   Unlike [competitive alternatives] / Our product [primary differentiation]
 *
 * and in Russian Для / Которые (Кому, Который нужен) / Наш … это / Который (Что) /
 * В отличие от / Наш продукт. The parts, their spellings and the lines a fix inserts come
 * from the schema (`x-segdoc.statement` on the GTM positioning section).
 *
 * A statement is written in one of two forms.
 *
 * Lines: a run of lines that each start with a part — one paragraph (seed 001 writes it as a
 * quoted paragraph), one list (blank lines between items allowed), a block quote, a table or a
 * fenced block; a new `For` line starts the next statement, and "For example, …" is prose.
 * Keywords are capitalised (`For`, `FOR`), bold (`**for**`) or a label (`for:`), so a wrapped
 * line of prose that begins with "for" or "that" is not a part.
 *
 * Sentences: one to three sentences that open with the `For` part — a paragraph, a list item,
 * a block quote, a table cell, maybe after a label (`**Positioning statement**: For …`):
 * `For platform teams who lose a day per release to flaky pipelines, Shipyard is a CI service
 * that cuts build times in half. Unlike Jenkins, it needs no servers to babysit.` Its parts
 * are read from the words that join them (`who` / `которые`, `is` / `— это`, `that` /
 * `который`, `unlike` / `в отличие от`, in any case; see partsOfSentences), generously: a
 * part that may be there counts as there. The sentences after the first belong to the
 * statement when they hold its contrast or start with "Our". When a paragraph reads both
 * ways, the reading that finds more parts is the statement.
 *
 * In the line form, two spellings are told apart by position, as writers use them: a relative clause before
 * the "Our … is" line is the need (Who), one after it the benefit (That), which is how
 * Russian writers use "Которые" and "Который" interchangeably; the first "Our …" line is the
 * category unless it comes after the benefit or the alternatives, and later ones are the
 * differentiation ("Our platform provides …", as seed 001's examples end).
 *
 *   - In a GTM strategy's Positioning & Messaging section, two lines with "For" (three
 *     without it), or sentences with "For" and three more parts, make a statement; a section
 *     with content but no statement is reported at its heading, and the fix inserts the whole
 *     template. Sentences with "For" and one or two more parts, or with a category, a benefit
 *     and a contrast but no "For", are taken for a statement in their own words: not
 *     reported, and the section has one. (Prose such as "For enterprise accounts, the
 *     message is security" is not reported as a broken statement.)
 *   - Anywhere else (and in any kind of document), three lines with "For" (four without it)
 *     make one; the `minPartsElsewhere` option changes that. Sentences outside the section
 *     are read only to correct a line reading of the same paragraph, never on their own:
 *     prose elsewhere ("For Dana, who runs…, the tool is…") is not a statement.
 *   - A statement that lacks parts is reported over the statement, naming them. For lines,
 *     the fix inserts the missing lines in order, in the document's language, as
 *     placeholders. For sentences, a line inserted into a sentence would break it, so the fix
 *     is offered only when every missing part comes after the parts there (typically Unlike /
 *     Our product): it appends them as one more sentence (` Unlike [competitive alternatives],
 *     our product [primary differentiation].`); a statement missing its need or category is
 *     reported without a fix.
 */
import type { Language, Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { containerPrefix, isUnfilled, leadLength, NameFinder, sectionLines, type Line } from './content/lines';
import { statementParts, type StatementPart } from './content/schema';
import { blockInsertion } from './util/insert';
import { headingSpan } from './util/report';
import { defineRule, type TextEdit } from './types';

interface Options {
  /** How many parts make a statement outside the GTM positioning section (with "For"). */
  minPartsElsewhere: number;
}

/** A line that starts with a part of the statement. */
interface PartLine {
  line: Line;
  /** The part its first word names (`who` for "Who", `benefit` for "Который"). */
  spelled: string;
  /** The part it is, once its place in the statement is known. */
  part: string;
}

interface Statement {
  lines: PartLine[];
  /** True inside the GTM positioning section, where two parts make a statement. */
  loose: boolean;
}

const OPENING_QUOTE = /^["“«„']/;
const LIST_ITEM = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
/** "For example, …", "Для этого …": a sentence that starts like a statement but is not one. */
const NOT_A_PART = /^(?:For[ \t]+(?:example|instance|more|details)|Для[ \t]+(?:примера|этого|справки))(?![\p{L}\p{N}])/iu;
const CLOSING_QUOTE = /["”»“']\s*$/;
/** Words after which "Our … " names the category rather than the differentiation. */
const IS = /\s(?:is|are|это)\s|\s[—–-]\s/iu;

export default defineRule<Options>({
  id: 'positioning-statement',
  severity: 'warning',
  description: 'A positioning statement has every line of the template: For / Who / Our … is / That / Unlike / Our product.',
  messages: {
    incomplete: 'The positioning statement lacks {missing} (the template is {parts})',
    none: '"{section}" has no positioning statement ({parts})',
    insert: 'Insert {missing}',
    insertAll: 'Insert a positioning statement template',
  },
  defaults: { minPartsElsewhere: 3 },
  optionsSchema: {
    type: 'object',
    properties: {
      minPartsElsewhere: {
        type: 'integer',
        minimum: 2,
        maximum: 6,
        description: 'How many lines of the template (one of them "For") make a positioning statement outside the GTM Positioning & Messaging section.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const parts = statementParts(ctx.kind);
    if (!parts.length) return;
    const { doc } = ctx;
    const language = ctx.language;
    const finder = NameFinder.of(parts.flatMap((p) => p.aliases));
    const partOf = new Map<string, string>();
    for (const p of parts) for (const a of p.aliases) if (!partOf.has(a)) partOf.set(a, p.id);
    const titles = (ids: string[]): string => ids.map((id) => pickTitle(parts.find((p) => p.id === id)!, language)).join(' / ');
    const allTitles = titles(parts.map((p) => p.id));

    const positioning = ctx.kind.kind === 'gtm' ? ctx.match.byId.get('positioning') : undefined;
    const inPositioning = new Set<Section>();
    const mark = (s: Section): void => {
      inPositioning.add(s);
      s.children.forEach(mark);
    };
    if (positioning) mark(positioning);

    const reportSentences = (s: Sentences): void => {
      const missing = parts.filter((p) => !s.parts.has(p.id));
      if (!missing.length) return;
      const missingTitles = titles(missing.map((p) => p.id));
      const edits = sentenceInsertion(s, parts, missing, language);
      ctx.report({
        message: 'incomplete',
        args: { missing: missingTitles, parts: allTitles },
        span: s.span,
        fixes: edits ? [{ title: 'insert', args: { missing: missingTitles }, edits, preferred: true }] : [],
      });
    };

    let foundInPositioning = false;
    for (const section of doc.allSections) {
      const loose = inPositioning.has(section);
      // Without its "For" line a run of parts needs one more to count as a statement.
      const min = loose ? 2 : Math.max(2, ctx.options.minPartsElsewhere);
      const lineStatements = statements(doc, section, finder, partOf, loose).filter((st) => {
        const present = new Set(st.lines.map((l) => l.part));
        return present.size >= (present.has('for') ? min : min + 1);
      });
      // Outside the positioning section sentences only correct a line reading: read them only then.
      if (!loose && !lineStatements.length) continue;
      const blocks = blocksOf(doc, section);
      const sentences = blocks.flatMap((b) => sentenceStatements(doc, b, finder, partOf));
      const used = new Set<Sentences>();
      for (const statement of lineStatements) {
        const present = new Set(statement.lines.map((l) => l.part));
        if (loose) foundInPositioning = true;
        // The same paragraph read as sentences: the reading with more parts is the statement.
        const same = sentences.filter((s) => statement.lines.some((l) => l.line.start < s.span.end && l.line.end > s.span.start));
        const better = same.find((s) => s.parts.size > present.size);
        if (better) {
          if (!used.has(better)) reportSentences(better);
          same.forEach((s) => used.add(s));
          continue;
        }
        same.forEach((s) => used.add(s));
        const missing = parts.filter((p) => !present.has(p.id));
        if (!missing.length) continue;
        const first = statement.lines[0]!.line;
        const last = statement.lines[statement.lines.length - 1]!.line;
        const start = first.start + containerPrefix(first.text).length;
        const missingTitles = titles(missing.map((p) => p.id));
        ctx.report({
          message: 'incomplete',
          args: { missing: missingTitles, parts: allTitles },
          span: { start, end: last.end },
          fixes: [{ title: 'insert', args: { missing: missingTitles }, edits: insertions(doc, statement, parts, language), preferred: true }],
        });
      }
      if (!loose) continue;
      for (const s of sentences) {
        if (used.has(s) || s.parts.size < 2) continue;
        foundInPositioning = true;
        if (s.parts.size >= 4) reportSentences(s);
      }
      // A statement in its own words, without "For": a category, its benefit and a contrast.
      if (!foundInPositioning) {
        for (const block of blocks) {
          const s = sentencesAt(doc, block, block[0]!.start + wordsStart(block[0]!.text), false, finder, partOf);
          if (s && ['category', 'benefit', 'unlike'].every((p) => s.parts.has(p))) foundInPositioning = true;
        }
      }
    }

    if (positioning && !foundInPositioning) {
      const own = sectionLines(doc, positioning);
      if (isUnfilled(doc, own)) return;
      const firstContent = sectionLines(doc, positioning, false).find((l) => l.text.trim() !== '');
      const offset = firstContent ? firstContent.start : doc.lines.lineEnd(doc.lines.lineAt(positioning.heading.span.end));
      const block = parts.map((p) => pickTemplate(p, language)).join(doc.lines.eol) + doc.lines.eol;
      ctx.report({
        message: 'none',
        args: { section: positioning.heading.text, parts: allTitles },
        span: headingSpan(positioning),
        fixes: [{ title: 'insertAll', edits: [blockInsertion(doc, offset, block)], preferred: true }],
      });
    }
  },
});

function pickTitle(p: StatementPart, language: Language): string {
  return p.title[language] || p.title.en;
}

function pickTemplate(p: StatementPart, language: Language): string {
  return p.template[language] || p.template.en;
}

/** Where a line's words begin: after its container, emphasis and an opening quote. */
function wordsStart(text: string): number {
  let i = leadLength(text);
  const rest = text.slice(i);
  const q = OPENING_QUOTE.exec(rest);
  if (q) i += q[0].length;
  const em = /^(?:\*\*|__)/.exec(text.slice(i));
  if (em) i += em[0].length;
  return i;
}

/** The part a line starts with, by its first words; undefined when it starts with none. */
function spelledPart(text: string, finder: NameFinder, partOf: Map<string, string>): string | undefined {
  return partAt(text, wordsStart(text), finder, partOf);
}

/**
 * The part whose keyword starts at `at` in `text`. Keywords are capitalised (`For`, `FOR`),
 * bold (`**for**`) or a label (`for:`): a wrapped line of prose that begins with "for" is not a part.
 */
function partAt(text: string, at: number, finder: NameFinder, partOf: Map<string, string>): string | undefined {
  const rest = text.slice(at);
  if (NOT_A_PART.test(rest)) return undefined;
  const m = finder.findAtStart(rest);
  if (!m) return undefined;
  if (!/^\p{Lu}/u.test(rest)) {
    const after = rest.slice(m.end);
    const bold = /(?:\*\*|__)$/.test(text.slice(0, at)) && /^(?:\*\*|__)/.test(after);
    const label = /^(?:\*\*|__)?[ \t]*:/.test(after);
    if (!bold && !label) return undefined;
  }
  return partOf.get(m.name);
}

/** The statements of a section's own lines (subsections are read as sections of their own). */
function statements(doc: SegDocument, section: Section, finder: NameFinder, partOf: Map<string, string>, loose: boolean): Statement[] {
  const groups: PartLine[][] = [];
  let current: PartLine[] = [];
  const close = (): void => {
    if (current.length) groups.push(current);
    current = [];
  };
  let blank = false;
  for (const line of sectionLines(doc, section, false)) {
    if (line.text.trim() === '') {
      blank = true;
      continue;
    }
    const spelled = spelledPart(line.text, finder, partOf);
    if (!spelled) {
      close();
      blank = false;
      continue;
    }
    // A statement is one paragraph, list or quote: only list items may have blank lines between them.
    const prev = current[current.length - 1];
    if (prev && blank && !(LIST_ITEM.test(prev.line.text) && LIST_ITEM.test(line.text))) close();
    if (spelled === 'for' && current.length) close();
    current.push({ line, spelled, part: spelled });
    blank = false;
  }
  close();
  return groups.map((lines) => ({ lines: place(lines), loose }));
}

/** Decides each line's part from its spelling and its place (see the header). */
function place(lines: PartLine[]): PartLine[] {
  const has = new Set<string>();
  const ours = lines.filter((l) => l.spelled === 'category' || l.spelled === 'product');
  lines.forEach((l, i) => {
    let part = l.spelled;
    if (part === 'who' && has.has('category') && has.has('who')) part = 'benefit';
    else if (part === 'benefit' && !has.has('category') && !has.has('who') && lines.slice(i + 1).some((x) => x.spelled === 'category' || x.spelled === 'product')) {
      part = 'who';
    } else if (part === 'category' || part === 'product') {
      if (l !== ours[0] || has.has('benefit') || has.has('unlike')) part = 'product';
      else if (part === 'product' && ours.length === 1 && !IS.test(l.line.text)) part = 'product';
      else part = 'category';
    }
    l.part = part;
    has.add(part);
  });
  return lines;
}

/**
 * Edits inserting the missing parts, each after the nearest part before it in the template
 * (before the statement's closing quote when it is the last line), or at the start of the
 * statement when no part before it is there. Lines take the statement's list marker or
 * block-quote prefix; inserts at one place are joined into one edit.
 */
function insertions(doc: SegDocument, statement: Statement, parts: StatementPart[], language: Language): TextEdit[] {
  const eol = doc.lines.eol;
  const order = new Map(parts.map((p, i) => [p.id, i]));
  const present = statement.lines.filter((l, i, all) => all.findIndex((x) => x.part === l.part) === i);
  const first = statement.lines[0]!.line;
  const last = statement.lines[statement.lines.length - 1]!;
  const quoted = OPENING_QUOTE.test(first.text.slice(leadLength(first.text)));
  const byOffset = new Map<number, string[]>();
  const add = (offset: number, text: string): void => {
    const list = byOffset.get(offset) ?? [];
    list.push(text);
    byOffset.set(offset, list);
  };
  const atStart: string[] = [];
  for (const p of parts) {
    if (present.some((l) => l.part === p.id)) continue;
    const k = order.get(p.id)!;
    let anchor: PartLine | undefined;
    for (const l of present) if (order.get(l.part)! < k && (!anchor || order.get(l.part)! > order.get(anchor.part)!)) anchor = l;
    const text = pickTemplate(p, language);
    if (!anchor) {
      atStart.push(text);
      continue;
    }
    const prefix = continuation(anchor.line.text);
    let offset = anchor.line.end;
    if (anchor === last && quoted) {
      const close = CLOSING_QUOTE.exec(anchor.line.text);
      if (close) offset = anchor.line.start + close.index;
    }
    add(offset, eol + prefix + text);
  }
  const edits: TextEdit[] = [];
  if (atStart.length) {
    const prefix = continuation(first.text);
    let offset = first.start + containerPrefix(first.text).length;
    const q = OPENING_QUOTE.exec(doc.text.slice(offset, first.end));
    if (q) offset += q[0].length;
    edits.push({ span: { start: offset, end: offset }, newText: atStart.map((t) => t + eol + prefix).join('') });
  }
  for (const [offset, texts] of byOffset) edits.push({ span: { start: offset, end: offset } as Span, newText: texts.join('') });
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/** What a new line next to `text` starts with: its indentation, `>` markers and list marker. */
function continuation(text: string): string {
  return containerPrefix(text);
}

// ---------------------------------------------------------------------------------------
// The sentence form: `For platform teams who lose a day per release to flaky pipelines,
// Shipyard is a CI service that cuts build times in half. Unlike Jenkins, it needs no
// servers to babysit.` (see the header).

/** A run of text with the document offset of each of its characters. */
interface Flat {
  text: string;
  offsets: number[];
  /** Where each source line after the first begins in `text`. */
  lineStarts: number[];
}

/** A statement written as one to three sentences, with the parts it has. */
interface Sentences {
  parts: Set<string>;
  span: Span;
  /** Whether the sentence ends with a mark of its own (`.`, `!`, `?`, `…`). */
  punctuated: boolean;
}

const W = '[\\p{L}\\p{N}]';
const word = (alternatives: string): RegExp => new RegExp(`(?<!${W})(?:${alternatives})(?!${W})`, 'giu');
/** Russian participles (`теряющих`, `сокращающий`, `уставших`): a need or a benefit without `который`. */
const PARTICIPLE_RU = '\\p{L}{2,}(?:ющ|ящ|ущ|ащ|вш)(?:ий|ая|ее|ие|их|им|ими|его|ей|ему|ую)';
/** An English `-ing` verb followed by what a verb takes (`drowning in`, `losing a day`), not `engineering teams`. */
const ING_VERB = '\\p{L}{3,}ing(?=[ \\t]+(?:in|into|with|on|to|for|through|under|over|the|a|an|their|its|his|her|more|too|hours|days|weeks|dozens|every|each|multiple|\\d))';
const WHO = word(`who|whose|that|which|looking|struggling|trying|needing|wanting|tired|frustrated|fed[ \\t]+up|stuck|burdened|suffering|seeking|${ING_VERB}|котор\\p{L}*|кому|кто|чей|чья|чьё|чье|чьи|${PARTICIPLE_RU}`);
const COPULA = word('is|are|это|является|являются|представляет[ \\t]+собой|представляют[ \\t]+собой');
/** A dash between a name and its category (`Shipyard — CI-сервис`), read as a copula only after the need. */
const DASH = /[ \t][—–][ \t]/gu;
const BENEFIT = word(`that|which|who|helps|helping|lets|letting|enables|enabling|so[ \\t]+that|котор\\p{L}*|что|помогает|позволяет|${PARTICIPLE_RU}`);
const UNLIKE = word('unlike|in[ \\t]+contrast[ \\t]+to|compared[ \\t]+(?:to|with)|as[ \\t]+opposed[ \\t]+to|в[ \\t]+отличи[еи][ \\t]+от|по[ \\t]+сравнению[ \\t]+с|в[ \\t]+противовес|в[ \\t]+противоположность');
const OUR = word('our|наш|наша|наше|наши|нашего|нашей');
/** Words before a `.` that do not end a sentence. */
const ABBREVIATION = /(?<![\p{L}\p{N}])(?:e\.g|i\.e|vs|etc|inc|ltd|corp|co|approx|mr|ms|dr|no|т\.е|т\.д|т\.п|т\.к|др|пр|г|гг|ок|млн|млрд|тыс|руб|долл|мес|\p{L})$/iu;
/** A label before a statement: `**Positioning statement**:`, `Позиционирование —`. */
const LABEL = /^(?:\*\*|__)?[^\s:*_|.!?][^:*_|.!?\n]{0,60}?(?:\*\*|__)?[ \t]*(?::|—|–)(?:\*\*|__)?[ \t]*/u;

function firstMatch(re: RegExp, text: string, from: number, to = text.length): { index: number; end: number } | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return undefined;
  return { index: m.index, end: m.index + m[0].length };
}

/** Where the statement's sentences end: the first sentence, and each next one that holds its contrast or starts with "Our". */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?…]+(?=["”»')\]]*(?:\s|$))/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    ends.push(m.index + m[0].length);
  }
  if (!ends.length || ends[ends.length - 1]! < text.trimEnd().length) ends.push(text.trimEnd().length);
  return ends;
}

/**
 * The parts a statement written as sentences has. `text` starts at its "For" part when
 * `opensWithFor`. The need is a relative clause (`who`, `which`, `которые`, a participle)
 * before the category; the category is the first `is` / `это` after the first comma (the
 * need's end) or, without one, the first at all; the benefit is a relative clause after it
 * (`that`, `который`), or the category is an apposition followed by one (`Shipyard, the CI
 * service that …`); the contrast is `Unlike` / `В отличие от` anywhere, and the
 * differentiation is what the contrast is set against: the clause after it, an "Our" after
 * it, or the clause before it when it closes the sentence (`…, unlike Jenkins`).
 */
function partsOfSentences(text: string, opensWithFor: boolean, lineStarts: readonly number[] = []): { parts: Set<string>; end: number; punctuated: boolean } {
  const ends = sentenceEnds(text);
  let end = ends[0]!;
  for (let i = 1; i < ends.length && i < 3; i++) {
    const s = text.slice(end, ends[i]).replace(/^[\s"“«„']+/u, '');
    const extra = firstMatch(UNLIKE, s, 0) !== undefined || firstMatch(OUR, s, 0)?.index === 0;
    if (!extra) break;
    end = ends[i]!;
  }
  const t = text.slice(0, end);
  const parts = new Set<string>();
  let from = 0;
  if (opensWithFor) {
    parts.add('for');
    from = /^\p{L}+/u.exec(t)?.[0].length ?? 0;
  }
  const unlike = firstMatch(UNLIKE, t, from);
  const head = unlike ? unlike.index : t.length;
  const comma = t.indexOf(',', from);
  const afterComma = comma >= 0 && comma < head ? comma : -1;
  let category = afterComma >= 0 ? firstMatch(COPULA, t, afterComma, head) : undefined;
  if (!category && afterComma >= 0 && opensWithFor) {
    const who = firstMatch(WHO, t, from, head);
    if (who) category = firstMatch(DASH, t, Math.max(who.end, afterComma), head);
  }
  category ??= firstMatch(COPULA, t, from, head);
  const needEnd = category?.index ?? (afterComma >= 0 ? afterComma : head);
  if (opensWithFor && firstMatch(WHO, t, from, needEnd)) parts.add('who');
  if (category) {
    parts.add('category');
    if (firstMatch(BENEFIT, t, category.end, head)) parts.add('benefit');
  } else if (afterComma >= 0 && firstMatch(BENEFIT, t, afterComma + 1, head)) {
    parts.add('category');
    parts.add('benefit');
  }
  if (unlike) {
    parts.add('unlike');
    const rest = t.slice(unlike.end);
    const sentenceStart = Math.max(0, ...ends.filter((e) => e <= unlike.index));
    // A contrast that opens a line is a line of the template, not the end of a sentence.
    const opensLine = lineStarts.some((l) => t.slice(l, unlike.index).trim() === '');
    const midSentence = !opensLine && /[\p{L}\p{N}]/u.test(t.slice(sentenceStart, unlike.index));
    if (/[,;—–][ \t]*(?:[\p{L}\p{N}"“«]+[ \t,]+){1,}[\p{L}\p{N}]/u.test(rest) || firstMatch(OUR, rest, 0) || midSentence) parts.add('product');
  } else {
    const later = firstMatch(word('our[ \\t]+product|наш[ \\t]+продукт'), t, from);
    if (later) parts.add('product');
  }
  return { parts, end, punctuated: /[.!?…]$/u.test(t) };
}

const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(?:```|~~~)/;
const TABLE_ROW = /^(?:[ \t]*>)*[ \t]*\|/;

/**
 * The blocks of a section's own lines that may hold a statement: paragraphs (a block quote's
 * too), list items with their continuation lines, and table rows, each a run of lines.
 */
function blocksOf(doc: SegDocument, section: Section): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  const close = (): void => {
    if (current.length) out.push(current);
    current = [];
  };
  for (const line of sectionLines(doc, section, false)) {
    const bare = line.text.replace(/^(?:[ \t]*>)*/, '');
    if (bare.trim() === '' || FENCE.test(line.text) || /^[ \t]{0,3}#{1,6}[ \t]/.test(bare)) {
      close();
      continue;
    }
    if (TABLE_ROW.test(line.text)) {
      close();
      out.push([line]);
      continue;
    }
    if (LIST_ITEM.test(line.text)) close();
    current.push(line);
  }
  close();
  return out;
}

/** Where a statement opens on a line: the offset of its "For", after the line's lead, a label or a table pipe. */
function forAt(line: Line, finder: NameFinder, partOf: Map<string, string>): number | undefined {
  const lead = wordsStart(line.text);
  if (partAt(line.text, lead, finder, partOf) === 'for') return line.start + lead;
  const starts: number[] = [];
  const label = LABEL.exec(line.text.slice(lead));
  if (label) starts.push(lead + label[0].length);
  if (TABLE_ROW.test(line.text)) for (let i = line.text.indexOf('|'); i >= 0; i = line.text.indexOf('|', i + 1)) starts.push(i + 1);
  for (let at of starts) {
    at += /^[ \t]*/.exec(line.text.slice(at))![0].length;
    at += OPENING_QUOTE.exec(line.text.slice(at))?.[0].length ?? 0;
    at += /^(?:\*\*|__)?/.exec(line.text.slice(at))![0].length;
    if (partAt(line.text, at, finder, partOf) === 'for') return line.start + at;
  }
  return undefined;
}

/** The statements written as sentences in a block: each opens at a "For" and ends with its sentences, or at the next "For" line. */
function sentenceStatements(doc: SegDocument, block: Line[], finder: NameFinder, partOf: Map<string, string>): Sentences[] {
  const out: Sentences[] = [];
  let after = -1;
  for (const line of block) {
    if (line.end <= after) continue;
    const at = forAt(line, finder, partOf);
    if (at === undefined || at < after) continue;
    const s = sentencesAt(doc, block, at, true, finder, partOf);
    if (!s) continue;
    out.push(s);
    after = s.span.end;
  }
  return out;
}

/**
 * The block's text from `start` to its end, markup blanked and lines joined by spaces; a table
 * row's to the end of the cell, and only up to the next line that opens with "For".
 */
function flatten(doc: SegDocument, lines: Line[], start: number, finder: NameFinder, partOf: Map<string, string>): Flat {
  let text = '';
  const offsets: number[] = [];
  const lineStarts: number[] = [];
  for (const line of lines) {
    if (line.end <= start) continue;
    if (line.start > start && spelledPart(line.text, finder, partOf) === 'for') break;
    let from = Math.max(line.start, start);
    if (from === line.start) from += containerPrefix(line.text).length;
    let to = line.end;
    if (TABLE_ROW.test(line.text)) {
      const pipe = doc.text.indexOf('|', from);
      if (pipe >= 0 && pipe < to) to = pipe;
    }
    if (text) {
      text += ' ';
      offsets.push(from);
      lineStarts.push(text.length);
    }
    for (let i = from; i < to; i++) {
      const c = doc.text[i]!;
      text += c === '*' || c === '_' || c === '`' ? ' ' : c;
      offsets.push(i);
    }
  }
  return { text, offsets, lineStarts };
}

/** The statement written as sentences that starts at `at` in the block, if it has any part but "For". */
function sentencesAt(doc: SegDocument, block: Line[], at: number, opensWithFor: boolean, finder: NameFinder, partOf: Map<string, string>): Sentences | undefined {
  const flat = flatten(doc, block, at, finder, partOf);
  if (!flat.text.trim()) return undefined;
  const read = partsOfSentences(flat.text, opensWithFor, flat.lineStarts);
  let last = read.end;
  while (last > 0 && /\s/.test(flat.text[last - 1]!)) last--;
  if (last === 0) return undefined;
  const end = flat.offsets[last - 1]! + 1;
  return { parts: read.parts, span: { start: at, end }, punctuated: read.punctuated };
}

/**
 * The edit completing a statement written as sentences, when what it lacks closes the
 * template: the missing parts appended as one more sentence, in the document's language.
 * Undefined when a part it lacks comes before one it has (the need, the category): a line
 * inserted there would break the sentence.
 */
function sentenceInsertion(s: Sentences, parts: StatementPart[], missing: StatementPart[], language: Language): TextEdit[] | undefined {
  const order = (id: string): number => parts.findIndex((p) => p.id === id);
  const lastPresent = Math.max(...[...s.parts].map(order));
  if (missing.some((p) => order(p.id) < lastPresent)) return undefined;
  const clauses = missing.map((p, i) => {
    const t = pickTemplate(p, language);
    return i === 0 ? t : t.charAt(0).toLocaleLowerCase(language) + t.slice(1);
  });
  const text = (s.punctuated ? ' ' : '. ') + clauses.join(', ') + '.';
  return [{ span: { start: s.span.end, end: s.span.end }, newText: text }];
}
