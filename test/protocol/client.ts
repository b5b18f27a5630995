/**
 * A small LSP client for the protocol tests: it talks JSON-RPC to the built server
 * (dist/server.js --stdio) or to an in-process one, records every notification, and lets a
 * test wait on them: nothing here sleeps, every wait is a promise resolved by a handler.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type CodeAction,
  type ConfigurationItem,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const root = resolve(__dirname, '..', '..');
export const serverPath = join(root, 'dist', 'server.js');

export interface StartOptions {
  /** Declare `workspace.configuration`; answer with `settings` (default true). */
  configuration?: boolean;
  /** The `segdoc` settings section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  locale?: string;
  /** Extra or replaced client capabilities. */
  capabilities?: ClientCapabilities;
  /** Workspace folders sent with initialize (none by default). */
  workspaceFolders?: WorkspaceFolder[];
  /** Run the server in this process instead of spawning dist/server.js (see inProcess()). */
  transport?: { reader: StreamMessageReader; writer: StreamMessageWriter; dispose(): void };
}

interface Waiter<T> {
  match(value: T): boolean;
  resolve(value: T): void;
}

/** Capabilities of a capable client (close to VS Code's, trimmed to what segdoc uses). */
export function fullCapabilities(configuration: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
    },
  };
}

export class TestClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: ConfigurationItem[][] = [];
  readonly registrations: string[] = [];
  settings: Record<string, unknown>;
  private readonly waiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly logWaiters: Array<Waiter<LogMessageParams>> = [];
  private readonly texts = new Map<string, TextDocument>();
  private exited: Promise<void>;
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess | undefined,
    private readonly disposeTransport: (() => void) | undefined,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = child
      ? new Promise((res) => {
          if (child.exitCode !== null || child.signalCode !== null) res();
          else child.once('exit', () => res());
        })
      : Promise.resolve();
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.publishes.push(p);
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
      for (const w of [...this.logWaiters]) {
        if (w.match(p)) {
          this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests.push(p.items);
      return p.items.map((item) => (item.section === 'segdoc' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r.method);
    });
    connection.listen();
  }

  /** Starts the server and initializes it. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    let client: TestClient;
    if (options.transport) {
      const t = options.transport;
      client = new TestClient(createProtocolConnection(t.reader, t.writer), undefined, () => t.dispose(), options.settings ?? {});
    } else {
      const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      // Whatever the server prints outside the protocol shows up in the test output.
      child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server stderr] ${d.toString()}`));
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      client = new TestClient(connection, child, undefined, options.settings ?? {});
    }
    const configuration = options.configuration ?? true;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? fullCapabilities(configuration),
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Shuts the server down and waits for its process to end (kills it if it does not). */
  async stop(): Promise<void> {
    try {
      if (!this.child || this.child.exitCode === null) {
        await this.connection.sendRequest(ShutdownRequest.type);
        if (this.child) await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // The server may already be gone; the process is reaped below either way.
    }
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const timer = setTimeout(() => this.child!.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
    this.disposeTransport?.();
  }

  /** The next publish for `uri` that satisfies `match`, from now on (or from `since`). */
  diagnostics(
    uri: string,
    match: (p: PublishDiagnosticsParams) => boolean = () => true,
    since?: number,
  ): Promise<PublishDiagnosticsParams> {
    if (since !== undefined) {
      const found = this.publishes.slice(since).find((p) => p.uri === uri && match(p));
      if (found) return Promise.resolve(found);
    }
    return new Promise((res) => this.waiters.push({ match: (p) => p.uri === uri && match(p), resolve: res }));
  }

  /** The next publish of `uri` for document version `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /** The next log message that satisfies `match` (or one already received). */
  log(match: (p: LogMessageParams) => boolean): Promise<LogMessageParams> {
    const found = this.logs.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((res) => this.logWaiters.push({ match, resolve: res }));
  }

  publishesOf(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.filter((p) => p.uri === uri);
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  private doc(uri: string): TextDocument {
    const d = this.texts.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d;
  }

  open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends incremental changes (applied in order, as LSP says) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.doc(uri);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.texts.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: changes,
    });
    return next.version;
  }

  /** Applies edits the way an editor does: as incremental changes, last position first. */
  applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.doc(uri);
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  /** Applies the part of a workspace edit that concerns `uri`. */
  applyWorkspaceEdit(uri: string, edit: WorkspaceEdit): Promise<number> {
    return this.applyEdits(uri, editsOf(edit, uri));
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    this.texts.delete(uri);
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }
}

/** The edits of a workspace edit for one document (`documentChanges` or `changes`). */
export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : [],
    );
  }
  return edit.changes?.[uri] ?? [];
}

/** The text after applying `edits` to `text` (what an editor would show). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'markdown', 0, text), edits);
}

export interface TempFolder {
  dir: string;
  uri(name: string): string;
  cleanup(): void;
}

/** A fresh temporary folder for one test's files; removed by the returned cleanup. */
export function tempFolder(): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), 'segdoc-protocol-'));
  return {
    dir,
    uri: (name) => pathToFileURL(join(dir, name)).href,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A started client and the test's own folder (`uri(name)` for a document in it). */
export interface Started {
  client: TestClient;
  dir: string;
  uri(name: string): string;
}

/**
 * Starts a server for one test with a temporary folder of its own; after the test the client
 * is stopped, then the folder removed. `options` may depend on the folder (its files written
 * first, or it sent as a workspace folder).
 */
export async function startInFolder(
  t: TestContext,
  options: StartOptions | ((folder: TempFolder) => StartOptions) = {},
): Promise<Started> {
  const folder = tempFolder();
  const client = await TestClient.start(typeof options === 'function' ? options(folder) : options);
  t.after(async () => {
    await client.stop();
    folder.cleanup();
  });
  return { client, dir: folder.dir, uri: folder.uri };
}

/**
 * In-memory streams for running the server inside the test process: the server reads
 * `toServer` and writes `toClient`. (Each side wraps them with its own jsonrpc package.)
 */
export function inMemoryPipes(): {
  toServer: PassThrough;
  toClient: PassThrough;
  transport: NonNullable<StartOptions['transport']>;
} {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  return {
    toServer,
    toClient,
    transport: {
      reader: new StreamMessageReader(toClient),
      writer: new StreamMessageWriter(toServer),
      dispose: () => {
        toServer.destroy();
        toClient.destroy();
      },
    },
  };
}

/** Diagnostics of one rule, in order. */
export function ofRule(p: PublishDiagnosticsParams, rule: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === rule);
}

/** A diagnostic's message as text (LSP 3.18 allows markup; segdoc sends plain strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/**
 * Options for every protocol test: a generous timeout so that a notification that never
 * comes fails the test instead of hanging the suite. No assertion depends on it.
 */
export const LIMIT = { timeout: 30_000 };
