/**
 * Localization: every text segdoc shows a user — diagnostics, fix titles, hovers, code
 * lenses, CLI output, the client's notifications and the scorecard — is written in English
 * in the code and translated through the @vscode/l10n bundles in l10n/
 * (`bundle.l10n.<locale>.json`, keyed by the English text, as `@vscode/l10n` and VS Code's
 * own l10n tooling expect). `l10n/bundle.l10n.json` lists every English text and is
 * generated from the code by `npm run l10n` (scripts/l10n.ts); the l10n tests prove
 * that every locale's bundle translates each of them.
 *
 * This is the lowest layer: it imports nothing of segdoc's, so the parser, the rules, the
 * services, the CLI and the client can all use it. The bundles are compiled into each
 * bundle (dist/*.js): nothing is read from disk or the network at run time.
 *
 * `@vscode/l10n` keeps one active bundle per module instance. The engine takes a locale per
 * call (the CLI and the tests check documents in either language in one process), so
 * {@link localize} selects the locale's bundle before each lookup; both are synchronous,
 * so no other lookup can run in between.
 */
import * as l10n from '@vscode/l10n';
import ru from '../../../l10n/bundle.l10n.ru.json';

/** The languages segdoc speaks: of its messages, and of the documents it reads. */
export type Locale = 'en' | 'ru';

export const LOCALES: readonly Locale[] = ['en', 'ru'];

/** Values for the `{name}` placeholders of a message. */
export type MessageArgs = Record<string, string | number>;

type Bundle = Record<string, string>;

/** English is the source language: its bundle is empty and every lookup falls back to the key. */
const bundles: Record<Locale, Bundle> = { en: {}, ru };

let active: Locale | undefined;

function use(locale: Locale): void {
  if (active === locale) return;
  l10n.config({ contents: bundles[locale] });
  active = locale;
}

/**
 * `message` (English, with `{name}` placeholders) in `locale`, with the placeholders filled.
 * A placeholder `{name:form|form…}` chooses a word by the plural category of the number
 * `args[name]`: the forms follow the locale's categories in the order one, few, many, other
 * (English `{count:item|items}`, Russian `{count:пункт|пункта|пунктов|пункта}`), the last
 * form standing for any category not given.
 */
export function localize(locale: Locale, message: string, args: MessageArgs = {}): string {
  use(locale);
  const text = l10n.t(message, args);
  return text.includes(':')
    ? text.replace(PLURAL_CHOICE, (whole, name: string, forms: string) => choose(locale, whole, args[name], forms))
    : text;
}

const PLURAL_CHOICE = /\{(\w+):([^{}]*\|[^{}]*)\}/g;
const CATEGORY_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const orderedCategories = new Map<Locale, Intl.LDMLPluralRule[]>();

function choose(locale: Locale, whole: string, value: string | number | undefined, forms: string): string {
  if (typeof value !== 'number') return whole;
  const options = forms.split('|');
  let categories = orderedCategories.get(locale);
  if (!categories) {
    const own = pluralCategories(locale);
    orderedCategories.set(locale, (categories = CATEGORY_ORDER.filter((c) => own.includes(c))));
  }
  const at = categories.indexOf(pluralCategory(locale, value));
  return options[Math.min(at < 0 ? options.length - 1 : at, options.length - 1)]!;
}

/**
 * A message that depends on a count: the English forms for one and for any other count,
 * each with the `{n}` placeholder. Other languages translate the form for each of their
 * plural categories (Russian: one, few, many, other) under the key `<English form>/<category>`.
 */
export interface Plural {
  one: string;
  other: string;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of `n` in `locale` (`one`, `few`, `many`, `other`). */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/** The plural categories a locale's bundle must translate each {@link Plural} for. */
export function pluralCategories(locale: Locale): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** The bundle key of a plural's form for a category. */
export function pluralKey(plural: Plural, category: Intl.LDMLPluralRule): string {
  return `${category === 'one' ? plural.one : plural.other}/${category}`;
}

/** `3 errors`, `1 ошибка`, `5 ошибок`: the form of `plural` for `n`, with `{n}` and `args` filled. */
export function localizeCount(locale: Locale, n: number, plural: Plural, args: MessageArgs = {}): string {
  const category = pluralCategory(locale, n);
  use(locale);
  return l10n.t({ message: category === 'one' ? plural.one : plural.other, comment: category, args: { ...args, n } });
}

/** A catalogue's lookup: the text `id` of `texts` in `locale`, with its placeholders filled. */
export function translator<T extends Record<string, string>>(
  texts: T,
): (id: keyof T & string, locale: Locale, args?: MessageArgs) => string {
  return (id, locale, args = {}) => localize(locale, texts[id]!, args);
}

/** A table of counted nouns' lookup: `count(3, 'error', 'ru')` → `3 ошибки`. */
export function counter<T extends Record<string, Plural>>(
  nouns: T,
): (n: number, noun: keyof T & string, locale: Locale) => string {
  return (n, noun, locale) => localizeCount(locale, n, nouns[noun]!);
}
