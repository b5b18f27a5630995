/**
 * The commands as a user runs them from the palette: New Document opens an untitled
 * Markdown document with the server's template, Show Scorecard opens the webview panel with
 * the active document's scorecard and follows its edits, Check Workspace puts the problems
 * of a document nobody opened into the Problems panel.
 *
 * Registered last in index.ts: Check Workspace publishes diagnostics for every segdoc file
 * in the workspace, which the other specs must not see.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openScratch,
  waitForCode,
  waitForDiagnostics,
  workspaceUri,
  type SegdocApi,
} from './helpers';

/** What the extension's API says about the scorecard view (client/src/scorecard/panel.ts). */
interface ScorecardRender {
  uri: string;
  html: string;
  scorecard: {
    segments: { items: Array<{ name: string; met: number }> };
    matrices: { items: Array<{ rows: Array<{ segment: string; total: number | null; tier: number | null }> }> };
  } | null;
}
interface ScorecardApi {
  current(): ScorecardRender | undefined;
  onDidRender: vscode.Event<ScorecardRender>;
}

async function segdoc(): Promise<
  SegdocApi & {
    scorecard: ScorecardApi;
    client: SegdocApi['client'] & { sendRequest<R>(method: string, params: unknown): Promise<R> };
  }
> {
  const exports = (await api()) as SegdocApi & { scorecard?: ScorecardApi };
  assert.ok(exports.scorecard, 'activate() returns the scorecard API');
  return exports as never;
}

/** The next scorecard render that satisfies `predicate` (or the current one, if it does). */
function rendered(
  scorecard: ScorecardApi,
  predicate: (r: ScorecardRender) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<ScorecardRender> {
  const now = scorecard.current();
  if (now && predicate(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `no scorecard render within ${timeoutMs} ms made this true: ${what}; last: ${scorecard.current()?.html.slice(0, 300)}`,
        ),
      );
    }, timeoutMs);
    const sub = scorecard.onDidRender((r) => {
      if (!predicate(r)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('segdoc.scorecard'));
}

/** Resolves once the editor's tab model lists a scorecard tab (it learns of new tabs a moment after they open). */
function scorecardTab(timeoutMs = 30_000): Promise<vscode.Tab> {
  const now = webviewTabs()[0];
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((tab) => tab.label);
      reject(new Error(`no scorecard tab within ${timeoutMs} ms; tabs: ${tabs.join(', ')}`));
    }, timeoutMs);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = webviewTabs()[0];
      if (!tab) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
    });
  });
}

const SEGMENTATION = [
  '# Customer Segmentation Analysis: Editor Co',
  '',
  '## Target Segments',
  '',
  '### Segment 1: Clinics',
  '- **Size**: 8,000 companies',
  '- **ACV**: $12k',
  '- **Channels**: partner resellers',
  '- **Needs**: appointment reminders',
  '- **Value Proposition**: fewer no-shows',
  '',
  '### Segment 2: Hospitals',
  '- **Size**: 900 companies',
  '- **ACV**: $200k',
  '- **Channels**: field sales',
  '- **Needs**: compliance reporting',
  '- **Value Proposition**: audit-ready records',
  '',
  '## Segment Prioritization',
  '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
  '|---------|---------------|-----|---------------|----------------|-------|------|',
  '| Clinics | 8 | 9 | 9 | 8 | 34 | 1 |',
  '| Hospitals | 9 | 6 | 5 | 7 | 27 | 2 |',
  '',
].join('\n');

