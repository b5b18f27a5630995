/**
 * Symbols: the outline of a segdoc document (outline.ts, re-exported here), and the segments
 * and personas of the whole workspace, as plain data. The language server turns them into
 * DocumentSymbol / SymbolInformation / WorkspaceSymbol (lsp/symbols.ts).
 *
 * Workspace: a {@link WorkspaceIndex} walks the workspace folders for Markdown files with
 * the walk Check Workspace uses too (services/workspace-files.ts: bounded, no `node_modules`,
 * dot folders or symbolic links, listings cached by the folder's modification time) — lazily,
 * on the first request that needs it — and keeps each file's summary (its personas and
 * segments) until the file's modification time or size changes, or the config that applies
 * to it does; files over `maxFileSize` are not read. A request after the first costs a stat
 * per directory and per file. Open documents are summarised from the editor's text instead of the disk.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { buildDocument, buildDocumentAsync, type ChunkParser } from '../model/build';
import type { SegDocument } from '../model/types';
import type { Range } from '../parse/text';
import { builtinKinds } from '../schemas/builtin';
import { detectKind, type Detection } from '../schemas/detect';
import { matchSections, type KindMatch } from '../schemas/validate';
import { segmentsOf } from '../rules/segments/vocabulary';
import { segmentDefinitionsAt } from './references';
import { lintOptionsFor, loadConfigForFile, type LoadedConfig } from './config';
import type { LintResult } from './engine';
import { nonEmpty, PERSONA_KIND, personaName } from './outline';
import { WorkspaceFiles, type WalkLimits } from './workspace-files';
import { extractFacts, Locator, type DocumentFacts } from '../rules/workspace/facts';
import { tierThresholds } from './tiers';
import { Suppressions } from './suppress';
import type { TierThresholds } from '../rules/matrix/evaluate';
import { workspaceRuleIds } from './workspace-rules';

export { documentOutline, flattenOutline, personaName, type OutlineKind, type OutlineSymbol } from './outline';

// ---------------------------------------------------------------------------------------
// Document summaries (what the workspace knows of each document)

export interface NamedPlace {
  name: string;
  range: Range;
}

export interface DocumentSummary {
  kind: string;
  /** The document's title (H1) as written; '' when it has none. */
  title: string;
  /** The persona a persona document describes (its title). */
  personas: NamedPlace[];
  /** The segments the document defines (placeholders such as `[Segment Name]` left out). */
  segments: NamedPlace[];
  /** What the document contributes to the workspace model (rules/workspace/facts.ts). */
  facts: DocumentFacts;
}

/** A checked document's personas and segments; undefined when it is not a segdoc document. */
export function summarize(
  doc: SegDocument,
  detection: Detection | undefined,
  match: KindMatch | undefined,
  known?: DocumentFacts,
  thresholds?: TierThresholds,
): DocumentSummary | undefined {
  if (!detection || !match) return undefined;
  const kind = detection.kind;
  const title = doc.title?.text ?? '';
  const personas: NamedPlace[] = [];
  if (kind.kind === PERSONA_KIND && doc.title) {
    personas.push({ name: personaName(kind, title), range: doc.lines.rangeOf(nonEmpty(doc.title.textSpan, doc.title.span)) });
  }
  const segments = segmentsOf(doc, match, kind)
    .filter((s) => !s.placeholder && s.name.trim() !== '')
    .map((s) => ({ name: s.name, range: doc.lines.rangeOf(nonEmpty(s.nameSpan, s.span)) }));
  const facts =
    known ?? extractFacts(doc, detection, match, new Locator(doc, new Suppressions(doc), workspaceRuleIds()), { thresholds });
  return { kind: kind.kind, title, personas, segments, facts };
}

/** {@link summarize} of a lint result. */
export function summarizeResult(result: LintResult): DocumentSummary | undefined {
  return summarize(result.doc, result.detection, result.match, result.facts);
}

