/**
 * When open documents are checked and what is published: the user's requests (open, save,
 * typing in on-type mode) and re-checks after a settings or config change go through the
 * scheduler (scheduler.ts); each run checks the newest text and publishes its diagnostics,
 * unless they are out already. Requests that need a check (code lenses, code actions,
 * hover…) share it with the runs. The bookkeeping is DiagnosticsState's.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentChecker } from './checker';
import { toDiagnostic } from './convert';
import type { Checked, DiagnosticsState } from './diagnostics-state';
import { CheckScheduler } from './scheduler';
import type { DocumentSettings, ServerSettings } from './settings';
import { isConfigFile, isMarkdown } from './uri';

export interface PushHost {
  /** The open document at `uri`. */
  document(uri: string): TextDocument | undefined;
  send(params: PublishDiagnosticsParams): void;
  /** Diagnostics of a document went out (code lenses follow them). */
  published(): void;
  logError(what: string, e: unknown): void;
}

/** Whether segdoc checks a document: Markdown, and not a `.segdoc.json`. */
export function checkable(doc: TextDocument): boolean {
  return isMarkdown(doc.uri, doc.languageId) && !isConfigFile(doc.uri);
}

export class PushDiagnostics {
  private readonly scheduler: CheckScheduler;

  constructor(
    private readonly state: DiagnosticsState,
    private readonly settings: DocumentSettings,
    private readonly checker: DocumentChecker,
    private readonly host: PushHost,
  ) {
    this.scheduler = new CheckScheduler({
      run: (uri) => this.run(uri),
      onError: (uri, e) => host.logError(`Checking ${uri} failed`, e),
    });
  }

  /** Checks the document's current text after `delayMs`, as the user asked (DiagnosticsState `want`). */
  request(uri: string, delayMs: number): void {
    this.state.want(uri);
    this.scheduler.schedule(uri, delayMs);
  }

  /** The user typed in a document: checked after the debounce delay, in on-type mode. */
  changed(uri: string): void {
    const known = this.settings.known(uri);
    const decide = (s: ServerSettings): void => {
      if (s.validate === 'onType' && this.host.document(uri)) this.request(uri, s.debounceMs);
    };
    if (known) decide(known);
    else void this.settings.for(uri).then(decide);
  }

  /** Queues every open document for a check, now or after each one's debounce delay. */
  recheckAll(debounced = false): void {
    for (const uri of this.state.checkable()) {
      const delay = debounced ? this.settings.knownOrGeneral(uri).debounceMs : 0;
      this.scheduler.schedule(uri, delay);
    }
  }

  cancel(uri: string): void {
    this.scheduler.cancel(uri);
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  /** A check of the document's current text: the last one when still current, else a new one. */
  async current(uri: string): Promise<Checked | undefined> {
    const doc = this.host.document(uri);
    if (!doc || !checkable(doc)) return undefined;
    const last = this.state.upToDate(uri, doc.version);
    if (last) return last;
    const generation = this.state.generation;
    const settings = await this.settings.for(uri);
    const now = this.host.document(uri);
    return now ? this.check(now, settings, generation) : undefined;
  }

  /** The scheduler's work item: checks the newest text of one document and publishes. */
  private async run(uri: string): Promise<void> {
    const doc = this.host.document(uri);
    if (!doc || !checkable(doc)) return;
    const generation = this.state.generation;
    const wanted = this.state.takeWanted(uri);
    const settings = await this.settings.for(uri);
    // Settings or a config file changed while the client was answering: these settings may
    // be outdated, and the change has queued this document again, so that check publishes.
    if (generation !== this.state.generation) {
      if (wanted) this.state.want(uri);
      return;
    }
    const current = this.host.document(uri);
    if (!current) return;
    const published = this.state.publishedVersion(uri);
    if (!wanted && settings.validate === 'onSave' && published !== undefined && published !== current.version) return;
    const last = this.state.upToDate(uri, current.version);
    if (last) {
      // Already checked — by a request that needed the check (code lenses, code actions,
      // hover…), or before a save that changed nothing — but perhaps never published: after a
      // settings change, a code lens request can check the same version in the new language
      // before this run does. publish() skips it when the same diagnostics are out already.
      this.publish(uri, last);
      return;
    }
    const checked = await this.check(current, settings, generation);
    if (checked) this.publish(uri, checked);
  }

  /** Checks one document's current text; a check of the same version and generation already under way is shared. */
  private check(doc: TextDocument, settings: ServerSettings, generation: number): Promise<Checked | undefined> {
    const start = (): Promise<Checked | undefined> =>
      this.checker.check(doc.uri, doc.version, doc.getText(), settings, generation);
    return this.state.shareCheck(doc.uri, doc.version, generation, start);
  }

  /**
   * Publishes a check's findings, unless a newer version of the document was published, or
   * the same version was published with the same diagnostics (DiagnosticsState `publish`).
   */
  private publish(uri: string, checked: Checked): void {
    if (this.state.newerPublished(uri, checked.version)) return;
    // Only findings of the text the editor holds now: an older check is not worth drawing.
    if (this.host.document(uri)?.version !== checked.version) return;
    const diagnostics = checked.result.findings.map((f) => toDiagnostic(f, checked.version));
    if (!this.state.publish(uri, checked.version, diagnostics)) return;
    this.host.send({ uri, version: checked.version, diagnostics });
    this.host.published();
  }
}
