/**
 * Extended kinds: a custom kind of `.segdoc.json` that says `"extends": "<built-in kind>"`
 * and only what it changes (docs/team-standards.md). The change is merged into a copy of the
 * built-in kind's schema, which is then read and compiled like any kind schema
 * (./kinds.ts), so completion, hover, snippets, quick fixes, templates and tallies see an
 * ordinary kind. The config schema (./extend-schema.ts) has checked the shape; what needs
 * the base kind is checked here, each problem reported at its place in the config file:
 * a new section or field without a title, an `after` the kind does not have, segment fields
 * of a kind without segments, heading patterns RE2 cannot run, globs past their bounds.
 *
 *   sections.<id>        a new section (title, aliases, description, template, required or
 *                        recommended, after, fields), or what changes in an existing one
 *   remove               section ids the kind does not have
 *   segmentFields.<id>   a field every segment may have, or what changes in one
 *   fields.<id>          (in a section) title, aliases, description, required, enum (replaces),
 *                        addEnum (adds), enumAliases, category
 *   detect               headings, files: each replaces the base kind's
 *   title, description   the kind's own; rules: rule settings for documents of the kind
 */
import { globProblem } from '../../schemas/glob-limits';
import type { JsonSchema, KindSchema, XSegdoc } from '../../schemas/kinds';
import { unsupportedPattern } from '../../schemas/linear-regexp';
import { closestName } from '../../model/distance';
import type { RuleSetting } from '../settings';
import { globArgs, type ConfigReport } from './diagnostics';
import { readRules } from './rule-settings';
import { configurableRules } from './schema';
import { nodeValue, properties, spanOf, type JsonNode, type JsonProperty } from './jsonc';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const isLeaf = (node: JsonNode): boolean => node.type !== 'object' && node.type !== 'array';

/**
 * The node of property `key` (its last occurrence). A value the config schema refused is left
 * out; an object or array that only holds one is kept, its good parts used.
 */
function part(c: ConfigReport, node: JsonNode, key: string): JsonNode | undefined {
  const found = properties(node)
    .filter((p) => p.key === key)
    .at(-1)?.value;
  return found && !(isLeaf(found) && c.refuses(found)) ? found : undefined;
}

/** The plain value of property `key`, unless the config schema refused it or anything in it. */
function plain(c: ConfigReport, node: JsonNode, key: string): unknown {
  const found = properties(node)
    .filter((p) => p.key === key)
    .at(-1)?.value;
  return found && !c.refuses(found) ? nodeValue(found) : undefined;
}

/** An object node's properties, but for refused plain values. */
function entries(c: ConfigReport, node: JsonNode | undefined): JsonProperty[] {
  return node?.type === 'object' ? properties(node).filter((p) => !(isLeaf(p.value) && c.refuses(p.value))) : [];
}

function xOf(node: Obj): XSegdoc & Obj {
  if (!isObject(node['x-segdoc'])) node['x-segdoc'] = {};
  return node['x-segdoc'] as XSegdoc & Obj;
}

function requiredList(node: Obj, id: string, required: boolean | undefined): void {
  if (required === undefined) return;
  const list = Array.isArray(node['required']) ? (node['required'] as string[]).filter((r) => r !== id) : [];
  if (required) list.push(id);
  node['required'] = list;
}

/** Title, description, template and aliases of a section or field patch, onto its `x-segdoc`. */
function texts(c: ConfigReport, patch: JsonNode, target: Obj, keys: readonly string[]): void {
  const x = xOf(target);
  for (const key of keys) {
    const v = plain(c, patch, key);
    if (v === undefined) continue;
    if (key === 'aliases') x.aliases = [...(x.aliases ?? []), ...(v as string[])];
    else if (key === 'title') {
      // A renamed section or field keeps answering to its former titles.
      const before = [x.title?.en, x.title?.ru].filter((t): t is string => typeof t === 'string');
      x.title = { ...(isObject(x.title) ? x.title : {}), ...(v as Obj) };
      const now = new Set([x.title.en, x.title.ru]);
      x.aliases = [...(x.aliases ?? []), ...before.filter((t) => !now.has(t))];
    } else if (key === 'description' || key === 'template') x[key] = { ...(isObject(x[key]) ? x[key] : {}), ...(v as Obj) };
    else x[key] = v;
  }
  const title = x.title?.en;
  if (typeof title === 'string' || Array.isArray(title)) target['title'] = Array.isArray(title) ? title.join(' ') : title;
}

