/**
 * The segdoc language server: documents in, diagnostics and quick fixes out. It owns the
 * protocol connection and nothing else: checking is `lintAsync()` (services/engine.ts, which
 * parses in worker threads through services/parse-pool.ts), config
 * files are services/config.ts, and protocol objects are built in convert.ts only.
 *
 * The client is not assumed to be VS Code: every optional capability (workspace/
 * configuration, dynamic registration, versioned workspace edits, code action literals) is
 * used only when the client declares it, and settings also arrive through
 * initializationOptions or pushed didChangeConfiguration notifications.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../model/types';
import type { ParseLimits } from '../parse/markdown';
import { rules as registry } from '../rules/registry';
import type { Rule } from '../rules/types';
import { clearConfigCache, type LoadedConfig } from '../services/config';
import { lintAsync, usesWorkspace, type Finding, type LintOptions, type LintResult } from '../services/engine';
import { ParsePool } from '../services/parse-pool';
import { isMissingSection, missingSectionsInsertion, type MissingSections } from '../services/missing-sections';
import { ConfigStore } from './config';
import { CompletionFeature } from './completion';
import { codeActions, configDiagnostic, FIX_ALL_KIND, fixAllAction, kindRequested, readDiagnosticData, ruleOf, sameRange, toDiagnostic, toFixData, type FixData, type InsertAllData } from './convert';
import { HoverFeature } from './hover';
import type { LifecycleGate } from './lifecycle';
import { MemoryKeeper } from './memory';
import { CheckScheduler } from './scheduler';
import { listenScorecard } from './scorecard';
import { ScoresFeature } from './scores';
import { SymbolsFeature } from './symbols';
import { DEFAULT_SETTINGS, languageOfLocale, mergeSettings, messageLanguage, settingsSection, type ServerSettings } from './settings';
import { listenTemplates } from './templates';
import { enginePathOf, fsPathOf, isConfigFile, isMarkdown, sameUri, uriOfPath } from './uri';
import { WorkspaceCheck } from './workspace-check';
import { WorkspaceSegments } from './workspace-segments';
import { summarizeResult, type SummarySource } from '../services/symbols';
import { WORKSPACE_TRUST_METHOD, type WorkspaceTrustParams } from '../protocol';

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

interface ClientCaps {
  configuration: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchedFiles: boolean;
  documentChanges: boolean;
  codeActionLiterals: boolean;
}

/** The last check of a document: which text and which settings/config generation it saw. */
interface Checked {
  version: number;
  generation: number;
  result: LintResult;
}

/** A check slower than this is logged, so that a slow document can be found in the output. */
const SLOW_CHECK_MS = 1000;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  options.lifecycle?.listen(connection);
  new SegdocServer(connection, options).listen();
}

class SegdocServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly scheduler: CheckScheduler;
  private readonly configs: ConfigStore;
  private readonly rules: readonly Rule<object>[];
  /** Code lenses with the score tallies and the `segdoc/scores` request (scores.ts). */
  private readonly scores: ScoresFeature;
  /** Authoring help: completion, hover, document and workspace symbols (completion.ts, hover.ts, symbols.ts). */
  private readonly completion: CompletionFeature;
  private readonly hover: HoverFeature;
  private readonly symbols: SymbolsFeature;
  /** The segments the workspace defines, for unknown-segment (see workspace-segments.ts). */
  private readonly segments: WorkspaceSegments;
  /** `segdoc/checkWorkspace`: segdoc documents on disk, checked and published (workspace-check.ts). */
  private readonly workspaceCheck: WorkspaceCheck;

  private caps: ClientCaps = { configuration: false, dynamicConfiguration: false, dynamicWatchedFiles: false, documentChanges: false, codeActionLiterals: false };
  /** The editor's display language, when the client said. */
  private clientLocale: Language | undefined;
  /** Defaults overlaid with initializationOptions.settings. */
  private baseSettings: ServerSettings = { ...DEFAULT_SETTINGS };
  /** Settings pushed by didChangeConfiguration, for clients that cannot be asked. */
  private pushedSettings: ServerSettings | undefined;
  private readonly settingsRequests = new Map<string, Promise<ServerSettings>>();
  /** Settings already received, so that a change can be scheduled without waiting. */
  private readonly knownSettings = new Map<string, ServerSettings>();
  /** Bumped whenever settings or config files change: every result before it is outdated. */
  private generation = 0;
  /** Bumped when the editor settings change: settings answers from before are outdated. */
  private settingsEpoch = 0;
  private readonly checked = new Map<string, Checked>();
  /** Checks under way, so that a request for the same version waits for it instead of checking twice. */
  private readonly checking = new Map<string, { version: number; generation: number; done: Promise<Checked | undefined> }>();
  /** Chunks are parsed here, off the thread that answers the client, each within a budget. */
  private readonly pool: ParsePool;
  /** Collects the garbage checks leave, when it has piled up or the work pauses (memory.ts). */
  private readonly memory = new MemoryKeeper();
  private readonly publishedVersion = new Map<string, number>();
  private readonly publishedDiagnostics = new Map<string, Diagnostic[]>();
  /** Last diagnostics sent for each config file (serialised), to send only changes. */
  private readonly configPublished = new Map<string, string>();
  /**
   * Documents whose current text the user asked to have checked (opened, saved, typed in
   * on-type mode). A re-check after a settings or config change is not such a request: in
   * on-save mode it leaves a document with unsaved edits alone until it is saved.
   */
  private readonly wanted = new Set<string>();
  /** Documents opened but not yet seen by onDidChangeContent (which also fires on open). */
  private readonly justOpened = new Set<string>();
  /** URIs of open documents by file path, so that config files are found by path. */
  private readonly openByPath = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.scheduler = new CheckScheduler({
      run: (uri) => this.run(uri),
      onError: (uri, e) => this.logError(`Checking ${uri} failed`, e),
    });
    this.configs = new ConfigStore((fsPath) => {
      const uri = this.openByPath.get(fsPath);
      const doc = uri === undefined ? undefined : this.documents.get(uri);
      return doc ? { version: doc.version, text: doc.getText() } : undefined;
    });
    this.rules = options.rules ?? registry;
    // Two workers at least: a chunk that runs into its budget must not hold up every other
    // document's parse (hover on another document, the workspace index).
    this.pool = new ParsePool({
      size: 2,
      ...(options.parseBudgetMs !== undefined ? { budgetMs: options.parseBudgetMs } : {}),
      log: (message) => this.connection.console.warn(message),
    });
    this.scores = new ScoresFeature(connection, {
      current: async (uri) => (await this.current(uri))?.result,
      logError: (what, e) => this.logError(what, e),
    });
    const authoring = {
      document: (uri: string) => this.documents.get(uri),
      current: async (uri: string) => (await this.current(uri))?.result,
      openDocuments: () => this.documents.all().flatMap((d) => (isMarkdown(d.uri, d.languageId) && !isConfigFile(d.uri) ? [d.uri] : [])),
      logError: (what: string, e: unknown) => this.logError(what, e),
      parser: this.pool,
    };
    this.symbols = new SymbolsFeature(connection, authoring);
    this.segments = new WorkspaceSegments({
      openSources: () => this.lastCheckedSources(),
      files: () => this.symbols.index.documents(),
      recheck: (uris) => {
        for (const uri of uris) {
          this.checked.delete(uri);
          this.request(uri, 0);
        }
      },
      users: () => [...this.checked].filter(([uri, c]) => this.documents.get(uri) && usesWorkspace(c.result, this.rules)).map(([uri]) => uri),
      logError: (what, e) => this.logError(what, e),
    });
    this.completion = new CompletionFeature(connection, { ...authoring, segmentNames: (uri) => this.symbols.segmentNames(uri) });
    this.hover = new HoverFeature(connection, authoring);
    this.workspaceCheck = new WorkspaceCheck(connection, {
      // By URI key: a file found on disk may be open under a differently encoded URI.
      isOpen: (uri) => this.documents.get(uri) !== undefined || (this.documents.keys().length > 0 && this.documents.keys().some((open) => sameUri(open, uri))),
      lint: async (fsPath, text, scopeUri) => {
        const settings = await this.settingsFor(scopeUri);
        const { options, loaded } = this.lintOptions(uriOfPath(fsPath), settings);
        const result = await lintAsync(text, this.pool, options);
        if (loaded) this.publishConfig(loaded);
        return result;
      },
      locale: () => this.baseLocale() ?? 'en',
      logError: (what, e) => this.logError(what, e),
    });
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => this.initialized());
    c.onDidChangeConfiguration((p) => this.configurationChanged(p));
    c.onDidChangeWatchedFiles((p) => this.watchedFilesChanged(p));
    c.onCodeAction((p) => this.codeActions(p));
    c.onNotification(WORKSPACE_TRUST_METHOD, (p: WorkspaceTrustParams) => this.trustChanged(p));
    this.scores.listen();
    this.completion.listen();
    this.hover.listen();
    this.symbols.listen();
    listenTemplates(c, (what, e) => this.logError(what, e));
    listenScorecard(c, { current: async (uri) => (await this.current(uri))?.result, logError: (what, e) => this.logError(what, e) });
    this.workspaceCheck.listen();
    c.onShutdown(() => {
      this.scheduler.dispose();
      this.pool.dispose();
      this.memory.dispose();
    });

    const docs = this.documents;
    docs.onDidOpen(({ document }) => {
      this.justOpened.add(document.uri);
      const fsPath = fsPathOf(document.uri);
      if (fsPath !== undefined) this.openByPath.set(fsPath, document.uri);
      if (isConfigFile(document.uri)) this.configEdited(document.uri);
      else if (isMarkdown(document.uri, document.languageId)) {
        void this.settingsFor(document.uri);
        this.request(document.uri, 0);
      }
    });
    docs.onDidChangeContent(({ document }) => {
      if (this.justOpened.delete(document.uri)) return;
      // Typing in a config file re-checks every open document: debounced like typing anywhere.
      if (isConfigFile(document.uri)) this.configEdited(document.uri, true);
      else if (isMarkdown(document.uri, document.languageId)) this.changed(document.uri);
    });
    docs.onDidSave(({ document }) => {
      if (isConfigFile(document.uri)) this.configEdited(document.uri);
      else if (isMarkdown(document.uri, document.languageId)) this.request(document.uri, 0);
    });
    docs.onDidClose(({ document }) => this.closed(document.uri));
    docs.listen(c);
    c.listen();
  }

  // -------------------------------------------------------------------------------------
  // Lifecycle and settings

  private initialize(params: InitializeParams): InitializeResult {
    const cc = params.capabilities;
    this.caps = {
      configuration: cc.workspace?.configuration === true,
      dynamicConfiguration: cc.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      dynamicWatchedFiles: cc.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      documentChanges: cc.workspace?.workspaceEdit?.documentChanges === true,
      codeActionLiterals: cc.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    };
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: unknown; trusted?: unknown };
    // Workspace Trust: only an explicit `false` restricts (clients without it are trusted).
    this.configs.trusted = init.trusted !== false;
    this.clientLocale = languageOfLocale(init.locale) ?? languageOfLocale(params.locale);
    this.baseSettings = mergeSettings(DEFAULT_SETTINGS, init.settings);
    this.workspaceCheck.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Without literal support a client expects Command objects, which segdoc has none of.
        ...(this.caps.codeActionLiterals ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } } : {}),
        ...this.scores.initialize(params),
        ...this.completion.initialize(params),
        ...this.hover.initialize(params),
        ...this.symbols.initialize(params),
      },
      serverInfo: { name: 'segdoc' },
    };
  }

  private initialized(): void {
    const c = this.connection;
    if (this.caps.dynamicConfiguration) {
      c.client.register(DidChangeConfigurationNotification.type, { section: 'segdoc' }).catch((e: unknown) => this.logError('Registering for configuration changes failed', e));
    }
    if (this.caps.dynamicWatchedFiles) {
      c.client
        .register(DidChangeWatchedFilesNotification.type, {
          // Markdown files too: the segments they define are what unknown-segment compares with.
          watchers: [{ globPattern: '**/.segdoc.json' }, { globPattern: '**/*.schema.json' }, { globPattern: '**/*.{md,markdown}' }],
        })
        .catch((e: unknown) => this.logError('Registering file watchers failed', e));
    }
    this.symbols.initialized();
    void this.segments.refresh(true);
    const s = this.baseSettings;
    c.console.info(
      `segdoc language server started (node ${process.version}, pid ${process.pid}); validate=${s.validate}, debounceMs=${s.debounceMs}, ` +
        `language=${s.language}, client locale=${this.clientLocale ?? 'unknown'}, workspace/configuration ${this.caps.configuration ? 'supported' : 'not supported'}`,
    );
  }

  /** The settings for a document: asked from the client once, then kept until they change. */
  private settingsFor(uri: string): Promise<ServerSettings> {
    if (!this.caps.configuration) return Promise.resolve(this.pushedSettings ?? this.baseSettings);
    let request = this.settingsRequests.get(uri);
    if (!request) {
      const epoch = this.settingsEpoch;
      request = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'segdoc' }).then(
        (raw: unknown) => mergeSettings(this.baseSettings, raw),
        (e: unknown) => {
          this.logError('workspace/configuration failed; using the initial settings', e);
          return this.baseSettings;
        },
      );
      request = request.then((s) => {
        // A configuration change while the request was out makes this answer outdated.
        if (epoch === this.settingsEpoch) this.knownSettings.set(uri, s);
        return s;
      });
      this.settingsRequests.set(uri, request);
    }
    return request;
  }

  private configurationChanged(params: DidChangeConfigurationParams): void {
    this.settingsRequests.clear();
    this.knownSettings.clear();
    this.settingsEpoch++;
    if (!this.caps.configuration && Object.keys(settingsSection(params.settings)).length) {
      this.pushedSettings = mergeSettings(this.baseSettings, params.settings);
    }
    this.generation++;
    this.recheckAll();
  }

  /** Queues every open document for a check, now or after each one's debounce delay. */
  private recheckAll(debounced = false): void {
    for (const doc of this.documents.all()) {
      if (!isMarkdown(doc.uri, doc.languageId) || isConfigFile(doc.uri)) continue;
      const delay = debounced ? (this.knownSettings.get(doc.uri) ?? this.pushedSettings ?? this.baseSettings).debounceMs : 0;
      this.scheduler.schedule(doc.uri, delay);
    }
  }

  // -------------------------------------------------------------------------------------
  // Documents

  private changed(uri: string): void {
    const known = this.knownSettings.get(uri) ?? (this.caps.configuration ? undefined : (this.pushedSettings ?? this.baseSettings));
    const decide = (s: ServerSettings): void => {
      if (s.validate === 'onType' && this.documents.get(uri)) this.request(uri, s.debounceMs);
    };
    if (known) decide(known);
    else void this.settingsFor(uri).then(decide);
  }

  /** Checks the document's current text after `delayMs` (see {@link wanted}). */
  private request(uri: string, delayMs: number): void {
    this.wanted.add(uri);
    this.scheduler.schedule(uri, delayMs);
  }

  private closed(uri: string): void {
    this.segments.closed(uri);
    this.justOpened.delete(uri);
    this.wanted.delete(uri);
    this.scheduler.cancel(uri);
    this.checked.delete(uri);
    this.publishedVersion.delete(uri);
    this.publishedDiagnostics.delete(uri);
    this.settingsRequests.delete(uri);
    this.knownSettings.delete(uri);
    const fsPath = fsPathOf(uri);
    if (fsPath !== undefined && this.openByPath.get(fsPath) === uri) this.openByPath.delete(fsPath);
    if (isConfigFile(uri)) {
      // The file on disk applies again, to the documents and to the config's own diagnostics.
      if (fsPath !== undefined) {
        this.configs.closed(fsPath);
        this.publishConfigFile(fsPath);
      }
      this.generation++;
      this.recheckAll();
      return;
    }
    // A file a workspace check had reported gets its diagnostics from disk back instead.
    if (!this.workspaceCheck.closed(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The scheduler's work item: checks the newest text of one document and publishes. */
  private async run(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !isMarkdown(uri, doc.languageId) || isConfigFile(uri)) return;
    const generation = this.generation;
    const wanted = this.wanted.delete(uri);
    const settings = await this.settingsFor(uri);
    // Settings or a config file changed while the client was answering: these settings may
    // be outdated, and the change has queued this document again, so that check publishes.
    if (generation !== this.generation) {
      if (wanted) this.wanted.add(uri);
      return;
    }
    const current = this.documents.get(uri);
    if (!current) return;
    const published = this.publishedVersion.get(uri);
    if (!wanted && settings.validate === 'onSave' && published !== undefined && published !== current.version) return;
    const last = this.checked.get(uri);
    if (last && last.version === current.version && last.generation === this.generation) {
      // Already checked — by a request that needed the check (code lenses, code actions,
      // hover…), or before a save that changed nothing — but perhaps never published: after a
      // settings change, a code lens request can check the same version in the new language
      // before this run does. publish() skips it when the same diagnostics are out already.
      this.publish(uri, last);
      return;
    }
    const checked = await this.check(current, settings, generation);
    if (checked) this.publish(uri, checked);
  }

  /** What lint() is given for the document at `uri`: its config, the message language, the rules, "today". */
  private lintOptions(uri: string, settings: ServerSettings): { options: LintOptions; loaded?: LoadedConfig } {
    // The user's explicit choice wins, then the language the team's config asks for, then
    // the editor's display language; with none of them the engine uses the document's.
    const explicit = settings.language === 'auto' ? undefined : settings.language;
    const dc = this.configs.forDocument(fsPathOf(uri), explicit ?? this.clientLocale);
    const locale = explicit ?? dc.loaded?.language ?? this.clientLocale;
    const options: LintOptions = {
      path: enginePathOf(uri),
      ...dc.options,
      ...(locale ? { locale } : {}),
      rules: this.rules,
      ...(this.options.now ? { now: this.options.now() } : {}),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    };
    const workspace = this.segments.context();
    if (workspace) options.workspace = workspace;
    return dc.loaded ? { options, loaded: dc.loaded } : { options };
  }

  /**
   * Checks one document's current text (the chunks are parsed in the pool, the rules run
   * here). A check of the same version and generation already under way is shared.
   * Undefined when the check itself crashed.
   */
  private check(doc: TextDocument, settings: ServerSettings, generation: number): Promise<Checked | undefined> {
    const uri = doc.uri;
    const running = this.checking.get(uri);
    if (running && running.version === doc.version && running.generation === generation) return running.done;
    const done = this.runCheck(doc.uri, doc.version, doc.getText(), settings, generation).finally(() => {
      if (this.checking.get(uri)?.done === done) this.checking.delete(uri);
    });
    this.checking.set(uri, { version: doc.version, generation, done });
    return done;
  }

  private async runCheck(uri: string, version: number, text: string, settings: ServerSettings, generation: number): Promise<Checked | undefined> {
    const started = performance.now();
    try {
      const { options, loaded } = this.lintOptions(uri, settings);
      const result = await lintAsync(text, this.pool, options);
      // The engine isolates rules: one that throws loses only its own findings.
      for (const { rule, error } of result.ruleErrors) {
        this.logError(`Rule "${rule}" failed while checking ${uri}; its findings are missing`, error);
      }
      if (loaded) this.publishConfig(loaded);
      const checked: Checked = { version, generation, result };
      // Checks may finish out of order: keep the newest.
      const last = this.checked.get(uri);
      if (this.documents.get(uri) && (!last || last.version < version || (last.version === version && last.generation <= generation))) {
        this.checked.set(uri, checked);
        this.segments.checked(uri, result);
      }
      return checked;
    } catch (e) {
      this.logError(`Checking ${uri} (version ${version}) failed; its diagnostics were not updated`, e);
      return undefined;
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CHECK_MS) this.connection.console.warn(`Checking ${uri} took ${Math.round(ms)} ms (${text.length} characters)`);
      this.memory.worked();
    }
  }

  /**
   * Publishes a check's findings, unless a newer version of the document was published, or
   * the same version was published with the same diagnostics: re-checks after a settings or
   * config change (which clients may announce twice) must not make the editor redraw or
   * count a change.
   */
  private publish(uri: string, checked: Checked): void {
    const previous = this.publishedVersion.get(uri);
    if (previous !== undefined && previous > checked.version) return;
    // Only findings of the text the editor holds now: an older check is not worth drawing.
    if (this.documents.get(uri)?.version !== checked.version) return;
    const diagnostics = checked.result.findings.map((f) => toDiagnostic(f, checked.version));
    const last = this.publishedDiagnostics.get(uri);
    // Comparing costs a serialisation, so it is done only for a re-check of the same version,
    // never on the edit → publish path.
    if (previous === checked.version && last && JSON.stringify(last) === JSON.stringify(diagnostics)) return;
    this.publishedVersion.set(uri, checked.version);
    this.publishedDiagnostics.set(uri, diagnostics);
    this.connection.sendDiagnostics({ uri, version: checked.version, diagnostics });
    this.scores.changed();
  }

  // -------------------------------------------------------------------------------------
  // Config files

  /** An open `.segdoc.json` changed (or was opened or saved): report on it, re-check the rest. */
  private configEdited(uri: string, debounced = false): void {
    const fsPath = fsPathOf(uri);
    if (fsPath !== undefined) this.publishConfigFile(fsPath);
    this.generation++;
    this.recheckAll(debounced);
  }

  private publishConfigFile(fsPath: string): void {
    try {
      const locale = this.baseLocale();
      this.publishConfig(this.configs.load(fsPath, locale));
    } catch (e) {
      this.logError(`Loading ${fsPath} failed`, e);
    }
  }

  /** The message language when no document is involved (config files). */
  private baseLocale(): Language | undefined {
    return messageLanguage(this.pushedSettings ?? this.baseSettings, this.clientLocale);
  }

  private publishConfig(loaded: LoadedConfig): void {
    if (!loaded.path) return;
    const uri = this.openByPath.get(loaded.path) ?? uriOfPath(loaded.path);
    const diagnostics: Diagnostic[] = loaded.diagnostics.map(configDiagnostic);
    const key = JSON.stringify(diagnostics);
    const open = this.documents.get(uri);
    const stamp = `${open?.version ?? ''}\n${key}`;
    if (this.configPublished.get(uri) === stamp) return;
    this.configPublished.set(uri, stamp);
    this.connection.sendDiagnostics({ uri, diagnostics, ...(open ? { version: open.version } : {}) });
  }

  private watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((c) => isMarkdown(c.uri, ''))) {
      this.symbols.index.changed();
      void this.segments.refresh(true);
    }
    let relevant = false;
    for (const change of params.changes) {
      const fsPath = fsPathOf(change.uri);
      if (fsPath === undefined || !(this.configs.affects(fsPath) || /\.schema\.json$/i.test(fsPath))) continue;
      relevant = true;
      if (!isConfigFile(change.uri) || this.documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.configPublished.delete(change.uri);
        this.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    if (!relevant) return;
    clearConfigCache();
    for (const change of params.changes) {
      const fsPath = fsPathOf(change.uri);
      if (fsPath !== undefined && isConfigFile(change.uri) && change.type !== FileChangeType.Deleted) this.publishConfigFile(fsPath);
    }
    this.generation++;
    this.recheckAll();
  }

  /** The user trusted the folder (or took trust back): configs are read again, everything re-checked. */
  private trustChanged(params: WorkspaceTrustParams): void {
    const trusted = params?.trusted !== false;
    if (trusted === this.configs.trusted) return;
    this.configs.trusted = trusted;
    this.configs.clear();
    clearConfigCache();
    for (const fsPath of this.configPaths()) this.publishConfigFile(fsPath);
    this.generation++;
    this.recheckAll();
  }

  /** Config files diagnostics were published for, or open: their warnings change with trust. */
  private configPaths(): string[] {
    const paths = new Set<string>();
    for (const uri of [...this.configPublished.keys(), ...this.documents.keys()]) {
      const fsPath = isConfigFile(uri) ? fsPathOf(uri) : undefined;
      if (fsPath !== undefined) paths.add(fsPath);
    }
    return [...paths];
  }

  // -------------------------------------------------------------------------------------
  // Code actions

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    try {
      const only = params.context.only;
      const quickFixes = kindRequested(only, CodeActionKind.QuickFix);
      // Fix-all only when asked for by kind (codeActionsOnSave, the Source Action menu): in
      // the light bulb menu it would repeat the fixes listed there.
      const fixAll = only !== undefined && kindRequested(only, FIX_ALL_KIND);
      const ours = params.context.diagnostics.filter((d) => ruleOf(d) !== undefined);
      if (!fixAll && (!quickFixes || !ours.length)) return [];
      const uri = params.textDocument.uri;
      const checked = await this.current(uri);
      const doc = this.documents.get(uri);
      if (!checked || !doc || checked.version !== doc.version) return [];
      const target = { uri, version: doc.version, doc: checked.result.doc, locale: checked.result.locale, documentChanges: this.caps.documentChanges };
      const out: CodeAction[] = [];
      if (quickFixes && ours.length) {
        out.push(...codeActions(target, { range: params.range, diagnostics: ours, insertAll: this.insertAll(ours, checked) }, (d) => this.fixesOf(d, checked)));
      }
      if (fixAll) {
        const action = fixAllAction(target, checked.result.findings.map((f) => ({ severity: f.severity, fixes: f.fixes.map(toFixData) })));
        if (action) out.push(action);
      }
      return out;
    } catch (e) {
      this.logError(`Computing code actions for ${params.textDocument.uri} failed`, e);
      return [];
    }
  }

  /** A check of the document's current text: the last one when still current, else a new one. */
  /** The open segdoc documents as last checked, summarised — without checking anything. */
  private lastCheckedSources(): SummarySource[] {
    const out: SummarySource[] = [];
    for (const [uri, c] of this.checked) {
      if (!this.documents.get(uri)) continue;
      const summary = summarizeResult(c.result);
      if (!summary) continue;
      const path = fsPathOf(uri);
      out.push({ uri, ...(path !== undefined ? { path } : {}), summary });
    }
    return out;
  }

  private async current(uri: string): Promise<Checked | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isMarkdown(uri, doc.languageId) || isConfigFile(uri)) return undefined;
    const last = this.checked.get(uri);
    if (last && last.version === doc.version && last.generation === this.generation) return last;
    const generation = this.generation;
    const settings = await this.settingsFor(uri);
    const now = this.documents.get(uri);
    return now ? this.check(now, settings, generation) : undefined;
  }

  /**
   * The fixes of a diagnostic: from its data when they were computed for the current text,
   * else from the current check's finding of the same rule at the same range (the client
   * dropped `data`, or moved the diagnostic along with edits since it was published).
   */
  private fixesOf(diagnostic: Diagnostic, checked: Checked): FixData[] {
    const data = readDiagnosticData(diagnostic);
    if (data && data.version === checked.version) return data.fixes;
    return this.findingOf(diagnostic, checked)?.fixes.map(toFixData) ?? [];
  }

  /** The current check's finding a diagnostic stands for: the same rule at the same range. */
  private findingOf(diagnostic: Diagnostic, checked: Checked): Finding | undefined {
    const rule = ruleOf(diagnostic);
    const same = checked.result.findings.filter((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
    // Several findings of one rule can share a range (missing sections all point at the
    // title); the message, produced by this server, tells them apart.
    return same.find((f) => f.message === diagnostic.message) ?? (same.length === 1 ? same[0] : undefined);
  }

  /**
   * "Insert all missing sections" for a menu on missing-section diagnostics: the required
   * ones when the client asks about a missing required section, and the required and
   * recommended ones together when recommended ones are missing too.
   */
  private insertAll(diagnostics: Diagnostic[], checked: Checked): InsertAllData[] {
    const missing = diagnostics.filter((d) => {
      const f = this.findingOf(d, checked);
      return f !== undefined && isMissingSection(f);
    });
    if (!missing.length) return [];
    const out: InsertAllData[] = [];
    const toData = (scope: InsertAllData['scope'], m: MissingSections, ds: Diagnostic[]): InsertAllData => ({
      scope,
      count: m.sections.length,
      edits: m.edits.map((e) => ({ range: e.range, newText: e.newText })),
      diagnostics: ds,
    });
    const required = missingSectionsInsertion(checked.result, ['required-section']);
    const requiredDiagnostics = missing.filter((d) => ruleOf(d) === 'required-section');
    if (required && requiredDiagnostics.length) out.push(toData('required', required, requiredDiagnostics));
    const all = missingSectionsInsertion(checked.result);
    if (all && all.sections.length > (required?.sections.length ?? 0)) out.push(toData('all', all, missing));
    return out;
  }

  // -------------------------------------------------------------------------------------

  private logError(what: string, e: unknown): void {
    const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    this.connection.console.error(`${what}: ${detail}`);
  }
}

