/**
 * field-value — a field with a list of allowed values (persona Role in Decision, Confidence
 * Level) names none of them. Outside the metadata block people describe rather than state:
 * `Technical evaluator and champion; the VP Engineering signs`, `Mostly the economic buyer —
 * signs off on anything above $50k`, `Влияет на решение, но подписывает CFO` all name a value
 * (schemas/enum-value.ts decides, in both languages), so only a text that names none, or
 * names one only to deny it (`not the economic buyer`), is reported — as a warning, with the
 * list of allowed values and the quick fix "Replace with …" (the nearest value in the
 * spelling closest to what was typed, or every value when none is near).
 *
 * The metadata block (Status, …) stays strict and is the metadata rule's.
 * Values that are still template placeholders are left to the placeholder rule.
 */
import { canonicalEnum } from '../schemas/enum-value';
import { pick } from '../schemas/kinds';
import { allowedList, enumFixes } from './util/enum';
import { issueSection } from './util/report';
import { defineRule } from './types';

export default defineRule({
  id: 'field-value',
  severity: 'warning',
  description: 'A field holds a value outside its allowed list.',
  messages: {
    enum: '"{value}" is not an allowed value of "{field}"; expected one of: {allowed}',
    empty: 'Field "{field}" is empty; expected one of: {allowed}',
    replace: 'Replace with "{value}"',
  },
  check(ctx) {
    for (const issue of ctx.issues) {
      // validate.ts files value problems under metadata unless the schema names a rule.
      if (issue.keyword !== 'enum' || issue.section?.metadata) continue;
      if (issue.rule !== 'metadata' && issue.rule !== 'field-value') continue;
      const spec = issue.field;
      const source = issue.source;
      if (!spec || !source || !issueSection(ctx.match, issue)) continue;
      const field = pick(spec.title, ctx.language);
      const allowed = allowedList(spec, ctx.language);
      const value = source.value.text;
      if (value === '') {
        // `**Role in Decision**:` over a nested list: the items hold the value.
        if (source.items.some((item) => canonicalEnum(spec, item.text) !== undefined)) continue;
        if (source.items.length === 0) ctx.report({ message: 'empty', args: { field, allowed }, span: source.label.span });
        continue;
      }
      const span = source.value.span;
      ctx.report({ message: 'enum', args: { value, field, allowed }, span, fixes: enumFixes(spec, value, span, ctx.language) });
    }
  },
});
