/**
 * Reading the quantities marketers write, in English and Russian (PRODUCT.md §4: "Numbers are
 * read in the forms the seeds use"): `$180M`, `$1.5B`, `$15k`, `12,000 × $15k ACV`,
 * `5 000`, `1,5 млн`, `4,5 млрд ₽`, `200 × 50 тыс. ₽`, `$2,400`, `8%`, `40%+`, `3x`,
 * `12.6:1`, `6 месяцев`, `<$200`, `$500-$10K/month`, `$6K-120K annually`, `n=100`, …
 *
 * Everything here is plain data with offsets into the string the caller passed (plus
 * `opts.offset`, so a caller reading a field value can pass the value's start and get
 * document offsets back).
 *
 * Rules for separators, decided once and applied everywhere:
 *
 * 1. Spaces (ordinary, no-break U+00A0, narrow no-break U+202F, thin U+2009, figure U+2007)
 *    are only ever thousands separators: `5 000`, `1 500 000`. They need a first group of
 *    1–3 digits and groups of exactly 3 after it. After space groups, a `,` or `.` is the
 *    decimal mark (`5 000,50`).
 * 2. Two or more of the same mark, each followed by exactly 3 digits, are thousands
 *    separators: `12,000,000`, `1.500.000`. Any other repeated pattern (`1.2.3`,
 *    `15.01.2025`, `1,2,3`, Indian `12,34,567`) is not a quantity.
 * 3. When both `,` and `.` appear, the last one is the decimal mark: `2,400.50`, `1.500,50`.
 * 4. A single `,` or `.` followed by 1, 2 or 4+ digits is the decimal mark: `1,5`, `12.6`,
 *    `99,95`. So is one after a leading `0` (`0,125`) or after a first group of 4+ digits.
 * 5. A single `.` followed by exactly 3 digits is a decimal point (`1.250M` = 1.25 million):
 *    the English reading; Russian writers group thousands with spaces, not dots.
 * 6. A single `,` followed by exactly 3 digits is the ambiguous case. It is a Russian decimal
 *    comma when a scale word follows and the number is written the Russian way — the scale
 *    is Russian (`1,500 млн` = 1.5 million) or the document language is `ru` — and an
 *    English thousands separator otherwise (`12,000`, `$2,400`, `2,400 ₽`: kopecks have two
 *    digits, so three decimals on an amount are not how anyone writes money).
 *
 * Other decisions:
 * - A range's `value` is its lower bound (`min`); `min` and `max` are both set. Ranges take a
 *   tight dash (`3-5%`, `10–200`), a spaced dash when the first bound already carries a
 *   currency, scale, `%` or `x` (`$500K - $2M`), `to`, `от … до`, `between … and`.
 *   A bound without a currency, scale or `%`/`x` inherits them from the other bound:
 *   `$6K-120K`, `$5K-10` = $5K–$10K, `3-5%`, `1,5–2 млн ₽`. The first bound takes the
 *   second's scale only when the second has no currency sign of its own and the order stays
 *   ascending: `$5-10M` = $5M–$10M, but `$500-5K` = $500–$5,000 and `$500-$10K` as written.
 *   A descending pair is not a range.
 * - A product `a × b` (`×`, `*`, or `x`/`х` with a space on at least one side) has the value
 *   a·b, the kind and currency of the money factor, and both factors in `product`.
 *   An attached `3x` is a multiple.
 * - A number followed by a word (`8,000 companies`, `50K+ developers`, `n=100`) is a count and
 *   keeps the word in `noun`; the word is not part of the span. A bare number (`Tier 1`) is a
 *   `number`.
 * - Single-letter scales: `k`/`K`/`к`/`К` thousand, `M` million, `B` billion; lowercase `m`/`b`
 *   and `T` (trillion) only after a currency sign, since `30m` could be minutes.
 * - `a:b` is a ratio (value a/b, so `12.6:1` → 12.6) unless it reads as a time: `8:00`,
 *   `14:30`, `9:00 AM`, `1:10` (hours ≤ 24 and two-digit minutes).
 * - Not quantities: versions (`1.2.3`, `v2`), dates (`2026-01-15`, `15.01.2025`, `01/15/2025`,
 *   `January 2025`, `15 января`, `2025 г.`, bare years 1900–2100 with nothing after them),
 *   times, phone numbers (`+7 495 123-45-67`, `(555) 123-4567`, three or more hyphen groups),
 *   numbers glued to letters or joined to a word by a hyphen, slash or colon (`Q1`, `H1`,
 *   `K8s`, `T-24`, `T+12`, `GPT-4`, `[X:1]`, `3rd`, `2FA`), fractions and `24/7`, and
 *   ordered-list / heading numbering at the start of a line (`1. Market Analysis`).
 */
import type { Span } from '../parse/text';
import type { Language } from './types';

export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'RUB';
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR', 'GBP', 'JPY', 'RUB'];

export type QuantityKind = 'money' | 'count' | 'percent' | 'ratio' | 'multiple' | 'duration' | 'number';

/** `+` is the trailing "or more" of `100+`, `$1M+`, `40%+`. */
export type Comparator = '<' | '>' | '<=' | '>=' | '~' | '+';

