/**
 * unknown-kind — front matter names a document kind that does not exist (`segdoc: personna`).
 * The file's author said it is a segdoc document, so it is never dropped in silence: the
 * value is reported at its place, with the nearest kind name as a fix when one is close
 * (a typo), else the list of kinds. The document is still checked as whatever its file
 * name, config globs or title say it is; when none of them tells, this is its only finding.
 *
 * A document whose kind is unknown has no kind for rules to run with, so the engine
 * (services/engine.ts) reports this one itself, through `unknownKindReport`, with the
 * rule's severity, settings and disable comments like any other; `check` does nothing.
 */
import type { SegDocument } from '../model/types';
import { unknownDeclaredKind } from '../schemas/detect';
import type { KindSchema } from '../schemas/kinds';
import { defineRule, type Report } from './types';
import { closestName } from '../model/distance';

export default defineRule({
  id: 'unknown-kind',
  severity: 'error',
  description: 'The front matter names a document kind that does not exist.',
  messages: {
    unknown: 'Unknown document kind "{kind}"; expected one of: {expected}',
    unknownSuggest: 'Unknown document kind "{kind}"; did you mean "{suggestion}"?',
    replace: 'Change to "{suggestion}"',
  },
  check() {
    // Reported by the engine (see above).
  },
});

/** The unknown-kind report of a document, when its front matter names no kind of `kinds`. */
export function unknownKindReport(doc: SegDocument, kinds: readonly KindSchema[]): Report | undefined {
  const unknown = unknownDeclaredKind(doc, kinds);
  if (!unknown) return undefined;
  const names = kinds.map((k) => k.kind);
  const suggestion = closestName(unknown.name.toLowerCase(), names);
  if (!suggestion) return { message: 'unknown', args: { kind: unknown.name, expected: names.join(', ') }, span: unknown.span };
  return {
    message: 'unknownSuggest',
    args: { kind: unknown.name, suggestion },
    span: unknown.span,
    fixes: [{ title: 'replace', args: { suggestion }, edits: [{ span: unknown.span, newText: suggestion }], preferred: true }],
  };
}
