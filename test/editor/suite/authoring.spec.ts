/**
 * Authoring help as VS Code's own commands see it (README.md "In VS Code"): completion, hover,
 * document and workspace symbols, code lenses — each asked through the command VS Code's
 * UI uses (vscode.execute…Provider), so what is asserted is what the editor gets from every
 * provider for the document, segdoc's included.
 *
 * The fixture analysis/northwind.segmentation.md is opened read-only (never edited) or left
 * closed, where a test needs a segment from a file nobody opened; documents that are edited
 * are scratch copies.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { builtinKind } from '../../../server/src/schemas/builtin';
import {
  api,
  closeAllEditors,
  codeOf,
  openCopy,
  openScratch,
  setSetting,
  waitForCode,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

const NORTHWIND = 'analysis/northwind.segmentation.md';
/** The Role in Decision values of the persona schema. */
const ROLES = builtinKind('persona')!
  .sections.find((s) => s.id === 'buying-process')!
  .fields.find((f) => f.id === 'role-in-decision')!.enum!;
/** Never opened by a test: its segments are known to the server only from the disk. */
const HARBOR = 'analysis/harbor.segmentation.md';

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const sortKey = (i: vscode.CompletionItem): string => i.sortText ?? label(i);
const segdocItems = (list: vscode.CompletionList): vscode.CompletionItem[] =>
  // Markdown's own providers (paths, links) may add items; segdoc's have a detail.
  list.items
    .filter((i) => i.detail !== undefined)
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

/**
 * Calls `ask` until `ok` holds for its answer, or fails after `timeoutMs` with the last
 * answer. For what VS Code gives no event for (a setting reaching the server, a file the
 * server's workspace index reads); everything else in this file is asked once.
 */
