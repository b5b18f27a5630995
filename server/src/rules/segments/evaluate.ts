/**
 * The five segment criteria (docs/methodology.md, "The five segment criteria"), evaluated for
 * every segment of a document. The segment-* rules report from this, and the score tallies
 * (code lenses `Measurable ✓ Substantial ✗ … — 4/5`, CLI `scores`) show it: both read the same
 * evaluation, so a ✗ in a lens always has a diagnostic saying why, unless the value is still a
 * template placeholder (then the placeholder rule says so, and the criterion is `pending`).
 *
 * Decisions:
 * - measurable: the size field holds a count or a bare number (`8,000 companies`, `5 000`; the
 *   count factor of `12,000 × $15k`). A money amount alone (TAM) does not size a segment, a
 *   percent (`~10% of market`) does not either, and neither does a count of employees, which
 *   is the companies' size, not the segment's.
 * - substantial: the revenue potential stated in money, else size × ACV, converted to US
 *   dollars (numbers.ts `toUSD`, rates from the `rates` option) and made yearly (`$50/month`
 *   ARPU × 12), is at least `minimum` (default $1M); a size given in money (`Market size:
 *   $200M`) is taken as the revenue potential it states. A range counts at its lower bound, as the
 *   quantity reader gives it. Not computable → not substantial.
 * - accessible: the segment names a channel or a way to reach or identify its members (a
 *   go-to-market field, which names the motion and its channels, counts here and for actionable),
 *   or its strategy says how it is reached ("we reach them through partners", `REACH`).
 * - differentiable: the segment states needs, pains or a value proposition, and their stems
 *   overlap no other segment's more than `threshold` (Jaccard, see similarity.ts).
 * - actionable: the segment has a strategy, approach, messaging or value proposition, and it
 *   is not the same (same stems) as another segment's.
 */
import { employeeNouns } from '../../model/lexicon';
import { annualize, DEFAULT_RATES, findQuantities, toUSD, type Currency, type Quantity } from '../../model/numbers';
import type { Segment, SegmentField } from '../../model/segments';
import type { SegDocument } from '../../model/types';
import type { KindSchema } from '../../schemas/kinds';
import type { KindMatch } from '../../schemas/validate';
import type { MessageArgs } from '../types';
import { internAll, jaccardIds, stems } from './similarity';
import { segmentsOf } from './vocabulary';

export type CriterionId = 'measurable' | 'substantial' | 'accessible' | 'differentiable' | 'actionable';

/** The criteria in the order docs/methodology.md lists them (and the code lens shows them). */
export const CRITERIA: readonly CriterionId[] = ['measurable', 'substantial', 'accessible', 'differentiable', 'actionable'];

/** The rule that reports each criterion; its catalogue holds the messages named by `reason`. */
export const CRITERION_RULES: Readonly<Record<CriterionId, string>> = {
  measurable: 'segment-measurable',
  substantial: 'segment-substantial',
  accessible: 'segment-accessible',
  differentiable: 'segment-differentiable',
  actionable: 'segment-actionable',
};

export interface CriterionResult {
  ok: boolean;
  /**
   * Why the criterion does not hold: a message id in the catalogue of the criterion's rule
   * ({@link CRITERION_RULES}), to be rendered with `args` in the user's language.
   */
  reason?: string;
  /**
   * The number the decision rests on: the size (measurable), the revenue potential in US
   * dollars (substantial), the highest overlap with another segment, 0–1 (differentiable).
   */
  value?: number;
  /** Parameters of the `reason` message. */
  args?: MessageArgs;
  /** The value is still an unfilled template placeholder: not reported by the segment rules. */
  pending?: boolean;
  /** differentiable and actionable: the segments this one is too close to, closest first. */
  others?: Array<{ segment: Segment; value: number }>;
}

export interface SegmentEvaluation {
  segment: Segment;
  criteria: Record<CriterionId, CriterionResult>;
  /** How many of the five criteria hold. */
  met: number;
}

