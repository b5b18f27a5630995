/**
 * Loading `.segdoc.json` (README.md "Configuration"): the nearest config file above a
 * document, read as JSON with comments, validated against the config schema, and turned into
 * the plain `LintConfig` the engine takes (services/engine.ts). This module is the API; the work is done in
 * services/config/:
 *   - load.ts: finding, reading and caching config files; `rules` and the result;
 *   - schema.ts: the config's JSON schema (schemas/config.schema.json), the one source of what
 *     a valid config is;
 *   - validate.ts: ajv against that schema, each error a diagnostic at its place;
 *   - kinds.ts: globs, heading aliases and kind schema files (read, checked, compiled);
 *   - diagnostics.ts, messages.ts, jsonc.ts: diagnostics, their texts, the JSONC tree.
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
export type { ConfigDiagnostic } from './config/diagnostics';
export {
  CONFIG_FILE_NAME,
  CONFIG_MAX_BYTES,
  CONFIG_MAX_DEPTH,
  clearConfigCache,
  findConfigFile,
  lintOptionsFor,
  loadConfigFile,
  loadConfigForFile,
  type LoadedConfig,
  type LoadOptions,
} from './config/load';
export { SCHEMA_MAX_BYTES, SCHEMA_MAX_DEPTH } from './config/kinds';
export { schemaTexts } from './config/messages';
export {
  configJsonSchema,
  configJsonSchemaPath,
  configJsonSchemaText,
  configurableRules,
  optionDescriptions,
  RULE_LEVELS,
  ruleOptionsSchema,
} from './config/schema';
