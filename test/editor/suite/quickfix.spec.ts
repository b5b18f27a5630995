/**
 * Quick fixes as the lightbulb offers them: vscode.executeCodeActionProvider, then the
 * edit applied with vscode.workspace.applyEdit, the way the editor applies a chosen fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../../server/src/services/engine';
import { api, closeAllEditors, codeOf, describeDiagnostics, openCopy, waitForCode, waitForDiagnostics, withCode } from './helpers';

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
    const finding = lint(doc.getText(), { path: doc.uri.fsPath }).findings.find((f) => f.rule === 'required-section' && f.fixes.length > 0);
    assert.ok(finding, 'the engine finds a fixable required-section');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      before[0]!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = actions.filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction);
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
    assert.ok(!after.some((d) => codeOf(d) === 'required-section' && d.message === finding.message), `"${finding.message}" went away`);
  });
});
