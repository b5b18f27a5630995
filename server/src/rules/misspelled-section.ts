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
import { normalizeHeading } from '../model/normalize';
import type { Section } from '../model/types';
import type { KindSchema, SectionSpec } from '../schemas/kinds';
import { typoDistance } from './util/distance';
import { pick } from '../schemas/kinds';
import { renameHeading, splitHeading } from './util/insert';
import { headingSpan } from './util/report';
import { defineRule } from './types';

export interface MisspelledOptions {
  /** Minimum similarity (1 − edits / length) for a heading to count as a typo of a name. */
  similarity: number;
  /** Shorter headings are never reported: short words are too often legitimately different. */
  minLength: number;
}

function digits(s: string): string {
  return (s.match(/\d+/g) ?? []).join(' ');
}

interface SectionName {
  spec: SectionSpec;
  /** The name without numbering or a parenthetical note, as a fix writes it. */
  core: string;
  /** Its normalised form, compared with headings. */
  key: string;
}

/** Every name (titles and aliases) of every section of a kind, read once per kind. */
function sectionNames(kind: KindSchema): SectionName[] {
  let names = namesOf.get(kind);
  if (!names) {
    names = kind.sections.flatMap((spec) =>
      spec.names.map((name) => {
        const core = splitHeading(name).core;
        return { spec, core, key: normalizeHeading(core) };
      }),
    );
    namesOf.set(kind, names);
  }
  return names;
}

const namesOf = new WeakMap<KindSchema, SectionName[]>();

interface Candidate {
  spec: SectionSpec;
  name: string;
  score: number;
  distance: number;
}

export default defineRule<MisspelledOptions>({
  id: 'misspelled-section',
  severity: 'info',
  description: 'A heading is close to a known section name but does not match it, or was taken for a section without naming it.',
  messages: {
    misspelled: 'Unknown section "{heading}": did you mean "{name}"?',
    guessed: '"{heading}" was read as the section "{name}"; rename the heading to make that explicit',
    rename: 'Rename to "{name}"',
  },
  defaults: { similarity: 0.8, minLength: 5 },
  optionsSchema: {
    type: 'object',
    properties: {
      similarity: { type: 'number', minimum: 0.5, maximum: 1, description: 'Minimum similarity (1 − edits / length) of a heading to a section name.' },
      minLength: { type: 'integer', minimum: 1, description: 'Headings shorter than this many characters are never reported.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { similarity: minSimilarity, minLength } = ctx.options;
    const names = sectionNames(ctx.kind).filter((n) => !ctx.match.byId.has(n.spec.id));
    const visit = (list: Section[], parentMatched: boolean): void => {
      for (const section of list) {
        const eligible = section.heading.depth >= 2 && !parentMatched;
        if (eligible && !section.key) check(section);
        visit(section.children, parentMatched || section.key !== undefined);
      }
    };
    const check = (section: Section): void => {
      const key = section.normalized;
      if (key.length < minLength || !/\p{L}/u.test(key)) return;
      let best: Candidate | undefined;
      for (const n of names) {
        if (n.key.length < minLength || n.key === key || digits(n.key) !== digits(key)) continue;
        // The distance is at least the difference in length: skip names that cannot reach
        // the similarity bar before paying for the quadratic distance.
        const longest = Math.max(key.length, n.key.length);
        if (1 - Math.abs(key.length - n.key.length) / longest < minSimilarity) continue;
        // Past this many edits the similarity is below the bar: the distance stops counting there.
        const distance = typoDistance(key, n.key, Math.floor((1 - minSimilarity) * longest + 1e-9));
        const score = 1 - distance / longest;
        if (score < minSimilarity) continue;
        if (!best || distance < best.distance) best = { spec: n.spec, name: n.core, score, distance };
      }
      if (!best) return;
      const { lead, trail } = splitHeading(section.heading.text);
      const newText = `${lead}${best.name}${trail}`;
      ctx.report({
        message: 'misspelled',
        args: { heading: section.heading.text, name: best.name },
        span: headingSpan(section),
        fixes: [{ title: 'rename', args: { name: best.name }, edits: [{ span: section.heading.textSpan, newText }], preferred: true }],
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
