/**
 * Evidence of research in a document, as people write it: customer quotes and research
 * counts (interviews, surveys, deal reviews). Plain functions over the model; the sections
 * that hold quotes or pain points are passed in by the caller, since the model does not know
 * the kind schemas.
 *
 * A customer quote is:
 * - a block quote with an attribution (`— Dana, VP Eng at Acme`, `- CTO, fintech, interview
 *   #4`, `(Head of Ops, interview)`), or any block quote in a quote section, or one whose
 *   text is a quoted sentence (`> "I want my team building the paved road"`);
 * - a quoted sentence that stands on its own: the whole list item, table cell, line or field
 *   value (`"We lose two days every month closing the books" — Controller`), or introduced
 *   by a colon, a dash or a speech verb (`As one CFO put it: «…»`, `говорит: «…»`);
 * - a quoted sentence inside a pain point (an item of a pain section) that is not part of
 *   the sentence around it.
 * Not a quote: a scare-quote or a quoted term inside a sentence (`we need "this"`, `the
 * "single pane of glass" pitch`), a quotation shorter than `minWords` words, GitHub alerts
 * (`> [!NOTE]`), and anything in front matter, comments, code, the title or `exclude`.
 * Quotes in "…", “…”, «…» and „…“ alike; template placeholders inside them are not words.
 *
 * A research count is a number with a research word next to it: `14 interviews`,
 * `interviewed 14 customers`, `a survey of 212`, `survey (n=212)`, `212 survey responses`,
 * `9 win/loss deal reviews`, `18 интервью`, `опрос 212 клиентов`, `опросили 300 человек`,
 * `разбор 12 сделок`. Deal, call and ticket counts need a word saying they were studied
 * (`win/loss`, `reviewed`, `support`, `recorded`, `разбор`), so that `handles 200 tickets a
 * week` describes a job, not a study.
 *
 * The words — speech verbs, attribution and research words, people — are the lexicon's
 * (model/lexicon), every language at once; this module holds only how they are read.
 */
import type { Span } from '../parse/text';
import {
  alternation,
  attributionWords,
  researchLine,
  researchPeople,
  researchSources,
  researchVerbs,
  speechWords,
  type ResearchSource,
} from './lexicon';
import { findQuantities } from './numbers';
import { findPlaceholders } from './placeholders';
import type { Language, Section, SegDocument, TextRun } from './types';

export interface QuoteOptions {
  /** A quotation needs at least this many words (persona-evidence's `minQuoteWords`). */
  minWords?: number;
  /** Sections that hold quotes (Quote, Real Quotes): any block quote or listed quotation in them counts. */
  quoteSections?: readonly Section[];
  /** Sections whose items are pain points: a quotation inside an item counts. */
  painSections?: readonly Section[];
  /** Text that is not the customer's voice (our own messaging): never read. */
  exclude?: readonly Span[];
}

