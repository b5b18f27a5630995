/**
 * metadata — the document's metadata block (seed 000's "Метаданные": Date, Author, Status;
 * seed 001's: Product, Date, Owner, Status, Launch Date) is incomplete or wrong, and enum
 * fields anywhere hold a value outside their list (Status, persona Role in Decision):
 *   - a metadata field is missing or empty → the section heading / the field; fix inserts it;
 *   - a value is not one of the allowed values → the value; fix replaces it with the nearest
 *     allowed value, written in the spelling (English or Russian alias) closest to what was
 *     typed, so `Утвержденно` becomes `Утверждено`, not `Approved`;
 *   - a date is not a real YYYY-MM-DD date → the value; fix rewrites `15.01.2025` or
 *     `15 January 2025` as `2025-01-15` when it can read it.
 * Values that are still template placeholders are left to the placeholder rule.
 */
import type { Language } from '../model/types';
import { pick, type FieldSpec } from '../schemas/kinds';
import { findDate, isoDate } from './util/dates';
import { enumParts, isNear, suggestions } from './util/enum';
import { fieldInsertion } from './util/insert';
import { headingSpan, isEmptyValueIssue, issueSection } from './util/report';
import { defineRule, type FixSpec } from './types';

/** Allowed values for a message: canonical values, with their Russian name in Russian documents. */
function allowedList(field: FieldSpec, language: Language): string {
  return (field.enum ?? [])
    .map((v) => {
      const ru = spelling(field, v, language);
      return ru !== v ? `${v} (${ru})` : v;
    })
    .join(', ');
}

export default defineRule({
  id: 'metadata',
  severity: 'error',
  description: 'A metadata field is missing or invalid, or a field holds a value outside its allowed list.',
  messages: {
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
    for (const issue of ctx.issues) {
      if (issue.rule !== 'metadata') continue;
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
          fixes: [{ title: 'insert', args: { field }, edits: [fieldInsertion(ctx.doc, section, spec, ctx.language)], preferred: true }],
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
          if (replaced !== value) fixes.push({ title: 'replace', args: { value: iso }, edits: [{ span, newText: replaced }], preferred: true });
        }
        ctx.report({ message: 'date', args: { value }, span, fixes });
      } else if (issue.keyword === 'format') {
        ctx.report({ message: 'format', args: { value, field, format: String((issue.params as { format?: string }).format ?? '') }, span });
      } else {
        ctx.report({ message: 'invalid', args: { value, field, keyword: issue.keyword }, span });
      }
    }
  },
});

/**
 * Fixes for a value outside the enum. Only the parts that name no allowed value are replaced,
 * so `Economic buyer / Influnecer` keeps its first half. When the nearest value is plausibly
 * what was meant there is one preferred fix, in the spelling closest to what was typed;
 * otherwise every allowed value is offered and none is preferred.
 */
function enumFixes(spec: FieldSpec, value: string, span: { start: number; end: number }, language: Language): FixSpec[] {
  const parts = enumParts(spec, value);
  const unknown = parts.filter((p) => !p.value);
  if (!unknown.length) return [];
  const nearest = unknown.map((p) => ({ part: p, best: suggestions(spec, p.text)[0]! }));
  if (nearest.some((n) => !n.best)) return [];
  const allNear = nearest.every((n) => isNear(n.best, n.part.text));
  const rewrite = (choose: (i: number) => string): string => {
    let out = value;
    for (let i = unknown.length - 1; i >= 0; i--) {
      const p = unknown[i]!;
      out = out.slice(0, p.start) + choose(i) + out.slice(p.end);
    }
    return out;
  };
  const fix = (text: string, preferred: boolean): FixSpec => ({ title: 'replace', args: { value: text }, edits: [{ span, newText: text }], preferred });
  if (allNear || unknown.length > 1) {
    return [fix(rewrite((i) => nearest[i]!.best.name), allNear)];
  }
  // Nothing is close: offer every value, in the document's language and the schema's order.
  return (spec.enum ?? []).map((v) => fix(rewrite(() => spelling(spec, v, language)), false));
}

/** How a value is written in a document of `language`: its first Russian alias in Russian. */
function spelling(spec: FieldSpec, value: string, language: Language): string {
  if (language !== 'ru') return value;
  return spec.enumNames.find((n) => n.value === value && /[\u0400-\u04FF]/.test(n.name))?.name ?? value;
}
