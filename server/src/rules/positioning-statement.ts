/**
 * positioning-statement — a positioning statement has every line of Geoffrey Moore's
 * template (seed 001, "Positioning Strategy"):
 *
 *   For [target segment] / Who [need] / Our [product] is [category] / That [key benefit] /
 *   Unlike [competitive alternatives] / Our product [primary differentiation]
 *
 * and in Russian Для / Которые (Кому, Который нужен) / Наш … это / Который (Что) /
 * В отличие от / Наш продукт. The parts, their spellings and the lines a fix inserts come
 * from the schema (`x-segdoc.statement` on the GTM positioning section).
 *
 * A statement is a run of lines that each start with a part — one paragraph (seed 001 writes
 * it as a quoted paragraph), one list (blank lines between items allowed), a block quote or a
 * fenced block; a new `For` line starts the next statement, and "For example, …" is prose. Keywords must be
 * capitalised, so a wrapped line of prose that begins with "for" or "that" is not a part.
 * Two spellings are told apart by position, as writers use them: a relative clause before
 * the "Our … is" line is the need (Who), one after it the benefit (That), which is how
 * Russian writers use "Которые" and "Который" interchangeably; the first "Our …" line is the
 * category unless it comes after the benefit or the alternatives, and later ones are the
 * differentiation ("Our platform provides …", as seed 001's examples end).
 *
 *   - In a GTM strategy's Positioning & Messaging section, two parts with "For" (three
 *     without it) make a statement; a section with content but no statement is reported at
 *     its heading, and the fix inserts the whole template.
 *   - Anywhere else (and in any kind of document), three parts with "For" (four without it)
 *     make one; the `minPartsElsewhere` option changes that.
 *   - A statement that lacks parts is reported over the statement, naming them; the fix
 *     inserts the missing lines in order, in the document's language, as placeholders.
 */
