/**
 * Runs first: the extension is not active yet (nothing has opened a Markdown document), so
 * these tests see a cold start and measure it for docs/performance.md.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ClientState, codeOf, extension, metrics, openCopy, waitForCode } from './helpers';

suite('activation', () => {
  let activateStarted = 0;

  test('activate() returns { client, ready } and ready resolves with the client running', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'nothing should have activated segdoc before the suite');
    activateStarted = performance.now();
    const exports = await ext.activate();
    metrics['activateReturnedMs'] = Math.round(performance.now() - activateStarted);
    assert.ok(exports?.client, 'activate() returns the language client');
    assert.ok(
      exports.ready instanceof Promise || typeof (exports.ready as { then?: unknown })?.then === 'function',
      'activate() returns a ready promise',
    );
    await exports.ready;
    metrics['activateToReadyMs'] = Math.round(performance.now() - activateStarted);
    assert.equal(exports.client.state, ClientState.Running);
  });

  test('first diagnostics of a persona arrive after a cold start', async () => {
    const editor = await openCopy('personas/devops-dana.persona.md');
    const diags = await waitForCode(editor.document.uri, 'required-section');
    metrics['activateToFirstDiagnosticsMs'] = Math.round(performance.now() - activateStarted);
    assert.ok(
      diags.every((d) => codeOf(d) !== undefined),
      'every diagnostic has a code (the rule id)',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
