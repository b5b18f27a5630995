/**
 * The one boundary between engine results and protocol objects (unified-language-server's
 * `vfileMessageToDiagnostic` + `onCodeAction`): findings become diagnostics whose `code` is
 * the rule id and whose `data` carries the fixes as plain edits; code actions are built back
 * from that data. Nothing else in the server builds diagnostics or code actions.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Language, SegDocument } from '../model/types';
import type { ConfigDiagnostic } from '../services/config';
import type { Fix, Finding } from '../services/engine';
import { chooseSafeFixes } from '../services/fixes';
import { ruleDocUrl } from '../services/rules-doc';
import type { Severity } from '../rules/types';
import { countMessage, message } from './messages';

export const SOURCE = 'segdoc';

/** A fix as it travels in `Diagnostic.data`: protocol ranges, no offsets. */
export interface FixData {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
}

/**
 * `Diagnostic.data`. The version says which text the edits were computed for: a client may
 * hand the diagnostic back after further typing (always so in on-save mode), and then the
 * edits are recomputed rather than applied at stale positions.
 */
export interface DiagnosticData {
  version: number;
  fixes: FixData[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toFixData(fix: Fix): FixData {
  return { title: fix.title, preferred: fix.preferred, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) };
}

/** A problem segdoc reports (a finding, a config problem) as a diagnostic: the rule id as its code, linked to the rule's page. */
function ruleDiagnostic(problem: { range: Range; severity: Severity; rule: string; message: string }): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: problem.rule,
    codeDescription: { href: ruleDocUrl(problem.rule) },
    source: SOURCE,
    message: problem.message,
  };
}

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes.map(toFixData) };
  return { ...ruleDiagnostic(finding), data };
}

/** A problem of a `.segdoc.json`, reported in that file. */
export function configDiagnostic(d: ConfigDiagnostic): Diagnostic {
  return ruleDiagnostic(d);
}

/** The data of a diagnostic we published, if the client handed it back intact. */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const d = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!d || typeof d !== 'object' || typeof d.version !== 'number' || !Array.isArray(d.fixes)) return undefined;
  const fixes: FixData[] = [];
  for (const f of d.fixes as unknown[]) {
    const fix = f as Partial<FixData>;
    if (typeof fix?.title !== 'string' || !Array.isArray(fix.edits)) return undefined;
    if (!fix.edits.every((e) => isRange(e?.range) && typeof e.newText === 'string')) return undefined;
    fixes.push({ title: fix.title, preferred: fix.preferred === true, edits: fix.edits });
  }
  return { version: d.version, fixes };
}

function isRange(r: unknown): r is Range {
  const x = r as Range | undefined;
  return (
    !!x &&
    typeof x.start?.line === 'number' &&
    typeof x.start?.character === 'number' &&
    typeof x.end?.line === 'number' &&
    typeof x.end?.character === 'number'
  );
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleOf(diagnostic: Diagnostic): string | undefined {
  return diagnostic.source === SOURCE && typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}

export interface ActionTarget {
  uri: string;
  version: number;
  /** The model of the document's current text (for front matter, tables and line texts). */
  doc: SegDocument;
  /** Language of the action titles. */
  locale: Language;
  /** Whether the client accepts versioned `documentChanges` (then a stale edit is refused). */
  documentChanges: boolean;
}

export function workspaceEdit(target: ActionTarget, edits: TextEdit[]): WorkspaceEdit {
  if (target.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  }
  return { changes: { [target.uri]: edits } };
}

export function fixAction(target: ActionTarget, fix: FixData, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: workspaceEdit(target, fix.edits),
  };
}

const NEXT_LINE = /^([ \t]*(?:>[ \t]?)*)<!--\s*segdoc-disable-next-line((?:\s+[A-Za-z0-9][\w-]*)+)\s*-->\s*$/;
const SAME_LINE = /<!--\s*segdoc-disable-line((?:\s+[A-Za-z0-9][\w-]*)+)\s*-->\s*$/;
const FILE_LEVEL = /^<!--\s*segdoc-disable((?:\s+[A-Za-z0-9][\w-]*)+)\s*-->/;
const LIST_ITEM = /^([ \t]*(?:>[ \t]?)*)([-*+]|\d{1,9}[.)])([ \t]+)\S/;
const INDENT = /^[ \t]*(?:>[ \t]?)*/;

/** A directive comment already in place: its rule list, and the offset where that list ends. */
interface Directive {
  rules: string;
  end: number;
}

/**
 * The one way a disable action edits: a directive already in place gets `rule` added to its
 * rule list (no edit when it lists the rule already), else `newText`, a new directive, is
 * inserted at `offset`.
 */