import type { Language, Section, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import { containerPrefix, isUnfilled, leadLength, NameFinder, sectionLines, type Line } from './content/lines';
import { statementParts, type StatementPart } from './content/schema';
import { blockInsertion } from './util/insert';
import { headingSpan } from './util/report';
import { defineRule, type TextEdit } from './types';

interface Options {
  /** How many parts make a statement outside the GTM positioning section (with "For"). */
  minPartsElsewhere: number;
}

/** A line that starts with a part of the statement. */
interface PartLine {
  line: Line;
  /** The part its first word names (`who` for "Who", `benefit` for "Который"). */
  spelled: string;
  /** The part it is, once its place in the statement is known. */
  part: string;
}

interface Statement {
  lines: PartLine[];
  /** True inside the GTM positioning section, where two parts make a statement. */
  loose: boolean;
}

const OPENING_QUOTE = /^["“«„']/;
const LIST_ITEM = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
/** "For example, …", "Для этого …": a sentence that starts like a statement but is not one. */
const NOT_A_PART = /^(?:For[ \t]+(?:example|instance|more|details)|Для[ \t]+(?:примера|этого|справки))(?![\p{L}\p{N}])/iu;
const CLOSING_QUOTE = /["”»“']\s*$/;
/** Words after which "Our … " names the category rather than the differentiation. */
const IS = /\s(?:is|are|это)\s|\s[—–-]\s/iu;

export default defineRule<Options>({
  id: 'positioning-statement',
  severity: 'warning',
  description: 'A positioning statement has every line of the template: For / Who / Our … is / That / Unlike / Our product.',
  messages: {
    incomplete: 'The positioning statement lacks {missing} (the template is {parts})',
    none: '"{section}" has no positioning statement ({parts})',
    insert: 'Insert {missing}',
    insertAll: 'Insert a positioning statement template',
  },
  defaults: { minPartsElsewhere: 3 },
  optionsSchema: {
    type: 'object',
    properties: {
      minPartsElsewhere: {
        type: 'integer',
        minimum: 2,
        maximum: 6,
        description: 'How many lines of the template (one of them "For") make a positioning statement outside the GTM Positioning & Messaging section.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const parts = statementParts(ctx.kind);
    if (!parts.length) return;
    const { doc } = ctx;
    const language = ctx.language;
    const finder = NameFinder.of(parts.flatMap((p) => p.aliases));
    const partOf = new Map<string, string>();
    for (const p of parts) for (const a of p.aliases) if (!partOf.has(a)) partOf.set(a, p.id);
    const titles = (ids: string[]): string => ids.map((id) => pickTitle(parts.find((p) => p.id === id)!, language)).join(' / ');
    const allTitles = titles(parts.map((p) => p.id));

    const positioning = ctx.kind.kind === 'gtm' ? ctx.match.byId.get('positioning') : undefined;
    const inPositioning = new Set<Section>();
    const mark = (s: Section): void => {
      inPositioning.add(s);
      s.children.forEach(mark);
    };
    if (positioning) mark(positioning);

    let foundInPositioning = false;
    for (const section of doc.allSections) {
      const loose = inPositioning.has(section);
      for (const statement of statements(doc, section, finder, partOf, loose)) {
        const present = new Set(statement.lines.map((l) => l.part));
        // Without its "For" line a run of parts needs one more to count as a statement.
        const min = loose ? 2 : Math.max(2, ctx.options.minPartsElsewhere);
        const enough = present.size >= (present.has('for') ? min : min + 1);
        if (!enough) continue;
        if (loose) foundInPositioning = true;
        const missing = parts.filter((p) => !present.has(p.id));
        if (!missing.length) continue;
        const first = statement.lines[0]!.line;
        const last = statement.lines[statement.lines.length - 1]!.line;
        const start = first.start + containerPrefix(first.text).length;
        const missingTitles = titles(missing.map((p) => p.id));
        ctx.report({
          message: 'incomplete',
          args: { missing: missingTitles, parts: allTitles },
          span: { start, end: last.end },
          fixes: [{ title: 'insert', args: { missing: missingTitles }, edits: insertions(doc, statement, parts, language), preferred: true }],
        });
      }
    }

    if (positioning && !foundInPositioning) {
      const own = sectionLines(doc, positioning);
      if (isUnfilled(doc, own)) return;
      const firstContent = sectionLines(doc, positioning, false).find((l) => l.text.trim() !== '');
      const offset = firstContent ? firstContent.start : doc.lines.lineEnd(doc.lines.lineAt(positioning.heading.span.end));
      const block = parts.map((p) => pickTemplate(p, language)).join(doc.lines.eol) + doc.lines.eol;
      ctx.report({
        message: 'none',
        args: { section: positioning.heading.text, parts: allTitles },
        span: headingSpan(positioning),
        fixes: [{ title: 'insertAll', edits: [blockInsertion(doc, offset, block)], preferred: true }],
      });
    }
  },
});

function pickTitle(p: StatementPart, language: Language): string {
  return p.title[language] || p.title.en;
}

function pickTemplate(p: StatementPart, language: Language): string {
  return p.template[language] || p.template.en;
}

/** Where a line's words begin: after its container, emphasis and an opening quote. */
function wordsStart(text: string): number {
  let i = leadLength(text);
  const rest = text.slice(i);
  const q = OPENING_QUOTE.exec(rest);
  if (q) i += q[0].length;
  const em = /^(?:\*\*|__)/.exec(text.slice(i));
  if (em) i += em[0].length;
  return i;
}

/** The part a line starts with, by its first words; undefined when it starts with none. */
function spelledPart(text: string, finder: NameFinder, partOf: Map<string, string>): string | undefined {
  const at = wordsStart(text);
  const rest = text.slice(at);
  // Keywords are capitalised: a wrapped line of prose that begins with "for" is not a part.
  if (!/^\p{Lu}/u.test(rest)) return undefined;
  if (NOT_A_PART.test(rest)) return undefined;
  const m = finder.findAtStart(rest);
  return m ? partOf.get(m.name) : undefined;
}

/** The statements of a section's own lines (subsections are read as sections of their own). */
function statements(doc: SegDocument, section: Section, finder: NameFinder, partOf: Map<string, string>, loose: boolean): Statement[] {
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
    const spelled = spelledPart(line.text, finder, partOf);
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
  return groups.map((lines) => ({ lines: place(lines), loose }));
}

/** Decides each line's part from its spelling and its place (see the header). */
function place(lines: PartLine[]): PartLine[] {
  const has = new Set<string>();
  const ours = lines.filter((l) => l.spelled === 'category' || l.spelled === 'product');
  lines.forEach((l, i) => {
    let part = l.spelled;
    if (part === 'who' && has.has('category') && has.has('who')) part = 'benefit';
    else if (part === 'benefit' && !has.has('category') && !has.has('who') && lines.slice(i + 1).some((x) => x.spelled === 'category' || x.spelled === 'product')) {
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

/**
 * Edits inserting the missing parts, each after the nearest part before it in the template
 * (before the statement's closing quote when it is the last line), or at the start of the
 * statement when no part before it is there. Lines take the statement's list marker or
 * block-quote prefix; inserts at one place are joined into one edit.
 */
function insertions(doc: SegDocument, statement: Statement, parts: StatementPart[], language: Language): TextEdit[] {
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
    const prefix = continuation(anchor.line.text);
    let offset = anchor.line.end;
    if (anchor === last && quoted) {
      const close = CLOSING_QUOTE.exec(anchor.line.text);
      if (close) offset = anchor.line.start + close.index;
    }
    add(offset, eol + prefix + text);
  }
  const edits: TextEdit[] = [];
  if (atStart.length) {
    const prefix = continuation(first.text);
    let offset = first.start + containerPrefix(first.text).length;
    const q = OPENING_QUOTE.exec(doc.text.slice(offset, first.end));
    if (q) offset += q[0].length;
    edits.push({ span: { start: offset, end: offset }, newText: atStart.map((t) => t + eol + prefix).join('') });
  }
  for (const [offset, texts] of byOffset) edits.push({ span: { start: offset, end: offset } as Span, newText: texts.join('') });
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/** What a new line next to `text` starts with: its indentation, `>` markers and list marker. */
function continuation(text: string): string {
  return containerPrefix(text);
}
