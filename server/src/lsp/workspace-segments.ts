/**
 * The segments the workspace defines, for the rules that compare a document with the other
 * documents (unknown-segment: a persona's Segment must name one of them). The list comes
 * from the workspace index (services/symbols.ts, the segdoc files on disk) and the open
 * documents as last checked — never from a new check, so a check never waits for another.
 *
 * It is kept up to date by events rather than asked for on every keystroke:
 * - the files on disk are walked after `initialized`, when watched Markdown files change,
 *   and in the background when a document that uses the list is checked and the last walk
 *   is older than MAX_AGE_MS (files changed outside the editor, unwatched folders);
 * - the open documents' part is recomputed, without a walk, when a check finds that an
 *   open document's facts have changed (rules/workspace/facts.ts: the segments it defines
 *   or names, its matrix rows, tiers, targets, links — not their positions, so moving a
 *   line changes nothing) and when a document is closed (its file's facts count again);
 * - when the model's fingerprint (every document's facts without positions) changes, the
 *   open documents that use the workspace are checked again: a matrix edited re-publishes
 *   the personas and plans its tiers apply to.
 *
 * Until the first refresh the list is unknown and unknown-segment stays quiet (it never
 * reports against a list it does not have).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceContext } from '../rules/types';
import { factsFingerprint, workspaceModel, type WorkspaceModel } from '../rules/workspace/model';
import type { LintResult } from '../services/engine';
import { summarizeResult, type SummarySource } from '../services/symbols';

/** A list older than this is refreshed (in the background) when a document that uses it is checked. */
export const MAX_AGE_MS = 30_000;

export interface WorkspaceSegmentsHost {
  /** The open segdoc documents as last checked (without checking them again). */
  openSources(): SummarySource[];
  /** The workspace's segdoc files (a walk of the workspace folders). */
  files(): Promise<SummarySource[]>;
  /** Checks these open documents again and publishes. */
  recheck(uris: string[]): void;
  /** Open documents whose last check used the workspace. */
  users(): string[];
  logError(what: string, e: unknown): void;
}

export class WorkspaceSegments {
  private model: WorkspaceModel | undefined;
  /** The model's fingerprint (its facts without positions) when the users were last re-checked. */
  private key = '';
  /** The files on disk as last walked, and when. */
  private disk: SummarySource[] | undefined;
  private walkedAt = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private walkAgain = false;
  /** Per open document: the fingerprint of its facts at its last check. */
  private readonly defined = new Map<string, string>();

  constructor(private readonly host: WorkspaceSegmentsHost) {}

  /** What a check is given: undefined until the workspace's segments are known. */
  context(): WorkspaceContext | undefined {
    if (this.model && Date.now() - this.walkedAt > MAX_AGE_MS) void this.refresh(true);
    return this.model ? { model: this.model } : undefined;
  }

  /** A document was checked: when its facts changed (not only their positions), the model is refreshed. */
  checked(uri: string, result: LintResult): void {
    const summary = summarizeResult(result);
    const keys = summary ? factsFingerprint(summary.facts) : '';
    if ((this.defined.get(uri) ?? '') === keys) return;
    if (keys) this.defined.set(uri, keys);
    else this.defined.delete(uri);
    void this.refresh(false);
  }

  /** A document was closed: its segments now come from the file on disk, if any. */
  closed(uri: string): void {
    if (this.defined.delete(uri)) void this.refresh(false);
  }

  /**
   * Recomputes the list, walking the files on disk again when `walk` (or when they were never
   * walked); concurrent calls share one run and one more after it.
   */
  refresh(walk = true): Promise<void> {
    if (this.running) {
      this.again = true;
      this.walkAgain ||= walk;
      return this.running;
    }
    this.walkAgain = walk;
    const run = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          if (this.walkAgain || !this.disk) {
            this.walkAgain = false;
            this.disk = await this.host.files();
            this.walkedAt = Date.now();
          }
          const open = this.host.openSources();
          // An open document's text wins over its file.
          const openPaths = new Set(open.flatMap((o) => (o.path ? [path.resolve(o.path)] : [])));
          const sources = [...open, ...this.disk.filter((d) => !d.path || !openPaths.has(path.resolve(d.path)))];
          const model = workspaceModel(sources.map(workspaceDocument));
          const key = model.fingerprint();
          if (this.model && key === this.key) continue;
          this.model = model;
          this.key = key;
          const users = this.host.users();
          if (users.length) this.host.recheck(users);
        } while (this.again);
      } catch (e) {
        this.host.logError('Listing the segments of the workspace failed', e);
      }
    };
    // Cleared in a `finally` callback, which runs after this assignment even when the run
    // needs no walk and finishes without ever awaiting.
    this.running = run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}

/** A summarised document as the workspace model holds it: by URI (open) or path, named by its file name or title. */
function workspaceDocument(src: SummarySource): { id: string; source: string; facts: SummarySource['summary']['facts'] } {
  const source = src.path ? path.basename(src.path) : src.summary.title || (src.uri ?? '');
  return { id: src.uri ?? pathToFileURL(src.path ?? '').href, source, facts: src.summary.facts };
}