export type Period = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Quantity {
  kind: QuantityKind;
  /**
   * The number as meant, scale applied: money in its stated currency (`$15k` → 15000),
   * percent as the number (`8%` → 8), multiple and ratio as the factor (`3x` → 3,
   * `12.6:1` → 12.6), duration in `unit`. For a range, the lower bound.
   */
  value: number;
  /** Both set for a range (`$500K-$2M`), never for a single value. */
  min?: number;
  max?: number;
  /** Money only. */
  currency?: Currency;
  comparator?: Comparator;
  /** The period an amount recurs in: `/month`, `annually`, `в год`, `MRR` (month), `ARR` (year). */
  per?: Period;
  /** Durations only: the unit of `value` (`6 месяцев` → 6, 'month'). */
  unit?: Period;
  /** Counts only: the word after the number, as written (`companies`, `сотрудников`). */
  noun?: string;
  /** For `count × amount`: the two factors, each with its own span. */
  product?: { count: Quantity; amount: Quantity };
  /** Comparator, currency, scale, unit and period included; a count's noun excluded. */
  span: Span;
  /** The source text of `span`. */
  text: string;
}

export interface QuantityOptions {
  /** The document language; decides the ambiguous `1,500 млн`-style comma (rule 6 above). */
  language?: Language;
  /** Added to every span, so callers reading a slice get document offsets. */
  offset?: number;
}

/**
 * USD per unit of each currency: default rates, overridable in the config file. They only
 * need to be right to within a few percent, since they compare amounts with thresholds such
 * as the $1M "substantial segment" minimum (seed 002).
 */
export const DEFAULT_RATES: Readonly<Record<Currency, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  JPY: 0.0067,
  RUB: 0.011,
};

/** USD per unit of `currency`, from `rates` when given there, else the default rate. */
export function rateToUSD(currency: Currency, rates?: Partial<Record<Currency, number>>): number {
  return rates?.[currency] ?? DEFAULT_RATES[currency];
}

/** A money quantity's `value` in US dollars; undefined for anything that is not money. */
export function toUSD(q: Quantity, rates?: Partial<Record<Currency, number>>): number | undefined {
  if (q.kind !== 'money' || q.currency === undefined) return undefined;
  return q.value * rateToUSD(q.currency, rates);
}

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

/** The first quantity in `text`, or undefined when it holds none. */
export function parseQuantity(text: string, opts: QuantityOptions = {}): Quantity | undefined {
  return scan(text, opts, 1)[0];
}

/** Every quantity in `text`, in order, non-overlapping. */
export function findQuantities(text: string, opts: QuantityOptions = {}): Quantity[] {
  return scan(text, opts, Infinity);
}

// ---------------------------------------------------------------------------------------
// Scanner. Candidates start at digits; what comes before a digit (comparator, currency
// sign, `n=`, sign) is found by looking back, and everything after by reading forward.

const SP = '[ \\u00A0\\u202F\\u2009\\u2007]';
const GROUP_SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009', '\u2007']);
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;

interface Scan {
  text: string;
  lang: Language | undefined;
  offset: number;
}

interface Numeral {
  start: number;
  end: number;
  groups: string[];
  /** `' '` for any space-like separator, `,` or `.`. */
  seps: string[];
}

type ScaleLang = 'en' | 'ru';

interface Bound {
  start: number;
  end: number;
  num: Numeral;
  currency?: Currency;
  /** A currency sign or code written before this bound's number. */
  currencyPrefix: boolean;
  scale?: number;
  scaleLang?: ScaleLang;
  mark?: 'percent' | 'multiple';
  /** Set for `a:b`: a / b. */
  ratio?: number;
}

interface Refusal {
  refuse: number;
}

interface Prefix {
  start: number;
  comparator?: Comparator;
  negative: boolean;
  /** `n=` before the number: a sample size, so a count. */
  sample: boolean;
  opener?: 'from' | 'between';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/** Sticky match at `i` (every forward pattern below has the `y` flag). */
function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/**
 * Match of a `$`-anchored pattern against the text just before `i`, not before `lo`. The
 * window fits the longest prefix word (`приблизительно `) and keeps the lookback cheap,
 * since the engine tries the pattern at every position of the window.
 */
function before(re: RegExp, text: string, lo: number, i: number): RegExpExecArray | null {
  return re.exec(text.slice(Math.max(lo, i - 24), i));
}

const CURRENCY_OF: Record<string, Currency> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  jpy: 'JPY',
  '₽': 'RUB',
  rub: 'RUB',
};

function currencyOf(token: string): Currency {
  const t = token.toLowerCase().replace(/\.$/, '');
  const direct = CURRENCY_OF[t];
  if (direct) return direct;
  if (/^(руб|рубл|rub)/.test(t)) return 'RUB';
  if (/^(долл|доллар|dollar)/.test(t)) return 'USD';
  if (/^(евро|euro)/.test(t)) return 'EUR';
  if (/^(фунт|pound)/.test(t)) return 'GBP';
  return 'JPY';
}

const CUR_SYMBOLS = 'US\\$|\\$|€|£|¥|₽';
const CUR_CODES = 'USD|EUR|GBP|JPY|RUB';
const CUR_PREFIX = new RegExp(`(${CUR_SYMBOLS}|(?<![\\p{L}])(?:${CUR_CODES}))${SP}?(?=\\d)`, 'uy');
const CUR_BEFORE = new RegExp(`(?:${CUR_SYMBOLS}|(?<![\\p{L}])(?:${CUR_CODES}))${SP}?$`, 'u');
/**
 * A sign after the number (`5 000 ₽`, `100$`) or a word (`руб.`, `долларов`, `USD`). A sign
 * glued to the next digits (`5 $10`) is that number's prefix instead.
 */