/** The customer quotes of a document (see the header), in document order. */
export function customerQuotes(doc: SegDocument, options: QuoteOptions = {}): TextRun[] {
  const minWords = Math.max(1, options.minWords ?? 3);
  const skip = skipped(doc, options.exclude ?? []);
  const quoteRegions = (options.quoteSections ?? []).map((s) => s.span);
  const painRegions = (options.painSections ?? []).map((s) => s.span);
  const out: TextRun[] = [];
  const blocks: Span[] = [];

  for (const section of [doc.preamble, ...doc.allSections]) {
    for (const span of section.otherBlocks) {
      if (!/^[ \t]{0,3}>/.test(doc.text.slice(span.start, span.start + 8))) continue;
      blocks.push(span);
      if (inSpans(span.start, skip)) continue;
      if (isQuoteBlock(doc, span, minWords, inSpans(span.start, quoteRegions)))
        out.push({ text: doc.text.slice(span.start, span.end).trim(), span });
    }
  }

  const lines = doc.lines;
  for (let n = 0; n < lines.lineCount; n++) {
    const start = lines.lineStart(n);
    const end = lines.lineEnd(n);
    if (end <= start || inSpans(start, skip) || inSpans(start, blocks)) continue;
    const raw = blank(doc, doc.text.slice(start, end), start);
    if (!/["“«„]/.test(raw)) continue;
    const inQuotes = inSpans(start, quoteRegions);
    const inPain = inSpans(start, painRegions);
    for (const unit of units(raw)) {
      for (const q of quotations(raw, unit)) {
        if (wordCount(q.inner) < minWords) continue;
        if (
          inQuotes ||
          (introduces(textBefore(raw, unit.start, q.start)) && (inPain || closes(textAfter(raw, q.end, unit.end))))
        ) {
          out.push({ text: raw.slice(q.start, q.end), span: { start: start + q.start, end: start + q.end } });
        }
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

export type { ResearchSource } from './lexicon';

export interface ResearchCount {
  source: ResearchSource;
  count: number;
  /** The number, relative to the text passed in. */
  span: Span;
}

/** Research counts in a text (see the header); spans are relative to `text`. */
export function researchCounts(text: string, options: { language?: Language } = {}): ResearchCount[] {
  if (!/\d/.test(text)) return [];
  const out: ResearchCount[] = [];
  for (const q of findQuantities(text, options.language ? { language: options.language } : {})) {
    if (q.kind !== 'count' && q.kind !== 'number') continue;
    const sample = /^n\s*=/i.test(q.text);
    const digits = q.text.replace(/^n\s*=\s*/i, '');
    // Only a few words either side matter: a window keeps a line of many numbers linear.
    const after = expand(words(clauseAfter(text.slice(q.span.end, q.span.end + CLAUSE_WINDOW))).slice(0, 5));
    const before = expand(
      words(clauseBefore(text.slice(Math.max(0, q.span.start - CLAUSE_WINDOW), q.span.start), sample))
        .slice(-3)
        .reverse(),
    );
    // A year is not a count (`2026 survey`), unless people follow it (`2000 respondents`).
    if (!sample && /^(?:19[5-9]\d|20\d\d)$/.test(digits) && !after.slice(0, 2).some((w) => researchPeople.test(w))) continue;
    const source = sourceOf(after, before, sample);
    if (source) out.push({ source, count: q.value, span: q.span });
  }
  return out;
}

/**
 * Whether a section (with its subsections) lists research with counts, whatever its heading
 * says: at least one count of interviews, surveys or deal reviews, and research is what most
 * of its lines are about (so a pain point that mentions "200 support tickets" does not make
 * Pain Points a list of data sources).
 */
export function isResearchSection(doc: SegDocument, section: Section): boolean {
  // The title's section is the whole document; subsections count as part of a section.
  if (section.heading.depth < 2) return false;
  const start = section.heading.span.end;
  const end = section.span.end;
  if (end <= start) return false;
  const skip = skipped(doc, []);
  let lines = 0;
  let research = 0;
  let counted = false;
  for (let n = doc.lines.lineAt(start); n < doc.lines.lineCount; n++) {
    const ls = Math.max(doc.lines.lineStart(n), start);
    if (ls >= end) break;
    const le = Math.min(doc.lines.lineEnd(n), end);
    if (inSpans(ls, skip)) continue;
    const text = blank(doc, doc.text.slice(ls, le), ls);
    // Headings, table delimiter rows and blank lines are not content.
    if (!/[\p{L}\p{N}]/u.test(text) || /^\s*#{1,6}\s/.test(text) || /^\s*\|?[\s:|-]*$/.test(text)) continue;
    if (/^\s*\|/.test(text) && isHeaderRow(doc, n)) continue;
    lines++;
    const counts = researchCounts(text, { language: doc.language });
    if (counts.some((c) => c.source === 'interviews' || c.source === 'surveys' || c.source === 'deal-reviews')) counted = true;
    if (counts.length || researchLine.test(text)) research++;
  }
  return counted && research * 2 > lines;
}

// ---------------------------------------------------------------------------------------
// Quotes

const OPEN_CLOSE: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };

/** A quotation inside a unit of a line: offsets into the line. */
interface Quotation {
  start: number;
  end: number;
  inner: string;
}

function quotations(line: string, unit: Span): Quotation[] {
  const out: Quotation[] = [];
  let i = unit.start;
  while (i < unit.end) {
    const open = line[i]!;
    const close = OPEN_CLOSE[open];
    if (!close) {
      i++;
      continue;
    }
    let j = line.indexOf(close, i + 1);
    if (open === '„' && j < 0) j = line.indexOf('”', i + 1);
    if (j < 0 || j >= unit.end) {
      i++;
      continue;
    }
    out.push({ start: i, end: j + 1, inner: line.slice(i + 1, j) });
    i = j + 1;
  }
  return out;
}

/**
 * The parts of a line that stand on their own: the line without its container markers
 * (indentation, `>`, list marker, task box) and leading bold label, or each cell of a table
 * row.
 */
function units(line: string): Span[] {
  const lead = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/.exec(line)?.[0].length ?? 0;
  const rest = line.slice(lead);
  if (/^\|/.test(rest.trimStart())) {
    const out: Span[] = [];
    let from = lead;
    for (let k = lead; k <= line.length; k++) {
      if (k === line.length || (line[k] === '|' && line[k - 1] !== '\\')) {
        if (k > from) out.push({ start: from, end: k });
        from = k + 1;
      }
    }
    return out.map((s) => ({ start: s.start + labelLength(line.slice(s.start, s.end)), end: s.end }));
  }
  return [{ start: lead + labelLength(rest), end: line.length }];
}

/** Length of a leading `**Label**:` / `**Label:**` / `Label:` of a field (not of a quote). */
function labelLength(text: string): number {
  const m = /^[ \t]*(?:\*\*[^*\n"“«„]+?\*\*[ \t]*:|\*\*[^*\n"“«„]+?:\*\*|__[^_\n"“«„]+?__[ \t]*:)/u.exec(text);
  return m ? m[0].length : 0;
}

/** Emphasis markers and white space: what `bare` drops around a quotation. */
function isBareSpace(c: string): boolean {
  return c === '*' || c === '_' || c === '~' || c === '`' || /\s/.test(c);
}

/** How much of the text before a quotation is read: enough for the longest speech phrase. */
const INTRO_WINDOW = 120;

/**
 * The text before a quotation as introduces() reads it: `bare` of the unit up to the quote,
 * but only its end (the scan back stops at the first character that stays), so that a line of
 * many quotations is read in linear time.
 */
function textBefore(line: string, from: number, to: number): string {
  let k = to;
  while (k > from && isBareSpace(line[k - 1]!)) k--;
  return k === from ? '' : bare(line.slice(Math.max(from, k - INTRO_WINDOW), k));
}

/** The text after a quotation as closes() reads it: empty, or from its first character that stays. */
function textAfter(line: string, from: number, to: number): string {
  let k = from;
  while (k < to && isBareSpace(line[k]!)) k++;
  return k === to ? '' : bare(line.slice(k, Math.min(to, k + 8)));
}

/** Text around a quotation without emphasis markers and spaces. */
function bare(text: string): string {
  return text.replace(/[*_~`]+/g, '').trim();
}

/** Speech verbs and labels that introduce a quotation (the lexicon's speech words), ending the text before it. */
const SPEECH = new RegExp(`(?:^|[^\\p{L}])(?:${speechWords.source})[ \\t]*[,:—–-]?$`, speechWords.flags);

/** Whether the text before a quotation leaves it standing: nothing, a colon or dash, or a speech verb. */
function introduces(before: string): boolean {
  if (before === '') return true;
  if (/[:—–-]$/.test(before)) return true;
  return SPEECH.test(before);
}

/** Whether the text after a quotation ends it: nothing, punctuation, an attribution or a note. */
function closes(after: string): boolean {
  return after === '' || /^[.,!?;:)\]…—–-]/.test(after) || /^\(/.test(after);
}

function wordCount(text: string): number {
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length;
}

/** An attribution: a dash line or a dash after the quote, or a closing parenthetical. */
const ATTRIBUTION_LINE = /^[ \t]*(?:[—–―]|--?)[ \t]*\p{L}/u;
const ATTRIBUTION_END = new RegExp(
  `(?:["”».!?…][ \\t]*(?:[—–―]|--?)[ \\t]*\\p{L}[^\\n]{0,120}|\\((?=[^()\\n]*(?:,|${alternation(attributionWords)})|\\p{Lu})[^()\\n]{2,120}\\))[ \\t]*$`,
  'u',
);

/** Whether a block quote is a customer quote (see the header). */
function isQuoteBlock(doc: SegDocument, span: Span, minWords: number, inQuoteSection: boolean): boolean {
  const body = doc.text
    .slice(span.start, span.end)
    .split(/\r?\n/)
    .map((l) => bare(blank(doc, l.replace(/^(?:[ \t]*>)+[ \t]?/, ''), -1)))
    .filter((l) => l !== '');
  if (!body.length || /^\[!\w+\]/.test(body[0]!)) return false;
  const words = wordCount(body.join(' '));
  if (words < minWords) return false;
  if (inQuoteSection) return true;
  const last = body[body.length - 1]!;
  if (body.length > 1 && ATTRIBUTION_LINE.test(last) && wordCount(last) <= 16) return true;
  if (ATTRIBUTION_END.test(last) && wordCount(body.join(' ').replace(ATTRIBUTION_END, '')) >= minWords) return true;
  // The whole block is one quotation.
  const joined = body.join(' ');
  const open = joined[0]!;
  const close = OPEN_CLOSE[open];
  return close !== undefined && joined.lastIndexOf(close) > 0 && closes(bare(joined.slice(joined.lastIndexOf(close) + 1)));
}

// ---------------------------------------------------------------------------------------
// Research counts

// What a count counts (researchSources), the verbs before it that make it research
// (researchVerbs), people (researchPeople) and lines about research (researchLine) are the
// lexicon's research words (model/lexicon), every language at once.

/** The words of a text, lower case; a hyphenated word also gives its parts (`closed-won` → closed, won). */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/\p{L}[\p{L}-]*/gu) ?? []
  );
}

function expand(list: string[]): string[] {
  return list.flatMap((w) => (w.includes('-') ? [w, ...w.split('-').filter(Boolean)] : [w]));
}

/** How far from a number its clause is read (enough for the words sourceOf looks at). */
const CLAUSE_WINDOW = 240;

/** The text after a number up to the end of its clause. */
function clauseAfter(text: string): string {
  return text.split(/[;.!?(\n]|,\s/)[0] ?? '';
}

/** The text before a number back to the start of its clause (`Survey (n=212)` crosses the parenthesis). */
function clauseBefore(text: string, sample: boolean): string {
  const parts = text.split(sample ? /[;.!?)\n]|,\s/ : /[;.!?()\n]|,\s/);
  return parts[parts.length - 1] ?? '';
}

function sourceOf(after: string[], before: string[], sample: boolean): ResearchSource | undefined {
  const near = [...after, ...before];
  for (const words of [after, before]) {
    for (const w of words) {
      for (const s of researchSources) {
        if (!s.word.test(w)) continue;
        if (s.cue && !near.some((x) => x !== w && s.cue!.test(x)) && !s.cue.test(w)) continue;
        return s.source;
      }
    }
  }
  for (const w of before) for (const v of researchVerbs) if (v.word.test(w)) return v.source;
  return sample ? 'other' : undefined;
}

// ---------------------------------------------------------------------------------------
// Shared

/** What is never the document's content: front matter, comments, code and the title. */
function skipped(doc: SegDocument, extra: readonly Span[]): Span[] {
  const out: Span[] = [...doc.comments.map((c) => c.span), ...doc.codeSpans, ...extra];
  if (doc.frontMatter) out.push(doc.frontMatter.span);
  if (doc.title) out.push(doc.title.span);
  return out;
}

function inSpans(offset: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

/**
 * The text with every template placeholder (`[Quote]`) blanked out, keeping offsets; `at` is
 * the text's document offset (negative: read the text alone).
 */
function blank(doc: SegDocument, text: string, at: number): string {
  if (!text.includes('[') && !text.includes('YYYY') && !text.includes('ГГГГ')) return text;
  const found =
    at >= 0 ? findPlaceholders(doc.text, doc.definitions, [], at, at + text.length) : findPlaceholders(text, doc.definitions);
  const base = at >= 0 ? at : 0;
  if (!found.length) return text;
  // One pass: a line of 50,000 placeholders must not be rebuilt 50,000 times.
  const parts: string[] = [];
  let at2 = 0;
  for (const p of found) {
    const s = Math.max(at2, p.span.start - base);
    const e = p.span.end - base;
    if (e <= s) continue;
    parts.push(text.slice(at2, s), ' '.repeat(e - s));
    at2 = e;
  }
  parts.push(text.slice(at2));
  return parts.join('');
}

/** Whether line `n` is a table's header row (the next line is its delimiter row). */
function isHeaderRow(doc: SegDocument, n: number): boolean {
  if (n + 1 >= doc.lines.lineCount) return false;
  return /^\s*\|?\s*:?-{2,}/.test(doc.text.slice(doc.lines.lineStart(n + 1), doc.lines.lineEnd(n + 1)));
}
