/**
 * The commands that act on documents rather than on the server process: New Document and
 * Check Workspace (Show Scorecard is scorecard/panel.ts, Restart Server is extension.ts).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientLanguage } from '../messages';
import { CHECK_WORKSPACE, checkWorkspace } from './checkWorkspace';
import { NEW_DOCUMENT, newDocument } from './newDocument';

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  ready: Promise<void>,
  language: () => ClientLanguage,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_DOCUMENT, (arg?: unknown) => newDocument(client, ready, language, arg)),
    vscode.commands.registerCommand(CHECK_WORKSPACE, () => checkWorkspace(client, ready, language)),
  );
}
