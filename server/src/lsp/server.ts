/**
 * The segdoc language server: documents in, diagnostics and quick fixes out. This file wires
 * the connection to the pieces that do the work and routes the client's notifications to
 * them: checking is checker.ts (over `lintAsync()`, services/engine.ts, which parses in
 * worker threads through services/parse-pool.ts), when to check and what to publish is
 * push-diagnostics.ts with its bookkeeping in diagnostics-state.ts, config files are
 * config.ts and config-files.ts, and protocol objects are built in convert.ts only.
 *
 * The client is not assumed to be VS Code: every optional capability (workspace/
 * configuration, dynamic registration, versioned workspace edits, code action literals) is
 * used only when the client declares it, and settings also arrive through
 * initializationOptions or pushed didChangeConfiguration notifications.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../model/types';
import type { ParseLimits } from '../parse/markdown';
import { rules as registry } from '../rules/registry';
import type { Rule } from '../rules/types';
import { usesWorkspace, type LintResult } from '../services/engine';
import { ParsePool } from '../services/parse-pool';
import type { SummarySource } from '../services/symbols';
import { WORKSPACE_TRUST_METHOD, type WorkspaceTrustParams } from '../protocol';
import { DocumentChecker, type CheckerHost } from './checker';
import { CodeActionsFeature } from './code-actions';
import { CompletionFeature } from './completion';
import { ConfigStore } from './config';
import { ConfigFiles } from './config-files';
import { DiagnosticsState } from './diagnostics-state';
import { HoverFeature } from './hover';
import type { LifecycleGate } from './lifecycle';
import { MemoryKeeper } from './memory';
import { checkable, PushDiagnostics } from './push-diagnostics';
import { listenScorecard } from './scorecard';
import { ScoresFeature } from './scores';
import { DocumentSettings, languageOfLocale, messageLanguage } from './settings';
import { ReferencesFeature } from './references';
import { openSource, SymbolsFeature } from './symbols';
import { listenTemplates } from './templates';
import { fsPathOf, isConfigFile, isMarkdown, sameUri, uriOfPath } from './uri';
import { WorkspaceCheck, type WorkspaceCheckHost } from './workspace-check';
import { WorkspaceSegments, type WorkspaceSegmentsHost } from './workspace-segments';

export interface ServerOptions {
  /** Rules to run instead of the registry (tests use a rule that throws). */
  rules?: readonly Rule<object>[];
  /** "Today" for date rules (tests). */
  now?: () => Date;
  /**
   * The lifecycle gate the connection was created with (`messageStrategy`, lifecycle.ts);
   * the server registers the handler that answers the requests it refuses.
   */
  lifecycle?: LifecycleGate;
  /** Milliseconds one chunk's parse may take (tests make it small; services/parse-pool.ts). */
  parseBudgetMs?: number;
  /** Parse limits instead of the defaults (tests lift them to reach the budget). */
  limits?: ParseLimits;
}

/** The client capabilities this file acts on (the features read their own). */
interface ClientCaps {
  configuration: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchedFiles: boolean;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  options.lifecycle?.listen(connection);
  new SegdocServer(connection, options).listen();
}

class SegdocServer {
  private readonly documents = new TextDocuments(TextDocument);
  /** What is open, checked, in flight, published and wanted (diagnostics-state.ts). */
  private readonly state = new DiagnosticsState();
  /** The editor settings of each document, asked from the client or pushed (settings.ts). */
  private readonly settings: DocumentSettings;
  /** Which `.segdoc.json` applies to a document, open buffers included (config.ts). */
  private readonly configs: ConfigStore;
  /** The diagnostics of `.segdoc.json` files (config-files.ts). */
  private readonly configFiles: ConfigFiles;
  private readonly rules: readonly Rule<object>[];
  /** Chunks are parsed here, off the thread that answers the client, each within a budget. */
  private readonly pool: ParsePool;
  /** Collects the garbage checks leave, when it has piled up or the work pauses (memory.ts). */
  private readonly memory = new MemoryKeeper();
  /** Lints a document's text with its config, language and rules (checker.ts). */
  private readonly checker: DocumentChecker;
  /** When open documents are checked, and their diagnostics published (push-diagnostics.ts). */
  private readonly push: PushDiagnostics;
  /** Quick fixes, disable comments and fix-all (code-actions.ts). */
  private readonly codeActions: CodeActionsFeature;
  /** Code lenses with the score tallies and the `segdoc/scores` request (scores.ts). */
  private readonly scores: ScoresFeature;
  /** Authoring help: completion, hover, document and workspace symbols (completion.ts, hover.ts, symbols.ts). */
  private readonly completion: CompletionFeature;
  private readonly hover: HoverFeature;
  private readonly symbols: SymbolsFeature;
  /** Find All References and Rename of a segment across the workspace (references.ts). */
  private readonly references: ReferencesFeature;
  /** The segments the workspace defines, for unknown-segment (see workspace-segments.ts). */
  private readonly segments: WorkspaceSegments;
  /** `segdoc/checkWorkspace`: segdoc documents on disk, checked and published (workspace-check.ts). */
  private readonly workspaceCheck: WorkspaceCheck;

