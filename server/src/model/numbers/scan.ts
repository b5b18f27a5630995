/**
 * Finding quantities in a text: candidates start at digits; what stands before a digit
 * (comparator, currency sign, `n=`, sign) is found by looking back (comparators.ts), and
 * everything after it by reading forward (read.ts). A refused candidate tells the scan where
 * to go on, so `15.01.2025` or `+7 495 123-45-67` is skipped whole.
 */
import type { Quantity, QuantityOptions } from './types';
import { readPrefix } from './comparators';
import { skipPhoneOrDate } from './not-quantities';
import { readQuantity, type Read } from './read';
import type { Scan } from './tokens';

/** The first quantity in `text`, or undefined when it holds none. */
export function parseQuantity(text: string, opts: QuantityOptions = {}): Quantity | undefined {
  return scan(text, opts, 1)[0];
}

/** Every quantity in `text`, in order, non-overlapping. */
export function findQuantities(text: string, opts: QuantityOptions = {}): Quantity[] {
  return scan(text, opts, Infinity);
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

/** The quantity at the digit at `d`, not looking back before `lo` (the end of the previous one). */
function readAt(s: Scan, d: number, lo: number): Read {
  const skipped = skipPhoneOrDate(s.text, d, lo);
  if (skipped) return skipped;
  const prefix = readPrefix(s, d, lo);
  if ('refuse' in prefix) return prefix;
  return readQuantity(s, prefix.p, prefix.pre, false);
}
