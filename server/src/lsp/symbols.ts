/**
 * Symbols over the protocol: textDocument/documentSymbol (the outline of services/symbols.ts),
 * workspace/symbol (the personas and segments of the workspace) and textDocument/definition
 * (from a persona's Segment to where the segment is defined). It also owns the workspace
 * index, which completion asks for the segment names other documents define.
 *
 * The client is not assumed to be VS Code: each provider is declared only when the client
 * has the matching capability; the outline is hierarchical (DocumentSymbol) only for clients
 * that declared hierarchicalDocumentSymbolSupport, flat SymbolInformation otherwise; symbol
 * kinds the client did not list fall back to ones it has; workspace folder changes are
 * followed only when the client supports workspace folders.
 */
import {
  SymbolKind,
  type DefinitionParams,
  type Location,
  type LocationLink,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type InitializeParams,
  type ServerCapabilities,
  type SymbolInformation,
  type WorkspaceFoldersChangeEvent,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { checkedAt, type DocumentHost } from './checked-text';
import {
  documentOutline,
  flattenOutline,
  segmentDefinitions,
  segmentNames,
  summarizeResult,
  workspaceSymbols,
  WorkspaceIndex,
  type OutlineKind,
  type OutlineSymbol,
  type SummarySource,
} from '../services/symbols';
import type { SegmentNameSource } from '../services/completion';
import type { ChunkParser } from '../model/build';
import type { LintResult } from '../services/engine';
import { ProtocolFeature } from './feature';
import { fsPathOf, uriOfPath } from './uri';

export interface SymbolsHost extends DocumentHost {
  /** URIs of the open Markdown documents (config files aside). */
  openDocuments(): string[];
  logError(what: string, e: unknown): void;
  /** Where the workspace index parses files: off the thread that answers the client. */
  parser?: ChunkParser;
}

/** Symbol kinds as segdoc uses them; the second is for clients that do not list the first. */
const KINDS: Record<OutlineKind, [SymbolKind, SymbolKind]> = {
  // Headings are strings, as editors' Markdown outlines show them.
  title: [SymbolKind.String, SymbolKind.String],
  section: [SymbolKind.String, SymbolKind.String],
  persona: [SymbolKind.Object, SymbolKind.Class],
  segment: [SymbolKind.Class, SymbolKind.Class],
  'matrix-row': [SymbolKind.Number, SymbolKind.Number],
};

/** An open document's check as a source of symbols and segment names; undefined when it is no segdoc document. */
export function openSource(uri: string, result: LintResult): SummarySource | undefined {
  const summary = summarizeResult(result);
  if (!summary) return undefined;
  const path = fsPathOf(uri);
  return { uri, ...(path !== undefined ? { path } : {}), summary };
}

export class SymbolsFeature extends ProtocolFeature<SymbolsHost> {
  private documentSymbols = false;
  private hierarchical = false;
  private workspaceSymbolsEnabled = false;
  private workspaceFolderEvents = false;
  /** Symbol kinds the client listed for each request; undefined means the protocol's first set (File … Array). */
  private documentKinds: Set<number> | undefined;
  private workspaceKinds: Set<number> | undefined;
  private toldTruncated = false;
  private definitions = false;
  private definitionLinks = false;
  readonly index = new WorkspaceIndex(undefined, this.host.parser);

  /** Reads the client's capabilities and workspace folders; returns the server capabilities to declare. */
  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const cc = params.capabilities;
    this.documentSymbols = cc.textDocument?.documentSymbol !== undefined;
    this.hierarchical = cc.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    this.workspaceSymbolsEnabled = cc.workspace?.symbol !== undefined;
    this.workspaceFolderEvents = cc.workspace?.workspaceFolders === true;
    this.definitions = cc.textDocument?.definition !== undefined;
    this.definitionLinks = cc.textDocument?.definition?.linkSupport === true;
    const documentKinds = cc.textDocument?.documentSymbol?.symbolKind?.valueSet;
    const workspaceKinds = cc.workspace?.symbol?.symbolKind?.valueSet;
    this.documentKinds = documentKinds ? new Set(documentKinds) : undefined;
    this.workspaceKinds = workspaceKinds ? new Set(workspaceKinds) : undefined;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const paths = folders.flatMap((u) => fsPathOf(u) ?? []);
    if (!paths.length && !folders.length && params.rootPath) paths.push(params.rootPath);
    this.index.setFolders(paths);
    return {
      ...(this.documentSymbols ? { documentSymbolProvider: { label: 'segdoc' } } : {}),
      ...(this.workspaceSymbolsEnabled ? { workspaceSymbolProvider: true } : {}),
      ...(this.definitions ? { definitionProvider: true } : {}),
      ...(this.workspaceFolderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    };
  }

  /** Registers the handlers; called before initialize, so they check the capabilities themselves. */
  override listen(): void {
    this.connection.onDocumentSymbol((p) => (this.documentSymbols ? this.outline(p) : null));
    this.connection.onWorkspaceSymbol((p) => (this.workspaceSymbolsEnabled ? this.workspace(p) : null));
    this.connection.onDefinition((p) => (this.definitions ? this.definition(p) : null));
  }

  /** After initialization: follow workspace folder changes when the client sends them. */
  initialized(): void {
    if (!this.workspaceFolderEvents) return;
    this.connection.workspace.onDidChangeWorkspaceFolders((e) => this.foldersChanged(e));
  }

  private foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.flatMap((f) => fsPathOf(f.uri) ?? []));
    const kept = this.index.getFolders().filter((f) => !removed.has(f));
    this.index.setFolders([...kept, ...e.added.flatMap((f) => fsPathOf(f.uri) ?? [])]);
  }

  private kind(k: OutlineKind, listed: Set<number> | undefined): SymbolKind {
    const [preferred, fallback] = KINDS[k];
    const supported = (x: number): boolean => (listed ? listed.has(x) : x >= SymbolKind.File && x <= SymbolKind.Array);
    return supported(preferred) ? preferred : fallback;
  }

  private async outline(params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    const uri = params.textDocument.uri;
    try {
      const result = await this.host.current(uri);
      if (!result) return null;
      const outline = documentOutline(result);
      if (this.hierarchical) return outline.map((s) => this.toDocumentSymbol(s));
      return flattenOutline(outline).map(({ symbol, container }) => ({
        name: symbol.name,
        kind: this.kind(symbol.kind, this.documentKinds),
        location: { uri, range: symbol.range },
        ...(container !== undefined ? { containerName: container } : {}),
      }));
    } catch (e) {
      this.host.logError(`Computing the symbols of ${uri} failed`, e);
      return null;
    }
  }

  private toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
    return {
      name: s.name,
      ...(s.detail ? { detail: s.detail } : {}),
      kind: this.kind(s.kind, this.documentKinds),
      range: s.range,
      selectionRange: s.selectionRange,
      children: s.children.map((c) => this.toDocumentSymbol(c)),
    };
  }

  /** The open segdoc documents, summarised from the editor's text. */
  private async openSources(): Promise<SummarySource[]> {
    const out: SummarySource[] = [];
    for (const uri of this.host.openDocuments()) {
      const result = await this.host.current(uri);
      const source = result && openSource(uri, result);
      if (source) out.push(source);
    }
    return out;
  }

  /** Every segdoc document: the open ones, then the workspace's files. */
  async sources(): Promise<SummarySource[]> {
    const open = await this.openSources();
    const all = await this.index.documents(open);
    if (this.index.truncated && !this.toldTruncated) {
      this.toldTruncated = true;
      this.connection.console.info(
        'The workspace is larger than the segdoc symbol index walks: some Markdown files are left out of workspace symbols and segment names',
      );
    }
    return all;
  }

  /** Segment names every segdoc document but `uri` defines, for completion after `**Segment**:`. */
  async segmentNames(uri: string): Promise<SegmentNameSource[]> {
    const sources = await this.sources();
    return segmentNames(sources.filter((s) => s.uri !== uri && (s.path === undefined || s.path !== fsPathOf(uri))));
  }

  /** From a persona's Segment value to the segment's heading (or row) where it is defined. */
  private async definition(params: DefinitionParams): Promise<Location[] | LocationLink[] | null> {
    const uri = params.textDocument.uri;
    try {
      const at = await checkedAt(this.host, uri, params.position);
      if (!at) return null;
      const found = segmentDefinitions(at.result, at.offset, await this.sources());
      if (!found || !found.targets.length) return null;
      const targets = found.targets.map((t) => ({ uri: t.uri ?? uriOfPath(t.path!), range: t.range }));
      if (!this.definitionLinks) return targets;
      return targets.map((t) => ({
        originSelectionRange: found.origin,
        targetUri: t.uri,
        targetRange: t.range,
        targetSelectionRange: t.range,
      }));
    } catch (e) {
      this.host.logError(`Finding the definition at ${uri} failed`, e);
      return null;
    }
  }

  private async workspace(params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
    try {
      const entries = workspaceSymbols(await this.sources(), params.query ?? '');
      return entries.map((e) => ({
        name: e.name,
        kind: this.kind(e.kind, this.workspaceKinds),
        containerName: e.container,
        location: { uri: e.uri ?? uriOfPath(e.path!), range: e.range },
      }));
    } catch (e) {
      this.host.logError('Computing workspace symbols failed', e);
      return [];
    }
  }
}
