/**
 * Segment references over the protocol: textDocument/references (where a segment is
 * defined and named across the workspace), textDocument/prepareRename and
 * textDocument/rename (one WorkspaceEdit over every document naming the segment by its
 * exact name, so the editor undoes it as one step), all answered from services/references.ts
 * over the facts of the open documents' checks and of the workspace index.
 *
 * Each provider is declared only when the client has the capability; prepareRename only
 * when the client declared prepareSupport. The edit uses versioned `documentChanges` when the
 * client accepts them (an open document's version, `null` for a file on disk, so a stale edit
 * is refused), plain `changes` otherwise. A new name that cannot be written is refused with a
 * RequestFailed error whose message the editor shows; mentions left as they are (naming the
 * segment only in part, or in a file changed since it was read) are told in a message.
 */
import { readFile } from 'node:fs/promises';
import {
  LSPErrorCodes,
  ResponseError,
  type InitializeParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type ServerCapabilities,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Language } from '../model/types';
import {
  prepareSegmentRename,
  renameSegment,
  segmentReferences,
  type RenameProblem,
  type SegmentPlace,
  type SegmentRename,
} from '../services/references';
import type { SummarySource } from '../services/symbols';
import { checkedAt, type DocumentHost } from './checked-text';
import { ProtocolFeature } from './feature';
import { message } from './messages';
import { uriOfPath } from './uri';
import * as path from 'node:path';

export interface ReferencesHost extends DocumentHost {
  /** Every segdoc document: the open ones (their current checks), then the workspace's files. */
  sources(): Promise<SummarySource[]>;
  logError(what: string, e: unknown): void;
}

const PROBLEMS = {
  empty: 'renameEmpty',
  newline: 'renameNewline',
  'no-words': 'renameNoWords',
  pipe: 'renamePipe',
  taken: 'renameTaken',
  partial: 'renamePartial',
} as const;

function isProblem(x: object): x is RenameProblem {
  return 'problem' in x;
}

export class ReferencesFeature extends ProtocolFeature<ReferencesHost> {
  private references = false;
  private rename = false;
  private prepare = false;
  private documentChanges = false;

  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const cc = params.capabilities;
    this.references = cc.textDocument?.references !== undefined;
    this.rename = cc.textDocument?.rename !== undefined;
    this.prepare = cc.textDocument?.rename?.prepareSupport === true;
    this.documentChanges = cc.workspace?.workspaceEdit?.documentChanges === true;
    return {
      ...(this.references ? { referencesProvider: true } : {}),
      ...(this.rename ? { renameProvider: this.prepare ? { prepareProvider: true } : true } : {}),
    };
  }

  override listen(): void {
    this.connection.onReferences((p) => (this.references ? this.findReferences(p) : null));
    this.connection.onPrepareRename((p) => (this.rename ? this.prepareRename(p) : null));
    this.connection.onRenameRequest((p) => (this.rename ? this.renameRequest(p) : null));
  }

  private async findReferences(params: ReferenceParams): Promise<Location[] | null> {
    const uri = params.textDocument.uri;
    try {
      const at = await checkedAt(this.host, uri, params.position);
      if (!at?.result.facts) return null;
      const places = segmentReferences(at.result.facts, at.offset, await this.host.sources(), params.context.includeDeclaration);
      return places ? places.map((p) => ({ uri: placeUri(p), range: p.range })) : null;
    } catch (e) {
      this.host.logError(`Finding the references at ${uri} failed`, e);
      return null;
    }
  }

  private async prepareRename(params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
    const uri = params.textDocument.uri;
    let found: Awaited<ReturnType<typeof prepareSegmentRename>>;
    let locale: Language;
    try {
      const at = await checkedAt(this.host, uri, params.position);
      if (!at?.result.facts) return null;
      locale = at.result.locale;
      found = prepareSegmentRename(at.result.facts, at.result.doc.text, at.offset, await this.host.sources());
    } catch (e) {
      this.host.logError(`Preparing a rename at ${uri} failed`, e);
      return null;
    }
    if (!found) return null;
    if (isProblem(found)) throw refusal(found, locale);
    return found;
  }

  private async renameRequest(params: RenameParams): Promise<WorkspaceEdit | null> {
    const uri = params.textDocument.uri;
    let renamed: Awaited<ReturnType<typeof renameSegment>>;
    let locale: Language;
    try {
      const at = await checkedAt(this.host, uri, params.position);
      if (!at?.result.facts) return null;
      locale = at.result.locale;
      const read = (src: SummarySource): Promise<string | undefined> => this.read(src);
      renamed = await renameSegment(at.result.facts, at.offset, params.newName, await this.host.sources(), read);
    } catch (e) {
      this.host.logError(`Renaming at ${uri} failed`, e);
      return null;
    }
    if (!renamed) return null;
    if (isProblem(renamed)) throw refusal(renamed, locale);
    this.tellLeft(renamed, params.newName.trim(), locale);
    return this.workspaceEdit(renamed);
  }

  /** A document's current text: the editor's for an open one, else the file's. */
  private async read(src: SummarySource): Promise<string | undefined> {
    const open = src.uri ? this.host.document(src.uri) : undefined;
    if (open) return open.getText();
    if (!src.path) return undefined;
    try {
      return await readFile(src.path, 'utf8');
    } catch {
      return undefined;
    }
  }

  private workspaceEdit(renamed: SegmentRename): WorkspaceEdit {
    const docs = renamed.documents.map((d) => {
      const uri = d.uri ?? uriOfPath(d.path!);
      const version = d.uri ? (this.host.document(d.uri)?.version ?? null) : null;
      return { uri, version, edits: d.edits satisfies TextEdit[] };
    });
    if (this.documentChanges)
      return { documentChanges: docs.map((d) => ({ textDocument: { uri: d.uri, version: d.version }, edits: d.edits })) };
    return { changes: Object.fromEntries(docs.map((d) => [d.uri, d.edits])) };
  }

  private tellLeft(renamed: SegmentRename, name: string, locale: Language): void {
    const places = (list: SegmentPlace[]): string =>
      list.map((p) => `${path.basename(p.path ?? p.uri ?? '')}:${p.range.start.line + 1} "${p.text}"`).join(', ');
    if (renamed.partial.length)
      void this.connection.window.showInformationMessage(
        message('renamePartialLeft', locale, { name, places: places(renamed.partial) }),
      );
    if (renamed.stale.length)
      void this.connection.window.showWarningMessage(message('renameStaleLeft', locale, { name, places: places(renamed.stale) }));
  }
}

function placeUri(p: SegmentPlace): string {
  return p.uri ?? uriOfPath(p.path!);
}

function refusal(p: RenameProblem, locale: Language): ResponseError<void> {
  const args: Record<string, string> = 'name' in p ? { name: p.name } : {};
  return new ResponseError(LSPErrorCodes.RequestFailed, message(PROBLEMS[p.problem], locale, args));
}
