/**
 * The JSON schema of `.segdoc.json`: what a valid config is. It is generated from the rule
 * registry and the built-in kinds; the loader validates every config against it
 * (services/config/validate.ts), and `scripts/config-schema.mjs` writes it, one file per
 * language, for VS Code's JSON support (schemas/config.schema.json, config.schema.ru.json).
 */
import type { Language } from '../../model/types';
import { builtinKinds } from '../../schemas/builtin';
import { pick } from '../../schemas/kinds';
import configRule from '../../rules/config';
import { rules as registry } from '../../rules/registry';
import type { Rule } from '../../rules/types';
import type { MessageArgs } from '../../l10n';
import { ruleDocUrl } from '../rules-doc';
import type { RuleLevel } from '../settings';
import { extendDefinitions, extendProperties, extendsCompletions } from './extend-schema';
import { schemaText, schemaTexts } from './messages';

/** Severities a rule can be set to in the config file. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];

/** Rule ids the config file may name: every registered rule but `config` itself. */
export function configurableRules(list: readonly Rule<object>[] = registry): Rule<object>[] {
  return list.filter((r) => r.id !== configRule.id);
}

/**
 * JSON schema (draft-07) of a rule's options object: its `optionsSchema`, else one derived
 * from its option defaults (each default's type, no other properties).
 */
export function ruleOptionsSchema(rule: Rule<object>): Record<string, unknown> {
  if (rule.optionsSchema) return rule.optionsSchema;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((rule.defaults ?? {}) as Record<string, unknown>)) {
    const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    properties[key] = ['string', 'number', 'boolean', 'array', 'object', 'null'].includes(type) ? { type } : {};
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** Every `description` of a rule's options schema, in English: what the bundles translate. */
export function optionDescriptions(rule: Rule<object>): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(ruleOptionsSchema(rule));
  return out;
}

/** A copy of a JSON schema with every `description` in `locale`. */
function localizeDescriptions(node: unknown, locale: Language): unknown {
  if (Array.isArray(node)) return node.map((n) => localizeDescriptions(n, locale));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'description' && typeof v === 'string' ? schemaText(locale, v) : localizeDescriptions(v, locale),
    ]),
  );
}

/**
 * Matches a kind schema path that is not remote: no URL scheme (`https:`, `file:`, …) before
 * the first colon, or a Windows drive (`C:\`, `c:/`). Remote schemas are never fetched.
 */
export const LOCAL_SCHEMA_PATTERN = '^(?![a-zA-Z][a-zA-Z0-9+.-]*:)|^[a-zA-Z]:[\\\\/]';

export type Translate = (text: string, args?: MessageArgs) => string;

/** `rules`: one property per rule, a severity or [severity, options]. */
function ruleSettingSchemas(rules: readonly Rule<object>[], locale: Language, t: Translate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of rules) {
    out[rule.id] = {
      description: t(schemaTexts.rule, { description: t(rule.description), severity: rule.severity }),
      markdownDescription: t(schemaTexts.ruleLink, {
        description: t(rule.description),
        severity: rule.severity,
        url: ruleDocUrl(rule.id),
      }),
      anyOf: [
        { $ref: '#/definitions/level' },
        {
          type: 'array',
          description: t(schemaTexts.ruleArray),
          items: [{ $ref: '#/definitions/level' }, localizeDescriptions(ruleOptionsSchema(rule), locale)],
          minItems: 1,
          maxItems: 2,
        },
      ],
    };
  }
  return out;
}

/** `kinds`: one property per built-in kind, whose aliases name its sections. */
function builtinKindSchemas(locale: Language, t: Translate): Record<string, unknown> {
  const other: Language = locale === 'en' ? 'ru' : 'en';
  const out: Record<string, unknown> = {};
  for (const kind of builtinKinds()) {
    const sections: Record<string, unknown> = {};
    for (const s of kind.sections)
      sections[s.id] = {
        description: t(schemaTexts.sectionAliases, { title: pick(s.title, locale), other: pick(s.title, other) }),
        $ref: '#/definitions/strings',
      };
    out[kind.kind] = {
      description: t(schemaTexts.kind, { kind: pick(kind.title, locale) }),
      type: 'object',
      additionalProperties: false,
      properties: {
        files: { $ref: '#/definitions/files' },
        aliases: {
          type: 'object',
          description: t(schemaTexts.aliases),
          properties: sections,
          additionalProperties: { $ref: '#/definitions/strings' },
        },
        schema: { $ref: '#/definitions/schema', description: t(schemaTexts.kindSchema, { kind: kind.kind }) },
      },
    };
  }
  return out;
}

function definitions(locale: Language, t: Translate): Record<string, unknown> {
  return {
    level: {
      enum: [...RULE_LEVELS],
      enumDescriptions: [
        schemaTexts.levelOff,
        schemaTexts.levelError,
        schemaTexts.levelWarning,
        schemaTexts.levelInfo,
        schemaTexts.levelHint,
      ].map((d) => t(d)),
    },
    strings: { type: 'array', items: { type: 'string' } },
    files: { description: t(schemaTexts.files), type: 'array', items: { type: 'string' } },
    schema: { type: 'string', pattern: LOCAL_SCHEMA_PATTERN },
    customKind: {
      description: t(schemaTexts.customKind),
      type: 'object',
      additionalProperties: false,
      properties: {
        files: { $ref: '#/definitions/files' },
        aliases: { type: 'object', additionalProperties: { $ref: '#/definitions/strings' } },
        schema: { $ref: '#/definitions/schema', description: t(schemaTexts.customSchema) },
        ...extendProperties(t),
      },
      // A custom kind has its own schema, or extends a built-in kind (./extend.ts).
      if: { required: ['extends'] },
      then: { allOf: extendsCompletions(locale, t) },
      else: { required: ['schema'] },
    },
    ...extendDefinitions(t),
  };
}

/**
 * The JSON schema (draft-07, what VS Code's `jsonValidation` understands best) of
 * `.segdoc.json` for these rules (by default the configurable ones of the registry, by id)
 * and the built-in kinds, with every description in `locale`: VS Code completes rule ids,
 * severities, options and section ids from it, and the loader validates configs with it.
 */
export function configJsonSchema(
  locale: Language = 'en',
  rules: readonly Rule<object>[] = [...configurableRules()].sort((a, b) => a.id.localeCompare(b.id)),
): Record<string, unknown> {
  const t: Translate = (text, args = {}) => schemaText(locale, text, args);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: t(schemaTexts.title),
    description: t(schemaTexts.description),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      language: { description: t(schemaTexts.language), enum: ['en', 'ru'] },
      rules: {
        description: t(schemaTexts.rules),
        type: 'object',
        properties: ruleSettingSchemas(rules, locale, t),
        additionalProperties: false,
      },
      kinds: {
        description: t(schemaTexts.kinds),
        type: 'object',
        properties: builtinKindSchemas(locale, t),
        additionalProperties: { $ref: '#/definitions/customKind' },
      },
    },
    definitions: definitions(locale, t),
  };
}

/** The committed text of the config schema in `locale`: schemas/config.schema.json, schemas/config.schema.ru.json. */
export function configJsonSchemaText(locale: Language = 'en'): string {
  return `${JSON.stringify(configJsonSchema(locale), null, 2)}\n`;
}

/** Where the config schema in `locale` is committed, relative to the repository. */
export function configJsonSchemaPath(locale: Language): string {
  return locale === 'en' ? 'schemas/config.schema.json' : `schemas/config.schema.${locale}.json`;
}
