/**
 * Unfilled template placeholders: `[Persona Name]`, `$[Amount]`, `[X:1]`, `YYYY-MM-DD`.
 * Not placeholders: links (`[text](url)`, `[text][ref]`, `[ref]` with a definition),
 * task-list boxes (`[ ]`, `[x]`), footnotes (`[^1]`), images, and anything in code.
 */
import { normalizeLabel } from '../parse/blocks';
import type { Span } from '../parse/text';

export interface Placeholder {
  text: string;
  span: Span;
}

const BRACKET = /(\$?)\[([^[\]\n]{1,120})\]/g;
// \b only knows ASCII word characters, so it never matches next to ГГГГ; look-arounds do.
const DATE_TEMPLATE = /(?<![\p{L}\p{N}])(?:YYYY-MM-DD|YYYY-MM|DD\.MM\.YYYY|ГГГГ-ММ-ДД|ДД\.ММ\.ГГГГ)(?![\p{L}\p{N}])/gu;

function inSpans(offset: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

/** Finds placeholders in `text[start, end)`; offsets are document offsets. */
export function findPlaceholders(text: string, definitions: Set<string>, exclude: readonly Span[] = [], start = 0, end = text.length): Placeholder[] {
  const out: Placeholder[] = [];
  const slice = text.slice(start, end);
  // Most lines hold neither a bracket nor a date template: skip the regular expressions.
  const dates = slice.includes('YYYY') || slice.includes('ГГГГ');
  if (!dates && !slice.includes('[')) return out;
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(slice); m; m = BRACKET.exec(slice)) {
    const at = start + m.index;
    const inner = m[2]!;
    const before = text[at - 1];
    const after = text[at + m[0].length];
    if (before === '!' || before === ']' || before === '\\') continue;
    // `[label]: url` definitions are skipped through `definitions` below; `- [Tool 1]: [Why]`
    // in a template is a placeholder followed by a colon, not a definition.
    if (after === '(' || after === '[') continue;
    if (/^[ xX]$/.test(inner) || inner.startsWith('^')) continue;
    if (definitions.has(normalizeLabel(inner))) continue;
    if (inSpans(at, exclude)) continue;
    out.push({ text: m[0], span: { start: at, end: at + m[0].length } });
  }
  DATE_TEMPLATE.lastIndex = 0;
  for (let m = dates ? DATE_TEMPLATE.exec(slice) : null; m; m = DATE_TEMPLATE.exec(slice)) {
    const at = start + m.index;
    if (inSpans(at, exclude)) continue;
    if (out.some((p) => at >= p.span.start && at < p.span.end)) continue;
    out.push({ text: m[0], span: { start: at, end: at + m[0].length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Whether a field value is nothing but placeholders (and separators): an unfilled field. */
export function isPlaceholderValue(value: string, definitions: Set<string>): boolean {
  const found = findPlaceholders(value, definitions);
  if (!found.length) return false;
  let rest = value;
  for (const p of found.reverse()) rest = rest.slice(0, p.span.start) + rest.slice(p.span.end);
  return /^[\s,;/+\-–—().:"«»]*$/.test(rest) || /^[\s\p{P}]*\(Year \d\)[\s\p{P}]*$/u.test(rest);
}
