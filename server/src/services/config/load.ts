/**
 * Finding, reading and caching `.segdoc.json` files, and turning one into the plain
 * {@link LintConfig} the engine takes. The file is JSON with comments; its shape is checked
 * against the config schema (./validate.ts), its kinds read with their schema files
 * (./kinds.ts). Loading never throws for a bad file: every problem is a diagnostic.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { printParseErrorCode } from 'jsonc-parser';
import type { Language } from '../../model/types';
import { LineIndex } from '../../parse/text';
import { rules as registry } from '../../rules/registry';
import type { Rule } from '../../rules/types';
import type { MessageArgs } from '../../l10n';
import type { LintConfig, LintOptions } from '../engine';
import { formatBytes, readRegularFile, type ReadResult } from '../safe-read';
import { tooDeepAt } from '../schema-values';
import { ConfigReport, makeDiagnostic, type ConfigDiagnostic } from './diagnostics';
import { configMessage } from './messages';
import { parseJsonc, properties, withoutBom, type JsonNode } from './jsonc';
import { readKinds } from './kinds';
import { readRules } from './rule-settings';
import { configurableRules } from './schema';
import { checkShape } from './validate';

export const CONFIG_FILE_NAME = '.segdoc.json';

/** Workspace files are read only when regular and at most this large (bytes). */
export const CONFIG_MAX_BYTES = 256 * 1024;
/** Nesting of objects and arrays allowed before parsing (the parsers and ajv recurse). */
export const CONFIG_MAX_DEPTH = 32;

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
    if (text.length > CONFIG_MAX_BYTES)
      return unreadableConfig(abs, { ok: false, reason: 'too-large', limit: CONFIG_MAX_BYTES }, options.locale);
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
// Reading a config file

/** The config's own "language", which decides the diagnostics' language unless the caller chose. */
function configLanguage(root: JsonNode | undefined): Language | undefined {
  if (root?.type !== 'object') return undefined;
  const lang = properties(root).find((p) => p.key === 'language')?.value;
  return lang?.type === 'string' && (lang.value === 'en' || lang.value === 'ru') ? lang.value : undefined;
}

function load(
  file: string,
  text: string,
  requestedLocale: Language | undefined,
  ruleList: readonly Rule<object>[] | undefined,
  trusted = true,
): LoadedConfig {
  const deep = tooDeepAt(withoutBom(text), CONFIG_MAX_DEPTH);
  const c = new ConfigReport(file, text, requestedLocale ?? 'en');
  const result: LoadedConfig = { path: file, dir: c.dir, config: {}, diagnostics: c.diagnostics, dependencies: c.dependencies };
  if (deep !== undefined) {
    c.report('tooDeep', { limit: CONFIG_MAX_DEPTH }, { start: deep, end: deep + 1 });
    return result;
  }
  const { root, errors } = parseJsonc(text);
  const language = configLanguage(root);
  if (language) result.language = language;
  if (!requestedLocale && language) c.locale = language;
  for (const e of errors) {
    const detail = configMessage(`json.${printParseErrorCode(e.error)}`, {}, c.locale);
    c.report('invalidJson', { detail }, { start: e.offset, end: e.offset + e.length });
  }
  if (!root) {
    if (errors.length === 0) c.report('notObject', {}, { start: 0, end: 0 });
    return result;
  }
  checkShape(c, root, ruleList ?? registry);
  // Not an object: the schema said so, and there is nothing to read.
  if (root.type !== 'object') return result;
  for (const p of properties(root)) {
    if (p.key === 'rules') {
      const rules = readRules(c, p.value, configurableRules(ruleList));
      if (rules) result.config.rules = rules;
    } else if (p.key === 'kinds') {
      readKinds(c, p.value, result.config, trusted);
    }
  }
  c.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return result;
}
