/**
 * Where an offset is in the document's structure: the sections around it, the segment it is
 * in, and the spec of a field written there. Completion and hover both ask.
 */
import type { Segment } from '../../model/segments';
import type { Section, SegDocument } from '../../model/types';
import { fieldForKey, type FieldSpec, type KindSchema, type SectionSpec } from '../../schemas/kinds';
import type { KindMatch } from '../../schemas/validate';
import { segmentsOf } from '../../rules/segments/vocabulary';
import type { LintResult } from '../engine';

/** The sections containing `offset`, outermost first. */
export function sectionChain(doc: SegDocument, offset: number): Section[] {
  const chain: Section[] = [];
  let list = doc.sections;
  for (;;) {
    const s = list.find(
      (x) => x.span.start <= offset && (offset < x.span.end || (offset === x.span.end && offset === doc.text.length)),
    );
    if (!s) return chain;
    chain.push(s);
    list = s.children;
  }
}

/** The innermost section named after a section of the kind, among `chain`. */
export function keyedSection(chain: readonly Section[]): Section | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]!.key) return chain[i];
  return undefined;
}

/** The segment whose body holds `offset`: the innermost heading segment, else a block segment. */
export function segmentAt(doc: SegDocument, match: KindMatch, kind: KindSchema, offset: number): Segment | undefined {
  let found: Segment | undefined;
  for (const s of segmentsOf(doc, match, kind)) {
    if (s.source === 'table') continue;
    const end = s.source === 'heading' ? s.span.end : doc.lines.lineEnd(doc.lines.lineAt(Math.max(s.span.start, s.span.end - 1)));
    if (s.span.start <= offset && offset <= end && (!found || s.span.start >= found.span.start)) found = s;
  }
  return found;
}

/**
 * The spec of a field written at `offset` with normalised label `key`: the field of the
 * section it is in, else a segment field when it is inside a segment, else a field of that
 * name anywhere in the kind.
 */
export function fieldSpecAt(
  result: LintResult,
  offset: number,
  key: string,
): { spec: FieldSpec; section?: SectionSpec } | undefined {
  const { doc, match, detection } = result;
  if (!match || !detection) return undefined;
  const kind = detection.kind;
  const keyed = keyedSection(sectionChain(doc, offset));
  const sectionSpec = keyed ? kind.sections.find((s) => s.id === keyed.key) : undefined;
  const own = sectionSpec ? fieldForKey(sectionSpec, key) : undefined;
  if (own && sectionSpec) return { spec: own, section: sectionSpec };
  if (segmentAt(doc, match, kind, offset)) {
    const seg = kind.segmentFields.find((f) => f.keys.has(key));
    if (seg) return { spec: seg };
  }
  for (const s of kind.sections) {
    const f = fieldForKey(s, key);
    if (f) return { spec: f, section: s };
  }
  const seg = kind.segmentFields.find((f) => f.keys.has(key));
  return seg ? { spec: seg } : undefined;
}