  private caps: ClientCaps = { configuration: false, dynamicConfiguration: false, dynamicWatchedFiles: false };
  /** The editor's display language, when the client said. */
  private clientLocale: Language | undefined;

  constructor(
    private readonly connection: Connection,
    options: ServerOptions,
  ) {
    const logError = (what: string, e: unknown): void => this.logError(what, e);
    const openVersion = (uri: string): number | undefined => this.documents.get(uri)?.version;
    const ask = (uri: string): Promise<unknown> => connection.workspace.getConfiguration({ scopeUri: uri, section: 'segdoc' });
    this.settings = new DocumentSettings({ ask, logError });
    this.configs = new ConfigStore((fsPath) => {
      const uri = this.state.openAt(fsPath);
      const doc = uri === undefined ? undefined : this.documents.get(uri);
      return doc ? { version: doc.version, text: doc.getText() } : undefined;
    });
    const send = (params: PublishDiagnosticsParams): void => void connection.sendDiagnostics(params);
    this.configFiles = new ConfigFiles(this.configs, this.state, {
      openVersion,
      locale: () => this.baseLocale(),
      send,
      logError,
    });
    this.rules = options.rules ?? registry;
    // Two workers at least: a chunk that runs into its budget must not hold up every other
    // document's parse (hover on another document, the workspace index).
    this.pool = new ParsePool({
      size: 2,
      ...(options.parseBudgetMs !== undefined ? { budgetMs: options.parseBudgetMs } : {}),
      log: (message) => connection.console.warn(message),
    });
    this.checker = new DocumentChecker(this.configs, this.pool, { ...options, rules: this.rules }, this.checkerHost());
    const document = (uri: string): TextDocument | undefined => this.documents.get(uri);
    const published = (): void => this.scores.changed();
    this.push = new PushDiagnostics(this.state, this.settings, this.checker, { document, send, published, logError });
    const current = (uri: string): Promise<LintResult | undefined> => this.currentResult(uri);
    this.codeActions = new CodeActionsFeature(connection, { openVersion, current: (uri) => this.push.current(uri), logError });
    this.scores = new ScoresFeature(connection, { current, logError });
    const authoring = { document, current, openDocuments: () => this.state.checkable(), logError, parser: this.pool };
    this.symbols = new SymbolsFeature(connection, authoring);
    this.segments = new WorkspaceSegments(this.segmentsHost());
    this.references = new ReferencesFeature(connection, { ...authoring, sources: () => this.symbols.sources() });
    this.completion = new CompletionFeature(connection, { ...authoring, segmentNames: (uri) => this.symbols.segmentNames(uri) });
    this.hover = new HoverFeature(connection, authoring);
    this.workspaceCheck = new WorkspaceCheck(connection, this.workspaceCheckHost());
  }

  /** What a check needs besides the text: the client's language, the workspace's segments, where results go. */
  private checkerHost(): CheckerHost {
    return {
      clientLocale: () => this.clientLocale,
      workspace: () => this.segments.context(),
      configLoaded: (loaded) => this.configFiles.publish(loaded),
      // Checks may finish out of order: the state keeps the newest.
      checked: (uri, checked) => {
        if (this.state.record(uri, checked)) this.segments.checked(uri, checked.result);
      },
      worked: () => this.memory.worked(),
      warn: (message) => this.connection.console.warn(message),
      logError: (what, e) => this.logError(what, e),
    };
  }

