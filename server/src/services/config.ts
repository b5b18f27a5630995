/**
 * Loading `.segdoc.json` (PRODUCT.md §8): the nearest config file above a document, read as
 * JSON with comments, checked, and turned into the plain {@link LintConfig} the engine takes.
 *
 * The API the CLI and the language server use:
 *   - {@link loadConfigForFile}(documentPath) — the config that applies to a document
 *     (cached by the config's and its schema files' paths and modification times);
 *   - {@link loadConfigFile}(configPath, { text }) — one config file, e.g. an unsaved buffer
 *     the editor wants diagnostics for (never cached when `text` is given);
 *   - {@link lintOptionsFor}(loaded, documentPath) — the `config` and `relativePath` options
 *     to hand to `lint()`.
 *
 * Every problem becomes a diagnostic of the `config` rule at its place in the config file:
 * invalid JSON, unknown properties and rule ids, bad severities and options, and kind
 * schemas that are missing, unreadable or invalid. Loading never throws for a bad file.
 *
 * Kind schemas from the workspace are data: they are read from local paths only (a remote
 * `$ref` or schema URL is an error, never a fetch) and compiled with ajv; no workspace code
 * runs. Nor can workspace data hang anything: only regular files of a bounded size are read
 * (services/safe-read.ts), nesting is bounded before parsing, every `x-segdoc` value is
 * type-checked (services/schema-values.ts), regular expressions of workspace schemas run on
 * RE2 (schemas/linear-regexp.ts) and unsafe globs are dropped (schemas/glob-limits.ts).
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeRu from 'ajv-i18n/localize/ru';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { closestName } from '../model/distance';
import type { Language } from '../model/types';
import { LineIndex, type Range, type Span } from '../parse/text';
import { builtinKind, builtinKinds } from '../schemas/builtin';
import { pick, readKindSchema, type JsonSchema, type KindSchema } from '../schemas/kinds';
import { compileKind } from '../schemas/validate';
import { globProblem, type GlobProblem } from '../schemas/glob-limits';
import { UnsupportedPatternError } from '../schemas/linear-regexp';
import { ruleDocUrl } from './rules-doc';
import { templateSpecs } from './templates';
import { formatBytes, readRegularFile, type ReadResult } from './safe-read';
import { tooDeepAt, xSegdocProblems, type ValueProblem } from './schema-values';
import configRule from '../rules/config';
import { rules as registry } from '../rules/registry';
import { localize, type MessageArgs } from '../l10n';
import type { Rule } from '../rules/types';
import type { LintConfig, LintOptions } from './engine';
import type { RuleLevel, RuleSetting } from './settings';

export const CONFIG_FILE_NAME = '.segdoc.json';

/** Workspace files are read only when regular and at most this large (bytes). */
export const CONFIG_MAX_BYTES = 256 * 1024;
export const SCHEMA_MAX_BYTES = 1024 * 1024;
/** Nesting of objects and arrays allowed before parsing (the parsers and ajv recurse). */
export const CONFIG_MAX_DEPTH = 32;
export const SCHEMA_MAX_DEPTH = 64;

/** Severities a rule can be set to in the config file. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];

export interface ConfigDiagnostic {
  rule: 'config';
  /** Problems of the file are errors; a schema left unloaded in an untrusted folder is a warning. */
  severity: 'error' | 'warning';
  message: string;
  messageId: string;
  args: MessageArgs;
  /** The file the diagnostic is in: the config file. */
  path: string;
  span: Span;
  range: Range;
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when no config file applies. */
  path?: string;
  /** Folder of the config file: kind globs and schema paths are relative to it. */
  dir?: string;
  /** What the engine takes; `{}` (the defaults) when there is no config file. */
  config: LintConfig;
  /** Language of messages the config asks for (`"language"`), if any. */
  language?: Language;
  /** Problems of the config file, located in it. Empty when it is valid. */
  diagnostics: ConfigDiagnostic[];
  /** Every file the result was read from (the config and its schema files). */
  dependencies: string[];
}

