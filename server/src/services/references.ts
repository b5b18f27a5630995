/**
 * References, definitions and rename of a segment across the workspace, over the facts each
 * document yields (rules/workspace/facts.ts) — never a document's tree, so files on disk
 * answer from the workspace index as open documents do from their last check. The places a
 * segment is named are read generically from the facts: the segments a document defines
 * (`segments[].at`: a heading, a table row, a bold line), the values naming one (a persona's
 * `**Segment**:`, `segmentRefs`), the rows of prioritization matrices (`matrixRows[].name`)
 * the segments a GTM plan targets (`targets`), the names listed under a prioritization's tier
 * sections (`tiers` placed at the name) and a segmentation's Buyer Personas list
 * (`personaSegments`).
 *
 * Names match as unknown-segment matches them (model/segments `segmentNameKey`,
 * `referencesSegment`): Find All References and Go to Definition accept a mention that names
 * the segment in part ("Tier 1: Regulated FinTech (EU)", "Mid-market" for "Mid-market with
 * process maturity"). Rename is stricter: it changes only the mentions whose comparison key
 * is the segment's key (the same words, whatever the numbering, emoji, emphasis or
 * parenthetical around them, which each mention keeps: only the words are replaced), and
 * lists the mentions that name the segment only in part, for the front end to tell the user
 * they were left as they are.
 */
import { referencesSegment, segmentNameKey } from '../model/segments';
import type { Range } from '../parse/text';
import type { DocumentFacts, Located } from '../rules/workspace/facts';
import type { SummarySource } from './symbols';

/** What a place naming a segment is. */
export type MentionRole = 'definition' | 'reference' | 'matrix-row' | 'target' | 'tier-list' | 'persona-list';

export interface Mention {
  role: MentionRole;
  at: Located;
}

/** A mention in a document of the workspace (open: `uri`; on disk: `path`). */
export interface SegmentPlace {
  uri?: string;
  path?: string;
  role: MentionRole;
  text: string;
  range: Range;
  /** Whether the mention names the segment by its exact key (rename changes only those). */
  exact: boolean;
}

/** Every place the facts name a segment, definitions first. */
export function mentionsOf(facts: DocumentFacts): Mention[] {
  const out: Mention[] = facts.segments.map((s) => ({ role: 'definition', at: s.at }));
  for (const at of facts.segmentRefs) out.push({ role: 'reference', at });
  for (const row of facts.matrixRows ?? []) out.push({ role: 'matrix-row', at: row.name });
  for (const at of facts.targets ?? []) out.push({ role: 'target', at });
  // A tier statement placed at the segment's name (a name listed under a tier section).
  for (const t of facts.tiers ?? []) {
    if (t.stated.at.text === t.segment || segmentNameKey(t.stated.at.text) === segmentNameKey(t.segment))
      out.push({ role: 'tier-list', at: t.stated.at });
  }
  for (const at of facts.personaSegments ?? []) out.push({ role: 'persona-list', at });
  return out;
}

/** The mention at `offset` (its ends included), a definition first. */
export function mentionAt(facts: DocumentFacts, offset: number): Mention | undefined {
  return mentionsOf(facts).find((m) => m.at.span.start <= offset && offset <= m.at.span.end);
}

function where(src: SummarySource): { uri?: string; path?: string } {
  return { ...(src.uri ? { uri: src.uri } : {}), ...(src.path ? { path: src.path } : {}) };
}

/**
 * The segment a mention names, as comparison keys: its own key when a document defines it
 * (or when it is a definition, or no document defines anything it names), else the keys of
 * the segments it names in part.
 */
export function segmentKeysOf(mention: Mention, sources: readonly SummarySource[]): { keys: string[]; exact: boolean } {
  const key = segmentNameKey(mention.at.text);
  if (mention.role === 'definition') return { keys: [key], exact: true };
  const defined = new Set(sources.flatMap((src) => src.summary.facts.segments.map((s) => segmentNameKey(s.name))));
  if (defined.has(key)) return { keys: [key], exact: true };
  const loose = [...defined].filter((k) => referencesSegment(key, k));
  return loose.length ? { keys: loose, exact: false } : { keys: [key], exact: true };
}

/** Every mention of the segments of `keys` in `sources`; definitions only by their exact key. */
export function segmentMentions(
  keys: readonly string[],
  sources: readonly SummarySource[],
  includeDefinitions = true,
): SegmentPlace[] {
  const out: SegmentPlace[] = [];
  for (const src of sources) {
    for (const m of mentionsOf(src.summary.facts)) {
      if (m.role === 'definition' && !includeDefinitions) continue;
      const key = segmentNameKey(m.at.text);
      const exact = keys.includes(key);
      if (!exact && (m.role === 'definition' || !keys.some((k) => referencesSegment(key, k)))) continue;
      out.push({ ...where(src), role: m.role, text: m.at.text, range: m.at.range, exact });
    }
  }
  return out;
}

/** Find All References at `offset` of a document whose facts are given; undefined when no segment is named there. */
export function segmentReferences(
  facts: DocumentFacts,
  offset: number,
  sources: readonly SummarySource[],
  includeDeclaration: boolean,
): SegmentPlace[] | undefined {
  const mention = mentionAt(facts, offset);
  if (!mention) return undefined;
  return segmentMentions(segmentKeysOf(mention, sources).keys, sources, includeDeclaration);
}

/**
 * Go to Definition at `offset`: the mention's range and where the segments it names are
 * defined (the exact name when one matches, else every segment it names in part).
 */
