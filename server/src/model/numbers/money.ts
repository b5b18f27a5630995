/**
 * Currencies, written before a number (`$180M`, `US$5`, `€2M`, `USD 5,000`) or after it
 * (`5 000 ₽`, `100$`, `100 руб.`, `200 рублей`, `2 млн долларов`, `5,000 USD`), and the
 * conversion of amounts to US dollars for comparing them with thresholds.
 */
import type { Currency, Quantity } from './types';
import { SP } from './tokens';

/**
 * USD per unit of each currency: default rates, overridable in the config file. They only
 * need to be right to within a few percent, since they compare amounts with thresholds such
 * as the $1M minimum of a substantial segment (docs/methodology.md, "The five segment criteria").
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

/** Word stems of the currency names (`руб.`, `рублей`, `долларов`, `euros`, `фунтов`). */
const CURRENCY_STEMS: ReadonlyArray<[RegExp, Currency]> = [
  [/^(руб|рубл|rub)/, 'RUB'],
  [/^(долл|доллар|dollar)/, 'USD'],
  [/^(евро|euro)/, 'EUR'],
  [/^(фунт|pound)/, 'GBP'],
];

/** The currency of a sign, code or word matched by the patterns below (`иен`, `yen` are JPY). */
export function currencyOf(token: string): Currency {
  const t = token.toLowerCase().replace(/\.$/, '');
  const direct = CURRENCY_OF[t];
  if (direct) return direct;
  return CURRENCY_STEMS.find(([stem]) => stem.test(t))?.[1] ?? 'JPY';
}

const CUR_SYMBOLS = 'US\\$|\\$|€|£|¥|₽';
const CUR_CODES = 'USD|EUR|GBP|JPY|RUB';
/** A sign or code right before the digits: `$5`, `US$ 5`, `USD 5`, not `FUSD5`. */
export const CUR_PREFIX = new RegExp(`(${CUR_SYMBOLS}|(?<![\\p{L}])(?:${CUR_CODES}))${SP}?(?=\\d)`, 'uy');
/** The same, looking back from the digits. */
export const CUR_BEFORE = new RegExp(`(?:${CUR_SYMBOLS}|(?<![\\p{L}])(?:${CUR_CODES}))${SP}?$`, 'u');
/**
 * A sign after the number (`5 000 ₽`, `100$`) or a word (`руб.`, `долларов`, `USD`). A sign
 * glued to the next digits (`5 $10`) is that number's prefix instead.
 */
export const CUR_SUFFIX = new RegExp(
  `${SP}?(?:([₽$€£¥])(?!\\d)|(руб\\.?|рубл(?:ей|я|ь)|${CUR_CODES}|доллар(?:ов|а)?|долл\\.|евро|фунт(?:ов|а)?|иен|dollars?|euros?|pounds?|yen)(?![\\p{L}]))`,
  'iuy',
);