/** Reads a file's text as the CLI would check it (its config's kinds and globs) and summarises it. */
export async function summarizeText(
  text: string,
  filePath: string,
  loaded: LoadedConfig,
  parser?: ChunkParser,
): Promise<DocumentSummary | undefined> {
  const options = lintOptionsFor(loaded, filePath);
  // Workspace files do not go through the shared fragment cache: they would push the open
  // documents' fragments out of it.
  const build = { path: filePath, cache: null };
  const doc = parser ? await buildDocumentAsync(text, parser, build) : buildDocument(text, build);
  const kinds = options.config?.kinds ?? builtinKinds();
  const detection = detectKind(doc, kinds, {
    ...(options.config?.globs ? { globs: options.config.globs } : {}),
    ...(options.relativePath !== undefined ? { relativePath: options.relativePath } : {}),
  });
  return detection
    ? summarize(doc, detection, matchSections(doc, detection.kind), undefined, tierThresholds(options.config))
    : undefined;
}

/** A summarised document: an open one (by URI) or a workspace file (by path). */
export interface SummarySource {
  uri?: string;
  /** The file-system path, for files (open or not). */
  path?: string;
  summary: DocumentSummary;
}

// ---------------------------------------------------------------------------------------
// Workspace symbols

export interface WorkspaceSymbolEntry {
  name: string;
  kind: 'persona' | 'segment';
  /** The document it is in: its title, else its file name. */
  container: string;
  uri?: string;
  path?: string;
  range: Range;
}

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

/** Whether the query's characters occur in the name in order (case and `ё` folded), as editors filter symbols. */
export function matchesQuery(name: string, query: string): boolean {
  const q = fold(query).replace(/\s+/g, '');
  if (!q) return true;
  const n = fold(name);
  let i = 0;
  for (const c of n) if (c === q[i] && ++i === q.length) return true;
  return false;
}

/** Most symbols a workspace/symbol answer carries; an editor asks again as the query narrows. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** The personas and segments of `sources` whose name matches `query`, document by document. */
export function workspaceSymbols(sources: readonly SummarySource[], query: string): WorkspaceSymbolEntry[] {
  const out: WorkspaceSymbolEntry[] = [];
  for (const src of sources) {
    const container = src.summary.title || (src.path ? path.basename(src.path) : (src.uri ?? ''));
    const where = { ...(src.uri ? { uri: src.uri } : {}), ...(src.path ? { path: src.path } : {}) };
    for (const [kind, list] of [
      ['persona', src.summary.personas],
      ['segment', src.summary.segments],
    ] as const) {
      for (const p of list) {
        if (!matchesQuery(p.name, query)) continue;
        out.push({ name: p.name, kind, container, ...where, range: p.range });
        if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      }
    }
  }
  return out;
}

/** Where a segment is defined: a document (open: `uri`; on disk: `path`) and the segment's name there. */
export interface SegmentDefinition {
  name: string;
  uri?: string;
  path?: string;
  range: Range;
}

/**
 * Go to definition on a place naming a segment (a persona's `**Segment**:` value, a matrix
 * row, a GTM target, a definition itself): the place's range, and the segments of `sources`
 * it names (the exact name when one matches, else every segment it names in part, see
 * services/references.ts). Undefined when `offset` is not on such a place.
 */
export function segmentDefinitions(
  result: LintResult,
  offset: number,
  sources: readonly SummarySource[],
): { origin: Range; targets: SegmentDefinition[] } | undefined {
  if (!result.facts) return undefined;
  const found = segmentDefinitionsAt(result.facts, offset, sources);
  if (!found) return undefined;
  const targets = found.targets.map((t) => ({
    name: t.text,
    ...(t.uri ? { uri: t.uri } : {}),
    ...(t.path ? { path: t.path } : {}),
    range: t.range,
  }));
  return { origin: found.origin, targets };
}

/** Segment names of `sources` (each with the file or document it comes from), in order. */
export function segmentNames(sources: readonly SummarySource[]): Array<{ name: string; source: string }> {
  return sources.flatMap((src) => {
    const source = src.path ? path.basename(src.path) : src.summary.title || (src.uri ?? '');
    return src.summary.segments.map((s) => ({ name: s.name, source }));
  });
}

// ---------------------------------------------------------------------------------------
// The workspace index

export interface WorkspaceLimits extends WalkLimits {
  /** Larger files are not read (the engine would not parse them anyway). */
  maxFileSize: number;
}

