/**
 * One model for every layout of the same content. Marketers write a persona's fields as
 * bold-label lines, as `- Key: value` items, as a nested list (`- **Job Title**` over one
 * child item holding the value), as a two-column key/value table (`| Attribute | Detail |`)
 * or as definition-like lines of a paragraph (`Job title: VP of Engineering`). The first two
 * are read while a chunk is built (model/fragment.ts); the others are read here, once the
 * sections are assembled (model/build.ts), from the section's lists, tables and paragraphs —
 * so every rule, the schema validation and the editor services see the same fields whatever
 * the layout, and the chunked model still equals the whole one (nothing here looks across
 * sections).
 *
 * Conservative on purpose: a label is short (a few words, no sentence punctuation, no URL),
 * a paragraph line counts only when it stands alone or in a run of such lines, and a table
 * gives fields only when it has two columns and a key/value header or short labels in its
 * first column.
 */
import { readField, trimRun } from './fragment';
import { keyHeaders, valueHeaders } from './lexicon';
import { normalizeKey } from './normalize';
import type { Field, ListItem, Section, Table, TableCell, TextRun } from './types';

/** `**Job Title**`, `__Job Title__`, `**Job Title:**`, `**Job Title**:`, `Job Title:` → the label and its offsets in `s`. */
function labelOf(s: string): { start: number; end: number } | undefined {
  let start = 0;
  let end = s.length;
  const strip = (): void => {
    while (start < end && /\s/.test(s[start]!)) start++;
    while (end > start && /\s/.test(s[end - 1]!)) end--;
  };
  strip();
  if (end > start && s[end - 1] === ':') {
    end--;
    strip();
  }
  const wrapped = /^(\*\*|__)([\s\S]+)\1$/.exec(s.slice(start, end));
  if (wrapped) {
    start += 2;
    end -= 2;
    strip();
    if (end > start && s[end - 1] === ':') {
      end--;
      strip();
    }
  }
  return end > start ? { start, end } : undefined;
}

/**
 * A short label: starts with a letter, at most five words (a parenthetical aside), at most
 * 40 characters, no sentence punctuation, markup, links or URLs.
 */
