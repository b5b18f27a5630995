/**
 * A rule's message in the user's language: the one place rule catalogues are localized for
 * findings (services/engine.ts for a document's own rules, services/workspace-rules.ts for
 * the rules that compare documents).
 */
import { localize, type MessageArgs } from '../l10n';
import type { Language } from '../model/types';
import type { Rule } from '../rules/types';

export function ruleMessage(rule: Rule<object>, id: string, args: MessageArgs, locale: Language): string {
  const m = rule.messages[id];
  if (!m) throw new Error(`Rule ${rule.id} has no message "${id}"`);
  return localize(locale, m, args);
}
