/**
 * Small helpers the rules share: where to point at a section, and how a section is named in
 * a message.
 */
import type { Field, Heading, Language, Section, SegDocument } from '../../model/types';
import type { Span } from '../../parse/text';
import { pick, type SectionSpec } from '../../schemas/kinds';
import type { KindMatch, SchemaIssue } from '../../schemas/validate';

/** The span of a section heading's text; the whole heading line when it has no text. */
export function headingSpan(section: Section): Span {
  return headingTextSpan(section.heading);
}

function headingTextSpan(heading: Heading): Span {
  return heading.textSpan.end > heading.textSpan.start ? heading.textSpan : heading.span;
}

/**
 * Where a document-level finding goes: the H1 title's text, else the first heading, else
 * the start of the document (a zero-length span still shows in the editor).
 */
export function documentSpan(doc: SegDocument): Span {
  if (doc.title) return headingTextSpan(doc.title);
  const first = doc.allSections[0];
  if (first) return headingSpan(first);
  return { start: 0, end: 0 };
}

/** A section's name for messages: its title in the document's language. */
export function sectionTitle(spec: SectionSpec, language: Language): string {
  return pick(spec.title, language);
}

/** The present section a schema issue is about (the first heading naming it). */
export function issueSection(match: KindMatch, issue: SchemaIssue): Section | undefined {
  return issue.section ? match.byId.get(issue.section.id) : undefined;
}

/**
 * Whether a schema issue says a field is there but has nothing in it (`**Author**:` with no
 * value). A field whose value sits in nested list items under it is not empty, and neither
 * is one whose value continues on the next line of the same paragraph, as the comprehensive
 * persona writes `**Value Proposition for This Persona**:` with the text on the line below.
 */
export function isEmptyValueIssue(doc: SegDocument, issue: SchemaIssue): boolean {
  return issue.keyword === 'minLength' && issue.source !== undefined && isEmptyField(doc, issue.source);
}

/** Whether a field has nothing in it: no value, no nested items, no text on the next line. */
export function isEmptyField(doc: SegDocument, field: Field): boolean {
  if (field.value.text !== '' || field.items.length > 0) return false;
  const next = doc.lines.lineAt(field.span.end) + 1;
  if (next >= doc.lines.lineCount) return true;
  const text = doc.text.slice(doc.lines.lineStart(next), doc.lines.lineEnd(next)).trim();
  // A blank line, a heading, a list item (nested items are already in field.items) or
  // another field ends the value; a plain line of text continues it.
  return (
    text === '' || /^#{1,6}(\s|$)/.test(text) || /^([-*+]|\d+[.)])(\s|$)/.test(text) || /^\*\*[^*]+(\*\*\s*:|:\*\*)/.test(text)
  );
}
