/**
 * The language server's own user-visible texts (the titles of the "disable" code actions).
 * Rule messages and fix titles come from the rules' catalogues through the engine; these are
 * the few texts that only the editor shows. Same shape as a rule catalogue, so a missing
 * translation is a type error rather than English in a Russian editor.
 */
import type { Language } from '../model/types';
import { localize, type MessageArgs } from '../l10n';

export const messages = {
  disableLine: 'Disable {rule} for this line',
  disableFile: 'Disable {rule} for this file',
} satisfies Record<string, string>;

export type MessageId = keyof typeof messages;

export function message(id: MessageId, locale: Language, args: MessageArgs = {}): string {
  return localize(locale, messages[id], args);
}
