/**
 * `segdoc check` (README.md, "CLI"): arguments → files → engine → one of three formats → exit
 * code. Written against a small I/O interface so tests can run it in-process too.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import pkg from '../../../package.json';
import type { Language } from '../model/types';
import { workspaceModel, type WorkspaceModel } from '../rules/workspace/model';
import { workspaceFindings } from '../services/workspace-rules';
import { FragmentCache } from '../model/build';
import { lint, lintAsync, sortFindings, usesWorkspace, type LintOptions, type LintResult } from '../services/engine';
import { ParsePool } from '../services/parse-pool';
import type { ParseLimits } from '../parse/markdown';
import { computeScores } from '../services/scores';
import { loadConfigFile, loadConfigForFile, lintOptionsFor, type LoadedConfig } from '../services/config';
import { parse, today, UsageError, type Flags } from './args';
import { collectFiles, displayPath, readDocument } from './files';
import { count, helpText, t } from './messages';
import { fixUntilStable, unifiedDiff, writeAtomically } from './fix';
import { formatReport } from './formats';
import { summarize, type CheckReport, type FileReport, type SkippedFile } from './report';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  /** The engine's parse pool and limits instead of the defaults (tests: a small budget). */
  engine?: { pool?: ParsePool; limits?: ParseLimits };
}

export { FORMATS, type Format } from './args';

/** Exit codes (README.md, "CLI"): no errors, errors or too many warnings, a usage or configuration error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * The language of the user's environment: the first of LC_ALL, LC_MESSAGES and LANG that is
 * set (POSIX precedence), `ru*` → Russian, any other locale → English. Undefined when that
 * is no real locale (unset, `C`, `POSIX`, `C.UTF-8`: containers and CI runners): then each
 * document's messages follow the document's own language, and texts about no document
 * (usage errors, the summary) are English.
 */
export function envLanguage(env: Record<string, string | undefined>): Language | undefined {
  const value = (env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '').trim();
  if (!value || /^(C|POSIX)([._@].*)?$/i.test(value)) return undefined;
  return /^ru/i.test(value) ? 'ru' : 'en';
}

let sharedPool: ParsePool | undefined;

/**
 * The process's parse pool, one worker per core, kept for later runs in the same process
 * (tests run the CLI in process many times). Idle workers do not keep the process alive.
 */
function defaultPool(): ParsePool {
  sharedPool ??= new ParsePool({ size: availableParallelism() });
  return sharedPool;
}

/** Runs the CLI; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // Before --lang is read, the environment decides the language of usage errors.
  let locale: Language = envLanguage(io.env) ?? 'en';
  const langAt = argv.indexOf('--lang');
  const early = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (early === 'en' || early === 'ru') locale = early;

  let flags: Flags;
  let now: Date;
  try {
    flags = parse(argv, locale);
    now = today(io.env, locale);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${helpText(locale)}`);
    return EXIT_USAGE;
  }
  if (flags.version) {
    io.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  if (flags.help) {
    io.stdout.write(helpText(locale));
    return EXIT_OK;
  }
  const [command, ...paths] = flags.positionals;
  if (command !== 'check') {
    io.stderr.write(
      `${command === undefined ? t('missingCommand', locale) : t('unknownCommand', locale, { command })}\n\n${helpText(locale)}`,
    );
    return EXIT_USAGE;
  }
  return check(paths, flags, locale, now, io);
}

/** A file read and linted once, kept for the workspace pass. */
interface LintedFile {
  file: string;
  options: LintOptions;
  cache: FragmentCache;
  /** The text as fixed (`--fix`, `--fix-dry-run`), else as read. */
  text: string;
  /** The text as read. */
  original: string;
  /** How many findings' fixes made `text` from `original`. */
  fixed: number;
  result: LintResult;
}

/** Applies the safe fixes to `entry` until none is left, `relint` checking each new text. */
function fixEntry(entry: LintedFile, relint: (text: string) => LintResult): void {
  const outcome = fixUntilStable(entry.text, entry.result, relint);
  entry.text = outcome.text;
  entry.result = outcome.result;
  entry.fixed += outcome.fixed;
}

/**
 * What one `segdoc check` run has learnt on its way to the report: the config named by
 * `--config` (if any), the configs found beside the files, the files not checked and whether a
 * problem was said on stderr — any such line (a file that cannot be read, a broken config, a
 * rule that threw) makes the run a configuration error, exit code 2.
 */
