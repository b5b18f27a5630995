/**
 * textDocument/codeAction over the protocol: which actions a request asks for, answered from
 * the current check of the document (the menu's order and the fix-all action are
 * convert.ts's). A diagnostic handed back by the client is matched with the check's finding
 * by rule, range and message, because clients may drop `data` or move the diagnostic along
 * with edits.
 *
 * The provider is declared only for clients with code action literal support: without it a
 * client expects Command objects, which segdoc has none of. Edits are versioned
 * `documentChanges` when the client accepts them (then a stale edit is refused).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { Finding } from '../services/engine';
import { isMissingSection, missingSectionsInsertion, type MissingSections } from '../services/missing-sections';
import {
  codeActions,
  FIX_ALL_KIND,
  fixAllAction,
  kindRequested,
  readDiagnosticData,
  ruleOf,
  sameRange,
  toFixData,
  type FixData,
  type InsertAllData,
} from './convert';
import type { Checked } from './diagnostics-state';
import { ProtocolFeature } from './feature';

export interface CodeActionsHost {
  /** The version of the open document at `uri`, undefined when it is not open. */
  openVersion(uri: string): number | undefined;
  /** The check of the document's current text (the last one when still current), or undefined. */
  current(uri: string): Promise<Checked | undefined>;
  logError(what: string, e: unknown): void;
}

export class CodeActionsFeature extends ProtocolFeature<CodeActionsHost> {
  private enabled = false;
  private documentChanges = false;

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const cc = params.capabilities;
    this.enabled = cc.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    this.documentChanges = cc.workspace?.workspaceEdit?.documentChanges === true;
    if (!this.enabled) return {};
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } };
  }

  /** Registers the handler. */
  override listen(): void {
    this.connection.onCodeAction((p) => this.actions(p));
  }

  private async actions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    try {
      const asked = actionsAsked(params);
      if (!asked) return [];
      const checked = await this.host.current(uri);
      if (!checked || checked.version !== this.host.openVersion(uri)) return [];
      return actionsFor(params, asked, checked, this.documentChanges);
    } catch (e) {
      this.host.logError(`Computing code actions for ${uri} failed`, e);
      return [];
    }
  }
}

/** What a code action request asks segdoc for. */
interface ActionsAsked {
  /** Quick fixes for `ours`. */
  quickFixes: boolean;
  /** The fix-all action. */
  fixAll: boolean;
  /** segdoc's diagnostics among those the client sent. */
  ours: Diagnostic[];
}

/** What the request asks for; undefined when segdoc has nothing to offer for it. */
function actionsAsked(params: CodeActionParams): ActionsAsked | undefined {
  const only = params.context.only;
  const quickFixes = kindRequested(only, CodeActionKind.QuickFix);
  // Fix-all only when asked for by kind (codeActionsOnSave, the Source Action menu): in
  // the light bulb menu it would repeat the fixes listed there.
  const fixAll = only !== undefined && kindRequested(only, FIX_ALL_KIND);
  const ours = params.context.diagnostics.filter((d) => ruleOf(d) !== undefined);
  if (!fixAll && (!quickFixes || !ours.length)) return undefined;
  return { quickFixes, fixAll, ours };
}

/** The actions asked for, from `checked`, a check of the document's current text. */
function actionsFor(params: CodeActionParams, asked: ActionsAsked, checked: Checked, documentChanges: boolean): CodeAction[] {
  const { result, version } = checked;
  const target = { uri: params.textDocument.uri, version, doc: result.doc, locale: result.locale, documentChanges };
  const out: CodeAction[] = [];
  if (asked.quickFixes && asked.ours.length) {
    const request = { range: params.range, diagnostics: asked.ours, insertAll: insertAll(asked.ours, checked) };
    out.push(...codeActions(target, request, (d) => fixesOf(d, checked)));
  }
  if (asked.fixAll) {
    const action = fixAllAction(
      target,
      result.findings.map((f) => ({ severity: f.severity, fixes: f.fixes.map(toFixData) })),
    );
    if (action) out.push(action);
  }
  return out;
}

/**
 * The fixes of a diagnostic: from its data when they were computed for the current text,
 * else from the current check's finding of the same rule at the same range (the client
 * dropped `data`, or moved the diagnostic along with edits since it was published).
 */
function fixesOf(diagnostic: Diagnostic, checked: Checked): FixData[] {
  const data = readDiagnosticData(diagnostic);
  if (data && data.version === checked.version) return data.fixes;
  return findingOf(diagnostic, checked)?.fixes.map(toFixData) ?? [];
}

/** The current check's finding a diagnostic stands for: the same rule at the same range. */
function findingOf(diagnostic: Diagnostic, checked: Checked): Finding | undefined {
  const rule = ruleOf(diagnostic);
  const same = checked.result.findings.filter((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
  // Several findings of one rule can share a range (missing sections all point at the
  // title); the message, produced by this server, tells them apart.
  return same.find((f) => f.message === diagnostic.message) ?? (same.length === 1 ? same[0] : undefined);
}

/**
 * "Insert all missing sections" for a menu on missing-section diagnostics: the required
 * ones when the client asks about a missing required section, and the required and
 * recommended ones together when recommended ones are missing too.
 */
function insertAll(diagnostics: Diagnostic[], checked: Checked): InsertAllData[] {
  const missing = diagnostics.filter((d) => {
    const f = findingOf(d, checked);
    return f !== undefined && isMissingSection(f);
  });
  if (!missing.length) return [];
  const out: InsertAllData[] = [];
  const toData = (scope: InsertAllData['scope'], m: MissingSections, ds: Diagnostic[]): InsertAllData => ({
    scope,
    count: m.sections.length,
    edits: m.edits.map((e) => ({ range: e.range, newText: e.newText })),
    diagnostics: ds,
  });
  const required = missingSectionsInsertion(checked.result, ['required-section']);
  const requiredDiagnostics = missing.filter((d) => ruleOf(d) === 'required-section');
  if (required && requiredDiagnostics.length) out.push(toData('required', required, requiredDiagnostics));
  const all = missingSectionsInsertion(checked.result);
  if (all && all.sections.length > (required?.sections.length ?? 0)) out.push(toData('all', all, missing));
  return out;
}
