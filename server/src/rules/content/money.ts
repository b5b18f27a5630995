/**
 * Money for messages: amounts are shown as the document writes them, with their value in US
 * dollars beside them when they are in another currency, so that a comparison made in
 * dollars can be followed by the reader (`30 млрд ₽ ≈ $330M`).
 */
import { annualize, rateToUSD, type Currency, type Quantity } from '../../model/numbers';

/** `$250B`, `$1.5B`, `$900M`, `$48K`, `$950`: short, as the methodology's templates write amounts. */
export function formatUSD(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const scales: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [factor, suffix] of scales) {
    if (abs >= factor) return `${sign}$${trim(abs / factor)}${suffix}`;
  }
  return `${sign}$${trim(abs)}`;
}

function trim(n: number): string {
  return String(Number(n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)));
}

/** Lower and upper bound of a money quantity per year, in US dollars. */
export function usdBounds(q: Quantity, rates?: Partial<Record<Currency, number>>): { low: number; high: number } | undefined {
  if (q.kind !== 'money' || q.currency === undefined) return undefined;
  const yearly = annualize(q);
  const rate = rateToUSD(q.currency, rates);
  return { low: (yearly.min ?? yearly.value) * rate, high: (yearly.max ?? yearly.value) * rate };
}

/** The amount as written, with its dollar value when it is not in dollars. */
export function showMoney(q: Quantity, rates?: Partial<Record<Currency, number>>): string {
  if (q.currency === 'USD' || q.currency === undefined) return q.text;
  const b = usdBounds(q, rates);
  if (!b) return q.text;
  const usd = b.low === b.high ? formatUSD(b.low) : `${formatUSD(b.low)}–${formatUSD(b.high)}`;
  return `${q.text} ≈ ${usd}`;
}
