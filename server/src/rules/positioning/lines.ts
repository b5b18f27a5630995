/**
 * A positioning statement written as lines: a run of lines that each start with a part — one
 * paragraph (the GTM template writes it as a quoted paragraph), one list (blank lines between
 * items allowed), a block quote, a table or a fenced block; a new `For` line starts the next
 * statement, and "For example, …" is prose. Keywords are capitalised (`For`, `FOR`), bold
 * (`**for**`) or a label (`for:`), so a wrapped line of prose that begins with "for" or
 * "that" is not a part.
 *
 * Two spellings are told apart by position, as writers use them: a relative clause before
 * the "Our … is" line is the need (Who), one after it the benefit (That), which is how
 * Russian writers use "Которые" and "Который" interchangeably; the first "Our …" line is the
 * category unless it comes after the benefit or the alternatives, and later ones are the
 * differentiation ("Our platform provides …", as the GTM template's examples end).
 */
import type { Language, Section, SegDocument } from '../../model/types';
import type { Span } from '../../parse/text';
import { containerPrefix, leadLength, sectionLines, type Line } from '../content/lines';
import type { StatementPart } from '../content/schema';
import type { TextEdit } from '../types';
import { CLOSING_QUOTE, LIST_ITEM, OPENING_QUOTE, pickTemplate, type PartWords } from './parts';

/** A line that starts with a part of the statement. */
export interface PartLine {
  line: Line;
  /** The part its first word names (`who` for "Who", `benefit` for "Который"). */
  spelled: string;
  /** The part it is, once its place in the statement is known. */
  part: string;
}

/** A statement written as lines: its lines, in order. */
export interface LineStatement {
  lines: PartLine[];
}

/** Words after which "Our … " names the category rather than the differentiation. */
const IS = /\s(?:is|are|это)\s|\s[—–-]\s/iu;

/** The statements of a section's own lines (subsections are read as sections of their own). */
export function lineStatements(doc: SegDocument, section: Section, words: PartWords): LineStatement[] {
  const groups: PartLine[][] = [];
  let current: PartLine[] = [];
  const close = (): void => {
    if (current.length) groups.push(current);
    current = [];
  };
  let blank = false;
  for (const line of sectionLines(doc, section, false)) {
    if (line.text.trim() === '') {
      blank = true;
      continue;
    }
    const spelled = words.spelledPart(line.text);
    if (!spelled) {
      close();
      blank = false;
      continue;
    }
    // A statement is one paragraph, list or quote: only list items may have blank lines between them.
    const prev = current[current.length - 1];
    if (prev && blank && !(LIST_ITEM.test(prev.line.text) && LIST_ITEM.test(line.text))) close();
    if (spelled === 'for' && current.length) close();
    current.push({ line, spelled, part: spelled });
    blank = false;
  }
  close();
  return groups.map((lines) => ({ lines: place(lines) }));
}

/** Decides each line's part from its spelling and its place (see the header). */
function place(lines: PartLine[]): PartLine[] {
  const has = new Set<string>();
  const ours = lines.filter((l) => l.spelled === 'category' || l.spelled === 'product');
  lines.forEach((l, i) => {
    let part = l.spelled;
    if (part === 'who' && has.has('category') && has.has('who')) part = 'benefit';
    else if (
      part === 'benefit' &&
      !has.has('category') &&
      !has.has('who') &&
      lines.slice(i + 1).some((x) => x.spelled === 'category' || x.spelled === 'product')
    ) {
      part = 'who';
    } else if (part === 'category' || part === 'product') {
      if (l !== ours[0] || has.has('benefit') || has.has('unlike')) part = 'product';
      else if (part === 'product' && ours.length === 1 && !IS.test(l.line.text)) part = 'product';
      else part = 'category';
    }
    l.part = part;
    has.add(part);
  });
  return lines;
}

/** The statement's span: from its first line's words to its last line's end. */
export function lineStatementSpan(statement: LineStatement): Span {
  const first = statement.lines[0]!.line;
  const last = statement.lines[statement.lines.length - 1]!.line;
  return { start: first.start + containerPrefix(first.text).length, end: last.end };
}

/**
 * Edits inserting the missing parts, each after the nearest part before it in the template
 * (before the statement's closing quote when it is the last line), or at the start of the
 * statement when no part before it is there. Lines take the statement's list marker or
 * block-quote prefix (a new line continues the line beside it: its indentation, `>` markers
 * and list marker); inserts at one place are joined into one edit.
 */
export function lineInsertions(
  doc: SegDocument,
  statement: LineStatement,
  parts: readonly StatementPart[],
  language: Language,
): TextEdit[] {
  const eol = doc.lines.eol;
  const order = new Map(parts.map((p, i) => [p.id, i]));
  const present = statement.lines.filter((l, i, all) => all.findIndex((x) => x.part === l.part) === i);
  const first = statement.lines[0]!.line;
  const last = statement.lines[statement.lines.length - 1]!;
  const quoted = OPENING_QUOTE.test(first.text.slice(leadLength(first.text)));
  const byOffset = new Map<number, string[]>();
  const add = (offset: number, text: string): void => {
    const list = byOffset.get(offset) ?? [];
    list.push(text);
    byOffset.set(offset, list);
  };
  const atStart: string[] = [];
  for (const p of parts) {
    if (present.some((l) => l.part === p.id)) continue;
    const k = order.get(p.id)!;
    let anchor: PartLine | undefined;
    for (const l of present) if (order.get(l.part)! < k && (!anchor || order.get(l.part)! > order.get(anchor.part)!)) anchor = l;
    const text = pickTemplate(p, language);
    if (!anchor) {
      atStart.push(text);
      continue;
    }
    const prefix = containerPrefix(anchor.line.text);
    let offset = anchor.line.end;
    if (anchor === last && quoted) {
      const close = CLOSING_QUOTE.exec(anchor.line.text);
      if (close) offset = anchor.line.start + close.index;
    }
    add(offset, eol + prefix + text);
  }
  const edits: TextEdit[] = [];
  if (atStart.length) {
    const prefix = containerPrefix(first.text);
    let offset = first.start + containerPrefix(first.text).length;
    const q = OPENING_QUOTE.exec(doc.text.slice(offset, first.end));
    if (q) offset += q[0].length;
    edits.push({ span: { start: offset, end: offset }, newText: atStart.map((t) => t + eol + prefix).join('') });
  }
  for (const [offset, texts] of byOffset) edits.push({ span: { start: offset, end: offset }, newText: texts.join('') });
  return edits.sort((a, b) => a.span.start - b.span.start);
}
