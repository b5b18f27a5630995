/**
 * research-sample — the research behind a segment is large enough: the persona research
 * methods ask for customer interviews with 10–15 people per segment and surveys of 100 or
 * more per segment, and the segmentation checklist's "sample size sufficient" repeats it
 * (100+ quantitative, 10+ qualitative per segment; docs/methodology.md "The comprehensive
 * persona"). A team standard may ask for more — 20–30 interviews per segment is one — and
 * sets `minInterviews` to 20.
 *
 * A persona stands for one segment, so the counts of its Data Sources (or of a section that
 * lists research under another heading: `## 🔬 Research`) are that segment's. Interviews are
 * the qualitative count: customer interviews and win/loss reviews, which the research methods
 * list among the qualitative ones, together. Counts of the same kind are added up (`6 interviews in March, 8 in June` is 14), which can only make a
 * sample look larger, never smaller. A segmentation covers several segments, so only counts
 * it gives per segment are read (`12 interviews per segment`, `по 12 интервью на сегмент`).
 * Counts are model/evidence.ts `researchCounts`; a Data Sources section without counts says
 * nothing about size and is left to persona-evidence.
 */
import { isResearchSection, researchCounts } from '../model/evidence';
import type { Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { blankPlaceholders, sectionLines } from './content/lines';
import { defineRule } from './types';

export interface ResearchSampleOptions {
  /** Fewest customer interviews per segment. */
  minInterviews: number;
  /** Fewest survey responses per segment. */
  minSurveyResponses: number;
}

/** `per segment`, `each segment`, `на сегмент`, `в каждом сегменте`, close after a count, with no other number between. */
const PER_SEGMENT =
  /^[^.;\n\d]{0,30}?(?<![\p{L}])(?:per|each|every|a)[ \t]+segment|^[^.;\n\d]{0,30}?(?<![\p{L}])(?:на|в|по)[ \t]+(?:кажд\p{L}*[ \t]+)?сегмент/iu;

interface Tally {
  count: number;
  span: Span;
}

/** The sections that hold the document's research: Data Sources and any research section, outermost only. */
function researchSections(doc: SegDocument, byId: Map<string, Section>): Section[] {
  const out: Section[] = [];
  const own = byId.get('data-sources');
  if (own) out.push(own);
  for (const s of doc.allSections)
    if (!out.some((o) => s.span.start >= o.span.start && s.span.end <= o.span.end) && isResearchSection(doc, s)) out.push(s);
  return out;
}

export default defineRule<ResearchSampleOptions>({
  id: 'research-sample',
  severity: 'info',
  kinds: ['persona', 'segmentation'],
  description:
    'The research behind a segment is large enough: at least 10 customer interviews and 100 survey responses per segment, as the persona research methods ask.',
  messages: {
    interviews:
      '{count} interviews (customer and win/loss) for the segment: the persona research methods ask for at least {minimum} per segment',
    surveys: 'A survey of {count} for the segment: the persona research methods ask for at least {minimum} responses per segment',
  },
  defaults: { minInterviews: 10, minSurveyResponses: 100 },
  optionsSchema: {
    type: 'object',
    properties: {
      minInterviews: {
        type: 'integer',
        minimum: 1,
        description:
          'Fewest interviews per segment, customer and win/loss together (the persona research methods: 10; a team standard may ask for 20–30).',
      },
      minSurveyResponses: {
        type: 'integer',
        minimum: 1,
        description: 'Fewest survey responses per segment (the persona research methods: 100).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc } = ctx;
    const perSegmentOnly = ctx.kind.kind !== 'persona';
    const tallies: Record<'interviews' | 'surveys', Tally[]> = { interviews: [], surveys: [] };
    for (const section of researchSections(doc, ctx.match.byId))
      for (const line of sectionLines(doc, section)) {
        const text = blankPlaceholders(doc, line);
        for (const c of researchCounts(text, { language: doc.language })) {
          // Win/loss interviews are qualitative research too (the persona research methods list them so).
          const kind =
            c.source === 'surveys'
              ? 'surveys'
              : c.source === 'interviews' || c.source === 'deal-reviews'
                ? 'interviews'
                : undefined;
          if (!kind) continue;
          if (perSegmentOnly && !PER_SEGMENT.test(text.slice(c.span.end))) continue;
          tallies[kind].push({ count: c.count, span: { start: line.start + c.span.start, end: line.start + c.span.end } });
        }
      }
    const minimum = { interviews: ctx.options.minInterviews, surveys: ctx.options.minSurveyResponses };
    for (const source of ['interviews', 'surveys'] as const) {
      const found = tallies[source];
      if (!found.length) continue;
      // A persona's counts add up; a segmentation's per-segment counts stand each on its own.
      const groups = perSegmentOnly ? found.map((f) => [f]) : [found];
      for (const group of groups) {
        const count = group.reduce((n, f) => n + f.count, 0);
        if (count < minimum[source])
          ctx.report({ message: source, args: { count, minimum: minimum[source] }, span: group[0]!.span });
      }
    }
  },
});
