/**
 * Parts of a document that were not parsed (parse-limit) still hold text. A rule that says
 * "section X is missing" would be wrong when X sits in such a part, and any finding inside
 * one would contradict the parse-limit diagnostic that says the part was not checked. This
 * finds those parts, and the headings in them with a plain line scan, so rules can stay quiet.
 */
import { normalizeHeading } from '../../model/normalize';
import type { SegDocument } from '../../model/types';
import type { Span } from '../../parse/text';
import type { SectionSpec } from '../../schemas/kinds';

const ATX_LINE = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;
const ATX_START = /^#{1,6}(?:[ \t]|$)/gm;

/**
 * The regions of the text that were not parsed. A skipped chunk runs from the column-0
 * heading at or before the reported place to the next heading that was parsed.
 */
export function unparsedRegions(doc: SegDocument): Span[] {
  if (!doc.skipped.length) return [];
  const parsedStarts = doc.allSections.map((s) => s.heading.span.start).sort((a, b) => a - b);
  return doc.skipped.map((part) => {
    if (part.reason === 'document-length') return { start: 0, end: doc.text.length };
    let start = 0;
    const before = doc.text.slice(0, part.span.start + 1);
    ATX_START.lastIndex = 0;
    for (let m = ATX_START.exec(before); m; m = ATX_START.exec(before)) start = m.index;
    const end = parsedStarts.find((s) => s > part.span.start) ?? doc.text.length;
    return { start, end };
  });
}

/** Normalised texts of the column-0 ATX headings inside parts of the document that were not parsed. */
export function unparsedHeadings(doc: SegDocument): Set<string> {
  const out = new Set<string>();
  for (const { start, end } of unparsedRegions(doc)) {
    const region = doc.text.slice(start, end);
    ATX_LINE.lastIndex = 0;
    for (let m = ATX_LINE.exec(region); m; m = ATX_LINE.exec(region)) out.add(normalizeHeading(m[1]!));
  }
  return out;
}

/** Whether a section may be present in a part of the document that was not parsed. */
export function maybeUnparsed(spec: SectionSpec, headings: Set<string>): boolean {
  for (const h of headings) if (spec.keys.has(h)) return true;
  return false;
}
