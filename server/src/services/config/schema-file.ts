/**
 * Reading a kind schema file of the workspace (one a config names, or one a `$ref` of such a
 * schema names): a regular file of bounded size and nesting, parsed as JSON with comments,
 * its `x-segdoc` values type-checked; then its `$ref`s resolved (schemas/refs.ts), other files
 * read the same way. A problem inside a file is reported at the config's reference to the
 * schema (`span`), the message naming the file, line and column where it is.
 */
import * as path from 'node:path';
import { printParseErrorCode } from 'jsonc-parser';
import { LineIndex, type Span } from '../../parse/text';
import type { JsonSchema } from '../../schemas/kinds';
import { RefError, resolveRefs, type RefFileReader } from '../../schemas/refs';
import type { MessageArgs } from '../../l10n';
import { formatBytes, readRegularFile } from '../safe-read';
import { tooDeepAt, xSegdocProblems } from '../schema-values';
import type { ConfigReport } from './diagnostics';
import { configMessage } from './messages';
import { locate, nodeValue, parseJsonc, withoutBom, type JsonNode } from './jsonc';

/** Workspace schema files are read only when regular and at most this large (bytes). */
export const SCHEMA_MAX_BYTES = 1024 * 1024;
/** Nesting of objects and arrays allowed in a schema file before parsing (the parsers and ajv recurse). */
export const SCHEMA_MAX_DEPTH = 64;

export interface SchemaTree {
  root: JsonNode;
  lines: LineIndex;
}

export interface SchemaFile {
  json: JsonSchema;
  path: string;
  /** How messages name the file: as the config wrote it, else relative to the config's folder. */
  label: string;
  tree: SchemaTree;
}

/** A file read, or why not: a message for the caller to place, or `reported` when its problems are already reported. */
type Read = { ok: true; file: SchemaFile } | { ok: false; id: string; args: MessageArgs } | { ok: false; reported: true };

/** Reads and checks one schema file; `span` is where its in-file problems are reported (the config's reference). */
function readOne(c: ConfigReport, abs: string, label: string, span: Span): Read {
  c.dependencies.push(abs);
  const read = readRegularFile(abs, SCHEMA_MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') return { ok: false, id: 'schemaNotFound', args: { file: label } };
    if (read.reason === 'not-file') return { ok: false, id: 'schemaNotRegularFile', args: { file: label } };
    if (read.reason === 'too-large')
      return { ok: false, id: 'schemaTooLarge', args: { file: label, limit: formatBytes(read.limit) } };
    return { ok: false, id: 'schemaUnreadable', args: { file: label, detail: read.code } };
  }
  const lines = new LineIndex(read.text);
  const deep = tooDeepAt(withoutBom(read.text), SCHEMA_MAX_DEPTH);
  if (deep !== undefined) {
    c.reportInSchema(label, lines, deep, 'tooDeep', { limit: SCHEMA_MAX_DEPTH }, span);
    return { ok: false, reported: true };
  }
  const { root, errors } = parseJsonc(read.text);
  const first = errors[0];
  if (first || !root) {
    const pos = lines.positionAt(first?.offset ?? 0);
    const detail = configMessage(first ? `json.${printParseErrorCode(first.error)}` : 'json.ValueExpected', {}, c.locale);
    return { ok: false, id: 'schemaInvalidJson', args: { file: label, line: pos.line + 1, column: pos.character + 1, detail } };
  }
  const json = nodeValue(root);
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, id: 'schemaInvalid', args: { file: label, detail: configMessage('notObject', {}, c.locale) } };
  // segdoc's own metadata is checked here, each problem located in the schema file; the
  // standard keywords are ajv's to check.
  const problems = xSegdocProblems(root);
  for (const p of problems) c.reportValueProblem(label, lines, p, span);
  if (problems.length) return { ok: false, reported: true };
  return { ok: true, file: { json: json as JsonSchema, path: abs, label, tree: { root, lines } } };
}

/**
 * Reads the schema file `ref` names (relative to the config's folder) with every `$ref`
 * resolved; undefined (and findings) when it cannot be used.
 */
export function readSchemaFile(c: ConfigReport, ref: string, span: Span): SchemaFile | undefined {
  const main = readOne(c, path.resolve(c.dir, ref), ref, span);
  if (!main.ok) {
    if ('id' in main) c.report(main.id, main.args, span);
    return undefined;
  }
  const files = new Map<string, SchemaFile>([[main.file.path, main.file]]);
  const reader: RefFileReader = (name, from) => {
    const abs = path.resolve(path.dirname(from ?? main.file.path), name);
    const known = files.get(abs);
    if (known) return { ok: true, json: known.json, file: abs };
    const label = path.relative(c.dir, abs).split(path.sep).join('/');
    const r = readOne(c, abs, label, span);
    if (!r.ok)
      return 'id' in r
        ? { ok: false, id: r.id, args: r.args as Record<string, string | number> }
        : { ok: false, id: '', args: {} };
    files.set(abs, r.file);
    return { ok: true, json: r.file.json, file: abs };
  };
  try {
    return { ...main.file, json: resolveRefs(main.file.json, { files: reader }) };
  } catch (e) {
    if (!(e instanceof RefError)) throw e;
    const p = e.problem;
    const where = files.get(p.file ?? main.file.path) ?? main.file;
    const { detail, ...args } = p.args;
    // A referenced file whose own problems are already reported: nothing more to say.
    if (p.id === 'refFile' && detail === '') return undefined;
    const node = locate(where.tree.root, p.pointer).node;
    const [id, messageArgs]: [string, MessageArgs] = p.id === 'refFile' ? [String(detail), refFileArgs(p.args)] : [p.id, args];
    c.reportInSchema(where.label, where.tree.lines, node.offset, id, messageArgs, span);
    return undefined;
  }
}

/** The arguments of the problem of a referenced file (`detail` is its message id; none when files are not read). */
function refFileArgs(args: Record<string, string | number>): MessageArgs {
  const { detail: _detail, ref: _ref, ...rest } = args;
  return rest;
}
