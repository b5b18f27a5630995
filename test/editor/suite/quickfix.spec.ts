/**
 * Quick fixes as the lightbulb offers them: vscode.executeCodeActionProvider, then the
 * edit applied with vscode.workspace.applyEdit, the way the editor applies a chosen fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../../server/src/services/engine';
import { MATRIX, MISSING, PERSONA } from '../../protocol/docs';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openCopy,
  openScratch,
  waitForCode,
  waitForDiagnostics,
  withCode,
} from './helpers';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction);
}

suite('quick fixes', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('"Insert section" on a required-section error inserts the section and its finding disappears', async () => {
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForCode(doc.uri, 'required-section');
    const before = withCode(doc.uri, 'required-section');
    assert.equal(before.length, 2, describeDiagnostics(doc.uri));

    // Both required-section errors share the H1 range, and the editor's code-action command
    // does not return which diagnostics an action fixes. The engine, run on the same text,
    // pairs each finding with its fix; the fix's title identifies the action.
    const finding = lint(doc.getText(), { path: doc.uri.fsPath }).findings.find(
      (f) => f.rule === 'required-section' && f.fixes.length > 0,
    );
    assert.ok(finding, 'the engine finds a fixable required-section');
    // This is the suite's first request after start-up, while the server may still be busy
    // indexing the workspace; the editor cancels a code action request that waits too long.
    // A code lens round trip returns once the server has caught up.
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    // The cursor in the title, as for Ctrl+. there.
    const fixes = await quickFixes(doc.uri, new vscode.Range(before[0]!.range.start, before[0]!.range.start));
    const fix = fixes.find((a) => a.title === finding.fixes[0]!.title);
    assert.ok(fix?.edit, `the quick fix "${finding.fixes[0]!.title}"; offered: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /^Insert section/);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `it is a quickfix (kind ${fix.kind?.value})`);
    assert.ok(fix.isPreferred, 'inserting the section is the preferred fix');

    const versionBefore = doc.version;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'applyEdit succeeded');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(doc.version > versionBefore, 'the fix changed the document');

    const after = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((d) => codeOf(d) === 'required-section').length === 1,
      'one required-section error left after the fix',
    );
    assert.ok(
      !after.some((d) => codeOf(d) === 'required-section' && d.message === finding.message),
      `"${finding.message}" went away`,
    );
  });

  test('"Insert all missing required sections" on the title inserts them in template order, in one undo step', async () => {
    const { document: doc } = await openScratch('dana.persona.md', PERSONA);
    const errors = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((d) => codeOf(d) === 'required-section').length === MISSING.length,
      'every missing section reported',
    );
    const title = errors.find((d) => codeOf(d) === 'required-section')!.range;
    const actions = await quickFixes(doc.uri, new vscode.Range(title.start, title.start));
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], `Insert all ${MISSING.length} missing required sections`, titles.join(' | '));
    // Disable actions once, for the diagnostic under the cursor, and last.
    assert.deepEqual(
      titles.filter((x) => x.startsWith('Disable')),
      ['Disable required-section for this line', 'Disable required-section for this file'],
    );
    assert.deepEqual(titles.slice(-2), ['Disable required-section for this line', 'Disable required-section for this file']);

    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!), 'applyEdit succeeded');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'required-section'), 'no required-section left');
    const headings = doc
      .getText()
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    assert.deepEqual(headings, ['Demographics', ...MISSING]);
    // One edit: a single undo takes the document back.
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), PERSONA);
  });

  test('fix-all on save (editor.codeActionsOnSave: source.fixAll.segdoc) corrects the totals and inserts nothing', async () => {
    const editor = vscode.workspace.getConfiguration('editor');
    await editor.update('codeActionsOnSave', { 'source.fixAll.segdoc': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const shown = await openScratch('contoso.prioritization.md', MATRIX);
      const doc = shown.document;
      await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => codeOf(d) === 'score-total').length === 3, 'three wrong totals');
      // A change, so that the save is a real one.
      await shown.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '\n'));
      const saved = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidSaveTextDocument((d) => {
          if (d.uri.toString() !== doc.uri.toString()) return;
          sub.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await saved;
      const expected = `${MATRIX}\n`.replace('|   33 |', '|   34 |').replace('**30**', '**32**').replace('~19', '~17');
      assert.equal(doc.getText(), expected);
      assert.equal(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)),
        expected,
        'the fixed text is what was saved',
      );
      const after = await waitForDiagnostics(
        doc.uri,
        (ds) => !ds.some((d) => codeOf(d) === 'score-total'),
        'no wrong total left',
      );
      assert.ok(
        after.some((d) => codeOf(d) === 'required-section'),
        'the missing section was not inserted',
      );
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
