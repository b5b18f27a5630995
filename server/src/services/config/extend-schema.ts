/**
 * The part of the config schema (./schema.ts) that describes an extended kind: a custom kind
 * that says `"extends": "<built-in kind>"` and only what it changes (./extend.ts merges it,
 * docs/team-standards.md explains it). Per built-in kind, an `if`/`then` lists its section and
 * segment field ids, so VS Code completes them once `extends` is written.
 */
import type { Language } from '../../model/types';
import { builtinKinds } from '../../schemas/builtin';
import { pick } from '../../schemas/kinds';
import { schemaTexts } from './messages';
import type { Translate } from './schema';

/** Bounds of an extended kind (the config file itself is at most 256 KB and 32 levels deep). */
export const EXTEND_LIMITS = {
  /** Sections, fields per section, segment fields, enum values, aliases. */
  entries: 200,
  /** A name, alias or enum value. */
  name: 200,
  /** A heading pattern (RE2 compiles it; its size bounds the compiled program). */
  pattern: 500,
  /** A title, description or template line. */
  text: 4000,
} as const;

const ref = (name: string): Record<string, string> => ({ $ref: `#/definitions/${name}` });

/** The properties an extended kind may have beside `files`, `aliases` and `schema`. */
export function extendProperties(t: Translate): Record<string, unknown> {
  return {
    extends: { description: t(schemaTexts.extends), enum: builtinKinds().map((k) => k.kind) },
    title: ref('localizedText'),
    description: ref('localizedText'),
    sections: {
      description: t(schemaTexts.extendSections),
      type: 'object',
      maxProperties: EXTEND_LIMITS.entries,
      additionalProperties: ref('extendSection'),
    },
    remove: { description: t(schemaTexts.extendRemove), ...ref('names') },
    segmentFields: { description: t(schemaTexts.extendSegmentFields), ...ref('extendFields') },
    rules: { description: t(schemaTexts.extendRules), $ref: '#/properties/rules' },
    detect: {
      description: t(schemaTexts.extendDetect),
      type: 'object',
      additionalProperties: false,
      properties: {
        headings: {
          description: t(schemaTexts.extendHeadings),
          type: 'array',
          maxItems: EXTEND_LIMITS.entries,
          items: { type: 'string', maxLength: EXTEND_LIMITS.pattern },
        },
        files: ref('files'),
      },
    },
  };
}

/** Definitions the extended kind's properties refer to. */
export function extendDefinitions(t: Translate): Record<string, unknown> {
  const text = { type: ['string', 'array'], maxLength: EXTEND_LIMITS.text, maxItems: EXTEND_LIMITS.entries };
  return {
    names: {
      type: 'array',
      maxItems: EXTEND_LIMITS.entries,
      items: { type: 'string', maxLength: EXTEND_LIMITS.name },
    },
    localizedText: {
      description: t(schemaTexts.localizedText),
      type: 'object',
      additionalProperties: false,
      properties: {
        en: { ...text, items: { type: 'string', maxLength: EXTEND_LIMITS.text } },
        ru: { ...text, items: { type: 'string', maxLength: EXTEND_LIMITS.text } },
      },
    },
    extendSection: {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: ref('localizedText'),
        description: ref('localizedText'),
        template: ref('localizedText'),
        aliases: ref('names'),
        required: { description: t(schemaTexts.extendRequired), type: 'boolean' },
        recommended: { description: t(schemaTexts.extendRecommended), type: 'boolean' },
        after: { description: t(schemaTexts.extendAfter), type: 'string', maxLength: EXTEND_LIMITS.name },
        fields: { description: t(schemaTexts.extendFields), ...ref('extendFields') },
      },
    },
    extendFields: {
      type: 'object',
      maxProperties: EXTEND_LIMITS.entries,
      additionalProperties: ref('extendField'),
    },
    extendField: {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: ref('localizedText'),
        description: ref('localizedText'),
        aliases: ref('names'),
        required: { description: t(schemaTexts.extendRequired), type: 'boolean' },
        enum: { description: t(schemaTexts.extendEnum), ...ref('names') },
        addEnum: { description: t(schemaTexts.extendAddEnum), ...ref('names') },
        enumAliases: {
          type: 'object',
          maxProperties: EXTEND_LIMITS.entries,
          additionalProperties: ref('names'),
        },
        category: { type: 'string', maxLength: EXTEND_LIMITS.name },
      },
    },
  };
}

/** Per built-in kind: its section ids (and segment field ids) as properties, for completion once `extends` names it. */
export function extendsCompletions(locale: Language, t: Translate): unknown[] {
  const other: Language = locale === 'en' ? 'ru' : 'en';
  return builtinKinds().map((kind) => {
    const sections: Record<string, unknown> = {};
    for (const s of kind.sections)
      sections[s.id] = {
        description: t(schemaTexts.extendSection, { title: pick(s.title, locale), other: pick(s.title, other) }),
      };
    const segmentFields: Record<string, unknown> = {};
    for (const f of kind.segmentFields) segmentFields[f.id] = { description: pick(f.title, locale) };
    return {
      if: { properties: { extends: { const: kind.kind } } },
      then: {
        properties: {
          sections: { properties: sections },
          remove: { items: { enum: kind.sections.map((s) => s.id) } },
          ...(kind.segmentFields.length ? { segmentFields: { properties: segmentFields } } : {}),
        },
      },
    };
  });
}
