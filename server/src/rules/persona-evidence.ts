/**
 * persona-evidence — a persona shows no sign of research: no customer quote and no data
 * sources (docs/methodology.md, "The comprehensive persona": a persona is trustworthy rather
 * than invented when it holds real customer quotes and names the research behind it). The
 * finding is on the persona's title.
 *
 * A customer quote is any of: a Quote or Real Quotes section with content; a quote field
 * (`**Quote**:`, as a pain point often has one; the labels are the lexicon's `quoteKeys`); or
 * what model/evidence.ts `customerQuotes` takes for one — a block quote with an attribution
 * (`— Dana, VP Eng`), a quoted sentence that stands as an item, a cell or a field value, a
 * quotation inside a pain point — outside Messaging and Marketing Tactics, where quoted text
 * is our own copy rather than the customer's voice. A scare-quote inside a sentence (`we need "this"`, `the "single pane of
 * glass" pitch`) is not a quote.
 * Data sources are a Data Sources section with content, a section that lists research with
 * counts whatever its heading (`## Research behind this persona`), or research counts
 * anywhere (`model/evidence.ts` `researchCounts`): `15 interviews`, `interviewed 14
 * customers`, `n=120`, `Survey of 212 engineers`, `9 win/loss deal reviews`, `15 интервью`,
 * `опрос 120 клиентов`, `разбор 12 сделок`.
 *
 * A Quote, Real Quotes or Data Sources section, or a quote field, that still holds only its
 * template is a slot waiting to be filled: the placeholder rule reports it, so this rule
 * does not report the same gap again. With `requireBoth`, a persona needs a quote and data
 * sources, each reported on its own.
 */
import { customerQuotes, researchCounts } from '../model/evidence';
import { quoteKeys } from '../model/lexicon';
import type { Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { sectionFields } from '../model/items';
import { blankPlaceholders, isUnfilled, linesBetween, sectionLines, spanTest, type Line } from './content/lines';
import { documentSpan } from './util/report';
import { defineRule } from './types';

interface Options {
  /** A quoted sentence needs at least this many words to count as a customer quote. */
  minQuoteWords: number;
  /** Require a quote and data sources, not just one of them. */
  requireBoth: boolean;
}

type State = 'present' | 'unfilled' | 'absent';

/** Sections whose quoted text is our own copy (value proposition, headlines, calls to action). */
const OWN_WORDS = new Set(['messaging', 'marketing-tactics']);

export default defineRule<Options>({
  id: 'persona-evidence',
  severity: 'warning',
  kinds: ['persona'],
  description: 'A persona shows evidence of research: a customer quote or data sources (interview and survey counts).',
  messages: {
    none: 'Persona "{persona}" has no customer quote and no data sources (interview or survey counts); base personas on research, not assumptions',
    noQuote: 'Persona "{persona}" has no customer quote; add real quotes from interviews',
    noSources: 'Persona "{persona}" names no data sources (interview or survey counts)',
  },
  defaults: { minQuoteWords: 3, requireBoth: false },
  optionsSchema: {
    type: 'object',
    properties: {
      minQuoteWords: {
        type: 'integer',
        minimum: 1,
        description: 'A quoted sentence needs at least this many words to count as a customer quote.',
      },
      requireBoth: { type: 'boolean', description: 'Require both a customer quote and data sources, instead of either.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc } = ctx;
    const quote = quoteState(ctx.doc, ctx.match.byId, ctx.options.minQuoteWords);
    const sources = sourcesState(ctx.doc, ctx.match.byId);
    const span = documentSpan(doc);
    const persona = personaName(ctx.kind.headingPatterns, doc.title?.text ?? '');
    if (ctx.options.requireBoth) {
      if (quote === 'absent' && sources === 'absent') ctx.report({ message: 'none', args: { persona }, span });
      else if (quote === 'absent') ctx.report({ message: 'noQuote', args: { persona }, span });
      else if (sources === 'absent') ctx.report({ message: 'noSources', args: { persona }, span });
      return;
    }
    if (quote === 'absent' && sources === 'absent') ctx.report({ message: 'none', args: { persona }, span });
  },
});

/** The persona's name: the title without the kind's own words (`Persona: `, `Персона — `). */
function personaName(patterns: readonly RegExp[], title: string): string {
  for (const p of patterns) {
    const m = p.exec(title);
    if (m && m.index === 0 && m[0].length < title.length) return title.slice(m[0].length).trim();
  }
  return title;
}

function combine(states: State[]): State {
  if (states.includes('present')) return 'present';
  if (states.includes('unfilled')) return 'unfilled';
  return 'absent';
}

/** A section's state: absent when missing or empty, unfilled when only its template, else present. */
function sectionState(doc: SegDocument, section: Section | undefined): State {
  if (!section) return 'absent';
  const lines = sectionLines(doc, section);
  if (!lines.some((l) => l.text.trim() !== '')) return 'absent';
  return isUnfilled(doc, lines) ? 'unfilled' : 'present';
}

/** Text that is not the persona's content: front matter, comments and the title line. */
function excluded(doc: SegDocument): Span[] {
  const out: Span[] = doc.comments.map((c) => c.span);
  if (doc.frontMatter) out.push(doc.frontMatter.span);
  if (doc.title) out.push(doc.title.span);
  return out;
}

function quoteState(doc: SegDocument, byId: Map<string, Section>, minWords: number): State {
  const quoteSections = [byId.get('quote'), byId.get('real-quotes')].filter((x): x is Section => x !== undefined);
  const states: State[] = quoteSections.map((section) => sectionState(doc, section));
  for (const section of doc.allSections) {
    for (const f of sectionFields(section)) {
      if (!quoteKeys.has(f.key)) continue;
      const line: Line = { text: f.value.text, start: f.value.span.start, end: f.value.span.end };
      if (!f.value.text) continue;
      states.push(/[\p{L}\p{N}]/u.test(blankPlaceholders(doc, line)) ? 'present' : 'unfilled');
    }
  }
  if (states.includes('present')) return 'present';

  const exclude: Span[] = [];
  for (const id of OWN_WORDS) {
    const s = byId.get(id);
    if (s) exclude.push({ start: s.span.start, end: s.span.end });
  }
  const pain = byId.get('pain-points');
  const quotes = customerQuotes(doc, { minWords, quoteSections, ...(pain ? { painSections: [pain] } : {}), exclude });
  if (quotes.length) return 'present';
  return combine(states);
}

function sourcesState(doc: SegDocument, byId: Map<string, Section>): State {
  const section = sectionState(doc, byId.get('data-sources'));
  if (section === 'present') return 'present';
  // A research section under any heading (model/evidence.ts isResearchSection) holds a
  // count, so the counts anywhere below cover it.
  const skip = spanTest(excluded(doc));
  for (const line of linesBetween(doc, 0, doc.text.length)) {
    if (skip(line.start)) continue;
    if (researchCounts(blankPlaceholders(doc, line), { language: doc.language }).length) return 'present';
  }
  return section;
}
