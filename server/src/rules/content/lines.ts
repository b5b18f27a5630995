/**
 * Line-level reading for the content rules (market sizing, unit economics, positioning,
 * launch timeline, persona evidence). Those rules look for things the methodology writes one
 * per line — `- **TAM**: $15B`, `T-24 weeks: …`, `Unlike AWS …` — in whatever block holds
 * them: a list, a paragraph, a table row, a block quote or a fenced block, since the GTM
 * template writes its own examples in fenced blocks. So they read source lines with offsets rather
 * than the model's blocks, and use the model only to know where sections begin and end.
 */
import { findPlaceholders } from '../../model/placeholders';
import type { Section, SegDocument } from '../../model/types';
import type { Span } from '../../parse/text';

export interface Line {
  /** The line's text, without its line break. */
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past its last character (before the line break). */
  end: number;
}

/** The lines that start inside [start, end), each cut at `end`. */
export function linesBetween(doc: SegDocument, start: number, end: number): Line[] {
  const out: Line[] = [];
  if (end <= start) return out;
  const first = doc.lines.lineAt(start);
  for (let line = first; line < doc.lines.lineCount; line++) {
    const ls = Math.max(doc.lines.lineStart(line), start);
    if (ls >= end || (line > first && doc.lines.lineStart(line) >= end)) break;
    const le = Math.min(doc.lines.lineEnd(line), end);
    out.push({ text: doc.text.slice(ls, le), start: ls, end: le });
  }
  return out;
}

/**
 * The parts of a section that hold its own content: from the end of its heading to its end,
 * minus subsections that name a section of the kind themselves (they are checked as that
 * section). Unnamed subsections (`### Year 1`) belong to the section, as validation counts them.
 */
export function sectionRegions(section: Section, withUnnamedChildren = true): Span[] {
  const start = section.heading.span.end;
  if (!withUnnamedChildren) {
    const end = section.children[0]?.span.start ?? section.span.end;
    return end > start ? [{ start, end }] : [];
  }
  const out: Span[] = [];
  let at = start;
  for (const child of section.children) {
    if (!child.key) continue;
    if (child.span.start > at) out.push({ start: at, end: child.span.start });
    at = Math.max(at, child.span.end);
  }
  if (section.span.end > at) out.push({ start: at, end: section.span.end });
  return out;
}

/** The lines of a section's own content (see sectionRegions), in document order. */
export function sectionLines(doc: SegDocument, section: Section, withUnnamedChildren = true): Line[] {
  return sectionRegions(section, withUnnamedChildren).flatMap((r) => linesBetween(doc, r.start, r.end));
}

