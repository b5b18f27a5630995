/**
 * The client's own user-facing strings, in English and Russian. The manifest's strings live
 * in package.nls.json / package.nls.ru.json and the diagnostics' in the server's rule
 * catalogues; the client only says things about the server process itself, labels the score
 * tallies and the scorecard the server computes, and words its commands.
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
  // The scorecard view (scorecard/): labels of the charts and lists the server's numbers fill.
  cardTitle: { en: 'Scorecard: {name}', ru: 'Оценки: {name}' },
  cardCompleteness: { en: 'Completeness', ru: 'Заполненность' },
  cardRequired: { en: '{present} of {required} required sections', ru: 'обязательных разделов: {present} из {required}' },
  cardAllPresent: { en: 'Every required section is there.', ru: 'Все обязательные разделы на месте.' },
  cardSegments: { en: 'Segments', ru: 'Сегменты' },
  cardSegmentsSummary: { en: '{met} of {of} criteria met', ru: 'выполнено критериев: {met} из {of}' },
  cardSegment: { en: 'Segment', ru: 'Сегмент' },
  cardMet: { en: 'Met', ru: 'Выполнено' },
  cardYes: { en: 'met', ru: 'выполнен' },
  cardNo: { en: 'not met', ru: 'не выполнен' },
  cardMatrixNote: { en: 'Four dimensions scored 1–10 each, at most {max} in all; the bands are the tiers.', ru: 'Четыре измерения по шкале 1–10, всего не больше {max}; полосы — уровни.' },
  attractiveness: { en: 'Attractiveness', ru: 'Привлекательность' },
  fit: { en: 'Fit', ru: 'Соответствие' },
  accessibility: { en: 'Accessibility', ru: 'Доступность' },
  strategic: { en: 'Strategic Value', ru: 'Стратегическая ценность' },
  cardTotalStated: { en: '{total} (stated {stated})', ru: '{total} (указано {stated})' },
  cardTierStated: { en: 'Tier {tier} (stated {stated})', ru: 'Уровень {tier} (указано {stated})' },
  cardScoreMissing: { en: 'a score is missing', ru: 'не хватает оценки' },
  cardTierSplit: { en: 'Tier {tier}: {segments}', ru: 'Уровень {tier}: {segments}' },
  cardAllocation: { en: '{allocation} of resources', ru: '{allocation} ресурсов' },
  cardNone: { en: 'none', ru: 'нет' },
  cardChecklists: { en: 'Checklists', ru: 'Чек-листы' },
  cardChecklistsSummary: { en: '{done} of {total} done', ru: 'выполнено {done} из {total}' },
  cardPlaceholders: { en: 'Placeholders', ru: 'Плейсхолдеры' },
  cardNoPlaceholders: { en: 'No placeholders left.', ru: 'Плейсхолдеров не осталось.' },
  cardGoTo: { en: 'Go to {name}', ru: 'Перейти к «{name}»' },
  cardWaiting: { en: 'Waiting for the segdoc language server…', ru: 'Ожидание языкового сервера segdoc…' },
  // Commands (commands/): New Document and Check Workspace.
  newDocumentPlaceholder: { en: 'Choose the kind of document and its language', ru: 'Выберите вид документа и язык' },
  languageEn: { en: 'English', ru: 'На английском' },
  languageRu: { en: 'Russian', ru: 'На русском' },
  templatesUnavailable: { en: 'The segdoc language server is not running: there are no templates to choose from.', ru: 'Языковой сервер segdoc не запущен: выбрать шаблон не из чего.' },
  checkNoFolder: { en: 'Open a folder first: Check Workspace checks the segdoc documents in the workspace folders.', ru: 'Сначала откройте папку: проверка рабочей области проверяет документы segdoc в её папках.' },
  checkTitle: { en: 'segdoc: checking the workspace', ru: 'segdoc: проверка рабочей области' },
  checkDone: {
    en: 'segdoc checked {documents} documents among {files} Markdown files: {errors} errors, {warnings} warnings.',
    ru: 'segdoc проверил документы: {documents} среди файлов Markdown: {files}. Ошибок: {errors}, предупреждений: {warnings}.',
  },
  checkTruncated: {
    en: 'The check stopped early: the workspace has too many Markdown files or folders nested too deep.',
    ru: 'Проверка остановилась раньше: в рабочей области слишком много файлов Markdown или слишком глубокая вложенность папок.',
  },
  checkCancelled: {
    en: 'The workspace check was cancelled; the documents checked so far are in the Problems panel.',
    ru: 'Проверка рабочей области отменена; уже проверенные документы — на панели «Проблемы».',
  },
  checkFailed: { en: 'The workspace check failed: {error}', ru: 'Проверка рабочей области не удалась: {error}' },
  showProblemsAction: { en: 'Show Problems', ru: 'Показать проблемы' },
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
