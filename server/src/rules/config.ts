/**
 * config — the `.segdoc.json` file or a kind schema it names is invalid (PRODUCT.md §4, §8).
 *
 * Unlike the other rules this one never looks at a Markdown document: the config loader
 * (services/config.ts) reports its diagnostics in the config file. It is a rule all the same
 * so that its id, description and message catalogue live where every other rule's do, and
 * so that the CLI's SARIF output and the documentation list it.
 */
import { defineRule } from './types';

export default defineRule({
  id: 'config',
  severity: 'error',
  description: {
    en: 'The .segdoc.json configuration file or a kind schema it names is invalid.',
    ru: 'Файл настроек .segdoc.json или указанная в нём схема вида документа содержит ошибку.',
  },
  messages: {
    unreadable: {
      en: 'Cannot read the configuration file: {detail}',
      ru: 'Не удалось прочитать файл настроек: {detail}',
    },
    invalidJson: { en: 'Invalid JSON: {detail}', ru: 'Ошибка в JSON: {detail}' },
    notObject: { en: 'The configuration must be a JSON object', ru: 'Настройки должны быть JSON-объектом' },
    unknownProperty: {
      en: 'Unknown property "{property}"; expected one of {expected}',
      ru: 'Неизвестное свойство «{property}»; ожидается одно из: {expected}',
    },
    mustBeObject: { en: '"{property}" must be an object', ru: '«{property}» должно быть объектом' },
    mustBeString: { en: '"{property}" must be a string', ru: '«{property}» должно быть строкой' },
    mustBeStringArray: { en: '"{property}" must be an array of strings', ru: '«{property}» должно быть массивом строк' },
    badLanguage: {
      en: 'Invalid language "{value}"; expected "en" or "ru"',
      ru: 'Недопустимый язык «{value}»; ожидается "en" или "ru"',
    },
    unknownRule: { en: 'Unknown rule "{rule}"', ru: 'Неизвестное правило «{rule}»' },
    unknownRuleSuggest: {
      en: 'Unknown rule "{rule}"; did you mean "{suggestion}"?',
      ru: 'Неизвестное правило «{rule}»; возможно, имелось в виду «{suggestion}»?',
    },
    badRuleSetting: {
      en: 'The setting of rule "{rule}" must be a severity or [severity, options]',
      ru: 'Настройка правила «{rule}» должна быть уровнем или [уровень, параметры]',
    },
    badLevel: {
      en: 'Invalid severity "{value}" for rule "{rule}"; expected one of {expected}',
      ru: 'Недопустимый уровень «{value}» для правила «{rule}»; ожидается одно из: {expected}',
    },
    badOptions: {
      en: 'Invalid options for rule "{rule}": {detail}',
      ru: 'Недопустимые параметры правила «{rule}»: {detail}',
    },
    badOption: {
      en: 'Invalid option "{option}" of rule "{rule}": {detail}',
      ru: 'Недопустимое значение параметра «{option}» правила «{rule}»: {detail}',
    },
    unknownOption: { en: 'Rule "{rule}" has no option "{option}"', ru: 'У правила «{rule}» нет параметра «{option}»' },
    customKindNeedsSchema: {
      en: 'Custom kind "{kind}" needs a "schema" file',
      ru: 'Для собственного вида «{kind}» нужен файл схемы ("schema")',
    },
    unknownSection: {
      en: 'Kind "{kind}" has no section "{section}"; its sections are {expected}',
      ru: 'У вида «{kind}» нет раздела «{section}»; его разделы: {expected}',
    },
    unknownSectionSuggest: {
      en: 'Kind "{kind}" has no section "{section}"; did you mean "{suggestion}"?',
      ru: 'У вида «{kind}» нет раздела «{section}»; возможно, имелось в виду «{suggestion}»?',
    },
    schemaRemote: {
      en: 'Schema "{file}" must be a local file path: remote schemas are never fetched',
      ru: 'Схема «{file}» должна быть локальным файлом: удалённые схемы не загружаются',
    },
    schemaNotFound: { en: 'Schema file "{file}" not found', ru: 'Файл схемы «{file}» не найден' },
    schemaUnreadable: {
      en: 'Cannot read schema file "{file}": {detail}',
      ru: 'Не удалось прочитать файл схемы «{file}»: {detail}',
    },
    schemaInvalidJson: {
      en: 'Schema file "{file}" is not valid JSON at {line}:{column}: {detail}',
      ru: 'Файл схемы «{file}» содержит ошибку JSON в позиции {line}:{column}: {detail}',
    },
    schemaInvalid: {
      en: 'Invalid kind schema "{file}": {detail}',
      ru: 'Недопустимая схема вида документа «{file}»: {detail}',
    },
    // jsonc-parser's error codes, worded for people (used as {detail} of invalidJson).
    'json.InvalidSymbol': { en: 'unexpected symbol', ru: 'неожиданный символ' },
    'json.InvalidNumberFormat': { en: 'invalid number', ru: 'неверный формат числа' },
    'json.PropertyNameExpected': { en: 'property name expected', ru: 'ожидается имя свойства' },
    'json.ValueExpected': { en: 'value expected', ru: 'ожидается значение' },
    'json.ColonExpected': { en: 'colon expected', ru: 'ожидается двоеточие' },
    'json.CommaExpected': { en: 'comma expected', ru: 'ожидается запятая' },
    'json.CloseBraceExpected': { en: 'closing brace expected', ru: 'ожидается закрывающая фигурная скобка' },
    'json.CloseBracketExpected': { en: 'closing bracket expected', ru: 'ожидается закрывающая квадратная скобка' },
    'json.EndOfFileExpected': { en: 'end of file expected', ru: 'ожидается конец файла' },
    'json.InvalidCommentToken': { en: 'invalid comment', ru: 'неверный комментарий' },
    'json.UnexpectedEndOfComment': { en: 'unterminated comment', ru: 'незакрытый комментарий' },
    'json.UnexpectedEndOfString': { en: 'unterminated string', ru: 'незакрытая строка' },
    'json.UnexpectedEndOfNumber': { en: 'unterminated number', ru: 'незаконченное число' },
    'json.InvalidUnicode': { en: 'invalid Unicode escape', ru: 'неверная escape-последовательность Unicode' },
    'json.InvalidEscapeCharacter': { en: 'invalid escape character', ru: 'неверный escape-символ' },
    'json.InvalidCharacter': { en: 'invalid character', ru: 'недопустимый символ' },
  },
  // Config diagnostics come from the loader, not from checking a Markdown document.
  check() {},
});
