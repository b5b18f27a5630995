/**
 * Code lenses with the score tallies (README.md "In VS Code"): the kind and completeness above the
 * title, the five criteria and n/5 above each segment, the resource split above each
 * prioritization matrix and the computed total and tier above each of its rows, and done/total
 * above each checklist. Built from the Scores object (services/scores.ts) and nothing else,
 * so the lenses show exactly what the CLI's `scores` and the `segdoc/scores` request say.
 *
 * Every lens comes with its command already, so clients never need codeLens/resolve. The
 * command is the client's `segdoc.showScores` (which only shows the scores) when the client
 * said at initialization that it has it; otherwise the command id is empty, which VS Code
 * and other clients show as plain, unclickable text.
 */
import type { CodeLens, Command } from 'vscode-languageserver';
import type { Language } from '../model/types';
import {
  checklistTitle,
  completenessTitle,
  completenessTooltip,
  matrixRowTitle,
  segmentTitle,
  tierSplitTitle,
  type Scores,
} from '../services/scores';
import type { Range } from '../parse/text';

export interface LensOptions {
  uri: string;
  /** The client command a lens runs (with the document URI as its argument); none when undefined. */
  command?: string;
  /** The language of the lens titles: the diagnostics' (the Scores' own locale by default). */
  locale?: Language;
}

/** A lens sits above the first line of its range; the range itself is kept to that line. */
function firstLine(range: Range): Range {
  return range.start.line === range.end.line
    ? range
    : { start: range.start, end: { line: range.start.line, character: range.start.character } };
}

export function scoreLenses(scores: Scores, options: LensOptions): CodeLens[] {
  const locale = options.locale ?? scores.locale;
  const lens = (range: Range, title: string, tooltip?: string): CodeLens => {
    const command: Command = options.command
      ? { title, command: options.command, arguments: [options.uri] }
      : { title, command: '' };
    if (tooltip) command.tooltip = tooltip;
    return { range: firstLine(range), command };
  };
  const out: CodeLens[] = [lens(scores.range, completenessTitle(scores, locale), completenessTooltip(scores, locale))];
  for (const s of scores.segments.items) out.push(lens(s.range, segmentTitle(s, locale)));
  scores.matrices.items.forEach((m, i) => {
    // The split is document-wide: shown once, above the first matrix.
    if (i === 0 && scores.matrices.tiers.length)
      out.push(lens(m.range, tierSplitTitle(scores.matrices.tiers, scores.language, locale)));
    for (const r of m.rows) out.push(lens(r.range, matrixRowTitle(r, scores.language, locale)));
  });
  for (const c of scores.checklists.items) out.push(lens(c.range, checklistTitle(c, locale)));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
