/**
 * unit-economics — a stated figure misses a bar the GTM template sets for validating the plan
 * (docs/methodology.md, "The GTM template"):
 *
 *   - LTV/CAC above 3x (sustainability), written `4.5x`, `LTV:CAC 2.5:1` or `12.6:1`, also
 *     `LTV/CAC = 4.2x`, `4.2:1 LTV to CAC`, `LTV is 4.2x CAC`, `LTV/CAC — 4,2`;
 *   - CAC payback under 6 months (cash efficiency), `5 months`, `<6 месяцев`, `1 year`,
 *     `CAC payback: ~5 mo`, `CAC is paid back in 5 months`, `окупаемость CAC 5 месяцев`;
 *   - NRR above 100 % (expansion evidence), `NRR 112%`, `net revenue retention of 112 %`;
 *   - PMF: at least 40 % of users "very disappointed" without the product (`PMF score 44 %`,
 *     `44% "very disappointed"`, the Sean Ellis test);
 *   - in a GTM strategy, CAC under $200 for the SMB segment (`- **SMB CAC**: $180`, a CAC
 *     column in a row of SMB; content/smb-cac.ts says when a figure is SMB's). Other kinds
 *     are left alone: the segmentation methodology sets its own, wider CAC targets per band.
 *
 * The finding is on the value. A figure is read after its name on the same line (`- **NRR**:
 * 96%`) or, in prose wrapped over several lines, later in the same sentence; or before it on
 * its line when nothing follows (`44% of users would be "very disappointed"`); and in table
 * columns whose header names the metric. A target written with a comparator is a
 * promise about a bound: `>3x` meets the LTV/CAC bar, `>2x` and `<8 months` of payback
 * (`<` promises only that it is shorter than eight) do not. A range meets a bar only when
 * all of it does (`4–8 months` of payback does not). Placeholders (`[Target, >3x]`) are
 * not figures. Every bar is an option, with the template's value as the default. The
 * metrics' names are the lexicon's (model/lexicon), every language at once.
 */
import {
  alternation,
  ltvMultipleFillers,
  ltvMultipleLinks,
  metricNameSource,
  metricValueLinks,
  type MetricId,
} from '../model/lexicon';
import { durationIn, findQuantities, rateToUSD, type Quantity, type QuantityKind } from '../model/numbers';
import type { SegDocument, TableCell } from '../model/types';
import type { Span } from '../parse/text';
import { blankPlaceholders, inSpans, type Line } from './content/lines';
import { formatUSD, showMoney } from './content/money';
import { smbCacFigures } from './content/smb-cac';
import { defineRule, type MessageArgs, type Report } from './types';

interface Options {
  /** LTV/CAC must be above this multiple. */
  minLtvToCac: number;
  /** CAC payback must be shorter than this many months. */
  maxCacPaybackMonths: number;
  /** Net revenue retention must be above this percentage. */
  minNrrPercent: number;
  /** At least this percentage of users must be "very disappointed" without the product. */
  minPmfPercent: number;
  /** In a GTM strategy, the SMB segment's CAC must be under this many US dollars. */
  maxSmbCacUsd: number;
}

interface Metric {
  id: MetricId;
  /** How the metric is named; matched anywhere on a line or in a table header cell. */
  name: RegExp;
  /** What its value can be. A bare number counts only right after the name (`LTV/CAC: 4.2`). */
  kinds: QuantityKind[];
  bareNumber: boolean;
}

