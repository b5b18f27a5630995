/**
 * Splitting a document into independently parsable chunks.
 *
 * remark parses ~0.3 MB/s and list-heavy text grows quadratically (see
 * docs/performance.md), so re-parsing a whole 100 KB document on each keystroke is far too
 * slow. A column-0 ATX heading line L that is not inside a top-level fenced code block or
 * HTML block always starts a new top-level block in CommonMark: a block quote, list item or
 * footnote needs `>` or indentation to continue, L cannot be a lazy continuation line (it
 * would start a heading), it interrupts paragraphs and tables, and indented code needs four
 * spaces. And the block structure of the lines before L never depends on L (L cannot be a
 * setext underline or a table delimiter row). So the parse of the text before L alone is a
 * prefix of the whole parse, and the parse from L on is the rest of it.
 *
 * Only two kinds of open block can swallow L: a fenced code block and an HTML block, both
 * at the top level. `splitChunks` guesses them with a cheap line scan (it cannot see list
 * and quote containers, so it can be wrong), and `model/build.ts` checks every cut against
 * the real parse of the chunk before it: when that chunk ends inside an open fence or HTML
 * block, the chunk is merged with the following ones up to the line `findBlockEnd` finds
 * closing that block. A wrong guess therefore costs a re-parse, never a wrong model.
 *
 * Sections longer than `DEFAULT_CHUNK_TARGET` are cut at other block starts too (see
 * splitChunks), under the same check, and the model joins back the lists that such a cut
 * splits (model/join-fragments.ts).
 *
 * A long top-level GFM table is cut between its rows: each chunk cut inside it is parsed
 * with the table's head and delimiter rows carried in front (`Chunk.carry`,
 * parse/table-scan.ts explains why its rows then parse as in the whole document), the
 * build checks each such cut against both parses (model/table-cut.ts) and undoes it when
 * they do not confirm it, and the model joins the rows back into one table
 * (model/table-join.ts).
 *
 * Link reference definitions are the one construct that reaches across chunks; the model
 * never depends on them (it reads source text, not link nodes), and `definitionLabels`
 * collects them, chunk by chunk, for the placeholder rule.
 */
import type { Span } from './text';
import { mayStartBlock, tableBodyStart, tableEnd } from './table-scan';

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** The chunk's text: `document.slice(start, start + text.length)`. */
  text: string;
  /**
   * The chunk starts at a body row of a table whose head row and delimiter row are
   * `document.slice(carry.start, carry.end)`: it is parsed with them in front (see
   * parse/table-scan.ts), and its rows belong to the table of the chunk before.
   */
  carry?: Span;
}

/**
 * A top-level block still open at the end of a chunk, as the parse of that chunk saw it:
 * a fenced code block (closed by a fence line of the same character, at least as long), or
 * an HTML block (closed by a line containing `marker`, or by a blank line).
 */
export type OpenBlock =
  | { type: 'fence'; char: '`' | '~'; length: number }
  | { type: 'html'; end: 'blank' }
  | { type: 'html'; end: 'marker'; marker: HtmlMarker };

/** End conditions of CommonMark HTML blocks of types 1–5. */
export type HtmlMarker = 'raw' | 'comment' | 'instruction' | 'declaration' | 'cdata';

const HTML_MARKERS: Record<HtmlMarker, RegExp> = {
  raw: /<\/(?:script|pre|style|textarea)>/i,
  comment: /-->/,
  instruction: /\?>/,
  declaration: />/,
  cdata: /\]\]>/,
};

/** The start conditions of HTML block types 1–5 (CommonMark 0.31, §4.6), in the order the spec tries them. */
const HTML_STARTS: Array<[RegExp, HtmlMarker]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, 'raw'],
  [/^ {0,3}<!--/, 'comment'],
  [/^ {0,3}<\?/, 'instruction'],
  [/^ {0,3}<![A-Za-z]/, 'declaration'],
  [/^ {0,3}<!\[CDATA\[/, 'cdata'],
];

/** HTML block type 6: these tag names start a block that runs to the next blank line. */
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** HTML block type 7, roughly: a lone complete tag. Over-matching only costs a cut. */
const HTML_LONE_TAG = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>]*)?\/?>[ \t]*$/;

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;
/** micromark-extension-frontmatter's YAML fence: exactly `---`, then spaces or tabs. */
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/** The end of the line that starts at `pos`, before its line break. */
export function lineEndFrom(text: string, pos: number): number {
  let end = pos;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return end;
}