function directiveEdit(
  doc: SegDocument,
  rule: string,
  existing: Directive | undefined,
  offset: number,
  newText: string,
): TextEdit | undefined {
  if (existing) {
    if (existing.rules.trim().split(/\s+/).includes(rule)) return undefined;
    const pos = doc.lines.positionAt(existing.end);
    return { range: { start: pos, end: pos }, newText: ` ${rule}` };
  }
  const pos = doc.lines.positionAt(offset);
  return { range: { start: pos, end: pos }, newText };
}

/**
 * "Disable <rule> for this line". Above an ordinary line it inserts
 * `<!-- segdoc-disable-next-line rule -->` on its own line, indented like the line (for a
 * list item, like the item's text, so the comment joins the previous item and the list
 * stays one list). An existing directive in that place gets the rule added instead, because
 * two stacked next-line directives would not both reach the line. In a table body row the
 * comment goes at the end of the row (`segdoc-disable-line`), as an extra cell GFM ignores,
 * since a line of its own would end the table. Front matter and table headers cannot hold a
 * comment: there is no line action, only the file one.
 */
export function disableLineEdit(doc: SegDocument, line: number, rule: string): TextEdit | undefined {
  const lines = doc.lines;
  // A byte order mark stays the first character of the file, before anything inserted.
  const start = lines.lineStart(line) + (line === 0 && doc.text.startsWith('\uFEFF') ? 1 : 0);
  if (doc.frontMatter && start < doc.frontMatter.span.end) return undefined;
  const text = doc.text.slice(start, lines.lineEnd(line));

  const table = doc.allSections
    .concat(doc.preamble)
    .flatMap((s) => s.tables)
    .find((t) => t.span.start <= start && start < t.span.end);
  if (table) {
    // The first two lines of a table are its header and delimiter row: an extra cell there
    // would change the column count and break the table.
    if (line <= lines.lineAt(table.span.start) + 1) return undefined;
    const m = SAME_LINE.exec(text);
    const existing = m ? { rules: m[1]!, end: start + m.index + m[0].indexOf(m[1]!) + m[1]!.length } : undefined;
    const trimmed = text.trimEnd();
    const sep = trimmed.endsWith('|') ? ' ' : ' | ';
    return directiveEdit(doc, rule, existing, start + trimmed.length, `${sep}<!-- segdoc-disable-line ${rule} -->`);
  }

  const item = LIST_ITEM.exec(text);
  const indent = item ? item[1]! + ' '.repeat(item[2]!.length) + item[3]! : INDENT.exec(text)![0];
  const newText = `${indent}<!-- segdoc-disable-next-line ${rule} -->${lines.eol}`;
  return directiveEdit(doc, rule, line > 0 ? nextLineDirective(doc, line - 1) : undefined, start, newText);
}

/** The `segdoc-disable-next-line` directive that is the whole of line `line`, if it is one. */
function nextLineDirective(doc: SegDocument, line: number): Directive | undefined {
  const lineStart = doc.lines.lineStart(line);
  const text = doc.text.slice(lineStart, doc.lines.lineEnd(line));
  const m = NEXT_LINE.exec(text);
  return m ? { rules: m[2]!, end: lineStart + m[1]!.length + text.slice(m[1]!.length).indexOf(m[2]!) + m[2]!.length } : undefined;
}

/**
 * "Disable <rule> for this file": `<!-- segdoc-disable rule -->` on the first line after the
 * front matter (front matter must stay first), or at the top (after a BOM). A file-level
 * directive already there gets the rule added.
 */
export function disableFileEdit(doc: SegDocument, rule: string): TextEdit | undefined {
  const lines = doc.lines;
  const eol = lines.eol;
  let offset = doc.text.startsWith('\uFEFF') ? 1 : 0;
  let prefix = '';
  if (doc.frontMatter) {
    const fmLine = lines.lineAt(Math.max(doc.frontMatter.span.end - 1, 0));
    if (fmLine + 1 < lines.lineCount) offset = lines.lineStart(fmLine + 1);
    else {
      offset = doc.text.length;
      prefix = eol;
    }
  }
  const firstLine = doc.text.slice(offset, lines.lineEnd(lines.lineAt(offset)));
  const m = FILE_LEVEL.exec(firstLine);
  // A directive can only be in place where the front matter leaves a line for it.
  const existing = m && !prefix ? { rules: m[1]!, end: offset + m[0].indexOf(m[1]!) + m[1]!.length } : undefined;
  return directiveEdit(doc, rule, existing, offset, `${prefix}<!-- segdoc-disable ${rule} -->${eol}`);
}

/** The disable actions of the menu, each with the edit that puts its directive in place. */
const DISABLE_ACTIONS: readonly {
  title: 'disableLine' | 'disableFile';
  edit: (doc: SegDocument, d: Diagnostic, rule: string) => TextEdit | undefined;
}[] = [
  { title: 'disableLine', edit: (doc, d, rule) => disableLineEdit(doc, d.range.start.line, rule) },
  { title: 'disableFile', edit: (doc, _d, rule) => disableFileEdit(doc, rule) },
];

