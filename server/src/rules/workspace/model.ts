/**
 * The workspace model: the facts (facts.ts) of every segdoc document a front end knows — the
 * language server's workspace and open documents, the CLI's checked files — by document id,
 * with the indexes the workspace rules share built once per change rather than once per
 * document checked. Plain data, no I/O: the front ends decide what is in it.
 */
import type { KnownSegment } from '../types';
import { knownSegmentIndex, type KnownSegmentIndex } from '../segments/known';
import type { DefinedSegment, DocumentFacts, Located, MatrixRowFact } from './facts';
import { NameIndex } from './names';
import { tierFor } from '../matrix/evaluate';

export interface WorkspaceDocument {
  /** The front end's id of the document: a URI (language server) or an absolute path (CLI). */
  id: string;
  /** How messages name the document: its file name, else its title. */
  source: string;
  facts: DocumentFacts;
}

/** A matrix row of a document of the workspace. */
export interface MatrixEntry {
  doc: WorkspaceDocument;
  row: MatrixRowFact;
}

/** A segment a document of the workspace defines. */
export interface DefinitionEntry {
  doc: WorkspaceDocument;
  segment: DefinedSegment;
}

/** A persona of a segment: a persona document's Segment, or an item of a segmentation's Buyer Personas list. */
export interface PersonaEntry {
  doc: WorkspaceDocument;
  at: Located;
  how: 'persona' | 'list';
}

export class WorkspaceModel {
  private readonly docs = new Map<string, WorkspaceDocument>();
  private known: KnownSegment[] | undefined;
  private print: string | undefined;
  private matrix: NameIndex<MatrixEntry> | undefined;
  private defined: NameIndex<DefinitionEntry> | undefined;
  private personaIndex: NameIndex<PersonaEntry> | undefined;

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

  /** The matrix rows of every document by the segment they score (names/NameIndex), built once per change. */
  matrixRows(): NameIndex<MatrixEntry> {
    if (!this.matrix) {
      this.matrix = new NameIndex();
      for (const doc of this.docs.values())
        for (const row of doc.facts.matrixRows ?? []) this.matrix.add(row.name.text, { doc, row });
    }
    return this.matrix;
  }

  /** The segments every document defines by name, with stems and prefixes (names/NameIndex), built once per change. */
  definitions(): NameIndex<DefinitionEntry> {
    if (!this.defined) {
      this.defined = new NameIndex();
      for (const doc of this.docs.values())
        for (const segment of doc.facts.segments) this.defined.add(segment.name, { doc, segment });
    }
    return this.defined;
  }

  /** The personas of the workspace by the segment they belong to, built once per change. */
  personas(): NameIndex<PersonaEntry> {
    if (!this.personaIndex) {
      this.personaIndex = new NameIndex();
      for (const doc of this.docs.values()) {
        if (doc.facts.kind === 'persona')
          for (const at of doc.facts.segmentRefs) this.personaIndex.add(at.text, { doc, at, how: 'persona' });
        for (const at of doc.facts.personaSegments ?? []) this.personaIndex.add(at.text, { doc, at, how: 'list' });
      }
    }
    return this.personaIndex;
  }

  private changed(): void {
    this.print = undefined;
    this.known = undefined;
    this.matrix = undefined;
    this.defined = undefined;
    this.personaIndex = undefined;
  }
}

/** A model of the given documents (tests, and front ends that rebuild it whole). */
export function workspaceModel(docs: Iterable<WorkspaceDocument>): WorkspaceModel {
  const model = new WorkspaceModel();
  for (const d of docs) model.set(d);
  return model;
}

/** A segment of {@link segmentsWorkspace}: where it is defined, and optionally its matrix total and a persona. */
export interface WorkspaceSegmentSpec extends KnownSegment {
  /** Its total in a prioritization matrix of the defining document (the default thresholds tier it). */
  total?: number;
  /** The name of a persona document whose Segment names it. */
  persona?: string;
}

/**
 * A model holding only the given segments, each defined by a document named by its
 * `source` (tests, and fixtures that stand for the other documents of a workspace: a rule
 * fixture folder's workspace.json), with the matrix rows and personas the specs give.
 */
export function segmentsWorkspace(segments: readonly WorkspaceSegmentSpec[]): WorkspaceModel {
  const bySource = new Map<string, WorkspaceDocument>();
  const docOf = (source: string, id: string, kind: string): WorkspaceDocument => {
    let doc = bySource.get(source);
    if (!doc) {
      doc = { id, source, facts: { kind, title: '', language: 'en', segments: [], segmentRefs: [] } };
      bySource.set(source, doc);
    }
    return doc;
  };
  for (const s of segments) {
    const doc = docOf(s.source, s.id ?? s.source, 'segmentation');
    const range = s.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = { text: s.name, span: { start: 0, end: 0 }, range };
    doc.facts.segments.push({ name: s.name, at });
    if (s.total !== undefined) (doc.facts.matrixRows ??= []).push({ name: at, total: s.total, tier: tierFor(s.total) });
    if (s.persona !== undefined) docOf(s.persona, s.persona, 'persona').facts.segmentRefs.push(at);
  }
  return workspaceModel(bySource.values());
}

/** A document's facts without their places (see {@link WorkspaceModel.fingerprint}). */
export function factsFingerprint(facts: DocumentFacts): string {
  return JSON.stringify(facts, (key, value: unknown) => (key === 'span' || key === 'range' || key === 'off' ? undefined : value));
}
