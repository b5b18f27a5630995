/**
 * Settings apply without a reload: the message language and the on-save mode.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, describeDiagnostics, openCopy, setSetting, waitForDiagnostics } from './helpers';

const english = /^Missing required section/;
const russian = /^Отсутствует обязательный раздел/;

function requiredMessages(ds: vscode.Diagnostic[]): string[] {
  return ds.filter((d) => codeOf(d) === 'required-section').map((d) => d.message);
}

suite('settings', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    await closeAllEditors();
    await setSetting('validate', undefined);
    await setSetting('language', undefined);
    await setSetting('debounceMs', undefined);
  });

  test('segdoc.language = ru gives a Russian persona Russian messages, and en English ones', async () => {
    const { document: doc } = await openCopy('personas/ivan.persona.md');
    await setSetting('language', 'en');
    await waitForDiagnostics(doc.uri, (ds) => requiredMessages(ds).length === 1 && english.test(requiredMessages(ds)[0]!), 'an English required-section message');
    await setSetting('language', 'ru');
    const ds = await waitForDiagnostics(doc.uri, (d) => requiredMessages(d).length === 1 && russian.test(requiredMessages(d)[0]!), 'a Russian required-section message');
    // The Russian headings were all recognised: only the one section the fixture lacks is missing.
    assert.match(requiredMessages(ds)[0]!, /Маркетинговые тактики/);
  });

  test('segdoc.validate = onSave: an edit is not checked until the document is saved', async () => {
    // Settings first, document second: the document's first check then shows whether the
    // server has applied them (Russian messages), and no re-check that a settings change
    // triggers can still be pending for it when the edit below arrives.
    await setSetting('debounceMs', 0);
    await setSetting('validate', 'onSave');
    await setSetting('language', 'ru');
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForDiagnostics(doc.uri, (ds) => requiredMessages(ds).length === 2 && requiredMessages(ds).every((m) => russian.test(m)), 'two Russian required-section messages on open');

    // Delete the Messaging section: on type, a third required-section error would follow.
    const start = doc.getText().indexOf('## Messaging');
    assert.ok(start > 0);
    // Every change of what the Problems panel shows for the document. Other extensions'
    // diagnostics events for the same document (Markdown's own) do not change it.
    const shown = describeDiagnostics(doc.uri);
    const publishedBeforeSave: string[] = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      const now = describeDiagnostics(doc.uri);
      if (now !== shown) publishedBeforeSave.push(`version ${doc.version}: ${now}`);
    });
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(doc.getText().length)))));
    // A round trip through the server after the edit: with debounce 0 an on-type check would
    // be published before the server answers a request that it receives after the change.
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 1));
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 1));
    sub.dispose();
    assert.deepEqual(publishedBeforeSave, [], 'no diagnostics published for the unsaved edit');
    assert.equal(describeDiagnostics(doc.uri), shown, 'no check before save');

    const saved = waitForDiagnostics(doc.uri, (ds) => requiredMessages(ds).length === 3, 'three required-section errors after save', { fresh: true });
    assert.ok(await doc.save());
    await saved;
  });
});
