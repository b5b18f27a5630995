/**
 * Settings and message language, with and without the client's workspace/configuration
 * capability: the server must work with clients that are not VS Code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messageOf, ofRule, startInFolder, LIMIT } from './client';
import { PAIN_POINTS, PERSONA, PERSONA_RU } from './docs';

const start = startInFolder;

const EN = 'Missing required section "Pain Points"';
const RU = 'Отсутствует обязательный раздел «Pain Points»';

describe('settings and language', () => {
  test('with workspace/configuration the server asks for the "segdoc" section of each document', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await published;
    assert.deepEqual(client.configurationRequests, [[{ scopeUri: doc, section: 'segdoc' }]]);
  });

  test('without workspace/configuration, initializationOptions settings apply and nothing is asked', LIMIT, async (t) => {
    const { client, uri } = await start(t, {
      configuration: false,
      initializationOptions: { settings: { validate: 'onSave', debounceMs: 0 } },
    });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await opened).diagnostics.some((d) => d.message === EN));

    const end = { line: PERSONA.split('\n').length - 1, character: 0 };
    await client.change(doc, [{ range: { start: end, end }, text: `\n${PAIN_POINTS}` }]);
    const other = uri('other.persona.md');
    const barrier = client.diagnosticsFor(other, 1);
    await client.open(other, PERSONA);
    await barrier;
    assert.deepEqual(
      client.publishesOf(doc).map((p) => p.version),
      [1],
      'onSave from initializationOptions: no check on change',
    );
    assert.deepEqual(client.configurationRequests, []);

    const saved = client.diagnosticsFor(doc, 2);
    await client.save(doc);
    assert.ok(!(await saved).diagnostics.some((d) => d.message === EN));
  });

  test('without workspace/configuration, pushed didChangeConfiguration settings re-check open documents', LIMIT, async (t) => {
    const { client, uri } = await start(t, {
      configuration: false,
      initializationOptions: { settings: { debounceMs: 0 }, locale: 'en' },
    });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await opened).diagnostics.some((d) => d.message === EN));

    const rechecked = client.diagnostics(doc, (p) => p.diagnostics.some((d) => d.message === RU));
    await client.changeConfiguration({ segdoc: { language: 'ru', debounceMs: 0 } });
    const p = await rechecked;
    assert.equal(p.version, 1);
  });

  test('with workspace/configuration, didChangeConfiguration makes the server ask again', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await opened).diagnostics.some((d) => d.message === EN));

    client.settings = { debounceMs: 0, language: 'ru' };
    const rechecked = client.diagnostics(doc, (p) => p.diagnostics.some((d) => d.message === RU));
    await client.changeConfiguration(null);
    await rechecked;
    assert.equal(client.configurationRequests.length, 2);
  });

  test(
    'a request that checks the document first after a language change does not keep the new messages from being published',
    LIMIT,
    async (t) => {
      const { client, uri } = await start(t, { settings: { debounceMs: 0, language: 'en' } });
      // Documents opened before it, so that its scheduled re-check waits behind theirs.
      for (const name of ['a', 'b', 'c', 'd']) {
        const other = uri(`${name}.persona.md`);
        const published = client.diagnosticsFor(other, 1);
        await client.open(other, PERSONA);
        await published;
      }
      const doc = uri('dana.persona.md');
      const opened = client.diagnosticsFor(doc, 1);
      await client.open(doc, PERSONA);
      assert.ok((await opened).diagnostics.some((d) => d.message === EN));

      // VS Code asks for code lenses (which need the current check) right after a publish, so
      // a request can check a document in the new language before its scheduled re-check
      // runs; that re-check must still publish what the request computed.
      client.settings = { debounceMs: 0, language: 'ru' };
      const since = client.publishes.length;
      const rechecked = client.diagnostics(doc, (p) => p.diagnostics.some((d) => d.message === RU), since);
      void client.changeConfiguration(null);
      const scores = await client.connection.sendRequest<{ kind: string } | null>('segdoc/scores', { uri: doc });
      assert.equal(scores?.kind, 'persona');
      await rechecked;
    },
  );

  test('a configuration change that changes nothing publishes nothing again', async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    await opened;

    // VS Code announces a change once per registration, so twice for segdoc's client.
    await client.changeConfiguration(null);
    await client.changeConfiguration(null);
    const other = uri('other.persona.md');
    const barrier = client.diagnosticsFor(other, 1);
    await client.open(other, PERSONA);
    await barrier;
    assert.ok(
      client.configurationRequests.filter((r) => r[0]?.scopeUri === doc).length >= 2,
      'the settings were asked for again',
    );
    assert.equal(client.publishesOf(doc).length, 1);
  });

  test('messages follow the client locale "ru"', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 }, locale: 'ru' });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    const p = await published;
    assert.ok(
      p.diagnostics.some((d) => d.message === RU),
      p.diagnostics.map((d) => d.message).join('; '),
    );
    assert.ok(ofRule(p, 'required-section').every((d) => messageOf(d).startsWith('Отсутствует обязательный раздел «')));
  });

  test('a regional locale (ru-RU) from initializationOptions counts as Russian', LIMIT, async (t) => {
    const { client, uri } = await start(t, {
      settings: { debounceMs: 0 },
      locale: 'en',
      initializationOptions: { locale: 'ru-RU' },
    });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await published).diagnostics.some((d) => d.message === RU));
  });

  test('segdoc.language overrides the client locale', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0, language: 'en' }, locale: 'ru' });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await published).diagnostics.some((d) => d.message === EN));
  });

  test('a Russian document gets Russian section titles in Russian messages', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0 }, locale: 'ru' });
    const doc = uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA_RU);
    const p = await published;
    assert.ok(
      ofRule(p, 'required-section').some((d) => /^Отсутствует обязательный раздел «[А-Яа-яЁё]/.test(messageOf(d))),
      p.diagnostics.map((d) => d.message).join('; '),
    );
  });

  test('invalid setting values fall back to the defaults instead of breaking checks', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { validate: 'sometimes', debounceMs: -5, language: 'fr' } });
    const doc = uri('dana.persona.md');
    const opened = client.diagnosticsFor(doc, 1);
    await client.open(doc, PERSONA);
    assert.ok((await opened).diagnostics.some((d) => d.message === EN));
    // validate falls back to onType: a change is checked.
    const changed = client.diagnosticsFor(doc, 2);
    const end = { line: PERSONA.split('\n').length - 1, character: 0 };
    await client.change(doc, [{ range: { start: end, end }, text: `\n${PAIN_POINTS}` }]);
    assert.ok(!(await changed).diagnostics.some((d) => d.message === EN));
  });
});
