/**
 * The push-diagnostics bookkeeping of the language server, kept apart from the connection so
 * that it can be read (and unit-tested) on its own. It answers five questions:
 *
 * - what is open: the documents the editor has open, by URI and by file path (config files
 *   are found by path), and which of them segdoc checks;
 * - what was checked: each open document's last check, with the version of the text and
 *   the generation of settings and config files it saw; checks may finish out of order, and
 *   only the newest is kept;
 * - what is in flight: the check under way for each document, so that a request for the
 *   same version and generation waits for it instead of checking twice;
 * - what was published: the version and diagnostics last sent for each document, and a
 *   stamp of what was last sent for each config file, so that only changes go out;
 * - what to re-check: the documents whose current text the user asked to have checked.
 *
 * The generation is bumped whenever settings or config files change: every check made
 * before is outdated then. Nothing here talks to the client; the server decides when to
 * send, this class remembers what was sent.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { LintResult } from '../services/engine';

/** A check of a document: which text and which settings/config generation it saw. */
export interface Checked {
  version: number;
  generation: number;
  result: LintResult;
}

interface InFlight {
  version: number;
  generation: number;
  done: Promise<Checked | undefined>;
}

interface OpenDocument {
  fsPath: string | undefined;
  /** A Markdown document segdoc checks (not a `.segdoc.json`). */
  checkable: boolean;
}

export class DiagnosticsState {
  private currentGeneration = 0;
  /** Open documents, in the order they were opened. */
  private readonly open = new Map<string, OpenDocument>();
  /** URIs of open documents by file path. */
  private readonly openByPath = new Map<string, string>();
  /** Documents opened but not yet seen by a content change (the editor's open is also one). */
  private readonly justOpened = new Set<string>();
  private readonly checked = new Map<string, Checked>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly publishedVersions = new Map<string, number>();
  private readonly publishedDiagnostics = new Map<string, Diagnostic[]>();
  /** Per config file URI: its open version and serialised diagnostics as last sent. */
  private readonly configStamps = new Map<string, string>();
  /**
   * Documents whose current text the user asked to have checked (opened, saved, typed in
   * on-type mode). A re-check after a settings or config change is not such a request: in
   * on-save mode it leaves a document with unsaved edits alone until it is saved.
   */
  private readonly wanted = new Set<string>();

  // -------------------------------------------------------------------------------------
  // Generations

  /** The generation of settings and config files; checks of an older one are outdated. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Settings or a config file changed: every check made so far is outdated. */
  outdate(): void {
    this.currentGeneration++;
  }

  // -------------------------------------------------------------------------------------
  // Open documents

  opened(uri: string, fsPath: string | undefined, checkable: boolean): void {
    this.open.set(uri, { fsPath, checkable });
    this.justOpened.add(uri);
    if (fsPath !== undefined) this.openByPath.set(fsPath, uri);
  }

  /**
   * Whether a content change of `uri` is the one the editor's open fires (the first change
   * after `opened`), which needs no check of its own.
   */
  takeOpening(uri: string): boolean {
    return this.justOpened.delete(uri);
  }

