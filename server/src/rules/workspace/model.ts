/**
 * The workspace model: the facts (facts.ts) of every segdoc document a front end knows — the
 * language server's workspace and open documents, the CLI's checked files — by document id,
 * with the indexes the workspace rules share built once per change rather than once per
 * document checked. Plain data, no I/O: the front ends decide what is in it.
 */
import type { KnownSegment } from '../types';
import { knownSegmentIndex, type KnownSegmentIndex } from '../segments/known';
import type { DocumentFacts } from './facts';

export interface WorkspaceDocument {
  /** The front end's id of the document: a URI (language server) or an absolute path (CLI). */
  id: string;
  /** How messages name the document: its file name, else its title. */
  source: string;
  facts: DocumentFacts;
}

export class WorkspaceModel {
  private readonly docs = new Map<string, WorkspaceDocument>();
  private known: KnownSegment[] | undefined;
  private print: string | undefined;

  /** Adds or replaces a document. */
  set(doc: WorkspaceDocument): void {
    this.docs.set(doc.id, doc);
    this.changed();
  }

  /** Removes a document; whether it was there. */
  delete(id: string): boolean {
    const had = this.docs.delete(id);
    if (had) this.changed();
    return had;
  }

  get(id: string): WorkspaceDocument | undefined {
    return this.docs.get(id);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The documents in the order they were first added. */
  documents(): IterableIterator<WorkspaceDocument> {
    return this.docs.values();
  }

  /** The segments the documents define, in document order; the same array until the model changes. */
  segments(): readonly KnownSegment[] {
    this.known ??= [...this.docs.values()].flatMap((d) =>
      d.facts.segments.map((s) => ({ name: s.name, source: d.source, id: d.id, range: s.at.range })),
    );
    return this.known;
  }

  /** The index of {@link segments} for name lookups and near misses (built once per list). */
  segmentIndex(): KnownSegmentIndex {
    return knownSegmentIndex(this.segments());
  }

  /**
   * What the rules that compare documents read from the other documents, without positions:
   * front ends check their documents again when it changes, not when a line moves.
   */
  fingerprint(): string {
    this.print ??= [...this.docs.values()].map((d) => `${d.id}\u0001${factsFingerprint(d.facts)}`).join('\u0000');
    return this.print;
  }

  private changed(): void {
    this.print = undefined;
    this.known = undefined;
  }
}

/** A model of the given documents (tests, and front ends that rebuild it whole). */
export function workspaceModel(docs: Iterable<WorkspaceDocument>): WorkspaceModel {
  const model = new WorkspaceModel();
  for (const d of docs) model.set(d);
  return model;
}

/**
 * A model holding only the given segments, each defined by a document named by its
 * `source` (tests, and fixtures that stand for the other documents of a workspace).
 */
export function segmentsWorkspace(segments: readonly KnownSegment[]): WorkspaceModel {
  const bySource = new Map<string, WorkspaceDocument>();
  for (const s of segments) {
    let doc = bySource.get(s.source);
    if (!doc) {
      doc = {
        id: s.id ?? s.source,
        source: s.source,
        facts: { kind: 'segmentation', title: '', language: 'en', segments: [], segmentRefs: [] },
      };
      bySource.set(s.source, doc);
    }
    const range = s.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    doc.facts.segments.push({ name: s.name, at: { text: s.name, span: { start: 0, end: 0 }, range } });
  }
  return workspaceModel(bySource.values());
}

/** A document's facts without their places (see {@link WorkspaceModel.fingerprint}). */
export function factsFingerprint(facts: DocumentFacts): string {
  return JSON.stringify(facts, (key, value: unknown) => (key === 'span' || key === 'range' || key === 'off' ? undefined : value));
}
