/**
 * Checking the whole workspace: `segdoc/checkWorkspace { folders?, workDoneToken? }` walks
 * the workspace folders for Markdown files, lints each segdoc document on disk with the
 * `.segdoc.json` that applies to it, and publishes its diagnostics, so that documents nobody
 * has open show up in the editor's Problems panel too. Resolves to a summary (files looked
 * at, segdoc documents, errors, warnings, whether the walk was cut short or cancelled).
 *
 * Decisions:
 * - documents open in the editor are left alone: their live diagnostics (of the text being
 *   edited, not the file on disk) stay. When one of the checked files is closed later, its
 *   diagnostics from disk are published again instead of being cleared.
 * - the walk is the one workspace symbols use (services/workspace-files.ts): dot-folders,
 *   node_modules and symbolic links are skipped, breadth first within LIMITS (files,
 *   directories, depth); files larger than MAX_BYTES are not read (the engine would not
 *   check them anyway). Being cut short is part of the summary, never silent.
 * - progress: with a `workDoneToken` in the request (client-initiated), progress goes to that
 *   token; otherwise, when the client declared `window.workDoneProgress`, the server creates
 *   one (server-initiated); otherwise no progress is sent. Either way the check can be
 *   cancelled (the request's cancellation, or the progress's cancel button).
 * - one file at a time, with a turn of the event loop in between, so edits in open
 *   documents keep being checked while the workspace is walked.
 * - the folders are the request's `folders` (URIs) when given — a client knows its current
 *   folders best — else the workspace folders (or root) of `initialize`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  RequestType,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { Language } from '../model/types';
import { CHECK_WORKSPACE_METHOD, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../protocol';
import { translator } from '../l10n';
import type { LintResult } from '../services/engine';
import { MAX_DOCUMENT_BYTES, WorkspaceFiles, type WalkLimits } from '../services/workspace-files';
import { toDiagnostic } from './convert';
import { fsPathOf, uriKey, uriOfPath } from './uri';

export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(CHECK_WORKSPACE_METHOD);

/**
 * The walk's bounds: at most 10,000 Markdown files and 50,000 folders are looked at in one
 * check, and folders deeper than 32 below a workspace folder are not entered.
 */
export const LIMITS: Readonly<WalkLimits> = { maxFiles: 10_000, maxDirectories: 50_000, maxDepth: 32 };
/** Files larger than this are not read (the engine checks documents up to 2 MB). */
export const MAX_BYTES = MAX_DOCUMENT_BYTES;

export const texts = {
  title: 'segdoc: checking the workspace',
  finding: 'Looking for Markdown files…',
  checking: '{done}/{total} {file}',
} satisfies Record<string, string>;

const text = translator(texts);

export interface WorkspaceCheckHost {
  /** Whether the editor has the document open (its live diagnostics are left alone). */
  isOpen(uri: string): boolean;
  /** Lints a file's text as the server lints documents: its config, the settings for `scopeUri`, the rules. */
  lint(fsPath: string, text: string, scopeUri: string): Promise<LintResult | undefined>;
  /** The language of progress messages. */
  locale(): Language;
  logError(what: string, e: unknown): void;
}