async function until<T>(ask: () => Thenable<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await ask();
    if (ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`not within ${timeoutMs} ms: ${what}; last answer: ${JSON.stringify(last, null, 1)?.slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function complete(uri: vscode.Uri, at: vscode.Position, trigger?: string): Thenable<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at, trigger);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

function hover(uri: vscode.Uri, at: vscode.Position): Thenable<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
}

/** The position of `needle` in the document, `offset` characters into it. */
function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The persona sections devops-dana.persona.md lacks: required, recommended, optional, each in the template's order. */
const DANA_MISSING = [
  'Information Sources',
  'Marketing Tactics',
  'Quote',
  'Objections & Concerns',
  'Needs Analysis (Jobs-to-be-Done)',
  'Segment Economics',
  'Real Quotes',
  'Data Sources',
  'Persona Validation',
  'Executive Summary',
  'Background & Day-in-the-Life',
  'Psychographics',
];

suite('authoring: completion', () => {
  teardown(closeAllEditors);

  test('after "## " in a persona: the missing sections, required first; accepting the first inserts heading and template', async () => {
    await api();
    const editor = await openCopy('personas/devops-dana.persona.md');
    const doc = editor.document;
    await waitForCode(doc.uri, 'required-section');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n\n## '));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    const items = segdocItems(await complete(doc.uri, at, ' '));
    assert.deepEqual(items.map(label), DANA_MISSING);
    assert.equal(items.find((i) => label(i) === 'Information Sources')!.detail, 'Required section');
    assert.equal(items.find((i) => label(i) === 'Quote')!.detail, 'Recommended section');
    assert.equal(typeof items[0]!.label === 'string' ? undefined : items[0]!.label.description, 'required section');

    // Accept the first item as the suggest widget does: its snippet over its range.
    const first = items[0]!;
    assert.ok(first.insertText instanceof vscode.SnippetString, 'the template comes as a snippet');
    const range = first.range instanceof vscode.Range ? first.range : first.range!.replacing;
    const headingLine = at.line;
    assert.ok(await editor.insertSnippet(first.insertText, range), 'the snippet is inserted');
    const lines = doc.getText().split('\n').slice(headingLine);
    assert.deepEqual(lines.slice(0, 5), [
      '## Information Sources',
      '',
      '- **Content Preferences**: [Tutorials, whitepapers, videos, webinars]',
      '- **Trusted Sources**: [Publications, analysts, influencers they follow]',
      '- **Communities**: [Stack Overflow, Reddit, LinkedIn groups, conferences]',
    ]);
    // The first placeholder is selected, ready to type over; the rest stay as placeholders.
    assert.equal(doc.getText(editor.selection), '[Tutorials, whitepapers, videos, webinars]');
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => d.range.start.line === headingLine + 2 && codeOf(d) === 'placeholder'),
      'a placeholder finding on the inserted Content Preferences',
    );
  });

  test('after "**Status**: " in a segmentation Metadata: Draft and Approved; a Russian document gets Черновик and Утверждено first', async () => {
    await api();
    const en = await openScratch(
      'status.segmentation.md',
      '# Customer Segmentation Analysis: Acme\n\n## Metadata\n- **Date**: 2026-11-16\n- **Status**: \n',
    );
    const enAt = en.document.lineAt(4).range.end;
    const enItems = segdocItems(await complete(en.document.uri, enAt, ' '));
    assert.deepEqual(enItems.map(label), ['Draft', 'Approved']);
    assert.equal(enItems[0]!.kind, vscode.CompletionItemKind.EnumMember);

    const ru = await openScratch(
      'status-ru.segmentation.md',
      '# Сегментация клиентов: Норд\n\n## Метаданные\n- **Дата**: 2026-11-16\n- **Статус**: \n',
    );
    const ruAt = ru.document.lineAt(4).range.end;
    const ruItems = segdocItems(await complete(ru.document.uri, ruAt, ' '));
    assert.deepEqual(ruItems.map(label), ['Черновик', 'Утверждено', 'Draft', 'Approved']);
  });

  test('after "**Role in Decision**: " in a persona: the roles', async () => {
    await api();
    const editor = await openCopy('personas/devops-dana.persona.md');
    const doc = editor.document;
    const line = positionOf(doc, '- **Role in Decision**: ').line;
    await editor.edit((b) => b.replace(doc.lineAt(line).range, '- **Role in Decision**: '));
    const items = segdocItems(await complete(doc.uri, doc.lineAt(line).range.end, ' '));
    // Every role the persona schema allows, in its order (the six of the persona template first).
    assert.deepEqual(items.map(label), ROLES);
  });

  test('after "**Segment**: " in a persona: the segments a closed workspace file defines', async () => {
    await api();
    const editor = await openScratch(
      'segment.persona.md',
      '# Persona: Fiona - Founder\n\n## Executive Summary\n**One-Liner**: a fintech founder\n**Segment**: \n',
    );
    const doc = editor.document;
    const at = doc.lineAt(4).range.end;
    // The server reads the workspace's files lazily, on the first request that needs them.
    const items = await until(
      async () => segdocItems(await complete(doc.uri, at, ' ')),
      (list) => ['Fintech Startups', 'Regional Banks', 'Hobbyists'].every((n) => list.some((i) => label(i) === n)),
      'the segments of northwind.segmentation.md offered',
    );
    const fintech = items.find((i) => label(i) === 'Fintech Startups')!;
    assert.equal(fintech.detail, 'Segment · northwind.segmentation.md');
  });
});

suite('authoring: hover', () => {
  teardown(async () => {
    await setSetting('language', undefined);
    await closeAllEditors();
  });

  test("a section heading: the schema's description, required or not, what it must contain", async () => {
    await api();
    const editor = await openFixture('personas/devops-dana.persona.md');
    const doc = editor.document;
    const text = hoverText(await hover(doc.uri, positionOf(doc, '## Buying Process', 5)));
    assert.match(text, /\*\*Buying Process\*\* · Required section/);
    assert.match(text, /Must contain: .*\*\*Role in Decision\*\*/);
  });

  test('a field label: its description and allowed values', async () => {
    await api();
    const editor = await openFixture('personas/devops-dana.persona.md');
    const doc = editor.document;
    const text = hoverText(await hover(doc.uri, positionOf(doc, '**Role in Decision**', 4)));
    assert.match(text, /\*\*Role in Decision\*\* · Required field of Buying Process/);
    assert.match(text, /Allowed values: Economic buyer, Technical evaluator, Influencer, User, Decision maker, Gatekeeper/);
  });

  test('a matrix row: the score breakdown and the tier thresholds', async () => {
    await api();
    const editor = await openFixture(NORTHWIND);
    const doc = editor.document;
    const text = hoverText(await hover(doc.uri, positionOf(doc, '| Fintech Startups | 9', 4)));
    assert.match(text, /9 \+ 8 \+ 9 \+ 8 = \*\*34\*\* → \*\*Tier 1\*\*/);
    assert.match(text, /Attractiveness: 9 · Fit: 8 · Accessibility: 9 · Strategic Value: 8/);
    assert.match(text, /Tiers: Tier 1 ≥ 30 · Tier 2 20–29 · Tier 3 < 20/);
  });

  test('a rule id in a disable comment: the rule', async () => {
    await api();
    const editor = await openScratch(
      'disable.persona.md',
      '<!-- segdoc-disable required-section -->\n# Persona: Ola - Ops\n\n## Demographics\n- **Job Title**: Ops lead\n',
    );
    const doc = editor.document;
    const text = hoverText(await hover(doc.uri, positionOf(doc, 'required-section', 3)));
    assert.match(text, /segdoc rule `required-section`/);
  });

  test('with segdoc.language = ru the description is in Russian', async () => {
    await api();
    const editor = await openFixture('personas/devops-dana.persona.md');
    const doc = editor.document;
    const at = positionOf(doc, '## Buying Process', 5);
    await setSetting('language', 'ru');
    // The setting reaches the server as a configuration change; nothing tells the editor when.
    const text = await until(
      async () => hoverText(await hover(doc.uri, at)),
      (t) => /Обязательный раздел/.test(t),
      'a Russian hover',
    );
    assert.match(text, /\*\*Процесс покупки\*\* · Обязательный раздел/);
  });
});

suite('authoring: symbols and code lenses', () => {
  teardown(closeAllEditors);

  test('the outline names the segments (classes, with their criteria) and the matrix rows (total and tier)', async () => {
    await api();
    const editor = await openFixture(NORTHWIND);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    // VS Code merges every provider's symbols: Markdown's own outline comes too. segdoc's root is the title.
    const root = symbols.find((s) => s.detail === 'Segmentation analysis');
    assert.ok(root, `segdoc's title symbol among ${symbols.map((s) => `${s.name} [${s.detail}]`).join(', ')}`);
    assert.equal(root.name, 'Customer Segmentation Analysis: Northwind Cloud');
    assert.equal(root.detail, 'Segmentation analysis');
    const child = (name: string): vscode.DocumentSymbol => {
      const c = root.children.find((s) => s.name === name);
      assert.ok(c, `"${name}" in the outline: ${root.children.map((s) => s.name).join(', ')}`);
      return c;
    };
    const segments = child('Target Segments').children;
    assert.deepEqual(
      segments.map((s) => [s.name, vscode.SymbolKind[s.kind], s.detail]),
      [
        ['Fintech Startups', 'Class', '5/5 criteria'],
        ['Regional Banks', 'Class', '5/5 criteria'],
        ['Hobbyists', 'Class', '3/5 criteria'],
      ],
    );
    assert.deepEqual(
      child('Segment Prioritization').children.map((s) => [s.name, vscode.SymbolKind[s.kind], s.detail]),
      [
        ['Fintech Startups', 'Number', 'Total 34 · Tier 1'],
        ['Regional Banks', 'Number', 'Total 31 · Tier 1'],
        ['Hobbyists', 'Number', 'Total 14 · Tier 3'],
      ],
    );
    // Picking a segment selects its name in the heading.
    assert.equal(editor.document.getText(segments[0]!.selectionRange), 'Fintech Startups');
  });

  test('a persona document: the title is the persona', async () => {
    await api();
    const editor = await openFixture('personas/devops-dana.persona.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const persona = symbols.find((s) => s.detail === 'Buyer persona');
    assert.ok(persona, `segdoc's persona symbol among ${symbols.map((s) => `${s.name} [${s.detail}]`).join(', ')}`);
    assert.equal(persona.name, 'DevOps Dana - Platform Engineering Lead');
    assert.equal(vscode.SymbolKind[persona.kind], 'Object');
    assert.ok(persona.children.some((s) => s.name === 'Pain Points'));
  });

  test('workspace symbols find a segment defined in a file nobody opened', async () => {
    await api();
    await openFixture('personas/devops-dana.persona.md');
    const target = workspaceUri(HARBOR).toString();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === target), 'no test opens harbor.segmentation.md');
    const isPortOperators = (s: vscode.SymbolInformation): boolean =>
      s.name === 'Port Operators' && s.location.uri.toString() === target;
    // The server walks the workspace folders lazily, on the first request that needs them.
    const found = await until(
      () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Port Oper'),
      (list) => list.some(isPortOperators),
      'Port Operators in harbor.segmentation.md',
    );
    const sym = found.find(isPortOperators)!;
    assert.equal(vscode.SymbolKind[sym.kind], 'Class');
    assert.equal(sym.location.range.start.line, 6, 'on its heading');
  });

  test('code lenses: completeness on the title, n/5 on each segment, total and tier on each matrix row, done/total on the checklist', async () => {
    await api();
    const editor = await openFixture(NORTHWIND);
    const doc = editor.document;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const at = (needle: string): string[] => {
      const line = positionOf(doc, needle).line;
      return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '(unresolved)');
    };
    assert.deepEqual(at('# Customer Segmentation Analysis'), ['Segmentation analysis · 100% complete']);
    assert.deepEqual(at('### Segment 1: Fintech Startups'), [
      'Measurable ✓ Substantial ✓ Accessible ✓ Differentiable ✓ Actionable ✓ — 5/5',
    ]);
    assert.deepEqual(at('### Segment 3: Hobbyists'), [
      'Measurable ✓ Substantial ✗ Accessible ✗ Differentiable ✓ Actionable ✓ — 3/5',
    ]);
    assert.deepEqual(at('| Fintech Startups |'), ['Total 34 · Tier 1']);
    assert.deepEqual(at('| Hobbyists |'), ['Total 14 · Tier 3']);
    assert.deepEqual(at('- [x] 3-7 segments'), ['Done 2/3']);
    // Every lens opens the scorecard through a command the extension registered.
    const commands = await vscode.commands.getCommands(true);
    for (const l of lenses) {
      assert.ok(
        l.command && commands.includes(l.command.command),
        `lens "${l.command?.title}" runs a registered command (${l.command?.command})`,
      );
      assert.equal(String(l.command.arguments?.[0]), doc.uri.toString());
    }
  });

  test('code lenses follow an edit: a lowered score changes the row’s total and tier', async () => {
    await api();
    const editor = await openCopy(NORTHWIND);
    const doc = editor.document;
    const line = positionOf(doc, '| Regional Banks |').line;
    await editor.edit((b) => b.replace(doc.lineAt(line).range, '| Regional Banks | 5 | 5 | 5 | 5 | 31 | 1 |'));
    const lenses = await until(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri),
      (ls) => ls.some((l) => l.range.start.line === line && l.command?.title === 'Total 20 (stated 31) · Tier 2 (stated 1)'),
      'the edited row’s lens',
    );
    assert.ok(lenses.length > 0);
  });
});

