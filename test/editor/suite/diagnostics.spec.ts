/**
 * What a user sees in the Problems panel for the fixture documents: codes, severities and
 * ranges, compared with fixed expectations and with the engine run on the same text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleById } from '../../../server/src/rules/registry';
import { lint } from '../../../server/src/services/engine';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  headingTextRange,
  openCopy,
  openScratch,
  rangeString,
  readText,
  severityOf,
  waitForCode,
  waitForDiagnostics,
  withCode,
  workspaceUri,
} from './helpers';

/** A rule whose file is still a stub has no messages; its assertions wait until it exists. */
function ruleExists(id: string): boolean {
  const rule = ruleById(id);
  return rule !== undefined && Object.keys(rule.messages).length > 0;
}

suite('diagnostics', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('a persona missing two required sections gets two required-section errors on its H1', async () => {
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForCode(doc.uri, 'required-section');
    const found = withCode(doc.uri, 'required-section');
    assert.equal(found.length, 2, describeDiagnostics(doc.uri));
    const h1 = headingTextRange(doc, 0);
    for (const d of found) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(rangeString(d.range), rangeString(h1), 'whole-document findings point at the H1 title, not at 0:0');
    }
  });

  test('the editor shows exactly the findings the engine computes (codes, severities, ranges)', async () => {
    for (const fixture of ['personas/devops-dana.persona.md', 'personas/ivan.persona.md']) {
      const { document: doc } = await openCopy(fixture);
      const text = await readText(fixture);
      const expected = lint(text, { path: doc.uri.fsPath })
        .findings.map(
          (f) =>
            `${f.rule} ${vscode.DiagnosticSeverity[severityOf[f.severity]!]} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`,
        )
        .sort();
      assert.ok(expected.length > 0, `${fixture} has findings`);
      const diags = await waitForDiagnostics(
        doc.uri,
        (ds) => ds.length === expected.length,
        `${expected.length} diagnostics on ${fixture}`,
      );
      const actual = diags.map((d) => `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${rangeString(d.range)}`).sort();
      assert.deepEqual(actual, expected, fixture);
    }
  });

  test('a placeholder left from the template is flagged where it stands', async function () {
    if (!ruleExists('placeholder')) this.skip();
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    const diags = await waitForCode(doc.uri, 'placeholder');
    const offset = doc.getText().indexOf('[Verticals where common]');
    const where = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + '[Verticals where common]'.length));
    const hit = diags.find((d) => codeOf(d) === 'placeholder' && d.range.intersection(where) !== undefined);
    assert.ok(hit, `a placeholder diagnostic at ${rangeString(where)}; got ${describeDiagnostics(doc.uri)}`);
    assert.equal(hit.severity, severityOf[ruleById('placeholder')!.severity]);
  });

  test('a README that is not a segdoc document gets no diagnostics', async () => {
    // Open the README, then a persona. The server handles the two opens in order, so once the
    // persona's diagnostics are in, a check of the README would have been published too.
    const readme = await openScratch('README.md', await readText('README.md'));
    const persona = await openCopy('personas/devops-dana.persona.md');
    await waitForCode(persona.document.uri, 'required-section');
    assert.deepEqual(vscode.languages.getDiagnostics(readme.document.uri), [], describeDiagnostics(readme.document.uri));
  });

  test('closing a document clears its diagnostics', async () => {
    // Opened the way a user opens a file (vscode.open), not with openTextDocument: VS Code
    // keeps documents that an extension opened alive for minutes after their editor closes,
    // so only a document the user opened is closed — and its diagnostics cleared — at once.
    const uri = workspaceUri('scratch/closing.persona.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(await readText('personas/devops-dana.persona.md')));
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitForCode(uri, 'required-section');
    const cleared = waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics after the document closed', { fresh: true });
    await closeAllEditors();
    await cleared;
  });
});
