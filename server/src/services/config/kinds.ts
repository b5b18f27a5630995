/**
 * The `kinds` of a config: file globs, extra heading aliases, and replacement or custom kind
 * schemas read from the workspace. The config schema has already checked their shape
 * (services/config/validate.ts); what is checked here needs the files: the schema files
 * themselves (read, parsed, their `x-segdoc` values type-checked, compiled with ajv), the
 * sections aliases name, the globs' bounds, and Workspace Trust.
 */
import type { Span } from '../../parse/text';
import { closestName } from '../../model/distance';
import { builtinKind, builtinKinds } from '../../schemas/builtin';
import { readKindSchema, type JsonSchema, type KindSchema } from '../../schemas/kinds';
import { compileKind } from '../../schemas/validate';
import { globProblem } from '../../schemas/glob-limits';
import { UnsupportedPatternError } from '../../schemas/linear-regexp';
import type { LintConfig } from '../engine';
import { templateSpecs } from '../templates';
import { globArgs, type ConfigReport } from './diagnostics';
import { configMessage } from './messages';
import { properties, spanOf, type JsonNode, type JsonProperty } from './jsonc';
import { extendedRules, extendedSchema } from './extend';
import { readSchemaFile, type SchemaTree } from './schema-file';

export { SCHEMA_MAX_BYTES, SCHEMA_MAX_DEPTH } from './schema-file';

/** What the kinds of a config add up to, entry by entry. */
interface KindsRead {
  /** Untrusted folder: the kinds whose schema file is not read, and where the first is named. */
  untrusted: string[];
  untrustedSpan?: Span;
  replaced: Map<string, KindSchema>;
  custom: KindSchema[];
  globs: Record<string, string[]>;
}

/** Reads `kinds` into `config.globs` and `config.kinds`. */
export function readKinds(c: ConfigReport, node: JsonNode, config: LintConfig, trusted: boolean): void {
  if (node.type !== 'object') return;
  const read: KindsRead = { untrusted: [], replaced: new Map(), custom: [], globs: {} };
  for (const entry of properties(node)) {
    // Whatever a malformed schema makes go wrong here is a finding on that kind, never a
    // crash: the other kinds, built-in ones included, keep working.
    try {
      readKind(c, entry, read, trusted);
    } catch (e) {
      c.report('schemaInvalid', { file: entry.key, detail: e instanceof Error ? e.message : String(e) }, spanOf(entry.keyNode));
    }
  }
  if (read.untrustedSpan) c.report('untrusted', { kinds: read.untrusted.map((k) => `"${k}"`).join(', ') }, read.untrustedSpan);
  if (Object.keys(read.globs).length) config.globs = read.globs;
  // Custom kinds come first: a team's own kind is more specific than a built-in one whose
  // heading pattern might also match (a team standard titled "Customer Segmentation Standards").
  if (read.replaced.size || read.custom.length)
    config.kinds = [...read.custom, ...builtinKinds().map((k) => read.replaced.get(k.kind) ?? k)];
}

interface KindParts {
  files?: JsonNode;
  aliases?: JsonNode;
  schema?: JsonNode;
  extends?: JsonNode;
}

/** The `files`, `aliases`, `schema` and `extends` of a kind entry (the last of each, as in the plain value). */
function kindParts(entry: JsonNode): KindParts {
  const parts: KindParts = {};
  for (const p of properties(entry)) {
    if (p.key === 'files' || p.key === 'aliases' || p.key === 'schema' || p.key === 'extends') parts[p.key] = p.value;
  }
  return parts;
}

function stringItems(node: JsonNode | undefined): string[] | undefined {
  if (node?.type !== 'array' || !(node.children ?? []).every((c) => c.type === 'string')) return undefined;
  return (node.children ?? []).map((c) => c.value as string);
}

function readKind(c: ConfigReport, entry: JsonProperty, read: KindsRead, trusted: boolean): void {
  const name = entry.key;
  if (entry.value.type !== 'object') return;
  const parts = kindParts(entry.value);
  const files = stringItems(parts.files);
  // A glob past the bounds of schemas/glob-limits.ts is dropped, the others kept.
  if (files) {
    read.globs[name] = files.filter((glob, i) => {
      const problem = globProblem(glob);
      if (problem) c.report(problem.id, globArgs(glob, problem), spanOf(parts.files!.children![i]!));
      return !problem;
    });
  }
  const builtin = builtinKind(name);
  if (!builtin && parts.extends) return readExtended(c, entry, parts, read, trusted);
  // Globs alone leave a built-in kind as it is.
  if (builtin && !parts.schema && !parts.aliases) return;
  let schemaNode = parts.schema;
  if (schemaNode && !trusted) {
    read.untrusted.push(name);
    read.untrustedSpan ??= spanOf(schemaNode);
    // A custom kind without its schema does not exist; its globs go with it.
    if (!builtin) {
      delete read.globs[name];
      return;
    }
    // A built-in kind keeps its own schema, with the config's heading aliases if any.
    if (!parts.aliases) return;
    schemaNode = undefined;
  }
  const base = kindBase(c, entry, schemaNode, builtin);
  if (!base) return;
  const kind = compileConfigKind(c, name, parts.aliases ? withAliases(c, name, base.json, parts.aliases) : base.json, base);
  if (!kind) return;
  if (builtin) read.replaced.set(name, kind);
  else read.custom.push(kind);
}

/**
 * A custom kind that extends a built-in one (./extend.ts). Like a schema file, it is the
 * workspace's: not loaded in an untrusted folder.
 */