/** The start of the line after the one that ends at `end` (past its `\n`, `\r` or `\r\n`). */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return end;
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/** Iterates the lines of `text` from `from` as [start, end-without-break, next-line-start]. */
function* lines(text: string, from = 0): Generator<[number, number, number]> {
  for (let pos = from; pos < text.length;) {
    const end = lineEndFrom(text, pos);
    const next = nextLineStart(text, end);
    yield [pos, end, next];
    pos = next;
  }
}

/**
 * Length of a YAML front matter block at the very start of the text (after a BOM), or 0.
 * Mirrors micromark-extension-frontmatter exactly: the opening `---` line must be followed
 * by a line break, and the block ends at the first `---` line (trailing spaces and tabs
 * allowed); `...` does not close it, and without a closing line there is no front matter.
 */
export function frontMatterLength(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const it = lines(text, bom);
  const first = it.next();
  if (first.done) return 0;
  const [s, e, next] = first.value;
  if (next === e || !FRONT_MATTER_FENCE.test(text.slice(s, e))) return 0;
  for (const [ls, le, after] of it) {
    if (FRONT_MATTER_FENCE.test(text.slice(ls, le))) return after;
  }
  return 0;
}

/** The fence a line opens at the top level, if it is a fence line. */
function fenceOpen(line: string): { char: '`' | '~'; length: number } | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  const char = m[1]![0] as '`' | '~';
  // A backtick fence's info string may not contain backticks (it would be a code span).
  if (char === '`' && m[2]!.includes('`')) return undefined;
  return { char, length: m[1]!.length };
}

/** Whether `line` closes a top-level fence of `char` at least `length` long. */
function closesFence(line: string, char: string, length: number): boolean {
  const m = FENCE_CLOSE.exec(line);
  return m !== null && m[1]![0] === char && m[1]!.length >= length;
}

/** The HTML block a line starts, if any (types 1–7; type 7 over-matches, which is safe here). */
function htmlOpen(line: string): OpenBlock | undefined {
  if (line.charCodeAt(line.search(/\S|$/)) !== 60 /* < */) return undefined;
  for (const [re, marker] of HTML_STARTS) {
    if (re.test(line)) return { type: 'html', end: 'marker', marker };
  }
  if (HTML_BLOCK_TAG.test(line) || HTML_LONE_TAG.test(line)) return { type: 'html', end: 'blank' };
  return undefined;
}

/**
 * Whether `line` meets the end condition of `open`. For an HTML block of types 1–5 this
 * holds on its first line too (`<!-- note -->`, `<!-->`), as in CommonMark and micromark.
 */
export function closesBlock(open: OpenBlock, line: string): boolean {
  if (open.type === 'fence') return closesFence(line, open.char, open.length);
  if (open.end === 'blank') return BLANK.test(line);
  return HTML_MARKERS[open.marker].test(line);
}

/** The fence a top-level line opens (` {0,3}` then three or more backticks or tildes), if any. */
export function fenceOf(line: string): OpenBlock | undefined {
  const f = fenceOpen(line);
  return f ? { type: 'fence', ...f } : undefined;
}

/** The HTML block a line starts; a line that starts none is treated as type 7 (ends at a blank line). */
export function htmlBlockKind(line: string): OpenBlock {
  return htmlOpen(line) ?? { type: 'html', end: 'blank' };
}

/**
 * Offset just past the line that closes `open`, scanning from `from` (a line start inside
 * the open block), or `text.length` when nothing closes it. For blocks that end at a blank
 * line, the blank line itself is the closing line.
 */
export function findBlockEnd(text: string, from: number, open: OpenBlock): number {
  for (const [s, e, next] of lines(text, from)) {
    if (closesBlock(open, text.slice(s, e))) return next;
  }
  return text.length;
}