const CUR_SUFFIX = new RegExp(
  `${SP}?(?:([₽$€£¥])(?!\\d)|(руб\\.?|рубл(?:ей|я|ь)|${CUR_CODES}|доллар(?:ов|а)?|долл\\.|евро|фунт(?:ов|а)?|иен|dollars?|euros?|pounds?|yen)(?![\\p{L}]))`,
  'iuy',
);

/** Attached single-letter and short scales: `15k`, `$1.5B`, `5M`, `2bn`, `15к`. */
const SCALE_ATTACHED = /(MM|mln|bln|[bB][nN]|mn|[kKкКMBTmb])(?![\p{L}\p{N}])/uy;
const SCALE_WORD = new RegExp(
  `${SP}?(thousands?|millions?|billions?|trillions?|mln|bln|bn|тыс\\.?|тысяч[аи]?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?|трлн\\.?|триллион(?:а|ов)?)(?![\\p{L}])`,
  'iuy',
);

function scaleOf(token: string): { factor: number; lang: ScaleLang; needsCurrency: boolean } {
  const t = token.toLowerCase();
  const ru = /[а-я]/.test(t);
  const lang: ScaleLang = ru ? 'ru' : 'en';
  if (token === 'm' || token === 'b') return { factor: token === 'm' ? 1e6 : 1e9, lang, needsCurrency: true };
  if (token === 'T') return { factor: 1e12, lang, needsCurrency: true };
  if (/^(k|к|thousands?|тыс|тысяч)/.test(t)) return { factor: 1e3, lang, needsCurrency: false };
  if (/^(mm|mln|mn|m|millions?|млн|миллион)/.test(t)) return { factor: 1e6, lang, needsCurrency: false };
  if (/^(bn|bln|b|billions?|млрд|миллиард)/.test(t)) return { factor: 1e9, lang, needsCurrency: false };
  return { factor: 1e12, lang, needsCurrency: false };
}

const PERCENT = new RegExp(`${SP}?%|${SP}(?:percent|per cent|pct|процент(?:ов|а)?)(?![\\p{L}])`, 'iuy');
/** `3x` but not `3x $15k` (a product) nor `3x3`, `3xl`. */
const MULTIPLE = new RegExp(`[xXхХ×](?![\\p{L}\\p{N}])(?!${SP}*(?:[$€£¥₽]|\\d))`, 'uy');

const CONN_TIGHT = /[-–—‒](?=(?:US\$|[$€£¥₽])?\d)/uy;
const CONN_SPACED = new RegExp(`${SP}+[-–—‒]${SP}+(?=(?:US\\$|[$€£¥₽])?\\d)`, 'uy');
const CONN_WORD = new RegExp(`${SP}+(to|до|and|и)${SP}+(?=(?:US\\$|[$€£¥₽])?\\d)`, 'iuy');

const PLUS = /\+(?![\d$€£¥₽])/y;

const UNIT = new RegExp(
  `${SP}?(seconds?|secs?\\.?|minutes?|mins?\\.?|hours?|hrs?|days?|weeks?|wks?|months?|mos?\\.?|quarters?|qtrs?|years?|yrs?|час(?:а|ов)?|день|дня|дней|дн\\.|сутки|суток|недел[яиюе]|недель|нед\\.|месяц(?:а|ев)?|мес\\.?|квартал(?:а|ов)?|год(?:а|у)?|лет|секунд[аы]?|сек\\.|минут[аы]?|мин\\.?)(?![\\p{L}])`,
  'iuy',
);
/** `90-day`, `6-month`: a duration used as an adjective. */
const HYPHEN_UNIT = /[-‐](hour|day|week|month|quarter|year)(?![\p{L}])/iuy;

function periodOf(word: string): Period | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (/^(seconds?|secs?|s|секунд|секунда|секунды|сек)$/.test(w)) return 'second';
  if (/^(minutes?|mins?|минут|минута|минуты|мин)$/.test(w)) return 'minute';
  if (/^(hours?|hrs?|h|hourly|час|часа|часов|ч|ежечасно)$/.test(w)) return 'hour';
  if (/^(days?|d|daily|день|дня|дней|дн|сутки|суток|ежедневно)$/.test(w)) return 'day';
  if (/^(weeks?|wks?|w|weekly|неделя|недели|недель|неделю|неделе|нед|еженедельно)$/.test(w)) return 'week';
  if (/^(months?|mos?|mon|mth|monthly|месяц|месяца|месяцев|мес|ежемесячно|mrr)$/.test(w)) return 'month';
  if (/^(quarters?|qtrs?|q|quarterly|квартал|квартала|кварталов|кв|ежеквартально)$/.test(w)) return 'quarter';
  if (/^(years?|yrs?|y|annum|annually|yearly|annual|p\.a|год|года|году|лет|г|ежегодно|годовых|годовой|годовая|годовые|arr)$/.test(w)) return 'year';
  return undefined;
}