export interface LoadOptions {
  /** Language of the diagnostics' messages; the config's own `language`, else English. */
  locale?: Language;
  /** Rules the config may name instead of the built-in registry (tests); disables caching. */
  rules?: readonly Rule<object>[];
  /**
   * Whether the folder is trusted (VS Code's Workspace Trust; true when absent, as in the
   * CLI). In an untrusted folder the kind schema files the config points to are not read:
   * custom kinds are left out and built-in kinds keep their own schema, while globs,
   * heading aliases and rule settings, which are plain data, still apply; one warning at
   * the first schema reference says why.
   */
  trusted?: boolean;
}

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

// ---------------------------------------------------------------------------------------
// Finding and caching config files

/** The nearest `.segdoc.json` in the document's folder or any parent folder, if any. */
export function findConfigFile(filePath: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A file's identity for the cache: modification time and size, or "missing". */
function stamp(p: string): string {
  try {
    const s = statSync(p);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

interface CacheEntry {
  result: LoadedConfig;
  stamps: Array<[string, string]>;
}

const cache = new Map<string, CacheEntry>();

/** Forgets every cached config (tests; the server after a workspace change it cannot see). */
export function clearConfigCache(): void {
  cache.clear();
}

/** The config that applies to a document: the nearest `.segdoc.json`, or the defaults. */
export function loadConfigForFile(filePath: string, options: LoadOptions = {}): LoadedConfig {
  const configPath = findConfigFile(filePath);
  if (!configPath) return { config: {}, diagnostics: [], dependencies: [] };
  return loadConfigFile(configPath, options);
}

/**
 * Loads one config file. With `text`, that text is checked instead of the file's content
 * (an unsaved editor buffer) and nothing is cached.
 */
export function loadConfigFile(configPath: string, options: LoadOptions & { text?: string } = {}): LoadedConfig {
  const abs = path.resolve(configPath);
  if (options.text !== undefined || options.rules) {
    let text = options.text;
    if (text === undefined) {
      const read = readRegularFile(abs, CONFIG_MAX_BYTES);
      if (!read.ok) return unreadableConfig(abs, read, options.locale);
      text = read.text;
    }
    if (text.length > CONFIG_MAX_BYTES) return unreadableConfig(abs, { ok: false, reason: 'too-large', limit: CONFIG_MAX_BYTES }, options.locale);
    return load(abs, text, options.locale, options.rules, options.trusted);
  }
  const key = `${abs}\0${options.locale ?? ''}${options.trusted === false ? '\0untrusted' : ''}`;
  const hit = cache.get(key);
  if (hit && hit.stamps.every(([p, s]) => stamp(p) === s)) return hit.result;
  // Stamp before reading, so that a change made while loading invalidates the entry.
  const before = stamp(abs);
  const read = readRegularFile(abs, CONFIG_MAX_BYTES);
  if (!read.ok) return unreadableConfig(abs, read, options.locale);
  const result = load(abs, read.text, options.locale, undefined, options.trusted);
  const stamps: Array<[string, string]> = result.dependencies.map((p) => [p, p === abs ? before : stamp(p)]);
  cache.set(key, { result, stamps });
  return result;
}

/** The result for a config file that cannot be read: one diagnostic at its start. */
function unreadableConfig(abs: string, read: Exclude<ReadResult, { ok: true }>, requested: Language | undefined): LoadedConfig {
  const result: LoadedConfig = { path: abs, dir: path.dirname(abs), config: {}, diagnostics: [], dependencies: [abs] };
  const locale = requested ?? 'en';
  const [id, args]: [string, MessageArgs] =
    read.reason === 'not-file'
      ? ['notRegularFile', {}]
      : read.reason === 'too-large'
        ? ['tooLarge', { limit: formatBytes(read.limit) }]
        : ['unreadable', { detail: read.reason === 'missing' ? 'ENOENT' : read.code }];
  result.diagnostics.push(makeDiagnostic(abs, new LineIndex(''), locale, id, args, { start: 0, end: 0 }));
  return result;
}

/** The `config` and `relativePath` options of `lint()` for a document under this config. */
export function lintOptionsFor(loaded: LoadedConfig, filePath: string): Pick<LintOptions, 'config' | 'relativePath'> {
  if (!loaded.dir) return { config: loaded.config };
  const rel = path.relative(loaded.dir, path.resolve(filePath)).split(path.sep).join('/');
  return { config: loaded.config, relativePath: rel };
}

// ---------------------------------------------------------------------------------------
// Checking a config file

function message(id: string, args: MessageArgs, locale: Language): string {
  const m = configRule.messages[id];
  if (!m) throw new Error(`The config rule has no message "${id}"`);
  return localize(locale, m, args);
}

function makeDiagnostic(file: string, lines: LineIndex, locale: Language, id: string, args: MessageArgs, span: Span): ConfigDiagnostic {
  return {
    rule: 'config',
    severity: id === 'untrusted' ? 'warning' : 'error',
    message: message(id, args, locale),
    messageId: id,
    args,
    path: file,
    span,
    range: lines.rangeOf(span),
  };
}

function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** jsonc-parser does not skip a byte order mark; a space keeps every offset in place. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

function properties(node: JsonNode): Array<{ key: string; keyNode: JsonNode; value: JsonNode; prop: JsonNode }> {
  const out: Array<{ key: string; keyNode: JsonNode; value: JsonNode; prop: JsonNode }> = [];
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    out.push({ key: String(keyNode.value), keyNode, value, prop });
  }
  return out;
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of properties(node)) o[p.key] = nodeValue(p.value);
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

const optionsAjv = new Ajv({ allErrors: true, strict: false });
const optionValidators = new WeakMap<Rule<object>, ValidateFunction>();

function optionsValidator(rule: Rule<object>): ValidateFunction {
  let v = optionValidators.get(rule);
  if (!v) {
    v = optionsAjv.compile(ruleOptionsSchema(rule));
    optionValidators.set(rule, v);
  }
  return v;
}

/** The node at a JSON pointer below `node`, or the deepest one found on the way. */
function nodeAtPointer(node: JsonNode, pointer: string): JsonNode {
  let current = node;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let next: JsonNode | undefined;
    if (current.type === 'object') next = properties(current).find((p) => p.key === seg)?.value;
    else if (current.type === 'array') next = current.children?.[Number(seg)];
    if (!next) break;
    current = next;
  }
  return current;
}

class Checker {
  readonly diagnostics: ConfigDiagnostic[] = [];
  readonly dependencies: string[];
  readonly lines: LineIndex;
  readonly dir: string;
  locale: Language;

  constructor(
    readonly file: string,
    readonly text: string,
    locale: Language | undefined,
  ) {
    this.lines = new LineIndex(text);
    this.dir = path.dirname(file);
    this.dependencies = [file];
    this.locale = locale ?? 'en';
  }

  report(id: string, args: MessageArgs, span: Span): void {
    this.diagnostics.push(makeDiagnostic(this.file, this.lines, this.locale, id, args, span));
  }

  string(node: JsonNode, property: string): string | undefined {
    if (node.type === 'string') return node.value as string;
    this.report('mustBeString', { property }, spanOf(node));
    return undefined;
  }

  object(node: JsonNode, property: string): boolean {
    if (node.type === 'object') return true;
    this.report('mustBeObject', { property }, spanOf(node));
    return false;
  }

  stringArray(node: JsonNode, property: string): string[] | undefined {
    if (node.type === 'array' && (node.children ?? []).every((c) => c.type === 'string')) {
      return (node.children ?? []).map((c) => c.value as string);
    }
    this.report('mustBeStringArray', { property }, spanOf(node));
    return undefined;
  }

  /**
   * A problem inside a schema file: reported at the config's reference to the file (`span`),
   * the message naming the line and column in the schema.
   */
  reportInSchema(file: string, lines: LineIndex, offset: number, id: string, args: MessageArgs, span: Span): void {
    const pos = lines.positionAt(offset);
    const detail = message(id, args, this.locale);
    this.report('schemaAt', { file, line: pos.line + 1, column: pos.character + 1, detail }, span);
  }

  reportValueProblem(file: string, lines: LineIndex, p: ValueProblem, span: Span): void {
    if (p.id === 'badValue') {
      const expected = message(`expect.${p.expected}`, {}, this.locale);
      this.reportInSchema(file, lines, p.node.offset, 'valueMustBe', { property: p.property, expected }, span);
    } else if (p.id === 'badPattern') {
      this.reportInSchema(file, lines, p.node.offset, 'patternUnsupported', { pattern: p.pattern, detail: p.detail }, span);
    } else {
      this.reportInSchema(file, lines, p.node.offset, p.problem.id, globArgs(p.glob, p.problem), span);
    }
  }

  unknownProperty(keyNode: JsonNode, key: string, expected: readonly string[]): void {
    this.report('unknownProperty', { property: key, expected: expected.map((e) => `"${e}"`).join(', ') }, spanOf(keyNode));
  }
}

function load(file: string, text: string, requestedLocale: Language | undefined, ruleList: readonly Rule<object>[] | undefined, trusted = true): LoadedConfig {
  const deep = tooDeepAt(withoutBom(text), CONFIG_MAX_DEPTH);
  if (deep !== undefined) {
    const c = new Checker(file, text, requestedLocale);
    c.report('tooDeep', { limit: CONFIG_MAX_DEPTH }, { start: deep, end: deep + 1 });
    return { path: file, dir: c.dir, config: {}, diagnostics: c.diagnostics, dependencies: c.dependencies };
  }
  const errors: ParseError[] = [];
  const root = parseTree(withoutBom(text), errors, { allowTrailingComma: true, disallowComments: false });
  const c = new Checker(file, text, requestedLocale);

  // The config's own "language" decides the diagnostics' language unless the caller chose.
  let language: Language | undefined;
  if (root?.type === 'object') {
    const lang = properties(root).find((p) => p.key === 'language')?.value;
    if (lang?.type === 'string' && (lang.value === 'en' || lang.value === 'ru')) language = lang.value;
  }
  if (!requestedLocale && language) c.locale = language;

  for (const e of errors) {
    const detail = message(`json.${printParseErrorCode(e.error)}`, {}, c.locale);
    c.report('invalidJson', { detail }, { start: e.offset, end: e.offset + e.length });
  }
  const result: LoadedConfig = { path: file, dir: c.dir, config: {}, diagnostics: c.diagnostics, dependencies: c.dependencies };
  if (language) result.language = language;
  if (!root) {
    if (errors.length === 0) c.report('notObject', {}, { start: 0, end: 0 });
    return result;
  }
  if (root.type !== 'object') {
    c.report('notObject', {}, spanOf(root));
    return result;
  }

  const top = ['$schema', 'language', 'rules', 'kinds'] as const;
  for (const p of properties(root)) {
    switch (p.key) {
      case '$schema':
        // Only editors read it; segdoc never fetches it.
        c.string(p.value, '$schema');
        break;
      case 'language':
        if (c.string(p.value, 'language') !== undefined && !language) {
          c.report('badLanguage', { value: String(p.value.value) }, spanOf(p.value));
        }
        break;
      case 'rules': {
        const rules = readRules(c, p.value, configurableRules(ruleList));
        if (rules) result.config.rules = rules;
        break;
      }
      case 'kinds':
        readKinds(c, p.value, result.config, trusted);
        break;
      default:
        c.unknownProperty(p.keyNode, p.key, top);
    }
  }
  c.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return result;
}

function readRules(c: Checker, node: JsonNode, known: readonly Rule<object>[]): Record<string, RuleSetting> | undefined {
  if (!c.object(node, 'rules')) return undefined;
  const ids = known.map((r) => r.id);
  const out: Record<string, RuleSetting> = {};
  for (const p of properties(node)) {
    const rule = known.find((r) => r.id === p.key);
    if (!rule) {
      const suggestion = closestName(p.key, ids);
      if (suggestion) c.report('unknownRuleSuggest', { rule: p.key, suggestion }, spanOf(p.keyNode));
      else c.report('unknownRule', { rule: p.key }, spanOf(p.keyNode));
      continue;
    }
    const setting = readRuleSetting(c, rule, p.value);
    if (setting !== undefined) out[rule.id] = setting;
  }
  return out;
}

function readLevel(c: Checker, rule: Rule<object>, node: JsonNode): RuleLevel | undefined {
  if (node.type === 'string' && (RULE_LEVELS as readonly string[]).includes(node.value as string)) return node.value as RuleLevel;
  const value = node.type === 'string' ? (node.value as string) : c.text.slice(node.offset, node.offset + node.length);
  c.report('badLevel', { rule: rule.id, value, expected: RULE_LEVELS.map((l) => `"${l}"`).join(', ') }, spanOf(node));
  return undefined;
}

function readRuleSetting(c: Checker, rule: Rule<object>, node: JsonNode): RuleSetting | undefined {
  if (node.type === 'string') return readLevel(c, rule, node);
  const items = node.children ?? [];
  if (node.type !== 'array' || items.length < 1 || items.length > 2) {
    c.report('badRuleSetting', { rule: rule.id }, spanOf(node));
    return undefined;
  }
  const level = readLevel(c, rule, items[0]!);
  const optionsNode = items[1];
  if (!optionsNode) return level === undefined ? undefined : [level];
  const options = checkOptions(c, rule, optionsNode);
  if (level === undefined || options === undefined) return undefined;
  return [level, options];
}

/** Validates a rule's options with its schema; each ajv error is reported where it points. */
function checkOptions(c: Checker, rule: Rule<object>, node: JsonNode): Record<string, unknown> | undefined {
  const value = nodeValue(node);
  const validate = optionsValidator(rule);
  if (validate(value)) return value as Record<string, unknown>;
  const errors: ErrorObject[] = (validate.errors ?? []).map((e) => ({ ...e }));
  if (c.locale === 'ru') localizeRu(errors);
  for (const e of errors) {
    if (e.keyword === 'additionalProperties') {
      const option = String((e.params as { additionalProperty: string }).additionalProperty);
      const owner = nodeAtPointer(node, e.instancePath);
      const keyNode = owner.type === 'object' ? properties(owner).find((p) => p.key === option)?.keyNode : undefined;
      c.report('unknownOption', { rule: rule.id, option }, spanOf(keyNode ?? owner));
      continue;
    }
    const at = nodeAtPointer(node, e.instancePath);
    const detail = e.message ?? e.keyword;
    if (e.instancePath === '') c.report('badOptions', { rule: rule.id, detail }, spanOf(at));
    else c.report('badOption', { rule: rule.id, option: e.instancePath.slice(1).replace(/\//g, '.'), detail }, spanOf(at));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Kinds: globs, extra aliases, replacement and custom schemas

const KIND_PROPERTIES = ['files', 'aliases', 'schema'] as const;

function readKinds(c: Checker, node: JsonNode, config: LintConfig, trusted: boolean): void {
  if (!c.object(node, 'kinds')) return;
  // Untrusted folder: the kinds whose schema file is not read, and where the first is named.
  const untrusted: string[] = [];
  let untrustedSpan: Span | undefined;
  const builtins = builtinKinds();
  const replaced = new Map<string, KindSchema>();
  const custom: KindSchema[] = [];
  const globs: Record<string, string[]> = {};
  for (const entry of properties(node)) {
    const name = entry.key;
    const where = `kinds.${name}`;
    // Whatever a malformed schema makes go wrong here is a finding on that kind, never a
    // crash: the other kinds, built-in ones included, keep working.
    try {
      if (!c.object(entry.value, where)) continue;
      let filesNode: JsonNode | undefined;
      let aliasesNode: JsonNode | undefined;
      let schemaNode: JsonNode | undefined;
      for (const p of properties(entry.value)) {
        if (p.key === 'files') filesNode = p.value;
        else if (p.key === 'aliases') aliasesNode = p.value;
        else if (p.key === 'schema') schemaNode = p.value;
        else c.unknownProperty(p.keyNode, p.key, KIND_PROPERTIES);
      }
      if (filesNode) {
        const files = c.stringArray(filesNode, `${where}.files`);
        // A glob past the bounds of schemas/glob-limits.ts is dropped, the others kept.
        if (files) {
          globs[name] = files.filter((glob, i) => {
            const problem = globProblem(glob);
            if (problem) c.report(problem.id, globArgs(glob, problem), spanOf(filesNode!.children![i]!));
            return !problem;
          });
        }
      }

      const builtin = builtinKind(name);
      // Globs alone leave a built-in kind as it is.
      if (builtin && !schemaNode && !aliasesNode) continue;
      let json: JsonSchema | undefined;
      let source = builtin?.source ?? '';
      let schemaSpan = spanOf(entry.keyNode);
      let schemaLabel = name;
      if (schemaNode && !trusted) {
        untrusted.push(name);
        untrustedSpan ??= spanOf(schemaNode);
        // A custom kind without its schema does not exist; its globs go with it.
        if (!builtin) {
          delete globs[name];
          continue;
        }
        // A built-in kind keeps its own schema, with the config's heading aliases if any.
        if (!aliasesNode) continue;
        schemaNode = undefined;
      }
      if (schemaNode) {
        const ref = c.string(schemaNode, `${where}.schema`);
        if (ref === undefined) continue;
        schemaSpan = spanOf(schemaNode);
        schemaLabel = ref;
        const loaded = readSchemaFile(c, ref, schemaSpan);
        if (!loaded) continue;
        json = loaded.json;
        source = loaded.path;
      } else if (builtin) {
        json = builtin.json;
      } else {
        c.report('customKindNeedsSchema', { kind: name }, spanOf(entry.keyNode));
        continue;
      }

      const tree = schemaTrees.get(json);
      if (aliasesNode) json = withAliases(c, name, json, aliasesNode);

      let kind: KindSchema;
      try {
        // ajv first: it checks the standard keywords' types before readKindSchema uses them.
        compileKind({ json, source } as KindSchema);
        kind = { ...readKindSchema(json, source), kind: name };
        compileKind(kind);
        // Its templates (x-segdoc.templates) must name sections it has.
        templateSpecs(kind);
      } catch (e) {
        if (e instanceof UnsupportedPatternError && schemaNode) {
          const at = tree;
          const node = at && findPattern(at.root, e.pattern);
          if (at && node) {
            c.reportInSchema(schemaLabel, at.lines, node.offset, 'patternUnsupported', { pattern: e.pattern, detail: e.detail }, schemaSpan);
            continue;
          }
        }
        const detail = e instanceof UnsupportedPatternError ? message('patternUnsupported', { pattern: e.pattern, detail: e.detail }, c.locale) : e instanceof Error ? e.message : String(e);
        c.report('schemaInvalid', { file: schemaLabel, detail }, schemaSpan);
        continue;
      }
      if (builtin) replaced.set(name, kind);
      else custom.push(kind);
    } catch (e) {
      c.report('schemaInvalid', { file: name, detail: e instanceof Error ? e.message : String(e) }, spanOf(entry.keyNode));
    }
  }
  if (untrustedSpan) c.report('untrusted', { kinds: untrusted.map((k) => `"${k}"`).join(', ') }, untrustedSpan);
  if (Object.keys(globs).length) config.globs = globs;
  // Custom kinds come first: a team's own kind is more specific than a built-in one whose
  // heading pattern might also match (seed 004's "Customer Segmentation Standards").
  if (replaced.size || custom.length) config.kinds = [...custom, ...builtins.map((k) => replaced.get(k.kind) ?? k)];
}

function readSchemaFile(c: Checker, ref: string, span: Span): { json: JsonSchema; path: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    c.report('schemaRemote', { file: ref }, span);
    return undefined;
  }
  const abs = path.resolve(c.dir, ref);
  c.dependencies.push(abs);
  const read = readRegularFile(abs, SCHEMA_MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') c.report('schemaNotFound', { file: ref }, span);
    else if (read.reason === 'not-file') c.report('schemaNotRegularFile', { file: ref }, span);
    else if (read.reason === 'too-large') c.report('schemaTooLarge', { file: ref, limit: formatBytes(read.limit) }, span);
    else c.report('schemaUnreadable', { file: ref, detail: read.code }, span);
    return undefined;
  }
  const text = read.text;
  const lines = new LineIndex(text);
  const deep = tooDeepAt(withoutBom(text), SCHEMA_MAX_DEPTH);
  if (deep !== undefined) {
    c.reportInSchema(ref, lines, deep, 'tooDeep', { limit: SCHEMA_MAX_DEPTH }, span);
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(withoutBom(text), errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) {
    const pos = new LineIndex(text).positionAt(first?.offset ?? 0);
    const detail = first ? message(`json.${printParseErrorCode(first.error)}`, {}, c.locale) : message('json.ValueExpected', {}, c.locale);
    c.report('schemaInvalidJson', { file: ref, line: pos.line + 1, column: pos.character + 1, detail }, span);
    return undefined;
  }
  const json = nodeValue(root);
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    c.report('schemaInvalid', { file: ref, detail: message('notObject', {}, c.locale) }, span);
    return undefined;
  }
  // segdoc's own metadata is checked here, each problem located in the schema file; the
  // standard keywords are ajv's to check.
  const problems = xSegdocProblems(root);
  for (const p of problems) c.reportValueProblem(ref, lines, p, span);
  if (problems.length) return undefined;
  schemaTrees.set(json as JsonSchema, { root, lines });
  return { json: json as JsonSchema, path: abs };
}

/** The parse tree of each schema read, to locate what ajv or RE2 refuses in it. */
const schemaTrees = new WeakMap<JsonSchema, { root: JsonNode; lines: LineIndex }>();

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

function globArgs(glob: string, problem: GlobProblem): MessageArgs {
  return 'limit' in problem ? { glob, limit: problem.limit } : { glob };
}

/** A copy of the kind schema with the config's extra heading aliases added to its sections. */
function withAliases(c: Checker, kind: string, json: JsonSchema, node: JsonNode): JsonSchema {
  if (!c.object(node, `kinds.${kind}.aliases`)) return json;
  const copy = structuredClone(json);
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
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
    const aliases = c.stringArray(p.value, `kinds.${kind}.aliases.${p.key}`);
    if (!aliases) continue;
    const x = isObject(section['x-segdoc']) ? section['x-segdoc'] : (section['x-segdoc'] = {});
    x.aliases = [...(Array.isArray(x.aliases) ? x.aliases : []), ...aliases];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------
// The JSON schema of the config file itself (schemas/config.schema.json)

/** The English texts of the config file's schema (the bundles translate them, see l10n/). */
export const schemaTexts = {
  title: 'segdoc configuration (.segdoc.json)',
  description: 'Rule severities and options, file globs, heading aliases and custom kinds for segdoc. Generated by scripts/config-schema.mjs; do not edit by hand.',
  language: 'Language of segdoc messages for documents under this file: "en" or "ru".',
  rules: 'Rule severities and options by rule id: "off", a severity, or [severity, options].',
  rule: '{description} Default: "{severity}".',
  ruleLink: '{description} Default: "{severity}". [The rule\'s page]({url})',
  ruleArray: '[severity] or [severity, options]',
  kinds: 'Per document kind: file globs, extra heading aliases, a replacement schema; other names define custom kinds.',
  kind: '{kind}: file globs, extra heading aliases or a replacement schema.',
  aliases: 'Extra heading aliases per section id.',
  sectionAliases: 'Extra headings for "{title}" ({other}).',
  kindSchema: 'A kind schema that replaces the built-in "{kind}" one, relative to this file.',
  levelOff: 'Turn the rule off',
  levelError: 'Report as an error',
  levelWarning: 'Report as a warning',
  levelInfo: 'Report as information',
  levelHint: 'Report as a hint',
  files: 'Globs of documents of this kind, relative to the folder of this file (e.g. "personas/**/*.md").',
  customKind: 'A custom kind: a kind schema (required), file globs and extra heading aliases.',
  customSchema: 'Path of the kind schema (JSON Schema 2020-12 with x-segdoc), relative to this file.',
} satisfies Record<string, string>;

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
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'description' && typeof v === 'string' ? localize(locale, v) : localizeDescriptions(v, locale)]));
}

/**
 * The JSON schema (draft-07, what VS Code's `jsonValidation` understands best) of
 * `.segdoc.json`, generated from the rule registry and the built-in kinds so that VS Code
 * completes rule ids, severities, options and section ids, with every description in
 * `locale`. `scripts/config-schema.mjs` writes one file per language
 * (schemas/config.schema.json, schemas/config.schema.ru.json); a test fails when they are stale.
 */
export function configJsonSchema(locale: Language = 'en'): Record<string, unknown> {
  const t = (text: string, args: MessageArgs = {}): string => localize(locale, text, args);
  const other: Language = locale === 'en' ? 'ru' : 'en';
  const rules: Record<string, unknown> = {};
  for (const rule of [...configurableRules()].sort((a, b) => a.id.localeCompare(b.id))) {
    rules[rule.id] = {
      description: t(schemaTexts.rule, { description: t(rule.description), severity: rule.severity }),
      markdownDescription: t(schemaTexts.ruleLink, { description: t(rule.description), severity: rule.severity, url: ruleDocUrl(rule.id) }),
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
  const kinds: Record<string, unknown> = {};
  for (const kind of builtinKinds()) {
    const sections: Record<string, unknown> = {};
    for (const s of kind.sections) sections[s.id] = { description: t(schemaTexts.sectionAliases, { title: pick(s.title, locale), other: pick(s.title, other) }), $ref: '#/definitions/strings' };
    kinds[kind.kind] = {
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
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: t(schemaTexts.title),
    description: t(schemaTexts.description),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      language: {
        description: t(schemaTexts.language),
        enum: ['en', 'ru'],
      },
      rules: {
        description: t(schemaTexts.rules),
        type: 'object',
        properties: rules,
        additionalProperties: false,
      },
      kinds: {
        description: t(schemaTexts.kinds),
        type: 'object',
        properties: kinds,
        additionalProperties: { $ref: '#/definitions/customKind' },
      },
    },
    definitions: {
      level: {
        enum: [...RULE_LEVELS],
        enumDescriptions: [schemaTexts.levelOff, schemaTexts.levelError, schemaTexts.levelWarning, schemaTexts.levelInfo, schemaTexts.levelHint].map((d) => t(d)),
      },
      strings: { type: 'array', items: { type: 'string' } },
      files: {
        description: t(schemaTexts.files),
        type: 'array',
        items: { type: 'string' },
      },
      schema: { type: 'string', pattern: '^(?![a-zA-Z][a-zA-Z0-9+.-]*://)' },
      customKind: {
        description: t(schemaTexts.customKind),
        type: 'object',
        additionalProperties: false,
        required: ['schema'],
        properties: {
          files: { $ref: '#/definitions/files' },
          aliases: { type: 'object', additionalProperties: { $ref: '#/definitions/strings' } },
          schema: { $ref: '#/definitions/schema', description: t(schemaTexts.customSchema) },
        },
      },
    },
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
