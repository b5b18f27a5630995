/**
 * metadata — the document's metadata block (the persona and segmentation
 * templates' "Метаданные": Date, Author, Status; the GTM template's: Product, Date, Owner,
 * Status, Launch Date) is incomplete or wrong:
 *   - a metadata field is missing or empty → the section heading / the field; fix inserts it;
 *   - a value names none of the allowed values (a metadata value must state one first:
 *     `Draft, pending review` is Draft, `Will be approved next week` is not Approved) → the
 *     value; fix replaces it with the nearest allowed value, written in the spelling (English
 *     or Russian alias) closest to what was typed, so `Утвержденно` becomes `Утверждено`,
 *     not `Approved`. Outside the metadata block a value outside its list is the
 *     field-value rule's (a warning: prose there may name a value in a sentence);
 *   - a date is not a real YYYY-MM-DD date → the value; fix rewrites `15.01.2025` or
 *     `15 January 2025` as `2025-01-15` when it can read it.
 * Values that are still template placeholders are left to the placeholder rule.
 */
import { pick } from '../schemas/kinds';
import { findDate, isoDate } from './util/dates';
import { allowedList, enumFixes } from './util/enum';
import { fieldInsertion } from './util/insert';
import { headingSpan, isEmptyValueIssue, issueSection } from './util/report';
import type { FieldSpec } from '../schemas/kinds';
import type { SchemaIssue } from '../schemas/validate';
import type { Span } from '../parse/text';
import { defineRule, type FixSpec, type RuleContext } from './types';

export default defineRule({
  id: 'metadata',
  severity: 'error',
  description: 'A metadata field is missing or invalid.',
  messages: {
    frontMatter: 'The front matter cannot be read, so its metadata is ignored: {detail}',
    missing: 'Missing metadata field "{field}"',
    missingIn: 'Section "{section}" is missing the field "{field}"',
    empty: 'Metadata field "{field}" is empty',
    enum: '"{value}" is not an allowed value of "{field}"; expected one of: {allowed}',
    date: '"{value}" is not a real date in the form YYYY-MM-DD',
    format: '"{value}" is not a valid value of "{field}" (expected format: {format})',
    invalid: '"{value}" is not a valid value of "{field}" (schema check "{keyword}" failed)',
    insert: 'Insert field "{field}"',
    replace: 'Replace with "{value}"',
  },
  check(ctx) {
    // Front matter that does not parse holds no metadata at all: say where it breaks.
    const broken = ctx.doc.frontMatter?.error;
    // (The YAML library's "at line 2, column 14:" counts inside the front matter; the span says where.)
    if (broken)
      ctx.report({
        message: 'frontMatter',
        args: { detail: broken.message.replace(/\s+at line \d+, column \d+:?\s*$/, '') },
        span: broken.span,
      });
    for (const issue of ctx.issues) {
      if (issue.rule !== 'metadata') continue;
      // A value outside its list outside the metadata block is field-value's.
      if (issue.keyword === 'enum' && !issue.section?.metadata) continue;
      const spec = issue.field;
      const section = issueSection(ctx.match, issue);
      if (!spec || !section) continue;
      const field = pick(spec.title, ctx.language);
      const source = issue.source;
      const value = source?.value.text ?? '';

      if (issue.keyword === 'required') {
        const inMetadata = issue.section?.metadata === true;
        ctx.report({
          message: inMetadata ? 'missing' : 'missingIn',
          args: inMetadata ? { field } : { section: section.heading.text, field },
          span: headingSpan(section),
          fixes: [
            { title: 'insert', args: { field }, edits: [fieldInsertion(ctx.doc, section, spec, ctx.language)], preferred: true },
          ],
        });
        continue;
      }
      if (isEmptyValueIssue(ctx.doc, issue)) {
        // Outside the metadata block an empty field is required-field's business.
        if (issue.section?.metadata) ctx.report({ message: 'empty', args: { field }, span: source!.label.span });
        continue;
      }
      if (!source) continue;
      // An empty value that is not "empty" continues in a nested list or on the next line.
      if (issue.keyword === 'minLength' && source.value.text === '') continue;
      const span = source.value.span;

      reportValue(ctx, issue, spec, { field, value, span });
    }
  },
});

/** A value the schema rejects: not one of the allowed values, not a real date, or another check. */
function reportValue(
  ctx: RuleContext<Record<string, unknown>>,
  issue: SchemaIssue,
  spec: FieldSpec,
  { field, value, span }: { field: string; value: string; span: Span },
): void {
  if (issue.keyword === 'enum') {
    ctx.report({
      message: 'enum',
      args: { value, field, allowed: allowedList(spec, ctx.language) },
      span,
      fixes: enumFixes(spec, value, span, ctx.language),
    });
  } else if (issue.keyword === 'format' && (issue.params as { format?: string }).format === 'date') {
    const found = findDate(value);
    const fixes: FixSpec[] = [];
    if (found?.precision === 'day') {
      const iso = isoDate(found.date);
      const replaced = value.slice(0, found.start) + iso + value.slice(found.end);
      if (replaced !== value)
        fixes.push({ title: 'replace', args: { value: iso }, edits: [{ span, newText: replaced }], preferred: true });
    }
    ctx.report({ message: 'date', args: { value }, span, fixes });
  } else if (issue.keyword === 'format') {
    ctx.report({
      message: 'format',
      args: { value, field, format: String((issue.params as { format?: string }).format ?? '') },
      span,
    });
  } else {
    ctx.report({ message: 'invalid', args: { value, field, keyword: issue.keyword }, span });
  }
}
