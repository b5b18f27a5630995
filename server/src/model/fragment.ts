/**
 * mdast of one chunk → a model fragment with offsets relative to the chunk.
 *
 * This is the only module that reads mdast. It reads *source slices* rather than the
 * tree's string values, so the model is the same whether a chunk was parsed alone or as part
 * of the whole document (reference links, for instance, parse differently in the two).
 */
import type { Nodes, Parents, Root, RootContent, ListItem as MdListItem, List as MdList, Table as MdTable } from 'mdast';
import type { Span } from '../parse/text';
import type { Comment, Field, Heading, List, ListItem, Table, TextRun } from './types';
import { normalizeKey } from './normalize';

export interface ContentBlock {
  type: 'content';
  fields: Field[];
  lists: List[];
  tables: Table[];
  paragraphs: TextRun[];
  otherBlocks: Span[];
}

export type FragmentBlock = { type: 'heading'; heading: Heading } | ContentBlock;

export interface Fragment {
  blocks: FragmentBlock[];
  comments: Comment[];
  codeSpans: Span[];
  frontMatter?: { raw: string; span: Span };
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Trims a span of source text, returning the trimmed text and its span. */
export function trimRun(text: string, start: number, end: number): TextRun {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { text: text.slice(start, end), span: { start, end } };
}

const BOLD_FIELD = /^\*\*([^*\n]+?)\*\*[ \t]*:[ \t]*|^\*\*([^*\n]+?):\*\*[ \t]*/;
const PLAIN_FIELD = /^([^\s:*[\]`|#>][^:*[\]`|\n]{0,40}?):[ \t]+(?=\S)/;

/**
 * Reads a field from one line of source text starting at `start`. `plain` allows the
 * `Key: value` form (only inside list items, where marketers write it that way).
 */
export function readField(src: string, start: number, end: number, plain: boolean): Field | undefined {
  const line = src.slice(start, end);
  const lead = line.length - line.trimStart().length;
  const body = line.slice(lead);
  let m = BOLD_FIELD.exec(body);
  let style: Field['style'] = 'bold';
  let labelText: string | undefined;
  let labelOffset = 0;
  if (m) {
    labelText = m[1] ?? m[2]!;
    labelOffset = 2;
  } else if (plain) {
    m = PLAIN_FIELD.exec(body);
    if (m && /^(https?|mailto|ftp)$/i.test(m[1]!)) m = null;
    if (m) {
      labelText = m[1]!;
      style = 'plain';
    }
  }
  if (!m || labelText === undefined) return undefined;
  const labelStart = start + lead + labelOffset;
  const label = trimRun(src, labelStart, labelStart + labelText.length);
  const value = trimRun(src, start + lead + m[0].length, end);
  if (value.text === '' && value.span.start < start + lead + m[0].length) {
    value.span = { start: end, end };
  }
  return { label, key: normalizeKey(label.text), value, span: trimRun(src, start, end).span, style, items: [] };
}

/** Iterates the lines inside [start, end) of src as [lineStart, lineEnd]. */
function* linesIn(src: string, start: number, end: number): Generator<[number, number]> {
  let pos = start;
  while (pos < end) {
    let e = pos;
    while (e < end && src[e] !== '\n' && src[e] !== '\r') e++;
    yield [pos, e];
    pos = e;
    if (src[pos] === '\r') pos++;
    if (src[pos] === '\n') pos++;
    if (pos === e) break;
  }
}

class FragmentBuilder {
  readonly blocks: FragmentBlock[] = [];
  readonly comments: Comment[] = [];
  readonly codeSpans: Span[] = [];
  frontMatter?: { raw: string; span: Span };
  private current: ContentBlock | undefined;

  constructor(private readonly src: string) {}

  private content(): ContentBlock {
    if (!this.current) {
      this.current = { type: 'content', fields: [], lists: [], tables: [], paragraphs: [], otherBlocks: [] };
      this.blocks.push(this.current);
    }
    return this.current;
  }

  build(root: Root): Fragment {
    for (const node of root.children) this.top(node);
    this.collectInline(root);
    return { blocks: this.blocks, comments: this.comments, codeSpans: this.codeSpans, ...(this.frontMatter ? { frontMatter: this.frontMatter } : {}) };
  }

