/**
 * Durations and recurrence periods. A duration is a number with a unit: `6 months`,
 * `6 месяцев`, `90 days`, `2 нед.`, `3-5 weeks`, `<6 месяцев`, or a hyphenated adjective
 * `90-day`, `6-month`. A period says how often an amount recurs: `$10K/month`, `$5/мес`,
 * `$120K annually`, `per year`, `в год`, `ежемесячно`, `MRR` (month), `ARR` (year).
 * Also the conversions between periods: per year (`annualize`) and between units (`durationIn`).
 */
import type { Period, Quantity } from './types';
import { at, SP } from './tokens';

/** How many of each period make a calendar year. */
export const PER_YEAR: Readonly<Record<Period, number>> = {
  second: 31_536_000,
  minute: 525_600,
  hour: 8760,
  day: 365,
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

/**
 * The same quantity per year: `$10K/month` → `$120K` per year. Quantities without a period
 * (or already per year) come back unchanged, because most amounts in these documents (TAM,
 * ACV) are yearly already.
 */
export function annualize(q: Quantity): Quantity {
  if (q.per === undefined || q.per === 'year') return q;
  const f = PER_YEAR[q.per];
  const out: Quantity = { ...q, value: q.value * f, per: 'year' };
  if (q.min !== undefined) out.min = q.min * f;
  if (q.max !== undefined) out.max = q.max * f;
  return out;
}

const DAYS: Readonly<Record<Period, number>> = {
  second: 1 / 86_400,
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
};

/**
 * A duration's `value` in another unit (`6 months` in days ≈ 182.6); undefined when `q` is
 * not a duration. For a range, convert `{ ...q, value: q.max! }` the same way.
 */
export function durationIn(q: Quantity, unit: Period): number | undefined {
  if (q.kind !== 'duration' || q.unit === undefined) return undefined;
  return (q.value * DAYS[q.unit]) / DAYS[unit];
}

const UNIT = new RegExp(
  `${SP}?(seconds?|secs?\\.?|minutes?|mins?\\.?|hours?|hrs?|days?|weeks?|wks?|months?|mos?\\.?|quarters?|qtrs?|years?|yrs?|час(?:а|ов)?|день|дня|дней|дн\\.|сутки|суток|недел[яиюе]|недель|нед\\.|месяц(?:а|ев)?|мес\\.?|квартал(?:а|ов)?|год(?:а|у)?|лет|секунд[аы]?|сек\\.|минут[аы]?|мин\\.?)(?![\\p{L}])`,
  'iuy',
);
/** `90-day`, `6-month`: a duration used as an adjective. */
const HYPHEN_UNIT = /[-‐](hour|day|week|month|quarter|year)(?![\p{L}])/iuy;

const PER_SLASH = new RegExp(
  `${SP}?\\/${SP}?(hours?|hr|h|days?|d|weeks?|wk|w|months?|mo|mon|mth|quarters?|qtr|q|years?|yr|y|annum|час|ч|день|дн|сутки|нед(?:елю|еля)?|мес(?:яц)?|квартал|кв|год|г)\\.?(?![\\p{L}])`,
  'iuy',
);
const PER_WORD = new RegExp(
  `${SP}+(?:(?:per|a|an|each|every)${SP}+(hour|day|week|month|quarter|year|annum)|(hourly|daily|weekly|monthly|quarterly|annually|yearly|annual|p\\.a\\.|ежечасно|ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|годовых|годовой|годовая|годовые)|(?:в|за)${SP}+(час|день|сутки|неделю|месяц|мес\\.?|квартал|год))(?![\\p{L}])`,
  'iuy',
);
/** Recurring revenue, after an amount only: `$50K MRR`, `$2M ARR`. */
const RECURRING = new RegExp(`${SP}+(MRR|ARR)(?![\\p{L}])`, 'uy');

/** The words of each period, as matched by the patterns above (lower case, final dot dropped). */
const PERIOD_WORDS: ReadonlyArray<[Period, RegExp]> = [
  ['second', /^(seconds?|secs?|s|секунд|секунда|секунды|сек)$/],
  ['minute', /^(minutes?|mins?|минут|минута|минуты|мин)$/],
  ['hour', /^(hours?|hrs?|h|hourly|час|часа|часов|ч|ежечасно)$/],
  ['day', /^(days?|d|daily|день|дня|дней|дн|сутки|суток|ежедневно)$/],
  ['week', /^(weeks?|wks?|w|weekly|неделя|недели|недель|неделю|неделе|нед|еженедельно)$/],
  ['month', /^(months?|mos?|mon|mth|monthly|месяц|месяца|месяцев|мес|ежемесячно|mrr)$/],
  ['quarter', /^(quarters?|qtrs?|q|quarterly|квартал|квартала|кварталов|кв|ежеквартально)$/],
  [
    'year',
    /^(years?|yrs?|y|annum|annually|yearly|annual|p\.a|год|года|году|лет|г|ежегодно|годовых|годовой|годовая|годовые|arr)$/,
  ],
];

function periodOf(word: string): Period | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return PERIOD_WORDS.find(([, words]) => words.test(w))?.[0];
}

/** A period read at some index, and how many characters it took. */
export interface PeriodMatch {
  period: Period | undefined;
  length: number;
}

/** The unit of a duration at `i` (`6 месяцев`); `hyphenated` also allows `90-day`. */
export function readDurationUnit(text: string, i: number, hyphenated: boolean): PeriodMatch | undefined {
  const m = at(UNIT, text, i) ?? (hyphenated ? at(HYPHEN_UNIT, text, i) : null);
  return m ? { period: periodOf(m[1]!), length: m[0].length } : undefined;
}

/** The period an amount recurs in at `i` (`/month`, `в год`); `MRR`/`ARR` only after money. */
export function readRecurrence(text: string, i: number, money: boolean): PeriodMatch | undefined {
  const m = at(PER_SLASH, text, i) ?? at(PER_WORD, text, i) ?? (money ? at(RECURRING, text, i) : null);
  return m ? { period: periodOf((m[1] ?? m[2] ?? m[3])!), length: m[0].length } : undefined;
}