export interface EvaluationOptions {
  /** Minimum revenue potential in US dollars (segment-substantial `minimum`). */
  minimum?: number;
  /** US dollars per unit of each currency (segment-substantial `rates`). */
  rates?: Partial<Record<Currency, number>>;
  /** Overlap above which two segments are not differentiable, 0–1 (segment-differentiable `threshold`). */
  threshold?: number;
}

export const EVALUATION_DEFAULTS: Readonly<Required<EvaluationOptions>> = {
  minimum: 1_000_000,
  rates: { ...DEFAULT_RATES },
  threshold: 0.6,
};

/** `$1.2M`, `$110k`, `$950`: an amount in US dollars, three significant digits at most. */
export function formatUSD(usd: number): string {
  const abs = Math.abs(usd);
  const [div, suffix] =
    abs >= 1e12 ? [1e12, 'T'] : abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  const n = usd / div;
  const digits = Math.abs(n) >= 100 ? String(Math.round(n)) : String(Number(n.toPrecision(3)));
  return `$${digits}${suffix}`;
}

function percent(x: number): number {
  return Math.round(x * 100);
}

/** A field value for a message: the text, shortened. */
function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function fieldsOf(segment: Segment, categories: readonly string[]): SegmentField[] {
  return [...segment.fields.values()].filter((f) => f.category !== undefined && categories.includes(f.category));
}

/** Whether the fields are there only as unfilled placeholders. */
function onlyPlaceholders(fields: readonly SegmentField[]): boolean {
  return fields.length > 0 && fields.every((f) => !f.filled) && fields.some((f) => f.values.some((v) => v.placeholder));
}

/** Quantities read, by language and text: a check of a long document re-reads only the values an edit changed. */
const readValues = new Map<string, readonly Quantity[]>();
/** At most this many values are remembered; then the memo starts again. */
const READ_VALUES_LIMIT = 20_000;

/**
 * The quantities of one value. Their spans are relative to the value (nothing in the evaluation
 * reads a quantity's place: the findings sit on the segment), so they are remembered by text.
 */
function quantitiesOf(text: string, language: SegDocument['language']): readonly Quantity[] {
  const key = `${language}\u0000${text}`;
  let found = readValues.get(key);
  if (!found) {
    if (readValues.size >= READ_VALUES_LIMIT) readValues.clear();
    found = findQuantities(text, { language });
    readValues.set(key, found);
  }
  return found;
}

/** The quantities of a field's filled-in values, each value (with its items) read apart. */
function quantities(doc: SegDocument, field: SegmentField | undefined): Quantity[] {
  if (!field) return [];
  const out: Quantity[] = [];
  for (const v of field.values) {
    if (v.placeholder) continue;
    for (const run of [v.value, ...v.items]) {
      if (run.text) out.push(...quantitiesOf(run.text, doc.language));
    }
  }
  return out;
}

/** The segment's size: the first count in its size field that is not a count of employees. */
function sizeOf(doc: SegDocument, segment: Segment): Quantity | undefined {
  for (const field of fieldsOf(segment, ['size'])) {
    for (const q of quantities(doc, field)) {
      const c = q.product ? q.product.count : q;
      if ((c.kind === 'count' || c.kind === 'number') && c.value > 0 && !(c.noun && employeeNouns.test(c.noun))) return c;
    }
  }
  return undefined;
}

function firstMoney(doc: SegDocument, fields: readonly SegmentField[]): Quantity | undefined {
  for (const field of fields) for (const q of quantities(doc, field)) if (q.kind === 'money' && q.value > 0) return q;
  return undefined;
}

function measurable(doc: SegDocument, segment: Segment, name: string): CriterionResult {
  const fields = fieldsOf(segment, ['size']);
  const size = sizeOf(doc, segment);
  if (size) return { ok: true, value: size.value };
  if (onlyPlaceholders(fields)) return { ok: false, reason: 'noSize', args: { segment: name }, pending: true };
  const filled = fields.find((f) => f.filled);
  if (filled) return { ok: false, reason: 'noCount', args: { segment: name, value: excerpt(filled.text) } };
  return { ok: false, reason: 'noSize', args: { segment: name } };
}