class CheckRun {
  usageProblem = false;
  /** Files not checked and why (sorted into the report at the end). */
  readonly skipped: SkippedFile[] = [];
  /** The configs that applied to the files, by path, each once. */
  readonly configs = new Map<string, LoadedConfig>();

  constructor(
    readonly io: CliIO,
    readonly flags: Flags,
    readonly now: Date,
    /** The config `--config` names, used for every file. */
    readonly fixedConfig: LoadedConfig | undefined,
    /** The language of the CLI's own lines. */
    readonly locale: Language,
  ) {}

  shown(file: string): string {
    return displayPath(file, this.io.cwd);
  }

  /** Says a problem on stderr; the run then exits 2. */
  problem(line: string): void {
    this.io.stderr.write(`${line}\n`);
    this.usageProblem = true;
  }

  /** One file's failure is that file's: it is said, and every other file is still reported. */
  failed(file: string, e: unknown): void {
    const detail = e instanceof Error ? e.message : String(e);
    this.problem(t('checkFailed', this.locale, { path: this.shown(file), detail }));
    this.skipped.push({ path: this.shown(file), reason: 'failed', message: detail });
  }
}

async function check(paths: string[], flags: Flags, envLocale: Language, now: Date, io: CliIO): Promise<number> {
  const named = namedConfig(flags, envLocale, io);
  if (!named) return EXIT_USAGE;
  // The language of the CLI's own lines: --lang, else the one config's, else the environment's.
  const run = new CheckRun(io, flags, now, named.config, flags.lang ?? named.config?.language ?? envLocale);
  const { files, explicit, problems } = await collectFiles(paths, io.cwd);
  for (const p of problems) run.problem(t(p.kind === 'no-match' ? 'noMatch' : 'notFound', run.locale, { path: p.arg }));
  const linted = await lintInLanes(run, files);
  if (flags.fix || flags.fixDryRun) fixAcrossDocuments(run, linted);
  const documents = workspacePass(run, linted, explicit);
  if (flags.fix || flags.fixDryRun) applyFixes(run, linted);
  const report = checkReport(run, linted, [...configReports(run), ...documents]);
  writeReport(run, report);
  return exitCode(run, report);
}

/**
 * The config `--config` names, loaded; `{}` when none is named, undefined (said on stderr)
 * when the named one cannot be read.
 */
