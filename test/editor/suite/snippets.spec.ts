/**
 * Snippets as VS Code sees them: contributed in the extension's package.json, registered
 * for Markdown, and expanded by the editor's own snippet engine.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, describeDiagnostics, extension, openScratch, waitForDiagnostics } from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** Reads the snippets the extension contributes for Markdown, by name. */
async function contributedSnippets(): Promise<Map<string, Snippet>> {
  const ext = extension();
  const contributes = (ext.packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes;
  const files = (contributes?.snippets ?? []).filter((s) => s.language === 'markdown');
  assert.ok(files.length > 0, 'package.json contributes Markdown snippets');
  const out = new Map<string, Snippet>();
  for (const f of files) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, f.path));
    for (const [name, s] of Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Snippet>))
      out.set(name, s);
  }
  return out;
}

function byPrefix(snippets: Map<string, Snippet>, prefix: string): [string, Snippet] | undefined {
  return [...snippets].find(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
}

/**
 * The text a snippet body expands to when every tab stop keeps its default: `${1:x}` → x,
 * `$1` and `$0` → nothing, `${1|a,b|}` → a, `\$` → $. Undefined when the body uses
 * variables ($TM_FILENAME…), whose values depend on the editor.
 */
function expand(body: string): string | undefined {
  let out = '';
  let i = 0;
  const parse = (stopAt: string | undefined): boolean => {
    while (i < body.length) {
      const c = body[i]!;
      if (stopAt && c === stopAt) return true;
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$') {
        const simple = /^\$(\d+)/.exec(body.slice(i));
        const placeholder = /^\$\{(\d+):/.exec(body.slice(i));
        const choice = /^\$\{\d+\|([^,|]*)[^|]*\|\}/.exec(body.slice(i));
        const bare = /^\$\{(\d+)\}/.exec(body.slice(i));
        if (simple) i += simple[0].length;
        else if (bare) i += bare[0].length;
        else if (choice) {
          out += choice[1];
          i += choice[0].length;
        } else if (placeholder) {
          i += placeholder[0].length;
          if (!parse('}')) return false;
          i += 1;
        } else return false;
      } else {
        out += c;
        i += 1;
      }
    }
    return stopAt === undefined;
  };
  return parse(undefined) ? out : undefined;
}

suite('snippets', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('persona and persona-ru snippets are contributed for Markdown', async () => {
    const snippets = await contributedSnippets();
    for (const prefix of ['persona', 'persona-ru', 'segmentation', 'gtm', 'prioritization']) {
      assert.ok(byPrefix(snippets, prefix), `a snippet with prefix "${prefix}"; have ${[...snippets.keys()].join(', ')}`);
    }
  });

  for (const [prefix, title] of [
    ['persona', /^# Persona: \[Persona Name\] - \[Role\]$/m],
    ['persona-ru', /^# Персона: \[Имя персоны\] - \[Роль\]$/m],
  ] as const) {
    test(`inserting the ${prefix} snippet produces the template, which has every required section`, async () => {
      const [name, snippet] = byPrefix(await contributedSnippets(), prefix)!;
      // A plain .md name: the file becomes a persona only through the template's H1.
      const editor = await openScratch(`new-${prefix}.md`, '');
      // Subscribed before inserting, so the check of the inserted text is what resolves it.
      const checked = waitForDiagnostics(
        editor.document.uri,
        (ds) => ds.length > 0 && ds.every((d) => codeOf(d) !== 'required-section'),
        'a persona with findings (placeholders, recommended sections) but no required-section error',
        { fresh: true },
      );
      // insertSnippet with { langId, name } looks the snippet up among the registered ones, so
      // this passes only if VS Code loaded the contribution, not just because the file exists.
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      const doc = editor.document;
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const expected = expand(body);
      const text = doc.getText();
      if (expected !== undefined) assert.equal(text, expected);
      assert.match(text, title);
      // The template is complete: once checked, no required section is missing.
      await checked.catch((e: Error) => {
        throw new Error(`${e.message}\n${describeDiagnostics(doc.uri)}`);
      });
    });
  }
});
