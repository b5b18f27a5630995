/**
 * The outline of a segdoc document, as plain data (the language server turns it into
 * DocumentSymbols, lsp/symbols.ts): the section tree, where
 * - the title of a persona document is the persona (named without the `Persona:` prefix the
 *   kind's detection pattern matches), with the kind's title as detail;
 * - a segment heading (`### Segment 1: Cloud-Native Startups`) is the segment, named as the
 *   segment, with its criteria met (`4/5 criteria`) as detail;
 * - segments written as `**Segment**: Name` blocks or table rows, and the rows of
 *   prioritization matrices (`Total 34 · Tier 1`), are symbols inside the section that holds
 *   them.
 * The details are the score tallies' (services/scores.ts), so the outline says what the code
 * lenses say.
 */
import type { Language, Section, SegDocument } from '../model/types';
import type { Range, Span } from '../parse/text';
import { pick, type KindSchema } from '../schemas/kinds';
import type { KindMatch } from '../schemas/validate';
import { evaluateMatrices } from '../rules/matrix/evaluate';
import { segmentsOf } from '../rules/segments/vocabulary';
import type { LintResult } from './engine';
import { computeScores, matrixRowTitle, scoreText, type Scores } from './scores';

export type OutlineKind = 'title' | 'section' | 'persona' | 'segment' | 'matrix-row';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** Everything the symbol covers (a section with its subsections, a table row). */
  span: Span;
  /** What is selected when the symbol is picked (a heading's text, a name); inside `span`. */
  selectionSpan: Span;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The kind whose documents are personas: its title names the persona. */
export const PERSONA_KIND = 'persona';

/** A persona's name from its document title: the text after the kind's `Persona:` prefix. */
export function personaName(kind: KindSchema, title: string): string {
  for (const re of kind.headingPatterns) {
    const m = re.exec(title);
    if (m && m.index === 0 && m[0].length < title.length) {
      const rest = title.slice(m[0].length).trim();
      if (rest) return rest;
    }
  }
  return title;
}

/** `span`, or `fallback` when `span` is empty (a symbol's selection must hold something). */
export function nonEmpty(span: Span, fallback: Span): Span {
  return span.end > span.start ? span : fallback;
}

function outlineSymbol(
  doc: SegDocument,
  name: string,
  detail: string,
  kind: OutlineKind,
  span: Span,
  selection: Span,
): OutlineSymbol {
  return {
    name: name || '—',
    detail,
    kind,
    span,
    selectionSpan: selection,
    range: doc.lines.rangeOf(span),
    selectionRange: doc.lines.rangeOf(selection),
    children: [],
  };
}

/**
 * The outline of a checked document; empty when it is not a segdoc document (an editor has
 * its own Markdown outline for those).
 */
export function documentOutline(result: LintResult, scores: Scores | null = computeScores(result)): OutlineSymbol[] {
  const { doc, detection, match, locale } = result;
  if (!detection || !match || !scores) return [];
  const kind = detection.kind;
  const { headingSegments, inside } = segmentSymbols(doc, match, kind, scores, locale);
  inside.push(...matrixRowSymbols(doc, scores, locale));
  const symbolOf = (s: Section): OutlineSymbol => {
    const symbol = headingSegments.get(s) ?? sectionSymbol(doc, kind, s, locale);
    symbol.children = s.children.map(symbolOf);
    return symbol;
  };
  const roots = doc.sections.map(symbolOf);
  placeInSections(roots, inside);
  return roots;
}

/**
 * The segments, with the criteria the tallies count (same order: both come from segmentsOf):
 * those that are a heading by their section, the others (blocks and table rows) to be placed
 * inside the section holding them.
 */
function segmentSymbols(
  doc: SegDocument,
  match: KindMatch,
  kind: KindSchema,
  scores: Scores,
  locale: Language,
): { headingSegments: Map<Section, OutlineSymbol>; inside: OutlineSymbol[] } {
  const headingSegments = new Map<Section, OutlineSymbol>();
  const inside: OutlineSymbol[] = [];
  segmentsOf(doc, match, kind).forEach((s, i) => {
    if (s.placeholder && s.source !== 'heading') return;
    const score = scores.segments.items[i];
    const detail = score ? scoreText('criteria', locale, { met: score.met, of: score.of }) : '';
    if (s.source === 'heading' && s.section) {
      const heading = s.section.heading;
      headingSegments.set(
        s.section,
        outlineSymbol(
          doc,
          s.name,
          detail,
          'segment',
          s.section.span,
          nonEmpty(s.nameSpan, nonEmpty(heading.textSpan, heading.span)),
        ),
      );
    } else {
      inside.push(outlineSymbol(doc, s.name, detail, 'segment', s.span, nonEmpty(s.nameSpan, s.span)));
    }
  });
  return { headingSegments, inside };
}

/** The matrix rows, with the total and tier the tallies show. */
function matrixRowSymbols(doc: SegDocument, scores: Scores, locale: Language): OutlineSymbol[] {
  return evaluateMatrices(doc).flatMap((m, i) =>
    m.rows.map((r, j) => {
      const row = scores.matrices.items[i]?.rows[j];
      const detail = row ? matrixRowTitle(row, doc.language, locale) : '';
      return outlineSymbol(doc, r.segment, detail, 'matrix-row', r.rowSpan, nonEmpty(r.segmentSpan, r.rowSpan));
    }),
  );
}

/** A section that is not a segment: the title (the persona of a persona document), or a section with its title in the kind when written otherwise. */
function sectionSymbol(doc: SegDocument, kind: KindSchema, s: Section, locale: Language): OutlineSymbol {
  const heading = s.heading;
  const selection = nonEmpty(heading.textSpan, heading.span);
  if (doc.title && heading === doc.title) {
    const persona = kind.kind === PERSONA_KIND;
    return outlineSymbol(
      doc,
      persona ? personaName(kind, heading.text) : heading.text,
      pick(kind.title, locale),
      persona ? 'persona' : 'title',
      s.span,
      selection,
    );
  }
  const spec = s.key ? kind.sections.find((x) => x.id === s.key) : undefined;
  const title = spec ? pick(spec.title, locale) : '';
  return outlineSymbol(
    doc,
    heading.text || '#'.repeat(heading.depth),
    title && title !== heading.text ? title : '',
    'section',
    s.span,
    selection,
  );
}

/** Puts block and table segments and matrix rows inside the innermost section holding them, then sorts every level by position. */
function placeInSections(roots: OutlineSymbol[], inside: readonly OutlineSymbol[]): void {
  const sections = new Set<OutlineSymbol>();
  const mark = (list: OutlineSymbol[]): void => {
    for (const x of list) {
      sections.add(x);
      mark(x.children);
    }
  };
  mark(roots);
  const place = (list: OutlineSymbol[], extra: OutlineSymbol): void => {
    const parent = list.find((x) => sections.has(x) && x.span.start < extra.span.start && extra.span.start < x.span.end);
    if (parent) place(parent.children, extra);
    else list.push(extra);
  };
  for (const e of inside) place(roots, e);
  const sort = (list: OutlineSymbol[]): void => {
    list.sort((a, b) => a.span.start - b.span.start);
    for (const x of list) sort(x.children);
  };
  sort(roots);
}

/** The outline flattened in document order, each symbol with the name of the one holding it. */
export function flattenOutline(
  symbols: readonly OutlineSymbol[],
  container?: string,
): Array<{ symbol: OutlineSymbol; container?: string }> {
  return symbols.flatMap((s) => [
    { symbol: s, ...(container !== undefined ? { container } : {}) },
    ...flattenOutline(s.children, s.name),
  ]);
}