const PER_SLASH = new RegExp(
  `${SP}?\\/${SP}?(hours?|hr|h|days?|d|weeks?|wk|w|months?|mo|mon|mth|quarters?|qtr|q|years?|yr|y|annum|час|ч|день|дн|сутки|нед(?:елю|еля)?|мес(?:яц)?|квартал|кв|год|г)\\.?(?![\\p{L}])`,
  'iuy',
);
const PER_WORD = new RegExp(
  `${SP}+(?:(?:per|a|an|each|every)${SP}+(hour|day|week|month|quarter|year|annum)|(hourly|daily|weekly|monthly|quarterly|annually|yearly|annual|p\\.a\\.|ежечасно|ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|годовых|годовой|годовая|годовые)|(?:в|за)${SP}+(час|день|сутки|неделю|месяц|мес\\.?|квартал|год))(?![\\p{L}])`,
  'iuy',
);
const RECURRING = new RegExp(`${SP}+(MRR|ARR)(?![\\p{L}])`, 'uy');

/** The word after a number that makes it a count. Emphasis closers (`**5,000** users`) are skipped. */
const NOUN = new RegExp(`(?:\\*\\*|__|\\*|_)?${SP}+([\\p{L}][\\p{L}\\p{M}\\p{N}'’]*(?:-[\\p{L}\\p{N}]+)*)`, 'uy');
/** `34-cluster fleet`: a count used as an adjective. */
const HYPHEN_NOUN = /-(\p{L}[\p{L}\p{M}]*)/uy;

/** Words after a number that are not what it counts. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'at', 'in', 'on', 'to', 'for', 'from', 'by', 'with', 'than', 'vs', 'per',
  'is', 'are', 'was', 'were', 'be', 'as', 'over', 'under', 'into', 'out', 'up', 'if', 'so', 'but', 'that', 'this',
  'am', 'pm', 'x', 'х',
  'и', 'или', 'а', 'но', 'в', 'во', 'на', 'по', 'от', 'до', 'из', 'за', 'с', 'со', 'к', 'ко', 'для', 'при', 'через',
  'после', 'около', 'это', 'же', 'не',
]);

const MONTHS_EN = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const MONTHS_RU =
  '(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|фев|мар|апр|авг|сен|сент|окт|ноя|дек)\\.?';
// English month names are capitalised in writing, which keeps `may` the verb out; Russian
// ones are lower case but may open a sentence.
const MONTH_BEFORE_EN = new RegExp(`(?<![\\p{L}])${MONTHS_EN}${SP}+$`, 'u');
const MONTH_BEFORE_RU = new RegExp(`(?<![\\p{L}])${MONTHS_RU}${SP}+$`, 'iu');
const MONTH_WORD_EN = new RegExp(`^${MONTHS_EN}$`, 'u');
const MONTH_WORD_RU = new RegExp(`^${MONTHS_RU}$`, 'iu');

function afterMonth(text: string, i: number): boolean {
  return before(MONTH_BEFORE_EN, text, 0, i) !== null || before(MONTH_BEFORE_RU, text, 0, i) !== null;
}

function isMonth(word: string): boolean {
  return MONTH_WORD_EN.test(word) || MONTH_WORD_RU.test(word);
}
const YEAR_NOUNS = new Set(['г', 'гг', 'год', 'года', 'году']);

const N_BEFORE = /(?<![\p{L}\p{N}])[nN][ \u00A0]?=[ \u00A0]?$/u;
const CMP_BEFORE = /(<=|>=|=<|=>|≤|≥|<|>|~|≈)[ \u00A0\u202F]?$/u;
const CMP_WORD_BEFORE =
  /(?<![\p{L}\p{N}])(more than|less than|fewer than|at least|at most|up to|over|under|above|below|exceeds?|exceeding|about|around|approx\.|approximately|roughly|nearly|almost|between|from|не менее|не более|не меньше|не больше|более|больше|свыше|выше|превышает|менее|меньше|ниже|около|примерно|приблизительно|порядка|почти|между|от|до)[ \u00A0\u202F]+$/iu;

function comparatorOfWord(word: string): { comparator?: Comparator; opener?: 'from' | 'between' } {
  const w = word.toLowerCase();
  if (w === 'between' || w === 'между') return { opener: 'between' };
  if (w === 'from' || w === 'от') return { comparator: '>=', opener: 'from' };
  if (/^(more than|over|above|exceeds?|exceeding|более|больше|свыше|выше|превышает)$/.test(w)) return { comparator: '>' };
  if (/^(less than|fewer than|under|below|менее|меньше|ниже)$/.test(w)) return { comparator: '<' };
  if (/^(at least|не менее|не меньше)$/.test(w)) return { comparator: '>=' };
  if (/^(at most|up to|не более|не больше|до)$/.test(w)) return { comparator: '<=' };
  return { comparator: '~' };
}

function comparatorOfSymbol(sym: string): Comparator {
  if (sym === '<=' || sym === '=<' || sym === '≤') return '<=';
  if (sym === '>=' || sym === '=>' || sym === '≥') return '>=';
  if (sym === '<') return '<';
  if (sym === '>') return '>';
  return '~';
}

/** Phone numbers: `+7 (495) 123-45-67`, `+1 555 123 4567`. */
const PHONE_INTL = /\+\d{1,3}((?:[ \u00A0-]?\(?\d{1,5}\)?){2,})/y;
/** `(555) 123-4567`, `8 (800) 555-35-35`. */
const PHONE_AREA = /(?:\d{1,2}[ \u00A0]?)?\(\d{2,5}\)[ \u00A0-]?\d{2,4}(?:[ \u00A0-]\d{2,4})+/y;
/** Three or more hyphen-joined groups: dates `2026-01-15`, phones `555-123-4567`. */
const HYPHEN_CHAIN = /\d+(?:-\d+){2,}/y;
/** A numeric token with its joiners, skipped as a whole when refused. */
const CHAIN = /\d+(?:(?:[.,:/\-–−]|[ \u00A0\u202F\u2009\u2007](?=\d{3}(?!\d)))\d+)*/y;
const TIME_TAIL = /[ \u00A0]?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])/iuy;

