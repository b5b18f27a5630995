/**
 * A document as a marketer writes it, in a real editor: a complete persona with numbered and
 * emoji headings in the writer's own words, a two-column demographics table, prose in an enum
 * field and a research section under its own heading (test/editor/workspace/personas/
 * dana-natural.persona.md). It must show no squiggle at all, and the hover on a heading says
 * which section segdoc read it as.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openScratch,
  readText,
  waitForCode,
  waitForDiagnostics,
} from './helpers';

const FIXTURE = 'personas/dana-natural.persona.md';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

suite('documents as marketers write them', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('a good persona with natural headings and a demographics table: no squiggle; the hover names the section', async () => {
    // Reviewed a week ago, whenever the test runs (a persona is reviewed quarterly).
    const recent = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const good = (await readText(FIXTURE)).replace('**Last Updated**: 2026-10-20', `**Last Updated**: ${recent}`);
    // One planted placeholder proves that the server checked the document: the clean result
    // below is the check of the edit that fills it, not the absence of any check.
    const planted = good.replace('| Reports to | VP Engineering |', '| Reports to | [Boss role] |');
    assert.notEqual(planted, good, 'the fixture has the Reports to row');
    const editor = await openScratch('dana-natural.persona.md', planted);
    const doc = editor.document;
    await waitForCode(doc.uri, 'placeholder');
    const others = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) !== 'placeholder');
    assert.equal(others.length, 0, `only the planted placeholder:\n    ${describeDiagnostics(doc.uri)}`);

    const at = doc.getText().indexOf('[Boss role]');
    const cleared = waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostics once the placeholder is filled', {
      fresh: true,
    });
    assert.ok(
      await editor.edit((e) =>
        e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '[Boss role]'.length)), 'VP Engineering'),
      ),
    );
    await cleared;
    assert.equal(doc.getText(), good);

    const heading = doc.getText().indexOf('## 1. Who she is');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(heading + 8),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*Demographics\*\*/, text);
    assert.match(text, /reads this heading as the section \*\*Demographics\*\*, judging by its words/, text);
  });
});
