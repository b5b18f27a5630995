/**
 * Settings apply without a reload: the message language (diagnostics, and the hovers VS
 * Code's JSON support shows in .segdoc.json from segdoc's schema) and the on-save mode.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localize } from '../../../server/src/l10n';
import { ruleById } from '../../../server/src/rules/registry';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openCopy,
  setSetting,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

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
    await waitForDiagnostics(
      doc.uri,
      (ds) => requiredMessages(ds).length === 1 && english.test(requiredMessages(ds)[0]!),
      'an English required-section message',
    );
    await setSetting('language', 'ru');
    const ds = await waitForDiagnostics(
      doc.uri,
      (d) => requiredMessages(d).length === 1 && russian.test(requiredMessages(d)[0]!),
      'a Russian required-section message',
    );
    // The Russian headings were all recognised: only the one section the fixture lacks is missing.
    assert.match(requiredMessages(ds)[0]!, /Маркетинговые тактики/);
  });

  test('.segdoc.json: the schema VS Code hovers from follows segdoc.language', async () => {
    // Its own folder, so that the config applies to nothing else the suite opens.
    const uri = workspaceUri(`scratch/config-${Date.now()}/.segdoc.json`);
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('{\n  "rules": {\n    "segment-count": "warning"\n  }\n}\n'),
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'jsonc');
    const description = ruleById('segment-count')!.description;
    /** The hover on the rule id, once VS Code's JSON support has (re)loaded the schema and says `expected`. */
    const hoverSays = async (expected: string, what: string): Promise<string> => {
      const deadline = Date.now() + 30_000;
      let last = '';
      while (Date.now() < deadline) {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(2, 8),
        );
        // Markdown, with the description's punctuation escaped (`3–7\\.`).
        last = hovers
          .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
          .join('\n')
          .replace(/\\(.)/g, '$1');
        if (last.includes(expected)) return last;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.fail(
        `${what}: the hover on "segment-count" never said ${JSON.stringify(expected)}; it says ${JSON.stringify(last)}`,
      );
    };
    await setSetting('language', 'en');
    await hoverSays(description, 'English');
    await setSetting('language', 'ru');
    const ru = await hoverSays(localize('ru', description), 'Russian');
    assert.match(ru, /По умолчанию: "warning"/);
  });

  test('segdoc.validate = onSave: an edit is not checked until the document is saved', async () => {
    // Settings first, document second: the document's first check then shows whether the
    // server has applied them (Russian messages), and no re-check that a settings change
    // triggers can still be pending for it when the edit below arrives.
    await setSetting('debounceMs', 0);
    await setSetting('validate', 'onSave');
    await setSetting('language', 'ru');
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForDiagnostics(
      doc.uri,
      (ds) => requiredMessages(ds).length === 2 && requiredMessages(ds).every((m) => russian.test(m)),
      'two Russian required-section messages on open',
    );

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

    const saved = waitForDiagnostics(
      doc.uri,
      (ds) => requiredMessages(ds).length === 3,
      'three required-section errors after save',
      { fresh: true },
    );
    assert.ok(await doc.save());
    await saved;
  });
});