  /** What the workspace's segment list needs: the open documents as last checked, and who uses the list. */
  private segmentsHost(): WorkspaceSegmentsHost {
    return {
      openSources: () => this.lastCheckedSources(),
      files: () => this.symbols.index.documents(),
      recheck: (uris) => {
        for (const uri of uris) {
          this.state.forgetCheck(uri);
          this.push.request(uri, 0);
        }
      },
      users: () =>
        this.state
          .lastChecks()
          .filter(([, c]) => usesWorkspace(c.result, this.rules))
          .map(([uri]) => uri),
      logError: (what, e) => this.logError(what, e),
    };
  }

  /** What Check Workspace needs: which files are open, and a lint of a file from disk as the server lints documents. */
  private workspaceCheckHost(): WorkspaceCheckHost {
    const docs = this.documents;
    return {
      // By URI key: a file found on disk may be open under a differently encoded URI.
      isOpen: (uri) => docs.get(uri) !== undefined || (docs.keys().length > 0 && docs.keys().some((open) => sameUri(open, uri))),
      lint: async (fsPath, text, scopeUri) => {
        const settings = await this.settings.for(scopeUri);
        const { result, loaded } = await this.checker.lint(uriOfPath(fsPath), text, settings);
        if (loaded) this.configFiles.publish(loaded);
        return result;
      },
      locale: () => this.baseLocale() ?? 'en',
      logError: (what, e) => this.logError(what, e),
    };
  }

