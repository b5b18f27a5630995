/**
 * COMPLETION — a later issue. This is the place for its editor assertions: the test below
 * skips until the server advertises a completionProvider, then checks what
 * vscode.executeCompletionItemProvider offers. Extend it when completion lands (field names
 * of the current section, enum values, segment names).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, openCopy, waitForCode } from './helpers';

suite('completion', () => {
  teardown(closeAllEditors);

  test('offers the section headings a persona still lacks', async function () {
    const { client } = await api();
    if (!client.initializeResult?.capabilities['completionProvider']) this.skip();
    const editor = await openCopy('personas/devops-dana.persona.md');
    const doc = editor.document;
    await waitForCode(doc.uri, 'required-section');
    // Complete on a new "## " line at the end of the document.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n\n## '));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const missing of ['Information Sources', 'Marketing Tactics']) {
      assert.ok(labels.some((l) => l.includes(missing)), `"${missing}" offered; got ${labels.slice(0, 30).join(' | ')}`);
    }
  });
});