function namedConfig(flags: Flags, envLocale: Language, io: CliIO): { config?: LoadedConfig } | undefined {
  if (flags.config === undefined) return {};
  const configPath = path.resolve(io.cwd, flags.config);
  try {
    // Only a regular file: a FIFO or a device named as the config would stall the run.
    if (!statSync(configPath).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
    readFileSync(configPath);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    io.stderr.write(`${t('configNotFound', envLocale, { path: flags.config, detail })}\n`);
    return undefined;
  }
  return { config: loadConfigFile(configPath, flags.lang ? { locale: flags.lang } : {}) };
}

/**
 * Lints every file, in file order. Files are parsed in worker threads, one per core, each
 * chunk within the parse budget (services/parse-pool.ts): a chunk too slow to parse is a
 * parse-limit finding of its file. A few files in flight per worker keep the workers busy
 * while this thread runs the rules.
 */
async function lintInLanes(run: CheckRun, files: readonly string[]): Promise<LintedFile[]> {
  const pool = run.io.engine?.pool ?? defaultPool();
  const results: Array<LintedFile | undefined> = new Array(files.length);
  let nextFile = 0;
  const lanes = Array.from({ length: Math.min(files.length, pool.size * 2) }, async () => {
    while (nextFile < files.length) {
      const at = nextFile++;
      results[at] = await lintFile(run, files[at]!, pool);
    }
  });
  await Promise.all(lanes);
  return results.filter((entry): entry is LintedFile => entry !== undefined);
}

/** Reads and lints one file with the config of its folder; undefined (said on stderr) when it cannot be. */
async function lintFile(run: CheckRun, file: string, pool: ParsePool): Promise<LintedFile | undefined> {
  const { io, flags } = run;
  const read = readDocument(file);
  if (!('text' in read)) {
    const shown = run.shown(file);
    const line =
      read.reason === 'not-a-file'
        ? t('notAFile', run.locale, { path: shown })
        : read.reason === 'too-large'
          ? t('tooLarge', run.locale, { path: shown, size: read.size, limit: read.limit })
          : t('unreadable', run.locale, { path: shown, detail: read.detail });
    run.problem(line);
    run.skipped.push({ path: shown, reason: read.reason, message: line.replace(/^segdoc: /, '') });
    return undefined;
  }
  const text = read.text;
  try {
    const loaded = run.fixedConfig ?? loadConfigForFile(file, flags.lang ? { locale: flags.lang } : {});
    if (loaded.path) run.configs.set(loaded.path, loaded);
    // Messages follow --lang, else the config's "language", else the user's environment,
    // else (no usable locale) the document's own language.
    const fileLocale = flags.lang ?? loaded.language ?? envLanguage(io.env);
    const options: LintOptions = {
      path: file,
      ...lintOptionsFor(loaded, file),
      now: run.now,
      ...(fileLocale ? { locale: fileLocale } : {}),
    };
    if (io.engine?.limits) options.limits = io.engine.limits;
    const cache = new FragmentCache();
    const result = await lintAsync(text, pool, { ...options, cache });
    const entry: LintedFile = { file, options, cache, text, original: text, fixed: 0, result };
    if (flags.fix || flags.fixDryRun) fixEntry(entry, (fixedText) => lint(fixedText, { ...options, cache }));
    return entry;
  } catch (e) {
    run.failed(file, e);
    return undefined;
  }
}

/**
 * The reports of the segdoc documents among the linted files. Their facts (what each defines
 * and names, rules/workspace/facts.ts) are the workspace model of the CLI: the rules that
 * compare documents run over it for each document they apply to, without parsing it again.
 */
function workspacePass(run: CheckRun, linted: readonly LintedFile[], explicit: ReadonlySet<string>): FileReport[] {
  const model = workspaceModel(
    linted.flatMap(({ file, result }) => (result.facts ? [{ id: file, source: path.basename(file), facts: result.facts }] : [])),
  );
  const reports: FileReport[] = [];
  for (const entry of linted) {
    const { file } = entry;
    let result: LintResult;
    try {
      result = recheck(entry, model);
    } catch (e) {
      run.failed(file, e);
      continue;
    }
    // A rule that throws loses only its own findings; say so rather than pass silently.
    for (const { rule, error } of result.ruleErrors) {
      run.problem(
        t('ruleFailed', run.locale, {
          rule,
          path: run.shown(file),
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    }
    if (!result.detection && !result.findings.length) {
      // A file found in a folder or by a glob that is not a segdoc document is simply not
      // one; a file named on the command line is said to be skipped.
      if (explicit.has(file))
        run.skipped.push({ path: run.shown(file), reason: 'not-segdoc', message: t('notSegdoc', run.locale) });
      continue;
    }
    reports.push(fileReport(run, file, result));
  }
  return reports;
}

function fileReport(run: CheckRun, file: string, result: LintResult): FileReport {
  return {
    path: run.shown(file),
    // Front matter naming an unknown kind, and nothing else telling: its only finding says so.
    kind: result.detection?.kind.kind ?? 'unknown',
    language: result.doc.language,
    diagnostics: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.related ? { related: f.related.map((r) => ({ path: run.shown(r.id), range: r.range, message: r.message })) } : {}),
    })),
    scores: result.detection ? computeScores(result) : null,
  };
}

/**
 * `--fix` with the rules that compare documents: their fixes are applied round by round, each
 * round against the workspace as the previous one left it (a fix in one document can change
 * what another is compared with), until a round changes nothing. Each document's result is then
 * its own check of its fixed text, which the workspace pass completes.
 */
function fixAcrossDocuments(run: CheckRun, linted: readonly LintedFile[]): void {
  for (let round = 0; round < 5; round++) {
    const model = workspaceModel(
      linted.flatMap(({ file, result }) =>
        result.facts ? [{ id: file, source: path.basename(file), facts: result.facts }] : [],
      ),
    );
    let changed = false;
    for (const entry of linted) {
      const { result, options, file } = entry;
      if (!result.facts || !usesWorkspace(result, options.rules)) continue;
      const before = entry.text;
      try {
        const relint = (text: string): LintResult =>
          lint(text, { ...options, cache: entry.cache, workspace: { model, self: file } });
        entry.result = relint(entry.text);
        fixEntry(entry, relint);
        entry.result = lint(entry.text, { ...options, cache: entry.cache });
      } catch (e) {
        run.failed(file, e);
      }
      if (entry.text !== before) changed = true;
    }
    if (!changed) return;
  }
}

