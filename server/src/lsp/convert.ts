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
import type { Severity } from '../rules/types';
import { message } from './messages';

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

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes.map(toFixData) };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: SOURCE,
    message: finding.message,
    data,
  };
}

/** A problem of a `.segdoc.json`, reported in that file. */
export function configDiagnostic(d: ConfigDiagnostic): Diagnostic {
  return { range: d.range, severity: SEVERITY[d.severity], code: d.rule, source: SOURCE, message: d.message };
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
  return !!x && typeof x.start?.line === 'number' && typeof x.start?.character === 'number' && typeof x.end?.line === 'number' && typeof x.end?.character === 'number';
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
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

/** An edit that adds `rule` after the rule list of a directive that ends `ruleListEnd` into its line. */
function appendRule(doc: SegDocument, lineStart: number, ruleListEnd: number, rule: string): TextEdit {
  const pos = doc.lines.positionAt(lineStart + ruleListEnd);
  return { range: { start: pos, end: pos }, newText: ` ${rule}` };
}

function hasRule(list: string, rule: string): boolean {
  return list.trim().split(/\s+/).includes(rule);
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

  const table = doc.allSections.concat(doc.preamble).flatMap((s) => s.tables).find((t) => t.span.start <= start && start < t.span.end);
  if (table) {
    // The first two lines of a table are its header and delimiter row: an extra cell there
    // would change the column count and break the table.
    if (line <= lines.lineAt(table.span.start) + 1) return undefined;
    const existing = SAME_LINE.exec(text);
    if (existing) {
      if (hasRule(existing[1]!, rule)) return undefined;
      return appendRule(doc, start, existing.index + existing[0].indexOf(existing[1]!) + existing[1]!.length, rule);
    }
    const trimmed = text.trimEnd();
    const sep = trimmed.endsWith('|') ? ' ' : ' | ';
    const at = lines.positionAt(start + trimmed.length);
    return { range: { start: at, end: at }, newText: `${sep}<!-- segdoc-disable-line ${rule} -->` };
  }

  if (line > 0) {
    const prevStart = lines.lineStart(line - 1);
    const prev = doc.text.slice(prevStart, lines.lineEnd(line - 1));
    const m = NEXT_LINE.exec(prev);
    if (m) {
      if (hasRule(m[2]!, rule)) return undefined;
      return appendRule(doc, prevStart, m[1]!.length + prev.slice(m[1]!.length).indexOf(m[2]!) + m[2]!.length, rule);
    }
  }

  const item = LIST_ITEM.exec(text);
  const indent = item ? item[1]! + ' '.repeat(item[2]!.length) + item[3]! : INDENT.exec(text)![0];
  const pos = lines.positionAt(start);
  return { range: { start: pos, end: pos }, newText: `${indent}<!-- segdoc-disable-next-line ${rule} -->${lines.eol}` };
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
  if (m && !prefix) {
    if (hasRule(m[1]!, rule)) return undefined;
    return appendRule(doc, offset, m[0].indexOf(m[1]!) + m[1]!.length, rule);
  }
  const pos = lines.positionAt(offset);
  return { range: { start: pos, end: pos }, newText: `${prefix}<!-- segdoc-disable ${rule} -->${eol}` };
}

/**
 * The code actions for the diagnostics the client asks about: every fix of every diagnostic
 * (most severe first), then "disable for this line" per rule and line, then "disable for
 * this file" per rule.
 * `fixesOf` supplies the fixes of one diagnostic (from its data, or recomputed).
 */
export function codeActions(target: ActionTarget, diagnostics: Diagnostic[], fixesOf: (d: Diagnostic) => FixData[]): CodeAction[] {
  const fixes: CodeAction[] = [];
  const lineActions: CodeAction[] = [];
  const fileActions: CodeAction[] = [];
  const seenLines = new Set<string>();
  const seenRules = new Set<string>();
  // The most severe problem's fixes come first (LSP severity 1 is Error), so that Ctrl+. on
  // a title carrying both a missing required and a missing recommended section offers the
  // required one at the top. The sort is stable: same-severity diagnostics keep their order.
  const bySeverity = [...diagnostics].sort((a, b) => (a.severity ?? 4) - (b.severity ?? 4));
  for (const d of bySeverity) {
    const rule = ruleOf(d);
    if (!rule) continue;
    for (const fix of fixesOf(d)) fixes.push(fixAction(target, fix, d));

    const lineKey = `${rule}\n${d.range.start.line}`;
    if (!seenLines.has(lineKey)) {
      seenLines.add(lineKey);
      const edit = disableLineEdit(target.doc, d.range.start.line, rule);
      if (edit) {
        lineActions.push({
          title: message('disableLine', target.locale, { rule }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(target, [edit]),
        });
      }
    } else {
      lineActions.find((a) => a.diagnostics?.[0] && ruleOf(a.diagnostics[0]) === rule && a.diagnostics[0].range.start.line === d.range.start.line)?.diagnostics?.push(d);
    }

    if (!seenRules.has(rule)) {
      seenRules.add(rule);
      const edit = disableFileEdit(target.doc, rule);
      if (edit) {
        fileActions.push({
          title: message('disableFile', target.locale, { rule }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(target, [edit]),
        });
      }
    } else {
      fileActions.find((a) => a.diagnostics?.[0] && ruleOf(a.diagnostics[0]) === rule)?.diagnostics?.push(d);
    }
  }
  return [...fixes, ...lineActions, ...fileActions];
}
