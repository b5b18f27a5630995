/**
 * Reading the quantities marketers write, in English and Russian, in the forms segmentation,
 * persona and GTM documents use: `$180M`, `$1.5B`, `$15k`, `12,000 × $15k ACV`,
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
 *   currency, scale, `%` or `x` (`$500K - $2M`), `to`, `от … до`, `between … and`. A bound
 *   without a currency, scale or `%`/`x` inherits them from the other one (`$6K-120K`,
 *   `3-5%`, `1,5–2 млн ₽`); numbers/ranges.ts states when a scale is inherited backwards
 *   (`$5-10M` but `$500-5K`). A descending pair is not a range.
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
 *
 * This file is the public entry; the reader is split by what it reads, under numbers/:
 * types.ts (the Quantity shape), tokens.ts (shared characters and matching), numerals.ts
 * (digits and separators, rules 1–6), scales.ts (`k`, `млн`), money.ts (currencies and
 * rates), percent.ts (`%`, `x`), ratio.ts (`a:b`, times), durations.ts (units and periods),
 * counts.ts (nouns and products), bounds.ts (one bound), ranges.ts (two bounds),
 * comparators.ts (what stands before a number), not-quantities.ts (dates, phones,
 * numbering), read.ts (one quantity) and scan.ts (all of them in a text).
 */
export { CURRENCIES } from './numbers/types';
export type { Comparator, Currency, Period, Quantity, QuantityKind, QuantityOptions } from './numbers/types';
export { DEFAULT_RATES, rateToUSD, toUSD } from './numbers/money';
export { annualize, durationIn, PER_YEAR } from './numbers/durations';
export { findQuantities, parseQuantity } from './numbers/scan';
