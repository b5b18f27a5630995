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

/** Whether `offset` is inside one of `spans`: linear for a few, a binary search over many. */
function spanTester(spans: readonly Span[]): (offset: number) => boolean {
  if (spans.length <= 8) return (offset) => spans.some((s) => offset >= s.start && offset < s.end);
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else if (s.end > s.start) merged.push({ start: s.start, end: s.end });
  }
  return (offset) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < merged[mid]!.start) hi = mid - 1;
      else if (offset >= merged[mid]!.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Finds placeholders in `text[start, end)`; offsets are document offsets. */
export function findPlaceholders(
  text: string,
  definitions: Set<string>,
  exclude: readonly Span[] = [],
  start = 0,
  end = text.length,
): Placeholder[] {
  const out: Placeholder[] = [];
  const slice = text.slice(start, end);
  // Most lines hold neither a bracket nor a date template: skip the regular expressions.
  const dates = slice.includes('YYYY') || slice.includes('ГГГГ');
  if (!dates && !slice.includes('[')) return out;
  const inSpans = spanTester(exclude);
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
    if (inSpans(at)) continue;
    out.push({ text: m[0], span: { start: at, end: at + m[0].length } });
  }
  DATE_TEMPLATE.lastIndex = 0;
  // Bracket placeholders are in order, and so are dates: one pointer finds the one around a date.
  const brackets = out.length;
  let k = 0;
  for (let m = dates ? DATE_TEMPLATE.exec(slice) : null; m; m = DATE_TEMPLATE.exec(slice)) {
    const at = start + m.index;
    if (inSpans(at)) continue;
    while (k < brackets && out[k]!.span.end <= at) k++;
    if (k < brackets && at >= out[k]!.span.start) continue;
    out.push({ text: m[0], span: { start: at, end: at + m[0].length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Whether a field value is nothing but placeholders (and separators): an unfilled field. */
export function isPlaceholderValue(value: string, definitions: Set<string>): boolean {
  const found = findPlaceholders(value, definitions);
  if (!found.length) return false;
  const parts: string[] = [];
  let at = 0;
  for (const p of found) {
    if (p.span.start >= at) parts.push(value.slice(at, p.span.start));
    at = Math.max(at, p.span.end);
  }
  parts.push(value.slice(at));
  const rest = parts.join('');
  return /^[\s,;/+\-–—().:"«»]*$/.test(rest) || /^[\s\p{P}]*\(Year \d\)[\s\p{P}]*$/u.test(rest);
}
