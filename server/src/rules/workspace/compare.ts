/**
 * What the rules that compare documents share: which document of the model is the one being
 * checked (the CLI names it; a front end that does not may still hold its facts), the places
 * of other documents as related information, and name lookups with near misses among a given
 * list of segments (a matrix in a segmentation scores that document's own segments).
 */
import type { KnownSegment, RelatedSpec, WorkspaceRuleContext } from '../types';
import type { MessageArgs } from '../../l10n';
import { segmentNameKey } from '../../model/segments';
import { KnownSegmentIndex, type ReferenceMatch } from '../segments/known';
import type { DefinedSegment, DocumentFacts, Located } from './facts';
import { factsFingerprint, type WorkspaceDocument, type WorkspaceModel } from './model';
import { NameIndex } from './names';

const prints = new WeakMap<DocumentFacts, string>();

function printOf(facts: DocumentFacts): string {
  let p = prints.get(facts);
  if (p === undefined) prints.set(facts, (p = factsFingerprint(facts)));
  return p;
}

/**
 * Whether a document of the model is the checked one: its id is `self`, or — when the front
 * end gives no id — its facts are the checked document's (the same object, or the same facts
 * from an earlier check of the same text).
 */
export function isSelf(doc: WorkspaceDocument, facts: DocumentFacts, self: string | undefined): boolean {
  if (self !== undefined) return doc.id === self;
  return doc.facts === facts || printOf(doc.facts) === printOf(facts);
}

/** A related place in another document. */
export function relatedAt(doc: WorkspaceDocument, at: Located, message: string, args: MessageArgs = {}): RelatedSpec {
  return { id: doc.id, range: at.range, message, args };
}

/** How a name is judged against a list of segments: known (by key, stems, prefix or whole name inside), a near miss of one, or unknown. */
export class SegmentList {
  private readonly names = new NameIndex<DefinedSegment>();
  private readonly index: KnownSegmentIndex;

  constructor(segments: readonly DefinedSegment[], source: string, id?: string) {
    for (const s of segments) this.names.add(s.name, s);
    const known: KnownSegment[] = segments.map((s) => ({
      name: s.name,
      source,
      ...(id !== undefined ? { id } : {}),
      range: s.at.range,
    }));
    this.index = new KnownSegmentIndex(known);
  }

  get empty(): boolean {
    return this.index.empty;
  }

  match(name: string): ReferenceMatch {
    if (this.names.has(name)) return { kind: 'known' };
    return this.index.match(segmentNameKey(name));
  }

  listed(): string {
    return this.index.listed();
  }
}

/** How a name is judged against every segment the workspace defines. */
export function workspaceMatch(model: WorkspaceModel, name: string): ReferenceMatch {
  if (model.definitions().has(name)) return { kind: 'known' };
  return model.segmentIndex().match(segmentNameKey(name));
}

/**
 * Reports a name that should name a defined segment, as unknown-segment, gtm-unknown-segment
 * and matrix-unknown-segment do: a near miss with a fix that writes the defined name (and, when
 * `defined` names a message, the definition as a related place), an unknown name with the
 * `unknown` message listing `known`. A known name is not reported.
 */
export function reportSegmentName(
  ctx: Pick<WorkspaceRuleContext<object>, 'report'>,
  at: Located,
  match: ReferenceMatch,
  messages: { unknown: string; known: string; defined?: string },
): void {
  if (match.kind === 'typo') {
    const { name, source, id, range } = match.segment;
    const defined = messages.defined;
    ctx.report({
      message: 'typo',
      args: { segment: at.text, name, source },
      at,
      fixes: [{ title: 'replace', args: { name }, edits: [{ at, newText: name }], preferred: true }],
      ...(defined && id !== undefined && range ? { related: [{ id, range, message: defined, args: { name } }] } : {}),
    });
  } else if (match.kind === 'unknown') {
    ctx.report({ message: messages.unknown, args: { segment: at.text, known: messages.known }, at });
  }
}
