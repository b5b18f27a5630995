/**
 * company-size-band — a company-size band (SMB, Mid-Market, Enterprise) is stated beside an
 * employee count it cannot hold: `SMB (2,000 employees)`, `Enterprise, 50–200 сотрудников`.
 * The bands are the cloud segmentation's and the GTM template's segmentation by company size
 * (docs/methodology.md "Segmentation bases"): SMB under 500 employees, Mid-Market 500–5,000,
 * Enterprise 5,000 and more; a team with other bands sets them as options.
 *
 * Read on any line — a field (`- **Company Size**: Mid-Market (800 employees)`), a heading
 * (`### Segment 2: Mid-Market (500–5,000 employees)`), a table row — where the count of
 * employees follows the band's name closely: at most two words between them (`Mid-market
 * SaaS (200–1,000 employees)`, `Enterprise IT Directors, 1000+ employees`), so that a job title
 * or an `enterprise-grade` feature elsewhere on the line is not taken for a band. A count
 * contradicts its band only when none of it can lie inside: a range that reaches into the
 * band (`Mid-Market (200–1,000 employees)`), an open bound (`Enterprise (1,000+ employees)`,
 * `mostly <1000`), or a count on a band's edge is consistent. Fenced blocks are read too.
 */
import { employeeNouns } from '../model/lexicon';
import { findQuantities, type Quantity } from '../model/numbers';
import { blankPlaceholders, inSpans } from './content/lines';
import { defineRule } from './types';

type Band = 'smb' | 'midMarket' | 'enterprise';

interface Bounds {
  min?: number;
  max?: number;
}

export interface CompanySizeOptions {
  /** Employees of each band; a missing bound is open. */
  bands: Record<Band, Bounds>;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Band names, SMB's longest forms first so that `малый и средний бизнес` is SMB, not Mid-Market. */
const BAND = new RegExp(
  `${B}(?:` +
    `(?<smb>SMBs?|МСБ|small(?:[ \\t]*(?:[-/&]|and)[ \\t]*(?:medium|mid-?sized?))?[ \\t-]+(?:sized[ \\t]+)?business(?:es)?|мал(?:ый|ого|ому|ым|ом|ые|ых)(?:[ \\t]+и[ \\t]+средн\\p{L}*)?[ \\t]+бизнес\\p{L}*)` +
    `|(?<midMarket>mid[ \\t-]?market|средн(?:ий|его|ему|им|ем|ие|их)[ \\t]+бизнес\\p{L}*)` +
    `|(?<enterprise>enterprises?(?![ \\t-]*(?:grade|ready|level|class|wide)${E})|энтерпрайз|крупн(?:ый|ого|ому|ым|ом|ые|ых)[ \\t]+бизнес\\p{L}*)` +
    `)${E}`,
  'giu',
);

/** What may stand between a band and its count: punctuation and at most two words. */
const BETWEEN = /^[ \t]*(?:[-–—:,(][ \t]*)*(?:[\p{L}][\p{L}\p{N}-]*[ \t]*(?:[-–—:,(][ \t]*)*){0,2}$/u;

const DEFAULT_BANDS: Record<Band, Bounds> = { smb: { max: 500 }, midMarket: { min: 500, max: 5000 }, enterprise: { min: 5000 } };

const NAMES: Record<Band, string> = { smb: 'SMB', midMarket: 'Mid-Market', enterprise: 'Enterprise' };

/** Lowest and highest number of employees the count allows. */
function range(q: Quantity): { low: number; high: number } {
  const c = q.comparator;
  if (c === '<' || c === '<=') return { low: 0, high: q.value };
  if (c === '>' || c === '>=' || c === '+') return { low: q.value, high: Infinity };
  return { low: q.min ?? q.value, high: q.max ?? q.value };
}

function showBand(b: Bounds): string {
  if (b.min === undefined) return `<${b.max}`;
  if (b.max === undefined) return `${b.min}+`;
  return `${b.min}–${b.max}`;
}

export default defineRule<CompanySizeOptions>({
  id: 'company-size-band',
  severity: 'info',
  description:
    'A company-size band (SMB, Mid-Market, Enterprise) agrees with the employee count stated beside it (SMB under 500, Mid-Market 500–5,000, Enterprise 5,000+).',
  messages: {
    band: '{band} does not fit "{count}": the segmentation by company size puts {band} at {bounds} employees',
  },
  defaults: { bands: DEFAULT_BANDS },
  optionsSchema: {
    type: 'object',
    properties: {
      bands: {
        type: 'object',
        description:
          'Employees of each company-size band (the cloud segmentation: SMB under 500, Mid-Market 500–5,000, Enterprise 5,000+).',
        properties: Object.fromEntries(
          (['smb', 'midMarket', 'enterprise'] as const).map((b) => [
            b,
            {
              type: 'object',
              properties: { min: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 0 } },
              additionalProperties: false,
            },
          ]),
        ),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc } = ctx;
    const bands = { ...DEFAULT_BANDS, ...ctx.options.bands };
    const skip = [...doc.comments.map((c) => c.span), ...(doc.frontMatter ? [doc.frontMatter.span] : [])];
    for (let n = 0; n < doc.lines.lineCount; n++) {
      const start = doc.lines.lineStart(n);
      const raw = doc.text.slice(start, doc.lines.lineEnd(n));
      if (!/\d/.test(raw) || inSpans(start, skip)) continue;
      BAND.lastIndex = 0;
      if (!BAND.test(raw)) continue;
      const text = blankPlaceholders(doc, { text: raw, start, end: start + raw.length });
      const counts = findQuantities(text, { language: doc.language }).filter(
        (q) => q.kind === 'count' && q.noun !== undefined && employeeNouns.test(q.noun),
      );
      if (!counts.length) continue;
      BAND.lastIndex = 0;
      for (let m = BAND.exec(text); m; m = BAND.exec(text)) {
        const band = (Object.keys(NAMES) as Band[]).find((b) => m!.groups?.[b] !== undefined)!;
        const end = m.index + m[0].length;
        const q = counts.find((c) => c.span.start >= end && BETWEEN.test(text.slice(end, c.span.start)));
        if (!q) continue;
        const { low, high } = range(q);
        const b = bands[band];
        if (high >= (b.min ?? 0) && low <= (b.max ?? Infinity)) continue;
        // The count with its noun: `2,000 employees`.
        const nounAt = text.indexOf(q.noun!, q.span.end);
        const countEnd = nounAt >= 0 ? nounAt + q.noun!.length : q.span.end;
        ctx.report({
          message: 'band',
          args: { band: m[0], count: text.slice(q.span.start, countEnd), bounds: showBand(b) },
          span: { start: start + m.index, end: start + countEnd },
        });
      }
    }
  },
});
