/**
 * Reading the dates people write in segmentation documents: `2025-01-15` (the templates'
 * YYYY-MM-DD), `15.01.2025` (the Russian habit), `January 2025` (the comprehensive persona's "Last
 * Updated: January 2025") and `январь 2025` / `15 января 2025`. Used by stale-document (how old is the
 * document) and metadata (offer the ISO spelling of a date written another way).
 */

export interface FoundDate {
  /** UTC midnight of the day; for a month-only date, of the month's last day. */
  date: Date;
  precision: 'day' | 'month';
  /** Where the date is inside the searched text. */
  start: number;
  end: number;
  text: string;
}

// Letters on either side would make a number or a month name part of another word;
// JavaScript's \b only knows ASCII letters, so Cyrillic needs explicit look-arounds.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const EN_MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
// Nominative (январь), genitive (января), prepositional (январе) and the short forms.
const RU_MONTHS = [
  'янв(?:арь|аря|аре)?',
  'фев(?:р(?:аль|аля|але)?)?',
  'мар(?:т|та|те)?',
  'апр(?:ель|еля|еле)?',
  'ма(?:й|я|е)',
  'июн(?:ь|я|е)?',
  'июл(?:ь|я|е)?',
  'авг(?:уст|уста|усте)?',
  'сен(?:т(?:ябрь|ября|ябре)?)?',
  'окт(?:ябрь|ября|ябре)?',
  'ноя(?:брь|бря|бре)?',
  'дек(?:абрь|абря|абре)?',
];
const MONTH = `(${[...EN_MONTHS, ...RU_MONTHS].join('|')})\\.?`;

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  for (let i = 0; i < 12; i++) {
    if (new RegExp(`^(?:${EN_MONTHS[i]}|${RU_MONTHS[i]})$`, 'u').test(n)) return i;
  }
  return -1;
}

interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): { y: number; m: number; d?: number } | undefined;
}

const PATTERNS: Pattern[] = [
  // 2025-01-15, 2025/01/15
  {
    re: new RegExp(`${B}(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})${E}`, 'gu'),
    read: (m) => ({ y: +m[1]!, m: +m[2]! - 1, d: +m[3]! }),
  },
  // 15.01.2025
  { re: new RegExp(`${B}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${E}`, 'gu'), read: (m) => ({ y: +m[3]!, m: +m[2]! - 1, d: +m[1]! }) },
  // 15 January 2025, 15 января 2025 г.
  {
    re: new RegExp(`${B}(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})${E}`, 'giu'),
    read: (m) => ({ y: +m[3]!, m: monthIndex(m[2]!), d: +m[1]! }),
  },
  // January 15, 2025
  {
    re: new RegExp(`${B}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${E}`, 'giu'),
    read: (m) => ({ y: +m[3]!, m: monthIndex(m[1]!), d: +m[2]! }),
  },
  // January 2025, январь 2025
  { re: new RegExp(`${B}${MONTH}\\s+(\\d{4})${E}`, 'giu'), read: (m) => ({ y: +m[2]!, m: monthIndex(m[1]!) }) },
];

function realDate(y: number, m: number, d: number): Date | undefined {
  if (m < 0 || m > 11 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCMonth() === m && date.getUTCDate() === d ? date : undefined;
}

/** The first real date written in `text`, in any of the supported forms. */
export function findDate(text: string): FoundDate | undefined {
  let best: FoundDate | undefined;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const parts = p.read(m);
      if (!parts || parts.m < 0) continue;
      const precision = parts.d === undefined ? 'month' : 'day';
      // A month-only date counts from the month's last day: the document may have been
      // updated on any day of it, and a staleness warning should not come early.
      const date = parts.d === undefined ? new Date(Date.UTC(parts.y, parts.m + 1, 0)) : realDate(parts.y, parts.m, parts.d);
      if (!date) continue;
      const found = { date, precision, start: m.index, end: m.index + m[0].length, text: m[0] } as const;
      // Patterns overlap ("15 January 2025" also holds "January 2025"): keep the earliest, longest.
      if (!best || found.start < best.start || (found.start === best.start && found.end > best.end)) best = { ...found };
      break;
    }
  }
  return best;
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (UTC calendar days). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const b = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((b - a) / 86_400_000);
}
