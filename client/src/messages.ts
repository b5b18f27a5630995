/**
 * The client's own user-facing strings, in English and Russian. The manifest's strings live
 * in package.nls.json / package.nls.ru.json and the diagnostics' in the server's rule
 * catalogues; the client only says things about the server process itself.
 */

export type ClientLanguage = 'en' | 'ru';

const catalogue = {
  restarted: {
    en: 'The segdoc language server stopped unexpectedly and was restarted. Details are in the "segdoc" output.',
    ru: 'Языковой сервер segdoc неожиданно остановился и был перезапущен. Подробности — в выводе «segdoc».',
  },
  gaveUp: {
    en: 'The segdoc language server crashed {count} times in a few minutes and will not be restarted. Documents are not being checked.',
    ru: 'Языковой сервер segdoc аварийно завершился {count} раз за несколько минут и не будет перезапущен. Документы сейчас не проверяются.',
  },
  startFailed: {
    en: 'The segdoc language server could not start: {error}',
    ru: 'Не удалось запустить языковой сервер segdoc: {error}',
  },
  restartAction: { en: 'Restart Server', ru: 'Перезапустить сервер' },
  showOutputAction: { en: 'Show Output', ru: 'Показать вывод' },
} as const;

export type MessageId = keyof typeof catalogue;

/**
 * The language of the client's messages: the `segdoc.language` setting when it names one,
 * else VS Code's display language (`ru`, `ru-RU` → Russian; anything else → English).
 */
export function clientLanguage(setting: string | undefined, displayLanguage: string): ClientLanguage {
  if (setting === 'en' || setting === 'ru') return setting;
  return /^ru\b/i.test(displayLanguage) ? 'ru' : 'en';
}

export function t(id: MessageId, language: ClientLanguage, args: Record<string, string | number> = {}): string {
  return catalogue[id][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