/**
 * Sections longer than this (UTF-16 code units) are also cut inside, into chunks of about
 * this size: list-heavy text parses superlinearly, and an edit re-parses a whole chunk.
 * Measured in docs/performance.md.
 */
export const DEFAULT_CHUNK_TARGET = 2048;

/**
 * A heading starts a new chunk only when the chunk before it has at least this many code
 * units: each parse costs a fixed ~40 µs, which a run of short sections would pay over and
 * over (docs/performance.md). 0 cuts at every heading.
 */
export const DEFAULT_CHUNK_MIN = 1024;

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/**
 * A list item that may interrupt a paragraph (a bullet, or `1.` / `1)`, with content) and
 * whose content is plain text. When it does interrupt one, micromark parses the start of the
 * item as interrupting too, so content that may not interrupt a paragraph — a nested empty
 * item (`- -`), indented code, a definition, HTML — would parse differently in a chunk of
 * its own.
 */
const INTERRUPTING_ITEM =
  /^(?:[-*+]|1[.)]) {1,4}(?:[\p{L}"«(!`]|[*_]+(?=[^\s*_])|\[(?![^\]]*\]:)|\p{N}(?!\p{N}*[.)](?:[ \t]|$)))/u;
/**
 * After a blank line, lines that start a paragraph whatever came before.
 * Not the blocks that may not interrupt a paragraph (an ordered item not starting at 1, an
 * empty item, a definition, HTML of type 7): after indented code and a blank line, micromark
 * still treats the next line as interrupting, so `2. b` or a lone `*` there is a paragraph in
 * the whole parse but a list when a chunk starts with it.
 */
const STARTS_PARAGRAPH = /^(?:[\p{L}"«(!]|[*_]+(?=[^\s*_])|\p{N}(?!\p{N}*[.)](?:[ \t]|$)))/u;

/**
 * A top-level table longer than this (from its head row to its last row) is not cut between
 * its rows: as one chunk it is over the parse limit on chunk length
 * (parse/markdown.ts `DEFAULT_LIMITS.maxChunkLength`), as it was before tables were cut.
 */
export const DEFAULT_TABLE_MAX = 100_000;

/**
 * Cuts `text` into chunks as described above. Concatenating the chunks gives `text` back.
 * The cuts are guesses that `model/build.ts` verifies against the parse.
 *
 * Besides the headings, a section longer than `target` is cut at column-0 lines that start
 * a new top-level block there too: any line after a blank line, and a list item that may
 * interrupt a paragraph. Neither can continue anything before it but a top-level fence or
 * HTML block (checked like the heading cuts) or the list it belongs to, which the model
 * joins back together (model/join-fragments.ts). A cut is made at the first such line
 * once the chunk has reached `target`, so cuts stay put when an edit elsewhere moves text.
 * Headings cut only chunks of at least `min`.
 *
 * A top-level table of at most `maxTable` code units is cut between body rows that start
 * with `|` the same way, each chunk after a cut carrying the table's head (`Chunk.carry`; see
 * parse/table-scan.ts). 0 cuts no table.
 */
export function splitChunks(
  text: string,
  target = DEFAULT_CHUNK_TARGET,
  min = DEFAULT_CHUNK_MIN,
  maxTable = DEFAULT_TABLE_MAX,
): Chunk[] {
  const { cuts, carries } = cutOffsets(text, target, min, maxTable);
  return cuts.map((start, k) => {
    const chunk: Chunk = { start, text: text.slice(start, k + 1 < cuts.length ? cuts[k + 1]! : text.length) };
    const carry = carries[k];
    if (carry) chunk.carry = carry;
    return chunk;
  });
}

/** The table the scanner is inside: its head (carried by the chunks cut inside it), and whether it may be cut. */
interface TableState {
  carry: Span;
  cuttable: boolean;
}

/**
 * Where splitChunks cuts: 0, then the offsets of the lines that start a chunk, ascending;
 * and, for each, the table head the chunk carries, if it starts inside a table.
 */
// eslint-disable-next-line max-lines-per-function -- one pass of a line state machine; its states read best together
function cutOffsets(
  text: string,
  target: number,
  min: number,
  maxTable: number,
): { cuts: number[]; carries: Array<Span | undefined> } {
  const cuts: number[] = [0];
  const carries: Array<Span | undefined> = [undefined];
  const cut = (at: number, carry?: Span): void => {
    if (at > cuts[cuts.length - 1]!) {
      cuts.push(at);
      carries.push(carry);
    }
  };
  const fm = frontMatterLength(text);
  let open: OpenBlock | undefined;
  let previousBlank = false;
  let table: TableState | undefined;
  // A line of a list, quote or indented block came since the last blank line or heading: a
  // column-0 line may be its lazy continuation, so it is not taken for a table's head.
  let container = false;
  for (let pos = fm; pos < text.length;) {
    const s = pos;
    const e = lineEndFrom(text, s);
    pos = nextLineStart(text, e);
    // Front matter gets a chunk of its own, so editing it re-parses nothing else; but a
    // chunk that began with another `---` line could read as front matter itself.
    if (s === fm && fm > 0 && !FRONT_MATTER_FENCE.test(text.slice(s, e))) cut(s);
    // Only lines starting (after up to three spaces) with `#`, a fence or `<` matter here,
    // and inside an open block only its closing line; most lines are never sliced.
    let j = s;
    while (j < e && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const blank = j === e;
    let i = s;
    while (i < e && i - s < 3 && text.charCodeAt(i) === 32) i++;
    const first = i < e ? text.charCodeAt(i) : -1;
    if (open) {
      if (mayClose(open, first, blank) && closesBlock(open, text.slice(s, e))) open = undefined;
      previousBlank = blank;
      continue;
    }
    if (table) {
      if (!mayStartBlock(text, s, e)) {
        if (table.cuttable && first === 124 /* | */ && s - cuts[cuts.length - 1]! >= target) cut(s, table.carry);
        previousBlank = false;
        continue;
      }
      table = undefined;
    }
    if (first === 35 /* # */ && i === s && ATX.test(text.slice(s, e))) {
      if (s - cuts[cuts.length - 1]! >= min) cut(s);
      previousBlank = false;
      container = false;
      continue;
    }
    open = blockOpenedBy(text.slice(s, e), first);
    if (
      !open &&
      j === s &&
      !blank &&
      s - cuts[cuts.length - 1]! >= target &&
      startsBlockAnywhere(text.slice(s, e), previousBlank)
    )
      cut(s);
    previousBlank = blank;
    if (blank) container = false;
    else if (j > s || first === 62 /* > */ || mayStartBlock(text, s, e)) container = true;
    else if (!open && !container) {
      const body = tableBodyStart(text, s, e);
      if (body !== undefined) {
        table = { carry: { start: s, end: body }, cuttable: maxTable > 0 && tableEnd(text, body) - s <= maxTable };
        pos = body;
      }
    }
  }
  return { cuts, carries };
}

/** Whether a line may close `open`, from its first character after up to three spaces (so most lines are not sliced). */
function mayClose(open: OpenBlock, first: number, blank: boolean): boolean {
  if (open.type === 'fence') return first === open.char.charCodeAt(0);
  return open.end === 'blank' ? blank : true;
}

/** The top-level fence or HTML block a line opens and leaves open; `first` is its first character after up to three spaces. */
function blockOpenedBy(line: string, first: number): OpenBlock | undefined {
  if (first === 96 /* ` */ || first === 126 /* ~ */) return fenceOf(line);
  if (first !== 60 /* < */) return undefined;
  const open = htmlOpen(line);
  return open && closesBlock(open, line) ? undefined : open;
}

/** Whether a column-0 line starts a top-level block whatever precedes it (see splitChunks). */
function startsBlockAnywhere(line: string, previousBlank: boolean): boolean {
  return (INTERRUPTING_ITEM.test(line) || (previousBlank && STARTS_PARAGRAPH.test(line))) && !THEMATIC_BREAK.test(line);
}

/** Labels of link reference definitions (`[label]: url`), normalised as CommonMark does. */
export function definitionLabels(text: string): Set<string> {
  const labels = new Set<string>();
  const re = /^ {0,3}\[([^\]\n\r]+)\]:[ \t]*\S/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) labels.add(normalizeLabel(m[1]!));
  return labels;
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
