/**
 * The CI formats of `segdoc check`, besides report.ts's stylish, json and SARIF: JUnit XML
 * (Jenkins, GitLab test reports), GitHub Actions workflow commands (annotations on a pull
 * request) and a Markdown summary (a pull-request comment). `formatReport` picks one.
 */
import type { Format } from './args';
import { ruleDocUrl } from '../services/rules-doc';
import type { Severity } from '../rules/types';
import { t } from './messages';
import { formatJson, formatSarif, formatStylish, summarize, type CheckReport, type ReportDiagnostic } from './report';

export function formatReport(format: Format, report: CheckReport, options: { color: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options.version);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    case 'markdown':
      return formatMarkdown(report);
    default:
      return formatStylish(report, { color: options.color });
  }
}

/** `12:3`: where a finding starts, 1-based, as people read it. */
function lineCol(d: ReportDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

// ---------------------------------------------------------------------------------------
// JUnit XML

/** Text or attribute content as XML 1.0 allows it: markup escaped, characters XML cannot hold dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
  );
}

const FAILS: ReadonlySet<Severity> = new Set(['error', 'warning']);

/**
 * One test suite per file, one test case per file and rule: a rule with an error or a warning
 * in the file is a failure (its message, the first finding's, and every finding with its
 * line:col in the body); a rule with only infos and hints passes, its findings in
 * system-out. A file without findings is one passing case, so that it shows as checked.
 */
export function formatJunit(report: CheckReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of report.files) {
    const byRule = new Map<string, ReportDiagnostic[]>();
    for (const d of file.diagnostics) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
    const cases: string[] = [];
    let suiteFailures = 0;
    const name = xmlEscape(file.path);
    if (!byRule.size) cases.push(`    <testcase classname="${name}" name="segdoc"/>`);
    for (const [rule, found] of byRule) {
      const body = xmlEscape(found.map((d) => `${lineCol(d)} ${t(d.severity, report.locale)} ${d.message}`).join('\n'));
      const failing = found.filter((d) => FAILS.has(d.severity));
      const head = `    <testcase classname="${name}" name="${xmlEscape(rule)}">`;
      if (failing.length) {
        suiteFailures++;
        const first = failing[0]!;
        const message = xmlEscape(`${lineCol(first)} ${first.message}`);
        cases.push(`${head}<failure type="${first.severity}" message="${message}">${body}</failure></testcase>`);
      } else {
        cases.push(`${head}<system-out>${body}</system-out></testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites name="segdoc" tests="${tests}" failures="${failures}" errors="0">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.map((s) => `${s}\n`).join('')}</testsuites>\n`;
}

// ---------------------------------------------------------------------------------------
// GitHub Actions workflow commands

/** A command's message as the runner reads it back: `%`, CR and LF escaped. */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: the message's escaping, and `:` and `,`, which end a property. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=segdoc <rule>::message` line per finding. */
export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const props = [
        `file=${githubProperty(file.path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${githubProperty(`segdoc ${d.rule}`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${githubData(d.message)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

// ---------------------------------------------------------------------------------------
// Markdown (a pull-request comment)

/** A table cell: pipes and backslashes escaped, line breaks as `<br>`, so one finding stays one row. */
export function markdownCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>');
}

/** A summary table (files, errors, warnings, infos), then a table of the findings: where, severity, rule (linked to its page), message. */
export function formatMarkdown(report: CheckReport): string {
  const locale = report.locale;
  const s = summarize(report);
  const lines = [
    `### segdoc`,
    '',
    `| ${t('mdFiles', locale)} | ${t('mdErrors', locale)} | ${t('mdWarnings', locale)} | ${t('mdInfos', locale)} |`,
    '| ---: | ---: | ---: | ---: |',
    `| ${s.files} | ${s.errors} | ${s.warnings} | ${s.infos} |`,
  ];
  const rows = report.files.flatMap((file) =>
    file.diagnostics.map(
      (d) =>
        `| ${markdownCell(`${file.path}:${d.range.start.line + 1}`)} | ${t(d.severity, locale)} | [${markdownCell(d.rule)}](${ruleDocUrl(d.rule)}) | ${markdownCell(d.message)} |`,
    ),
  );
  if (rows.length) {
    lines.push(
      '',
      `| ${t('mdWhere', locale)} | ${t('mdSeverity', locale)} | ${t('mdRule', locale)} | ${t('mdMessage', locale)} |`,
    );
    lines.push('| --- | --- | --- | --- |', ...rows);
  }
  return `${lines.join('\n')}\n`;
}