export function isShortLabel(label: string): boolean {
  if (label.length > 60 || !/^\p{L}/u.test(label)) return false;
  if (/[.!?;:|`<>[\]*_]|https?\/\/|www\./u.test(label)) return false;
  const bare = label.replace(/\([^)]*\)/g, ' ').trim();
  if (bare.length > 40 || bare.length === 0) return false;
  return bare.split(/\s+/).length <= 5;
}

function field(label: TextRun, value: TextRun, span: Field['span'], style: Field['style']): Field | undefined {
  const key = normalizeKey(label.text);
  if (!key) return undefined;
  return { label, key, value, span, style, items: [] };
}

/** The line holding `offset`: from its start to its end, in `text`. */
function lineSpan(text: string, offset: number): Field['span'] {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return trimRun(text, s, e).span;
}

function cellLabel(text: string, cell: TableCell): TextRun | undefined {
  const l = labelOf(cell.text);
  if (!l) return undefined;
  const run = trimRun(text, cell.span.start + l.start, cell.span.start + l.end);
  return isShortLabel(run.text) ? run : undefined;
}

const BOLD_CELL = /^(\*\*|__)[^*_]+\1:?$|^(\*\*|__)[^*_]+:\2$/;

/**
 * How a table is laid out: `key-value` when its two columns are a key/value header (the
 * lexicon's key and value headers: `Attribute | Detail`, `Параметр | Значение`, an empty
 * header) or a header row written like its bold-labelled rows (the first pair is data);
 * `labelled` when it has two columns and every first-column cell is a short label (a row per
 * thing, each also a field: `| Direct | 60% |`); `rows` otherwise.
 */
export function tableLayout(table: Table): 'key-value' | 'labelled' | 'rows' {
  if (table.header.length !== 2 || !table.rows.length) return 'rows';
  const [k, v] = table.header.map((c) => normalizeKey(c.text)) as [string, string];
  const labels = table.rows.filter((r) => (r[0]?.text ?? '') !== '');
  if (
    !labels.length ||
    !labels.every((r) => {
      const l = labelOf(r[0]!.text);
      return l !== undefined && isShortLabel(r[0]!.text.slice(l.start, l.end));
    })
  ) {
    return 'rows';
  }
  if (keyHeaders.has(k) && valueHeaders.has(v)) return 'key-value';
  if (headerIsData(table)) return 'key-value';
  return 'labelled';
}

/** The header row of a two-column table is a field too when it is written like its rows: a bold label and a value. */
function headerIsData(table: Table): boolean {
  const [k, v] = table.header;
  if (!k || !v || v.text === '' || !BOLD_CELL.test(k.text)) return false;
  return table.rows.some((r) => r[0] !== undefined && BOLD_CELL.test(r[0].text));
}

function tableFields(text: string, table: Table): Field[] {
  const layout = tableLayout(table);
  if (layout === 'rows') return labelledCells(text, table);
  const rows = headerIsData(table) ? [table.header, ...table.rows] : table.rows;
  const out: Field[] = [];
  for (const row of rows) {
    const [k, v] = row;
    if (!k || k.text === '') continue;
    const label = cellLabel(text, k);
    if (!label) continue;
    const span = lineSpan(text, k.span.start);
    const value: TextRun = v ? { text: v.text, span: v.span } : { text: '', span: { start: span.end, end: span.end } };
    const f = field(label, value, span, 'table');
    if (f) out.push(f);
  }
  return out;
}

/**
 * In a table of rows, a first-column cell that starts with a label (`| Primary goal: one
 * contracting standard | … |`, `| **Role**: champion | … |`) is that field, its value the rest
 * of the cell.
 */
function labelledCells(text: string, table: Table): Field[] {
  const out: Field[] = [];
  for (const row of table.rows) {
    const cell = row[0];
    if (!cell || !cell.text.includes(':')) continue;
    const f = readField(text, cell.span.start, cell.span.end, true);
    if (f && f.value.text !== '' && isShortLabel(f.label.text)) out.push({ ...f, style: 'table' });
  }
  return out;
}

/**
 * `- **Job Title**` (or `- Job Title`, `- Job Title:`) whose only child item is the value:
 * the item is a field. Items that are fields already, task items, and items whose child is
 * itself a field or has children of its own are left alone.
 */
function nestedFields(text: string, items: ListItem[], taken: Set<number>, out: Field[]): void {
  for (const item of items) {
    const child = item.children.length === 1 ? item.children[0]! : undefined;
    if (
      child &&
      item.checked === null &&
      !taken.has(item.textSpan.start) &&
      !taken.has(child.textSpan.start) &&
      !child.children.length &&
      child.text !== ''
    ) {
      const l = labelOf(item.text);
      if (l) {
        const label = trimRun(text, item.textSpan.start + l.start, item.textSpan.start + l.end);
        const rest = item.text.slice(0, l.start).replace(/[*_\s]/g, '') + item.text.slice(l.end).replace(/[*_:\s]/g, '');
        if (rest === '' && isShortLabel(label.text)) {
          const f = field(label, { text: child.text, span: child.textSpan }, item.textSpan, 'nested');
          if (f) out.push(f);
        }
      }
    }
    nestedFields(text, item.children, taken, out);
  }
}

/** `Job title: VP of Engineering`: a short label, a colon and a value, on a line of its own. */
const DEFINITION = /^(\p{L}[^:*[\]`|<>\n]{0,40}?):[ \t]+(?=\S)/u;

/**
 * Definition-like lines of a paragraph: a paragraph of one such line, or a run of at least
 * two consecutive ones (bold-label lines count towards the run; they are fields already).
 */
function definitionFields(text: string, paragraph: TextRun, taken: Set<number>): Field[] {
  const lines: Array<{ start: number; end: number; field?: Field; bold: boolean }> = [];
  let pos = paragraph.span.start;
  const end = paragraph.span.end;
  while (pos < end) {
    let e = pos;
    while (e < end && text[e] !== '\n' && text[e] !== '\r') e++;
    const run = trimRun(text, pos, e);
    const bold = taken.has(run.span.start);
    const line: (typeof lines)[number] = { start: run.span.start, end: run.span.end, bold };
    const m = bold ? null : DEFINITION.exec(run.text);
    if (m && isShortLabel(m[1]!.trim())) {
      const label = trimRun(text, run.span.start, run.span.start + m[1]!.length);
      const value = trimRun(text, run.span.start + m[0].length, run.span.end);
      // A URL or a clock time is no definition: `See: https://…` is a pointer, `at 10: 30` a typo.
      if (!/^\/\//.test(value.text) && !/\d$/.test(label.text)) {
        const f = field(label, value, run.span, 'definition');
        if (f) line.field = f;
      }
    }
    lines.push(line);
    pos = e;
    if (text[pos] === '\r') pos++;
    if (text[pos] === '\n') pos++;
    if (pos === e) break;
  }
  const out: Field[] = [];
  const isDef = (i: number): boolean => lines[i] !== undefined && (lines[i]!.field !== undefined || lines[i]!.bold);
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i]!.field;
    if (!f) continue;
    if (lines.length === 1 || isDef(i - 1) || isDef(i + 1)) out.push(f);
  }
  return out;
}

/**
 * Adds to a section the fields its tables, nested lists and definition-like paragraph lines
 * hold (see the header), keeping `fields` in document order. Fields read while building the
 * chunk (bold labels, `- Key: value` items) are kept as they are.
 */
export function addLayoutFields(text: string, section: Section): void {
  const taken = new Set(section.fields.map((f) => f.span.start));
  const added: Field[] = [];
  for (const t of section.tables) added.push(...tableFields(text, t));
  for (const l of section.lists) nestedFields(text, l.items, taken, added);
  for (const p of section.paragraphs) added.push(...definitionFields(text, p, taken));
  if (!added.length) return;
  section.fields = [...section.fields, ...added].sort((a, b) => a.span.start - b.span.start);
}
