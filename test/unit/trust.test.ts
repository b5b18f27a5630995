/**
 * Workspace Trust in the config loader: in an untrusted folder the kind schema files a
 * `.segdoc.json` points to are not read; built-in kinds, globs, aliases and rule settings
 * still apply, and one warning on the first schema reference says why.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearConfigCache, lintOptionsFor, loadConfigFile, type LoadedConfig } from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import { localize } from '../../server/src/l10n';
import { customKindSchema, writeUnder } from '../fixtures/config-files';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-trust-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = customKindSchema('acme:standard', 'acme-standard', '^customer\\s+segmentation:\\s+acme');

const CONFIG = `{
  "rules": { "recommended-section": "off" },
  "kinds": {
    "persona": { "files": ["people/*.md"], "aliases": { "pain-points": ["Headaches"] } },
    "acme": { "schema": "./acme.schema.json", "files": ["standards/*.md"] }
  }
}
`;

const STANDARD = '# Customer Segmentation: Acme Standards\n\n## Overview\n\nText.\n';
const PERSONA = '# Dana\n\n## Demographics\n\n- **Job Title**: DevOps lead\n';

function setup(name: string): string {
  writeUnder(dir, `${name}/acme.schema.json`, JSON.stringify(SCHEMA));
  return writeUnder(dir, `${name}/.segdoc.json`, CONFIG);
}

function check(loaded: LoadedConfig, folder: string, rel: string, text: string) {
  return lint(text, { path: rel, ...lintOptionsFor(loaded, path.join(dir, folder, rel)) });
}

describe('an untrusted folder', () => {
  test('custom kind schemas are not loaded and one warning on the schema reference says why', () => {
    const file = setup('untrusted');
    const loaded = loadConfigFile(file, { trusted: false });
    assert.deepEqual(
      loaded.config.kinds?.map((k) => k.kind),
      ['persona', 'segmentation', 'gtm', 'prioritization'],
      'only the built-in kinds',
    );
    assert.ok(!loaded.dependencies.some((d) => d.endsWith('acme.schema.json')), 'the schema file is not read');
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.messageId, d.severity, CONFIG.slice(d.span.start, d.span.end)]),
      [['untrusted', 'warning', '"./acme.schema.json"']],
    );
    assert.equal(
      loaded.diagnostics[0]!.message,
      'Kind schemas of this folder are not loaded until you trust it (Workspace Trust): "acme". Built-in kinds and the rule settings apply meanwhile',
    );
    // The custom kind's document is read as the built-in kind its title names.
    assert.equal(check(loaded, 'untrusted', 'standards/std.md', STANDARD).detection?.kind.kind, 'segmentation');
    assert.deepEqual(loaded.config.globs, { persona: ['people/*.md'] }, "the custom kind's globs go with it");
  });

  test('built-in kinds, their globs and aliases and the rule settings still apply', () => {
    const loaded = loadConfigFile(setup('builtin'), { trusted: false });
    const result = check(
      loaded,
      'builtin',
      'people/dana.md',
      PERSONA + '\n## Headaches\n\n1. Slow deploys\n2. Flaky CI\n3. Cost\n',
    );
    assert.equal(result.detection?.kind.kind, 'persona', 'found by the config glob');
    const missing = result.findings.filter((f) => f.rule === 'required-section').map((f) => f.args['section']);
    assert.ok(!missing.includes('Pain Points'), 'the alias "Headaches" names Pain Points');
    assert.deepEqual(
      result.findings.filter((f) => f.rule === 'recommended-section'),
      [],
      'the rule is off',
    );
  });

  test('a built-in kind replaced by a workspace schema keeps its own schema', () => {
    writeUnder(dir, 'replaced/persona.schema.json', JSON.stringify({ ...SCHEMA, $id: 'acme:persona' }));
    const file = writeUnder(dir, 'replaced/.segdoc.json', '{ "kinds": { "persona": { "schema": "./persona.schema.json" } } }');
    const loaded = loadConfigFile(file, { trusted: false });
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.messageId),
      ['untrusted'],
    );
    const result = check(
      loaded,
      'replaced',
      'dana.persona.md',
      `# Persona: Dana\n\n## Demographics\n\n- **Job Title**: DevOps lead\n`,
    );
    assert.ok(
      result.findings.some((f) => f.rule === 'required-section' && f.args['section'] === 'Pain Points'),
      'checked against the built-in persona',
    );
  });

  test('the warning is in the language asked for', () => {
    const loaded = loadConfigFile(setup('ru'), { trusted: false, locale: 'ru' });
    assert.equal(
      loaded.diagnostics[0]!.message,
      localize(
        'ru',
        'Kind schemas of this folder are not loaded until you trust it (Workspace Trust): {kinds}. Built-in kinds and the rule settings apply meanwhile',
        { kinds: '"acme"' },
      ),
    );
    assert.match(loaded.diagnostics[0]!.message, /доверите/);
  });

  test('trusted (the default, as in the CLI) loads the custom kind; the cache keeps the two apart', () => {
    clearConfigCache();
    const file = setup('both');
    const untrusted = loadConfigFile(file, { trusted: false });
    const trusted = loadConfigFile(file);
    assert.deepEqual(trusted.diagnostics, []);
    assert.equal(trusted.config.kinds?.[0]?.kind, 'acme');
    assert.equal(check(trusted, 'both', 'standards/std.md', STANDARD).detection?.kind.kind, 'acme');
    assert.equal(loadConfigFile(file, { trusted: false }), untrusted, 'cached per trust');
    assert.equal(loadConfigFile(file, { trusted: true }).config.kinds?.[0]?.kind, 'acme');
  });
});
