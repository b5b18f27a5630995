/**
 * "Insert all missing sections": one edit that adds every section a document is reported
 * missing, each where its own "Insert section" fix would put it, in template order.
 *
 * The sections are those the findings name, not those the schema lists: a section whose
 * finding is suppressed (a disable comment, the rule turned off in the config) is left out,
 * because the user has said they do not want it. Sections that go to the same place (after
 * the same present section, or at the end) are written as one block, in template order,
 * one blank line apart: two inserts at one offset would each compute their blank lines
 * against the original text and run into each other.
 */
import type { SectionSpec } from '../schemas/kinds';
import { blockInsertion, insertionOffset, sectionDepth, sectionText } from '../rules/util/insert';
import { sectionTitle } from '../rules/util/report';
import type { FixEdit, Finding, LintResult } from './engine';

/** The rules whose findings say a section is missing, and the message ids that say it. */
const MISSING_RULES = new Set(['required-section', 'recommended-section']);
const MISSING_MESSAGES = new Set(['missing', 'missingNear']);

export interface MissingSections {
  /** The sections to insert, in template order. */
  sections: SectionSpec[];
  /** The findings they answer (one per section). */
  findings: Finding[];
  edits: FixEdit[];
}

/** Whether a finding says that a section is missing (and its fix inserts it). */
export function isMissingSection(f: Pick<Finding, 'rule' | 'messageId'>): boolean {
  return MISSING_RULES.has(f.rule) && MISSING_MESSAGES.has(f.messageId);
}

/**
 * The insertion of the missing sections reported by `rules` (both rules when omitted), or
 * undefined when the document is not of a kind or misses none of them.
 */
export function missingSectionsInsertion(
  result: LintResult,
  rules: readonly string[] = [...MISSING_RULES],
): MissingSections | undefined {
  const kind = result.detection?.kind;
  const match = result.match;
  if (!kind || !match) return undefined;
  const doc = result.doc;
  const language = doc.language;
  const reported = new Map<string, Finding>();
  for (const f of result.findings) {
    if (!isMissingSection(f) || !rules.includes(f.rule)) continue;
    const name = f.args['section'];
    if (typeof name === 'string' && !reported.has(name)) reported.set(name, f);
  }
  if (!reported.size) return undefined;

  const sections: SectionSpec[] = [];
  const findings: Finding[] = [];
  for (const spec of [...kind.sections].sort((a, b) => a.order - b.order)) {
    const f = reported.get(sectionTitle(spec, language));
    if (!f || match.byId.has(spec.id)) continue;
    sections.push(spec);
    findings.push(f);
  }
  if (!sections.length) return undefined;

  const eol = doc.lines.eol;
  const depth = sectionDepth(kind, match);
  const groups = new Map<number, string[]>();
  for (const spec of sections) {
    const offset = insertionOffset(doc, kind, match, spec.order);
    const blocks = groups.get(offset) ?? [];
    blocks.push(sectionText(spec, depth, language, eol));
    groups.set(offset, blocks);
  }
  const edits: FixEdit[] = [...groups]
    .sort(([a], [b]) => a - b)
    .map(([offset, blocks]) => {
      // Each block ends with a line break: one more between them leaves a blank line.
      const edit = blockInsertion(doc, offset, blocks.join(eol));
      return {
        span: edit.span,
        range: { start: doc.lines.positionAt(edit.span.start), end: doc.lines.positionAt(edit.span.end) },
        newText: edit.newText,
      };
    });
  return { sections, findings, edits };
}
