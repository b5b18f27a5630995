/**
 * Quadratic paths (issue 10): micromark rescans text for some constructs. An emphasis
 * closer (`a_ `) or a label end (`a]`) walks back over the paragraph to the nearest opener
 * of its kind, to the paragraph's start when there is none; an inline HTML comment, tag or
 * code span that nothing closes scans forward to the paragraph's end; each setext underline
 * costs in proportion to the whole chunk. One line of `a]` × 20,000 is 40 KB and 5 s.
 * `inlineCosts` estimates those rescans with the same pairing rules, in one pass, for
 * checkChunkLimits (parse/markdown.ts).
 */

/** The estimated rescans of one chunk, in characters, and where each is worst. */
export interface InlineCosts {
  setext: { count: number; offset: number };
  emphasis: { cost: number; count: number; offset: number };
  brackets: { cost: number; count: number; offset: number };
  html: { cost: number; count: number; offset: number };
  code: { cost: number; count: number; offset: number };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|\|)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

type Family = 'emphasis' | 'brackets' | 'html' | 'code';
const FAMILIES: readonly Family[] = ['emphasis', 'brackets', 'html', 'code'];

/**
 * Scans a chunk line by line (container prefixes of `>` skipped), groups lines into
 * paragraph-like blocks (a blank line, a list item, a heading, a table row or a fence line
 * starts a new one; fenced code is left out) and estimates what micromark rescans in each.
 * Over-estimates rather than under: a block here may be several paragraphs in micromark.
 */
export function inlineCosts(text: string): InlineCosts {
  const out: InlineCosts = {
    setext: { count: 0, offset: -1 },
    emphasis: { cost: 0, count: 0, offset: 0 },
    brackets: { cost: 0, count: 0, offset: 0 },
    html: { cost: 0, count: 0, offset: 0 },
    code: { cost: 0, count: 0, offset: 0 },
  };
  const worst: Record<Family, number> = { emphasis: 0, brackets: 0, html: 0, code: 0 };
  const n = text.length;
  let fence: string | undefined;
  let blockStart = -1;
  let prevText = false;
  const flush = (end: number): void => {
    if (blockStart >= 0 && end > blockStart) addBlockCosts(out, worst, blockCosts(text, blockStart, end), blockStart);
    blockStart = -1;
  };
  for (let lineStart = 0; lineStart < n;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const content = text.slice(quotePrefixEnd(text, lineStart, lineEnd), lineEnd).replace(/\r$/, '');
    if (fence !== undefined) {
      const m = FENCE_OPEN.exec(content);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && content.slice(m[0].length).trim() === '')
        fence = undefined;
      prevText = false;
    } else if (content.trim() === '') {
      flush(lineStart);
      prevText = false;
    } else {
      const m = FENCE_OPEN.exec(content);
      if (m && !(m[1]![0] === '`' && content.slice(m[0].length).includes('`'))) {
        flush(lineStart);
        fence = m[1]!;
        prevText = false;
      } else if (prevText && SETEXT_UNDERLINE.test(content)) {
        if (out.setext.count++ === 0) out.setext.offset = lineStart;
        flush(lineStart);
        prevText = false;
      } else {
        if (BLOCK_START.test(content)) flush(lineStart);
        if (blockStart < 0) blockStart = lineStart;
        prevText = !ATX_HEADING.test(content);
      }
    }
    lineStart = lineEnd + 1;
  }
  flush(n);
  return out;
}

/** Where a line's block-quote prefixes (`>` with the spaces around them) end. */
function quotePrefixEnd(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  for (;;) {
    let j = i;
    while (j < lineEnd && j - i < 3 && text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) !== 62) return i;
    i = j + 1;
  }
}

/** Adds one block's costs to the chunk's, remembering the block where each family is worst. */
function addBlockCosts(out: InlineCosts, worst: Record<Family, number>, block: Record<Family, Cost>, blockStart: number): void {
  for (const k of FAMILIES) {
    out[k].cost += block[k].cost;
    out[k].count += block[k].count;
    if (block[k].cost > worst[k]) {
      worst[k] = block[k].cost;
      out[k].offset = blockStart;
    }
  }
}

/**
 * What one marker costs micromark by itself, in characters rescanned: 100 KB of `_a ` takes
 * a second without any rescan, as does 100 KB of `![[]()`.
 */
const EMPHASIS_RUN_COST = 200;
const BRACKET_COST = 400;
const LINK_COST = 8;

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

function kindOf(c: string | undefined): 0 | 1 | 2 {
  if (c === undefined || SPACE.test(c)) return 0; // whitespace (or the edge)
  return PUNCT.test(c) ? 1 : 2; // punctuation, other
}

interface Cost {
  cost: number;
  count: number;
}

/** One block being scanned by blockCosts. */
interface BlockScan {
  text: string;
  start: number;
  end: number;
  costs: Record<Family, Cost>;
  /** Offsets of the `*` and `_` runs that may open emphasis, and of the `[`s, not closed yet. */
  openers: Record<'*' | '_' | '[', number[]>;
  /** Where the last search for each closing string (`)`, `-->`, `>`…) found it, or the block's end. */
  closeAt: Record<string, number>;
}

/**
 * The rescans of one block [start, end): emphasis closers and label ends walk back to the
 * nearest opener of their kind, or to the start; a label start nothing closes costs a
 * sixteenth of the rest (measured); inline HTML and code spans that nothing closes scan to
 * the end. Code spans are found first and skipped by the rest.
 */
