/**
 * gtm-motion — the GTM Motion section of a GTM strategy names the motion it chose: PLG
 * (Product-Led Growth), Sales-Led or Hybrid (docs/methodology.md, "The GTM template"; the
 * Russian template asks for "[PLG/Sales-Led/Hybrid с обоснованием]"). The finding is on the section
 * heading.
 *
 * The names come from the schema: the `motion` field of the section, its enum values and
 * their aliases in both languages (`Product-Led`, `Гибридная модель`, `Продажи через отдел
 * продаж`). Any of them anywhere in the section counts — `**Motion**: Hybrid`, or a
 * sentence such as "Гибридная модель: PLG для регистраций, продажи от 500 тыс. ₽". A
 * section that is still its template, or whose only mention of a motion is a placeholder
 * still to be chosen (`[PLG/Sales-Led/Hybrid]`), is left to the placeholder rule.
 */
import { blankPlaceholders, NameFinder } from './content/lines';
import { gtmField } from './content/schema';
import { headingSpan } from './util/report';
import { writtenSection } from './util/written-section';
import { defineRule } from './types';

/** The motions when no schema describes them (a custom GTM kind). */
const FALLBACK = ['PLG', 'Product-Led', 'Sales-Led', 'Hybrid'];

interface Options {
  /** More names that count as naming a motion (a team's own words for it). */
  extraNames: string[];
}

export default defineRule<Options>({
  id: 'gtm-motion',
  severity: 'warning',
  kinds: ['gtm'],
  description: 'The GTM Motion section names PLG (Product-Led), Sales-Led or Hybrid.',
  messages: {
    unnamed: '"{section}" does not name a motion: {motions}',
  },
  defaults: { extraNames: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      extraNames: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: "More names that count as naming a motion, besides the schema's motions and their aliases.",
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const written = writtenSection(ctx.doc, ctx.match, 'gtm-motion');
    if (!written) return;
    const { section, lines } = written;
    const field = gtmField(ctx.kind, 'gtm-motion', 'motion');
    const motions = field?.enumNames.map((n) => n.name) ?? [];
    const finder = NameFinder.of([...(motions.length ? motions : FALLBACK), ...ctx.options.extraNames]);
    let inPlaceholder = false;
    for (const line of lines) {
      if (finder.find(blankPlaceholders(ctx.doc, line)).length) return;
      if (finder.find(line.text).length) inPlaceholder = true;
    }
    if (inPlaceholder) return;
    const listed = field?.enum?.length ? motionList(field.enum, field.enumNames, ctx.language) : FALLBACK.join(', ');
    ctx.report({ message: 'unnamed', args: { section: section.heading.text, motions: listed }, span: headingSpan(section) });
  },
});

/**
 * `PLG (Product-Led Growth), Sales-Led, Hybrid`: an abbreviation is spelt out in English; in
 * Russian documents each value gets its first Russian alias beside it.
 */
function motionList(values: string[], names: Array<{ name: string; value: string }>, language: 'en' | 'ru'): string {
  const cyrillic = (s: string): boolean => /[\u0400-\u04FF]/.test(s);
  return values
    .map((v) => {
      const wanted = (n: { name: string; value: string }): boolean =>
        n.value === v && n.name !== v && (language === 'ru' ? cyrillic(n.name) : !cyrillic(n.name) && /^[A-Z]{2,5}$/.test(v));
      const first = names.find(wanted);
      return first ? `${v} (${first.name})` : v;
    })
    .join(', ');
}