/** What the substantial judgement reads from a segment: amounts as written, before the options' rates and minimum. */
interface RevenueFacts {
  revenue: Quantity | undefined;
  size: Quantity | undefined;
  acv: Quantity | undefined;
  /** `**Size**: 12,000 × $15k`: a product in money in the size field. */
  sizeProduct: Quantity | undefined;
  /** `**Market size**: $200M`: a size in money. */
  sizeMoney: Quantity | undefined;
  pending: boolean;
}

function revenueFacts(doc: SegDocument, segment: Segment): RevenueFacts {
  const revenueFields = fieldsOf(segment, ['revenue']);
  const acvFields = fieldsOf(segment, ['acv']);
  const sizeFields = fieldsOf(segment, ['size']);
  const acv = firstMoney(doc, acvFields);
  return {
    revenue: firstMoney(doc, revenueFields),
    size: sizeOf(doc, segment),
    acv,
    sizeProduct: quantities(doc, sizeFields[0]).find((q) => q.kind === 'money' && q.product),
    sizeMoney: firstMoney(doc, sizeFields),
    pending: onlyPlaceholders(revenueFields) || (onlyPlaceholders(acvFields) && !acv) || onlyPlaceholders(sizeFields),
  };
}

function substantial(f: RevenueFacts, name: string, o: Required<EvaluationOptions>): CriterionResult {
  const minimum = formatUSD(o.minimum);
  const judge = (usd: number, basis: string | undefined): CriterionResult => {
    const amount = formatUSD(usd);
    if (usd >= o.minimum) return { ok: true, value: usd };
    return basis && basis !== amount
      ? { ok: false, value: usd, reason: 'below', args: { segment: name, amount, basis, minimum } }
      : { ok: false, value: usd, reason: 'belowStated', args: { segment: name, amount, minimum } };
  };
  const { revenue, size, acv, sizeProduct, sizeMoney } = f;
  if (revenue) {
    const usd = toUSD(annualize(revenue), o.rates);
    if (usd !== undefined)
      return judge(usd, revenue.currency === 'USD' && !revenue.product && !revenue.per ? undefined : revenue.text);
  }
  if (size && acv) {
    const perCustomer = toUSD(annualize(acv), o.rates);
    if (perCustomer !== undefined) return judge(size.value * perCustomer, `${size.text} × ${acv.text}`);
  }
  // `**Size**: 12,000 × $15k` without an ACV field: the product is the revenue potential.
  if (sizeProduct) {
    const usd = toUSD(annualize(sizeProduct), o.rates);
    if (usd !== undefined) return judge(usd, sizeProduct.text);
  }
  // `**Market size**: $200M`: a size in money is the revenue potential it states.
  if (sizeMoney) {
    const usd = toUSD(annualize(sizeMoney), o.rates);
    if (usd !== undefined) return judge(usd, sizeMoney.currency === 'USD' && !sizeMoney.per ? undefined : sizeMoney.text);
  }
  const reason = size ? 'noAcv' : acv ? 'noSize' : 'noRevenue';
  const args: MessageArgs = { segment: name, minimum };
  if (size) args['size'] = size.text;
  if (acv) args['acv'] = acv.text;
  return { ok: false, reason, args, ...(f.pending ? { pending: true } : {}) };
}

/** A go-to-market field names the channels and the motion at once: it counts for both. */
const ACCESS = ['channels', 'go-to-market'];

/**
 * Prose that says how a segment is reached, in a strategy written about it: "we reach them
 * through partners", "Channels: LinkedIn", "выходим на них через дистрибьюторов".
 */