  private top(node: RootContent): void {
    const span = spanOf(node);
    switch (node.type) {
      case 'yaml':
        this.frontMatter = { raw: node.value, span };
        return;
      case 'heading': {
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const textSpan = first && last ? { start: spanOf(first).start, end: spanOf(last).end } : { start: span.end, end: span.end };
        const text = trimRun(this.src, textSpan.start, textSpan.end);
        // ATX headings may carry a closing sequence of #'s; their children exclude it.
        this.blocks.push({ type: 'heading', heading: { depth: node.depth, text: text.text, span, textSpan: text.span } });
        this.current = undefined;
        return;
      }
      case 'paragraph': {
        const c = this.content();
        c.paragraphs.push(trimRun(this.src, span.start, span.end));
        let lastField: Field | undefined;
        for (const [ls, le] of linesIn(this.src, span.start, span.end)) {
          const f = readField(this.src, ls, le, false);
          if (f) {
            c.fields.push(f);
            lastField = f;
          }
        }
        this.pendingField = lastField && lastField.value.text === '' ? lastField : undefined;
        return;
      }
      case 'list': {
        const c = this.content();
        const list = this.list(node, 0, c.fields);
        c.lists.push(list);
        if (this.pendingField) this.pendingField.items.push(...list.items);
        this.pendingField = undefined;
        return;
      }
      case 'table':
        this.content().tables.push(this.table(node));
        this.pendingField = undefined;
        return;
      case 'html':
        if (/^<!--/.test(node.value)) {
          // Comments are not content: a section holding only a comment is still empty.
          return;
        }
        this.content().otherBlocks.push(span);
        return;
      case 'code':
        this.codeSpans.push(span);
        this.content().otherBlocks.push(span);
        return;
      case 'definition':
        return;
      default:
        this.content().otherBlocks.push(span);
        this.pendingField = undefined;
    }
  }

  private pendingField: Field | undefined;

  private list(node: MdList, depth: number, fields: Field[]): List {
    const items = node.children.map((item) => this.item(item, depth, fields));
    return { ordered: node.ordered === true, items, span: spanOf(node) };
  }

  private item(node: MdListItem, depth: number, fields: Field[]): ListItem {
    const span = spanOf(node);
    const first = node.children[0];
    let textRun: TextRun;
    if (first && first.type === 'paragraph') {
      const ps = spanOf(first);
      let le = ps.start;
      while (le < ps.end && this.src[le] !== '\n' && this.src[le] !== '\r') le++;
      textRun = trimRun(this.src, ps.start, le);
    } else {
      textRun = { text: '', span: { start: span.end, end: span.end } };
    }
    const children: ListItem[] = [];
    let field: Field | undefined;
    if (textRun.text) {
      field = readField(this.src, textRun.span.start, textRun.span.end, true);
      if (field) fields.push(field);
    }
    for (const child of node.children) {
      if (child.type === 'list') {
        const sub = this.list(child, depth + 1, fields);
        children.push(...sub.items);
      } else if (child.type === 'code') {
        this.codeSpans.push(spanOf(child));
      }
    }
    if (field) field.items.push(...children);
    return { text: textRun.text, span, textSpan: textRun.span, checked: node.checked ?? null, depth, children };
  }

  private table(node: MdTable): Table {
    const rows = node.children.map((row) =>
      row.children.map((cell) => {
        const s = spanOf(cell);
        // A cell's span includes its pipes and padding; the text is what is between them.
        let start = s.start;
        let end = s.end;
        if (this.src[start] === '|') start++;
        if (end > start && this.src[end - 1] === '|' && this.src[end - 2] !== '\\') end--;
        return trimRun(this.src, start, end);
      }),
    );
    return { header: rows[0] ?? [], rows: rows.slice(1), span: spanOf(node) };
  }

  /** Collects inline code and HTML comments anywhere in the tree. */
  private collectInline(node: Nodes): void {
    if (node.type === 'inlineCode') this.codeSpans.push(spanOf(node));
    if (node.type === 'html' && node.value.startsWith('<!--')) {
      const span = spanOf(node);
      const m = /^<!--([\s\S]*?)(?:-->|$)/.exec(node.value);
      this.comments.push({ text: (m?.[1] ?? '').trim(), span: { start: span.start, end: span.start + (m ? m[0].length : node.value.length) } });
      // A block of html may hold several comments; pick up the rest.
      const re = /<!--([\s\S]*?)-->/g;
      re.lastIndex = m ? m[0].length : 0;
      for (let r = re.exec(node.value); r; r = re.exec(node.value)) {
        this.comments.push({ text: r[1]!.trim(), span: { start: span.start + r.index, end: span.start + r.index + r[0].length } });
      }
    }
    if ('children' in node) for (const child of (node as Parents).children) this.collectInline(child as Nodes);
  }
}

/** Builds the fragment of one chunk from its mdast. Offsets are relative to the chunk. */
export function buildFragment(src: string, root: Root): Fragment {
  return new FragmentBuilder(src).build(root);
}

function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}
function shiftRun(r: TextRun, d: number): TextRun {
  return { text: r.text, span: shiftSpan(r.span, d) };
}
function shiftItem(i: ListItem, d: number): ListItem {
  return { ...i, span: shiftSpan(i.span, d), textSpan: shiftSpan(i.textSpan, d), children: i.children.map((c) => shiftItem(c, d)) };
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
      return { type: 'heading', heading: { ...b.heading, span: shiftSpan(b.heading.span, delta), textSpan: shiftSpan(b.heading.textSpan, delta) } };
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
  };
}
