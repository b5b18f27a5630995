/**
 * The one definition of a safe fix, shared by the editor's fix-all (`source.fixAll.segdoc`,
 * lsp/convert.ts) and `segdoc check --fix`: which fixes may be applied without asking, and
 * applying them to a text. Plain functions over offset spans.
 */
import type { Span } from '../parse/text';
import type { Severity } from '../rules/types';

/** An edit as this module weighs it: the engine's FixEdit, or a front end's edit with its span. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

/** A fix as this module weighs it (the engine's Fix fits). */
export interface CandidateFix<E extends SpanEdit = SpanEdit> {
  preferred: boolean;
  edits: readonly E[];
}

/** A finding's severity and fixes (the engine's Finding fits). */
export interface FixCandidate<E extends SpanEdit = SpanEdit> {
  severity: Severity;
  fixes: readonly CandidateFix<E>[];
}

/**
 * Whether a fix may be applied without asking. A fix is safe when it is its finding's
 * preferred fix, the finding is an error or a warning, and every edit replaces text already
 * there with other text: a value spelled the way the schema lists it, a date in ISO form, a
 * recomputed total or tier, a kind name. So a safe fix never inserts (missing sections,
 * fields and list items are template text the user has to fill in, and would appear on every
 * save of a draft), never deletes, never adds a disable comment, and hints and infos, which
 * are guesses (a heading read as a section by its words), are left to the user.
 */
export function isSafeFix(fix: CandidateFix, severity: Severity): boolean {
  if (!fix.preferred || (severity !== 'error' && severity !== 'warning') || !fix.edits.length) return false;
  return fix.edits.every((e) => e.newText !== '' && e.span.start < e.span.end);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The safe fixes chosen, and the edits they make. */
export interface SafeFixes<E extends SpanEdit = SpanEdit> {
  /** How many findings' fixes were taken. */
  fixed: number;
  /** Their edits, by start offset (ties keep the findings' order). */
  edits: E[];
}

/**
 * The safe fixes (see {@link isSafeFix}) of `findings`, taken in the findings' order (the
 * engine sorts them by position, then rule id). A fix overlapping one already taken is
 * skipped whole, so the earlier finding wins; a fix whose own edits overlap each other is
 * skipped too (an editor refuses such an edit, and applying it is ambiguous).
 */
export function chooseSafeFixes<E extends SpanEdit>(findings: readonly FixCandidate<E>[]): SafeFixes<E> {
  const taken: E[] = [];
  let fixed = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || !isSafeFix(fix, f.severity)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t.span, e.span)))) continue;
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => i !== j && overlaps(o.span, e.span)))) continue;
    taken.push(...fix.edits);
    fixed++;
  }
  taken.sort((a, b) => a.span.start - b.span.start);
  return { fixed, edits: taken };
}

/** `text` with `edits` applied; the edits must not overlap (as {@link chooseSafeFixes} returns them). */
export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}
