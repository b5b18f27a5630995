/**
 * Workspace Trust and the client's locale over a real connection: with
 * `initializationOptions.trusted: false` custom kind schemas are left out and the config
 * file says why; `segdoc/workspaceTrust` re-checks everything with them. A client locale
 * that is no locale (`C`) leaves messages in the document's language.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { WORKSPACE_TRUST_METHOD } from '../../server/src/protocol';
import { customKindSchema, writeUnder } from '../fixtures/config-files';
import { LIMIT, messageOf, ofRule, startInFolder } from './client';
import { PERSONA_RU } from './docs';

const SCHEMA = customKindSchema('acme:standard', 'acme-standard', '^acme\\s+standard:');

const STANDARD = '# Acme Standard: Segments\n\n## Overview\n\nText.\n';

describe('Workspace Trust', () => {
  test('untrusted: no custom kinds, a warning in .segdoc.json; trust granted: checked with them', LIMIT, async (t) => {
    let dir = '';
    const { client, uri } = await startInFolder(t, (folder) => {
      dir = folder.dir;
      writeUnder(folder.dir, 'acme.schema.json', JSON.stringify(SCHEMA));
      writeUnder(folder.dir, '.segdoc.json', '{ "kinds": { "acme": { "schema": "./acme.schema.json" } } }\n');
      return { settings: { debounceMs: 0 }, initializationOptions: { trusted: false } };
    });
    const configUri = pathToFileURL(path.join(dir, '.segdoc.json')).href;
    const doc = uri('std.md');
    const configWarning = client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const first = client.diagnosticsFor(doc, 1);
    await client.open(doc, STANDARD);
    assert.deepEqual((await first).diagnostics, [], 'not a segdoc document without its custom kind');
    const warning = (await configWarning).diagnostics;
    assert.deepEqual(
      warning.map((d) => [d.severity, messageOf(d), d.range.start.line]),
      [
        [
          2,
          'Kind schemas of this folder are not loaded until you trust it (Workspace Trust): "acme". Built-in kinds and the rule settings apply meanwhile',
          0,
        ],
      ],
    );

    const cleared = client.diagnostics(configUri, (p) => p.diagnostics.length === 0);
    const rechecked = client.diagnostics(doc, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification(WORKSPACE_TRUST_METHOD, { trusted: true });
    assert.deepEqual(ofRule(await rechecked, 'required-section').map(messageOf), ['Missing required section "Segment Profiles"']);
    await cleared;
  });

  test('without initializationOptions.trusted the folder is trusted (clients without Workspace Trust)', LIMIT, async (t) => {
    const { client, uri } = await startInFolder(t, (folder) => {
      writeUnder(folder.dir, 'acme.schema.json', JSON.stringify(SCHEMA));
      writeUnder(folder.dir, '.segdoc.json', '{ "kinds": { "acme": { "schema": "./acme.schema.json" } } }\n');
      return { settings: { debounceMs: 0 } };
    });
    const doc = uri('std.md');
    const first = client.diagnosticsFor(doc, 1);
    await client.open(doc, STANDARD);
    assert.deepEqual(ofRule(await first, 'required-section').map(messageOf), ['Missing required section "Segment Profiles"']);
  });
});

describe('client locale', () => {
  for (const locale of ['C', 'POSIX', 'C.UTF-8']) {
    test(`a Russian document gets Russian messages when the client locale is "${locale}"`, LIMIT, async (t) => {
      const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, locale });
      const doc = uri('dana.persona.md');
      const first = client.diagnosticsFor(doc, 1);
      await client.open(doc, PERSONA_RU);
      const messages = ofRule(await first, 'required-section').map(messageOf);
      assert.ok(messages.length > 0);
      for (const m of messages) assert.match(m, /^Отсутствует обязательный раздел «/);
    });
  }

  test('a real client locale still decides: "en" gives English for a Russian document', LIMIT, async (t) => {
    const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, locale: 'en' });
    const doc = uri('dana.persona.md');
    const first = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA_RU);
    for (const m of ofRule(await first, 'required-section').map(messageOf)) assert.match(m, /^Missing required section "/);
  });
});