export function segmentDefinitionsAt(
  facts: DocumentFacts,
  offset: number,
  sources: readonly SummarySource[],
): { origin: Range; targets: SegmentPlace[] } | undefined {
  const mention = mentionAt(facts, offset);
  if (!mention) return undefined;
  const { keys } = segmentKeysOf(mention, sources);
  return { origin: mention.at.range, targets: segmentMentions(keys, sources).filter((p) => p.role === 'definition') };
}

// ---------------------------------------------------------------------------------------
// Rename

/**
 * The part of `raw` (a mention's text as written) that carries the name's words: the
 * innermost span whose comparison key is `key`, without the numbering, decoration,
 * emphasis or parenthetical that the key leaves out. Undefined when no part of `raw` has it
 * (the text changed since its facts were taken).
 */
export function nameCore(raw: string, key: string): { start: number; end: number } | undefined {
  if (!key || segmentNameKey(raw) !== key) return undefined;
  let start = 0;
  for (let a = raw.length - 1; a > 0; a--) {
    if (segmentNameKey(raw.slice(a)) === key) {
      start = a;
      break;
    }
  }
  for (let b = start + 1; b <= raw.length; b++) {
    if (segmentNameKey(raw.slice(start, b)) === key) return { start, end: b };
  }
  return { start, end: raw.length };
}

/** Why a new name is refused. */
export type RenameProblem =
  | { problem: 'empty' }
  | { problem: 'newline' }
  | { problem: 'no-words' }
  | { problem: 'pipe' }
  | { problem: 'taken'; name: string }
  | { problem: 'partial'; name: string };

/** The words of the mention at `offset` to rename, with its range; a problem when it names the segment only in part. */
export function prepareSegmentRename(
  facts: DocumentFacts,
  text: string,
  offset: number,
  sources: readonly SummarySource[],
): { range: Range; placeholder: string } | RenameProblem | undefined {
  const mention = mentionAt(facts, offset);
  if (!mention) return undefined;
  const { keys, exact } = segmentKeysOf(mention, sources);
  if (!exact) return { problem: 'partial', name: definedName(keys[0]!, sources) ?? mention.at.text };
  const core = coreRange(text, mention.at, keys[0]!);
  return core ? { range: core.range, placeholder: core.text } : undefined;
}

function definedName(key: string, sources: readonly SummarySource[]): string | undefined {
  for (const src of sources) for (const s of src.summary.facts.segments) if (segmentNameKey(s.name) === key) return s.name;
  return undefined;
}

/** The core of a mention in its document's text, as a range (a mention is on one line). */
function coreRange(text: string, at: Located, key: string): { range: Range; text: string } | undefined {
  const raw = text.slice(at.span.start, at.span.end);
  const core = nameCore(raw, key);
  if (!core || at.range.start.line !== at.range.end.line) return undefined;
  const { line, character } = at.range.start;
  return {
    range: { start: { line, character: character + core.start }, end: { line, character: character + core.end } },
    text: raw.slice(core.start, core.end),
  };
}

/** The line of `text` around `offset`. */
function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

export interface DocumentRename {
  uri?: string;
  path?: string;
  edits: Array<{ range: Range; newText: string }>;
}

export interface SegmentRename {
  documents: DocumentRename[];
  /** Mentions naming the segment only in part, left as they are. */
  partial: SegmentPlace[];
  /** Mentions whose document changed since its facts were taken, left as they are. */
  stale: SegmentPlace[];
}

/**
 * The edits renaming the segment named at `offset` to `newName` in every document of
 * `sources` that names it by its exact key; `read` gives a document's current text (the
 * text its facts were taken from). A problem when the new name cannot be written everywhere.
 */
export async function renameSegment(
  facts: DocumentFacts,
  offset: number,
  newName: string,
  sources: readonly SummarySource[],
  read: (src: SummarySource) => Promise<string | undefined>,
): Promise<SegmentRename | RenameProblem | undefined> {
  const mention = mentionAt(facts, offset);
  if (!mention) return undefined;
  const { keys, exact } = segmentKeysOf(mention, sources);
  const key = keys[0]!;
  if (!exact) return { problem: 'partial', name: definedName(key, sources) ?? mention.at.text };
  const name = newName.trim();
  if (!name) return { problem: 'empty' };
  if (/[\r\n]/.test(name)) return { problem: 'newline' };
  const newKey = segmentNameKey(name);
  if (!newKey) return { problem: 'no-words' };
  if (newKey !== key) {
    const taken = definedName(newKey, sources);
    if (taken !== undefined) return { problem: 'taken', name: taken };
  }
  const out: SegmentRename = { documents: [], partial: [], stale: [] };
  let pipeInTable = false;
  for (const src of sources) {
    const places = mentionsOf(src.summary.facts).filter((m) => {
      const k = segmentNameKey(m.at.text);
      if (k === key) return true;
      if (m.role !== 'definition' && referencesSegment(k, key)) out.partial.push(placeOf(src, m, false));
      return false;
    });
    if (!places.length) continue;
    const text = await read(src);
    const doc: DocumentRename = { ...where(src), edits: [] };
    for (const m of places) {
      const core = text === undefined ? undefined : coreRange(text, m.at, key);
      if (!core) {
        out.stale.push(placeOf(src, m, true));
        continue;
      }
      if (name.includes('|') && lineAround(text!, m.at.span.start).includes('|')) pipeInTable = true;
      doc.edits.push({ range: core.range, newText: name });
    }
    if (doc.edits.length) out.documents.push(doc);
  }
  return pipeInTable ? { problem: 'pipe' } : out;
}

function placeOf(src: SummarySource, m: Mention, exact: boolean): SegmentPlace {
  return { ...where(src), role: m.role, text: m.at.text, range: m.at.range, exact };
}