/** Applies `fields.<id>` patches to a `fields` object schema (`{ properties, required }`). */
function patchFields(c: ConfigReport, node: JsonNode | undefined, fields: Obj): void {
  for (const p of entries(c, node)) {
    const props = (isObject(fields['properties']) ? fields['properties'] : (fields['properties'] = {})) as Obj;
    let field = Object.hasOwn(props, p.key) && isObject(props[p.key]) ? (props[p.key] as Obj) : undefined;
    if (!field) {
      if (!isObject(plain(c, p.value, 'title'))) {
        c.report('newFieldNeedsTitle', { field: p.key }, spanOf(p.keyNode));
        continue;
      }
      field = { type: 'string' };
      props[p.key] = field;
    }
    texts(c, p.value, field, ['title', 'description', 'aliases', 'category']);
    const replaced = plain(c, p.value, 'enum') as string[] | undefined;
    const added = plain(c, p.value, 'addEnum') as string[] | undefined;
    if (replaced || added) {
      const before = !replaced && Array.isArray(field['enum']) ? (field['enum'] as unknown[]) : [];
      field['enum'] = [...new Set([...before, ...(replaced ?? []), ...(added ?? [])])];
    }
    const aliases = plain(c, p.value, 'enumAliases') as Record<string, string[]> | undefined;
    if (aliases) {
      const x = xOf(field);
      x.enumAliases = { ...(x.enumAliases ?? {}), ...aliases };
    }
    requiredList(fields, p.key, plain(c, p.value, 'required') as boolean | undefined);
  }
}

interface SectionsPlace {
  props: Obj;
  holder: Obj;
  base: KindSchema;
}

/** Where a section goes: after the one `after` names, else last. */
function orderOf(c: ConfigReport, patch: JsonNode, at: SectionsPlace, next: () => number): number | undefined {
  const after = part(c, patch, 'after');
  if (after?.type !== 'string') return undefined;
  const id = String(after.value);
  const target = at.props[id];
  if (!isObject(target)) {
    const ids = Object.keys(at.props);
    const suggestion = closestName(id, ids);
    if (suggestion) c.report('unknownSectionSuggest', { kind: at.base.kind, section: id, suggestion }, spanOf(after));
    else
      c.report(
        'unknownSection',
        { kind: at.base.kind, section: id, expected: ids.map((i) => `"${i}"`).join(', ') },
        spanOf(after),
      );
    return undefined;
  }
  const order = (target['x-segdoc'] as XSegdoc | undefined)?.order ?? 0;
  return order + next() / 1000;
}

/** Applies `sections.<id>` patches. */
function patchSections(c: ConfigReport, node: JsonNode | undefined, at: SectionsPlace): void {
  let last = Math.max(0, ...Object.values(at.props).map((s) => (isObject(s) ? ((s['x-segdoc'] as XSegdoc)?.order ?? 0) : 0)));
  let placed = 0;
  for (const p of entries(c, node)) {
    let section = Object.hasOwn(at.props, p.key) && isObject(at.props[p.key]) ? (at.props[p.key] as Obj) : undefined;
    if (!section) {
      if (!isObject(plain(c, p.value, 'title'))) {
        c.report('newSectionNeedsTitle', { section: p.key, base: at.base.kind }, spanOf(p.keyNode));
        continue;
      }
      section = { type: 'object', 'x-segdoc': { order: ++last } };
      at.props[p.key] = section;
    }
    texts(c, p.value, section, ['title', 'description', 'template', 'aliases', 'recommended']);
    const order = orderOf(c, p.value, at, () => ++placed);
    if (order !== undefined) xOf(section).order = order;
    const fields = part(c, p.value, 'fields');
    if (fields) {
      const holder = (isObject(section['properties']) ? section['properties'] : (section['properties'] = {})) as Obj;
      const f = (isObject(holder['fields']) ? holder['fields'] : (holder['fields'] = { type: 'object' })) as Obj;
      patchFields(c, fields, f);
    }
    requiredList(at.holder, p.key, plain(c, p.value, 'required') as boolean | undefined);
  }
}

