/**
 * Placing a cached fragment at its offset in the document (fragments are relative to their
 * chunk and shared through the cache, so placing copies them).
 */
import type { Span } from '../parse/text';
import type { Fragment, FragmentBlock } from './fragment';
import type { Field, ListItem, TextRun } from './types';

function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}
function shiftRun(r: TextRun, d: number): TextRun {
  return { text: r.text, span: shiftSpan(r.span, d) };
}
function shiftItem(i: ListItem, d: number): ListItem {
  return {
    ...i,
    span: shiftSpan(i.span, d),
    textSpan: shiftSpan(i.textSpan, d),
    children: i.children.map((c) => shiftItem(c, d)),
  };
}
function shiftField(f: Field, d: number, items: Map<ListItem, ListItem>): Field {
  return {
    ...f,
    label: shiftRun(f.label, d),
    value: shiftRun(f.value, d),
    span: shiftSpan(f.span, d),
    items: f.items.map((i) => items.get(i) ?? shiftItem(i, d)),
  };
}

/**
 * Copies a cached fragment to absolute offsets. Fragments are shared between documents
 * and versions through the cache, so they are never mutated.
 */
export function placeFragment(f: Fragment, delta: number): Fragment {
  const blocks: FragmentBlock[] = f.blocks.map((b) => {
    if (b.type === 'heading') {
      return {
        type: 'heading',
        heading: { ...b.heading, span: shiftSpan(b.heading.span, delta), textSpan: shiftSpan(b.heading.textSpan, delta) },
        ...(b.normalized !== undefined ? { normalized: b.normalized } : {}),
      };
    }
    // Keep identity between list items and the field items that point at them.
    const itemMap = new Map<ListItem, ListItem>();
    const mapItem = (i: ListItem): ListItem => {
      const placed: ListItem = { ...i, span: shiftSpan(i.span, delta), textSpan: shiftSpan(i.textSpan, delta), children: [] };
      itemMap.set(i, placed);
      placed.children = i.children.map(mapItem);
      return placed;
    };
    const lists = b.lists.map((l) => ({ ...l, span: shiftSpan(l.span, delta), items: l.items.map(mapItem) }));
    return {
      type: 'content',
      fields: b.fields.map((x) => shiftField(x, delta, itemMap)),
      lists,
      tables: b.tables.map((t) => ({
        header: t.header.map((c) => shiftRun(c, delta)),
        rows: t.rows.map((r) => r.map((c) => shiftRun(c, delta))),
        span: shiftSpan(t.span, delta),
      })),
      paragraphs: b.paragraphs.map((p) => shiftRun(p, delta)),
      otherBlocks: b.otherBlocks.map((s) => shiftSpan(s, delta)),
    };
  });
  return {
    blocks,
    comments: f.comments.map((c) => ({ text: c.text, span: shiftSpan(c.span, delta) })),
    codeSpans: f.codeSpans.map((s) => shiftSpan(s, delta)),
    ...(f.frontMatter ? { frontMatter: { raw: f.frontMatter.raw, span: shiftSpan(f.frontMatter.span, delta) } } : {}),
    ...(f.open ? { open: f.open } : {}),
    ...(f.deepOpen ? { deepOpen: true } : {}),
    ...(f.skipped ? { skipped: { ...f.skipped, span: shiftSpan(f.skipped.span, delta) } } : {}),
    ...(f.definitions ? { definitions: f.definitions } : {}),
    ...(f.edges ? { edges: f.edges } : {}),
  };
}