function blockCosts(text: string, start: number, end: number): Record<Family, Cost> {
  const scan: BlockScan = {
    text,
    start,
    end,
    costs: {
      emphasis: { cost: 0, count: 0 },
      brackets: { cost: 0, count: 0 },
      html: { cost: 0, count: 0 },
      code: { cost: 0, count: 0 },
    },
    openers: { '*': [], _: [], '[': [] },
    closeAt: {},
  };
  const codeSpans = codeSpanCosts(text, start, end, scan.costs.code);
  let span = 0;
  for (let p = start; p < end; p++) {
    if (span < codeSpans.length && p >= codeSpans[span]![0]) {
      p = codeSpans[span++]![1] - 1;
      continue;
    }
    const ch = text[p]!;
    if (ch === '\\') p++;
    else if (ch === '*' || ch === '_') p = emphasisRunCost(scan, p, ch) - 1;
    else if (ch === '[') {
      scan.costs.brackets.cost += BRACKET_COST;
      scan.openers['['].push(p);
    } else if (ch === ']') labelEndCost(scan, p);
    else if (ch === '<') inlineHtmlCost(scan, p);
  }
  for (const p of scan.openers['[']) scan.costs.brackets.cost += (end - p) / 16;
  scan.costs.brackets.count += scan.openers['['].length;
  return scan.costs;
}

/**
 * Backtick runs in [start, end); an opener scans forward to the next run of the same
 * length. Adds their cost to `code` and returns the code spans they make, as [start, end).
 */
function codeSpanCosts(text: string, start: number, end: number, code: Cost): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 92 /* \ */) p++;
    else if (c === 96 /* ` */) {
      let q = p;
      while (q < end && text.charCodeAt(q) === 96) q++;
      runs.push([p, q - p]);
      p = q - 1;
    }
  }
  const codeSpans: Array<[number, number]> = [];
  if (!runs.length) return codeSpans;
  // The next run of the same length after each run, or -1.
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const k = runs[r]![1];
    next[r] = seen.get(k) ?? -1;
    seen.set(k, r);
  }
  for (let r = 0; r < runs.length;) {
    const [p, k] = runs[r]!;
    const j = next[r]!;
    if (j >= 0) {
      code.cost += runs[j]![0] - p;
      codeSpans.push([p, runs[j]![0] + k]);
      r = j + 1;
    } else {
      code.cost += end - p;
      code.count++;
      r++;
    }
  }
  return codeSpans;
}

/** A run of `*` or `_` at `p`, flanking as CommonMark says: closes the nearest opener or walks back to the start. Returns the run's end. */
function emphasisRunCost(scan: BlockScan, p: number, ch: '*' | '_'): number {
  const { text, start, end } = scan;
  const emphasis = scan.costs.emphasis;
  let q = p;
  while (q < end && text[q] === ch) q++;
  const before = kindOf(p > start ? text[p - 1] : undefined);
  const after = kindOf(q < end ? text[q] : undefined);
  const left = after !== 0 && (after === 2 || before !== 2);
  const right = before !== 0 && (before === 2 || after !== 2);
  const canOpen = ch === '*' ? left : left && (!right || before === 1);
  const canClose = ch === '*' ? right : right && (!left || after === 1);
  const stack = scan.openers[ch];
  emphasis.cost += EMPHASIS_RUN_COST;
  if (canClose && stack.length) emphasis.cost += p - stack.pop()!;
  else {
    if (canClose) {
      emphasis.cost += p - start;
      emphasis.count++;
    }
    if (canOpen) stack.push(p);
  }
  return q;
}

/** A `]` at `p`: closes the nearest `[` (a link or reference, maybe with a resource) or walks back to the start. */
function labelEndCost(scan: BlockScan, p: number): void {
  const { text, start } = scan;
  const brackets = scan.costs.brackets;
  brackets.cost += BRACKET_COST;
  const stack = scan.openers['['];
  if (!stack.length) {
    brackets.cost += p - start;
    brackets.count++;
    return;
  }
  brackets.cost += p - stack.pop()!;
  // A label end that may close a link or a reference marks what precedes it: each
  // costs about eight times the text before it (measured: 40 KB of `[a](b) ` 2.7 s).
  brackets.cost += (p - start) * LINK_COST;
  // The resource: an unclosed title or destination scans on to the end.
  if (text[p + 1] === '(') brackets.cost += closingAt(scan, ')', p) - p;
}

/** A `<` at `p` that opens inline HTML (a comment, an instruction, CDATA, a tag): scans to what closes it. */
function inlineHtmlCost(scan: BlockScan, p: number): void {
  const { text } = scan;
  const d = text[p + 1] ?? '';
  let close: string | undefined;
  if (text.startsWith('<!--', p)) close = '-->';
  else if (d === '?') close = '?>';
  else if (text.startsWith('<![CDATA[', p)) close = ']]>';
  else if (/[A-Za-z/!]/.test(d)) close = '>';
  if (!close) return;
  const at = closingAt(scan, close, p);
  scan.costs.html.cost += at - p;
  if (at === scan.end) scan.costs.html.count++;
}

/** Where `close` next occurs after `p` (from p + 2) in the block, or the block's end; a search is reused while its result lies ahead. */
function closingAt(scan: BlockScan, close: string, p: number): number {
  let at = scan.closeAt[close] ?? -1;
  if (at <= p) {
    at = scan.text.indexOf(close, p + 2);
    if (at < 0 || at >= scan.end) at = scan.end;
    scan.closeAt[close] = at;
  }
  return at;
}