/** `source.fixAll.segdoc`: the kind `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Whether a client's `only` entry (`source`, `source.fixAll`, `quickfix`, …) asks for actions of `kind`. */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === CodeActionKind.Empty || k === kind || kind.startsWith(`${k}.`));
}

/** "Insert all N missing sections": the sections' one edit, and the diagnostics it answers. */
export interface InsertAllData {
  /** Only the required sections, or the required and the recommended ones. */
  scope: 'required' | 'all';
  count: number;
  edits: TextEdit[];
  diagnostics: Diagnostic[];
}

export interface ActionRequest {
  /** The range the client asks about; its start is the cursor. */
  range: Range;
  /** Our diagnostics the client sent. */
  diagnostics: Diagnostic[];
  /** The insert-all actions that apply (see services/missing-sections.ts). */
  insertAll?: InsertAllData[];
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

function contains(range: Range, pos: Range['start']): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/**
 * The diagnostic the disable actions are for: the most severe of those under the cursor
 * (the start of the requested range), else of all the client sent; on a tie the first.
 */
function underCursor(request: ActionRequest): Diagnostic | undefined {
  const at = request.diagnostics.filter((d) => contains(d.range, request.range.start));
  const pool = at.length ? at : request.diagnostics;
  let best: Diagnostic | undefined;
  for (const d of pool) if (!best || (d.severity ?? 4) < (best.severity ?? 4)) best = d;
  return best;
}

/**
 * The quick-fix menu for the diagnostics the client asks about, in the order a user reads
 * it: "Insert all N missing sections" first (the required ones, then the required and
 * recommended ones together, each only when it inserts two or more), then every fix of
 * every diagnostic (most severe first), and last "disable for this line" and "disable for
 * this file", for the one diagnostic under the cursor only: the menu on a title carrying
 * nine missing sections offers two disable actions, not eighteen.
 * `fixesOf` supplies the fixes of one diagnostic (from its data, or recomputed).
 */
export function codeActions(target: ActionTarget, request: ActionRequest, fixesOf: (d: Diagnostic) => FixData[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const all of request.insertAll ?? []) {
    if (all.count < 2 || !all.edits.length) continue;
    out.push({
      title: countMessage(all.scope === 'required' ? 'insertAllRequired' : 'insertAll', all.count, target.locale),
      kind: CodeActionKind.QuickFix,
      diagnostics: all.diagnostics,
      // VS Code lists preferred fixes first (a stable sort, so ours keep their order among
      // themselves): this makes the insert-all actions lead the menu, as they should. Each
      // section's own insert stays preferred too, so no client auto-applies either alone.
      isPreferred: true,
      edit: workspaceEdit(target, all.edits),
    });
  }
  // The most severe problem's fixes come first (LSP severity 1 is Error), so that Ctrl+. on
  // a title carrying both a missing required and a missing recommended section offers the
  // required one at the top. The sort is stable: same-severity diagnostics keep their order.
  const ours = request.diagnostics.filter((d) => ruleOf(d) !== undefined);
  const bySeverity = [...ours].sort((a, b) => (a.severity ?? 4) - (b.severity ?? 4));
  for (const d of bySeverity) for (const fix of fixesOf(d)) out.push(fixAction(target, fix, d));

  const d = underCursor({ ...request, diagnostics: ours });
  const rule = d && ruleOf(d);
  if (d && rule) out.push(...disableActions(target, d, rule));
  return out;
}

/** "Disable <rule> for this line" and "… for this file", each where its directive can go. */
function disableActions(target: ActionTarget, diagnostic: Diagnostic, rule: string): CodeAction[] {
  return DISABLE_ACTIONS.flatMap(({ title, edit }) => {
    const e = edit(target.doc, diagnostic, rule);
    if (!e) return [];
    return [
      {
        title: message(title, target.locale, { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(target, [e]),
      },
    ];
  });
}

/** A finding's severity and fixes, as the fix-all action weighs them. */
export interface FixCandidate {
  severity: Severity;
  fixes: FixData[];
}

/**
 * The fix-all action: the safe fixes of every finding (services/fixes.ts `chooseSafeFixes`,
 * the one definition the CLI's `--fix` shares), as one edit. Undefined when nothing is safe
 * to fix.
 */
export function fixAllAction(target: ActionTarget, findings: readonly FixCandidate[]): CodeAction | undefined {
  const lines = target.doc.lines;
  const candidates = findings.map((f) => ({
    severity: f.severity,
    fixes: f.fixes.map((fix) => ({
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ span: lines.spanOf(edit.range), newText: edit.newText, edit })),
    })),
  }));
  const taken = chooseSafeFixes(candidates).edits.map((e) => e.edit);
  if (!taken.length) return undefined;
  return { title: message('fixAll', target.locale), kind: FIX_ALL_KIND, edit: workspaceEdit(target, taken) };
}
