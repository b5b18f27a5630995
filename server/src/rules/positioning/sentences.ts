/**
 * A positioning statement written as sentences: one to three sentences that open with the
 * `For` part — a paragraph, a list item, a block quote, a table cell, maybe after a label
 * (`**Positioning statement**: For …`): `For platform teams who lose a day per release to
 * flaky pipelines, Shipyard is a CI service that cuts build times in half. Unlike Jenkins, it
 * needs no servers to babysit.` Its parts are read from the words that join them (`who` /
 * `которые`, `is` / `— это`, `that` / `который`, `unlike` / `в отличие от`, in any case; see
 * partsOfSentences), generously: a part that may be there counts as there. The sentences
 * after the first belong to the statement when they hold its contrast or start with "Our".
 */
import type { Language, Section, SegDocument } from '../../model/types';
import type { Span } from '../../parse/text';
import { containerPrefix, sectionLines, type Line } from '../content/lines';
import type { StatementPart } from '../content/schema';
import type { TextEdit } from '../types';
import { FENCE, LIST_ITEM, OPENING_QUOTE, pickTemplate, TABLE_ROW, wordsStart, type PartWords } from './parts';

/** A statement written as one to three sentences, with the parts it has. */
export interface Sentences {
  parts: Set<string>;
  span: Span;
  /** Whether the sentence ends with a mark of its own (`.`, `!`, `?`, `…`). */
  punctuated: boolean;
}

/** A run of text with the document offset of each of its characters. */
interface Flat {
  text: string;
  offsets: number[];
  /** Where each source line after the first begins in `text`. */
  lineStarts: number[];
}

const W = '[\\p{L}\\p{N}]';
const word = (alternatives: string): RegExp => new RegExp(`(?<!${W})(?:${alternatives})(?!${W})`, 'giu');
/** Russian participles (`теряющих`, `сокращающий`, `уставших`): a need or a benefit without `который`. */
const PARTICIPLE_RU = '\\p{L}{2,}(?:ющ|ящ|ущ|ащ|вш)(?:ий|ая|ее|ие|их|им|ими|его|ей|ему|ую)';
/** An English `-ing` verb followed by what a verb takes (`drowning in`, `losing a day`), not `engineering teams`. */
const ING_VERB =
  '\\p{L}{3,}ing(?=[ \\t]+(?:in|into|with|on|to|for|through|under|over|the|a|an|their|its|his|her|more|too|hours|days|weeks|dozens|every|each|multiple|\\d))';
const WHO = word(
  `who|whose|that|which|looking|struggling|trying|needing|wanting|tired|frustrated|fed[ \\t]+up|stuck|burdened|suffering|seeking|${ING_VERB}|котор\\p{L}*|кому|кто|чей|чья|чьё|чье|чьи|${PARTICIPLE_RU}`,
);
const COPULA = word('is|are|это|является|являются|представляет[ \\t]+собой|представляют[ \\t]+собой');
/** A dash between a name and its category (`Shipyard — CI-сервис`), read as a copula only after the need. */
const DASH = /[ \t][—–][ \t]/gu;
const BENEFIT = word(
  `that|which|who|helps|helping|lets|letting|enables|enabling|so[ \\t]+that|котор\\p{L}*|что|помогает|позволяет|${PARTICIPLE_RU}`,
);
const UNLIKE = word(
  'unlike|in[ \\t]+contrast[ \\t]+to|compared[ \\t]+(?:to|with)|as[ \\t]+opposed[ \\t]+to|в[ \\t]+отличи[еи][ \\t]+от|по[ \\t]+сравнению[ \\t]+с|в[ \\t]+противовес|в[ \\t]+противоположность',
);
const OUR = word('our|наш|наша|наше|наши|нашего|нашей');
const OUR_PRODUCT = word('our[ \\t]+product|наш[ \\t]+продукт');
/** Words before a `.` that do not end a sentence. */
const ABBREVIATION =
  /(?<![\p{L}\p{N}])(?:e\.g|i\.e|vs|etc|inc|ltd|corp|co|approx|mr|ms|dr|no|т\.е|т\.д|т\.п|т\.к|др|пр|г|гг|ок|млн|млрд|тыс|руб|долл|мес|\p{L})$/iu;
/** A label before a statement: `**Positioning statement**:`, `Позиционирование —`. */
const LABEL = /^(?:\*\*|__)?[^\s:*_|.!?][^:*_|.!?\n]{0,60}?(?:\*\*|__)?[ \t]*(?::|—|–)(?:\*\*|__)?[ \t]*/u;

function firstMatch(re: RegExp, text: string, from: number, to = text.length): { index: number; end: number } | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return undefined;
  return { index: m.index, end: m.index + m[0].length };
}

/** Where the sentences of `text` end (a `.` after an abbreviation ends none), and its end. */
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

