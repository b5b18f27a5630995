/**
 * The three output formats of `segdoc check`: stylish (people), json (scripts; its shape,
 * version 1, is `formatJson`'s) and SARIF 2.1.0 (code-scanning dashboards).
 */
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Result } from 'sarif';
import type { Language } from '../model/types';
import type { Range } from '../parse/text';
import { rules as registry } from '../rules/registry';
import type { Severity } from '../rules/types';
import { localize } from '../l10n';
import { tallyLine, type Scores } from '../services/scores';
import { count, t } from './messages';

export interface ReportDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Places in other files the finding refers to (the rules that compare documents). */
  related?: Array<{ path: string; range: Range; message: string }>;
}

export interface FileReport {
  /** Relative to the working folder, forward slashes. */
  path: string;
  /** The document kind, or `config` for a config file's own problems. */
  kind: string;
  language: Language;
  diagnostics: ReportDiagnostic[];
  /** The document's score tallies (services/scores.ts); absent for a config file. */
  scores?: Scores | null;
}

/** A file that was not checked, and why. */
export interface SkippedFile {
  /** Relative to the working folder, forward slashes. */
  path: string;
  /**
   * `not-segdoc`: named on the command line, but not a segdoc document; `not-a-file`: a
   * device, FIFO or socket; `too-large`, `unreadable`; `failed`: checking it failed.
   */
  reason: 'not-segdoc' | 'not-a-file' | 'too-large' | 'unreadable' | 'failed';
  /** The reason in words, in the CLI's language. */
  message: string;
}

export interface CheckReport {
  files: FileReport[];
  /** Files not checked (absent: none). */
  skipped?: SkippedFile[];
  /** Language of the CLI's own texts. */
  locale: Language;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Infos and hints. */
  infos: number;
}

export function summarize(report: Pick<CheckReport, 'files'>): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: report.files.length, errors, warnings, infos };
}

// ---------------------------------------------------------------------------------------
// json

export function formatJson(report: CheckReport): string {
  const out = {
    version: 1,
    files: report.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      language: f.language,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        range: d.range,
        ...(d.related ? { related: d.related } : {}),
      })),
      // The score tallies (services/scores.ts), the same object the language server answers
      // `segdoc/scores` with; a config file has none, and keeps the key with an empty object.
      scores: f.scores ?? {},
    })),
    summary: summarize(report),
    // Added after the first shape: files that were not checked, with the reason.
    skipped: (report.skipped ?? []).map((f) => ({ path: f.path, reason: f.reason, message: f.message })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------
// stylish

/** ANSI styles as [open, close] codes; only used when the output is a terminal. */
const STYLES = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  gray: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
} as const;
type Style = keyof typeof STYLES;

function ansi(styles: Style[], s: string): string {
  return styles.reduce((acc, st) => `\u001b[${STYLES[st][0]}m${acc}\u001b[${STYLES[st][1]}m`, s);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

export function formatStylish(report: CheckReport, options: { color: boolean }): string {
  const paint = (style: Style | Style[], s: string): string =>
    options.color ? ansi(Array.isArray(style) ? style : [style], s) : s;
  const locale = report.locale;
  const lines: string[] = [];
  let pendingBlank = false;
  for (const file of report.files) {
    // Every document gets its tally line (path and tallies), problems or not; a config file
    // without problems has nothing to say.
    // A document's block is in the language of its messages (with no locale set, each
    // document's own; see cli/run.ts envLanguage); the summary below is the report's.
    const fileLocale = file.scores?.locale ?? locale;
    const tally = file.scores ? tallyLine(file.scores, fileLocale) : undefined;
    if (!file.diagnostics.length) {
      if (tally) {
        lines.push(`${paint('underline', file.path)}  ${paint('dim', tally)}`);
        pendingBlank = true;
      }
      continue;
    }
    const rows = file.diagnostics.map((d) => ({
      where: `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: t(d.severity, fileLocale),
      d,
    }));
    const w1 = Math.max(...rows.map((r) => r.where.length));
    const w2 = Math.max(...rows.map((r) => r.severity.length));
    const w3 = Math.max(...rows.map((r) => r.d.message.length));
    if (pendingBlank) lines.push('');
    pendingBlank = false;
    lines.push(tally ? `${paint('underline', file.path)}  ${paint('dim', tally)}` : paint('underline', file.path));
    for (const r of rows) {
      lines.push(
        `  ${paint('dim', r.where.padEnd(w1))}  ${paint(SEVERITY_STYLE[r.d.severity], r.severity.padEnd(w2))}  ${r.d.message.padEnd(w3)}  ${paint('dim', r.d.rule)}`.trimEnd(),
      );
    }
    lines.push('');
  }
  if (pendingBlank) lines.push('');
  // Files named on the command line that are not segdoc documents get a line; those that
  // could not be read were named on stderr already.
  const notSegdoc = (report.skipped ?? []).filter((f) => f.reason === 'not-segdoc');
  for (const f of notSegdoc) lines.push(`${paint('underline', f.path)}  ${paint('dim', f.message)}`);
  if (notSegdoc.length) lines.push('');
  const s = summarize(report);
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) {
    lines.push(s.files ? t('noProblems', locale, { files: count(s.files, 'file', locale) }) : t('noDocuments', locale));
  } else {
    const text = t('summary', locale, {
      problems: count(problems, 'problem', locale),
      errors: count(s.errors, 'error', locale),
      warnings: count(s.warnings, 'warning', locale),
      infos: count(s.infos, 'info', locale),
    });
    lines.push(paint(['bold', s.errors ? 'red' : s.warnings ? 'yellow' : 'blue'], `✖ ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// SARIF 2.1.0

/** A relative path as a URI reference: every segment percent-encoded, so `#`, `?` and `%` stay part of the name. */
export function uriReference(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: CheckReport, version: string): string {
  const locale = report.locale;
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'segdoc', toolDriverVersion: version });
  for (const rule of registry) {
    const r = new SarifRuleBuilder().initSimple({ ruleId: rule.id, shortDescriptionText: localize(locale, rule.description) });
    r.rule.defaultConfiguration = { level: SARIF_LEVEL[rule.severity] };
    run.addRule(r);
  }
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      // SARIF regions are 1-based; columns count UTF-16 code units (SARIF's default
      // columnKind), the same units as LSP characters.
      const result = new SarifResultBuilder().initSimple({
        ruleId: d.rule,
        level: SARIF_LEVEL[d.severity],
        messageText: d.message,
        fileUri: uriReference(file.path),
        ...sarifRegion(d.range),
      });
      if (d.related?.length) {
        result.result.relatedLocations = d.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: uriReference(r.path) }, region: sarifRegion(r.range) },
        }));
      }
      run.addResult(result);
    }
  }
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}

function sarifRegion(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
