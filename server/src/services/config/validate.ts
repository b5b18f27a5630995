/**
 * Whether a config has the right shape is the config schema's question (services/config/
 * schema.ts, the one written to schemas/config.schema.json): ajv answers it, and each of its
 * errors becomes a `config` diagnostic at the value or key it is about, worded by the config
 * rule's messages (docs/rules/config.md) rather than by ajv, which words only the problems
 * inside a rule's options. Values it refuses are left out of the loaded config.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeRu from 'ajv-i18n/localize/ru';
import { closestName } from '../../model/distance';
import type { Span } from '../../parse/text';
import type { Rule } from '../../rules/types';
import type { MessageArgs } from '../../l10n';
import type { ConfigReport } from './diagnostics';
import {
  earlierOccurrences,
  escapeSegment,
  instanceAround,
  keyNodeOf,
  locate,
  nodeValue,
  pointerSegments,
  spanOf,
  type EarlierOccurrence,
  type JsonNode,
  type Located,
  type Picks,
} from './jsonc';
import { extendFinding } from './extend-validate';
import { configJsonSchema, configurableRules } from './schema';

const validators = new WeakMap<readonly Rule<object>[], { validate: ValidateFunction; ruleIds: string[] }>();

/**
 * The config schema for a rule list (the registry, or the rules a test passes), compiled once
 * per list, each on an ajv of its own that goes with it. The schema is ours and tested
 * (test/unit/config.test.ts compiles it checked), so it is not checked against the
 * meta-schema here, and it is compiled for speed of compiling: it is big, and validated once
 * per config file.
 */
function configValidator(list: readonly Rule<object>[]): { validate: ValidateFunction; ruleIds: string[] } {
  let v = validators.get(list);
  if (!v) {
    const rules = configurableRules(list);
    // verbose: an error carries its schema, whose `properties` are the expected keys.
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      verbose: true,
      validateSchema: false,
      inlineRefs: false,
      code: { optimize: false },
    });
    // The ids in the list's order: "did you mean" takes the first of equally near ones.
    v = { validate: ajv.compile(configJsonSchema('en', rules)), ruleIds: rules.map((r) => r.id) };
    validators.set(list, v);
  }
  return v;
}

export interface Finding {
  id: string;
  args: MessageArgs;
  span: Span;
  /** The values from the root down to the one refused. */
  way: readonly JsonNode[];
}

export interface Place {
  root: JsonNode;
  text: string;
  ruleIds: readonly string[];
  /** The occurrences of duplicated keys the instance holds (the last ones when absent). */
  picks?: Picks;
}

/**
 * Validates the config tree against the config schema for `list` and reports each problem.
 * The plain value keeps the last occurrence of a duplicated key; every earlier occurrence is
 * validated too, in an instance of its own, so each is reported where it is.
 */
export function checkShape(report: ConfigReport, root: JsonNode, list: readonly Rule<object>[]): void {
  const { validate, ruleIds } = configValidator(list);
  const reported = new Set<string>();
  const run = (instance: unknown, earlier?: EarlierOccurrence): void => {
    if (validate(instance)) return;
    const errors: ErrorObject[] = (validate.errors ?? []).map((e) => ({ ...e }));
    if (report.locale === 'ru') localizeRu(errors);
    const place: Place = earlier
      ? { root, text: report.text, ruleIds, picks: earlier.picks }
      : { root, text: report.text, ruleIds };
    for (const e of errors) {
      if (earlier && !concerns(e, earlier)) continue;
      const f = findingOf(e, place);
      // Several errors can say one thing (each string of an array that holds a number, …).
      const key = f && `${f.id}\0${f.span.start}\0${f.span.end}\0${JSON.stringify(f.args)}`;
      if (!f || !key || reported.has(key)) continue;
      reported.add(key);
      report.reportShape(f.id, f.args, f.span, f.way);
    }
  };
  run(nodeValue(root));
  for (const earlier of earlierOccurrences(root)) run(instanceAround(root, earlier), earlier);
}

/** Whether an error of an earlier occurrence's instance is about that occurrence (the rest of the instance is scaffolding). */
function concerns(e: ErrorObject, earlier: EarlierOccurrence): boolean {
  if (e.instancePath === earlier.pointer || e.instancePath.startsWith(`${earlier.pointer}/`)) return true;
  const parent = earlier.pointer.slice(0, earlier.pointer.lastIndexOf('/'));
  return (
    e.keyword === 'additionalProperties' &&
    e.instancePath === parent &&
    (e.params as { additionalProperty: string }).additionalProperty === earlier.property.key
  );
}

