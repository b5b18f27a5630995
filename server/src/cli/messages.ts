/**
 * The CLI's own texts (usage, errors, the summary line), in English; the l10n/ bundles
 * translate them. Diagnostics bring their messages from the rules' catalogues; these are only
 * what `segdoc` itself says.
 */
import type { Language } from '../model/types';
import { counter, localize, translator, type Plural } from '../l10n';

export const help = `Usage: segdoc check [options] [paths or globs...]

Checks customer-segmentation documents (buyer personas, segmentation analyses,
GTM strategies, prioritization matrices) written in Markdown. Folders are searched
for *.md and *.markdown files (node_modules and dot-folders are skipped); files that
are not segdoc documents are skipped. Default: the current folder.

Options:
  -f, --format <name>   output format: stylish (default), json, sarif, junit,
                        github (workflow annotations), markdown (a PR comment);
                        may be given several times
  -o, --output <file>   write the report of the --format before it to <file>
                        (a --format without --output goes to stdout)
  --fix                 apply the safe fixes to the files, then report what is left
  --fix-dry-run         print the safe fixes as a unified diff; write nothing
  --config <file>       use this config file instead of the nearest .segdoc.json
  --lang <en|ru>        language of messages (default: from LC_ALL, LC_MESSAGES, LANG)
  --max-warnings <n>    exit 1 when there are more than n warnings
  -h, --help            show this help
  -v, --version         show the version

Exit codes (after --fix, for what is left): 0 no errors; 1 errors, or warnings
above --max-warnings; 2 a usage or configuration error, or a path that cannot be
read or written.

Environment: NO_COLOR turns colours off; SEGDOC_TODAY=YYYY-MM-DD sets the date that
date rules treat as today (reproducible runs).
`;

export const messages = {
  missingCommand: 'segdoc: missing command; try "segdoc check".',
  unknownCommand: 'segdoc: unknown command "{command}"; try "segdoc check".',
  unknownOption: 'segdoc: unknown option "{option}".',
  missingValue: 'segdoc: option "{option}" needs a value.',
  badValue: 'segdoc: invalid value "{value}" for {option}; expected {expected}.',
  aNumber: 'a whole number ≥ 0',
  badToday: 'segdoc: SEGDOC_TODAY="{value}" is not a date; expected YYYY-MM-DD.',
  notFound: 'segdoc: no such file or folder: {path}',
  noMatch: 'segdoc: no files match the pattern {path}',
  unreadable: 'segdoc: cannot read {path}: {detail}',
  notAFile: 'segdoc: {path} is not a regular file (a device, FIFO or socket); not read',
  tooLarge: 'segdoc: {path} is {size} bytes, over the limit of {limit}; not read',
  checkFailed: 'segdoc: checking {path} failed, so it has no results: {detail}',
  notSegdoc: 'skipped: not a segdoc document (no kind in its front matter, file name or title)',
  ruleFailed: 'segdoc: rule {rule} failed on {path} and its findings are missing: {detail}',
  configNotFound: 'segdoc: cannot read the config file {path}: {detail}',
  outputWithoutFormat: 'segdoc: --output {file} follows another --output; give a --format before each --output.',
  writeFailed: 'segdoc: cannot write {path}: {detail}',
  notFixed: 'segdoc: {path} changed while it was checked, or is not valid UTF-8; not fixed',
  fixed: 'Fixed {problems} in {files}.',
  wouldFix: 'Would fix {problems} in {files} (--fix-dry-run: nothing written).',
  mdFiles: 'Files',
  mdErrors: 'Errors',
  mdWarnings: 'Warnings',
  mdInfos: 'Infos',
  mdWhere: 'Where',
  mdSeverity: 'Severity',
  mdRule: 'Rule',
  mdMessage: 'Message',
  noDocuments: 'No segdoc documents found.',
  noProblems: 'No problems ({files}).',
  summary: '{problems} ({errors}, {warnings}, {infos})',
  tooManyWarnings: 'segdoc found {warnings} (--max-warnings {max}).',
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'hint',
} satisfies Record<string, string>;

export const t = translator(messages);

export function helpText(locale: Language): string {
  return localize(locale, help);
}

/** Counted nouns (1 ошибка, 2 ошибки, 5 ошибок): the bundles translate each plural category. */
export const nouns = {
  problem: { one: '{n} problem', other: '{n} problems' },
  error: { one: '{n} error', other: '{n} errors' },
  warning: { one: '{n} warning', other: '{n} warnings' },
  info: { one: '{n} info', other: '{n} infos' },
  file: { one: '{n} file', other: '{n} files' },
} satisfies Record<string, Plural>;

/** `3 errors`, `1 ошибка`, `5 ошибок`. */
export const count = counter(nouns);
