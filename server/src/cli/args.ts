/**
 * The command line of `segdoc check`: options → {@link Flags}, or a {@link UsageError} in the
 * CLI's language. `--format` and `--output` come in pairs, read in the order given.
 */
import { parseArgs } from 'node:util';
import type { Language } from '../model/types';
import { t } from './messages';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** One report the run writes: a format, to a file or (no file) to stdout. */
export interface Output {
  format: Format;
  /** As given on the command line (relative to the working folder). */
  file?: string;
}

export interface Flags {
  /** At least one; `stylish` to stdout when no `--format` is given. */
  outputs: Output[];
  config?: string;
  lang?: Language;
  maxWarnings?: number;
  /** `--fix`: write the safe fixes to the files. */
  fix: boolean;
  /** `--fix-dry-run`: print the safe fixes as a diff, write nothing. */
  fixDryRun: boolean;
  help: boolean;
  version: boolean;
  positionals: string[];
}

export class UsageError extends Error {}

type ParsedArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; tokens: true; allowPositionals: true; strict: true }>>;

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  config: { type: 'string', short: 'c' },
  lang: { type: 'string' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseTokens(argv: string[], locale: Language): ParsedArgs {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (e) {
    // node's own messages are English; only the option name is taken from them.
    const text = e instanceof Error ? e.message : String(e);
    const option = /'([^']+)'/.exec(text)?.[1]?.split(' ')[0] ?? text;
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(t('missingValue', locale, { option }));
    throw new UsageError(t('unknownOption', locale, { option }));
  }
}

/**
 * The outputs in command-line order: each `--output` goes with the `--format` before it (one
 * file per format given); an `--output` before any `--format` names the file of the default
 * stylish report.
 */
function outputsOf(tokens: NonNullable<ParsedArgs['tokens']>, locale: Language): Output[] {
  const outputs: Output[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || typeof token.value !== 'string') continue;
    if (token.name === 'format') {
      if (!(FORMATS as readonly string[]).includes(token.value)) {
        throw new UsageError(t('badValue', locale, { option: '--format', value: token.value, expected: FORMATS.join(', ') }));
      }
      outputs.push({ format: token.value as Format });
    } else if (token.name === 'output') {
      if (!outputs.length) outputs.push({ format: 'stylish' });
      const last = outputs[outputs.length - 1]!;
      if (last.file !== undefined) throw new UsageError(t('outputWithoutFormat', locale, { file: token.value }));
      last.file = token.value;
    }
  }
  return outputs.length ? outputs : [{ format: 'stylish' }];
}

export function parse(argv: string[], locale: Language): Flags {
  const { values, positionals, tokens } = parseTokens(argv, locale);
  const flags: Flags = {
    outputs: outputsOf(tokens ?? [], locale),
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    help: values.help === true,
    version: values.version === true,
    positionals,
  };
  const lang = values.lang;
  if (typeof lang === 'string') {
    if (lang !== 'en' && lang !== 'ru')
      throw new UsageError(t('badValue', locale, { option: '--lang', value: lang, expected: 'en, ru' }));
    flags.lang = lang;
  }
  const max = values['max-warnings'];
  if (typeof max === 'string') {
    if (!/^\d+$/.test(max))
      throw new UsageError(t('badValue', locale, { option: '--max-warnings', value: max, expected: t('aNumber', locale) }));
    flags.maxWarnings = Number(max);
  }
  if (typeof values.config === 'string') flags.config = values.config;
  return flags;
}

/** The day date rules treat as today: SEGDOC_TODAY (YYYY-MM-DD) when set, else now. */
export function today(env: Record<string, string | undefined>, locale: Language): Date {
  const value = env['SEGDOC_TODAY'];
  if (!value) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Noon UTC: the same calendar day in every time zone a CI runner may use.
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
  if (!date || date.getUTCDate() !== Number(m![3])) throw new UsageError(t('badToday', locale, { value }));
  return date;
}