function chainEnd(text: string, i: number): number {
  const m = at(CHAIN, text, i);
  return m ? i + m[0].length : i + 1;
}

function lexNumeral(text: string, i: number): Numeral {
  const start = i;
  let j = i;
  while (isDigit(text[j])) j++;
  const groups = [text.slice(i, j)];
  const seps: string[] = [];
  for (;;) {
    const c = text[j];
    if ((c === ',' || c === '.') && isDigit(text[j + 1])) {
      let k = j + 1;
      while (isDigit(text[k])) k++;
      seps.push(c);
      groups.push(text.slice(j + 1, k));
      j = k;
      continue;
    }
    if (
      c !== undefined &&
      GROUP_SPACES.has(c) &&
      groups[0]!.length <= 3 &&
      seps.every((s) => s === ' ') &&
      isDigit(text[j + 1]) &&
      isDigit(text[j + 2]) &&
      isDigit(text[j + 3]) &&
      !isDigit(text[j + 4])
    ) {
      seps.push(' ');
      groups.push(text.slice(j + 1, j + 4));
      j += 4;
      continue;
    }
    break;
  }
  return { start, end: j, groups, seps };
}

/** The numeral's value by rules 1–6 of the header; undefined when it is not a number. */
function numeralValue(n: Numeral, scaleLang: ScaleLang | undefined, lang: Language | undefined): number | undefined {
  const { groups, seps } = n;
  if (seps.length === 0) return Number(groups[0]);
  let k = 0;
  while (k < seps.length && seps[k] === ' ') k++;
  const intPart = groups.slice(0, k + 1).join('');
  const rest = seps.slice(k);
  const restGroups = groups.slice(k + 1);
  if (rest.length === 0) return Number(intPart);
  if (k > 0) return rest.length === 1 ? Number(`${intPart}.${restGroups[0]}`) : undefined;
  const g0 = groups[0]!;
  if (rest.length === 1) {
    const g1 = restGroups[0]!;
    const decimal =
      g1.length !== 3 ||
      g0.length > 3 ||
      g0.startsWith('0') ||
      rest[0] === '.' ||
      (scaleLang !== undefined && (scaleLang === 'ru' || lang === 'ru'));
    return decimal ? Number(`${g0}.${g1}`) : Number(g0 + g1);
  }
  if (g0.length > 3 || (g0.startsWith('0') && g0.length > 1)) return undefined;
  const mark = rest[0]!;
  const last = rest[rest.length - 1]!;
  const thousands = last === mark ? rest : rest.slice(0, -1);
  if (!thousands.every((s) => s === mark)) return undefined;
  const thousandGroups = restGroups.slice(0, thousands.length);
  if (!thousandGroups.every((g) => g.length === 3)) return undefined;
  const int = g0 + thousandGroups.join('');
  return last === mark ? Number(int) : Number(`${int}.${restGroups[restGroups.length - 1]}`);
}

function isTime(text: string, a: Numeral, b: Numeral): boolean {
  if (text[b.end] === ':' && isDigit(text[b.end + 1])) return true;
  if (at(TIME_TAIL, text, b.end)) return true;
  return (
    a.seps.length === 0 &&
    a.groups[0]!.length <= 2 &&
    Number(a.groups[0]) <= 24 &&
    b.seps.length === 0 &&
    b.groups[0]!.length === 2 &&
    Number(b.groups[0]) <= 59
  );
}

/** One bound: [currency] number [scale] [currency] [% | x], or a ratio `a:b`. */
function readBound(s: Scan, p: number): Bound | Refusal | undefined {
  const text = s.text;
  let i = p;
  let currency: Currency | undefined;
  let currencyPrefix = false;
  const cm = at(CUR_PREFIX, text, i);
  if (cm) {
    currency = currencyOf(cm[1]!);
    currencyPrefix = true;
    i += cm[0].length;
  }
  if (!isDigit(text[i])) return undefined;
  const num = lexNumeral(text, i);
  i = num.end;
  // Fractions, `24/7` and slashed dates are not quantities.
  if (text[i] === '/' && isDigit(text[i + 1])) return { refuse: chainEnd(text, num.start) };
  if (text[i] === ':' && isDigit(text[i + 1])) {
    const den = lexNumeral(text, i + 1);
    if (currency || isTime(text, num, den)) return { refuse: chainEnd(text, num.start) };
    const a = numeralValue(num, undefined, s.lang);
    const b = numeralValue(den, undefined, s.lang);
    if (a === undefined || b === undefined || b === 0) return { refuse: chainEnd(text, num.start) };
    return { start: p, end: den.end, num, currencyPrefix: false, ratio: a / b };
  }
  const bound: Bound = { start: p, end: i, num, currencyPrefix };
  if (currency) bound.currency = currency;
  const sa = at(SCALE_ATTACHED, text, i);
  const scaleMatch = sa && !(scaleOf(sa[1]!).needsCurrency && !currency) ? sa : at(SCALE_WORD, text, i);
  if (scaleMatch) {
    const sc = scaleOf(scaleMatch[1]!);
    bound.scale = sc.factor;
    bound.scaleLang = sc.lang;
    i += scaleMatch[0].length;
  }
  if (!bound.currency) {
    const cs = at(CUR_SUFFIX, text, i);
    if (cs) {
      bound.currency = currencyOf((cs[1] ?? cs[2])!);
      i += cs[0].length;
    }
  }
  if (!bound.currency) {
    const pm = at(PERCENT, text, i);
    if (pm) {
      bound.mark = 'percent';
      i += pm[0].length;
    } else {
      const mm = at(MULTIPLE, text, i);
      if (mm) {
        bound.mark = 'multiple';
        i += mm[0].length;
      }
    }
  }
  bound.end = i;
  return bound;
}