/** The document's findings with those of the rules that compare it with the workspace, from its facts. */
function recheck(entry: LintedFile, model: WorkspaceModel): LintResult {
  const { result, options, file } = entry;
  if (!result.facts || !usesWorkspace(result, options.rules)) return result;
  const pass = workspaceFindings(result.facts, { model, self: file }, options);
  if (!pass.findings.length && !pass.ruleErrors.length) return result;
  entry.result = {
    ...result,
    findings: sortFindings([...result.findings, ...pass.findings]),
    ruleErrors: [...result.ruleErrors, ...pass.ruleErrors],
  };
  return entry.result;
}

/**
 * `--fix`: each changed file written (atomically); `--fix-dry-run`: each change printed as a
 * unified diff. Then one line on stderr, so that stdout keeps only the report: how many
 * problems were (or would be) fixed in how many files.
 */
function applyFixes(run: CheckRun, linted: readonly LintedFile[]): void {
  let problems = 0;
  let files = 0;
  for (const entry of linted) {
    if (entry.text === entry.original) continue;
    const shown = run.shown(entry.file);
    if (run.flags.fixDryRun) run.io.stdout.write(unifiedDiff(shown, entry.original, entry.text));
    else {
      const problem = writeAtomically(entry.file, entry.original, entry.text);
      if (problem) {
        run.problem(
          problem.reason === 'changed'
            ? t('notFixed', run.locale, { path: shown })
            : t('writeFailed', run.locale, { path: shown, detail: problem.detail }),
        );
        continue;
      }
    }
    problems += entry.fixed;
    files++;
  }
  const args = { problems: count(problems, 'problem', run.locale), files: count(files, 'file', run.locale) };
  run.io.stderr.write(`${t(run.flags.fixDryRun ? 'wouldFix' : 'fixed', run.locale, args)}\n`);
}

/**
 * The reports of broken configs, by path. A broken config is reported in the config file,
 * like a document's problems, and makes the run a configuration error.
 */
function configReports(run: CheckRun): FileReport[] {
  const reports: FileReport[] = [];
  for (const loaded of run.fixedConfig ? [run.fixedConfig] : run.configs.values()) {
    if (!loaded.path || !loaded.diagnostics.length) continue;
    run.usageProblem = true;
    reports.push({
      path: run.shown(loaded.path),
      kind: 'config',
      language: loaded.language ?? run.locale,
      diagnostics: loaded.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range })),
    });
  }
  return reports.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The whole report, in the run's language. With no language chosen (no --lang, config
 * language or usable locale) documents that all share one language get the whole report in
 * it: severities and tallies too.
 */
function checkReport(run: CheckRun, linted: readonly LintedFile[], files: FileReport[]): CheckReport {
  const skipped = run.skipped.sort((a, b) => a.path.localeCompare(b.path));
  const languages = new Set(linted.filter((c) => c.result.detection || c.result.findings.length).map((c) => c.result.locale));
  const chosen = run.flags.lang ?? run.fixedConfig?.language ?? envLanguage(run.io.env);
  return { files, skipped, locale: !chosen && languages.size === 1 ? [...languages][0]! : run.locale };
}

/** Each report asked for, in the order asked: to its file, or to stdout (colours only there, on a terminal). */
function writeReport(run: CheckRun, report: CheckReport): void {
  const { io, flags } = run;
  for (const output of flags.outputs) {
    const color = output.file === undefined && io.stdout.isTTY === true && !io.env['NO_COLOR'];
    const text = formatReport(output.format, report, { color, version: pkg.version });
    if (output.file === undefined) {
      io.stdout.write(text);
      continue;
    }
    try {
      writeFileSync(path.resolve(io.cwd, output.file), text);
    } catch (e) {
      run.problem(t('writeFailed', run.locale, { path: output.file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
}

/** 2 after a problem said on stderr, 1 with errors or more warnings than --max-warnings allows, else 0. */
function exitCode(run: CheckRun, report: CheckReport): number {
  const summary = summarize(report);
  if (run.usageProblem) return EXIT_USAGE;
  if (summary.errors > 0) return EXIT_PROBLEMS;
  const max = run.flags.maxWarnings;
  if (max !== undefined && summary.warnings > max) {
    run.io.stderr.write(
      `${t('tooManyWarnings', run.locale, { warnings: count(summary.warnings, 'warning', run.locale), max })}\n`,
    );
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