/** Where the statement's sentences end: the first sentence, and each next one (up to three) that holds its contrast or starts with "Our". */
function statementEnd(text: string, ends: readonly number[]): number {
  let end = ends[0]!;
  for (let i = 1; i < ends.length && i < 3; i++) {
    const s = text.slice(end, ends[i]).replace(/^[\s"“«„']+/u, '');
    const extra = firstMatch(UNLIKE, s, 0) !== undefined || firstMatch(OUR, s, 0)?.index === 0;
    if (!extra) break;
    end = ends[i]!;
  }
  return end;
}

/**
 * The parts a statement written as sentences has. `text` starts at its "For" part when
 * `opensWithFor`. The need is a relative clause (`who`, `which`, `которые`, a participle)
 * before the category; the category is the first `is` / `это` after the first comma (the
 * need's end) or, without one, the first at all; the benefit is a relative clause after it
 * (`that`, `который`), or the category is an apposition followed by one (`Shipyard, the CI
 * service that …`); the contrast is `Unlike` / `В отличие от` anywhere, and the
 * differentiation is what the contrast is set against (see contrastParts).
 */
function partsOfSentences(
  text: string,
  opensWithFor: boolean,
  lineStarts: readonly number[] = [],
): { parts: Set<string>; end: number; punctuated: boolean } {
  const ends = sentenceEnds(text);
  const end = statementEnd(text, ends);
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
    if (setAgainstContrast(t, unlike, ends, lineStarts)) parts.add('product');
  } else if (firstMatch(OUR_PRODUCT, t, from)) {
    parts.add('product');
  }
  return { parts, end, punctuated: /[.!?…]$/u.test(t) };
}

/**
 * Whether the statement says what its contrast (`unlike`) is set against, its differentiation:
 * the clause after the contrast, an "Our" after it, or the clause before it when it closes
 * the sentence (`…, unlike Jenkins`).
 */
function setAgainstContrast(
  t: string,
  unlike: { index: number; end: number },
  ends: readonly number[],
  lineStarts: readonly number[],
): boolean {
  const rest = t.slice(unlike.end);
  const sentenceStart = Math.max(0, ...ends.filter((e) => e <= unlike.index));
  // A contrast that opens a line is a line of the template, not the end of a sentence.
  const opensLine = lineStarts.some((l) => t.slice(l, unlike.index).trim() === '');
  const midSentence = !opensLine && /[\p{L}\p{N}]/u.test(t.slice(sentenceStart, unlike.index));
  return (
    /[,;—–][ \t]*(?:[\p{L}\p{N}"“«]+[ \t,]+){1,}[\p{L}\p{N}]/u.test(rest) || firstMatch(OUR, rest, 0) !== undefined || midSentence
  );
}

/**
 * The blocks of a section's own lines that may hold a statement: paragraphs (a block quote's
 * too), list items with their continuation lines, and table rows, each a run of lines.
 */
export function blocksOf(doc: SegDocument, section: Section): Line[][] {
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
function forAt(line: Line, words: PartWords): number | undefined {
  const lead = wordsStart(line.text);
  if (words.partAt(line.text, lead) === 'for') return line.start + lead;
  const starts: number[] = [];
  const label = LABEL.exec(line.text.slice(lead));
  if (label) starts.push(lead + label[0].length);
  if (TABLE_ROW.test(line.text))
    for (let i = line.text.indexOf('|'); i >= 0; i = line.text.indexOf('|', i + 1)) starts.push(i + 1);
  for (let at of starts) {
    at += /^[ \t]*/.exec(line.text.slice(at))![0].length;
    at += OPENING_QUOTE.exec(line.text.slice(at))?.[0].length ?? 0;
    at += /^(?:\*\*|__)?/.exec(line.text.slice(at))![0].length;
    if (words.partAt(line.text, at) === 'for') return line.start + at;
  }
  return undefined;
}

/** The statements written as sentences in a block: each opens at a "For" and ends with its sentences, or at the next "For" line. */
export function sentenceStatements(doc: SegDocument, block: Line[], words: PartWords): Sentences[] {
  const out: Sentences[] = [];
  let after = -1;
  for (const line of block) {
    if (line.end <= after) continue;
    const at = forAt(line, words);
    if (at === undefined || at < after) continue;
    const s = sentencesAt(doc, block, at, true, words);
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
function flatten(doc: SegDocument, lines: Line[], start: number, words: PartWords): Flat {
  let text = '';
  const offsets: number[] = [];
  const lineStarts: number[] = [];
  for (const line of lines) {
    if (line.end <= start) continue;
    if (line.start > start && words.spelledPart(line.text) === 'for') break;
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
export function sentencesAt(
  doc: SegDocument,
  block: Line[],
  at: number,
  opensWithFor: boolean,
  words: PartWords,
): Sentences | undefined {
  const flat = flatten(doc, block, at, words);
  if (!flat.text.trim()) return undefined;
  const read = partsOfSentences(flat.text, opensWithFor, flat.lineStarts);
  let last = read.end;
  while (last > 0 && /\s/.test(flat.text[last - 1]!)) last--;
  if (last === 0) return undefined;
  const end = flat.offsets[last - 1]! + 1;
  return { parts: read.parts, span: { start: at, end }, punctuated: read.punctuated };
}

/** The statement written as sentences that opens a block, "For" or not (a statement in its own words). */
export function sentencesOpening(doc: SegDocument, block: Line[], words: PartWords): Sentences | undefined {
  return sentencesAt(doc, block, block[0]!.start + wordsStart(block[0]!.text), false, words);
}

/**
 * The edit completing a statement written as sentences, when what it lacks closes the
 * template: the missing parts appended as one more sentence, in the document's language.
 * Undefined when a part it lacks comes before one it has (the need, the category): a line
 * inserted there would break the sentence.
 */
export function sentenceInsertion(
  s: Sentences,
  parts: readonly StatementPart[],
  missing: readonly StatementPart[],
  language: Language,
): TextEdit[] | undefined {
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
