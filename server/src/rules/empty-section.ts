/**
 * empty-section — a required section is there but holds nothing: a heading with no text,
 * list, table or other block under it (HTML comments do not count). An empty heading passes
 * required-section while telling the reader nothing, so it is reported on its own.
 * Fix: fill the section with its template (which the placeholder rule then tracks).
 */
import { pick } from '../schemas/kinds';
import { hasContent } from '../schemas/validate';
import { headingSpan } from './util/report';
import { unparsedRegions } from './util/skipped';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-section',
  severity: 'warning',
  description: 'A required section has a heading but no content.',
  messages: {
    empty: 'Section "{section}" is empty',
    fill: 'Insert the template of "{section}"',
  },
  check(ctx) {
    const { doc } = ctx;
    // A section whose body was not parsed (parse-limit) looks empty but is not.
    const unparsed = unparsedRegions(doc);
    for (const [id, section] of ctx.match.byId) {
      const spec = ctx.kind.sections.find((s) => s.id === id);
      if (!spec?.required || hasContent(section)) continue;
      if (unparsed.some((r) => r.start < section.span.end && section.heading.span.start < r.end)) continue;
      const name = section.heading.text;
      const body = pick(spec.template, ctx.language);
      const fixes = [];
      if (body.trim()) {
        const eol = doc.lines.eol;
        const line = doc.lines.lineAt(Math.max(section.heading.span.end - 1, section.heading.span.start));
        const at = doc.lines.lineEnd(line);
        const next =
          line + 1 < doc.lines.lineCount ? doc.text.slice(doc.lines.lineStart(line + 1), doc.lines.lineEnd(line + 1)) : '';
        const text = eol + eol + body.replace(/\r?\n/g, eol) + (next.trim() ? eol : '');
        fixes.push({ title: 'fill', args: { section: name }, edits: [{ span: { start: at, end: at }, newText: text }] });
      }
      ctx.report({ message: 'empty', args: { section: name }, span: headingSpan(section), fixes });
    }
  },
});
