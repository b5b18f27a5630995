/**
 * Scale words and letters after a number: `15k`, `15к`, `$1.5B`, `5M`, `2bn`, `5 thousand`,
 * `1,5 млн`, `4,5 млрд`, `3 трлн`. Lowercase `m`/`b` and `T` (trillion) count only after a
 * currency sign (`$5m`, `$1T`), since `30m` could be minutes. A scale also says which
 * language the number is written in (`млн` is Russian), which decides `1,500 млн`.
 */
import { SP } from './tokens';

export type ScaleLang = 'en' | 'ru';

export interface Scale {
  factor: number;
  lang: ScaleLang;
  /** `m`, `b`, `T`: a scale only after a currency sign. */
  needsCurrency: boolean;
}

/** Attached single-letter and short scales: `15k`, `$1.5B`, `5M`, `2bn`, `15к`. */
export const SCALE_ATTACHED = /(MM|mln|bln|[bB][nN]|mn|[kKкКMBTmb])(?![\p{L}\p{N}])/uy;
/** Scale words, optionally after a space: `5 thousand`, `2 млн`, `1,5 миллиарда`. */
export const SCALE_WORD = new RegExp(
  `${SP}?(thousands?|millions?|billions?|trillions?|mln|bln|bn|тыс\\.?|тысяч[аи]?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?|трлн\\.?|триллион(?:а|ов)?)(?![\\p{L}])`,
  'iuy',
);

/** The factor of a scale token matched by SCALE_ATTACHED or SCALE_WORD. */
export function scaleOf(token: string): Scale {
  const t = token.toLowerCase();
  const lang: ScaleLang = /[а-я]/.test(t) ? 'ru' : 'en';
  if (token === 'm') return { factor: 1e6, lang, needsCurrency: true };
  if (token === 'b') return { factor: 1e9, lang, needsCurrency: true };
  if (token === 'T') return { factor: 1e12, lang, needsCurrency: true };
  if (/^(k|к|thousands?|тыс|тысяч)/.test(t)) return { factor: 1e3, lang, needsCurrency: false };
  if (/^(mm|mln|mn|m|millions?|млн|миллион)/.test(t)) return { factor: 1e6, lang, needsCurrency: false };
  if (/^(bn|bln|b|billions?|млрд|миллиард)/.test(t)) return { factor: 1e9, lang, needsCurrency: false };
  return { factor: 1e12, lang, needsCurrency: false };
}
