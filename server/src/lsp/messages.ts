/**
 * The language server's own user-visible texts (the titles of the "disable" code actions).
 * Rule messages and fix titles come from the rules' catalogues through the engine; these are
 * the few texts that only the editor shows. Same shape as a rule catalogue; l10n/ bundles
 * translate it.
 */
import { translator } from '../l10n';

export const messages = {
  disableLine: 'Disable {rule} for this line',
  disableFile: 'Disable {rule} for this file',
} satisfies Record<string, string>;

export const message = translator(messages);
