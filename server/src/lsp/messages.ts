/**
 * The language server's own user-visible texts (the titles of the "disable" code actions).
 * Rule messages and fix titles come from the rules' catalogues through the engine; these are
 * the few texts that only the editor shows. Same shape as a rule catalogue, so a missing
 * translation is a type error rather than English in a Russian editor.
 */
import type { Language } from '../model/types';
import { format, type MessageArgs } from '../rules/types';
import { pick, type Localized } from '../schemas/kinds';

export const messages = {
  disableLine: { en: 'Disable {rule} for this line', ru: 'Отключить {rule} для этой строки' },
  disableFile: { en: 'Disable {rule} for this file', ru: 'Отключить {rule} для этого файла' },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof messages;

export function message(id: MessageId, locale: Language, args: MessageArgs = {}): string {
  return format(pick(messages[id], locale), args);
}
