/**
 * required-section — a section the kind's schema requires is missing (seed 000 persona
 * template, seed 000/001 save templates). Fix: insert the section template at its place in
 * template order.
 */
import { sectionInsertion } from './util/insert';
import { defineRule } from './types';

export default defineRule({
  id: 'required-section',
  severity: 'error',
  description: {
    en: 'A section the document kind requires is missing.',
    ru: 'Отсутствует раздел, обязательный для этого вида документа.',
  },
  messages: {
    missing: { en: 'Missing required section "{section}"', ru: 'Отсутствует обязательный раздел «{section}»' },
    insert: { en: 'Insert section "{section}"', ru: 'Вставить раздел «{section}»' },
  },
  check(ctx) {
    for (const issue of ctx.issues) {
      if (issue.rule !== 'required-section' || !issue.section) continue;
      const spec = issue.section;
      const title = ctx.language === 'ru' ? spec.title.ru : spec.title.en;
      ctx.report({
        message: 'missing',
        args: { section: title },
        span: issue.span,
        fixes: [{ title: 'insert', args: { section: title }, edits: [sectionInsertion(ctx.doc, ctx.kind, ctx.match, spec, ctx.language)], preferred: true }],
      });
    }
  },
});
