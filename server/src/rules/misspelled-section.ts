/**
 * misspelled-section — a heading that names no section of the kind but is a typo away from
 * one ("Pain Pionts", "Болевые тчоки"). Such a section silently does not count: the real one
 * is reported missing and nothing inside is checked. Fix: rename the heading to the name the
 * user was aiming at, in the same language and alias they were typing, keeping their
 * numbering (`3.`) and any trailing parenthetical.
 *
 * False positives cost more than misses here, so a heading is only reported when:
 * it may name a section (depth ≥ 2, no matched section above it); it and the name are at
 * least `minLength` letters long; their typo similarity reaches `similarity`; they carry the
 * same numbers ("Tier 4" is not a typo of "Tier 1", "Сегмент 1" not of "Сегменты"); and the
 * section it would become is not already in the document (then the heading is something else).
 *
 * It also names the headings that segdoc took for a section without being sure (by some of
 * their words or by their content; see schemas/recognize.ts): such a section counts, and the
 * hint says which section it was read as, with a fix that renames the heading to that
 * section's name (keeping the user's numbering and emoji).
 */
import type { Section } from '../model/types';
import { pick } from '../schemas/kinds';
import { TYPO_DEFAULTS, typoOf, type TypoOptions } from '../schemas/recognize';
import { renameHeading, splitHeading } from './util/insert';
import { headingSpan } from './util/report';
import { defineRule } from './types';

/** `similarity` (1 − edits / length) and `minLength` (shorter headings are never reported): the bar of schemas/recognize.ts `typoOf`. */
export type MisspelledOptions = TypoOptions;

export default defineRule<MisspelledOptions>({
  id: 'misspelled-section',
  severity: 'info',
  description: 'A heading is close to a known section name but does not match it, or was taken for a section without naming it.',
  messages: {
    misspelled: 'Unknown section "{heading}": did you mean "{name}"?',
    guessed: '"{heading}" was read as the section "{name}"; rename the heading to make that explicit',
    rename: 'Rename to "{name}"',
  },
  defaults: { ...TYPO_DEFAULTS },
  optionsSchema: {
    type: 'object',
    properties: {
      similarity: {
        type: 'number',
        minimum: 0.5,
        maximum: 1,
        description: 'Minimum similarity (1 − edits / length) of a heading to a section name.',
      },
      minLength: { type: 'integer', minimum: 1, description: 'Headings shorter than this many characters are never reported.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const present = new Set(ctx.match.byId.keys());
    const visit = (list: Section[], parentMatched: boolean): void => {
      for (const section of list) {
        const eligible = section.heading.depth >= 2 && !parentMatched;
        if (eligible && !section.key) check(section);
        visit(section.children, parentMatched || section.key !== undefined);
      }
    };
    const check = (section: Section): void => {
      const typo = typoOf(ctx.kind, section.normalized, ctx.options, present);
      if (!typo) return;
      const name = splitHeading(typo.name).core;
      ctx.report({
        message: 'misspelled',
        args: { heading: section.heading.text, name },
        span: headingSpan(section),
        fixes: [{ title: 'rename', args: { name }, edits: [renameHeading(section, name)], preferred: true }],
      });
    };
    visit(ctx.doc.sections, false);
    for (const m of ctx.match.matches) {
      if (m.sure) continue;
      const name = splitHeading(pick(m.spec.title, ctx.language)).core;
      ctx.report({
        message: 'guessed',
        args: { heading: m.section.heading.text, name },
        span: headingSpan(m.section),
        fixes: [{ title: 'rename', args: { name }, edits: [renameHeading(m.section, name)], preferred: true }],
      });
    }
  },
});
