/**
 * Splitting a document into independently parsable chunks.
 *
 * remark parses ~0.3 MB/s and list-heavy text grows quadratically (see
 * docs/performance.md), so re-parsing a whole 100 KB document on each keystroke is far too
 * slow. A column-0 ATX heading that is not inside a fenced code block or a multi-line HTML
 * block always starts a new top-level block in CommonMark: nothing before it can continue
 * past it (headings cannot be lazy continuation lines, and a non-indented line closes every
 * open list item and block quote). So the document is cut just before such lines; each
 * chunk is parsed alone and cached by its text, and an edit re-parses only the chunks it
 * touches.
 *
 * The scanner is deliberately conservative: when unsure (an unclosed fence or comment) it
 * does not cut, and not cutting is always correct. Link reference definitions are the one
 * construct that reaches across chunks; the model never depends on them (it reads source
 * text, not link nodes), and `definitionLabels` collects them for the placeholder rule.
 */

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** The chunk's text: `document.slice(start, start + text.length)`. */
  text: string;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^( {0,})(`{3,}|~{3,})(.*)$/;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;

/** Iterates the lines of `text` as [start, end-without-break, next-line-start]. */
function* lines(text: string): Generator<[number, number, number]> {
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = pos;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let next = end;
    if (next < n) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    yield [pos, end, next];
    pos = next;
  }
}

/** Length of a YAML front matter block at the very start of the text (after a BOM), or 0. */
export function frontMatterLength(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const it = lines(text.slice(bom));
  const first = it.next();
  if (first.done) return 0;
  const [s, e] = first.value;
  if (text.slice(bom + s, bom + e).trimEnd() !== '---') return 0;
  for (const [ls, le, next] of it) {
    const line = text.slice(bom + ls, bom + le).trimEnd();
    if (line === '---' || line === '...') return bom + next;
  }
  return 0;
}

/** Cuts `text` into chunks as described above. Concatenating the chunks gives `text` back. */
export function splitChunks(text: string): Chunk[] {
  const cuts: number[] = [0];
  const fm = frontMatterLength(text);
  if (fm > 0 && fm < text.length) cuts.push(fm);
  let fence: { char: string; len: number; indent: number } | undefined;
  let htmlEnd: RegExp | undefined;
  for (const [s, e] of lines(text)) {
    if (s < fm) continue;
    const line = text.slice(s, e);
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[2]![0] === fence.char && m[2]!.length >= fence.len && m[3]!.trim() === '' && m[1]!.length <= fence.indent + 3) {
        fence = undefined;
      }
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    const f = FENCE.exec(line);
    if (f && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
      fence = { char: f[2]![0]!, len: f[2]!.length, indent: f[1]!.length };
      continue;
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open + 4) < 0) {
      htmlEnd = /-->/;
      continue;
    }
    const raw = HTML_RAW_OPEN.exec(line);
    if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(line)) {
      htmlEnd = new RegExp(`</${raw[1]}>`, 'i');
      continue;
    }
    if (s > fm && ATX.test(line)) cuts.push(s);
  }
  const unique = [...new Set(cuts)].sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  for (let i = 0; i < unique.length; i++) {
    const start = unique[i]!;
    const end = i + 1 < unique.length ? unique[i + 1]! : text.length;
    if (end > start || chunks.length === 0) chunks.push({ start, text: text.slice(start, end) });
  }
  return chunks;
}

/** Labels of link reference definitions (`[label]: url`), normalised as CommonMark does. */
export function definitionLabels(text: string): Set<string> {
  const labels = new Set<string>();
  const re = /^ {0,3}\[([^\]\n]+)\]:[ \t]*\S/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) labels.add(normalizeLabel(m[1]!));
  return labels;
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