function readExtended(c: ConfigReport, entry: JsonProperty, parts: KindParts, read: KindsRead, trusted: boolean): void {
  const name = entry.key;
  const node = parts.extends!;
  if (parts.schema) {
    c.report('extendsAndSchema', { kind: name }, spanOf(node));
    delete read.globs[name];
    return;
  }
  if (!trusted) {
    read.untrusted.push(name);
    read.untrustedSpan ??= spanOf(node);
    delete read.globs[name];
    return;
  }
  const baseKind = node.type === 'string' && !c.refuses(node) ? builtinKind(String(node.value)) : undefined;
  if (!baseKind) return;
  const json = extendedSchema(c, name, entry.value, baseKind);
  const base: KindBase = { json, source: c.file, span: spanOf(node), label: name };
  const kind = compileConfigKind(c, name, parts.aliases ? withAliases(c, name, json, parts.aliases) : json, base);
  if (!kind) return;
  const rules = extendedRules(c, entry.value);
  read.custom.push({ ...kind, base: baseKind.kind, ...(rules ? { rules } : {}) });
}

/** Where a kind's schema comes from: the schema file the config names, or the built-in kind's own. */
interface KindBase {
  json: JsonSchema;
  source: string;
  /** Where problems of the schema are reported: the config's reference to the file, else the kind's name. */
  span: Span;
  label: string;
  /** The schema file's parse tree, to locate what ajv or RE2 refuses in it. */
  tree?: SchemaTree;
}

function kindBase(
  c: ConfigReport,
  entry: JsonProperty,
  schemaNode: JsonNode | undefined,
  builtin: KindSchema | undefined,
): KindBase | undefined {
  if (schemaNode) {
    // Not a string, or a remote path: the config schema said so; nothing to read.
    if (schemaNode.type !== 'string' || c.refuses(schemaNode)) return undefined;
    const ref = schemaNode.value as string;
    const span = spanOf(schemaNode);
    const loaded = readSchemaFile(c, ref, span);
    return loaded && { json: loaded.json, source: loaded.path, span, label: ref, tree: loaded.tree };
  }
  // A custom kind without a schema: the config schema requires one.
  return builtin && { json: builtin.json, source: builtin.source, span: spanOf(entry.keyNode), label: entry.key };
}

/** The kind a schema defines, compiled; undefined (and a finding) when it is not a valid kind schema. */
function compileConfigKind(c: ConfigReport, name: string, json: JsonSchema, base: KindBase): KindSchema | undefined {
  try {
    // ajv first: it checks the standard keywords' types before readKindSchema uses them.
    compileKind({ json, source: base.source } as KindSchema);
    const kind = { ...readKindSchema(json, base.source), kind: name };
    compileKind(kind);
    // Its templates (x-segdoc.templates) must name sections it has.
    templateSpecs(kind);
    return kind;
  } catch (e) {
    if (e instanceof UnsupportedPatternError) {
      const node = base.tree && findPattern(base.tree.root, e.pattern);
      if (base.tree && node) {
        c.reportInSchema(
          base.label,
          base.tree.lines,
          node.offset,
          'patternUnsupported',
          { pattern: e.pattern, detail: e.detail },
          base.span,
        );
        return undefined;
      }
    }
    const detail =
      e instanceof UnsupportedPatternError
        ? configMessage('patternUnsupported', { pattern: e.pattern, detail: e.detail }, c.locale)
        : e instanceof Error
          ? e.message
          : String(e);
    c.report('schemaInvalid', { file: base.label, detail }, base.span);
    return undefined;
  }
}

/** The node of a `pattern` value or `patternProperties` key equal to `pattern`. */
function findPattern(node: JsonNode, pattern: string): JsonNode | undefined {
  if (node.type === 'array') {
    for (const child of node.children ?? []) {
      const found = findPattern(child, pattern);
      if (found) return found;
    }
  }
  if (node.type !== 'object') return undefined;
  for (const p of properties(node)) {
    if (p.key === 'pattern' && p.value.type === 'string' && p.value.value === pattern) return p.value;
    if (p.key === 'patternProperties' && p.value.type === 'object') {
      const key = properties(p.value).find((q) => q.key === pattern);
      if (key) return key.keyNode;
    }
    const found = findPattern(p.value, pattern);
    if (found) return found;
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A copy of the kind schema with the config's extra heading aliases added to its sections. */
function withAliases(c: ConfigReport, kind: string, json: JsonSchema, node: JsonNode): JsonSchema {
  if (node.type !== 'object') return json;
  const copy = structuredClone(json);
  const raw = (copy.properties?.['sections'] as JsonSchema | undefined)?.properties;
  // A malformed schema (no sections object) has no sections to add aliases to; ajv reports it.
  const sections = isObject(raw) ? (raw as Record<string, JsonSchema>) : undefined;
  const ids = Object.keys(sections ?? {});
  for (const p of properties(node)) {
    const section = sections && Object.hasOwn(sections, p.key) && isObject(sections[p.key]) ? sections[p.key] : undefined;
    if (!section) {
      const suggestion = closestName(p.key, ids);
      if (suggestion) c.report('unknownSectionSuggest', { kind, section: p.key, suggestion }, spanOf(p.keyNode));
      else c.report('unknownSection', { kind, section: p.key, expected: ids.map((i) => `"${i}"`).join(', ') }, spanOf(p.keyNode));
      continue;
    }
    const aliases = stringItems(p.value);
    if (!aliases) continue;
    const x = isObject(section['x-segdoc']) ? section['x-segdoc'] : (section['x-segdoc'] = {});
    x.aliases = [...(Array.isArray(x.aliases) ? x.aliases : []), ...aliases];
  }
  return copy;
}
