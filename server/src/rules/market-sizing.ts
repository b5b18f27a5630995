/**
 * market-sizing — the Market Analysis section of a GTM strategy sizes the market as TAM,
 * SAM and SOM, and each is contained in the one before: TAM ≥ SAM ≥ SOM (docs/methodology.md,
 * "The GTM template"; its example: $250B total, $45B serviceable, $900M obtainable).
 *
 *   - TAM, SAM or SOM is not given → the section heading, naming what is missing;
 *   - a smaller market is larger than the one that contains it → the amount of the smaller
 *     one (the SAM above its TAM, the SOM above its SAM), with both amounts in the message.
 *
 * The figures are read line by line (a paragraph wrapped over lines as one line), wherever
 * the section writes them: `- **SAM**: $45B`, `Total Addressable Market (TAM): $250B`, a
 * table row `| SOM | $900M |`, `TAM/SAM/SOM: $250B / $45B / $900M` (amounts go to the names
 * in the order written), or prose (`a total addressable market of $4.2B … our serviceable
 * obtainable market is ~$180M`). `ТАМ`, `САМ`, `СОМ` typed in Cyrillic capitals are the same
 * names (in capitals only: `там` and `сам` are Russian words). A table whose header names two
 * or more of the markets (`| TAM | SAM | SOM |`, `| Year | TAM | SAM | SOM |`) gives the
 * amounts of its first row that has any; a table naming only one market in its header (a SAM
 * per segment) gives none, since its rows are parts, not the market.
 *
 * A name in passing (`18% of TAM`) neither gives the figure nor takes an amount after it
 * unless nothing else on the line waits for one; a name waits for its amount within its
 * sentence only. Amounts are compared per year in US dollars (numbers.ts rates, overridable
 * with the `rates` option). A range is wrong only when it cannot be right: when the
 * containing market's upper bound is below the contained one's lower bound. An unfilled
 * template (`$[Amount]`) is left to the placeholder rule.
 */
import { DEFAULT_RATES, findQuantities, type Currency, type Quantity } from '../model/numbers';
import type { Language, Section, SegDocument, Table } from '../model/types';
import type { Span } from '../parse/text';
import type { KindSchema } from '../schemas/kinds';
import { blankPlaceholders, inSpans, NameFinder, placeholdersOn, sectionRegions, type Line } from './content/lines';
import { showMoney, usdBounds } from './content/money';
import { fieldNames, gtmField } from './content/schema';
import { headingSpan } from './util/report';
import { writtenSection } from './util/written-section';
import { defineRule } from './types';

const MARKETS = ['tam', 'sam', 'som'] as const;
type Market = (typeof MARKETS)[number];
const LABEL: Record<Market, string> = { tam: 'TAM', sam: 'SAM', som: 'SOM' };

interface Options {
  /** US dollars per unit of each currency (numbers.ts defaults; a currency left out keeps its default). */
  rates: Partial<Record<Currency, number>>;
}

interface Given {
  /** The first amount written for the market, if any. */
  amount?: Quantity;
  /** Whether the market is named as a figure (with an amount, a placeholder or another value). */
  named: boolean;
}