/** Whether `offset` lies inside any of `spans`. */
export function inSpans(offset: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

/**
 * The line's text with every template placeholder (`[Amount]`, `YYYY-MM-DD`) replaced by
 * spaces, so that offsets stay the same and nothing inside a placeholder is read as a
 * figure: `[Target, >3x]` states no target, it asks for one.
 */
export function blankPlaceholders(doc: SegDocument, line: Line): string {
  const found = findPlaceholders(doc.text, doc.definitions, [], line.start, line.end);
  if (!found.length) return line.text;
  // One pass over the line (a line of 50,000 placeholders must not be rebuilt 50,000 times).
  const parts: string[] = [];
  let at = 0;
  for (const p of found) {
    const s = Math.max(at, p.span.start - line.start);
    const e = p.span.end - line.start;
    if (e <= s) continue;
    parts.push(line.text.slice(at, s), ' '.repeat(e - s));
    at = e;
  }
  parts.push(line.text.slice(at));
  return parts.join('');
}

/**
 * A test of whether an offset lies inside any of `spans`, in logarithmic time (inSpans is
 * linear in the spans: per line of a document with a comment on every line, quadratic).
 */
export function spanTest(spans: readonly Span[]): (offset: number) => boolean {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  // Merge overlapping spans, so that the one starting last at or before an offset decides.
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return (offset) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = merged[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The placeholders on a line, with document offsets. */
export function placeholdersOn(doc: SegDocument, line: Line): Span[] {
  return findPlaceholders(doc.text, doc.definitions, [], line.start, line.end).map((p) => p.span);
}

/**
 * Markdown that can lead a line before its words: indentation, block-quote markers, list
 * markers (with a task box), table pipes, heading markers and opening emphasis.
 */
const LEAD = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+|\|[ \t]*)?(?:\*\*|__|\*|_)?/;

/** Length of the Markdown lead of a line (see LEAD). */
export function leadLength(text: string): number {
  return LEAD.exec(text)?.[0].length ?? 0;
}

/** The container prefix of a line (indentation, `>` markers and a list marker), for lines a fix adds next to it. */
export function containerPrefix(text: string): string {
  const m = /^((?:[ \t]*>)*[ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(text);
  return m ? m[1]! + (m[2] ?? '') : '';
}

/**
 * Whether a section holds nothing but template text: with field labels, Markdown and
 * placeholders taken away, no letter or digit is left. Such a section is an unfilled
 * template, which the placeholder rule reports; content rules stay quiet about it (a value
 * that is only a placeholder is reported once, as ARCHITECTURE.md says).
 */
export function isUnfilled(doc: SegDocument, lines: readonly Line[]): boolean {
  for (const line of lines) {
    // A subheading's words, like a field's label, name what the template asks for.
    if (/^#{1,6}[ \t]/.test(line.text.trimStart())) continue;
    // So does the header row of a template's table.
    if (/^\s*\|/.test(line.text) && isTableHeader(doc, line)) continue;
    let text = blankPlaceholders(doc, line);
    text = text.slice(containerPrefix(text).length).replace(/^[ \t]*\|/, '');
    text = text.replace(/^\*\*[^*\n]+?\*\*[ \t]*:|^\*\*[^*\n]+?:\*\*/u, ' ');
    if (/[\p{L}\p{N}]/u.test(text.replace(/\|/g, ' '))) return false;
  }
  return true;
}

/** Whether the line is the header row of a table (the next line is a delimiter row). */
function isTableHeader(doc: SegDocument, line: Line): boolean {
  const n = doc.lines.lineAt(line.start) + 1;
  if (n >= doc.lines.lineCount) return false;
  const next = doc.text.slice(doc.lines.lineStart(n), doc.lines.lineEnd(n));
  return /^\s*\|?\s*:?-{2,}/.test(next);
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface NameMatch {
  /** The name as the caller listed it. */
  name: string;
  start: number;
  end: number;
}

/**
 * Finds names as people type them: case-insensitive, any run of spaces or hyphens where the
 * name has one (`Sales-Led`, `sales led`), `ё` and `е` alike, and whole words only. Short
 * all-capital abbreviations (`TAM`, `NRR`) match in capitals only, so that `Sam` and `som`
 * in running text are not taken for them. Longer names win over their prefixes.
 */
export class NameFinder {
  private readonly re: RegExp;
  /** The same names, tried at one position only (sticky). */
  private readonly atStart: RegExp;
  private readonly names: string[];

  /**
   * The finder of a list of names, shared: the names come from the kind schemas and the
   * config, so the same few lists recur on every check and their patterns are built once.
   */
  static of(names: readonly string[]): NameFinder {
    const key = names.join('\u0000');
    let finder = finders.get(key);
    if (!finder) {
      if (finders.size >= MAX_FINDERS) finders.clear();
      finders.set(key, (finder = new NameFinder(names)));
    }
    return finder;
  }

  constructor(names: readonly string[]) {
    this.names = [...new Set(names)].sort((a, b) => b.length - a.length);
    const parts = this.names.map((n) => `(${namePattern(n)})`).join('|');
    this.re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts})(?![\\p{L}\\p{N}])`, 'giu');
    this.atStart = new RegExp(`(?:${parts})(?![\\p{L}\\p{N}])`, 'iuy');
  }

  find(text: string): NameMatch[] {
    const out: NameMatch[] = [];
    this.re.lastIndex = 0;
    for (let m = this.re.exec(text); m; m = this.re.exec(text)) {
      const match = this.match(m);
      if (match) out.push(match);
    }
    return out;
  }

  /** The name `text` begins with, if any: what `find` would report at offset 0. */
  findAtStart(text: string): NameMatch | undefined {
    this.atStart.lastIndex = 0;
    const m = this.atStart.exec(text);
    return m ? this.match(m) : undefined;
  }

  private match(m: RegExpExecArray): NameMatch | undefined {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    const name = this.names[i]!;
    if (isAbbreviation(name) && m[0] !== name) return undefined;
    return { name, start: m.index, end: m.index + m[0].length };
  }
}

const finders = new Map<string, NameFinder>();
/** Bound on the shared finders: names from config files could otherwise pile up in a long session. */
const MAX_FINDERS = 64;

function isAbbreviation(name: string): boolean {
  return /^[A-Z]{2,4}$/.test(name);
}

/** The pattern of one name, without anchors or groups (see NameFinder). */
function namePattern(name: string): string {
  return escapeRegExp(name)
    .replace(/[ \t\-‑–]+/g, '[\\s\\-‑–]*')
    .replace(/[её]/giu, '[её]');
}
