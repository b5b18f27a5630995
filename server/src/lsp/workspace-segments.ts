/**
 * The segments the workspace defines, for the rules that compare a document with the other
 * documents (unknown-segment: a persona's Segment must name one of them). The list comes
 * from the workspace index (services/symbols.ts, the segdoc files on disk) and the open
 * documents as last checked — never from a new check, so a check never waits for another.
 *
 * It is kept up to date by events rather than asked for on every keystroke:
 * - refreshed after `initialized`, when the workspace folders or watched files change, when
 *   a document is closed, and when a check finds that the segments an open document defines
 *   have changed (a segmentation being edited);
 * - refreshed in the background when a document that uses it is checked and the list is
 *   older than MAX_AGE_MS (files edited outside the editor);
 * - when the list changes, the open documents that use it are checked again.
 *
 * Until the first refresh the list is unknown and unknown-segment stays quiet (it never
 * reports against a list it does not have).
 */
import { segmentNameKey } from '../model/segments';
import type { KnownSegment, WorkspaceContext } from '../rules/types';
import type { LintResult } from '../services/engine';
import { segmentNames, summarizeResult, type SummarySource } from '../services/symbols';

/** A list older than this is refreshed (in the background) when a document that uses it is checked. */
export const MAX_AGE_MS = 30_000;

export interface WorkspaceSegmentsHost {
  /** The open segdoc documents as last checked (without checking them again). */
  openSources(): SummarySource[];
  /** Every segdoc document: the open ones given, then the workspace's files. */
  documents(open: SummarySource[]): Promise<SummarySource[]>;
  /** Checks these open documents again and publishes. */
  recheck(uris: string[]): void;
  /** Open documents whose last check used the workspace. */
  users(): string[];
  logError(what: string, e: unknown): void;
}

export class WorkspaceSegments {
  private segments: KnownSegment[] | undefined;
  private key = '';
  private refreshedAt = 0;
  private running: Promise<void> | undefined;
  private again = false;
  /** Per open document: the keys of the segments it defined at its last check. */
  private readonly defined = new Map<string, string>();

  constructor(private readonly host: WorkspaceSegmentsHost) {}

  /** What a check is given: undefined until the workspace's segments are known. */
  context(): WorkspaceContext | undefined {
    if (this.segments && Date.now() - this.refreshedAt > MAX_AGE_MS) this.refresh();
    return this.segments ? { segments: this.segments } : undefined;
  }

  /** A document was checked: when the segments it defines changed, the list is refreshed. */
  checked(uri: string, result: LintResult): void {
    const summary = summarizeResult(result);
    const keys = (summary?.segments ?? []).map((s) => segmentNameKey(s.name)).join('\u0000');
    if ((this.defined.get(uri) ?? '') === keys) return;
    if (keys) this.defined.set(uri, keys);
    else this.defined.delete(uri);
    this.refresh();
  }

  /** A document was closed: its segments now come from the file on disk, if any. */
  closed(uri: string): void {
    if (this.defined.delete(uri)) this.refresh();
  }

  /** Recomputes the list; concurrent calls share one run and one more after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const sources = await this.host.documents(this.host.openSources());
          const segments = segmentNames(sources).map((s) => ({ name: s.name, source: s.source }));
          const key = segments.map((s) => `${segmentNameKey(s.name)}\u0001${s.source}`).join('\u0000');
          this.refreshedAt = Date.now();
          if (this.segments && key === this.key) continue;
          this.segments = segments;
          this.key = key;
          const users = this.host.users();
          if (users.length) this.host.recheck(users);
        } while (this.again);
      } catch (e) {
        this.host.logError('Listing the segments of the workspace failed', e);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