  listen(): void {
    const c = this.connection;
    const logError = (what: string, e: unknown): void => this.logError(what, e);
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => this.initialized());
    c.onDidChangeConfiguration((p) => this.configurationChanged(p));
    c.onDidChangeWatchedFiles((p) => this.watchedFilesChanged(p));
    this.codeActions.listen();
    c.onNotification(WORKSPACE_TRUST_METHOD, (p: WorkspaceTrustParams) => this.trustChanged(p));
    this.scores.listen();
    this.completion.listen();
    this.hover.listen();
    this.symbols.listen();
    this.references.listen();
    listenTemplates(c, logError);
    listenScorecard(c, { current: (uri) => this.currentResult(uri), logError });
    this.workspaceCheck.listen();
    c.onShutdown(() => {
      this.push.dispose();
      this.pool.dispose();
      this.memory.dispose();
    });
    this.listenDocuments();
    c.listen();
  }

  private listenDocuments(): void {
    const docs = this.documents;
    docs.onDidOpen(({ document }) => this.opened(document));
    docs.onDidChangeContent(({ document }) => {
      if (this.state.takeOpening(document.uri)) return;
      // Typing in a config file re-checks every open document: debounced like typing anywhere.
      if (isConfigFile(document.uri)) this.configEdited(document.uri, true);
      else if (isMarkdown(document.uri, document.languageId)) this.push.changed(document.uri);
    });
    docs.onDidSave(({ document }) => {
      if (isConfigFile(document.uri)) this.configEdited(document.uri);
      else if (isMarkdown(document.uri, document.languageId)) this.push.request(document.uri, 0);
    });
    docs.onDidClose(({ document }) => this.closed(document.uri));
    docs.listen(this.connection);
  }

  // -------------------------------------------------------------------------------------
  // Lifecycle and settings

  private initialize(params: InitializeParams): InitializeResult {
    const cc = params.capabilities;
    this.caps = {
      configuration: cc.workspace?.configuration === true,
      dynamicConfiguration: cc.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      dynamicWatchedFiles: cc.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: unknown; trusted?: unknown };
    // Workspace Trust: only an explicit `false` restricts (clients without it are trusted).
    this.configs.trusted = init.trusted !== false;
    this.clientLocale = languageOfLocale(init.locale) ?? languageOfLocale(params.locale);
    this.settings.initialize(this.caps.configuration, init.settings);
    this.workspaceCheck.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...this.codeActions.initialize(params),
        ...this.scores.initialize(params),
        ...this.completion.initialize(params),
        ...this.hover.initialize(params),
        ...this.symbols.initialize(params),
        ...this.references.initialize(params),
      },
      serverInfo: { name: 'segdoc' },
    };
  }

  private initialized(): void {
    const c = this.connection;
    if (this.caps.dynamicConfiguration) {
      c.client
        .register(DidChangeConfigurationNotification.type, { section: 'segdoc' })
        .catch((e: unknown) => this.logError('Registering for configuration changes failed', e));
    }
    if (this.caps.dynamicWatchedFiles) {
      // Markdown files too: the segments they define are what unknown-segment compares with.
      const watchers = [
        { globPattern: '**/.segdoc.json' },
        { globPattern: '**/*.schema.json' },
        { globPattern: '**/*.{md,markdown}' },
      ];
      c.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((e: unknown) => this.logError('Registering file watchers failed', e));
    }
    this.symbols.initialized();
    void this.segments.refresh(true);
    const s = this.settings.initial;
    const asks = this.caps.configuration ? 'supported' : 'not supported';
    c.console.info(
      `segdoc language server started (node ${process.version}, pid ${process.pid}); validate=${s.validate}, ` +
        `debounceMs=${s.debounceMs}, language=${s.language}, client locale=${this.clientLocale ?? 'unknown'}, ` +
        `workspace/configuration ${asks}`,
    );
  }

  private configurationChanged(params: DidChangeConfigurationParams): void {
    this.settings.changed(params.settings);
    this.recheckAll();
  }

  /** Settings or config files changed: every check is outdated, and every open document is checked again. */
  private recheckAll(debounced = false): void {
    this.state.outdate();
    this.push.recheckAll(debounced);
  }

  /** The message language when no document is involved (config files). */
  private baseLocale(): Language | undefined {
    return messageLanguage(this.settings.general(), this.clientLocale);
  }

  // -------------------------------------------------------------------------------------
  // Documents

  private opened(document: TextDocument): void {
    this.state.opened(document.uri, fsPathOf(document.uri), checkable(document));
    if (isConfigFile(document.uri)) this.configEdited(document.uri);
    else if (isMarkdown(document.uri, document.languageId)) {
      void this.settings.for(document.uri);
      this.push.request(document.uri, 0);
    }
  }

  private closed(uri: string): void {
    // Before the segment list hears of it: it reads the open documents' last checks at once.
    this.state.closed(uri);
    this.segments.closed(uri);
    this.push.cancel(uri);
    this.settings.closed(uri);
    if (isConfigFile(uri)) {
      // The file on disk applies again, to the documents and to the config's own diagnostics.
      const fsPath = fsPathOf(uri);
      if (fsPath !== undefined) {
        this.configs.closed(fsPath);
        this.configFiles.publishFile(fsPath);
      }
      this.recheckAll();
      return;
    }
    // A file a workspace check had reported gets its diagnostics from disk back instead.
    if (!this.workspaceCheck.closed(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async currentResult(uri: string): Promise<LintResult | undefined> {
    return (await this.push.current(uri))?.result;
  }

  /** The open segdoc documents as last checked, summarised — without checking anything. */
  private lastCheckedSources(): SummarySource[] {
    return this.state.lastChecks().flatMap(([uri, c]) => openSource(uri, c.result) ?? []);
  }

  // -------------------------------------------------------------------------------------
  // Config files

  /** An open `.segdoc.json` changed (or was opened or saved): report on it, re-check the rest. */
  private configEdited(uri: string, debounced = false): void {
    const fsPath = fsPathOf(uri);
    if (fsPath !== undefined) this.configFiles.publishFile(fsPath);
    this.recheckAll(debounced);
  }

  private watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((c) => isMarkdown(c.uri, ''))) {
      this.symbols.index.changed();
      void this.segments.refresh(true);
    }
    if (this.configFiles.watchedChanged(params.changes)) this.recheckAll();
  }

  /** The user trusted the folder (or took trust back): configs are read again, everything re-checked. */
  private trustChanged(params: WorkspaceTrustParams): void {
    if (this.configFiles.trustChanged(params?.trusted !== false)) this.recheckAll();
  }

  private logError(what: string, e: unknown): void {
    const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    this.connection.console.error(`${what}: ${detail}`);
  }
}
