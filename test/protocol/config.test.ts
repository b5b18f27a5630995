/**
 * `.segdoc.json` in the editor: documents are checked with the nearest config file, its own
 * problems are published on it, and a change to it (on disk or in an open buffer) re-checks
 * the open documents.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { ofRule, startInFolder, type Started, LIMIT } from './client';
import { PERSONA } from './docs';

function setup(t: TestContext, config: string | undefined): Promise<Started> {
  return startInFolder(t, (folder) => {
    if (config !== undefined) writeFileSync(join(folder.dir, '.segdoc.json'), config);
    return { settings: { debounceMs: 0 } };
  });
}

const WARN_REQUIRED = JSON.stringify({ rules: { 'required-section': 'warning', 'recommended-section': 'off' } });

describe('config files', () => {
  test('documents are checked with the nearest .segdoc.json', LIMIT, async (t) => {
    const { client, uri } = await setup(t, WARN_REQUIRED);
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    const p = await published;
    assert.ok(ofRule(p, 'required-section').length > 0);
    assert.ok(ofRule(p, 'required-section').every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.deepEqual(ofRule(p, 'recommended-section'), []);
  });

  test('problems of the config file are published on its URI, at their place', LIMIT, async (t) => {
    const text = '{\n  // a typo in a rule id\n  "rules": { "requried-section": "off" }\n}\n';
    const { client, uri } = await setup(t, text);
    const config = uri('.segdoc.json');
    const onConfig = client.diagnostics(config);
    await client.open(uri('dana.persona.md'), PERSONA);
    const p = await onConfig;
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0]!;
    assert.equal(d.code, 'config');
    assert.equal(d.source, 'segdoc');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    const at = text.split('\n')[2]!.indexOf('"requried-section"');
    assert.deepEqual(d.range, {
      start: { line: 2, character: at },
      end: { line: 2, character: at + '"requried-section"'.length },
    });
  });

  test('a config file changed on disk re-checks open documents (didChangeWatchedFiles)', LIMIT, async (t) => {
    const { client, dir, uri } = await setup(t, undefined);
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok(ofRule(await opened, 'required-section').every((d) => d.severity === DiagnosticSeverity.Error));

    writeFileSync(join(dir, '.segdoc.json'), WARN_REQUIRED);
    const rechecked = client.diagnostics(doc, (p) =>
      ofRule(p, 'required-section').some((d) => d.severity === DiagnosticSeverity.Warning),
    );
    await client.changeWatchedFiles([{ uri: uri('.segdoc.json'), type: FileChangeType.Created }]);
    const p = await rechecked;
    assert.equal(p.version, 1);
    assert.deepEqual(ofRule(p, 'recommended-section'), []);
  });

  test('a fixed config file gets its diagnostics cleared', LIMIT, async (t) => {
    const { client, dir, uri } = await setup(t, '{ "rules": { "nope": "off" } }');
    const config = uri('.segdoc.json');
    const bad = client.diagnostics(config, (p) => p.diagnostics.length === 1);
    await client.open(uri('dana.persona.md'), PERSONA);
    // It links to the page of the config rule, like every other diagnostic.
    assert.match((await bad).diagnostics[0]!.codeDescription?.href ?? '', /\/docs\/rules\/config\.md$/);

    writeFileSync(join(dir, '.segdoc.json'), WARN_REQUIRED);
    const cleared = client.diagnostics(config, (p) => p.diagnostics.length === 0);
    await client.changeWatchedFiles([{ uri: config, type: FileChangeType.Changed }]);
    await cleared;
  });

  test('editing an open .segdoc.json re-checks documents with the unsaved text', LIMIT, async (t) => {
    const { client, uri } = await setup(t, '{}\n');
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok(ofRule(await opened, 'required-section').every((d) => d.severity === DiagnosticSeverity.Error));

    const config = uri('.segdoc.json');
    await client.open(config, '{}\n', 'json');
    const rechecked = client.diagnostics(doc, (p) =>
      ofRule(p, 'required-section').some((d) => d.severity === DiagnosticSeverity.Warning),
    );
    await client.change(config, [{ text: WARN_REQUIRED }]);
    await rechecked;

    // An error typed into the buffer is reported on the buffer's version.
    const reported = client.diagnostics(config, (p) => p.diagnostics.length > 0);
    const version = await client.change(config, [{ text: '{ "rules": { "required-section": "loud" } }' }]);
    const p = await reported;
    assert.equal(p.version, version);
    assert.equal(p.diagnostics[0]!.code, 'config');

    // Closing the buffer: the file on disk ({}) applies again.
    const back = client.diagnostics(doc, (x) =>
      ofRule(x, 'required-section').some((d) => d.severity === DiagnosticSeverity.Error),
    );
    await client.close(config);
    await back;
  });
});
