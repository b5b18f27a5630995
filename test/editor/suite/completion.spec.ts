/**
 * Completion as VS Code asks for it (vscode.executeCompletionItemProvider): the sections a
 * document still lacks. Field names, enum values and segment names are in authoring.spec.ts;
 * workflow.spec.ts completes enum values and a section while writing a persona.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, openCopy, waitForCode } from './helpers';

suite('completion', () => {
  teardown(closeAllEditors);

  test('offers the section headings a persona still lacks', async () => {
    const { client } = await api();
    assert.ok(client.initializeResult?.capabilities['completionProvider'], 'the server offers completion');
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