function findingOf(e: ErrorObject, place: Place): Finding | undefined {
  const segments = pointerSegments(e.instancePath);
  if (segments[0] === 'rules' && segments.length >= 2) return ruleSettingFinding(e, segments[1]!, place);
  // An extended kind's own rule settings (kinds.<name>.rules) read the same way.
  if (segments[0] === 'kinds' && segments[2] === 'rules' && segments.length >= 4)
    return ruleSettingFinding(e, segments[3]!, place, `/kinds/${escapeSegment(segments[1]!)}/rules/`);
  const at = locate(place.root, e.instancePath, place.picks);
  const extended = extendFinding(e, segments, at, place);
  if (extended !== false) return extended;
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownKeyFinding(e, segments, at, place);
    case 'required':
      // The one required property: a custom kind's schema (kinds.<name>.schema).
      return { id: 'customKindNeedsSchema', args: { kind: segments[1] ?? '' }, span: spanOf(at.keyNode ?? at.node), way: at.way };
    case 'pattern':
      // The one pattern: a kind schema path must be local.
      return { id: 'schemaRemote', args: { file: String(at.node.value) }, span: spanOf(at.node), way: at.way };
    case 'enum':
      // The one enum outside rules: "language".
      if (at.node.type === 'string')
        return { id: 'badLanguage', args: { value: String(at.node.value) }, span: spanOf(at.node), way: at.way };
      return { id: 'mustBeString', args: { property: segments.join('.') }, span: spanOf(at.node), way: at.way };
    case 'type':
      return typeFinding(String((e.params as { type: string }).type), segments, at);
    default:
      // The config schema uses no other keyword outside rule options (test/unit/config.test.ts checks).
      return undefined;
  }
}

/** An unknown key: a rule id (with the nearest known one), or a property of the config or of a kind. */
function unknownKeyFinding(e: ErrorObject, segments: string[], at: Located, place: Place): Finding {
  const key = String((e.params as { additionalProperty: string }).additionalProperty);
  const span = spanOf(keyNodeOf(at.node, key, place.picks) ?? at.node);
  if (
    (segments.length === 1 && segments[0] === 'rules') ||
    (segments.length === 3 && segments[0] === 'kinds' && segments[2] === 'rules')
  ) {
    const suggestion = closestName(key, place.ruleIds);
    return suggestion
      ? { id: 'unknownRuleSuggest', args: { rule: key, suggestion }, span, way: at.way }
      : { id: 'unknownRule', args: { rule: key }, span, way: at.way };
  }
  const expected = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  return {
    id: 'unknownProperty',
    args: { property: key, expected: expected.map((k) => `"${k}"`).join(', ') },
    span,
    way: at.way,
  };
}

/** A value of the wrong type; a string of an array of strings is the array's problem. */
function typeFinding(expected: string, segments: string[], at: Located): Finding {
  if (!segments.length) return { id: 'notObject', args: {}, span: spanOf(at.node), way: at.way };
  const parent = at.way.at(-2);
  if (expected === 'string' && parent?.type === 'array') {
    return {
      id: 'mustBeStringArray',
      args: { property: segments.slice(0, -1).join('.') },
      span: spanOf(parent),
      way: at.way.slice(0, -1),
    };
  }
  const id = expected === 'object' ? 'mustBeObject' : expected === 'array' ? 'mustBeStringArray' : 'mustBeString';
  return { id, args: { property: segments.join('.') }, span: spanOf(at.node), way: at.way };
}

/**
 * A rule's setting is a severity or [severity, options] (an `anyOf`): its errors are read
 * for the form the value has, so a wrong severity is a wrong severity, not "not an array".
 */
function ruleSettingFinding(e: ErrorObject, ruleId: string, place: Place, prefix = '/rules/'): Finding | undefined {
  const base = `${prefix}${escapeSegment(ruleId)}`;
  const setting = locate(place.root, base, place.picks);
  const rest = e.instancePath.slice(base.length);
  const node = setting.node;
  if (node.type === 'string') return rest === '' && e.keyword === 'enum' ? badLevel(e, ruleId, setting, place) : undefined;
  const items = node.children ?? [];
  if (node.type !== 'array' || items.length < 1 || items.length > 2) {
    return rest === '' ? { id: 'badRuleSetting', args: { rule: ruleId }, span: spanOf(node), way: setting.way } : undefined;
  }
  if (rest === '/0')
    return e.keyword === 'enum' ? badLevel(e, ruleId, locate(place.root, e.instancePath, place.picks), place) : undefined;
  if (rest === '/1' || rest.startsWith('/1/')) return optionFinding(e, ruleId, rest.slice(2), place);
  return undefined;
}

function badLevel(e: ErrorObject, ruleId: string, at: Located, place: Place): Finding {
  const node = at.node;
  const value = node.type === 'string' ? String(node.value) : place.text.slice(node.offset, node.offset + node.length);
  const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
  return {
    id: 'badLevel',
    args: { rule: ruleId, value, expected: allowed.map((l) => `"${String(l)}"`).join(', ') },
    span: spanOf(node),
    way: at.way,
  };
}

/** A problem inside a rule's options, in ajv's words (localized); `option` is its pointer below the options. */
function optionFinding(e: ErrorObject, ruleId: string, option: string, place: Place): Finding {
  const at = locate(place.root, e.instancePath, place.picks);
  if (e.keyword === 'additionalProperties') {
    const name = String((e.params as { additionalProperty: string }).additionalProperty);
    return {
      id: 'unknownOption',
      args: { rule: ruleId, option: name },
      span: spanOf(keyNodeOf(at.node, name, place.picks) ?? at.node),
      way: at.way,
    };
  }
  const detail = e.message ?? e.keyword;
  if (option === '') return { id: 'badOptions', args: { rule: ruleId, detail }, span: spanOf(at.node), way: at.way };
  return {
    id: 'badOption',
    args: { rule: ruleId, option: option.slice(1).replace(/\//g, '.'), detail },
    span: spanOf(at.node),
    way: at.way,
  };
}