const REACH =
  /(?<![\p{L}])(?:reach(?:es|ing)?(?: them| the segment| buyers)? (?:via|through|at|on|with|by)|(?:channels?|acquisition|каналы?|канал привлечения)\s*:|(?:find|meet|reach) them (?:at|on|in|via|through)|(?:доходим|выходим|достучимся|достучаться|находим|привлекаем) (?:до них |на них |их )?через|через (?:партн[её]р|сообществ|конференци|мероприяти|маркетплейс|дистрибьютор|интегратор))/iu;

function accessible(segment: Segment, name: string): CriterionResult {
  const fields = fieldsOf(segment, ACCESS);
  if (fields.some((f) => f.filled)) return { ok: true };
  if (fieldsOf(segment, ['strategy']).some((f) => f.filled && REACH.test(f.text))) return { ok: true };
  return { ok: false, reason: 'noChannels', args: { segment: name }, ...(onlyPlaceholders(fields) ? { pending: true } : {}) };
}

const NEEDS = ['needs', 'pains', 'value-proposition'];
const STRATEGY = ['strategy', 'value-proposition', 'go-to-market'];

function textOf(segment: Segment, categories: readonly string[]): string {
  return fieldsOf(segment, categories)
    .filter((f) => f.filled)
    .map((f) => f.text)
    .join('; ');
}

/** A segment's overlaps with the others, computed once per pair: every positive one, in document order. */
interface Overlaps {
  /** The segment states no needs: nothing to compare. */
  empty: boolean;
  highest: number;
  others: number[];
  values: number[];
}

function overlapsOf(all: readonly Segment[], sets: readonly Int32Array[]): Overlaps[] {
  const out = sets.map((set): Overlaps => ({ empty: set.length === 0, highest: 0, others: [], values: [] }));
  // Row i receives j < i from the earlier rows and j > i from its own: document order.
  for (let i = 0; i < all.length; i++) {
    const mine = out[i]!;
    for (let j = i + 1; j < all.length; j++) {
      const value = jaccardIds(sets[i]!, sets[j]!);
      if (value <= 0) continue;
      const theirs = out[j]!;
      mine.others.push(j);
      mine.values.push(value);
      theirs.others.push(i);
      theirs.values.push(value);
      if (value > mine.highest) mine.highest = value;
      if (value > theirs.highest) theirs.highest = value;
    }
  }
  return out;
}

function differentiable(
  all: readonly Segment[],
  i: number,
  overlaps: Overlaps,
  name: string,
  o: Required<EvaluationOptions>,
): CriterionResult {
  const segment = all[i]!;
  if (overlaps.empty) {
    const fields = fieldsOf(segment, NEEDS);
    return { ok: false, reason: 'noNeeds', args: { segment: name }, ...(onlyPlaceholders(fields) ? { pending: true } : {}) };
  }
  const others: Array<{ segment: Segment; value: number }> = [];
  if (o.threshold < 0) {
    // Below 0 (an API caller; the config's schema stops at 0) the segments sharing nothing count as well.
    const value = new Map(overlaps.others.map((j, k) => [j, overlaps.values[k]!]));
    all.forEach((other, j) => {
      if (j !== i) others.push({ segment: other, value: value.get(j) ?? 0 });
    });
  } else {
    overlaps.values.forEach((value, k) => {
      if (value > o.threshold) others.push({ segment: all[overlaps.others[k]!]!, value });
    });
  }
  others.sort((a, b) => b.value - a.value);
  const closest = others[0];
  if (!closest) return { ok: true, value: overlaps.highest };
  return {
    ok: false,
    reason: 'overlap',
    value: closest.value,
    args: { segment: name, other: closest.segment.name, percent: percent(closest.value), threshold: percent(o.threshold) },
    others,
  };
}