suite('commands', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    // Untitled documents would ask whether to save them; revert them first.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
  });

  test('the commands are contributed with titles in the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [
      'segdoc.newDocument',
      'segdoc.showScorecard',
      'segdoc.checkWorkspace',
      'segdoc.restartServer',
      'segdoc.showScores',
      'segdoc.goToScore',
    ]) {
      assert.ok(all.includes(id), `${id} is registered`);
    }
  });

  test('New Document opens an untitled Markdown document with the template the server builds', async () => {
    const { client } = await segdoc();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('segdoc.newDocument', {
      kind: 'persona',
      language: 'ru',
    });
    assert.ok(editor, 'the command returns the new editor');
    const doc = editor.document;
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the new document is the active editor');
    const template = await client.sendRequest<{ text: string }>('segdoc/template', { kind: 'persona', language: 'ru' });
    assert.equal(doc.getText(), template.text, 'the snippet expands to the template text');
    assert.match(doc.getText(), /^# Персона: \[Имя персоны\] - \[Роль\]\n/);
    // The first placeholder is selected, ready to type over.
    assert.equal(doc.getText(editor.selection), '[Имя персоны]');
    // Checked as a persona: placeholders, but no missing section.
    const diags = await waitForCode(doc.uri, 'placeholder');
    assert.ok(!diags.some((d) => codeOf(d) === 'required-section'), describeDiagnostics(doc.uri));
  });

  test('Show Scorecard opens a webview panel with the active document’s scorecard, and follows its edits', async () => {
    const { scorecard } = await segdoc();
    const editor = await openScratch('scorecard.segmentation.md', SEGMENTATION);
    const uri = editor.document.uri.toString();
    await waitForDiagnostics(editor.document.uri, () => true, 'the first check');
    await vscode.commands.executeCommand('segdoc.showScorecard');
    const first = await rendered(scorecard, (r) => r.uri === uri && r.scorecard !== null, 'the scorecard of the document');
    const tab = await scorecardTab();
    assert.match(tab.label, /scorecard\.segmentation\.md/, 'the tab is named after the document');
    assert.equal(webviewTabs().length, 1, 'one scorecard panel');
    assert.deepEqual(
      first.scorecard!.segments.items.map((s) => s.name),
      ['Clinics', 'Hospitals'],
    );
    assert.match(first.html, /data-segment="Clinics"/);
    assert.match(first.html, /<span class="total">34<\/span> <span class="tier tier-1">Tier 1<\/span>/);
    // The panel opened beside the editor and left the focus in it.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri);

    // An edit: Hospitals' Attractiveness 9 → 1 and Fit 6 → 2 bring its total to 15, tier 3.
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('| Hospitals |'));
    const next = rendered(
      scorecard,
      (r) => r.uri === uri && r.scorecard?.matrices.items[0]?.rows[1]?.tier === 3,
      'Hospitals in tier 3',
    );
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length),
        '| Hospitals | 1 | 2 | 5 | 7 | 27 | 2 |',
      ),
    );
    const after = await next;
    assert.deepEqual(
      after.scorecard!.matrices.items[0]!.rows.map((r) => [r.segment, r.total, r.tier]),
      [
        ['Clinics', 34, 1],
        ['Hospitals', 15, 3],
      ],
    );
    assert.match(
      after.html,
      /<span class="total mismatch">15 \(stated 27\)<\/span> <span class="tier tier-3">Tier 3 \(stated 2\)<\/span>/,
    );

    // Running the command again reveals the same panel.
    await vscode.commands.executeCommand('segdoc.showScores', editor.document.uri);
    assert.equal(webviewTabs().length, 1);
  });

  test('Check Workspace puts the problems of a document nobody opened into the Problems panel', async () => {
    await segdoc();
    const closed = workspaceUri('scratch/closed/never-opened.persona.md');
    await vscode.workspace.fs.writeFile(
      closed,
      new TextEncoder().encode('# Persona: Closed Carl\n\n## Demographics\n\n- **Job Title**: CFO\n'),
    );
    assert.equal(vscode.languages.getDiagnostics(closed).length, 0, 'nothing before the check');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
    const result = await vscode.commands.executeCommand<{ files: number; documents: number; errors: number; cancelled: boolean }>(
      'segdoc.checkWorkspace',
    );
    assert.ok(result, 'the command returns the summary');
    assert.equal(result.cancelled, false);
    assert.ok(result.documents >= 1 && result.files >= result.documents && result.errors > 0, JSON.stringify(result));
    const diags = await waitForCode(closed, 'required-section');
    assert.ok(diags.length >= 5, describeDiagnostics(closed));
    // Markdown that is not a segdoc document gets nothing, checked or not.
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri('README.md')), []);
  });
});
