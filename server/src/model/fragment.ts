/**
 * mdast of one chunk → a model fragment with offsets relative to the chunk.
 *
 * This is the only module that reads mdast. It reads *source slices* rather than the
 * tree's string values (model/source-text.ts), so the model is the same whether a chunk was
 * parsed alone or as part of the whole document (reference links, for instance, parse
 * differently in the two).
 */
import type {
  Nodes,
  Parents,
  Root,
  RootContent,
  Heading as MdHeading,
  ListItem as MdListItem,
  List as MdList,
  Table as MdTable,
} from 'mdast';
import { closesBlock, definitionLabels, fenceOf, htmlBlockKind, type OpenBlock } from '../parse/blocks';
import type { Span } from '../parse/text';
import type { Comment, Field, Heading, List, ListItem, SkippedPart, Table, TextRun } from './types';
import { normalizeHeading } from './normalize';
import { headingTextSpan, lastLineOf, lineBreaksAfter, lineEndAt, lineStartAt, linesIn, readField, trimRun } from './source-text';

export { placeFragment } from './place-fragment';
export { headingTextSpan, readField, trimRun } from './source-text';

export interface ContentBlock {
  type: 'content';
  fields: Field[];
  lists: List[];
  tables: Table[];
  paragraphs: TextRun[];
  otherBlocks: Span[];
}

/** `normalized` is the heading's normalizeHeading() key, computed once per cached fragment. */
export type FragmentBlock = { type: 'heading'; heading: Heading; normalized?: string } | ContentBlock;

/**
 * How a fragment begins and ends, so that consecutive fragments of one section join as the
 * whole parse would have them (model/join-fragments.ts): a list cut in two by a chunk
 * boundary is one list, and a `**Field**:` line takes the items of a list in the next chunk.
 * Indexes point into the first / last content block of the fragment.
 */
export interface FragmentEdges {
  /** The first top-level node (comments and definitions aside) is a list: its marker kind. */
  firstList?: { marker: string; atStart: boolean };
  /** The last top-level node is a list: its marker kind, and the field that took its items. */
  lastList?: { marker: string; field?: number };
  /** A field with no value at the end, still waiting for a list (index in the last block's fields). */
  pendingField?: number;
  /** The fragment holds no top-level nodes (`empty`) or only comments and definitions (`quiet`). */
  passive?: 'empty' | 'quiet';
}

