/**
 * Templates as snippets: template placeholders (`[Specific titles]`, as
 * model/placeholders.ts finds them) become tabstops whose default keeps the brackets, so a
 * placeholder left as it is is still reported by the placeholder rule.
 */
import { findPlaceholders } from '../../model/placeholders';
import { escapeSnippetText as escapeSnippet } from '../templates';

export { escapeSnippet };

/**
 * A template as a snippet: each placeholder becomes a tabstop whose default is the
 * placeholder itself; everything else is escaped.
 */
export function templateSnippet(template: string): string {
  let out = '';
  let pos = 0;
  let n = 0;
  for (const p of findPlaceholders(template, new Set())) {
    out += escapeSnippet(template.slice(pos, p.span.start));
    out += `\${${++n}:${escapeSnippet(p.text)}}`;
    pos = p.span.end;
  }
  return out + escapeSnippet(template.slice(pos));
}
