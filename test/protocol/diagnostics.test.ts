/**
 * The language server over stdio: diagnostics on open, change, save and close, exactly as a
 * client receives them. Each test starts its own server process and stops it afterwards.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ofRule, startInFolder, LIMIT } from './client';
import { MISSING, PAIN_POINTS, PERSONA, README, TITLE_RANGE } from './docs';

const start = startInFolder;

/** The position just past the end of `text`. */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

function assertWellFormed(p: PublishDiagnosticsParams, text: string): void {
  const lines = text.split(/\r?\n/);
  for (const d of p.diagnostics) {
    assert.equal(d.source, 'segdoc');
    assert.equal(typeof d.code, 'string');
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, `severity of ${String(d.code)}`);
    for (const pos of [d.range.start, d.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < lines.length, `${String(d.code)} line ${pos.line} is inside the document`);
      assert.ok(pos.character >= 0 && pos.character <= lines[pos.line]!.length, `${String(d.code)} character inside its line`);
    }
  }
}

describe('diagnostics over stdio', () => {
  test('didOpen publishes the findings of the opened version with exact ranges', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    const p = await published;

    assert.equal(p.version, 1);
    assertWellFormed(p, PERSONA);
    const missing = ofRule(p, 'required-section');
    assert.deepEqual(
      missing.map((d) => d.message),
      MISSING.map((s) => `Missing required section "${s}"`),
    );
    for (const d of missing) {
      assert.deepEqual(d.range, TITLE_RANGE);
      assert.equal(d.severity, DiagnosticSeverity.Error);
    }
  });

  test('didChange with an incremental change publishes the new set for the new version', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const first = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await first;

    const second = client.diagnosticsFor(doc, 2);
    const at = endOf(PERSONA);
    await client.change(doc, [{ range: { start: at, end: at }, text: `\n${PAIN_POINTS}` }]);
    const p = await second;

    assert.equal(p.version, 2);
    assertWellFormed(p, client.text(doc));
    assert.deepEqual(
      ofRule(p, 'required-section').map((d) => d.message),
      MISSING.filter((s) => s !== 'Pain Points').map((s) => `Missing required section "${s}"`),
    );
  });

  test('the default debounce still publishes after a change', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('dana.persona.md');
    const first = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await first;
    const second = client.diagnosticsFor(doc, 2);
    const at = endOf(PERSONA);
    await client.change(doc, [{ range: { start: at, end: at }, text: `\n${PAIN_POINTS}` }]);
    assert.equal(ofRule(await second, 'required-section').length, MISSING.length - 1);
  });

  test('a rapid sequence of changes ends with the final version, never an older one after a newer', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await opened;

    // Twenty single-character edits, then the one that adds a section.
    let version = 1;
    for (let i = 0; i < 20; i++) {
      const at = endOf(client.text(doc));
      version = await client.change(doc, [{ range: { start: at, end: at }, text: i % 2 ? '\n' : 'x' }]);
    }
    const at = endOf(client.text(doc));
    const final = client.diagnosticsFor(doc, version + 1);
    version = await client.change(doc, [{ range: { start: at, end: at }, text: `\n\n${PAIN_POINTS}` }]);
    const last = await final;
    assert.equal(last.version, version);
    assert.equal(ofRule(last, 'required-section').length, MISSING.length - 1);

    // A barrier: another document's check is queued after anything still pending for this one.
    const other = uri('other.persona.md');
    const barrier = client.diagnosticsFor(other, 1);
    await client.open(other, PERSONA);
    await barrier;

    const versions = client.publishesOf(doc).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++)
      assert.ok(versions[i]! >= versions[i - 1]!, `published versions ${versions.join(', ')} never go back`);
    assert.equal(versions[versions.length - 1], version);
  });

  test('in onSave mode a change publishes nothing and didSave publishes the saved version', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { validate: 'onSave', debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.equal(ofRule(await opened, 'required-section').length, MISSING.length);

    const at = endOf(PERSONA);
    await client.change(doc, [{ range: { start: at, end: at }, text: `\n${PAIN_POINTS}` }]);
    // Checks run one at a time in the order they were asked for: once a document opened
    // after the change has its diagnostics, a check caused by the change would have come first.
    const other = uri('other.persona.md');
    const barrier = client.diagnosticsFor(other, 1);
    await client.open(other, PERSONA);
    await barrier;
    assert.deepEqual(
      client.publishesOf(doc).map((p) => p.version),
      [1],
    );

    const saved = client.diagnosticsFor(doc, 2);
    await client.save(doc);
    assert.equal(ofRule(await saved, 'required-section').length, MISSING.length - 1);
  });

  test(
    'in onSave mode a settings change does not check unsaved edits, even after a code action looked at them',
    LIMIT,
    async (t) => {
      const { client, uri } = await start(t, { settings: { validate: 'onSave', debounceMs: 0 } });
      const doc = uri('dana.persona.md');
      const opened = client.diagnosticsFor(doc, 1);
      await client.open(doc, PERSONA);
      const first = await opened;

      const at = endOf(PERSONA);
      await client.change(doc, [{ range: { start: at, end: at }, text: `\n${PAIN_POINTS}` }]);
      // The light bulb asks for actions on the changed text; then the settings change (VS Code
      // announces it twice) and every open document is re-checked.
      const d = first.diagnostics[0]!;
      await client.codeActions(doc, d.range, [d]);
      await client.changeConfiguration(null);
      await client.changeConfiguration(null);
      const other = uri('other.persona.md');
      const barrier = client.diagnosticsFor(other, 1);
      await client.open(other, PERSONA);
      await barrier;
      assert.deepEqual(
        client.publishesOf(doc).map((p) => p.version),
        [1],
      );

      const saved = client.diagnosticsFor(doc, 2);
      await client.save(doc);
      assert.equal(ofRule(await saved, 'required-section').length, MISSING.length - 1);
    },
  );

  test('closing a document clears its diagnostics', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await opened).diagnostics.length > 0);

    const cleared = client.diagnostics(doc, (p) => p.diagnostics.length === 0);
    await client.close(doc);
    const p = await cleared;
    assert.deepEqual(p.diagnostics, []);
  });

  test('a README (Markdown that is no segdoc document) gets an empty list', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('README.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, README);
    assert.deepEqual((await published).diagnostics, []);
  });

  test('documents that are not Markdown get no diagnostics at all', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const notes = uri('notes.txt');
    await client.open(notes, PERSONA, 'plaintext');
    const doc = uri('dana.persona.md');
    const barrier = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await barrier;
    assert.deepEqual(client.publishesOf(notes), []);
  });

  test('a document with a BOM and CRLF line ends gets ranges in the editor text', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const text = `\uFEFF${PERSONA.replace(/\n/g, '\r\n')}`;
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, text);
    const missing = ofRule(await published, 'required-section');
    assert.equal(missing.length, MISSING.length);
    // The BOM is one UTF-16 code unit of line 0, before "# ".
    for (const d of missing) assert.deepEqual(d.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 16 } });
  });
});