/** A metric's names in every language (the lexicon's `metricNames`), with no letter or digit either side. */
function named(id: MetricId, more = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${metricNameSource(id)}${more})(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * `LTV is 4.2x CAC`, `LTV of 4.2× CAC`, `LTV составляет 4,2x от CAC`: the name is `LTV`, and
 * the multiple after it names CAC as what it multiplies (the link and filler words are the
 * lexicon's; `х` is the Cyrillic letter people type for `x`).
 */
const LTV_TIMES_CAC =
  'LTV(?=[ \\t]+' +
  `(?:(?:${alternation(ltvMultipleLinks)}|=|:|—|–)[ \\t]+)?` +
  '[~≈]?[ \\t]*\\d+(?:[.,]\\d+)?[ \\t]*[x×хX][ \\t]+' +
  `(?:(?:${alternation(ltvMultipleFillers)})[ \\t]+)?` +
  'CAC(?![\\p{L}\\p{N}]))';

const METRICS: readonly Metric[] = [
  { id: 'ltvCac', name: named('ltvCac', `|${LTV_TIMES_CAC}`), kinds: ['multiple', 'ratio'], bareNumber: true },
  { id: 'payback', name: named('payback'), kinds: ['duration'], bareNumber: true },
  { id: 'nrr', name: named('nrr'), kinds: ['percent'], bareNumber: false },
  { id: 'pmf', name: named('pmf'), kinds: ['percent'], bareNumber: false },
];

/** Between a name and a bare number that is its value: markup, `:`, `=`, the lexicon's link words (`ratio`, `is`). */
const BARE_GAP = new RegExp(`^(?:[\\s*_:=|()-]|${alternation(metricValueLinks)}|—|–)*$`, 'iu');

type Verdict = 'meets' | 'misses';

/**
 * Whether a figure meets a bar. `above` bars want the figure over the bar (`strict`) or at
 * least on it; `below` bars want it under. A comparator makes the figure a bound.
 */
export function judge(
  q: Quantity,
  value: (n: number) => number,
  bar: number,
  direction: 'above' | 'below',
  strict: boolean,
): Verdict {
  const low = value(q.min ?? q.value);
  const high = value(q.max ?? q.value);
  const c = q.comparator;
  const atLeast = c === '>' || c === '>=' || c === '+';
  const atMost = c === '<' || c === '<=';
  if (direction === 'above') {
    if (atMost) return 'misses';
    if (atLeast) return low >= bar ? 'meets' : 'misses';
    return (strict ? low > bar : low >= bar) ? 'meets' : 'misses';
  }
  if (atLeast) return 'misses';
  if (atMost) return high <= bar ? 'meets' : 'misses';
  return (strict ? high < bar : high <= bar) ? 'meets' : 'misses';
}

interface Found {
  metric: Metric;
  q: Quantity;
}

export default defineRule<Options>({
  id: 'unit-economics',
  severity: 'warning',
  description:
    "Stated unit economics meet the GTM template's bars: LTV/CAC above 3x, CAC payback under 6 months, NRR above 100%, PMF at least 40%, SMB CAC under $200.",
  messages: {
    ltvCac: 'LTV/CAC {value} is not above {bar}x, the bar for sustainable unit economics',
    payback: 'CAC payback {value} is not under {bar} months, the bar for cash efficiency',
    paybackConverted: 'CAC payback {value} (about {months} months) is not under {bar} months, the bar for cash efficiency',
    nrr: 'Net revenue retention {value} is not above {bar}%, the bar for expansion revenue',
    pmf: 'PMF {value} ("very disappointed" users) is below the {bar}% product-market fit threshold',
    smbCac: 'SMB CAC {value} is not under {bar}, the GTM template’s validation bar for the SMB segment',
  },
  defaults: { minLtvToCac: 3, maxCacPaybackMonths: 6, minNrrPercent: 100, minPmfPercent: 40, maxSmbCacUsd: 200 },
  optionsSchema: {
    type: 'object',
    properties: {
      minLtvToCac: {
        type: 'number',
        exclusiveMinimum: 0,
        description: 'LTV/CAC must be above this multiple (the GTM template: 3x).',
      },
      maxCacPaybackMonths: {
        type: 'number',
        exclusiveMinimum: 0,
        description: 'CAC payback must be shorter than this many months (the GTM template: 6).',
      },
      minNrrPercent: {
        type: 'number',
        minimum: 0,
        description: 'Net revenue retention must be above this percentage (the GTM template: 100).',
      },
      minPmfPercent: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        description: 'At least this percentage of users must be "very disappointed" without the product (the GTM template: 40).',
      },
      maxSmbCacUsd: {
        type: 'number',
        exclusiveMinimum: 0,
        description: 'In a GTM strategy, the SMB segment’s CAC must be under this many US dollars (the GTM template: 200).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc, options } = ctx;
    const seen = new Set<number>();
    const found: Found[] = [];
    const add = (f: Found | undefined): void => {
      if (!f || seen.has(f.q.span.start)) return;
      seen.add(f.q.span.start);
      found.push(f);
    };
    for (const f of fromLines(doc)) add(f);
    for (const f of fromTables(doc)) add(f);
    if (ctx.kind.kind === 'gtm') checkSmbCac(ctx.doc, options.maxSmbCacUsd, (r) => ctx.report(r));

    for (const { metric, q } of found.sort((a, b) => a.q.span.start - b.q.span.start)) {
      const report = (message: string, args: MessageArgs): void => ctx.report({ message, args, span: q.span });
      switch (metric.id) {
        case 'ltvCac':
          if (judge(q, (n) => n, options.minLtvToCac, 'above', true) === 'misses')
            report('ltvCac', { value: q.text, bar: options.minLtvToCac });
          break;
        case 'payback': {
          const months = (n: number): number => (q.kind === 'duration' ? durationIn({ ...q, value: n }, 'month')! : n);
          if (judge(q, months, options.maxCacPaybackMonths, 'below', true) === 'misses') {
            const inMonths = q.kind !== 'duration' || q.unit === 'month';
            if (inMonths) report('payback', { value: q.text, bar: options.maxCacPaybackMonths });
            else
              report('paybackConverted', {
                value: q.text,
                months: Number(months(q.max ?? q.value).toFixed(1)),
                bar: options.maxCacPaybackMonths,
              });
          }
          break;
        }
        case 'nrr':
          if (judge(q, (n) => n, options.minNrrPercent, 'above', true) === 'misses')
            report('nrr', { value: q.text, bar: options.minNrrPercent });
          break;
        case 'pmf':
          if (judge(q, (n) => n, options.minPmfPercent, 'above', false) === 'misses')
            report('pmf', { value: q.text, bar: options.minPmfPercent });
          break;
      }
    }
  },
});

/** The GTM template's SMB bar: CAC under $200 for the SMB segment (amounts in other currencies at default rates). */
function checkSmbCac(doc: SegDocument, bar: number, report: (r: Report) => void): void {
  for (const { q } of smbCacFigures(doc)) {
    if (q.currency === undefined) continue;
    const rate = rateToUSD(q.currency);
    if (judge(q, (n) => n * rate, bar, 'below', true) === 'misses')
      report({ message: 'smbCac', args: { value: showMoney(q), bar: formatUSD(bar) }, span: q.span });
  }
}

/**
 * The lines that name a metric, found with one pass of each metric's pattern over the whole
 * text: most lines name none, and only these need their placeholders blanked and their
 * quantities read. Blanking placeholders only ever removes a mention, never adds one.
 *
 * A line is read with the lines that wrap the same paragraph (prose hard-wrapped at 80
 * columns: `… net revenue⏎retention of 112 % …`), so the pass runs over the text with its line
 * breaks read as spaces (same length, same offsets), and each line found is widened to its
 * paragraph's lines.
 */
function mentionLines(doc: SegDocument): Line[] {
  const flat = doc.text.replace(/[\r\n]/g, ' ');
  const lines = new Set<number>();
  for (const metric of METRICS) {
    metric.name.lastIndex = 0;
    for (let m = metric.name.exec(flat); m; m = metric.name.exec(flat)) lines.add(doc.lines.lineAt(m.index));
  }
  const units = new Map<number, Line>();
  for (const n of [...lines].sort((a, b) => a - b)) {
    let first = n;
    while (first > 0 && first > n - MAX_WRAP && continuesParagraph(lineText(doc, first - 1), lineText(doc, first))) first--;
    if (units.has(first)) continue;
    let last = n;
    while (
      last + 1 < doc.lines.lineCount &&
      last < n + MAX_WRAP &&
      continuesParagraph(lineText(doc, last), lineText(doc, last + 1))
    )
      last++;
    const start = doc.lines.lineStart(first);
    const end = doc.lines.lineEnd(last);
    units.set(first, { text: flat.slice(start, end), start, end });
  }
  return [...units.values()];
}

/** How many lines a paragraph is followed back or forward from a mention. */
const MAX_WRAP = 8;

function lineText(doc: SegDocument, n: number): string {
  return doc.text.slice(doc.lines.lineStart(n), doc.lines.lineEnd(n));
}

/** Whether `line` wraps the paragraph `prev` is in: both hold text, and `line` starts no block of its own. */
function continuesParagraph(prev: string, line: string): boolean {
  if (prev.trim() === '' || line.trim() === '') return false;
  if (/^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[|#>]|```|~~~)/.test(line)) return false;
  return !/^[ \t]*(?:[|#>]|```|~~~)/.test(prev);
}

/** Text that is not the document's content: front matter and comments. */
function notContent(doc: SegDocument): Span[] {
  const out = doc.comments.map((c) => c.span);
  if (doc.frontMatter) out.push(doc.frontMatter.span);
  return out;
}

interface Mention {
  metric: Metric;
  start: number;
  end: number;
}

function mentionsIn(text: string): Mention[] {
  const out: Mention[] = [];
  for (const metric of METRICS) {
    metric.name.lastIndex = 0;
    for (let m = metric.name.exec(text); m; m = metric.name.exec(text))
      out.push({ metric, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

function accepts(metric: Metric, q: Quantity, gap: string): boolean {
  if (metric.kinds.includes(q.kind)) return true;
  return metric.bareNumber && q.kind === 'number' && BARE_GAP.test(gap);
}

/** Metrics named on a line and their values (see the header for where a value is looked for). */
function fromLines(doc: SegDocument): Found[] {
  const skip = notContent(doc);
  const out: Found[] = [];
  for (const line of mentionLines(doc)) {
    if (inSpans(line.start, skip)) continue;
    const text = blankPlaceholders(doc, line);
    const mentions = mentionsIn(text);
    if (!mentions.length) continue;
    const quantities = findQuantities(text, { language: doc.language, offset: line.start });
    mentions.forEach((m, i) => {
      const nextStart = mentions[i + 1]?.start ?? text.length;
      const prevEnd = mentions[i - 1]?.end ?? 0;
      const rel = (q: Quantity): number => q.span.start - line.start;
      // On a later line of the paragraph, a value still belongs to the name only within its sentence;
      // one written before the name is looked for on the name's own line.
      const own = doc.lines.lineAt(line.start + m.start);
      const lineStart = doc.lines.lineStart(own) - line.start;
      const lineEnd = doc.lines.lineEnd(own) - line.start;
      const sameSentence = (q: Quantity): boolean => rel(q) < lineEnd || !/[.!?;](?:\s|$)/.test(text.slice(m.end, rel(q)));
      const after = quantities.find(
        (q) => rel(q) >= m.end && rel(q) < nextStart && sameSentence(q) && accepts(m.metric, q, text.slice(m.end, rel(q))),
      );
      const before = [...quantities]
        .reverse()
        .find((q) => rel(q) < m.start && rel(q) >= Math.max(prevEnd, lineStart) && m.metric.kinds.includes(q.kind));
      const q = after ?? before;
      if (q) out.push({ metric: m.metric, q });
    });
  }
  return out;
}

/** Table columns whose header names a metric: the value in each row's cell. */
function fromTables(doc: SegDocument): Found[] {
  const out: Found[] = [];
  const tables = [doc.preamble, ...doc.allSections].flatMap((s) => s.tables);
  for (const table of tables) {
    table.header.forEach((head: TableCell, col) => {
      const mention = mentionsIn(head.text)[0];
      if (!mention) return;
      for (const row of table.rows) {
        const cell = row[col];
        if (!cell) continue;
        const line = { text: cell.text, start: cell.span.start, end: cell.span.end };
        const text = blankPlaceholders(doc, line);
        const q = findQuantities(text, { language: doc.language, offset: cell.span.start }).find((x) =>
          accepts(mention.metric, x, text.slice(0, x.span.start - cell.span.start)),
        );
        if (q) out.push({ metric: mention.metric, q });
      }
    });
  }
  return out;
}