export default defineRule<Options>({
  id: 'market-sizing',
  severity: 'error',
  kinds: ['gtm'],
  description: 'Market Analysis gives TAM, SAM and SOM, and TAM ≥ SAM ≥ SOM.',
  messages: {
    missing: '"{section}" does not give {missing}; size the market as TAM ≥ SAM ≥ SOM',
    larger: '{small} ({smallAmount}) is larger than {large} ({largeAmount}); expected TAM ≥ SAM ≥ SOM',
  },
  defaults: { rates: { ...DEFAULT_RATES } },
  optionsSchema: {
    type: 'object',
    properties: {
      rates: {
        type: 'object',
        description: 'US dollars per unit of each currency, used to compare amounts in different currencies.',
        properties: Object.fromEntries(Object.keys(DEFAULT_RATES).map((c) => [c, { type: 'number', exclusiveMinimum: 0 }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const written = writtenSection(ctx.doc, ctx.match, 'market-analysis');
    if (!written) return;
    const { section, lines } = written;

    const marketOf = marketNames(ctx.kind);
    const finder = NameFinder.of([...marketOf.keys()]);
    const given: Record<Market, Given> = { tam: { named: false }, sam: { named: false }, som: { named: false } };
    // Prose wrapped at 80 columns is read a paragraph at a time, its line breaks as spaces:
    // `the serviceable available⏎market is roughly $900M` names SAM.
    for (const unit of paragraphs(lines)) {
      const text = latinNames(blankPlaceholders(ctx.doc, unit));
      readLine(
        ctx.doc.language,
        { ...unit, text: latinNames(unit.text) },
        finder,
        marketOf,
        given,
        text,
        placeholdersOn(ctx.doc, unit),
      );
    }
    readColumnTables(ctx.doc, section, finder, marketOf, given);

    const missing = MARKETS.filter((m) => !given[m].named && !given[m].amount).map((m) => LABEL[m]);
    if (missing.length) {
      ctx.report({
        message: 'missing',
        args: { section: section.heading.text, missing: missing.join(', ') },
        span: headingSpan(section),
      });
    }

    // Each market against the nearest larger one that has an amount: SAM against TAM, SOM
    // against SAM, or against TAM when no SAM amount is given.
    const rates = ctx.options.rates;
    for (let i = 1; i < MARKETS.length; i++) {
      const small = given[MARKETS[i]!].amount;
      if (!small) continue;
      let j = i - 1;
      while (j >= 0 && !given[MARKETS[j]!].amount) j--;
      if (j < 0) continue;
      const large = given[MARKETS[j]!].amount!;
      const s = usdBounds(small, rates);
      const l = usdBounds(large, rates);
      if (!s || !l || !(l.high < s.low)) continue;
      ctx.report({
        message: 'larger',
        args: {
          small: LABEL[MARKETS[i]!],
          smallAmount: showMoney(small, rates),
          large: LABEL[MARKETS[j]!],
          largeAmount: showMoney(large, rates),
        },
        span: small.span,
      });
    }
  },
});

/** The names of the markets (`TAM`, `Total Addressable Market`, …), from the schema's Market Analysis fields. */
function marketNames(kind: KindSchema): Map<string, Market> {
  const marketOf = new Map<string, Market>();
  for (const m of MARKETS) {
    const field = gtmField(kind, 'market-analysis', m);
    for (const n of field ? fieldNames(field) : [LABEL[m]]) marketOf.set(n, m);
  }
  return marketOf;
}

/** `ТАМ`, `САМ`, `СОМ` in Cyrillic (or mixed) capitals, for the Latin names; same length, so offsets hold. */
const CYRILLIC_NAMES = /(?<![\p{L}\p{N}])(?:[TТ][AА][MМ]|[SС][AА][MМ]|[SС][OО][MМ])(?![\p{L}\p{N}])/gu;
const TO_LATIN: Record<string, string> = { Т: 'T', А: 'A', М: 'M', С: 'S', О: 'O' };

function latinNames(text: string): string {
  return text.replace(CYRILLIC_NAMES, (m) => [...m].map((c) => TO_LATIN[c] ?? c).join(''));
}

/** The section's tables and those of its unnamed subsections (the regions sectionLines reads). */
function sectionTables(section: Section): Table[] {
  const regions = sectionRegions(section);
  const out: Table[] = [];
  const visit = (s: Section): void => {
    for (const t of s.tables) if (inSpans(t.span.start, regions)) out.push(t);
    s.children.forEach(visit);
  };
  visit(section);
  return out;
}

/** Tables with the markets as columns (see the header): the first row with an amount in them. */
function readColumnTables(
  doc: SegDocument,
  section: Section,
  finder: NameFinder,
  marketOf: Map<string, Market>,
  given: Record<Market, Given>,
): void {
  for (const table of sectionTables(section)) {
    const columns: Array<{ col: number; market: Market }> = [];
    table.header.forEach((cell, col) => {
      const found = finder.find(latinNames(cell.text));
      const markets = new Set(found.map((m) => marketOf.get(m.name)!));
      if (markets.size === 1) columns.push({ col, market: [...markets][0]! });
    });
    if (new Set(columns.map((c) => c.market)).size < 2) continue;
    for (const row of table.rows) {
      const amounts = columns.map(({ col, market }) => {
        const cell = row[col];
        if (!cell) return undefined;
        const text = blankPlaceholders(doc, { text: cell.text, start: cell.span.start, end: cell.span.end });
        const amount = findQuantities(text, { language: doc.language, offset: cell.span.start }).find((q) => q.kind === 'money');
        return amount ? { market, amount } : undefined;
      });
      if (!amounts.some(Boolean)) continue;
      for (const a of amounts) if (a && !given[a.market].amount) given[a.market].amount = a.amount;
      break;
    }
  }
}

/**
 * What follows a name when it gives a figure: `:`, `=`, a dash, the next table cell or a verb
 * (`SOM is 2% of SAM`, `TAM составляет …`), maybe after `**` or `(…)`.
 */
const DEFINES =
  /^(?:\*\*|__|\*|_)?[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:\*\*|__)?[ \t]*(?::|=|—|–|-(?!\d)|\||→|(?:is|are|of|составляет|составит|это)(?![\p{L}\p{N}]))/iu;

/**
 * Reads one line (or a wrapped paragraph): names and amounts in the order written. Each
 * amount goes to the oldest name still waiting for one in its sentence; the first amount of a
 * market in the section counts.
 */
function readLine(
  language: Language,
  line: Line,
  finder: NameFinder,
  marketOf: Map<string, Market>,
  given: Record<Market, Given>,
  text: string,
  placeholders: Span[],
): void {
  const mentions = finder.find(text);
  if (!mentions.length) return;
  const amounts = findQuantities(text, { language, offset: line.start }).filter((q) => q.kind === 'money');
  type Token = { at: number; market?: Market; amount?: Quantity };
  const tokens: Token[] = [
    ...mentions.map((m) => ({ at: m.start, market: marketOf.get(m.name)! })),
    ...amounts.map((q) => ({ at: q.span.start - line.start, amount: q })),
  ].sort((a, b) => a.at - b.at);
  const waiting: Market[] = [];
  let at = 0;
  for (const t of tokens) {
    // A name waits for its amount within its sentence only: in `SOM depends on partners.
    // Partners resell $2B a year.` the amount is not the SOM.
    if (/[.!?;](?=\s)/.test(text.slice(at, t.at))) waiting.length = 0;
    at = t.at;
    if (t.market) {
      if (!waiting.includes(t.market)) waiting.push(t.market);
      continue;
    }
    const market = waiting.shift();
    if (market && !given[market].amount) given[market].amount = t.amount!;
  }
  for (const m of mentions) {
    const market = marketOf.get(m.name)!;
    const after = line.text.slice(m.end);
    const definesHere =
      DEFINES.test(after) || placeholders.some((p) => p.start - line.start >= m.end && p.start - line.start <= m.end + 6);
    if (definesHere) given[market].named = true;
  }
}

/** The lines grouped into paragraphs (see continuesParagraph), each one Line with its line breaks as spaces. */
function paragraphs(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let current: Line | undefined;
  let prev: Line | undefined;
  for (const line of lines) {
    if (current && prev && continuesParagraph(prev, line)) {
      current.text += ' '.repeat(line.start - prev.end) + line.text;
      current.end = line.end;
    } else {
      if (current) out.push(current);
      current = { ...line };
    }
    prev = line;
  }
  if (current) out.push(current);
  return out;
}

/** Whether `line` wraps the paragraph `prev` is in: both hold text, and `line` starts no block of its own. */
function continuesParagraph(prev: Line, line: Line): boolean {
  if (line.start - prev.end > 2) return false;
  if (prev.text.trim() === '' || line.text.trim() === '') return false;
  const block = /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[|#>]|```|~~~)/;
  return !block.test(line.text) && !/^[ \t]*[|#]|^[ \t]*(?:```|~~~)/.test(prev.text);
}