  /** Forgets everything about a closed document: its checks, what was published, whether it was wanted. */
  closed(uri: string): void {
    const fsPath = this.open.get(uri)?.fsPath;
    this.open.delete(uri);
    if (fsPath !== undefined && this.openByPath.get(fsPath) === uri) this.openByPath.delete(fsPath);
    this.justOpened.delete(uri);
    this.wanted.delete(uri);
    this.checked.delete(uri);
    this.publishedVersions.delete(uri);
    this.publishedDiagnostics.delete(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** The URI of the open document at a file path. */
  openAt(fsPath: string): string | undefined {
    return this.openByPath.get(fsPath);
  }

  /** Every open document, in the order they were opened. */
  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The open documents segdoc checks, in the order they were opened. */
  checkable(): string[] {
    return [...this.open].flatMap(([uri, d]) => (d.checkable ? [uri] : []));
  }

  // -------------------------------------------------------------------------------------
  // Wanted checks

  /** The user asked for the current text of `uri` to be checked. */
  want(uri: string): void {
    this.wanted.add(uri);
  }

  /** Whether a check of `uri` was asked for; the request is used up. */
  takeWanted(uri: string): boolean {
    return this.wanted.delete(uri);
  }

  // -------------------------------------------------------------------------------------
  // Checks

  /** The last check of `uri` if it is of `version` and of the current generation. */
  upToDate(uri: string, version: number): Checked | undefined {
    const last = this.checked.get(uri);
    return last && last.version === version && last.generation === this.currentGeneration ? last : undefined;
  }

  /**
   * Keeps a finished check as the document's last, unless the document was closed or a newer
   * one is kept already (checks may finish out of order). Returns whether it was kept.
   */
  record(uri: string, checked: Checked): boolean {
    if (!this.open.has(uri)) return false;
    const last = this.checked.get(uri);
    const newer =
      !last || last.version < checked.version || (last.version === checked.version && last.generation <= checked.generation);
    if (newer) this.checked.set(uri, checked);
    return newer;
  }

  /** Drops the last check of `uri`, so that the next request checks it again. */
  forgetCheck(uri: string): void {
    this.checked.delete(uri);
  }

  /** The open documents' last checks. */
  lastChecks(): [string, Checked][] {
    return [...this.checked].filter(([uri]) => this.open.has(uri));
  }

  /**
   * The check of `version` in `generation`: the one under way when there is one, else the
   * one `start` begins, which is tracked until it settles.
   */
  shareCheck(
    uri: string,
    version: number,
    generation: number,
    start: () => Promise<Checked | undefined>,
  ): Promise<Checked | undefined> {
    const running = this.inFlight.get(uri);
    if (running && running.version === version && running.generation === generation) return running.done;
    const done = start().finally(() => {
      if (this.inFlight.get(uri)?.done === done) this.inFlight.delete(uri);
    });
    this.inFlight.set(uri, { version, generation, done });
    return done;
  }

  // -------------------------------------------------------------------------------------
  // Published diagnostics

  /** The version of `uri` whose diagnostics were last published. */
  publishedVersion(uri: string): number | undefined {
    return this.publishedVersions.get(uri);
  }

  /** Whether diagnostics of a version newer than `version` are out already. */
  newerPublished(uri: string, version: number): boolean {
    const previous = this.publishedVersions.get(uri);
    return previous !== undefined && previous > version;
  }

  /**
   * Records `diagnostics` as published for `version`, unless they are what is out already for
   * that version (a re-check after a settings or config change, which clients may announce
   * twice, must not make the editor redraw). Returns whether they are to be sent.
   */
  publish(uri: string, version: number, diagnostics: Diagnostic[]): boolean {
    const last = this.publishedDiagnostics.get(uri);
    // Comparing costs a serialisation, so it is done only for a re-check of the same version,
    // never on the edit → publish path.
    if (this.publishedVersions.get(uri) === version && last && JSON.stringify(last) === JSON.stringify(diagnostics)) return false;
    this.publishedVersions.set(uri, version);
    this.publishedDiagnostics.set(uri, diagnostics);
    return true;
  }

  /**
   * Records what is sent for a config file (`stamp`: its open version and its diagnostics,
   * serialised); false when that is what was sent last, so nothing needs to go out.
   */
  publishConfig(uri: string, stamp: string): boolean {
    if (this.configStamps.get(uri) === stamp) return false;
    this.configStamps.set(uri, stamp);
    return true;
  }

  /** A config file was deleted: the next diagnostics for it go out whatever they are. */
  forgetConfig(uri: string): void {
    this.configStamps.delete(uri);
  }

  /** The config files diagnostics were published for. */
  configUris(): string[] {
    return [...this.configStamps.keys()];
  }
}