/** Removes sections, and the templates that name them. */
function removeSections(node: JsonNode | undefined, at: SectionsPlace, json: JsonSchema): void {
  const ids = new Set((node ? (nodeValue(node) as unknown[]) : []).filter((v): v is string => typeof v === 'string'));
  if (!ids.size) return;
  for (const id of ids) {
    delete at.props[id];
    requiredList(at.holder, id, false);
  }
  const x = xOf(json);
  const templates = (x as Obj)['templates'];
  if (Array.isArray(templates)) {
    (x as Obj)['templates'] = templates
      .filter((t) => !(isObject(t) && typeof t['block'] === 'string' && ids.has(t['block'])))
      .map((t) =>
        isObject(t) && Array.isArray(t['sections']) ? { ...t, sections: t['sections'].filter((s) => !ids.has(s as string)) } : t,
      )
      .filter((t) => !(isObject(t) && Array.isArray(t['sections']) && t['sections'].length === 0));
  }
  for (const p of Object.values(json.properties ?? {})) {
    if (isObject(p) && ids.has(String((p['x-segdoc'] as XSegdoc | undefined)?.section)))
      delete (p['x-segdoc'] as XSegdoc).section;
  }
}

/** `detect.headings` and `detect.files`, each replacing the base kind's; patterns RE2 cannot run and unsafe globs are reported and left out. */
function patchDetect(c: ConfigReport, node: JsonNode | undefined, json: JsonSchema): void {
  if (node?.type !== 'object') return;
  const detect = { ...(xOf(json).detect ?? {}) };
  const headings = part(c, node, 'headings');
  if (headings?.type === 'array') {
    detect.headings = (headings.children ?? []).flatMap((h) => {
      if (c.refuses(h)) return [];
      const pattern = String(h.value);
      let detail: string | undefined;
      try {
        new RegExp(pattern, 'iu');
        detail = unsupportedPattern(pattern, 'iu');
      } catch (e) {
        detail = e instanceof Error ? e.message : String(e);
      }
      if (detail) c.report('patternUnsupported', { pattern, detail }, spanOf(h));
      return detail ? [] : [pattern];
    });
  }
  const files = part(c, node, 'files');
  if (files?.type === 'array') {
    detect.files = (files.children ?? []).flatMap((f) => {
      if (c.refuses(f)) return [];
      const problem = globProblem(String(f.value));
      if (problem) c.report(problem.id, globArgs(String(f.value), problem), spanOf(f));
      return problem ? [] : [String(f.value)];
    });
  }
  xOf(json).detect = detect;
}

/**
 * The schema of kind `name`, extending `base` with the changes of its config entry; the
 * problems are reported at their place. Never throws for a config value.
 */
export function extendedSchema(c: ConfigReport, name: string, entry: JsonNode, base: KindSchema): JsonSchema {
  const json = structuredClone(base.json);
  json['$id'] = `segdoc:${name}`;
  const x = xOf(json);
  x.kind = name;
  for (const key of ['title', 'description'] as const) {
    const v = plain(c, entry, key);
    if (isObject(v)) x[key] = { ...(x[key] ?? {}), ...v };
  }
  if (isObject(x.title) && typeof x.title.en === 'string') json.title = x.title.en;
  const holder = (json.properties?.['sections'] ?? {}) as Obj;
  const props = (isObject(holder['properties']) ? holder['properties'] : (holder['properties'] = {})) as Obj;
  const at: SectionsPlace = { props, holder, base };
  removeSections(part(c, entry, 'remove'), at, json);
  patchSections(c, part(c, entry, 'sections'), at);
  const segmentFields = part(c, entry, 'segmentFields');
  if (segmentFields) {
    const segment = (json['$defs'] as Obj | undefined)?.['segment'];
    if (!isObject(segment)) c.report('noSegments', { base: base.kind }, spanOf(segmentFields));
    else {
      const holderProps = (isObject(segment['properties']) ? segment['properties'] : (segment['properties'] = {})) as Obj;
      const f = (isObject(holderProps['fields']) ? holderProps['fields'] : (holderProps['fields'] = { type: 'object' })) as Obj;
      patchFields(c, segmentFields, f);
    }
  }
  patchDetect(c, part(c, entry, 'detect'), json);
  return json;
}

/** The kind's own rule settings (`rules`), as the config schema accepted them. */
export function extendedRules(c: ConfigReport, entry: JsonNode): Record<string, RuleSetting> | undefined {
  const rules = part(c, entry, 'rules');
  const out = rules && readRules(c, rules, configurableRules());
  return out && Object.keys(out).length ? out : undefined;
}
