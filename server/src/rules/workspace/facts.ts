/**
 * What one document contributes to the workspace (docs/workspace.md): the segments it
 * defines, the segments it names, and where — as plain, serialisable data taken from the
 * document's model once, when it is checked. The rules that compare documents read these
 * facts, never another document's model, so a front end may drop a document's text and
 * tree once its findings and its facts are taken (the CLI does, over thousands of files),
 * and a worker thread may hand the facts back to the thread that compares them.
 *
 * Every place is {@link Located}: its text, its offsets and its LSP range (UTF-16 columns),
 * and the workspace rules disabled there by the document's own disable comments, so that a
 * finding about the place needs nothing but the facts.
 */
import type { SegDocument } from '../../model/types';
import type { Range, Span } from '../../parse/text';
import { isPlaceholderValue } from '../../model/placeholders';
import type { Detection } from '../../schemas/detect';
import type { KindMatch } from '../../schemas/validate';
import type { Language } from '../../model/types';
import { segmentReferenceFields } from '../segments/references';
import { segmentsOf } from '../segments/vocabulary';
import type { TierThresholds } from '../matrix/evaluate';
import { segmentKey } from '../matrix/names';
import { matrixRowFacts, personaSegmentFacts, targetFacts, tierFacts } from './extract';

/** A place in the document, with what a finding about it needs. */
export interface Located {
  text: string;
  span: Span;
  range: Range;
  /** The workspace rules a disable comment turns off here (absent when none). */
  off?: string[];
}

export interface DefinedSegment {
  /** The name as written (parentheticals included). */
  name: string;
  at: Located;
}

/** A tier (1–3) a document states: a segment's Priority, a persona's Tier, a matrix row's Tier cell. */
export interface StatedTier {
  tier: number;
  at: Located;
}

/** A row of a prioritization matrix. */
export interface MatrixRowFact {
  /** The segment the row scores, as written in its Segment cell. */
  name: Located;
  /** The row's total as computed from its scores, when they are all given. */
  total?: number;
  /** The tier that total implies under the document's tier thresholds. */
  tier?: number;
  /** The tier its Tier cell states, if any. */
  stated?: StatedTier;
}

/** A tier stated for a segment outside a matrix (a segment's `**Priority**:`, a persona's `**Priority**:`, a tier section's list). */
export interface SegmentTierFact {
  /** The segment, as the document names it (for a persona: its Segment value). */
  segment: string;
  stated: StatedTier;
  /** `persona`: a persona's Priority; `priority`: a segment's own Priority field; `listed`: a name under a prioritization's tier section. */
  how: 'persona' | 'priority' | 'listed';
}

/** A relative link to another document or a heading. */
export interface LinkFact {
  /** The link's destination as written (`../personas/dana.md#goals`). */
  target: string;
  at: Located;
}

export interface DocumentFacts {
  kind: string;
  /** The document's title (H1) as written; '' when it has none. */
  title: string;
  language: Language;
  /** The segments the document defines, in document order (placeholders left out). */
  segments: DefinedSegment[];
  /** Values naming a segment defined elsewhere (a persona's `**Segment**:`), placeholders left out. */
  segmentRefs: Located[];
  /** The rows of the document's prioritization matrices. */
  matrixRows?: MatrixRowFact[];
  /** Tiers the document states for segments outside a matrix. */
  tiers?: SegmentTierFact[];
  /** The segments a GTM plan targets (its Target Segments), as written. */
  targets?: Located[];
  /** Relative links to other documents or headings. */
  links?: LinkFact[];
  /** The slugs of the document's headings, as link anchors (`#goals`). */
  anchors?: string[];
  /** The segments a segmentation's Buyer Personas list gives a persona, as written (the segment part of each item). */
  personaSegments?: Located[];
}

/** What extracting the facts needs besides the document: the tier thresholds of its config (score-tier's options). */
export interface FactsOptions {
  thresholds?: TierThresholds;
}

/** Answers whether a rule is disabled at an offset (services/suppress.ts `Suppressions`). */
export interface SuppressionQuery {
  isSuppressed(rule: string, offset: number): boolean;
}

/** Builds {@link Located} places of one document. */
export class Locator {
  constructor(
    private readonly doc: SegDocument,
    private readonly suppress: SuppressionQuery,
    /** The ids of the rules that read the workspace. */
    private readonly rules: readonly string[],
  ) {}

  at(span: Span, text = this.doc.text.slice(span.start, span.end)): Located {
    const off = this.rules.filter((id) => this.suppress.isSuppressed(id, span.start));
    return {
      text,
      span: { start: span.start, end: span.end },
      range: this.doc.lines.rangeOf(span),
      ...(off.length ? { off } : {}),
    };
  }
}

/** The facts of a checked segdoc document. */
export function extractFacts(
  doc: SegDocument,
  detection: Detection,
  match: KindMatch,
  locator: Locator,
  options: FactsOptions = {},
): DocumentFacts {
  const kind = detection.kind;
  const segments = segmentsOf(doc, match, kind)
    .filter((s) => !s.placeholder && s.name.trim() !== '')
    .map((s) => ({ name: s.name, at: locator.at(s.nameSpan.end > s.nameSpan.start ? s.nameSpan : s.span, s.name) }));
  const segmentRefs: Located[] = [];
  for (const field of segmentReferenceFields(doc, kind)) {
    const value = field.value.text.trim();
    if (!value || isPlaceholderValue(value, doc.definitions)) continue;
    segmentRefs.push(locator.at(field.value.span, value));
  }
  const facts: DocumentFacts = { kind: kind.kind, title: doc.title?.text ?? '', language: doc.language, segments, segmentRefs };
  const matrixRows = matrixRowFacts(doc, locator, options.thresholds);
  if (matrixRows.length) facts.matrixRows = matrixRows;
  const rowKeys = new Set(matrixRows.map((r) => segmentKey(r.name.text)));
  const tiers = tierFacts(doc, match, kind, locator, segmentRefs, rowKeys);
  if (tiers.length) facts.tiers = tiers;
  if (kind.kind === 'gtm') {
    const targets = targetFacts(doc, match, locator);
    if (targets.length) facts.targets = targets;
  }
  const personaSegments = personaSegmentFacts(doc, match, locator);
  if (personaSegments.length) facts.personaSegments = personaSegments;
  return facts;
}