export const DEFAULT_WORKSPACE_LIMITS: Readonly<WorkspaceLimits> = {
  maxFiles: 2000,
  maxDirectories: 5000,
  maxDepth: 12,
  maxFileSize: 2_000_000,
};

/** The config that applies to a file; a broken one counts as none (its problems are reported where it is edited). */
function configFor(file: string): LoadedConfig {
  try {
    return loadConfigForFile(file);
  } catch {
    return { config: {}, diagnostics: [], dependencies: [] };
  }
}

interface FileEntry {
  stamp: string;
  config: LoadedConfig;
  summary: DocumentSummary | undefined;
}

export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly walker = new WorkspaceFiles();
  private readonly files = new Map<string, FileEntry>();
  private running: Promise<SummarySource[]> | undefined;
  /** Set by changed() while a walk runs: that walk may have missed the change. */
  private runningStale = false;

  /** Files on disk changed (watched-file events): the next documents() sees them. */
  changed(): void {
    if (this.running) this.runningStale = true;
  }

  /** Whether the last walk stopped at a limit (so some files were not looked at). */
  truncated = false;

  /**
   * `parser` parses the files off this thread (services/parse-pool.ts), as the language
   * server does; without it they are parsed here.
   */
  constructor(
    private readonly limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS,
    private readonly parser?: ChunkParser,
  ) {}

  /** The folders to walk (file-system paths). */
  setFolders(folders: readonly string[]): void {
    this.folders = [...new Set(folders.map((f) => path.resolve(f)))];
  }

  getFolders(): readonly string[] {
    return this.folders;
  }

  /**
   * The segdoc documents of the workspace: `open` ones as given (the editor's text), then the
   * workspace files that are not open. Concurrent calls share one walk.
   */
  async documents(open: readonly SummarySource[] = []): Promise<SummarySource[]> {
    // A walk that started before the last change may have read a file before it changed:
    // wait for it, then walk again.
    while (this.running && this.runningStale) await this.running.catch(() => undefined);
    if (!this.running) {
      this.runningStale = false;
      this.running = this.walk().finally(() => {
        this.running = undefined;
      });
    }
    const files = await this.running;
    const openPaths = new Set(open.flatMap((o) => (o.path ? [path.resolve(o.path)] : [])));
    return [...open, ...files.filter((f) => !openPaths.has(f.path!))];
  }

  private async walk(): Promise<SummarySource[]> {
    const { files, truncated } = await this.walker.walk(this.folders, this.limits);
    const found = files.map((f) => f.path);
    this.truncated = truncated;
    const out: SummarySource[] = [];
    const seen = new Set<string>();
    // Files of one folder share their config: it is looked up once per folder and walk.
    const configs = new Map<string, LoadedConfig>();
    for (const file of found) {
      seen.add(file);
      const dir = path.dirname(file);
      let config = configs.get(dir);
      if (!config) {
        config = configFor(file);
        configs.set(dir, config);
      }
      const summary = await this.summaryOf(file, config);
      if (summary) out.push({ path: file, summary });
    }
    for (const key of this.files.keys()) if (!seen.has(key)) this.files.delete(key);
    return out;
  }

  /** A file's summary, from the cache while the file and its config are unchanged. */
  private async summaryOf(file: string, config: LoadedConfig): Promise<DocumentSummary | undefined> {
    let stamp: string;
    let size: number;
    try {
      const s = await stat(file);
      // Only a regular file is read (the walk lists no other, but the file may have been
      // replaced since): a FIFO would block the read, a device never end.
      if (!s.isFile()) throw new Error('not a regular file');
      stamp = `${s.mtimeMs}:${s.size}`;
      size = s.size;
    } catch {
      this.files.delete(file);
      return undefined;
    }
    const hit = this.files.get(file);
    // The config loader returns the same object while the config and its schemas are unchanged.
    if (hit && hit.stamp === stamp && (hit.config === config || (hit.config.path === undefined && config.path === undefined)))
      return hit.summary;
    let summary: DocumentSummary | undefined;
    if (size <= this.limits.maxFileSize) {
      try {
        summary = await summarizeText(await readFile(file, 'utf8'), file, config, this.parser);
      } catch {
        summary = undefined;
      }
    }
    this.files.set(file, { stamp, config, summary });
    return summary;
  }
}