/** Each segment's actionable result: segments with the same strategy stems are found by grouping, not by comparing every pair. */
function actionableAll(all: readonly Segment[], sets: readonly Int32Array[], texts: readonly string[]): CriterionResult[] {
  const groups = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.length === 0) return;
    const key = set.join(',');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return all.map((segment, i): CriterionResult => {
    const name = segment.name;
    if (sets[i]!.length === 0) {
      const fields = fieldsOf(segment, STRATEGY);
      return { ok: false, reason: 'noStrategy', args: { segment: name }, ...(onlyPlaceholders(fields) ? { pending: true } : {}) };
    }
    const others = groups
      .get(sets[i]!.join(','))!
      .filter((j) => j !== i)
      .map((j) => ({ segment: all[j]!, value: 1 }));
    const same = others[0];
    if (!same) return { ok: true };
    return {
      ok: false,
      reason: 'sameStrategy',
      args: { segment: name, other: same.segment.name, value: excerpt(texts[i]!) },
      others,
    };
  });
}

/** What the evaluation finds in a document whatever the options: read once per check, judged per option set. */
interface SegmentFacts {
  segments: Segment[];
  measurable: CriterionResult[];
  revenue: RevenueFacts[];
  accessible: CriterionResult[];
  overlaps: Overlaps[];
  actionable: CriterionResult[];
}

function factsOf(doc: SegDocument, match: KindMatch, kind: KindSchema): SegmentFacts {
  const segments = segmentsOf(doc, match, kind);
  const needSets = internAll(segments.map((s) => stems(textOf(s, NEEDS))));
  const strategyTexts = segments.map((s) => textOf(s, STRATEGY));
  const strategySets = internAll(strategyTexts.map(stems));
  return {
    segments,
    measurable: segments.map((s) => measurable(doc, s, s.name)),
    revenue: segments.map((s) => revenueFacts(doc, s)),
    accessible: segments.map((s) => accessible(s, s.name)),
    overlaps: overlapsOf(segments, needSets),
    actionable: actionableAll(segments, strategySets, strategyTexts),
  };
}

const factsCache = new WeakMap<KindMatch, WeakMap<KindSchema, SegmentFacts>>();
const cache = new WeakMap<KindMatch, Map<string, SegmentEvaluation[]>>();

/**
 * Evaluates every segment of the document against the five criteria. `match` must be the
 * document's section match for `kind` (segments are read from the sections it keyed). What
 * does not depend on the options (quantities, stems, every pair's overlap) is read once per
 * match; the options' thresholds are applied after, and the result is cached per match and
 * options, so the five rules and the tallies share one run whatever the config sets.
 * A kind without a segment vocabulary has no segments: the result is empty.
 */
export function evaluateSegments(
  doc: SegDocument,
  match: KindMatch,
  kind: KindSchema,
  options: EvaluationOptions = {},
): SegmentEvaluation[] {
  const o: Required<EvaluationOptions> = {
    minimum: options.minimum ?? EVALUATION_DEFAULTS.minimum,
    rates: { ...EVALUATION_DEFAULTS.rates, ...options.rates },
    threshold: options.threshold ?? EVALUATION_DEFAULTS.threshold,
  };
  const key = JSON.stringify([kind.source, o.minimum, o.threshold, Object.entries(o.rates).sort()]);
  let byOptions = cache.get(match);
  const hit = byOptions?.get(key);
  if (hit) return hit;

  let byKind = factsCache.get(match);
  if (!byKind) factsCache.set(match, (byKind = new WeakMap()));
  let facts = byKind.get(kind);
  if (!facts) byKind.set(kind, (facts = factsOf(doc, match, kind)));
  const f = facts;
  const result = f.segments.map((segment, i): SegmentEvaluation => {
    const name = segment.name;
    const criteria: Record<CriterionId, CriterionResult> = {
      measurable: f.measurable[i]!,
      substantial: substantial(f.revenue[i]!, name, o),
      accessible: f.accessible[i]!,
      differentiable: differentiable(f.segments, i, f.overlaps[i]!, name, o),
      actionable: f.actionable[i]!,
    };
    return { segment, criteria, met: CRITERIA.filter((c) => criteria[c].ok).length };
  });
  if (!byOptions) {
    byOptions = new Map();
    cache.set(match, byOptions);
  }
  byOptions.set(key, result);
  return result;
}