export interface Fragment {
  blocks: FragmentBlock[];
  comments: Comment[];
  codeSpans: Span[];
  frontMatter?: { raw: string; span: Span };
  /**
   * The top-level fenced code or HTML block still open at the end of the chunk, if any: a
   * following chunk would have been swallowed by it, so the cut after this chunk was wrong
   * and `model/build.ts` merges (see parse/blocks.ts).
   */
  open?: OpenBlock;
  /**
   * The chunk ends inside an unclosed fence or HTML block nested in a list or quote. A
   * heading line closes those exactly like the end of the chunk does, but any other line
   * (a list item, a `>` line) leaves micromark's positions reaching into that line, so
   * model/build.ts does not keep a cut after this chunk unless a heading follows.
   */
  deepOpen?: boolean;
  /** Set, instead of any content, when the chunk exceeds the parse limits and was not parsed. */
  skipped?: SkippedPart;
  /** Normalised labels of the link reference definitions in the chunk (parse/blocks.ts definitionLabels). */
  definitions?: string[];
  edges?: FragmentEdges;
  /**
   * Set on a placed fragment only (never a cached one) whose chunk was parsed with a table's
   * head carried in front (parse/blocks.ts `Chunk.carry`): the offset where the chunk's own
   * text begins. Its first table continues the previous fragment's last table, and what lies
   * before this offset is the carried head (model/table-join.ts).
   */
  carried?: number;
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
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
    const edges: FragmentEdges = {};
    let active = 0;
    for (const node of root.children) {
      const passive =
        node.type === 'definition' || node.type === 'yaml' || (node.type === 'html' && node.value.startsWith('<!--'));
      if (!passive && active++ === 0 && node.type === 'list') {
        edges.firstList = { marker: listMarker(this.src, node), atStart: node === root.children[0] && spanOf(node).start === 0 };
      }
      this.lastListField = undefined;
      this.top(node);
      if (node.type === 'list') {
        const field = this.lastListField !== undefined && this.current ? this.current.fields.indexOf(this.lastListField) : -1;
        edges.lastList = { marker: listMarker(this.src, node), ...(field >= 0 ? { field } : {}) };
      } else {
        delete edges.lastList;
      }
    }
    if (this.pendingField && this.current) {
      const i = this.current.fields.indexOf(this.pendingField);
      if (i >= 0) edges.pendingField = i;
    }
    if (active === 0) edges.passive = root.children.length ? 'quiet' : 'empty';
    this.collectInline(root);
    // Block code is met before inline code; document order makes the spans of consecutive
    // chunks concatenate to the spans of the whole document.
    this.codeSpans.sort((a, b) => a.start - b.start || a.end - b.end);
    this.comments.sort((a, b) => a.span.start - b.span.start);
    const open = openAtEnd(this.src, root);
    const deepOpen = !open && deepOpenAtEnd(this.src, root);
    const definitions = [...definitionLabels(this.src)];
    return {
      blocks: this.blocks,
      comments: this.comments,
      codeSpans: this.codeSpans,
      ...(this.frontMatter ? { frontMatter: this.frontMatter } : {}),
      ...(open ? { open } : {}),
      ...(deepOpen ? { deepOpen } : {}),
      ...(definitions.length ? { definitions } : {}),
      ...(Object.keys(edges).length ? { edges } : {}),
    };
  }

  /** The pending field a top-level list gave its items to, while `top` handles that list. */
  private lastListField: Field | undefined;

  /** One top-level node: a heading starts a new block list, anything else adds to the current content. */
  private top(node: RootContent): void {
    const span = spanOf(node);
    switch (node.type) {
      case 'yaml':
        this.frontMatter = { raw: node.value, span };
        return;
      case 'heading':
        this.heading(node, span);
        return;
      case 'paragraph':
        this.paragraph(span);
        return;
      case 'list':
        this.topList(node);
        return;
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
        this.pendingField = undefined;
        return;
      case 'code':
        this.codeSpans.push(span);
        this.content().otherBlocks.push(span);
        this.pendingField = undefined;
        return;
      case 'definition':
        return;
      default:
        this.content().otherBlocks.push(span);
        this.pendingField = undefined;
    }
  }

  private heading(node: MdHeading, span: Span): void {
    // The text is read from the source, not from the children: nodes that GFM's autolink
    // literals split off can lack positions (`# [a] [--> https://x.y z`).
    const textSpan = headingTextSpan(this.src, span);
    const text = trimRun(this.src, textSpan.start, textSpan.end);
    this.blocks.push({
      type: 'heading',
      heading: { depth: node.depth, text: text.text, span, textSpan: text.span },
      normalized: normalizeHeading(text.text),
    });
    this.current = undefined;
    // A field's items are the list right after it in the same section, never across a
    // heading (and a chunk starts at a heading, so this keeps chunks independent).
    this.pendingField = undefined;
  }

  /** A paragraph, and the `**Key**: value` fields on its lines; a last field with no value waits for a list. */
  private paragraph(span: Span): void {
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
  }

  /** A top-level list; its items go to the field waiting for them, if any. */
  private topList(node: MdList): void {
    const c = this.content();
    const list = this.list(node, 0, c.fields);
    c.lists.push(list);
    if (this.pendingField) this.pendingField.items.push(...list.items);
    this.lastListField = this.pendingField;
    this.pendingField = undefined;
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
      // mdast-util-gfm-task-list-item moves the paragraph past the `[ ]` box only when the
      // paragraph starts with plain text (not with a link, emphasis or code), and whether
      // `[ref]` is a link depends on definitions that may sit in another chunk. Strip the
      // box from the source instead, so the item text never includes it.
      if (node.checked === true || node.checked === false) {
        const box = /^\[[ xX]\][ \t]*/.exec(textRun.text);
        if (box) textRun = trimRun(this.src, textRun.span.start + box[0].length, textRun.span.end);
      }
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
      this.comments.push({
        text: (m?.[1] ?? '').trim(),
        span: { start: span.start, end: span.start + (m ? m[0].length : node.value.length) },
      });
      // A block of html may hold several comments; pick up the rest.
      const re = /<!--([\s\S]*?)-->/g;
      re.lastIndex = m ? m[0].length : 0;
      for (let r = re.exec(node.value); r; r = re.exec(node.value)) {
        this.comments.push({
          text: r[1]!.trim(),
          span: { start: span.start + r.index, end: span.start + r.index + r[0].length },
        });
      }
    }
    if ('children' in node) for (const child of (node as Parents).children) this.collectInline(child as Nodes);
  }
}