function isRefusal(r: Bound | Refusal | undefined): r is Refusal {
  return r !== undefined && 'refuse' in r;
}

/** A bound carries a currency, scale or mark: enough to make a spaced dash a range. */
function marked(b: Bound): boolean {
  return b.currency !== undefined || b.scale !== undefined || b.mark !== undefined;
}

interface Core {
  end: number;
  value: number;
  min?: number;
  max?: number;
  currency?: Currency;
  mark?: 'percent' | 'multiple';
  ratio: boolean;
  /** Set when the core is one bound, for the year and numbering checks. */
  single?: Bound;
}

function singleCore(s: Scan, b: Bound, negative: boolean): Core | undefined {
  if (b.ratio !== undefined) return { end: b.end, value: negative ? -b.ratio : b.ratio, ratio: true, single: b };
  const v = numeralValue(b.num, b.scaleLang, s.lang);
  if (v === undefined) return undefined;
  const value = (negative ? -v : v) * (b.scale ?? 1);
  const core: Core = { end: b.end, value, ratio: false, single: b };
  if (b.currency) core.currency = b.currency;
  if (b.mark) core.mark = b.mark;
  return core;
}

/** Two bounds as a range, with the inheritance rules of the header; undefined when they are not one. */
function rangeCore(s: Scan, b1: Bound, b2: Bound, negative: boolean): Core | undefined {
  if (b1.ratio !== undefined || b2.ratio !== undefined) return undefined;
  // `2026-01`: a second bound with a leading zero is a date part, not a bound.
  const g = b2.num.groups[0]!;
  if (g.length > 1 && g.startsWith('0')) return undefined;
  if (b1.currency && b2.currency && b1.currency !== b2.currency) return undefined;
  if (b1.mark && b2.mark && b1.mark !== b2.mark) return undefined;
  const v2raw = numeralValue(b2.num, b2.scaleLang ?? b1.scaleLang, s.lang);
  if (v2raw === undefined) return undefined;
  const sign = negative ? -1 : 1;
  let min: number | undefined;
  let max: number;
  if (b1.scale !== undefined) {
    const v1 = numeralValue(b1.num, b1.scaleLang, s.lang);
    if (v1 === undefined) return undefined;
    min = sign * v1 * b1.scale;
    // A second bound without a scale (and without its own currency sign) takes the first's.
    const f2 = b2.scale ?? (b2.currencyPrefix ? 1 : b1.scale);
    max = v2raw * f2;
  } else {
    max = v2raw * (b2.scale ?? 1);
    if (b2.scale !== undefined && !b2.currencyPrefix) {
      const v1s = numeralValue(b1.num, b2.scaleLang, s.lang);
      if (v1s !== undefined && sign * v1s * b2.scale <= max) min = sign * v1s * b2.scale;
    }
    if (min === undefined) {
      const v1 = numeralValue(b1.num, undefined, s.lang);
      if (v1 === undefined) return undefined;
      min = sign * v1;
    }
  }
  if (!(min <= max)) return undefined;
  const core: Core = { end: b2.end, value: min, min, max, ratio: false };
  const currency = b1.currency ?? b2.currency;
  if (currency) core.currency = currency;
  const mark = b1.mark ?? b2.mark;
  if (mark) core.mark = mark;
  return core;
}

