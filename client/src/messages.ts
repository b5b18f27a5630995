/**
 * The client's own user-facing strings, in English and Russian. The manifest's strings live
 * in package.nls.json / package.nls.ru.json and the diagnostics' in the server's rule
 * catalogues; the client only says things about the server process itself and labels the
 * score tallies the server computes.
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
  // The score tallies (status.ts): the status bar item and the Show Scores quick pick.
  statusCriteria: { en: '{met}/{of} criteria', ru: 'критериев {met}/{of}' },
  statusClick: { en: 'Click to show the scores.', ru: 'Нажмите, чтобы показать оценки.' },
  scoresTitle: { en: 'segdoc scores: {kind}', ru: 'Оценки segdoc: {kind}' },
  scoresNone: { en: 'The active document is not a segdoc document: there are no scores to show.', ru: 'Активный документ не является документом segdoc: оценок нет.' },
  scoresCompleteness: { en: '{percent}% complete ({present}/{required} required sections)', ru: 'заполнено {percent}% (обязательных разделов: {present}/{required})' },
  scoresMissing: { en: 'Missing: {missing}', ru: 'Не хватает: {missing}' },
  scoresSegments: { en: 'Segments — {met}/{of} criteria', ru: 'Сегменты — критериев {met}/{of}' },
  scoresMatrix: { en: 'Prioritization matrix', ru: 'Матрица приоритизации' },
  scoresRow: { en: 'Total {total} · Tier {tier}', ru: 'Итого {total} · Уровень {tier}' },
  scoresRowUnknown: { en: 'Total — (a score is missing)', ru: 'Итого — (не хватает оценки)' },
  scoresTier: { en: 'Tier {tier}', ru: 'Уровень {tier}' },
  scoresTierSplit: { en: 'segments: {count} ({share}%) · resources: {allocation}', ru: 'сегментов: {count} ({share}%) · ресурсы: {allocation}' },
  scoresChecklists: { en: 'Checklists — {done}/{total} done', ru: 'Чек-листы — выполнено {done}/{total}' },
  scoresChecklist: { en: 'Checklist at line {line}', ru: 'Чек-лист в строке {line}' },
  scoresPlaceholders: { en: 'Placeholders left: {count}', ru: 'Осталось плейсхолдеров: {count}' },
  measurable: { en: 'Measurable', ru: 'Измеримый' },
  substantial: { en: 'Substantial', ru: 'Существенный' },
  accessible: { en: 'Accessible', ru: 'Доступный' },
  differentiable: { en: 'Differentiable', ru: 'Различимый' },
  actionable: { en: 'Actionable', ru: 'Действенный' },
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