suite("authoring: a persona's Segment", () => {
  teardown(closeAllEditors);

  test('go to definition leads from the Segment to the segment in a workspace file', async () => {
    await api();
    const editor = await openScratch(
      'fiona.persona.md',
      '# Persona: Fiona - Founder\n\n## Executive Summary\n**One-Liner**: a fintech founder\n**Segment**: Regional Banks\n',
    );
    const doc = editor.document;
    const at = new vscode.Position(4, 16);
    // The server reads the workspace's files lazily, on the first request that needs them.
    const found = await until(
      () =>
        vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          doc.uri,
          at,
        ),
      (list) => list.length > 0,
      'a definition of "Regional Banks"',
    );
    const targets = found.map((l) =>
      'targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : { uri: l.uri, range: l.range },
    );
    // Other tests' scratch copies of northwind define the segment too: the fixture is among them.
    assert.deepEqual(
      targets
        .filter((l) => l.uri.toString() === workspaceUri(NORTHWIND).toString())
        .map((l) => [l.range.start.line, l.range.start.character, l.range.end.character]),
      [[16, 15, 29]],
      targets.map((l) => l.uri.toString()).join(', '),
    );
  });

  test('unknown-segment: a misspelt Segment gets "did you mean" and a fix that writes the name', async () => {
    await api();
    const editor = await openScratch(
      'gary.persona.md',
      '# Persona: Gary - Treasurer\n\n## Executive Summary\n**One-Liner**: runs treasury at a regional bank\n**Segment**: Regional Bankz\n',
    );
    const doc = editor.document;
    const d = (await waitForCode(doc.uri, 'unknown-segment', { timeoutMs: 30_000 })).find((x) => codeOf(x) === 'unknown-segment');
    assert.equal(
      d!.message,
      'Segment "Regional Bankz" is not defined in the workspace: did you mean "Regional Banks" (northwind.segmentation.md)?',
    );
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find(
      (a): a is vscode.CodeAction => a instanceof vscode.CodeAction && a.title === 'Replace with "Regional Banks"',
    );
    assert.ok(fix?.edit, `the fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(4).text, '**Segment**: Regional Banks');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'unknown-segment'), 'unknown-segment gone');
  });
});
