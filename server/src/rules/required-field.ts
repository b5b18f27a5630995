/**
 * required-field — a section lacks a field its schema requires: Job Title, Company Size and
 * Industry in Demographics, Primary Goal, Role in Decision, Value Proposition (the persona
 * template), Segments / Resource Allocation / Expected Revenue / Strategy in a tier
 * (the prioritization matrix). A required field written with nothing after it
 * (`- **Job Title**: `) is reported too. Metadata fields belong to the metadata rule.
 * Fix: insert `- **Field**: ` after the section's last field.
 */
import { pick } from '../schemas/kinds';
import { fieldStatedElsewhere } from './matrix/allocations';
import { fieldInsertion } from './util/insert';
import { headingSpan, isEmptyValueIssue, issueSection } from './util/report';
import { defineRule } from './types';

export default defineRule({
  id: 'required-field',
  severity: 'warning',
  description: 'A field the section requires is missing or empty.',
  messages: {
    missing: 'Section "{section}" is missing the field "{field}"',
    empty: 'Field "{field}" is empty',
    insert: 'Insert field "{field}"',
  },
  check(ctx) {
    for (const issue of ctx.issues) {
      const section = issueSection(ctx.match, issue);
      if (!section || !issue.field) continue;
      const field = pick(issue.field.title, ctx.language);
      if (issue.rule === 'required-field' && issue.keyword === 'required') {
        // A tier's share stated in a Resource Allocation table or list elsewhere is there.
        if (issue.section && fieldStatedElsewhere(ctx.match, ctx.language, ctx.doc, issue.section.id, issue.field.id)) continue;
        ctx.report({
          message: 'missing',
          args: { section: section.heading.text, field },
          span: headingSpan(section),
          fixes: [
            {
              title: 'insert',
              args: { field },
              edits: [fieldInsertion(ctx.doc, section, issue.field, ctx.language)],
              preferred: true,
            },
          ],
        });
      } else if (
        (issue.rule === 'required-field' || (issue.rule === 'metadata' && !issue.section?.metadata)) &&
        isEmptyValueIssue(ctx.doc, issue)
      ) {
        // validate.ts files every value problem outside `required` under metadata; an empty
        // value of an ordinary section's field is this rule's "missing", not a metadata error.
        ctx.report({ message: 'empty', args: { field }, span: issue.source!.label.span });
      }
    }
  },
});