/** A turn of the event loop, so that pending messages (edits, cancellation) are handled. */
const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceCheck {
  private folders: string[] = [];
  private progressSupport = false;
  /**
   * Files a check covered, by URI key (`uriKey`: clients spell URIs differently, `&` or
   * `%26`): those whose diagnostics from disk were published, under `uri`, and the open ones
   * it left to their live diagnostics (which get theirs from disk once closed).
   */
  private readonly covered = new Map<string, { uri: string; fsPath: string; scope: string }>();
  private readonly walker = new WorkspaceFiles();
  private running: Promise<CheckWorkspaceResult> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly host: WorkspaceCheckHost,
  ) {}

  initialize(params: InitializeParams): void {
    this.progressSupport = params.capabilities.window?.workDoneProgress === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? [];
    if (!folders.length && params.rootUri) folders.push(params.rootUri);
    this.folders = folders;
  }

  listen(): void {
    this.connection.onRequest(CheckWorkspaceRequest, (params, token) => this.request(params ?? {}, token));
  }

  /**
   * An open document was closed: when a workspace check had published its diagnostics from
   * disk, they are published again (from the file as saved) and true is returned; false
   * leaves the caller to clear them as for any other document.
   */
  closed(uri: string): boolean {
    const entry = this.covered.get(uriKey(uri));
    if (!entry) return false;
    // Published under the URI the editor used for the document, whatever it was before.
    entry.uri = uri;
    void this.recheck(uri, entry.fsPath, entry.scope);
    return true;
  }

  private async recheck(uri: string, fsPath: string, scope: string): Promise<void> {
    try {
      await this.checkFile(uri, fsPath, scope);
    } catch (e) {
      this.host.logError(`Checking ${fsPath} from disk failed`, e);
    }
  }

  private async request(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    // One walk at a time: a second request while one runs gets the running one's summary.
    if (this.running) return this.running;
    this.running = this.run(params, token).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const locale = this.host.locale();
    const { progress, cancel } = await this.startProgress(params);
    const cancelled = (): boolean => token.isCancellationRequested || cancel?.isCancellationRequested === true;
    const result: CheckWorkspaceResult = {
      files: 0,
      documents: 0,
      open: 0,
      errors: 0,
      warnings: 0,
      others: 0,
      truncated: false,
      cancelled: false,
    };
    progress?.begin(text('title', locale), 0, text('finding', locale), true);
    try {
      const folders = this.foldersOf(params);
      const scopes = new Map(folders.map((f) => [f.fsPath, f.uri]));
      const walk = await this.walker.walk([...scopes.keys()], LIMITS, cancelled);
      const files = walk.files.map((f) => ({ fsPath: f.path, scope: scopes.get(f.root)! }));
      result.truncated = walk.truncated;
      result.files = files.length;
      for (const [i, file] of files.entries()) {
        if (cancelled()) break;
        progress?.report(
          Math.floor((i * 100) / Math.max(1, files.length)),
          text('checking', locale, { done: i + 1, total: files.length, file: path.basename(file.fsPath) }),
        );
        if (await this.checkWalked(file, result)) await yieldTurn();
      }
      // Only a complete walk can tell which files are gone.
      if (!cancelled() && !result.truncated) this.forgetMissing(files, folders);
    } finally {
      result.cancelled = cancelled();
      progress?.done();
    }
    return result;
  }

  /**
   * The progress to report to: the request's `workDoneToken` (client-initiated), else one
   * the server creates when the client supports it (whose cancel button counts too).
   */
  private async startProgress(
    params: CheckWorkspaceParams,
  ): Promise<{ progress?: WorkDoneProgressReporter; cancel?: CancellationToken }> {
    if (params.workDoneToken !== undefined)
      return { progress: this.connection.window.attachWorkDoneProgress(params.workDoneToken) };
    if (!this.progressSupport) return {};
    try {
      const created = await this.connection.window.createWorkDoneProgress();
      return { progress: created, cancel: created.token };
    } catch (e) {
      this.host.logError('Creating a progress indicator for the workspace check failed', e);
      return {};
    }
  }

  /** The folders to walk: the request's, else those of `initialize`; only those on disk. */
  private foldersOf(params: CheckWorkspaceParams): { uri: string; fsPath: string }[] {
    return (Array.isArray(params.folders) ? params.folders.filter((f): f is string => typeof f === 'string') : this.folders)
      .map((uri) => ({ uri, fsPath: fsPathOf(uri) }))
      .filter((f): f is { uri: string; fsPath: string } => f.fsPath !== undefined);
  }

  /**
   * One file the walk found: left to the editor when it is open, else checked from disk,
   * its counts added to `result`. Returns whether it was read (then the loop yields a turn).
   */
  private async checkWalked(file: { fsPath: string; scope: string }, result: CheckWorkspaceResult): Promise<boolean> {
    const uri = uriOfPath(file.fsPath);
    if (this.host.isOpen(uri)) {
      result.open++;
      // Its diagnostics are the editor's to show, of the text being edited; once it is
      // closed, the file on disk is checked (see closed()).
      this.covered.set(uriKey(uri), { uri, fsPath: file.fsPath, scope: file.scope });
      return false;
    }
    try {
      const checked = await this.checkFile(uri, file.fsPath, file.scope);
      if (checked) {
        result.documents++;
        result.errors += checked.errors;
        result.warnings += checked.warnings;
        result.others += checked.others;
      }
    } catch (e) {
      this.host.logError(`Checking ${file.fsPath} from disk failed`, e);
    }
    return true;
  }

  /**
   * Files of these folders checked before that the walk no longer found (deleted, moved, now
   * skipped) lose their diagnostics from disk.
   */
  private forgetMissing(files: readonly { fsPath: string }[], folders: readonly { fsPath: string }[]): void {
    const seen = new Set(files.map((f) => uriKey(uriOfPath(f.fsPath))));
    const inside = (fsPath: string): boolean =>
      folders.some((f) => {
        const rel = path.relative(f.fsPath, fsPath);
        return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
      });
    for (const [key, entry] of [...this.covered]) {
      if (seen.has(key) || this.host.isOpen(entry.uri) || !inside(entry.fsPath)) continue;
      this.covered.delete(key);
      this.connection.sendDiagnostics({ uri: entry.uri, diagnostics: [] });
    }
  }

  /**
   * Lints one file from disk and publishes its diagnostics, unless the editor has it open
   * by the time it is read. Returns the counts for a segdoc document, undefined otherwise.
   */
  private async checkFile(
    uriOfFile: string,
    fsPath: string,
    scope: string,
  ): Promise<{ errors: number; warnings: number; others: number } | undefined> {
    // A file checked before is published under the URI it was published under.
    const uri = this.covered.get(uriKey(uriOfFile))?.uri ?? uriOfFile;
    const stat = await fs.stat(fsPath).catch(() => undefined);
    if (!stat || !stat.isFile() || stat.size > MAX_BYTES) return this.forget(uri);
    const content = await fs.readFile(fsPath, 'utf8').catch(() => undefined);
    if (content === undefined) return this.forget(uri);
    const result = await this.host.lint(fsPath, content, scope);
    // Opened while the file was read or the settings were asked for: the live check wins.
    if (this.host.isOpen(uri)) return undefined;
    // Not a segdoc document, unless its front matter names an unknown kind (one finding).
    if (!result || (!result.detection && !result.findings.length)) return this.forget(uri);
    // No document version: these diagnostics describe the file on disk. Their fixes carry a
    // version no open document has, so a code action recomputes them from the live check.
    const diagnostics: Diagnostic[] = result.findings.map((f) => toDiagnostic(f, -1));
    this.covered.set(uriKey(uri), { uri, fsPath, scope });
    this.connection.sendDiagnostics({ uri, diagnostics });
    const count = (s: string): number => result.findings.filter((f) => f.severity === s).length;
    const errors = count('error');
    const warnings = count('warning');
    return { errors, warnings, others: result.findings.length - errors - warnings };
  }

  /** A file that is not (or no longer) a segdoc document: clears what a check published for it. */
  private forget(uri: string): undefined {
    if (this.covered.delete(uriKey(uri)) && !this.host.isOpen(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    return undefined;
  }
}
