/**
 * Quick fixes and "disable" actions over a real connection: the actions the server offers
 * are applied to the text as an editor would, sent back as didChange, and the finding must
 * be gone from the next publish.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { CodeActionKind, type CodeAction, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
  applyEdits,
  editsOf,
  fullCapabilities,
  messageOf,
  ofRule,
  TestClient,
  startInFolder,
  type StartOptions,
  LIMIT,
} from './client';
import { MATRIX, MISSING, PERSONA } from './docs';

async function open(
  t: TestContext,
  text: string,
  options: StartOptions = {},
): Promise<{ client: TestClient; doc: string; first: PublishDiagnosticsParams }> {
  const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, ...options });
  const doc = uri('dana.persona.md');
  const published = client.diagnosticsFor(doc, 1);
  await client.open(doc, text);
  return { client, doc, first: await published };
}

function byMessage(p: PublishDiagnosticsParams, message: string): Diagnostic {
  const d = p.diagnostics.find((x) => x.message === message);
  assert.ok(d, `a diagnostic "${message}" among ${p.diagnostics.map((x) => x.message).join('; ')}`);
  return d;
}

function action(actions: CodeAction[], title: string): CodeAction {
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `an action "${title}" among ${actions.map((x) => x.title).join('; ')}`);
  return a;
}

/** Applies an action's edit as the editor would and returns the next publish. */
async function apply(client: TestClient, doc: string, a: CodeAction): Promise<PublishDiagnosticsParams> {
  assert.ok(a.edit, `${a.title} has an edit`);
  const next = client.diagnosticsFor(doc, client.version(doc) + 1);
  await client.applyWorkspaceEdit(doc, a.edit);
  return next;
}

