/**
 * The CLI's own texts (usage, errors, the summary line) in English and Russian. Diagnostics
 * bring their messages from the rules' catalogues; these are only what `segdoc` itself says.
 */
import type { Language } from '../model/types';
import { format, type MessageArgs } from '../rules/types';

type Texts = Record<Language, string>;

const help: Texts = {
  en: `Usage: segdoc check [options] [paths or globs...]

Checks customer-segmentation documents (buyer personas, segmentation analyses,
GTM strategies, prioritization matrices) written in Markdown. Folders are searched
for *.md and *.markdown files (node_modules and dot-folders are skipped); files that
are not segdoc documents are skipped. Default: the current folder.

Options:
  --format <stylish|json|sarif>  output format (default: stylish)
  --config <file>                use this config file instead of the nearest .segdoc.json
  --lang <en|ru>                 language of messages (default: from LC_ALL, LC_MESSAGES, LANG)
  --max-warnings <n>             exit 1 when there are more than n warnings
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no errors; 1 errors, or warnings above --max-warnings;
2 a usage or configuration error, or a path that cannot be read.

Environment: NO_COLOR turns colours off; SEGDOC_TODAY=YYYY-MM-DD sets the date that
date rules treat as today (reproducible runs).
`,
  ru: `Использование: segdoc check [параметры] [пути или шаблоны...]

Проверяет документы по сегментации клиентов (персоны, анализ сегментов,
GTM-стратегии, матрицы приоритизации) в формате Markdown. В папках ищутся файлы
*.md и *.markdown (node_modules и папки, начинающиеся с точки, пропускаются); файлы,
которые не являются документами segdoc, пропускаются. По умолчанию — текущая папка.

Параметры:
  --format <stylish|json|sarif>  формат вывода (по умолчанию stylish)
  --config <файл>                файл настроек вместо ближайшего .segdoc.json
  --lang <en|ru>                 язык сообщений (по умолчанию из LC_ALL, LC_MESSAGES, LANG)
  --max-warnings <n>             код выхода 1, если предупреждений больше n
  -h, --help                     показать эту справку
  -v, --version                  показать версию

Коды выхода: 0 — нет ошибок; 1 — есть ошибки или предупреждений больше --max-warnings;
2 — ошибка в параметрах или настройках либо путь, который нельзя прочитать.

Переменные окружения: NO_COLOR отключает цвета; SEGDOC_TODAY=ГГГГ-ММ-ДД задаёт дату,
которую правила считают сегодняшней (воспроизводимые запуски).
`,
};

const messages = {
  missingCommand: { en: 'segdoc: missing command; try "segdoc check".', ru: 'segdoc: не указана команда; попробуйте «segdoc check».' },
  unknownCommand: { en: 'segdoc: unknown command "{command}"; try "segdoc check".', ru: 'segdoc: неизвестная команда «{command}»; попробуйте «segdoc check».' },
  unknownOption: { en: 'segdoc: unknown option "{option}".', ru: 'segdoc: неизвестный параметр «{option}».' },
  missingValue: { en: 'segdoc: option "{option}" needs a value.', ru: 'segdoc: параметру «{option}» нужно значение.' },
  badValue: {
    en: 'segdoc: invalid value "{value}" for {option}; expected {expected}.',
    ru: 'segdoc: недопустимое значение «{value}» для {option}; ожидается {expected}.',
  },
  aNumber: { en: 'a whole number ≥ 0', ru: 'целое число ≥ 0' },
  badToday: {
    en: 'segdoc: SEGDOC_TODAY="{value}" is not a date; expected YYYY-MM-DD.',
    ru: 'segdoc: SEGDOC_TODAY="{value}" — не дата; ожидается ГГГГ-ММ-ДД.',
  },
  notFound: { en: 'segdoc: no such file or folder: {path}', ru: 'segdoc: нет такого файла или папки: {path}' },
  noMatch: { en: 'segdoc: no files match the pattern {path}', ru: 'segdoc: нет файлов по шаблону {path}' },
  unreadable: { en: 'segdoc: cannot read {path}: {detail}', ru: 'segdoc: не удалось прочитать {path}: {detail}' },
  ruleFailed: {
    en: 'segdoc: rule {rule} failed on {path} and its findings are missing: {detail}',
    ru: 'segdoc: правило {rule} завершилось с ошибкой на {path}, его замечания не показаны: {detail}',
  },
  configNotFound: { en: 'segdoc: cannot read the config file {path}: {detail}', ru: 'segdoc: не удалось прочитать файл настроек {path}: {detail}' },
  noDocuments: { en: 'No segdoc documents found.', ru: 'Документы segdoc не найдены.' },
  noProblems: { en: 'No problems ({files}).', ru: 'Проблем нет ({files}).' },
  summary: { en: '{problems} ({errors}, {warnings}, {infos})', ru: '{problems} ({errors}, {warnings}, {infos})' },
  tooManyWarnings: {
    en: 'segdoc found {warnings} (--max-warnings {max}).',
    ru: 'segdoc нашёл {warnings} (--max-warnings {max}).',
  },
  error: { en: 'error', ru: 'ошибка' },
  warning: { en: 'warning', ru: 'предупреждение' },
  info: { en: 'info', ru: 'замечание' },
  hint: { en: 'hint', ru: 'подсказка' },
} satisfies Record<string, Texts>;

export type MessageId = keyof typeof messages;

export function t(id: MessageId, locale: Language, args: MessageArgs = {}): string {
  return format(messages[id][locale], args);
}

export function helpText(locale: Language): string {
  return help[locale];
}

/** Counted nouns: English one/other, Russian one/few/many (1 ошибка, 2 ошибки, 5 ошибок). */
const nouns = {
  problem: { en: ['problem', 'problems'], ru: ['проблема', 'проблемы', 'проблем'] },
  error: { en: ['error', 'errors'], ru: ['ошибка', 'ошибки', 'ошибок'] },
  warning: { en: ['warning', 'warnings'], ru: ['предупреждение', 'предупреждения', 'предупреждений'] },
  info: { en: ['info', 'infos'], ru: ['замечание', 'замечания', 'замечаний'] },
  file: { en: ['file', 'files'], ru: ['файл', 'файла', 'файлов'] },
} satisfies Record<string, { en: [string, string]; ru: [string, string, string] }>;

const rules = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/** `3 errors`, `1 ошибка`, `5 ошибок`. */
export function count(n: number, noun: keyof typeof nouns, locale: Language): string {
  const cat = rules[locale].select(n);
  if (locale === 'en') return `${n} ${nouns[noun].en[cat === 'one' ? 0 : 1]}`;
  const forms = nouns[noun].ru;
  return `${n} ${cat === 'one' ? forms[0] : cat === 'few' ? forms[1] : forms[2]}`;
}