/** What stands before the digit at `d`; a refusal when the digit is glued to a word. */
function readPrefix(s: Scan, d: number, lo: number): { p: number; pre: Prefix } | Refusal {
  const text = s.text;
  let p = d;
  const cur = before(CUR_BEFORE, text, lo, p);
  if (cur) p -= cur[0].length;
  const c = text[p - 1];
  // `Q1`, `K8s`, `FY2025`, `C$5`: a number glued to letters is part of a name.
  if (p - 1 >= 0 && isWordChar(c)) return { refuse: chainEnd(text, d) };
  // `T-24`, `T+12`, `GPT-4`, `[X:1]`, `v.2`: joined to a word by a hyphen, plus, colon or dot.
  if (c !== undefined && '-–−‐+/.:,\''.includes(c) && isWordChar(text[p - 2])) return { refuse: chainEnd(text, d) };
  const pre: Prefix = { start: p, negative: false, sample: false };
  const n = before(N_BEFORE, text, lo, p);
  if (n) {
    pre.sample = true;
    pre.start = p - n[0].length;
    return { p, pre };
  }
  let q = p;
  const sc = text[q - 1];
  if (sc !== undefined && '-−+'.includes(sc) && q - 1 >= lo) {
    const prev = text[q - 2];
    if (prev === undefined || /[\s(\[{|:;,*_"'«“=]/.test(prev)) {
      pre.negative = sc !== '+';
      q -= 1;
    }
  }
  const sym = before(CMP_BEFORE, text, lo, q);
  if (sym && !(sym[1] === '>' && isBlockquoteMarker(text, q - sym[0].length))) {
    pre.comparator = comparatorOfSymbol(sym[1]!);
    q -= sym[0].length;
  } else {
    const w = before(CMP_WORD_BEFORE, text, lo, q);
    if (w) {
      const cw = comparatorOfWord(w[1]!);
      if (cw.comparator) pre.comparator = cw.comparator;
      if (cw.opener) pre.opener = cw.opener;
      q -= w[0].length;
    }
  }
  pre.start = q;
  return { p, pre };
}

/**
 * A `> ` (with a space) that has only spaces and other `>` before it on its line opens a
 * block quote. `>3x` at a line start is read as a comparator: that is how the seeds write
 * thresholds, and quotes are written with the space.
 */
function isBlockquoteMarker(text: string, i: number): boolean {
  if (!/[ \t]/.test(text[i + 1] ?? '')) return false;
  for (let j = i - 1; j >= 0; j--) {
    const c = text[j]!;
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '>') return false;
  }
  return true;
}

/** `1. Market Analysis`, `### 2) Buyer Personas`: list or heading numbering at a line start. */
function isLineNumbering(text: string, start: number, end: number): boolean {
  if (!(text[end] === '.' || text[end] === ')') || !/[ \t]/.test(text[end + 1] ?? '')) return false;
  for (let j = start - 1; j >= 0; j--) {
    const c = text[j]!;
    if (c === '\n' || c === '\r') return true;
    if (!' \t#>'.includes(c)) return false;
  }
  return true;
}

function isYear(b: Bound | undefined): boolean {
  if (!b || b.ratio !== undefined || b.currency || b.scale !== undefined || b.mark || b.num.seps.length > 0) return false;
  const g = b.num.groups[0]!;
  const v = Number(g);
  return g.length === 4 && v >= 1900 && v <= 2100;
}

type Read = { q: Quantity; end: number } | Refusal;

/** One quantity whose number (after any currency sign) starts at `p`; `pre` is what stands before it. */
function readQuantity(s: Scan, p: number, pre: Prefix, nested: boolean): Read {
  const text = s.text;
  const b1 = readBound(s, p);
  if (b1 === undefined) return { refuse: p + 1 };
  if (isRefusal(b1)) return b1;
  let core: Core | undefined;
  let b2: Bound | undefined;
  if (b1.ratio === undefined) {
    const conn =
      at(CONN_TIGHT, text, b1.end) ??
      (marked(b1) ? at(CONN_SPACED, text, b1.end) : null) ??
      connWord(text, b1.end, pre.opener);
    if (conn) {
      const r = readBound(s, b1.end + conn[0].length);
      if (r !== undefined && !isRefusal(r)) {
        core = rangeCore(s, b1, r, pre.negative);
        if (core) b2 = r;
      }
    }
  }
  core ??= singleCore(s, b1, pre.negative);
  if (!core) return { refuse: chainEnd(text, b1.num.start) };
  let comparator = pre.comparator;
  let start = pre.start;
  if (b2 && pre.opener) comparator = undefined;
  if (!b2 && pre.opener === 'between') start = p;
  let end = core.end;
  const plus = at(PLUS, text, end);
  if (plus) {
    comparator ??= '+';
    end += 1;
  }
  let unit: Period | undefined;
  if (!core.currency && !core.mark && !core.ratio) {
    const um = at(UNIT, text, end) ?? (b2 ? null : at(HYPHEN_UNIT, text, end));
    if (um) {
      unit = periodOf(um[1]!);
      end += um[0].length;
    }
  }
  let per: Period | undefined;
  if (!core.ratio && core.mark !== 'multiple') {
    const pm = at(PER_SLASH, text, end) ?? at(PER_WORD, text, end) ?? (core.currency ? at(RECURRING, text, end) : null);
    if (pm) {
      per = periodOf((pm[1] ?? pm[2] ?? pm[3])!);
      end += pm[0].length;
    }
  }
  // `3x $15k`, `12,000×$15k`: a product operator right after the number.
  let op = nested ? null : at(PRODUCT_OP, text, end);
  // `3rd`, `2FA`, `5G`, `$15kACV`: glued to letters, so a name, not a quantity.
  if (!op && isLetter(text[end])) return { refuse: chainEnd(text, b1.num.start) };

  let kind: QuantityKind = core.ratio
    ? 'ratio'
    : core.mark === 'percent'
      ? 'percent'
      : core.mark === 'multiple'
        ? 'multiple'
        : core.currency
          ? 'money'
          : unit
            ? 'duration'
            : pre.sample
              ? 'count'
              : 'number';

  const single = b2 ? undefined : core.single;
  // Dates and numbering.
  if (single && kind === 'number' && !comparator && isLineNumbering(text, start, end)) {
    return { refuse: end };
  }
  if (single && (kind === 'number' || kind === 'duration') && single.num.seps.length === 0 && !single.scale) {
    if (afterMonth(text, start)) return { refuse: end };
  }

  let noun: string | undefined;
  let nounEnd = end;
  if (!op && (kind === 'number' || kind === 'count') && !nested) {
    const nm = at(NOUN, text, end) ?? (b2 || plus ? null : at(HYPHEN_NOUN, text, end));
    const word = nm?.[1];
    if (nm && word && !STOP_WORDS.has(word.toLowerCase())) {
      if (isMonth(word) && single && single.num.seps.length === 0) return { refuse: end };
      // `152-ФЗ`: a hyphenated code, not a count.
      if (nm[0].startsWith('-') && word === word.toUpperCase()) return { refuse: chainEnd(text, b1.num.start) };
      noun = word;
      nounEnd = end + nm[0].length;
      kind = 'count';
      op = at(PRODUCT_OP, text, nounEnd);
    }
  }
  if ((kind === 'number' || (kind === 'count' && noun !== undefined && YEAR_NOUNS.has(noun.toLowerCase()))) && !comparator) {
    if (single ? isYear(single) : b2 && isYear(b1) && isYear(b2)) return { refuse: end };
  }
  if (kind === 'duration' && unit === 'year' && isYear(single) && !comparator) return { refuse: end };

  const q: Quantity = { kind, value: core.value, span: { start: start + s.offset, end: end + s.offset }, text: text.slice(start, end) };
  if (core.min !== undefined && core.max !== undefined) {
    q.min = core.min;
    q.max = core.max;
  }
  if (core.currency) q.currency = core.currency;
  if (comparator) q.comparator = comparator;
  if (per) q.per = per;
  if (unit) q.unit = unit;
  if (noun !== undefined) q.noun = noun;

  if (op) {
    const ap = (noun !== undefined ? nounEnd : end) + op[0].length;
    const amount = readQuantity(s, ap, { start: ap, negative: false, sample: false }, true);
    if (!('refuse' in amount)) return { q: product(s, q, amount.q), end: amount.end };
  }
  return { q, end };
}

const PRODUCT_OP = new RegExp(`(?:${SP}*[×*]${SP}*|${SP}*[xXхХ]${SP}+|${SP}+[xXхХ]${SP}*)(?=(?:US\\$|[$€£¥₽])?\\d)`, 'uy');

function connWord(text: string, i: number, opener: Prefix['opener']): RegExpExecArray | null {
  const m = at(CONN_WORD, text, i);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w === 'to') return m;
  if (w === 'до') return opener === 'from' ? m : null;
  return opener === 'between' ? m : null;
}

/** `count × amount`: the value is the product; money wins the kind and the currency. */
function product(s: Scan, left: Quantity, amount: Quantity): Quantity {
  const count: Quantity = left.kind === 'number' ? { ...left, kind: 'count' } : left;
  const money = amount.kind === 'money' ? amount : count.kind === 'money' ? count : undefined;
  const q: Quantity = {
    kind: money ? 'money' : 'number',
    value: count.value * amount.value,
    span: { start: count.span.start, end: amount.span.end },
    text: s.text.slice(count.span.start - s.offset, amount.span.end - s.offset),
    product: { count, amount },
  };
  if (count.min !== undefined || amount.min !== undefined) {
    q.min = (count.min ?? count.value) * (amount.min ?? amount.value);
    q.max = (count.max ?? count.value) * (amount.max ?? amount.value);
  }
  if (money?.currency) q.currency = money.currency;
  const comparator = count.comparator ?? amount.comparator;
  if (comparator) q.comparator = comparator;
  const per = amount.per ?? count.per;
  if (per) q.per = per;
  return q;
}

function scan(text: string, opts: QuantityOptions, limit: number): Quantity[] {
  const s: Scan = { text, lang: opts.language, offset: opts.offset ?? 0 };
  const out: Quantity[] = [];
  const digits = /\d/g;
  let resume = 0;
  for (let m = digits.exec(text); m && out.length < limit; m = digits.exec(text)) {
    const d = m.index;
    const r = readAt(s, d, resume);
    if ('refuse' in r) resume = Math.max(r.refuse, d + 1);
    else {
      out.push(r.q);
      resume = Math.max(r.end, d + 1);
    }
    digits.lastIndex = resume;
  }
  return out;
}

function readAt(s: Scan, d: number, lo: number): Read {
  const text = s.text;
  // Phone numbers and hyphenated dates are skipped whole.
  if (text[d - 1] === '+' && d - 1 >= lo) {
    const m = at(PHONE_INTL, text, d - 1);
    if (m) {
      const digitCount = m[0].replace(/\D/g, '').length;
      const groups = m[1]!.match(/\d+/g) ?? [];
      if (digitCount >= 8 && (/[()-]/.test(m[0]) || groups.some((g) => g.length !== 3))) return { refuse: d - 1 + m[0].length };
    }
  }
  const area = at(PHONE_AREA, text, text[d - 1] === '(' && d - 1 >= lo ? d - 1 : d);
  if (area) return { refuse: area.index + area[0].length };
  const chain = at(HYPHEN_CHAIN, text, d);
  if (chain) return { refuse: d + chain[0].length };
  const pr = readPrefix(s, d, lo);
  if ('refuse' in pr) return pr;
  return readQuantity(s, pr.p, pr.pre, false);
}