describe('code actions over stdio', () => {
  test('fixes of errors come before fixes of infos on the same line', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    // The title carries both missing required sections (errors) and missing recommended ones
    // (infos); the client asks with the infos first, as an editor may.
    const onTitle = first.diagnostics.filter((d) => d.range.start.line === 0);
    assert.ok(onTitle.some((d) => d.severity === 1) && onTitle.some((d) => d.severity === 3), 'errors and infos on the title');
    const infosFirst = [...onTitle].sort((a, b) => (b.severity ?? 0) - (a.severity ?? 0));
    const actions = await client.codeActions(doc, onTitle[0]!.range, infosFirst);
    const fixes = actions.filter((a) => a.title.startsWith('Insert section'));
    const severities = fixes.map((a) => a.diagnostics?.[0]?.severity);
    assert.deepEqual(
      severities,
      [...severities].sort((a, b) => (a ?? 4) - (b ?? 4)),
    );
    assert.equal(severities[0], 1);
  });

  test('a quick fix inserts the missing section and the finding is gone', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const d = byMessage(first, 'Missing required section "Pain Points"');
    const actions = await client.codeActions(doc, d.range, [d]);

    const fix = action(actions, 'Insert section "Pain Points"');
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [d]);
    // A versioned edit: an editor refuses it if the document changed meanwhile.
    assert.equal((fix.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 1);

    const expected = applyEdits(PERSONA, editsOf(fix.edit!, doc));
    const after = await apply(client, doc, fix);
    assert.equal(client.text(doc), expected);
    assert.match(client.text(doc), /\n## Pain Points\n/);
    assert.equal(after.version, 2);
    assert.deepEqual(
      ofRule(after, 'required-section').map((x) => x.message),
      MISSING.filter((s) => s !== 'Pain Points').map((s) => `Missing required section "${s}"`),
    );
  });

  test('each diagnostic offers its fix, then disable for this line and for this file', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const d = byMessage(first, 'Missing required section "Messaging"');
    const actions = (await client.codeActions(doc, d.range, [d])).filter((a) => !a.title.startsWith('Insert all'));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Insert section "Messaging"', 'Disable required-section for this line', 'Disable required-section for this file'],
    );
    for (const a of actions) assert.equal(a.kind, CodeActionKind.QuickFix);
    assert.equal(actions[1]!.isPreferred ?? false, false);
  });

  test(
    'the menu on a title with many missing sections: insert all first, one fix per section, disable actions last and once',
    LIMIT,
    async (t) => {
      const { client, doc, first } = await open(t, PERSONA);
      // What VS Code sends for Ctrl+. on the title: every diagnostic there, cursor in the title.
      const onTitle = first.diagnostics.filter((d) => d.range.start.line === 0);
      const recommended = ofRule(first, 'recommended-section').map((d) =>
        messageOf(d).replace(/^Missing recommended section "(.*)"$/, '$1'),
      );
      assert.ok(recommended.length >= 2, 'recommended sections are missing too');
      const cursor = { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } };
      const actions = await client.codeActions(doc, cursor, onTitle);
      const total = MISSING.length + recommended.length;
      assert.deepEqual(
        actions.map((a) => a.title),
        [
          `Insert all ${MISSING.length} missing required sections`,
          `Insert all ${total} missing sections`,
          ...MISSING.map((s) => `Insert section "${s}"`),
          ...recommended.map((s) => `Insert section "${s}"`),
          'Disable required-section for this line',
          'Disable required-section for this file',
        ],
      );
      for (const a of actions) assert.equal(a.kind, CodeActionKind.QuickFix);
      // Preferred, like each section's insert: VS Code lists preferred fixes first, so the
      // insert-all actions lead its menu too; the disable actions are not preferred.
      assert.deepEqual(
        actions.map((a) => a.isPreferred ?? false),
        [...actions.slice(0, -2).map(() => true), false, false],
      );
      assert.deepEqual(
        actions[0]!.diagnostics?.map((d) => d.message),
        MISSING.map((s) => `Missing required section "${s}"`),
      );
    },
  );

  test(
    '"Insert all missing required sections" adds them in template order in one edit, and none is missing after',
    LIMIT,
    async (t) => {
      const { client, doc, first } = await open(t, PERSONA);
      const d = byMessage(first, 'Missing recommended section "Quote"');
      const req = byMessage(first, 'Missing required section "Pain Points"');
      const actions = await client.codeActions(doc, d.range, [d, req]);
      const all = action(actions, `Insert all ${MISSING.length} missing required sections`);
      const after = await apply(client, doc, all);
      const text = client.text(doc);
      const headings = text
        .split('\n')
        .filter((l) => l.startsWith('## '))
        .map((l) => l.slice(3));
      assert.deepEqual(headings, ['Demographics', ...MISSING]);
      // Sections are one blank line apart, and the document keeps its text before them.
      assert.ok(text.startsWith(PERSONA.trimEnd() + '\n\n## Goals & Responsibilities\n'), text);
      assert.doesNotMatch(text, /\n\n\n/);
      assert.deepEqual(ofRule(after, 'required-section'), []);
      assert.ok(ofRule(after, 'recommended-section').length > 0, 'recommended sections are left alone');
    },
  );

  test(
    '"Insert all missing sections" adds required and recommended ones, each where its single insert would',
    LIMIT,
    async (t) => {
      const { client, doc, first } = await open(t, PERSONA);
      const d = ofRule(first, 'required-section')[0]!;
      const actions = await client.codeActions(doc, d.range, [d]);
      const all = action(actions, `Insert all ${MISSING.length + ofRule(first, 'recommended-section').length} missing sections`);
      const allEdits = editsOf(all.edit!, doc);
      // Each section is inserted at the position its own "Insert section" fix uses.
      const singles = first.diagnostics.filter(
        (x) => x.range.start.line === 0 && /^Missing (required|recommended) section/.test(messageOf(x)),
      );
      for (const single of singles) {
        const fix = (await client.codeActions(doc, single.range, [single])).find((x) => x.title.startsWith('Insert section'))!;
        const edit = editsOf(fix.edit!, doc)[0]!;
        const heading = /^## .*$/m.exec(edit.newText)![0];
        const holder = allEdits.find((e) => e.newText.split(/\r?\n/).includes(heading));
        assert.ok(holder, `${heading} is inserted`);
        assert.deepEqual(holder.range, edit.range, heading);
      }
      const after = await apply(client, doc, all);
      assert.deepEqual(ofRule(after, 'required-section'), []);
      assert.deepEqual(ofRule(after, 'recommended-section'), []);
      assert.doesNotMatch(client.text(doc), /\n\n\n/);
      assert.ok(client.text(doc).includes(PERSONA.slice(PERSONA.indexOf('## Demographics'))), 'the text already there is kept');
    },
  );

  test('the insert-all title counts in Russian plural forms', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA, { locale: 'ru' });
    const d = ofRule(first, 'required-section')[0]!;
    const titles = (await client.codeActions(doc, d.range, [d])).map((a) => a.title);
    assert.ok(titles.includes(`Вставить все ${MISSING.length} недостающих обязательных разделов`), titles.join('; '));
    assert.ok(titles.includes(`Вставить все ${MISSING.length + 7} недостающих разделов`), titles.join('; '));
  });

  test('source.fixAll.segdoc applies the safe fixes in one edit and leaves the rest', LIMIT, async (t) => {
    const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 } });
    assert.ok(
      JSON.stringify(client.initializeResult.capabilities.codeActionProvider).includes('source.fixAll.segdoc'),
      'the kind is declared',
    );
    const doc = uri('contoso.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, MATRIX);
    const first = await published;
    assert.equal(ofRule(first, 'score-total').length, 3);
    assert.equal(ofRule(first, 'required-section').length, 1, 'a missing section, whose fix inserts text');

    // What codeActionsOnSave asks: only the fix-all kind, for the whole document.
    const whole = { start: { line: 0, character: 0 }, end: { line: MATRIX.split('\n').length, character: 0 } };
    const actions = await client.codeActions(doc, whole, first.diagnostics, ['source.fixAll.segdoc']);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Fix all safe segdoc problems', 'source.fixAll.segdoc']],
    );
    const after = await apply(client, doc, actions[0]!);
    assert.equal(client.text(doc), MATRIX.replace('|   33 |', '|   34 |').replace('**30**', '**32**').replace('~19', '~17'));
    assert.deepEqual(ofRule(after, 'score-total'), []);
    // No template text was inserted and no disable comment added.
    assert.equal(ofRule(after, 'required-section').length, 1);

    // The light bulb (no kind asked) and a request for quick fixes do not list it.
    const bulb = await client.codeActions(doc, whole, after.diagnostics);
    assert.ok(!bulb.some((a) => a.kind === 'source.fixAll.segdoc'), bulb.map((a) => a.title).join('; '));
    const again = await client.codeActions(doc, whole, after.diagnostics, ['source']);
    assert.ok(!again.some((a) => a.kind === 'source.fixAll.segdoc'), 'nothing safe is left to fix');
  });

  test('"disable for this line" inserts a next-line comment above and silences the rule there', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const d = ofRule(first, 'required-section')[0]!;
    const actions = await client.codeActions(doc, d.range, [d]);
    const after = await apply(client, doc, action(actions, 'Disable required-section for this line'));

    assert.equal(client.text(doc), `<!-- segdoc-disable-next-line required-section -->\n${PERSONA}`);
    assert.deepEqual(ofRule(after, 'required-section'), []);
  });

  test('disabling a second rule on the same line extends the existing comment', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const req = ofRule(first, 'required-section')[0]!;
    const afterFirst = await apply(
      client,
      doc,
      action(await client.codeActions(doc, req.range, [req]), 'Disable required-section for this line'),
    );

    const rec = ofRule(afterFirst, 'recommended-section')[0];
    if (!rec) {
      t.skip('recommended-section does not report on this document');
      return;
    }
    const after = await apply(
      client,
      doc,
      action(await client.codeActions(doc, rec.range, [rec]), 'Disable recommended-section for this line'),
    );
    assert.equal(client.text(doc), `<!-- segdoc-disable-next-line required-section recommended-section -->\n${PERSONA}`);
    assert.deepEqual(ofRule(after, 'recommended-section'), []);
    assert.deepEqual(ofRule(after, 'required-section'), []);
  });

  test('"disable for this line" keeps the indentation of a list item', LIMIT, async (t) => {
    const text = PERSONA.replace('- **Industry**: SaaS', '- **Industry**: [Industry]');
    const { client, doc, first } = await open(t, text);
    const d = ofRule(first, 'placeholder')[0];
    if (!d) {
      t.skip('placeholder does not report on this document');
      return;
    }
    const after = await apply(
      client,
      doc,
      action(await client.codeActions(doc, d.range, [d]), 'Disable placeholder for this line'),
    );
    assert.equal(
      client.text(doc),
      text.replace('- **Industry**', '  <!-- segdoc-disable-next-line placeholder -->\n- **Industry**'),
    );
    assert.deepEqual(ofRule(after, 'placeholder'), []);
  });

  test('"disable for this file" goes after the front matter and silences the rule everywhere', LIMIT, async (t) => {
    const text = `---\nsegdoc: persona\n---\n${PERSONA.replace('# Persona: Dana', '# Dana')}`;
    const { client, doc, first } = await open(t, text);
    const d = ofRule(first, 'required-section')[0]!;
    assert.ok(d);
    const after = await apply(
      client,
      doc,
      action(await client.codeActions(doc, d.range, [d]), 'Disable required-section for this file'),
    );
    assert.equal(client.text(doc), text.replace('---\n# Dana', '---\n<!-- segdoc-disable required-section -->\n# Dana'));
    assert.deepEqual(ofRule(after, 'required-section'), []);
  });

  test('inserted lines use the document line ends (CRLF)', LIMIT, async (t) => {
    const text = PERSONA.replace(/\n/g, '\r\n');
    const { client, doc, first } = await open(t, text);
    const d = ofRule(first, 'required-section')[0]!;
    const after = await apply(
      client,
      doc,
      action(await client.codeActions(doc, d.range, [d]), 'Disable required-section for this line'),
    );
    assert.equal(client.text(doc), `<!-- segdoc-disable-next-line required-section -->\r\n${text}`);
    assert.deepEqual(ofRule(after, 'required-section'), []);
  });

  test('a client that drops Diagnostic.data still gets the quick fix', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const { data: _data, ...d } = byMessage(first, 'Missing required section "Buying Process"');
    const actions = await client.codeActions(doc, d.range, [d]);
    const fix = action(actions, 'Insert section "Buying Process"');
    const after = await apply(client, doc, fix);
    assert.ok(!after.diagnostics.some((x) => x.message === 'Missing required section "Buying Process"'));
  });

  test('a diagnostic from an older version gets fixes computed for the current text', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA, { settings: { debounceMs: 0, validate: 'onSave' } });
    const d = byMessage(first, 'Missing required section "Pain Points"');
    // The user types at the end; in on-save mode the diagnostics stay those of version 1.
    const end = { line: PERSONA.split('\n').length - 1, character: 0 };
    await client.change(doc, [{ range: { start: end, end }, text: '- **Tools**: Terraform\n' }]);

    const fix = action(await client.codeActions(doc, d.range, [d]), 'Insert section "Pain Points"');
    assert.equal((fix.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2);
    const expected = applyEdits(client.text(doc), editsOf(fix.edit!, doc));
    assert.match(expected, /- \*\*Tools\*\*: Terraform\n/);
    assert.match(expected, /\n## Pain Points\n/);
  });

  test('a request for other kinds of actions gets none', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA);
    const d = first.diagnostics[0]!;
    assert.deepEqual(await client.codeActions(doc, d.range, [d], [CodeActionKind.Refactor]), []);
  });

  test('without versioned edits support the fix comes as plain changes', LIMIT, async (t) => {
    const caps = fullCapabilities(true);
    caps.workspace!.workspaceEdit = { documentChanges: false };
    const { client, doc, first } = await open(t, PERSONA, { capabilities: caps });
    const d = byMessage(first, 'Missing required section "Messaging"');
    const fix = action(await client.codeActions(doc, d.range, [d]), 'Insert section "Messaging"');
    assert.equal(fix.edit?.documentChanges, undefined);
    assert.equal(fix.edit?.changes?.[doc]?.length, 1);
    const after = await apply(client, doc, fix);
    assert.ok(!after.diagnostics.some((x) => x.message === d.message));
  });

  test('the titles follow the message language', LIMIT, async (t) => {
    const { client, doc, first } = await open(t, PERSONA, { locale: 'ru' });
    const d = ofRule(first, 'required-section')[0]!;
    const titles = (await client.codeActions(doc, d.range, [d])).map((a) => a.title);
    assert.ok(titles.includes('Отключить required-section для этой строки'), titles.join('; '));
    assert.ok(titles.includes('Отключить required-section для этого файла'), titles.join('; '));
    assert.ok(
      titles.some((x) => x.startsWith('Вставить раздел «')),
      titles.join('; '),
    );
  });
});