/** A list's marker kind: the bullet (`-`, `*`, `+`), or `1.` / `1)` for ordered lists. */
function listMarker(src: string, node: MdList): string {
  let i = spanOf(node).start;
  while (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9) i++;
  if (!node.ordered) return src[i] ?? '-';
  while (i < src.length && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
  return '1' + (src[i] ?? '.');
}

/**
 * The top-level block that is still open where the chunk ends: its last node is a fenced
 * code block without its closing fence, or an HTML block whose end condition has not been
 * met. The parse of a chunk is a prefix of the whole parse, so this is exactly the question
 * "would the next line have been swallowed?" (parse/blocks.ts explains why nothing else
 * can swallow a column-0 ATX heading).
 */
export function openAtEnd(src: string, root: Root): OpenBlock | undefined {
  const last = root.children[root.children.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return undefined;
  const { start, end } = spanOf(last);
  const firstStart = lineStartAt(src, start);
  const firstEnd = lineEndAt(src, firstStart);
  const firstLine = src.slice(firstStart, firstEnd);
  const { start: lastStart, text: lastLine, contentEnd } = lastLineOf(src, firstStart, end);
  if (last.type === 'code') {
    const fence = fenceOf(firstLine);
    // Indented code is closed by any column-0 line.
    if (!fence) return undefined;
    return lastStart > firstStart && closesBlock(fence, lastLine) ? undefined : fence;
  }
  const kind = htmlBlockKind(firstLine);
  if (kind.type === 'html' && kind.end === 'marker') return closesBlock(kind, lastLine) ? undefined : kind;
  // Types 6 and 7 end at a blank line; only whitespace follows the last node of a chunk,
  // so the block is closed when a whole line follows it.
  return lineBreaksAfter(src, contentEnd) >= 2 ? undefined : kind;
}

/**
 * Whether the innermost last block of the chunk's last container (list, quote, footnote)
 * is a fenced code or HTML block that has not met its end condition. Errs on the side of
 * "open" (a needless merge costs a parse; a wrong "closed" would cost a wrong model).
 */
export function deepOpenAtEnd(src: string, root: Root): boolean {
  let node: Nodes | undefined = root.children[root.children.length - 1];
  if (!node || !(node.type === 'list' || node.type === 'blockquote' || node.type === 'footnoteDefinition')) return false;
  while (
    node &&
    (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition')
  ) {
    node = node.children[node.children.length - 1] as Nodes | undefined;
  }
  if (!node || (node.type !== 'code' && node.type !== 'html')) return false;
  const { start, end } = spanOf(node);
  const firstLine = src.slice(start, lineEndAt(src, start));
  const { start: lastStart, text: lastLine, contentEnd } = lastLineOf(src, start, end);
  if (node.type === 'code') {
    const opener = /^(`{3,}|~{3,})/.exec(firstLine);
    // Indented code is closed by any line that is not indented enough.
    if (!opener) return false;
    if (lastStart <= start) return true;
    // The closing fence, after the container's prefix; it may not sit right of the opener
    // (relative indentation is unknown here, so anything else counts as open).
    const m = /^([ >]*)(`{3,}|~{3,})[ \t]*$/.exec(lastLine);
    const openerColumn = start - lineStartAt(src, start);
    return !(m && m[2]![0] === opener[1]![0] && m[2]!.length >= opener[1]!.length && m[1]!.length <= openerColumn);
  }
  const kind = htmlBlockKind(firstLine);
  if (kind.type === 'html' && kind.end === 'marker') return !closesBlock(kind, lastStart <= start ? firstLine : lastLine);
  return lineBreaksAfter(src, contentEnd) < 2;
}

/** Builds the fragment of one chunk from its mdast. Offsets are relative to the chunk. */
export function buildFragment(src: string, root: Root): Fragment {
  return new FragmentBuilder(src).build(root);
}
