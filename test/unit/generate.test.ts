/**
 * One check for every generated file (scripts/generate.mjs): snippets, the config schemas,
 * the README tables and rule pages, the English l10n bundle. Each generator also has its own
 * test with a detailed message; this one is what `npm run generate -- --check` says in CI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');

test('every generated file is current (npm run generate -- --check)', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'generate.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /Every generated file is current/);
});
