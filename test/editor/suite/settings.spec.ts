/**
 * Settings apply without a reload: the message language and the on-save mode.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, describeDiagnostics, openCopy, setSetting, waitForDiagnostics, withCode } from './helpers';

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
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForDiagnostics(doc.uri, (ds) => withCode(doc.uri, 'required-section').length === 2 && ds.length > 0, 'two required-section errors');

    // Switch to on-save and, in the same change, to Russian messages with no debounce. The
    // server re-checks open documents when settings change, so Russian messages prove it has
    // applied this configuration before the edit below reaches it.
    await setSetting('debounceMs', 0);
    await setSetting('validate', 'onSave');
    await setSetting('language', 'ru');
    await waitForDiagnostics(doc.uri, (ds) => requiredMessages(ds).length === 2 && requiredMessages(ds).every((m) => russian.test(m)), 'Russian messages after the settings change');

    // Delete the Messaging section: on type, a third required-section error would follow.
    const start = doc.getText().indexOf('## Messaging');
    assert.ok(start > 0);
    let publishedBeforeSave = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) publishedBeforeSave += 1;
    });
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(doc.getText().length)))));
    // A round trip through the server after the edit: with debounce 0 an on-type check would
    // be published before the server answers a request that it receives after the change.
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 1));
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 1));
    sub.dispose();
    assert.equal(withCode(doc.uri, 'required-section').length, 2, `no check before save; now ${describeDiagnostics(doc.uri)}`);
    assert.equal(publishedBeforeSave, 0, 'no diagnostics published for the unsaved edit');

    const saved = waitForDiagnostics(doc.uri, (ds) => requiredMessages(ds).length === 3, 'three required-section errors after save', { fresh: true });
    assert.ok(await doc.save());
    await saved;
  });
});
