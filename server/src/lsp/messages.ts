/**
 * The language server's own user-visible texts (the titles of the code actions that are not
 * a rule's fix: insert all, fix all, disable).
 * Rule messages and fix titles come from the rules' catalogues through the engine; these are
 * the few texts that only the editor shows. Same shape as a rule catalogue; l10n/ bundles
 * translate it.
 */
import { localizeCount, translator, type Locale, type Plural } from '../l10n';

export const messages = {
  disableLine: 'Disable {rule} for this line',
  disableFile: 'Disable {rule} for this file',
  fixAll: 'Fix all safe segdoc problems',
  renameEmpty: 'A segment needs a name',
  renameNewline: 'A segment name is written on one line',
  renameNoWords: 'A segment name needs at least one letter or digit',
  renamePipe: 'The segment is named in a table: its new name cannot contain "|"',
  renameTaken: 'A segment named "{name}" exists already',
  renamePartial: 'This names the segment "{name}" only in part: rename the segment from its definition',
  renamePartialLeft: 'Renamed "{name}"; left as written, as they name it only in part: {places}',
  renameStaleLeft: 'Renamed "{name}"; left as written, as their files changed since they were read: {places}',
  usage:
    'Usage: segdoc-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]: the segdoc language server for editors; it speaks the Language Server Protocol over stdio by default.',
} satisfies Record<string, string>;

export const message = translator(messages);

/** Titles with a count (only ever shown for two or more, but every plural form is translated). */
export const counts = {
  insertAll: { one: 'Insert the {n} missing section', other: 'Insert all {n} missing sections' },
  insertAllRequired: { one: 'Insert the {n} missing required section', other: 'Insert all {n} missing required sections' },
} satisfies Record<string, Plural>;

export function countMessage(id: keyof typeof counts, n: number, locale: Locale): string {
  return localizeCount(locale, n, counts[id]);
}
