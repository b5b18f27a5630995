/**
 * The language of CLI messages when nothing chooses one: with no usable locale (LANG unset,
 * `C`, `POSIX`, `C.UTF-8`, as in containers and CI runners) each document's messages follow
 * the document's language; a real locale still decides. Runs the built CLI like cli.test.ts
 * (`node scripts/build.mjs` first when running this file alone).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { envLanguage } from '../../server/src/cli/run';
import { PERSONA, PERSONA_RU } from '../protocol/docs';
import { ensureBuilt, segdoc } from './run-cli';

// The persona documents of the protocol tests: each lacks required sections in its language.
const RU = PERSONA_RU;
const EN = PERSONA;

let dir: string;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-locale-'));
  writeFileSync(path.join(dir, 'dana-ru.persona.md'), RU);
  writeFileSync(path.join(dir, 'dana-en.persona.md'), EN);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `segdoc check` with exactly these locale variables (LANG: 'C' is replaced, not merged). */
function check(files: string[], env: Record<string, string>): string {
  const r = segdoc(['check', ...files], dir, { LANG: '', ...env });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 1, r.stdout);
  return r.stdout;
}

describe('message language from the environment', () => {
  const envs: Array<Record<string, string>> = [
    { LANG: 'C' },
    { LANG: 'POSIX' },
    { LANG: 'C.UTF-8' },
    {},
    { LC_ALL: 'C', LANG: 'en_US.UTF-8' },
  ];
  for (const env of envs) {
    test(`a Russian document gets Russian messages with ${JSON.stringify(env)}`, () => {
      const out = check(['dana-ru.persona.md'], env);
      assert.match(out, /ошибка\s+Отсутствует обязательный раздел «Цели и обязанности»/);
      assert.doesNotMatch(out, /Missing required section/);
      // The whole report is Russian: severities, the tally and the summary.
      assert.doesNotMatch(out, /\berror\b|complete|problems/);
    });
  }

  test('a real locale decides: LANG=en_US.UTF-8 gives English messages for a Russian document', () => {
    const out = check(['dana-ru.persona.md'], { LANG: 'en_US.UTF-8' });
    assert.match(out, /error\s+Missing required section "Цели и обязанности"/);
    assert.doesNotMatch(out, /Отсутствует обязательный|ошибка/);
  });

  test('LANG=ru_RU.UTF-8 gives Russian messages for an English document', () => {
    const out = check(['dana-en.persona.md'], { LANG: 'ru_RU.UTF-8' });
    assert.doesNotMatch(out, /Missing required section/);
    assert.match(out, /ошибка\s+Отсутствует обязательный раздел «Pain Points»/);
  });

  test('with LANG=C, documents in both languages each get their own block, and the summary is English', () => {
    const out = check(['dana-en.persona.md', 'dana-ru.persona.md'], { LANG: 'C' });
    const [en, ru] = out.split('\n\n');
    assert.match(en!, /Missing required section "Pain Points"/);
    assert.match(ru!, /Отсутствует обязательный раздел «Боли»/);
    // Each document's block is in its language (tally and severities), the summary in English.
    assert.match(en!, /Buyer persona · \d+% complete/);
    assert.match(en!, /\berror\b/);
    assert.match(ru!, /Персона покупателя · заполнено \d+%/);
    assert.match(ru!, /ошибка/);
    assert.doesNotMatch(ru!, /complete|\berror\b/);
    assert.match(out, /problems \(\d+ errors/);
  });
});

describe('envLanguage', () => {
  test('reads LC_ALL, then LC_MESSAGES, then LANG, and knows no locale from C and POSIX', () => {
    assert.equal(envLanguage({}), undefined);
    assert.equal(envLanguage({ LANG: 'C' }), undefined);
    assert.equal(envLanguage({ LANG: 'C.UTF-8' }), undefined);
    assert.equal(envLanguage({ LANG: 'c.utf8' }), undefined);
    assert.equal(envLanguage({ LANG: 'POSIX' }), undefined);
    assert.equal(envLanguage({ LANG: 'ru_RU.UTF-8' }), 'ru');
    assert.equal(envLanguage({ LANG: 'de_DE.UTF-8' }), 'en');
    assert.equal(envLanguage({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }), 'ru');
    assert.equal(envLanguage({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }), undefined);
    assert.equal(envLanguage({ LC_ALL: '', LANG: 'ru_RU.UTF-8' }), 'ru');
  });
});
