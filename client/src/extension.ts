/**
 * The segdoc VS Code extension: it starts the bundled language server (dist/server.js) and
 * contributes a command to restart it. Architecture invariant: the client holds no
 * validation logic; everything users see about their documents (diagnostics, quick fixes,
 * completion, hovers, code lenses) comes from the server over LSP.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { clientLanguage, t, type ClientLanguage } from './messages';
import { RestartPolicy } from './restart';
import { registerConfigSchema } from './config-schema';
import { registerScorecard, type ScorecardApi } from './scorecard/panel';
import { SHOW_SCORES, ScoresStatus } from './status';
import { WORKSPACE_TRUST_METHOD, type WorkspaceTrustParams } from '../../server/src/protocol';

/**
 * What activate() returns; tests (the real-editor suite) get it through
 * `vscode.extensions.getExtension('segdoc.segdoc').activate()`:
 * - `client`: the running language client, to inspect its state or send requests;
 * - `ready`: resolves once the client is running (the server answered `initialize`), and
 *   rejects if the server could not be started. Await it before expecting diagnostics;
 * - `scorecard`: the Show Scorecard view's last render and an event after each one.
 */
export interface SegdocApi {
  client: LanguageClient;
  ready: Promise<void>;
  /** The scorecard view: what it shows now, and an event after each render. */
  scorecard: ScorecardApi;
}

let client: LanguageClient | undefined;

/** The `segdoc.*` settings as plain JSON, the same shape the client synchronizes later. */
function segdocSettings(): Record<string, unknown> {
  const section = vscode.workspace.getConfiguration().get<Record<string, unknown>>('segdoc') ?? {};
  return JSON.parse(JSON.stringify(section)) as Record<string, unknown>;
}

function language(): ClientLanguage {
  return clientLanguage(vscode.workspace.getConfiguration('segdoc').get<string>('language'), vscode.env.language);
}

/**
 * Restarts a crashed server a bounded number of times and tells the user once. The
 * results are marked `handled`, so the language client only logs them to the output
 * channel instead of showing its own notification on every crash.
 */
function errorHandler(policy: RestartPolicy, output: vscode.LogOutputChannel): ErrorHandler {
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few consecutive read/write errors are tolerated (the default handler does the
      // same); after that the connection is shut down and `closed` decides what follows.
      if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
      return { action: ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = policy.closed(Date.now());
      const lang = language();
      if (decision.notify === 'restarted') {
        void vscode.window.showWarningMessage(t('restarted', lang), t('showOutputAction', lang)).then((choice) => {
          if (choice) output.show(true);
        });
      } else if (decision.notify === 'gave-up') {
        void vscode.window
          .showErrorMessage(
            t('gaveUp', lang, { count: policy.maxRestarts + 1 }),
            t('restartAction', lang),
            t('showOutputAction', lang),
          )
          .then((choice) => {
            if (choice === t('restartAction', lang)) void vscode.commands.executeCommand('segdoc.restartServer');
            else if (choice) output.show(true);
          });
      }
      return decision.restart
        ? { action: CloseAction.Restart, message: 'The segdoc server stopped unexpectedly; restarting it.', handled: true }
        : {
            action: CloseAction.DoNotRestart,
            message: 'The segdoc server keeps crashing; it will not be restarted.',
            handled: true,
          };
    },
  };
}

export function activate(context: vscode.ExtensionContext): SegdocApi {
  const output = vscode.window.createOutputChannel('segdoc', { log: true });
  context.subscriptions.push(output);
  const policy = new RestartPolicy(4, 3 * 60 * 1000);
  const languageClient = new LanguageClient('segdoc', 'segdoc', serverOptions(context), clientOptions(context, policy, output));
  client = languageClient;
  registerRestart(context, languageClient, policy, output);
  const ready = languageClient.start();
  forwardWorkspaceTrust(context, languageClient, ready);
  // The language client has already shown and logged a start failure; this only keeps the
  // rejection from being reported as unhandled while callers of `ready` still see it.
  ready.catch(() => undefined);
  context.subscriptions.push(new ScoresStatus(languageClient, ready, language));
  registerConfigSchema(context, language);
  const scorecard = registerScorecard(context, languageClient, ready, language);
  registerCommands(context, languageClient, ready, language);
  return { client: languageClient, ready, scorecard };
}

/** How the bundled server (dist/server.js) is started: over IPC, with an inspector port in a debug run. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    // The debug run (F5 from the extension's own folder) lets a debugger attach to the server.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

/** Which documents the server gets, what it is told at start, and where its output and errors go. */
function clientOptions(
  context: vscode.ExtensionContext,
  policy: RestartPolicy,
  output: vscode.LogOutputChannel,
): LanguageClientOptions {
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.segdoc.json'),
    // Custom kind schemas referenced from a config file: editing one changes what is checked.
    vscode.workspace.createFileSystemWatcher('**/*.schema.json'),
  ];
  context.subscriptions.push(...watchers);
  return {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Config files are opened too, so the server can report config errors inside them.
      { scheme: 'file', pattern: '**/.segdoc.json' },
    ],
    synchronize: { configurationSection: 'segdoc', fileEvents: watchers },
    // `commands` tells the server which client commands its code lenses may run; `trusted`
    // whether it may read the workspace's kind schema files (Workspace Trust).
    initializationOptions: () => ({
      settings: segdocSettings(),
      locale: vscode.env.language,
      commands: { showScores: SHOW_SCORES },
      trusted: vscode.workspace.isTrusted,
    }),
    outputChannel: output,
    // The error handler tells the user what matters; the output stays where it is.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: errorHandler(policy, output),
  };
}

/** The Restart Server command: a restart on request also resets the crash count. */
function registerRestart(
  context: vscode.ExtensionContext,
  languageClient: LanguageClient,
  policy: RestartPolicy,
  output: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('segdoc.restartServer', async () => {
      policy.reset();
      output.info('Restarting the segdoc language server on request.');
      await languageClient.restart();
    }),
  );
}

/**
 * In an untrusted folder the server leaves custom kind schemas out (and says so in the
 * .segdoc.json); once the user trusts the folder it reads them and checks everything again.
 */
function forwardWorkspaceTrust(context: vscode.ExtensionContext, languageClient: LanguageClient, ready: Promise<void>): void {
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void ready
        .then(() => languageClient.sendNotification(WORKSPACE_TRUST_METHOD, { trusted: true } satisfies WorkspaceTrustParams))
        .catch(() => undefined);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
