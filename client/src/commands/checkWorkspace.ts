/**
 * "segdoc: Check Workspace": asks the server to check every segdoc document in the workspace
 * folders (`segdoc/checkWorkspace`), so that their problems are in the Problems panel
 * without opening them. The server's work-done progress (on a token the request carries)
 * drives a cancellable notification; the summary follows as a message with a way to the
 * Problems panel. Resolves to the server's summary (undefined when nothing was checked).
 */
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_METHOD, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../../../server/src/protocol';
import { t, type ClientLanguage } from '../messages';

export const CHECK_WORKSPACE = 'segdoc.checkWorkspace';

export type { CheckWorkspaceResult };

let runs = 0;

export async function checkWorkspace(
  client: LanguageClient,
  ready: Promise<void>,
  language: () => ClientLanguage,
): Promise<CheckWorkspaceResult | undefined> {
  const ui = language();
  // Only folders on disk: the server walks file paths.
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!folders.length) {
    void vscode.window.showInformationMessage(t('checkNoFolder', ui));
    return undefined;
  }
  try {
    await ready;
  } catch {
    // Reported when the start failed; the check below says the server is not there.
  }
  if (!client.isRunning()) {
    void vscode.window.showErrorMessage(t('checkFailed', ui, { error: t('templatesUnavailable', ui) }));
    return undefined;
  }
  let result: CheckWorkspaceResult;
  try {
    result = await requestWithProgress(client, folders, ui);
  } catch (e) {
    // A cancellation before the server answered rejects the request; the server stops too.
    if (e instanceof vscode.CancellationError || (e as { code?: number })?.code === -32800) {
      void vscode.window.showInformationMessage(t('checkCancelled', ui));
      return undefined;
    }
    void vscode.window.showErrorMessage(t('checkFailed', ui, { error: e instanceof Error ? e.message : String(e) }));
    return undefined;
  }
  showResult(result, ui);
  return result;
}

/** Sends the check request under a cancellable notification that shows the server's progress. */
function requestWithProgress(
  client: LanguageClient,
  folders: readonly vscode.WorkspaceFolder[],
  ui: ClientLanguage,
): Thenable<CheckWorkspaceResult> {
  const token = `segdoc-check-workspace-${++runs}`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('checkTitle', ui), cancellable: true },
    async (progress, cancel) => {
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        const percentage = typeof value.percentage === 'number' ? value.percentage : reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = Math.max(reported, percentage);
      });
      try {
        const params: CheckWorkspaceParams = {
          folders: folders.map((f) => client.code2ProtocolConverter.asUri(f.uri)),
          workDoneToken: token,
        };
        return await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_METHOD, params, cancel);
      } finally {
        listener.dispose();
      }
    },
  );
}

/** The summary notification, with a button that opens the Problems view. */
function showResult(result: CheckWorkspaceResult, ui: ClientLanguage): void {
  const lines = [
    t('checkDone', ui, { documents: result.documents, files: result.files, errors: result.errors, warnings: result.warnings }),
  ];
  if (result.truncated) lines.push(t('checkTruncated', ui));
  if (result.cancelled) lines.push(t('checkCancelled', ui));
  const show = t('showProblemsAction', ui);
  const notify = result.errors || result.truncated ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void notify(lines.join(' '), show).then((choice) => {
    if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
