/**
 * The score tallies over the protocol: code lenses (textDocument/codeLens), the custom
 * request `segdoc/scores` (`{ uri }` → the Scores object of services/scores.ts, or null for
 * a document that is not a segdoc document or not open), and workspace/codeLens/refresh after
 * diagnostics were published, so lenses follow the same checks as the squiggles.
 *
 * The client is not assumed to be VS Code: the code lens provider is declared only when the
 * client has code lens support, refresh is sent only when it declared refreshSupport, and a
 * lens runs a client command only when the client named it in initializationOptions
 * (`{ commands: { showScores: "segdoc.showScores" } }`).
 */
import {
  CodeLensRefreshRequest,
  RequestType,
  type CodeLens,
  type CodeLensParams,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { LintResult } from '../services/engine';
import { SCORES_METHOD, type DocumentParams } from '../protocol';
import { computeScores, type Scores } from '../services/scores';
import { scoreLenses } from './lenses';
import { ProtocolFeature } from './feature';

/** `segdoc/scores`: the tallies of an open document. */
export const ScoresRequest = new RequestType<DocumentParams, Scores | null, void>(SCORES_METHOD);

export interface ScoresHost {
  /** The check of the document's current text (the last one when still current), or undefined. */
  current(uri: string): Promise<LintResult | undefined>;
  logError(what: string, e: unknown): void;
}

export class ScoresFeature extends ProtocolFeature<ScoresHost> {
  private codeLens = false;
  private refreshSupport = false;
  private command: string | undefined;
  /** Scores by check, so the lenses and the request of one check compute them once. */
  private readonly cache = new WeakMap<LintResult, Scores | null>();
  private refreshQueued = false;

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    this.codeLens = params.capabilities.textDocument?.codeLens !== undefined;
    this.refreshSupport = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    const init = params.initializationOptions as { commands?: { showScores?: unknown } } | null | undefined;
    const command = init?.commands?.showScores;
    this.command = typeof command === 'string' && command ? command : undefined;
    return this.codeLens ? { codeLensProvider: { resolveProvider: false } } : {};
  }

  /** Registers the handlers; called before initialize, so they check the capabilities themselves. */
  override listen(): void {
    this.connection.onCodeLens((p) => (this.codeLens ? this.lenses(p) : []));
    this.connection.onRequest(ScoresRequest, (p) => this.scores(p));
  }

  /**
   * Diagnostics of a document were published: the lenses may have changed too. Refreshes
   * that arrive together (one per document after a config change) go out as one.
   */
  changed(): void {
    if (!this.codeLens || !this.refreshSupport || this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(() => {
      this.refreshQueued = false;
      this.connection
        .sendRequest(CodeLensRefreshRequest.type)
        .catch((e: unknown) => this.host.logError('workspace/codeLens/refresh failed', e));
    });
  }

  private async scoresOf(uri: string): Promise<Scores | null> {
    const result = await this.host.current(uri);
    if (!result) return null;
    let scores = this.cache.get(result);
    if (scores === undefined) {
      scores = computeScores(result);
      this.cache.set(result, scores);
    }
    return scores;
  }

  private async scores(params: DocumentParams): Promise<Scores | null> {
    try {
      return typeof params?.uri === 'string' ? await this.scoresOf(params.uri) : null;
    } catch (e) {
      this.host.logError(`Computing the scores of ${String(params?.uri)} failed`, e);
      return null;
    }
  }

  private async lenses(params: CodeLensParams): Promise<CodeLens[]> {
    const uri = params.textDocument.uri;
    try {
      const scores = await this.scoresOf(uri);
      return scores ? scoreLenses(scores, { uri, ...(this.command ? { command: this.command } : {}) }) : [];
    } catch (e) {
      this.host.logError(`Computing code lenses for ${uri} failed`, e);
      return [];
    }
  }
}
