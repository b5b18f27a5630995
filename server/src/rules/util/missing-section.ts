/**
 * The finding of a section the kind asks for that the document lacks, shared by
 * required-section and recommended-section: at the document's start, with a fix inserting the
 * section's template at its place in template order and, when a heading is probably meant to
 * be that section (`match.probable`), a second fix renaming it. The rule's catalogue has the
 * messages `missing`, `missingNear`, `insert` and `rename`.
 */
import type { SectionSpec } from '../../schemas/kinds';
import type { RuleContext } from '../types';
import { renameHeading, sectionInsertion } from './insert';
import { documentSpan, sectionTitle } from './report';

export function reportMissingSection(ctx: RuleContext<unknown>, spec: SectionSpec): void {
  const title = sectionTitle(spec, ctx.language);
  const near = ctx.match.probable.get(spec.id);
  ctx.report({
    message: near ? 'missingNear' : 'missing',
    args: near ? { section: title, heading: near.heading.text } : { section: title },
    span: documentSpan(ctx.doc),
    fixes: [
      {
        title: 'insert',
        args: { section: title },
        edits: [sectionInsertion(ctx.doc, ctx.kind, ctx.match, spec, ctx.language)],
        preferred: true,
      },
      ...(near
        ? [{ title: 'rename', args: { heading: near.heading.text, section: title }, edits: [renameHeading(near, title)] }]
        : []),
    ],
  });
}
