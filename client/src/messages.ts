/**
 * The client's own user-facing strings, in English; l10n/bundle.l10n.<locale>.json translates
 * them (server/src/l10n). The manifest's strings live in package.nls.json /
 * package.nls.ru.json and the diagnostics' in the server's rule catalogues; the client only says things about the server process itself, labels the score
 * tallies and the scorecard the server computes, and words its commands.
 */

import { translator, type Locale } from '../../server/src/l10n';

export type ClientLanguage = Locale;

export const catalogue = {
  restarted: 'The segdoc language server stopped unexpectedly and was restarted. Details are in the "segdoc" output.',
  gaveUp:
    'The segdoc language server crashed {count} times in a few minutes and will not be restarted. Documents are not being checked.',
  startFailed: 'The segdoc language server could not start: {error}',
  restartAction: 'Restart Server',
  showOutputAction: 'Show Output',
  // The score tallies (status.ts): the status bar item and the Show Scores quick pick.
  statusCriteria: '{met}/{of} criteria',
  statusClick: 'Click to show the scores.',
  scoresTitle: 'segdoc scores: {kind}',
  scoresNone: 'The active document is not a segdoc document: there are no scores to show.',
  scoresCompleteness: '{percent}% complete ({filled} of {total} required items filled in)',
  completenessRule:
    'Completeness is the share of the title, required sections and required fields that are filled in: the title and a section when no placeholder is left in them (a section needs content too), a field when its value is neither empty nor a placeholder; while a placeholder is left anywhere, it stays below 100%.',
  scoresMissing: 'Missing: {missing}',
  scoresSegments: 'Segments — {met}/{of} criteria',
  scoresMatrix: 'Prioritization matrix',
  scoresRow: 'Total {total} · Tier {tier}',
  scoresRowUnknown: 'Total — (a score is missing)',
  scoresTier: 'Tier {tier}',
  scoresTierSplit: 'segments: {count} ({share}%) · resources: {allocation}',
  scoresChecklists: 'Checklists — {done}/{total} done',
  scoresChecklist: 'Checklist at line {line}',
  scoresPlaceholders: 'Placeholders left: {count}',
  measurable: 'Measurable',
  substantial: 'Substantial',
  accessible: 'Accessible',
  differentiable: 'Differentiable',
  actionable: 'Actionable',
  // The scorecard view (scorecard/): labels of the charts and lists the server's numbers fill.
  cardTitle: 'Scorecard: {name}',
  cardCompleteness: 'Completeness',
  cardRequired: '{filled} of {total} required items filled in',
  cardAllPresent: 'Everything required is filled in.',
  cardMissingHeading: 'Still to fill in',
  cardAbsent: 'not in the document',
  cardEmpty: 'empty',
  cardPlaceholderLeft: 'placeholder left',
  cardSegments: 'Segments',
  cardSegmentsSummary: '{met} of {of} criteria met',
  cardSegment: 'Segment',
  cardMet: 'Met',
  cardYes: 'met',
  cardNo: 'not met',
  cardMatrixNote: 'Four dimensions scored 1–10 each, at most {max} in all; the bands are the tiers.',
  attractiveness: 'Attractiveness',
  fit: 'Fit',
  accessibility: 'Accessibility',
  strategic: 'Strategic Value',
  cardTotalStated: '{total} (stated {stated})',
  cardTierStated: 'Tier {tier} (stated {stated})',
  cardScoreMissing: 'a score is missing',
  cardTierSplit: 'Tier {tier}: {segments}',
  cardAllocation: '{allocation} of resources',
  cardNone: 'none',
  cardChecklists: 'Checklists',
  cardChecklistsSummary: '{done} of {total} done',
  cardPlaceholders: 'Placeholders',
  cardNoPlaceholders: 'No placeholders left.',
  cardGoTo: 'Go to {name}',
  cardWaiting: 'Waiting for the segdoc language server…',
  // Commands (commands/): New Document and Check Workspace.
  newDocumentPlaceholder: 'Choose the kind of document and its language',
  languageEn: 'English',
  languageRu: 'Russian',
  templatesUnavailable: 'The segdoc language server is not running: there are no templates to choose from.',
  checkNoFolder: 'Open a folder first: Check Workspace checks the segdoc documents in the workspace folders.',
  checkTitle: 'segdoc: checking the workspace',
  checkDone: 'segdoc checked {documents} documents among {files} Markdown files: {errors} errors, {warnings} warnings.',
  checkTruncated: 'The check stopped early: the workspace has too many Markdown files or folders nested too deep.',
  checkCancelled: 'The workspace check was cancelled; the documents checked so far are in the Problems panel.',
  checkFailed: 'The workspace check failed: {error}',
  showProblemsAction: 'Show Problems',
} satisfies Record<string, string>;

export type MessageId = keyof typeof catalogue;

/**
 * The language of the client's messages: the `segdoc.language` setting when it names one,
 * else VS Code's display language (`ru`, `ru-RU` → Russian; anything else → English).
 */
export function clientLanguage(setting: string | undefined, displayLanguage: string): ClientLanguage {
  if (setting === 'en' || setting === 'ru') return setting;
  return /^ru\b/i.test(displayLanguage) ? 'ru' : 'en';
}

export const t = translator(catalogue);
