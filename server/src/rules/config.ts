/**
 * config — the `.segdoc.json` file or a kind schema it names is invalid (README.md "Configuration").
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
  description: 'The .segdoc.json configuration file or a kind schema it names is invalid.',
  messages: {
    unreadable: 'Cannot read the configuration file: {detail}',
    notRegularFile: 'Cannot read the configuration file: it is not a regular file',
    tooLarge: 'The configuration file is larger than {limit}; it is not read',
    tooDeep: 'Objects and arrays are nested deeper than {limit} levels',
    invalidJson: 'Invalid JSON: {detail}',
    notObject: 'The configuration must be a JSON object',
    unknownProperty: 'Unknown property "{property}"; expected one of {expected}',
    mustBeObject: '"{property}" must be an object',
    mustBeString: '"{property}" must be a string',
    mustBeStringArray: '"{property}" must be an array of strings',
    badLanguage: 'Invalid language "{value}"; expected "en" or "ru"',
    unknownRule: 'Unknown rule "{rule}"',
    unknownRuleSuggest: 'Unknown rule "{rule}"; did you mean "{suggestion}"?',
    badRuleSetting: 'The setting of rule "{rule}" must be a severity or [severity, options]',
    badLevel: 'Invalid severity "{value}" for rule "{rule}"; expected one of {expected}',
    badOptions: 'Invalid options for rule "{rule}": {detail}',
    badOption: 'Invalid option "{option}" of rule "{rule}": {detail}',
    unknownOption: 'Rule "{rule}" has no option "{option}"',
    customKindNeedsSchema: 'Custom kind "{kind}" needs a "schema" file',
    untrusted:
      'Kind schemas of this folder are not loaded until you trust it (Workspace Trust): {kinds}. Built-in kinds and the rule settings apply meanwhile',
    unknownSection: 'Kind "{kind}" has no section "{section}"; its sections are {expected}',
    unknownSectionSuggest: 'Kind "{kind}" has no section "{section}"; did you mean "{suggestion}"?',
    schemaRemote: 'Schema "{file}" must be a local file path: remote schemas are never fetched',
    schemaNotFound: 'Schema file "{file}" not found',
    schemaUnreadable: 'Cannot read schema file "{file}": {detail}',
    schemaInvalidJson: 'Schema file "{file}" is not valid JSON at {line}:{column}: {detail}',
    schemaInvalid: 'Invalid kind schema "{file}": {detail}',
    schemaNotRegularFile: 'Schema "{file}" is not a regular file',
    schemaTooLarge: 'Schema file "{file}" is larger than {limit}; it is not read',
    // A problem inside a schema file, located there ({detail} is one of the messages below).
    schemaAt: 'Invalid kind schema "{file}" at {line}:{column}: {detail}',
    valueMustBe: '"{property}" must be {expected}',
    patternUnsupported:
      'the regular expression "{pattern}" cannot run in linear time ({detail}); workspace schemas may not use lookaround or backreferences',
    // Unsafe file globs: in the configuration they are dropped, in a schema they refuse it.
    globTooLong: 'Glob "{glob}" is longer than {limit} characters',
    globTooManyWildcards: 'Glob "{glob}" has more than {limit} wildcards (* or **)',
    globTooManyGlobstars: 'Glob "{glob}" has more than {limit} ** wildcards',
    globTooManyAlternatives: 'Glob "{glob}" has more than {limit} alternatives in braces',
    globEmpty: 'A glob must not be empty',
    globExtglob: 'Glob "{glob}" uses an extended pattern such as +(…) or @(…), which is not supported',
    // What a schema value must be (used as {expected} of valueMustBe).
    'expect.string': 'a string',
    'expect.strings': 'an array of strings',
    'expect.text': 'a string or an array of lines',
    'expect.number': 'a number',
    'expect.boolean': 'true or false',
    'expect.object': 'an object',
    'expect.array': 'an array',
    'expect.localized': 'an object of "en" and "ru" texts (strings or arrays of lines)',
    'expect.stringLists': 'an object of arrays of strings',
    // jsonc-parser's error codes, worded for people (used as {detail} of invalidJson).
    'json.InvalidSymbol': 'unexpected symbol',
    'json.InvalidNumberFormat': 'invalid number',
    'json.PropertyNameExpected': 'property name expected',
    'json.ValueExpected': 'value expected',
    'json.ColonExpected': 'colon expected',
    'json.CommaExpected': 'comma expected',
    'json.CloseBraceExpected': 'closing brace expected',
    'json.CloseBracketExpected': 'closing bracket expected',
    'json.EndOfFileExpected': 'end of file expected',
    'json.InvalidCommentToken': 'invalid comment',
    'json.UnexpectedEndOfComment': 'unterminated comment',
    'json.UnexpectedEndOfString': 'unterminated string',
    'json.UnexpectedEndOfNumber': 'unterminated number',
    'json.InvalidUnicode': 'invalid Unicode escape',
    'json.InvalidEscapeCharacter': 'invalid escape character',
    'json.InvalidCharacter': 'invalid character',
  },
  // Config diagnostics come from the loader, not from checking a Markdown document.
  check() {},
});
