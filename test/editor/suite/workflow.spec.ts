/**
 * From an empty file to a clean persona with what the editor offers and nothing else: the
 * persona snippet, typing over the placeholders its diagnostics point at, completion for the
 * enum fields and for a missing section, and quick fixes for what is still missing. Each
 * step goes through VS Code's own commands (insertSnippet, executeCompletionItemProvider,
 * executeCodeActionProvider, applyEdit), so it is what a user at the keyboard would get.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../../server/src/services/engine';
import { realistic } from '../../fixtures/authoring/realistic';
import { api, closeAllEditors, codeOf, describeDiagnostics, metrics, openScratch, waitForDiagnostics } from './helpers';

const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

async function complete(doc: vscode.TextDocument, at: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
  return list.items;
}

/** Inserts a completion item as VS Code would on Enter: its snippet or text over its range. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? new vscode.Range(at, at));
  const text = item.insertText ?? label(item);
  const snippet = typeof text === 'string' ? new vscode.SnippetString().appendText(text) : text;
  assert.ok(await editor.insertSnippet(snippet, range), `inserted ${label(item)}`);
  await vscode.commands.executeCommand('leaveSnippet');
}

suite('writing a persona from an empty file', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('snippet, placeholders typed over, completion and quick fixes → no findings', async () => {
    const editor = await openScratch('new.md', '');
    const doc = editor.document;
    const fill = realistic('en');
    const steps: string[] = [];
    const fail = (what: string): never => assert.fail(`${what}\nsteps: ${steps.join(' → ')}\n  ${describeDiagnostics(doc.uri)}`);

    // 1. The persona snippet into the empty file.
    let checked = waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'placeholder'),
      'placeholders in the new persona',
      { fresh: true },
    );
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'segdoc: Buyer persona' });
    await vscode.commands.executeCommand('leaveSnippet');
    await checked;
    steps.push('snippet');

    let usedSectionCompletion = false;
    let choicesCompleted = 0;
    for (let round = 0; round < 30; round++) {
      const diagnostics = vscode.languages.getDiagnostics(doc.uri);
      if (diagnostics.length === 0) break;
      const placeholders = diagnostics.filter((d) => codeOf(d) === 'placeholder');
      if (placeholders.length) {
        // 2. Type over every placeholder: a value for the free-text ones (bottom up, in one
        // edit); for a field whose placeholder lists options (`[SMB/Mid/Enterprise]`), the
        // value completion offers when it offers one of them (an enum field), else typed too.
        const isChoice = (d: vscode.Diagnostic): boolean =>
          doc.getText(d.range).includes('/') &&
          /\*\*[^*]+\*\*:\s*$/.test(doc.lineAt(d.range.start.line).text.slice(0, d.range.start.character));
        const bottomUp = [...placeholders].sort((a, b) => b.range.start.compareTo(a.range.start));
        const typed = bottomUp
          .filter((d) => !isChoice(d))
          .map((d) => ({
            range: d.range,
            text: fill(doc.getText(d.range), doc.getText(new vscode.Range(new vscode.Position(0, 0), d.range.start))),
          }));
        checked = waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'placeholder'), 'no placeholder left', {
          fresh: true,
        });
        if (typed.length) assert.ok(await editor.edit((b) => typed.forEach((t) => b.replace(t.range, t.text))));
        let completed = 0;
        for (const d of bottomUp.filter(isChoice)) {
          const placeholder = doc.getText(d.range);
          const typedValue = fill(placeholder, doc.getText(new vscode.Range(new vscode.Position(0, 0), d.range.start)));
          const options = placeholder
            .slice(1, -1)
            .split('/')
            .map((o) => o.trim().toLowerCase());
          assert.ok(await editor.edit((b) => b.delete(d.range)));
          const at = d.range.start;
          const value = (await complete(doc, at)).find((i) => options.includes(label(i).toLowerCase()));
          if (value) {
            await accept(editor, value, at);
            completed++;
          } else {
            assert.ok(await editor.edit((b) => b.insert(at, typedValue)));
          }
        }
        choicesCompleted += completed;
        await checked.catch((e: Error) => fail(e.message));
        steps.push(`typed ${placeholders.length - completed} + completed ${completed}`);
        continue;
      }

      const finding = diagnostics.sort((a, b) => a.range.start.compareTo(b.range.start))[0]!;
      const code = codeOf(finding)!;
      const gone = (ds: vscode.Diagnostic[]): boolean => !ds.some((d) => codeOf(d) === code && d.message === finding.message);
      const section = /"([^"]+)"/.exec(finding.message)?.[1];
      if (code === 'recommended-section' && section && !usedSectionCompletion) {
        // 3. One missing section through completion: on an empty last line, the sections the
        // persona lacks are offered; accepting one inserts its heading and template.
        usedSectionCompletion = true;
        const last = doc.lineAt(doc.lineCount - 1);
        if (!last.isEmptyOrWhitespace) await editor.edit((b) => b.insert(last.range.end, '\n\n'));
        const at = doc.lineAt(doc.lineCount - 1).range.end;
        const items = await complete(doc, at);
        const item = items.find((i) => label(i).includes(section));
        if (!item) fail(`completion does not offer "${section}"; got ${items.map(label).slice(0, 20).join(' | ')}`);
        checked = waitForDiagnostics(doc.uri, gone, `"${finding.message}" gone`, { fresh: true });
        await accept(editor, item!, at);
        await checked.catch((e: Error) => fail(e.message));
        steps.push(`completed section ${section}`);
        continue;
      }

      // 4. Everything else through its quick fix, never a "disable" action. The editor's
      // code-action command does not say which diagnostic an action fixes: the engine, run on
      // the same text, names the fix this finding has, and its title picks the action.
      const title = lint(doc.getText(), { path: doc.uri.fsPath }).findings.find(
        (f) => f.rule === code && f.message === finding.message,
      )?.fixes[0]?.title;
      if (!title) fail(`the engine has no fix for ${code}: ${finding.message}`);
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        finding.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find(
        (a): a is vscode.CodeAction => a instanceof vscode.CodeAction && a.title === title && a.edit !== undefined,
      );
      if (!fix)
        fail(
          `no quick fix "${title}" offered for ${code}: ${finding.message}; offered: ${actions.map((a) => a.title).join(' | ')}`,
        );
      checked = waitForDiagnostics(doc.uri, gone, `"${finding.message}" gone`, { fresh: true });
      assert.ok(await vscode.workspace.applyEdit(fix!.edit!), `applied "${fix!.title}"`);
      await checked.catch((e: Error) => fail(e.message));
      steps.push(`fix ${code}`);
    }

    // How many rounds of typing, completing and fixing it took (in the run's timings line).
    metrics['personaFromEmptySteps'] = steps.length;
    assert.deepEqual(
      vscode.languages.getDiagnostics(doc.uri).map((d) => `${codeOf(d)} ${d.message}`),
      [],
      `steps: ${steps.join(' → ')}`,
    );
    assert.ok(usedSectionCompletion, `a section came from completion; steps: ${steps.join(' → ')}`);
    assert.ok(choicesCompleted >= 2, `the enum fields came from completion; steps: ${steps.join(' → ')}`);
    assert.match(doc.getText(), /^# Persona: \S/);
  });
});
