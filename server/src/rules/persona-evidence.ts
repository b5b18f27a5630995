/**
 * persona-evidence — a persona shows no sign of research: no customer quote and no data
 * sources (seed 002, "Mistake 4: Made-Up Personas": "Based on 15 interviews, … — evidence-
 * based, with quotes and data"; "Evidence-Based Personas: … include actual quotes"). The
 * finding is on the persona's title.
 *
 * A customer quote is any of: a Quote or Real Quotes section with content; a `**Quote**:`
 * field (seed 002 gives each pain point one); a block quote; or a quoted sentence of a few
 * words ("…", “…”, «…») outside Messaging and Marketing Tactics, where quoted text is our own
 * copy rather than the customer's voice.
 * Data sources are a Data Sources section with content, or interview and survey counts
 * anywhere: `15 interviews`, `18 customer interviews`, `n=120`, `Survey of 212 engineers`,
 * `15 интервью`, `опрос 120 клиентов`.
 *
 * A Quote, Real Quotes or Data Sources section, or a quote field, that still holds only its
 * template is a slot waiting to be filled: the placeholder rule reports it, so this rule
 * does not report the same gap again. With `requireBoth`, a persona needs a quote and data
 * sources, each reported on its own.
 */
import { findQuantities } from '../model/numbers';
import type { Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { sectionFields } from '../schemas/validate';
import { blankPlaceholders, inSpans, isUnfilled, linesBetween, sectionLines, type Line } from './content/lines';
import { documentSpan } from './util/report';
import { defineRule } from './types';

interface Options {
  /** A quoted sentence needs at least this many words to count as a customer quote. */
  minQuoteWords: number;
  /** Require a quote and data sources, not just one of them. */
  requireBoth: boolean;
}

type State = 'present' | 'unfilled' | 'absent';

/** Field labels (normalised) that hold a customer quote. */
const QUOTE_KEYS = new Set(['quote', 'quotes', 'customer quote', 'real quote', 'цитата', 'цитаты', 'цитата клиента']);

/** Sections whose quoted text is our own copy (value proposition, headlines, calls to action). */
const OWN_WORDS = new Set(['messaging', 'marketing-tactics']);

const QUOTED = /"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»|„([^“”\n]+)[“”]/gu;

/** Words that make a number a count of research: interviews, surveys, respondents. */
const RESEARCH = /^(?:interview|survey|respondent|focus|интервью|опрос|респондент|анкет|фокус|глубинн)/iu;

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
      minQuoteWords: { type: 'integer', minimum: 1, description: 'A quoted sentence needs at least this many words to count as a customer quote.' },
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
  const states: State[] = [sectionState(doc, byId.get('quote')), sectionState(doc, byId.get('real-quotes'))];
  for (const section of doc.allSections) {
    for (const f of sectionFields(section)) {
      if (!QUOTE_KEYS.has(f.key)) continue;
      const line: Line = { text: f.value.text, start: f.value.span.start, end: f.value.span.end };
      if (!f.value.text) continue;
      states.push(/[\p{L}\p{N}]/u.test(blankPlaceholders(doc, line)) ? 'present' : 'unfilled');
    }
  }
  if (states.includes('present')) return 'present';

  const skip = excluded(doc);
  for (const id of OWN_WORDS) {
    const s = byId.get(id);
    if (s) skip.push({ start: s.span.start, end: s.span.end });
  }
  for (const line of linesBetween(doc, 0, doc.text.length)) {
    if (inSpans(line.start, skip)) continue;
    const text = blankPlaceholders(doc, line);
    // A block quote with words in it.
    if (/^[ \t]{0,3}>/.test(text) && /[\p{L}]/u.test(text.replace(/^[ \t]*(?:>[ \t]*)+/, ''))) return 'present';
    QUOTED.lastIndex = 0;
    for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
      const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
      if ((inner.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length >= minWords) return 'present';
    }
  }
  return combine(states);
}

function sourcesState(doc: SegDocument, byId: Map<string, Section>): State {
  const section = sectionState(doc, byId.get('data-sources'));
  if (section === 'present') return 'present';
  const skip = excluded(doc);
  for (const line of linesBetween(doc, 0, doc.text.length)) {
    if (inSpans(line.start, skip)) continue;
    if (countsResearch(doc, line)) return 'present';
  }
  return section;
}

/**
 * Whether a line counts interviews or surveys: a sample size (`n=120`), or a number with a
 * research word among the three words after it (`18 customer interviews`) or before it
 * (`Survey of 212 engineers`, `Интервью: 18`).
 */
function countsResearch(doc: SegDocument, line: Line): boolean {
  const text = blankPlaceholders(doc, line);
  if (!/\d/.test(text)) return false;
  for (const q of findQuantities(text, { language: doc.language })) {
    if (q.kind !== 'count' && q.kind !== 'number') continue;
    if (/^n\s*=/i.test(q.text)) return true;
    const after = text.slice(q.span.end).match(/\p{L}[\p{L}-]*/gu)?.slice(0, 3) ?? [];
    const before = text.slice(0, q.span.start).match(/\p{L}[\p{L}-]*/gu)?.slice(-3) ?? [];
    if ([...after, ...before].some((w) => RESEARCH.test(w))) return true;
  }
  return false;
}
